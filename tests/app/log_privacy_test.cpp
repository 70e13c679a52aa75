// The event log of `mailroom process` as a log collector sees it: with MAILROOM_LOG_FORMAT=json
// every stderr line is one JSON event with the ids as fields, and above debug level no line
// carries a name, a street or a line of page text from the sample's registry and ground truth.
#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <cctype>
#include <cstdlib>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "mailroom/samplegen/samplegen.h"
#include "run_mailroom.h"
#include "temp_dir.h"

using namespace mailroom;
using testing::Quoted;
using testing::TempDir;
namespace fs = std::filesystem;

namespace {

struct Run {
  int exit_code = -1;
  std::vector<std::string> stderr_lines;
  std::string stderr_text;
};

std::string ReadText(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Runs `<env> mailroom <arguments>` with stderr kept apart from stdout.
Run Mailroom(const TempDir& dir, const std::string& env, const std::string& arguments) {
  const fs::path err = dir / "stderr.txt";
  const std::string command =
      "env " + env + " " + std::string(MAILROOM_EXE) + " " + arguments + " >/dev/null 2>" + Quoted(err);
  const int status = std::system(command.c_str());
  Run run;
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  run.stderr_text = ReadText(err);
  std::istringstream in(run.stderr_text);
  for (std::string line; std::getline(in, line);) run.stderr_lines.push_back(line);
  return run;
}

// A small generated box (2 envelopes) with one corrupt page, so that a warning is logged.
samplegen::SampleSummary SampleWithCorruptPage(const TempDir& dir) {
  samplegen::SampleOptions options;
  options.out_dir = dir / "sample";
  options.envelopes = 2;
  options.seed = 11;
  auto sample = samplegen::GenerateSampleBox(options);
  REQUIRE(sample);
  std::ofstream(sample->box_dir / "0099.tif", std::ios::binary) << std::string("II*\0 not a TIFF at all", 22);
  return *sample;
}

std::string ProcessArguments(const samplegen::SampleSummary& sample, const fs::path& out) {
  return "process " + Quoted(sample.box_dir) + " --registry " + Quoted(sample.registry_dir) + " --out " + Quoted(out) +
         " --jobs 2";
}

std::vector<std::string> SplitCsvLine(const std::string& line) {
  std::vector<std::string> fields;
  std::istringstream in(line);
  for (std::string field; std::getline(in, field, ',');) fields.push_back(field);
  return fields;
}

// What must never reach a log above debug: each person's names and street from cases.csv, and
// each line of page text from truth.json that carries no BG number.
std::vector<std::string> PersonalSnippets(const samplegen::SampleSummary& sample) {
  std::vector<std::string> snippets;
  std::ifstream cases(sample.registry_dir / "cases.csv");
  std::string line;
  std::getline(cases, line);  // header: bg_number,customer_number,jobcenter_id,surname,given_name,birth_date,street,...
  while (std::getline(cases, line)) {
    const auto fields = SplitCsvLine(line);
    REQUIRE(fields.size() >= 7);
    for (std::size_t column : {3u, 4u, 6u}) snippets.push_back(fields[column]);
  }
  const std::regex bg_number(R"(\d{5}\s*BG\s*\d{7})");
  const auto truth = testing::ReadJson(sample.truth_file);
  for (const auto& page : truth["pages"]) {
    if (!page.contains("lines")) continue;
    for (const auto& text : page["lines"]) {
      const std::string snippet = text.get<std::string>();
      if (snippet.size() >= 8 && !std::regex_search(snippet, bg_number)) snippets.push_back(snippet);
    }
  }
  return snippets;
}

bool IsWordByte(unsigned char c) {
  return std::isalnum(c) != 0 || c >= 0x80;
}

// Whether `snippet` occurs in `text` as a whole word or phrase ("Uwe" in "Uwe Winkler", not in
// "Uwerk"), so that a short given name cannot match inside an unrelated word.
bool ContainsWord(const std::string& text, const std::string& snippet) {
  for (auto at = text.find(snippet); at != std::string::npos; at = text.find(snippet, at + 1)) {
    const bool starts = at == 0 || !IsWordByte(static_cast<unsigned char>(text[at - 1]));
    const std::size_t end = at + snippet.size();
    const bool ends = end == text.size() || !IsWordByte(static_cast<unsigned char>(text[end]));
    if (starts && ends) return true;
  }
  return false;
}

std::vector<nlohmann::json> JsonEvents(const Run& run) {
  std::vector<nlohmann::json> events;
  for (const auto& line : run.stderr_lines) {
    INFO(line);
    REQUIRE(nlohmann::json::accept(line));
    auto event = nlohmann::json::parse(line);
    for (const char* key : {"time", "level", "event", "box_id", "page", "document_id", "message"}) {
      CHECK(event.contains(key));
    }
    events.push_back(std::move(event));
  }
  return events;
}

}  // namespace

TEST_CASE("log: process in JSON logs one event a line, ids as fields, no personal data above debug", "[process][log]") {
  TempDir dir;
  const auto sample = SampleWithCorruptPage(dir);
  const auto snippets = PersonalSnippets(sample);
  const std::string box_id = testing::ReadJson(sample.box_dir / "box.json")["box_id"];
  REQUIRE(snippets.size() > 10);

  const Run info = Mailroom(dir, "MAILROOM_LOG_FORMAT=json", ProcessArguments(sample, dir / "out-info"));
  INFO(info.stderr_text);
  REQUIRE(info.exit_code == 0);
  const auto events = JsonEvents(info);
  bool unreadable_logged = false;
  for (const auto& event : events) {
    CHECK(event["level"] != "debug");
    if (event["event"] == "ocr.page_unreadable") {
      unreadable_logged = true;
      CHECK(event["page"] == "0099.tif");
      CHECK(event["box_id"] == box_id);
      CHECK(event["message"].get<std::string>().find("0099.tif") == std::string::npos);  // the id is a field
    }
  }
  CHECK(unreadable_logged);
  for (const auto& snippet : snippets) {
    INFO(snippet);
    CHECK_FALSE(ContainsWord(info.stderr_text, snippet));
  }

  // At debug level the debug events come too, still one JSON object a line.
  const Run debug =
      Mailroom(dir, "MAILROOM_LOG_FORMAT=json MAILROOM_LOG_LEVEL=debug", ProcessArguments(sample, dir / "out-debug"));
  REQUIRE(debug.exit_code == 0);
  int page_events = 0;
  for (const auto& event : JsonEvents(debug)) {
    if (event["level"] == "debug" && event["event"] == "ocr.page_read") ++page_events;
  }
  CHECK(page_events == sample.pages + 1);

  // The default is text, one line an event; the level can also be given as an option.
  const Run text =
      Mailroom(dir, "-u MAILROOM_LOG_FORMAT", "--log-level warning " + ProcessArguments(sample, dir / "out-text"));
  REQUIRE(text.exit_code == 0);
  REQUIRE(text.stderr_lines.size() == 1);  // the progress events are info
  CHECK(std::regex_match(text.stderr_lines[0],
                         std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ warning ocr\.page_unreadable box=)" + box_id +
                                    R"( page=0099\.tif: .*\(the page goes to review\))")));
}

