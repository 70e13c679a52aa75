#include "sane_frame_source.h"

#include <algorithm>
#include <variant>

#include "sane_status.h"

namespace mailroom::scanner {
namespace {

constexpr size_t kReadChunk = 64 * 1024;

FrameEvent Stop(SANE_Status status, const char* where) {
  if (status == SANE_STATUS_NO_DOCS) return FeederEmpty{where};
  return DeviceFault{FaultKindOf(status), SaneStatusName(status), SaneStatusText(status), where};
}

Result<Frame> FrameFromParameters(const SANE_Parameters& p) {
  Frame frame;
  if (p.format == SANE_FRAME_GRAY) {
    frame.format = Frame::Format::kGray;
  } else if (p.format == SANE_FRAME_RGB) {
    frame.format = Frame::Format::kRgb;
  } else if (p.format == SANE_FRAME_RED || p.format == SANE_FRAME_GREEN || p.format == SANE_FRAME_BLUE) {
    return Fail(
        "the device sends color as three separate passes (3-pass), which is not supported; "
        "choose a single-pass color mode or gray");
  } else {
    return Fail("the device sends an unsupported frame format (" + std::to_string(p.format) + ")");
  }
  if (!p.last_frame) return Fail("the device sends a page in several frames, which is not supported");
  if (p.depth != 1 && p.depth != 8 && p.depth != 16) {
    return Fail("unsupported depth " + std::to_string(p.depth) + " bits per sample");
  }
  if (p.pixels_per_line <= 0 || p.bytes_per_line <= 0) return Fail("the device reports an empty line width");
  frame.depth = p.depth;
  frame.width = p.pixels_per_line;
  frame.bytes_per_line = p.bytes_per_line;
  frame.height = p.lines;  // -1 for a hand scanner: counted from the data below
  return frame;
}

}  // namespace

Result<FrameEvent> SaneFrameSource::NextFrame() {
  settle_.BeforeStart();
  auto event = ReadFrame();
  // A frame that ends in a fault or an error is followed by sane_cancel, which stops the reader.
  if (!event || !std::holds_alternative<Frame>(*event)) settle_.AwaitReaderEnd();
  return event;
}

Result<FrameEvent> SaneFrameSource::ReadFrame() {
  SANE_Handle handle = device_.handle();
  SANE_Status status = sane_start(handle);
  if (status != SANE_STATUS_GOOD) return Stop(status, "sane_start");

  SANE_Parameters parameters{};
  status = sane_get_parameters(handle, &parameters);
  if (status != SANE_STATUS_GOOD) return Stop(status, "sane_get_parameters");
  auto frame = FrameFromParameters(parameters);
  if (!frame) return tl::unexpected(frame.error());

  // With lines == -1 the height is unknown until EOF, so the buffer grows as data comes.
  const size_t expected = frame->height > 0 ? static_cast<size_t>(frame->height) * frame->bytes_per_line : 0;
  frame->data.reserve(expected);
  size_t used = 0;
  for (;;) {
    // SANE's test backend (and others built on sanei_thread) stops its reader thread in the very
    // sane_read that hands over a page's last byte. So no read may end the page by surprise: the
    // reads stop one byte short, and the last byte is read once the reader has ended by itself
    // (see reader_thread_settle.h).
    size_t want = kReadChunk;
    if (expected > 0) {
      const size_t remaining = expected > used ? expected - used : 0;
      if (remaining > 1) {
        want = std::min(want, remaining - 1);
      } else {
        settle_.AwaitReaderEnd();
      }
    }
    frame->data.resize(used + want);
    SANE_Int length = 0;
    status = sane_read(handle, frame->data.data() + used, static_cast<SANE_Int>(want), &length);
    if (status == SANE_STATUS_EOF) break;
    if (status != SANE_STATUS_GOOD) return Stop(status, "sane_read");
    used += static_cast<size_t>(std::max<SANE_Int>(length, 0));
  }
  // Keep whole lines only; a device that ends early gives a shorter page rather than garbage.
  size_t lines = used / static_cast<size_t>(frame->bytes_per_line);
  if (frame->height >= 0) lines = std::min(lines, static_cast<size_t>(frame->height));
  if (lines == 0) return Fail("the device sent a page without image data");
  frame->height = static_cast<int>(lines);
  frame->data.resize(lines * static_cast<size_t>(frame->bytes_per_line));
  return FrameEvent{std::move(*frame)};
}

}  // namespace mailroom::scanner
