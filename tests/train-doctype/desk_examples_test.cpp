// The desk's examples in the trainer: the files `mailroom review export` writes are read as
// training texts, a broken one is refused naming it, and tools/train-doctype.sh learns from them.
#include <sys/stat.h>

#include <catch2/catch.hpp>

#include "desk_examples.h"
#include "desk_output.h"
#include "mailroom/classifier/doc_type_model.h"
#include "mailroom/common/atomic_file.h"
#include "mailroom/review/labelled_examples.h"
#include "run_command.h"
#include "temp_dir.h"

using namespace mailroom;
using testing::DeskDocument;
using testing::TempDir;

namespace {

// The type the clerk gave the nonsense letters: one the built-in model does not guess for them
// (checked below), so that learning it shows.
constexpr const char* kTaughtType = "rent";

// Words no generated page and no hand-written example uses, in three letters a clerk typed as
// kTaughtType: only the desk can teach the model what they mean.
const std::vector<std::string> kDeskLetters = {
    "Zauberwald Kobold Flaschenpost\nDer Kobold aus dem Zauberwald schickt die Flaschenpost.",
    "Flaschenpost vom Kobold\nIm Zauberwald wurde die Flaschenpost gefunden, Kobold Zauberwald.",
    "Kobold Zauberwald\nAnbei die Flaschenpost des Kobold, Zauberwald Flaschenpost Kobold."};

// Exports the three letters, resolved at the desk as kTaughtType, into root/desk.
std::filesystem::path ExportedDeskLetters(const TempDir& root) {
  std::vector<DeskDocument> documents;
  for (std::size_t i = 0; i < kDeskLetters.size(); ++i) {
    documents.push_back({.document_id = "BOX-7-00" + std::to_string(i + 1),
                         .confirmed_type = kTaughtType,
                         .page_texts = {kDeskLetters[i]}});
  }
  testing::WriteDeskOutput(root / "out", documents);
  auto exported = review::ExportLabelledExamples(root / "out", root / "desk");
  REQUIRE(exported);
  REQUIRE(exported->written() == 3);
  return root / "desk";
}

std::string BestType(const classifier::DocTypeModel& model, const std::string& text) {
  return model.Scores(text).front().first;
}

}  // namespace

TEST_CASE("the examples review export writes are read as training texts of the clerk's type") {
  TempDir root;
  const auto desk = ExportedDeskLetters(root);
  REQUIRE(WriteFileAtomically(desk / "README.txt", "not an example"));  // other files are no examples
  auto read = train::ReadDeskExamples(desk, 5);
  REQUIRE(read);
  CHECK(read->documents == 3);
  REQUIRE(read->pages.size() == 3);
  for (std::size_t i = 0; i < read->pages.size(); ++i) {
    CHECK(read->pages[i].doc_type == kTaughtType);
    CHECK(read->pages[i].weight == 5);
  }
  CHECK_THAT(read->pages[0].text, Catch::Contains("Der Kobold aus dem Zauberwald"));  // BOX-7-001 first
}

TEST_CASE("a desk example that is not one is refused, naming the file") {
  TempDir root;
  const auto desk = root / "desk";
  REQUIRE(CreatePrivateDirectories(desk));
  const auto refused = [&](const std::string& json, const std::string& reason) {
    REQUIRE(WriteFileAtomically(desk / "BOX-7-001.json", json));
    auto read = train::ReadDeskExamples(desk, 4);
    REQUIRE_FALSE(read);
    CHECK_THAT(read.error().message, Catch::Contains((desk / "BOX-7-001.json").string() + ": " + reason));
  };
  refused("{ not json", "not a desk example");
  refused(R"({"schema_version": 2, "doc_type": "letter", "pages": []})", "schema_version is not 1");
  refused(R"({"schema_version": 1, "doc_type": "invoice", "pages": []})", "doc_type 'invoice' is not a doc_type");
  refused(R"({"schema_version": 1, "doc_type": "letter", "pages": "Text"})", "no \"pages\" array");
  refused(R"({"schema_version": 1, "doc_type": "letter", "pages": [3]})", "a page that is not a text");

  auto missing = train::ReadDeskExamples(root / "nowhere", 4);
  REQUIRE_FALSE(missing);
  CHECK_THAT(missing.error().message, Catch::Contains("nowhere"));
}

TEST_CASE("train-doctype.sh trains on the desk's examples besides the truth, and the model learns them") {
  TempDir root;
  const auto desk = ExportedDeskLetters(root);
  const std::string probe = "Flaschenpost Kobold Zauberwald\nDie Flaschenpost vom Kobold aus dem Zauberwald.";
  REQUIRE(BestType(classifier::DocTypeModel::Embedded(), probe) != kTaughtType);  // nothing taught it so far

  const std::string script = std::string("SKIP_BUILD=1 BUILD_DIR='") + MAILROOM_BINARY_DIR +
                             "' ENVELOPES=3 DESK_WEIGHT=8 DESK_EXAMPLES='" + desk.string() + "' OUT='" +
                             (root / "desk.model").string() + "' bash '" + MAILROOM_SOURCE_DIR +
                             "/tools/train-doctype.sh'";
  auto trained = testing::RunCommand(script);
  INFO(trained.output);
  REQUIRE(trained.exit_code == 0);
  CHECK_THAT(trained.output, Catch::Contains("desk examples: 3 documents, 3 pages"));
  CHECK_THAT(trained.output, Catch::Contains("3 from the desk, weight 8"));
  auto model = classifier::DocTypeModel::Load(root / "desk.model");
  REQUIRE(model);
  CHECK(BestType(*model, probe) == kTaughtType);
  struct stat info {};
  REQUIRE(::stat((root / "desk.model").c_str(), &info) == 0);
  CHECK((info.st_mode & 0777U) == 0600);  // learnt from real mail: stays private

  // Without OUT the script refuses: the repository's built-in model never learns from real mail.
  auto refused =
      testing::RunCommand(std::string("SKIP_BUILD=1 BUILD_DIR='") + MAILROOM_BINARY_DIR + "' DESK_EXAMPLES='" +
                          desk.string() + "' bash '" + MAILROOM_SOURCE_DIR + "/tools/train-doctype.sh'");
  CHECK(refused.exit_code == 2);
  CHECK_THAT(refused.output, Catch::Contains("DESK_EXAMPLES holds social data: set OUT"));
}
