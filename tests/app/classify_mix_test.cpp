// `mailroom process` on a generated box that holds every kind of evidence and every review reason
// (samplegen's classification mix, 15 envelopes, about 50 pages), checked against the truth: the
// case of every envelope, the review reasons and candidates, documents split per envelope, the
// contested decision's date of objections, and the team setting.
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

struct Document {
  json doc;
  fs::path path;
};

struct MixRun {
  TempDir dir;
  json truth;
  std::vector<Document> routed, review;
  testing::CommandResult result;
};

std::vector<Document> DocumentsUnder(const fs::path& folder) {
  std::vector<Document> documents;
  if (!fs::exists(folder)) return documents;
  for (const auto& entry : fs::recursive_directory_iterator(folder)) {
    if (entry.path().extension() == ".json") documents.push_back({testing::ReadJson(entry.path()), entry.path()});
  }
  return documents;
}

const MixRun& Run() {
  static const std::unique_ptr<MixRun> run = [] {
    auto r = std::make_unique<MixRun>();
    samplegen::SampleOptions options;
    options.out_dir = r->dir / "sample";
    options.seed = 11;
    options.envelopes = 15;  // every kind once
    options.classification_mix = true;
    auto sample = samplegen::GenerateSampleBox(options);
    REQUIRE(sample);
    r->result = testing::RunMailroom(
        "process " + testing::Quoted(sample->box_dir) + " --registry " + testing::Quoted(sample->registry_dir) +
        " --out " + testing::Quoted(r->dir / "out") + " --jobs 2 --quiet --team objection=rechtsbehelfe");
    r->truth = testing::ReadJson(sample->truth_file);
    r->routed = DocumentsUnder(r->dir / "out" / "postkorb");
    r->review = DocumentsUnder(r->dir / "out" / "review");
    return r;
  }();
  return *run;
}

// The documents (routed or not) holding the envelope's first page and the rest of its pages.
std::vector<const Document*> DocumentsOf(const MixRun& run, const json& envelope) {
  std::set<std::string> pages;
  for (const auto& page : envelope["pages"]) pages.insert(page.get<std::string>());
  std::vector<const Document*> out;
  for (const auto* list : {&run.routed, &run.review}) {
    for (const auto& d : *list) {
      if (pages.contains(d.doc["pages"][0].get<std::string>())) out.push_back(&d);
    }
  }
  return out;
}

}  // namespace

TEST_CASE("process: every kind of evidence and every review reason, checked against the truth", "[process][mix]") {
  const auto& run = Run();
  INFO(run.result.output);
  REQUIRE(run.result.exit_code == 0);

  SECTION("routable envelopes reach their case, whatever the evidence, and nothing else is routed") {
    for (const auto& envelope : run.truth["envelopes"]) {
      CAPTURE(envelope["evidence"], envelope["index"]);
      const auto documents = DocumentsOf(run, envelope);
      REQUIRE_FALSE(documents.empty());
      for (const Document* d : documents) {
        if (envelope["expect"] == "route") {
          CHECK(d->doc["bg_number"] == envelope["bg_number"]);
          CHECK(d->doc["jobcenter_id"] == envelope["jobcenter_id"]);
          CHECK(d->doc["candidates"].empty());
        } else {
          CHECK(d->doc["jobcenter_id"].is_null());
          CHECK_FALSE(d->doc["reason"].get<std::string>().empty());
        }
      }
    }
  }
  SECTION("review documents whose evidence points somewhere name the candidate cases") {
    int with_candidates = 0;
    for (const auto& envelope : run.truth["envelopes"]) {
      if (envelope["evidence"] != "conflicting_cases" && envelope["evidence"] != "typo_conflict") continue;
      for (const Document* d : DocumentsOf(run, envelope)) {
        CAPTURE(d->doc["reason"]);
        CHECK(d->doc["candidates"].size() == 2);
        ++with_candidates;
      }
    }
    CHECK(with_candidates >= 2);
  }
  SECTION("two households in one envelope: every document of it goes to review, offering both cases") {
    int envelopes = 0;
    for (const auto& envelope : run.truth["envelopes"]) {
      if (!envelope.contains("cases")) continue;
      CAPTURE(envelope["evidence"], envelope["index"]);
      const auto documents = DocumentsOf(run, envelope);
      REQUIRE_FALSE(documents.empty());
      for (const Document* d : documents) {
        CHECK(d->doc["jobcenter_id"].is_null());
        CHECK(d->doc["reason"].get<std::string>().rfind("conflicting cases in one envelope: ", 0) == 0);
        const auto candidates = d->doc["candidates"].get<std::set<std::string>>();
        for (const auto& bg : envelope["cases"]) CHECK(candidates.contains(bg.get<std::string>()));
      }
      ++envelopes;
    }
    CHECK(envelopes == 3);
  }
  SECTION("an old number of no registered office routes by the person and is kept as ignored_number") {
    int routed = 0;
    for (const auto& envelope : run.truth["envelopes"]) {
      if (envelope["evidence"] != "unknown_office_number") continue;
      for (const Document* d : DocumentsOf(run, envelope)) {
        CHECK(d->doc["bg_number"] == envelope["bg_number"]);
        CHECK(d->doc["ignored_number"].is_string());
        CHECK(d->doc["evidence"] == json::array({"registry"}));
        const auto match = d->doc["person_match"].get<std::set<std::string>>();
        for (const char* field : {"surname", "given_name", "street", "birth_date"}) CHECK(match.contains(field));
        ++routed;
      }
    }
    CHECK(routed >= 1);
  }
  SECTION("an envelope of several documents gives one PDF and JSON each, in its one case") {
    int split = 0;
    for (const auto& envelope : run.truth["envelopes"]) {
      if (envelope["documents"].size() < 2 || envelope.contains("cases")) continue;  // two households: above
      const auto documents = DocumentsOf(run, envelope);
      CHECK(documents.size() == envelope["documents"].size());
      for (const Document* d : documents) {
        CHECK(fs::exists(d->path.parent_path() / d->doc["pdf"].get<std::string>()));
        CHECK(d->doc["bg_number"] == envelope["bg_number"]);
      }
      ++split;
    }
    CHECK(split == 1);
  }
  SECTION("objections carry the date of the contested decision and go to the team set for them") {
    int objections = 0;
    for (const auto& envelope : run.truth["envelopes"]) {
      for (const auto& truth_doc : envelope["documents"]) {
        if (truth_doc["doc_type"] != "objection") continue;
        for (const Document* d : DocumentsOf(run, envelope)) {
          if (d->doc["pages"][0] != truth_doc["pages"][0]) continue;
          CHECK(d->doc["doc_type"] == "objection");
          CHECK(d->doc["priority"] == true);
          CHECK(d->doc["contested_decision_date"] == truth_doc["contested_decision_date"]);
          CHECK(d->doc["team"] == "rechtsbehelfe");
          if (envelope["expect"] == "route") CHECK(d->path.parent_path().filename() == "rechtsbehelfe");
          ++objections;
        }
      }
    }
    CHECK(objections >= 1);
  }
}
