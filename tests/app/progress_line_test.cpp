// The operator's progress line: rewritten in place on a terminal, sparse plain lines in a log.
#include "progress_line.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "temp_dir.h"

namespace mailroom::app {
namespace {

using namespace std::chrono_literals;

// A clock the test moves by hand.
struct FakeClock {
  std::chrono::steady_clock::time_point now{};
  ProgressLine::Clock Function() {
    return [this] { return now; };
  }
};

// What a ProgressLine printed into a memory stream.
struct Captured {
  char* data = nullptr;
  size_t size = 0;
  std::FILE* file = open_memstream(&data, &size);
  ~Captured() {
    if (file != nullptr) std::fclose(file);
    std::free(data);
  }
  std::string Text() {
    std::fflush(file);
    return std::string(data, size);
  }
};

}  // namespace

TEST_CASE("progress text: pages, rate and time left, without a rate during start-up", "[progress]") {
  ProgressLine line("processing B-7", 400, stderr, false);
  CHECK(line.Text(0, 0.5s) == "processing B-7: 0/400 pages");
  CHECK(line.Text(120, 187s) == "processing B-7: 120/400 pages, 38.5 pages/min, about 7:16 left");
  CHECK(line.Text(400, 600s) == "processing B-7: 400/400 pages, 40.0 pages/min");
  ProgressLine scan("scanning B-7", 0, stderr, false);
  CHECK(scan.Text(24, 60s) == "scanning B-7: 24 pages, 24.0 pages/min");
}

TEST_CASE("progress on a terminal rewrites one line and ends it once", "[progress]") {
  Captured out;
  FakeClock clock;
  ProgressLine line("processing B-7", 3, out.file, true, 10s, clock.Function());
  clock.now += 30s;
  line.Update(1);
  clock.now += 30s;
  line.Update(3);
  line.Finish();
  line.Finish();
  CHECK(out.Text() ==
        "\rprocessing B-7: 1/3 pages, 2.0 pages/min, about 1:00 left\033[K"
        "\rprocessing B-7: 3/3 pages, 3.0 pages/min\033[K"
        "\rprocessing B-7: 3/3 pages, 3.0 pages/min\033[K\n");
}

TEST_CASE("progress in a log: a plain line now and then, and the last one always", "[progress]") {
  Captured out;
  FakeClock clock;
  ProgressLine line("processing B-7", 100, out.file, false, 10s, clock.Function());
  for (int page = 1; page <= 100; ++page) {
    clock.now += 1s;  // 60 pages/min
    line.Update(page);
  }
  line.Finish();
  const std::string text = out.Text();
  CHECK(text.find('\r') == std::string::npos);
  CHECK(std::count(text.begin(), text.end(), '\n') == 11);  // every 10 s, and the end
  CHECK(text.ends_with("\nprocessing B-7: 100/100 pages, 60.0 pages/min\n"));
}

}  // namespace mailroom::app
