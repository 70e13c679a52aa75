// Tests of the sample generator: determinism, the box layout, registry and truth consistency, and
// that its barcodes decode with zxing-cpp the way the ingest stage will read them.
#define ZX_USE_UTF8
#include <sys/stat.h>

#include <catch2/catch.hpp>

#include <ZXing/ReadBarcode.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "mailroom/common/atomic_file.h"
#include "mailroom/image/pix.h"
#include "mailroom/samplegen/samplegen.h"
#include "samplegen_test_util.h"

namespace fs = std::filesystem;
using mailroom::PixPtr;
using nlohmann::json;
namespace sg = mailroom::samplegen;
using samplegen_test::ReadJson;
using samplegen_test::Slurp;
using samplegen_test::SmallBox;
using samplegen_test::TempDir;

namespace {

std::vector<std::vector<std::string>> ReadCsv(const fs::path& path) {
  std::vector<std::vector<std::string>> rows;
  std::istringstream in(Slurp(path));
  std::string line;
  while (std::getline(in, line)) {
    std::vector<std::string> fields;
    std::stringstream cells(line);
    std::string cell;
    while (std::getline(cells, cell, ',')) fields.push_back(cell);
    rows.push_back(fields);
  }
  return rows;
}

// Leptonica keeps pixels in big-endian 32-bit words; zxing-cpp wants plain bytes (LIBRARY-NOTES).
// Downscaling is off: Debian's zxing-cpp 1.4 is built with assertions, and ReadBarcodes aborts in
// Result::operator== (assert lineCount() == 1) when the same 1D code is found again in a
// downscaled layer of a large page.
// zxing-cpp 1.4 finds a DataMatrix only where it crosses the image's horizontal centre line
// (zxing-cpp issue #189), so corner symbols are decoded from a crop, as a reader must do.
std::vector<std::string> DecodeBarcodes(Pix* page, const BOX* crop = nullptr) {
  PixPtr clipped(crop ? pixClipRectangle(page, const_cast<BOX*>(crop), nullptr) : pixClone(page));
  REQUIRE(clipped);
  PixPtr grey(pixConvertTo8(clipped.get(), 0));
  REQUIRE(grey);
  PixPtr bytes(pixEndianByteSwapNew(grey.get()));
  REQUIRE(bytes);
  ZXing::ImageView view(reinterpret_cast<const uint8_t*>(pixGetData(bytes.get())),
                        static_cast<int>(pixGetWidth(bytes.get())), static_cast<int>(pixGetHeight(bytes.get())),
                        ZXing::ImageFormat::Lum, pixGetWpl(bytes.get()) * 4);
  ZXing::DecodeHints hints;
  hints.setFormats(ZXing::BarcodeFormat::Code128 | ZXing::BarcodeFormat::DataMatrix | ZXing::BarcodeFormat::QRCode);
  hints.setTryDownscale(false);
  std::vector<std::string> texts;
  for (const auto& result : ZXing::ReadBarcodes(view, hints)) texts.push_back(result.text());
  return texts;
}

double DarkShare(Pix* pix) {
  PixPtr grey(pixConvertTo8(pix, 0));
  l_int32 dark = 0;
  PixPtr binary(pixThresholdToBinary(grey.get(), 128));
  pixCountPixels(binary.get(), &dark, nullptr);
  return static_cast<double>(dark) / (static_cast<double>(pixGetWidth(pix)) * pixGetHeight(pix));
}

// Removes spaces and dashes: "35301 BG 0012345" and "35301-BG-0012345" become "35301BG0012345".
std::string Squeeze(const std::string& text) {
  std::string out;
  for (char ch : text) {
    if (ch != ' ' && ch != '-') out += ch;
  }
  return out;
}

}  // namespace

