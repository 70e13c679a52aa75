// `mailroom process` on a generated box of about 30 pages, checked against the generator's truth:
// custody (every page exactly once), separators and blanks, no misroute, and the routed share.
#include <sys/stat.h>

#include <catch2/catch.hpp>

#include <map>
#include <memory>
#include <set>

#include "mailroom/samplegen/samplegen.h"
#include "run_mailroom.h"
#include "temp_dir.h"

using namespace mailroom;
using nlohmann::json;
using testing::TempDir;
namespace fs = std::filesystem;

namespace {

// The share of pages of routable envelopes that must reach the right Postkorb. Generated pages
// are clean 300 dpi prints, so anything below this is a regression.
constexpr double kMinRoutedShare = 0.85;

std::vector<json> DocumentsUnder(const fs::path& folder) {
  std::vector<json> documents;
  if (!fs::exists(folder)) return documents;
  for (const auto& entry : fs::recursive_directory_iterator(folder)) {
    if (entry.path().extension() == ".json") {
      json doc = testing::ReadJson(entry.path());
      doc["_path"] = entry.path().string();
      documents.push_back(doc);
    }
  }
  return documents;
}

struct Run {
  TempDir dir;
  json truth, report;
  std::vector<json> routed, review;
  testing::CommandResult result;
};

const Run& SampleRun() {
  static const std::unique_ptr<Run> run = [] {
    auto owned = std::make_unique<Run>();
    Run& r = *owned;
    samplegen::SampleOptions options;
    options.out_dir = r.dir / "sample";
    options.seed = 3;
    options.envelopes = 10;
    auto sample = samplegen::GenerateSampleBox(options);
    REQUIRE(sample);
    r.result = testing::RunMailroom("process " + testing::Quoted(sample->box_dir) + " --registry " +
                                    testing::Quoted(sample->registry_dir) + " --out " + testing::Quoted(r.dir / "out") +
                                    " --jobs 2");
    r.truth = testing::ReadJson(sample->truth_file);
    if (r.result.exit_code == 0) r.report = testing::ReadJson(r.dir / "out" / "report.json");
    r.routed = DocumentsUnder(r.dir / "out" / "postkorb");
    r.review = DocumentsUnder(r.dir / "out" / "review");
    return owned;
  }();
  return *run;
}

std::map<std::string, json> TruthByFile(const json& truth) {
  std::map<std::string, json> pages;
  for (const auto& page : truth["pages"]) pages[page["file"].get<std::string>()] = page;
  return pages;
}

}  // namespace

TEST_CASE("process: a generated box of about 30 pages, checked against its ground truth", "[process]") {
  // One run of the binary serves every section (Tesseract is slow); ctest runs this case alone.
  const auto& run = SampleRun();
  SECTION("exits 0 and prints the summary") {
    INFO(run.result.output);
    REQUIRE(run.result.exit_code == 0);
    for (const char* part : {"pages in", "pages/min", "routed:", "review:", "blank:", "separators:", "report.json"}) {
      CHECK_THAT(run.result.output, Catch::Contains(part));
    }
  }
  SECTION("every input page appears exactly once in report and documents") {
    REQUIRE(run.result.exit_code == 0);
    std::multiset<std::string> seen;
    for (const auto& name : run.report["blank_pages"]) seen.insert(name.get<std::string>());
    for (const auto& name : run.report["separator_pages"]) seen.insert(name.get<std::string>());
    int routed_pages = 0, review_pages = 0;
    for (const auto& doc : run.routed) {
      for (const auto& page : doc["pages"]) seen.insert(page.get<std::string>());
      routed_pages += static_cast<int>(doc["pages"].size());
    }
    for (const auto& doc : run.review) {
      for (const auto& page : doc["pages"]) seen.insert(page.get<std::string>());
      review_pages += static_cast<int>(doc["pages"].size());
    }
    const auto truth = TruthByFile(run.truth);
    CHECK(run.report["pages_in"] == truth.size());
    CHECK(run.report["pages_routed"] == routed_pages);
    CHECK(run.report["pages_review"] == review_pages);
    CHECK(seen.size() == truth.size());
    for (const auto& [file, page] : truth) CHECK(seen.count(file) == 1);
  }
  SECTION("separator sheets and blank backs are recognised as such") {
    REQUIRE(run.result.exit_code == 0);
    std::set<std::string> separators, blanks;
    for (const auto& page : run.truth["pages"]) {
      if (page["kind"] == "separator") separators.insert(page["file"]);
      if (page["kind"] == "blank") blanks.insert(page["file"]);
    }
    CHECK(run.report["separator_pages"].get<std::set<std::string>>() == separators);
    CHECK(run.report["blank_pages"].get<std::set<std::string>>() == blanks);
  }
  SECTION("no page is routed to a wrong case, and most go to the right one") {
    REQUIRE(run.result.exit_code == 0);
    const auto truth = TruthByFile(run.truth);
    int routed_right = 0;
    for (const auto& doc : run.routed) {
      for (const auto& page : doc["pages"]) {
        const auto& expected = truth.at(page.get<std::string>());
        INFO("page " << page << " routed to " << doc["bg_number"] << ", truth " << expected["bg_number"]);
        CHECK(expected["bg_number"] == doc["bg_number"]);
        CHECK(expected["jobcenter_id"] == doc["jobcenter_id"]);
        if (expected["bg_number"] == doc["bg_number"]) ++routed_right;
      }
    }
    int routable_pages = 0;
    for (const auto& envelope : run.truth["envelopes"]) {
      if (envelope["expect"] == "route") routable_pages += static_cast<int>(envelope["pages"].size());
    }
    REQUIRE(routable_pages > 0);
    CHECK(static_cast<double>(routed_right) / routable_pages >= kMinRoutedShare);
  }
  SECTION("documents follow the contract's JSON and sit beside their PDF") {
    REQUIRE(run.result.exit_code == 0);
    REQUIRE_FALSE(run.routed.empty());
    const std::set<std::string> types = {"application", "change_notice", "bank_statement", "payslip", "sick_note",
                                         "objection",   "rent",          "job_search",     "letter"};
    for (const auto& doc : run.routed) {
      for (const char* key : {"document_id", "box_id", "jobcenter_id", "team", "bg_number", "doc_type", "pages",
                              "confidence", "evidence", "pdf", "priority"}) {
        CHECK(doc.contains(key));
      }
      CHECK(types.count(doc["doc_type"].get<std::string>()) == 1);
      CHECK(doc["confidence"].get<double>() >= 0.8);
      const fs::path pdf = fs::path(doc["_path"].get<std::string>()).parent_path() / doc["pdf"].get<std::string>();
      CHECK(fs::exists(pdf));
      struct stat st {};
      REQUIRE(::stat(pdf.c_str(), &st) == 0);
      CHECK((st.st_mode & 0777) == 0600);
    }
    for (const auto& doc : run.review) {
      CHECK(doc["jobcenter_id"].is_null());
      CHECK(doc.contains("reason"));
    }
  }
}
