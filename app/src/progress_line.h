// Progress for the operator at the scanner. On a terminal: one line, rewritten in place
// ("processing B-7: 120/400 pages, 38.5 pages/min, about 7:16 left"). Anywhere else (a service's
// log, a pipe, CI, or whenever the event log is JSON): an event now and then, so a log stays
// readable and greppable. Counts and box ids only: no file contents, no names.
#pragma once

#include <chrono>
#include <cstdio>
#include <functional>
#include <string>

namespace mailroom::app {

class ProgressLine {
 public:
  using Clock = std::function<std::chrono::steady_clock::time_point()>;

  /// `activity` starts the line ("scanning B-7"); `total` is the number of pages to do, 0 when
  /// unknown (a scan does not know how many sheets are in the feeder). `terminal`: rewrite one
  /// line; otherwise a line at most every `log_every`, and the last one always.
  ProgressLine(std::string activity, int total, std::FILE* out, bool terminal,
               std::chrono::seconds log_every = std::chrono::seconds(10), Clock clock = std::chrono::steady_clock::now);

  /// A ProgressLine on stderr, in terminal mode if stderr is one and the event log is text;
  /// otherwise each line is an info event `event` (e.g. "process.progress") of box `box_id`.
  static ProgressLine OnStderr(std::string activity, int total, std::string event = "progress",
                               std::string box_id = "");

  /// `done` pages so far. Not thread-safe: callers hold their own lock.
  void Update(int done);

  /// Prints the final state and ends the line.
  void Finish();

  /// The text of the line for `done` pages after `elapsed` (exposed for tests).
  [[nodiscard]] std::string Text(int done, std::chrono::duration<double> elapsed) const;

 private:
  void Line(const std::string& text);

  std::string activity_;
  std::string event_, box_id_;  // as events (out_ is null)
  int total_;
  std::FILE* out_;
  bool terminal_;
  std::chrono::seconds log_every_;
  Clock clock_;
  std::chrono::steady_clock::time_point start_, last_log_;
  int done_ = 0;
  bool finished_ = false;
};

}  // namespace mailroom::app