TEST_CASE("same seed gives byte-identical files, another seed does not", "[samplegen]") {
  TempDir a("det_a"), b("det_b"), c("det_c");
  REQUIRE(sg::GenerateSampleBox(SmallBox(a.path(), 7, 3)).has_value());
  REQUIRE(sg::GenerateSampleBox(SmallBox(b.path(), 7, 3)).has_value());
  REQUIRE(sg::GenerateSampleBox(SmallBox(c.path(), 8, 3)).has_value());
  std::set<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(a.path())) {
    if (entry.is_regular_file()) files.insert(fs::relative(entry.path(), a.path()));
  }
  std::set<fs::path> files_b;
  for (const auto& entry : fs::recursive_directory_iterator(b.path())) {
    if (entry.is_regular_file()) files_b.insert(fs::relative(entry.path(), b.path()));
  }
  REQUIRE(files == files_b);
  for (const fs::path& file : files) {
    INFO(file);
    CHECK(Slurp(a.path() / file) == Slurp(b.path() / file));
  }
  CHECK(Slurp(a.path() / "truth.json") != Slurp(c.path() / "truth.json"));
}

TEST_CASE("box layout: one image per page, names in scan order, truth outside the box", "[samplegen]") {
  TempDir dir("layout");
  auto summary = sg::GenerateSampleBox(SmallBox(dir.path(), 3, 10));
  REQUIRE(summary.has_value());
  CHECK(summary->envelopes == 10);
  CHECK(summary->pages >= 20);
  CHECK(summary->pages <= 50);
  CHECK(summary->box_dir == dir.path() / "box");
  CHECK(fs::exists(summary->truth_file));
  CHECK_FALSE(fs::exists(summary->box_dir / "truth.json"));

  json truth = ReadJson(summary->truth_file);
  CHECK(truth["box_id"] == "BOX-3");
  const json& pages = truth["pages"];
  REQUIRE(static_cast<int>(pages.size()) == summary->pages);

  std::vector<std::string> images;
  for (const auto& entry : fs::directory_iterator(summary->box_dir)) {
    std::string name = entry.path().filename().string();
    if (name != "box.json") images.push_back(name);
  }
  std::sort(images.begin(), images.end());
  REQUIRE(static_cast<int>(images.size()) == summary->pages);
  for (std::size_t i = 0; i < images.size(); ++i) {
    CHECK(pages[i]["file"] == images[i]);
    char expected_prefix[32];
    std::snprintf(expected_prefix, sizeof expected_prefix, "%04zu.", i + 1);
    CHECK(images[i].rfind(expected_prefix, 0) == 0);
  }

  json box = ReadJson(summary->box_dir / "box.json");
  CHECK(box["box_id"] == "BOX-3");
  CHECK(box["seal"].get<std::string>().rfind("SEAL-", 0) == 0);
  CHECK(box["origin"].get<std::string>().rfind("jobcenter-", 0) == 0);
}

TEST_CASE("file extensions match the image format, resolution is set", "[samplegen]") {
  TempDir dir("formats");
  auto summary = sg::GenerateSampleBox(SmallBox(dir.path(), 5, 8, 300));
  REQUIRE(summary.has_value());
  std::set<std::string> extensions;
  for (const auto& entry : fs::directory_iterator(summary->box_dir)) {
    std::string ext = entry.path().extension().string();
    if (entry.path().filename() == "box.json") continue;
    extensions.insert(ext);
    std::string head = Slurp(entry.path()).substr(0, 4);
    INFO(entry.path());
    if (ext == ".tif") CHECK((head == std::string("II*\0", 4) || head == std::string("MM\0*", 4)));
    if (ext == ".png") CHECK(head == "\x89PNG");
    if (ext == ".jpg") CHECK(head.substr(0, 2) == "\xFF\xD8");
    PixPtr pix(pixRead(entry.path().c_str()));
    REQUIRE(pix);
    CHECK(pixGetXRes(pix.get()) == 300);
    CHECK(pixGetWidth(pix.get()) == 2480);
    CHECK(pixGetHeight(pix.get()) == 3508);
  }
  CHECK(extensions.count(".tif") == 1);
  CHECK(extensions.size() >= 2);
}

TEST_CASE("every written file has mode 0600", "[samplegen]") {
  TempDir dir("modes");
  auto summary = sg::GenerateSampleBox(SmallBox(dir.path(), 2, 2));
  REQUIRE(summary.has_value());
  for (const auto& entry : fs::recursive_directory_iterator(dir.path())) {
    if (!entry.is_regular_file()) continue;
    struct stat st {};
    REQUIRE(::stat(entry.path().c_str(), &st) == 0);
    INFO(entry.path());
    CHECK((st.st_mode & 0777) == 0600);
  }
}

