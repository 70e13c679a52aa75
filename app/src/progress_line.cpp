#include "progress_line.h"

#include <fmt/format.h>
#include <unistd.h>

#include "mailroom/common/event_log.h"

namespace mailroom::app {

ProgressLine::ProgressLine(std::string activity, int total, std::FILE* out, bool terminal,
                           std::chrono::seconds log_every, Clock clock)
    : activity_(std::move(activity)),
      total_(total),
      out_(out),
      terminal_(terminal),
      log_every_(log_every),
      clock_(std::move(clock)),
      start_(clock_()),
      last_log_(start_) {}

ProgressLine ProgressLine::OnStderr(std::string activity, int total, std::string event, std::string box_id) {
  if (isatty(fileno(stderr)) == 1 && eventlog::Current().format == eventlog::Format::kText) {
    return ProgressLine(std::move(activity), total, stderr, true);
  }
  ProgressLine line(std::move(activity), total, nullptr, false);
  line.event_ = std::move(event);
  line.box_id_ = std::move(box_id);
  return line;
}

// A line of its own: on `out_`, or as an event.
void ProgressLine::Line(const std::string& text) {
  if (out_ == nullptr) {
    eventlog::Log(eventlog::Level::kInfo, event_, {.box_id = box_id_}, text);
    return;
  }
  std::fprintf(out_, "%s\n", text.c_str());
  std::fflush(out_);
}

std::string ProgressLine::Text(int done, std::chrono::duration<double> elapsed) const {
  const double minutes = elapsed.count() / 60.0;
  // The first pages of a run include start-up (loading the OCR models): no rate from them.
  const double per_minute = minutes > 0 && elapsed.count() >= 1.0 ? done / minutes : 0.0;
  std::string text = total_ > 0 ? fmt::format("{}: {}/{} pages", activity_, done, total_)
                                : fmt::format("{}: {} pages", activity_, done);
  if (per_minute > 0) text += fmt::format(", {:.1f} pages/min", per_minute);
  if (total_ > 0 && per_minute > 0 && done < total_) {
    const auto left = static_cast<long>((total_ - done) / per_minute * 60.0 + 0.5);
    text += fmt::format(", about {}:{:02} left", left / 60, left % 60);
  }
  return text;
}

void ProgressLine::Update(int done) {
  done_ = done;
  const auto now = clock_();
  if (terminal_) {
    // \r and "erase to end of line": the line shrinks cleanly when the time left gets shorter.
    std::fprintf(out_, "\r%s\033[K", Text(done, now - start_).c_str());
    std::fflush(out_);
  } else if (now - last_log_ >= log_every_) {
    Line(Text(done, now - start_));
    last_log_ = now;
  }
}

void ProgressLine::Finish() {
  if (finished_) return;
  finished_ = true;
  const std::string text = Text(done_, clock_() - start_);
  if (terminal_) {
    std::fprintf(out_, "\r%s\033[K\n", text.c_str());
    std::fflush(out_);
  } else {
    Line(text);
  }
}

}  // namespace mailroom::app