TEST_CASE("log: a broken registry line is named by file and line, never by the person on it", "[log]") {
  TempDir dir;
  samplegen::SampleOptions options;
  options.out_dir = dir / "sample";
  options.envelopes = 1;
  options.truth_only = true;
  auto sample = samplegen::GenerateSampleBox(options);
  REQUIRE(sample);
  std::ofstream(sample->registry_dir / "cases.csv", std::ios::app)
      << "99999BG12345,123D456789,jobcenter-nowhere,Zwetschgenbaum,Kunigunde,1970-01-01,Pflaumenallee 3,12345,Ort\n";

  const Run run = Mailroom(dir, "MAILROOM_LOG_FORMAT=json", ProcessArguments(*sample, dir / "out"));
  INFO(run.stderr_text);
  CHECK(run.exit_code == 2);
  const auto events = JsonEvents(run);
  REQUIRE(events.size() == 1);
  CHECK(events[0]["level"] == "error");
  CHECK_THAT(events[0]["message"].get<std::string>(), Catch::Contains("cases.csv:"));
  for (const char* personal : {"Zwetschgenbaum", "Kunigunde", "Pflaumenallee", "1970-01-01"}) {
    CHECK(run.stderr_text.find(personal) == std::string::npos);
  }

  const Run bad = Mailroom(dir, "MAILROOM_LOG_LEVEL=loud", "version");
  CHECK(bad.exit_code == 2);
  CHECK_THAT(bad.stderr_text, Catch::Contains("MAILROOM_LOG_LEVEL"));
}