TEST_CASE("registry: BG prefixes equal the jobcenter's dienststelle, numbers well-formed and unique", "[samplegen]") {
  TempDir dir("registry");
  auto summary = sg::GenerateSampleBox(SmallBox(dir.path(), 11, 2));
  REQUIRE(summary.has_value());
  auto jobcenters = ReadCsv(summary->registry_dir / "jobcenters.csv");
  REQUIRE(jobcenters.at(0) == std::vector<std::string>{"jobcenter_id", "name", "dienststelle"});
  CHECK(jobcenters.size() >= 4);
  CHECK(jobcenters.size() <= 6);
  std::map<std::string, std::string> dienststelle_of;
  std::set<std::string> dienststellen;
  for (std::size_t i = 1; i < jobcenters.size(); ++i) {
    REQUIRE(jobcenters[i].size() == 3);
    CHECK(std::regex_match(jobcenters[i][2], std::regex("[0-9]{5}")));
    dienststelle_of[jobcenters[i][0]] = jobcenters[i][2];
    dienststellen.insert(jobcenters[i][2]);
  }
  CHECK(dienststellen.size() == jobcenters.size() - 1);

  auto cases = ReadCsv(summary->registry_dir / "cases.csv");
  REQUIRE(cases.at(0).size() == 9);
  CHECK(cases[0][0] == "bg_number");
  std::set<std::string> customers;
  std::set<std::string> bgs;
  for (std::size_t i = 1; i < cases.size(); ++i) {
    const auto& row = cases[i];
    REQUIRE(row.size() == 9);
    INFO(row[0]);
    CHECK(std::regex_match(row[0], std::regex("[0-9]{5}BG[0-9]{7}")));
    CHECK(std::regex_match(row[1], std::regex("[0-9]{3}[A-Z][0-9]{6}")));
    CHECK(std::regex_match(row[5], std::regex("[0-9]{4}-[0-9]{2}-[0-9]{2}")));
    REQUIRE(dienststelle_of.count(row[2]) == 1);
    CHECK(row[0].substr(0, 5) == dienststelle_of[row[2]]);
    CHECK(customers.insert(row[1]).second);
    bgs.insert(row[0]);
  }
  CHECK(bgs.size() >= 40);
}

