// PDFs through the real `mailroom process`: a generated box scanned into one multi-page PDF (as
// a scan station writes it: Leptonica's PDF of each page image at its own resolution) is routed as
// its page images are; a PDF page whose invisible text layer names another case is routed by what
// its image shows.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>

#include "mailroom/pdf/pdf_document.h"
#include "mailroom/samplegen/samplegen.h"
#include "run_mailroom.h"
#include "temp_dir.h"
#include "test_pdfs.h"

using namespace mailroom;
using nlohmann::json;
using testing::TempDir;
namespace fs = std::filesystem;

namespace {

// Every document JSON under OUT/postkorb and OUT/review.
std::vector<json> Documents(const fs::path& out) {
  std::vector<json> documents;
  for (const char* tray : {"postkorb", "review"}) {
    if (!fs::exists(out / tray)) continue;
    for (const auto& entry : fs::recursive_directory_iterator(out / tray)) {
      if (entry.path().extension() == ".json") documents.push_back(testing::ReadJson(entry.path()));
    }
  }
  return documents;
}

// Where each page went: "<jobcenter or review>/<bg_number or none>", by page name.
std::map<std::string, std::string> Destinations(const std::vector<json>& documents) {
  std::map<std::string, std::string> where;
  for (const json& doc : documents) {
    const std::string to =
        (doc["jobcenter_id"].is_null() ? std::string("review") : doc["jobcenter_id"].get<std::string>()) + "/" +
        (doc["bg_number"].is_null() ? std::string("none") : doc["bg_number"].get<std::string>());
    for (const auto& page : doc["pages"]) where[page.get<std::string>()] = to;
  }
  return where;
}

testing::CommandResult Process(const fs::path& box, const fs::path& registry, const fs::path& out) {
  return testing::RunMailroom("process " + testing::Quoted(box) + " --registry " + testing::Quoted(registry) +
                              " --out " + testing::Quoted(out) + " --jobs 2 --quiet");
}

// The page images of `box` in scan order.
std::vector<fs::path> PageFiles(const fs::path& box) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(box)) {
    if (entry.path().filename() != "box.json") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// A generated box of `envelopes` envelopes.
samplegen::SampleSummary Sample(const fs::path& out, unsigned seed, int envelopes) {
  samplegen::SampleOptions options;
  options.out_dir = out;
  options.seed = seed;
  options.envelopes = envelopes;
  auto sample = samplegen::GenerateSampleBox(options);
  REQUIRE(sample);
  return *sample;
}

}  // namespace

TEST_CASE("process: a box as one scanned PDF is routed as its page images are", "[process][pdf]") {
  TempDir dir;
  const samplegen::SampleSummary sample = Sample(dir / "sample", 11, 3);

  // The same pages as one PDF, each page image at its own resolution.
  const std::vector<fs::path> files = PageFiles(sample.box_dir);
  fs::create_directories(dir / "pdf_box");
  fs::copy_file(sample.box_dir / "box.json", dir / "pdf_box" / "box.json");
  {
    Pixa* pixa = pixaCreate(0);
    for (const auto& file : files) {
      Pix* pix = pixRead(file.c_str());
      REQUIRE(pix != nullptr);
      pixaAddPix(pixa, pix, L_INSERT);
    }
    l_uint8* bytes = nullptr;
    size_t size = 0;
    const int failed = pixaConvertToPdfData(pixa, 0, 1.0, L_DEFAULT_ENCODE, 0, "box", &bytes, &size);
    pixaDestroy(&pixa);
    REQUIRE(failed == 0);
    testing::WriteFile(dir / "pdf_box" / "0001.pdf", std::string(reinterpret_cast<char*>(bytes), size));
    lept_free(bytes);
  }

  const auto images = Process(sample.box_dir, sample.registry_dir, dir / "out_images");
  INFO(images.output);
  REQUIRE(images.exit_code == 0);
  const auto pdf = Process(dir / "pdf_box", sample.registry_dir, dir / "out_pdf");
  INFO(pdf.output);
  REQUIRE(pdf.exit_code == 0);

  const json report_images = testing::ReadJson(dir / "out_images" / "report.json");
  const json report_pdf = testing::ReadJson(dir / "out_pdf" / "report.json");
  CHECK(report_pdf["pages_in"] == report_images["pages_in"]);
  CHECK(report_pdf["pages_routed"] == report_images["pages_routed"]);
  CHECK(report_pdf["pages_review"] == report_images["pages_review"]);
  CHECK(report_pdf["blank_pages"].size() == report_images["blank_pages"].size());
  CHECK(report_pdf["separator_pages"].size() == report_images["separator_pages"].size());
  CHECK(report_images["pages_routed"].get<int>() > 0);

  const auto by_image = Destinations(Documents(dir / "out_images"));
  const auto by_pdf = Destinations(Documents(dir / "out_pdf"));
  for (std::size_t i = 0; i < files.size(); ++i) {
    const std::string image = files[i].filename().string();
    const std::string page = "0001.pdf#" + std::to_string(i + 1);
    INFO(image << " as " << page);
    CHECK(by_pdf.count(page) == by_image.count(image));
    if (by_image.count(image) == 1 && by_pdf.count(page) == 1) CHECK(by_pdf.at(page) == by_image.at(image));
  }
}

TEST_CASE("process: a PDF page whose text layer names another case is routed by its image", "[process][pdf]") {
  TempDir dir;
  const samplegen::SampleSummary sample = Sample(dir / "sample", 12, 2);
  const auto images = Process(sample.box_dir, sample.registry_dir, dir / "out_images");
  INFO(images.output);
  REQUIRE(images.exit_code == 0);

  // The first page of a routed document (it carries the case's number), and another case.
  json routed;
  for (const json& doc : Documents(dir / "out_images")) {
    if (!doc["jobcenter_id"].is_null() && !doc["bg_number"].is_null()) routed = doc;
  }
  REQUIRE(routed.is_object());
  const std::string bg = routed["bg_number"].get<std::string>();
  std::string other_bg;
  {
    std::ifstream cases(sample.registry_dir / "cases.csv");
    std::string line;
    std::getline(cases, line);  // header
    while (std::getline(cases, line)) {
      const std::string number = line.substr(0, line.find(','));
      if (number != bg) other_bg = number;
    }
  }
  REQUIRE_FALSE(other_bg.empty());
  const std::string first = routed["pages"][0].get<std::string>();
  PixPtr image(pixRead((sample.box_dir / first).c_str()));
  REQUIRE(image);

  fs::create_directories(dir / "pdf_box");
  const std::string layer = "Bedarfsgemeinschaft " + other_bg + " BG-Nummer " + other_bg;
  testing::WriteFile(dir / "pdf_box" / "0001.pdf", testing::ScanPdf({{image.get(), pixGetXRes(image.get()), layer}}));
  // The text layer is there, and names the other case.
  auto opened = pdf::PdfDocument::Open(dir / "pdf_box" / "0001.pdf");
  REQUIRE(opened);
  auto text = opened->PageText(0);
  REQUIRE(text);
  CHECK_THAT(*text, Catch::Contains(other_bg));

  const auto run = Process(dir / "pdf_box", sample.registry_dir, dir / "out_pdf");
  INFO(run.output);
  REQUIRE(run.exit_code == 0);
  const auto documents = Documents(dir / "out_pdf");
  REQUIRE(documents.size() == 1);
  CHECK(documents[0]["pages"] == json::array({"0001.pdf"}));
  CHECK(documents[0]["bg_number"] == bg);
  CHECK(documents[0]["jobcenter_id"] == routed["jobcenter_id"]);
}
