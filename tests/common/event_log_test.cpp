// The event log: one line per event, as text or JSON, ids as fields, the level filter, and lines
// from many threads that never run into each other.
#include "mailroom/common/event_log.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace mailroom;
using namespace mailroom::eventlog;
using namespace std::chrono;

namespace {

const UtcTime kTime = sys_days{2026y / November / 26} + hours{1} + minutes{2} + seconds{3};

// Sends the log into a temporary file for the life of the object and reads it back.
class CapturedLog {
 public:
  explicit CapturedLog(Format format, Level min_level = Level::kInfo) : file_(std::tmpfile()) {
    Configure({.format = format, .min_level = min_level, .fd = fileno(file_)});
  }
  ~CapturedLog() {
    Configure({});
    std::fclose(file_);
  }
  CapturedLog(const CapturedLog&) = delete;
  CapturedLog& operator=(const CapturedLog&) = delete;

  std::vector<std::string> Lines() const {
    std::string text;
    std::rewind(file_);
    char buffer[4096];
    while (std::size_t n = std::fread(buffer, 1, sizeof buffer, file_)) text.append(buffer, n);
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
  }

 private:
  std::FILE* file_;
};

}  // namespace

TEST_CASE("event log: a text line has time, level, event, the ids given, then the message", "[event_log]") {
  CHECK(FormatLine(Format::kText, kTime, Level::kWarning, "ocr.page_unreadable",
                   {.box_id = "BOX-3", .page = "0004.tif"}, "not a readable TIFF image") ==
        "2026-11-26T01:02:03Z warning ocr.page_unreadable box=BOX-3 page=0004.tif: not a readable TIFF image");
  CHECK(FormatLine(Format::kText, kTime, Level::kInfo, "route.delivered",
                   {.box_id = "B-1", .document_id = "B-1-e02", .more = {{"jobcenter_id", "jc-kiel"}}},
                   "") == "2026-11-26T01:02:03Z info route.delivered box=B-1 document=B-1-e02 jobcenter_id=jc-kiel");
  CHECK(Describe("broker.retry", {.more = {{"attempt", "3"}}}, "connection refused") ==
        "broker.retry attempt=3: connection refused");
}

TEST_CASE("event log: a JSON line has every key, ids as null when absent, extra fields as keys", "[event_log]") {
  const auto line =
      nlohmann::json::parse(FormatLine(Format::kJson, kTime, Level::kError, "classify.box_failed",
                                       {.box_id = "B-9", .more = {{"queue", "mr.readings"}}}, "disk full"));
  CHECK(line["time"] == "2026-11-26T01:02:03Z");
  CHECK(line["level"] == "error");
  CHECK(line["event"] == "classify.box_failed");
  CHECK(line["box_id"] == "B-9");
  CHECK(line["page"].is_null());
  CHECK(line["document_id"].is_null());
  CHECK(line["queue"] == "mr.readings");
  CHECK(line["message"] == "disk full");
}

TEST_CASE("event log: newlines, quotes and spaces cannot break a line or fake a field", "[event_log]") {
  const Fields fields{.box_id = "B 1", .page = "a\"b=c"};
  const std::string message = "first\nsecond\r\tthird \x01";
  const std::string text = FormatLine(Format::kText, kTime, Level::kInfo, "e", fields, message);
  CHECK(text.find('\n') == std::string::npos);
  CHECK(text == R"(2026-11-26T01:02:03Z info e box="B 1" page="a\"b=c": first\nsecond\r\tthird \x01)");

  const std::string json = FormatLine(Format::kJson, kTime, Level::kInfo, "e", fields, message + "\xff");
  CHECK(json.find('\n') == std::string::npos);
  const auto parsed = nlohmann::json::parse(json);  // invalid UTF-8 is replaced, not thrown on
  CHECK(parsed["box_id"] == "B 1");
  CHECK(parsed["page"] == "a\"b=c");
  CHECK(parsed["message"].get<std::string>().rfind(message, 0) == 0);
}

TEST_CASE("event log: events below the minimum level are dropped", "[event_log]") {
  {
    CapturedLog log(Format::kText, Level::kWarning);
    CHECK_FALSE(Enabled(Level::kInfo));
    CHECK(Enabled(Level::kError));
    Log(Level::kDebug, "d", {}, "");
    Log(Level::kInfo, "i", {}, "");
    Log(Level::kWarning, "w", {}, "");
    Log(Level::kError, "e", {}, "");
    const auto lines = log.Lines();
    REQUIRE(lines.size() == 2);
    CHECK_THAT(lines[0], Catch::EndsWith(" warning w"));
    CHECK_THAT(lines[1], Catch::EndsWith(" error e"));
  }
  {
    CapturedLog log(Format::kJson, Level::kDebug);
    Log(Level::kDebug, "d", {.page = "0001.tif"}, "detail");
    const auto lines = log.Lines();
    REQUIRE(lines.size() == 1);
    CHECK(nlohmann::json::parse(lines[0])["level"] == "debug");
  }
}

TEST_CASE("event log: levels and formats are parsed strictly, naming where the value came from", "[event_log]") {
  CHECK(ParseLevel("warning", "X").value() == Level::kWarning);
  CHECK(ParseFormat("json", "X").value() == Format::kJson);
  CHECK(ParseLevel("verbose", "MAILROOM_LOG_LEVEL").error().message ==
        "MAILROOM_LOG_LEVEL: unknown log level 'verbose' (expected debug, info, warning or error)");
  CHECK(ParseFormat("JSON", "--log-format").error().message ==
        "--log-format: unknown log format 'JSON' (expected text or json)");

  ::setenv("MAILROOM_LOG_FORMAT", "json", 1);
  ::setenv("MAILROOM_LOG_LEVEL", "debug", 1);
  auto settings = SettingsFromEnvironment();
  REQUIRE(settings);
  CHECK(settings->format == Format::kJson);
  CHECK(settings->min_level == Level::kDebug);
  ::setenv("MAILROOM_LOG_FORMAT", "xml", 1);
  CHECK_THAT(SettingsFromEnvironment().error().message, Catch::StartsWith("MAILROOM_LOG_FORMAT: "));
  ::unsetenv("MAILROOM_LOG_FORMAT");
  ::unsetenv("MAILROOM_LOG_LEVEL");
  settings = SettingsFromEnvironment();
  REQUIRE(settings);
  CHECK(settings->format == Format::kText);
  CHECK(settings->min_level == Level::kInfo);
}

TEST_CASE("event log: lines written by many threads at once stay whole", "[event_log]") {
  CapturedLog log(Format::kJson);
  constexpr int kThreads = 8;
  constexpr int kLines = 500;
  // Longer than PIPE_BUF would allow a single write() to be split elsewhere.
  const std::string padding(6000, 'x');
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([t, &padding] {
      for (int i = 0; i < kLines; ++i) {
        Log(Level::kInfo, "test.line", {.box_id = "B-" + std::to_string(t), .page = std::to_string(i)}, padding);
      }
    });
  }
  for (auto& thread : threads) thread.join();
  const auto lines = log.Lines();
  REQUIRE(lines.size() == static_cast<std::size_t>(kThreads * kLines));
  std::vector<int> per_thread(kThreads, 0);
  for (const auto& line : lines) {
    const auto parsed = nlohmann::json::parse(line);  // throws on a torn line
    REQUIRE(parsed["message"] == padding);
    ++per_thread[static_cast<std::size_t>(std::stoi(parsed["box_id"].get<std::string>().substr(2)))];
  }
  for (int count : per_thread) CHECK(count == kLines);
}