TEST_CASE("truth: envelopes start with a separator, cases are consistent with the registry", "[samplegen]") {
  TempDir dir("truth");
  auto summary = sg::GenerateSampleBox(SmallBox(dir.path(), 21, 20));
  REQUIRE(summary.has_value());
  json truth = ReadJson(summary->truth_file);
  std::map<std::string, std::string> bg_jobcenter;
  std::map<std::string, std::string> customer_bg;
  auto cases = ReadCsv(summary->registry_dir / "cases.csv");
  for (std::size_t i = 1; i < cases.size(); ++i) {
    bg_jobcenter[cases[i][0]] = cases[i][2];
    customer_bg[cases[i][1]] = cases[i][0];
  }
  std::map<std::string, json> page_by_file;
  for (const json& page : truth["pages"]) page_by_file[page["file"]] = page;

  int review = 0;
  int separators = 0;
  for (const json& page : truth["pages"]) separators += page["kind"] == "separator" ? 1 : 0;
  CHECK(separators == 20);
  CHECK(truth["pages"][0]["kind"] == "separator");

  const std::map<std::string, std::string> keyword = {{"application", "Weiterbewilligungsantrag"},
                                                      {"change_notice", "Veränderungsmitteilung"},
                                                      {"bank_statement", "Kontoauszug"},
                                                      {"payslip", "abrechnung"},
                                                      {"sick_note", "Arbeitsunfähigkeitsbescheinigung"},
                                                      {"objection", "Widerspruch"},
                                                      {"rent", "Mietbescheinigung"},
                                                      {"job_search", "Eigenbemühungen"},
                                                      {"letter", "Sehr geehrte"}};
  const std::regex bg_like("[0-9]{5}BG[0-9]{7}");
  const std::regex customer_like("[0-9]{3}[A-Z][0-9]{6}");
  for (const json& envelope : truth["envelopes"]) {
    INFO("envelope " << envelope["index"]);
    REQUIRE(!envelope["pages"].empty());
    CHECK(envelope["pages"].size() <= 4);
    const json& first = page_by_file.at(envelope["pages"][0]);
    std::string first_text;
    for (const auto& line : first["lines"]) first_text += Squeeze(line.get<std::string>()) + "\n";
    std::string raw_text;
    for (const auto& line : first["lines"]) raw_text += line.get<std::string>() + "\n";
    CHECK(raw_text.find(keyword.at(envelope["doc_type"])) != std::string::npos);
    for (const auto& file : envelope["pages"]) {
      CHECK(page_by_file.at(file)["kind"] == "content");
      CHECK(page_by_file.at(file)["envelope"] == envelope["index"]);
    }
    if (envelope["expect"] == "route") {
      std::string bg = envelope["bg_number"];
      REQUIRE(bg_jobcenter.count(bg) == 1);
      CHECK(bg_jobcenter[bg] == envelope["jobcenter_id"]);
      bool names_case = first_text.find(bg) != std::string::npos;
      for (const auto& [customer, case_bg] : customer_bg) {
        if (case_bg == bg && first_text.find(customer) != std::string::npos) names_case = true;
      }
      CHECK(names_case);
      CHECK(first["bg_number"] == bg);
    } else {
      ++review;
      CHECK(envelope["bg_number"].is_null());
      CHECK(first["bg_number"].is_null());
      std::smatch match;
      if (envelope["reason"] == "no_case_number") {
        for (const auto& file : envelope["pages"]) {
          for (const auto& line : page_by_file.at(file)["lines"]) {
            std::string squeezed = Squeeze(line.get<std::string>());
            CHECK_FALSE(std::regex_search(squeezed, bg_like));
            CHECK_FALSE(std::regex_search(squeezed, customer_like));
          }
        }
      } else {
        REQUIRE(std::regex_search(first_text, match, bg_like));
        CHECK(bg_jobcenter.count(match.str()) == 0);
      }
    }
  }
  CHECK(review >= 2);
  CHECK(review <= 5);
}

TEST_CASE("a rerun replaces the earlier box and never deletes foreign files", "[samplegen]") {
  TempDir dir("rerun");
  auto big = sg::GenerateSampleBox(SmallBox(dir.path(), 6, 6));
  REQUIRE(big.has_value());
  auto small = sg::GenerateSampleBox(SmallBox(dir.path(), 6, 2));
  REQUIRE(small.has_value());
  int files = 0;
  for (const auto& entry : fs::directory_iterator(small->box_dir)) files += entry.path().filename() != "box.json";
  CHECK(files == small->pages);

  REQUIRE(mailroom::WriteFileAtomically(small->box_dir / "notes.txt", "mine").has_value());
  auto refused = sg::GenerateSampleBox(SmallBox(dir.path(), 6, 2));
  REQUIRE_FALSE(refused.has_value());
  CHECK(refused.error().message.find("notes.txt") != std::string::npos);
  CHECK(fs::exists(small->box_dir / "notes.txt"));
}

TEST_CASE("upside_down_share 1 turns every content page", "[samplegen]") {
  TempDir dir("upside");
  auto options = SmallBox(dir.path(), 4, 2);
  options.upside_down_share = 1.0;
  options.blank_back_share = 1.0;
  auto summary = sg::GenerateSampleBox(options);
  REQUIRE(summary.has_value());
  json truth = ReadJson(summary->truth_file);
  int blanks = 0;
  for (const json& page : truth["pages"]) {
    CHECK(page["rotation"] == (page["kind"] == "content" ? 180 : 0));
    blanks += page["kind"] == "blank" ? 1 : 0;
  }
  CHECK(blanks >= 2);
}

TEST_CASE("invalid options are refused with a message", "[samplegen]") {
  sg::SampleOptions options;
  auto no_dir = sg::GenerateSampleBox(options);
  REQUIRE_FALSE(no_dir.has_value());
  CHECK(no_dir.error().message.find("out_dir") != std::string::npos);
  options.out_dir = fs::temp_directory_path() / "mailroom_samplegen_never";
  options.envelopes = 0;
  auto no_envelopes = sg::GenerateSampleBox(options);
  REQUIRE_FALSE(no_envelopes.has_value());
  CHECK(no_envelopes.error().message.find("envelopes") != std::string::npos);
  CHECK_FALSE(fs::exists(options.out_dir));
}

TEST_CASE("separator sheet decodes to MAILROOM-SEP", "[samplegen][barcode]") {
  for (const std::string format : {"Code128", "DataMatrix"}) {
    INFO(format);
    auto sheet = sg::RenderSeparatorSheet(300, format);
    REQUIRE(sheet.has_value());
    CHECK(pixGetDepth(sheet->get()) == 8);
    CHECK(pixGetXRes(sheet->get()) == 300);
    CHECK(DecodeBarcodes(sheet->get()) == std::vector<std::string>{"MAILROOM-SEP"});
  }
  CHECK_FALSE(sg::RenderSeparatorSheet(300, "EAN13").has_value());
}

TEST_CASE("separator pages of a generated box decode from their files", "[samplegen][barcode]") {
  TempDir dir("separators");
  auto summary = sg::GenerateSampleBox(SmallBox(dir.path(), 9, 6, 300));
  REQUIRE(summary.has_value());
  json truth = ReadJson(summary->truth_file);
  int separators = 0;
  for (const json& page : truth["pages"]) {
    PixPtr pix(pixRead((summary->box_dir / page["file"].get<std::string>()).c_str()));
    REQUIRE(pix);
    std::vector<std::string> codes = DecodeBarcodes(pix.get());
    INFO(page["file"]);
    bool separator = std::find(codes.begin(), codes.end(), "MAILROOM-SEP") != codes.end();
    CHECK(separator == (page["kind"] == "separator"));
    separators += separator ? 1 : 0;
  }
  CHECK(separators == 6);
}

TEST_CASE("form barcode decodes to its payload, also skewed and speckled", "[samplegen][barcode]") {
  for (const std::string format : {"Code128", "DataMatrix", "QRCode"}) {
    INFO(format);
    sg::PageSpec spec;
    spec.lines = {"Weiterbewilligungsantrag", "Nummer der Bedarfsgemeinschaft: 35301 BG 0012345"};
    spec.barcode = "BG:35301BG0012345";
    spec.barcode_format = format;
    spec.skew_degrees = 1.2;
    spec.speckle = true;
    auto page = sg::RenderPage(spec);
    REQUIRE(page.has_value());
    BOX* top_right = boxCreate(1240, 0, 1240, 600);
    CHECK(DecodeBarcodes(page->get(), top_right) == std::vector<std::string>{"BG:35301BG0012345"});
    boxDestroy(&top_right);
  }
  sg::PageSpec bad;
  bad.barcode = "x";
  bad.barcode_format = "Aztec";
  CHECK_FALSE(sg::RenderPage(bad).has_value());
}

TEST_CASE("a page without barcode has ink but no barcode", "[samplegen][barcode]") {
  sg::PageSpec spec;
  spec.lines = {"Sehr geehrte Damen und Herren,", "hiermit lege ich Widerspruch ein."};
  auto page = sg::RenderPage(spec);
  REQUIRE(page.has_value());
  CHECK(DecodeBarcodes(page->get()).empty());
  CHECK(DarkShare(page->get()) > 0.001);
  CHECK(pixGetWidth(page->get()) == 2480);
}

TEST_CASE("blank page has almost no dark pixels", "[samplegen]") {
  auto blank = sg::RenderBlankPage(300, 5, true);
  REQUIRE(blank.has_value());
  double share = DarkShare(blank->get());
  CHECK(share > 0);
  CHECK(share < 0.0005);
  auto clean = sg::RenderBlankPage(300, 5, false);
  REQUIRE(clean.has_value());
  CHECK(DarkShare(clean->get()) == 0);
}
