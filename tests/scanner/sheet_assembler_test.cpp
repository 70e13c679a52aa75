// Sheet grouping with a fake frame source: duplex (which SANE's test backend cannot do),
// partial sheets, flatbed.
#include <catch2/catch.hpp>
#include <deque>
#include <vector>

#include "sheet_assembler.h"

namespace mailroom::scanner {
namespace {

Frame SideFrame(uint8_t marker) {
  Frame frame;
  frame.depth = 8;
  frame.width = 4;
  frame.height = 2;
  frame.bytes_per_line = 4;
  frame.data.assign(8, marker);
  return frame;
}

DeviceFault Jam() {
  return DeviceFault{FaultKind::kJammed, "SANE_STATUS_JAMMED", "Document feeder jammed", "sane_read"};
}

class FakeFrames final : public FrameSource {
 public:
  explicit FakeFrames(std::deque<Result<FrameEvent>> events) : events_(std::move(events)) {}
  Result<FrameEvent> NextFrame() override {
    ++calls;
    if (events_.empty()) return FrameEvent{FeederEmpty{}};
    Result<FrameEvent> next = std::move(events_.front());
    events_.pop_front();
    return next;
  }
  int calls = 0;

 private:
  std::deque<Result<FrameEvent>> events_;
};

struct Written {
  int page_number;
  uint8_t marker;
  bool operator==(const Written&) const = default;
};

struct Recorder {
  std::vector<Written> pages;
  PageSink Sink() {
    return [this](int page_number, const Frame& frame) -> Result<void> {
      pages.push_back({page_number, frame.data.front()});
      return {};
    };
  }
};

TEST_CASE("Duplex: two frames per sheet; a jam on a back side drops the partial sheet", "[scanner]") {
  FakeFrames frames({SideFrame(1), SideFrame(2), SideFrame(3), SideFrame(4), SideFrame(5), FrameEvent{Jam()}});
  Recorder recorder;
  std::vector<ScanProgress> progress;
  SheetPlan plan{.frames_per_sheet = 2, .single_sheet = false, .first_sheet = 1, .pages_in_box = 0};
  auto result = AssembleSheets(frames, plan, recorder.Sink(), [&](const ScanProgress& p) { progress.push_back(p); });
  REQUIRE(result);
  CHECK(recorder.pages == std::vector<Written>{{1, 1}, {2, 2}, {3, 3}, {4, 4}});
  CHECK(result->sheets_captured == 2);
  CHECK(result->pages_captured == 4);
  REQUIRE(result->fault);
  CHECK(result->fault->sheet == 3);
  CHECK(result->fault->pages_in_box == 4);
  CHECK(result->fault->message ==
        "Paper jam at sheet 3: pages up to 0004.tif are kept. Clear the feeder, put sheet 3 and the sheets after it "
        "back in, then resume.");
  REQUIRE(progress.size() == 2);
  CHECK(progress[1].sheets_captured == 2);
  CHECK(progress[1].pages_in_box == 4);
}

TEST_CASE("Duplex in a resumed box: sheet and page numbers count the box", "[scanner]") {
  FakeFrames frames({SideFrame(7), FrameEvent{Jam()}});
  Recorder recorder;
  SheetPlan plan{.frames_per_sheet = 2, .single_sheet = false, .first_sheet = 4, .pages_in_box = 6};
  auto result = AssembleSheets(frames, plan, recorder.Sink(), {});
  REQUIRE(result);
  CHECK(recorder.pages.empty());
  REQUIRE(result->fault);
  CHECK(result->fault->sheet == 4);
  CHECK(result->fault->pages_in_box == 6);
  CHECK_THAT(result->fault->message, Catch::StartsWith("Paper jam at sheet 4: pages up to 0006.tif are kept."));
}

TEST_CASE("Duplex: the feeder running empty after a front side is a fault, not the end", "[scanner]") {
  FakeFrames frames({SideFrame(1), SideFrame(2), SideFrame(3), FrameEvent{FeederEmpty{}}});
  Recorder recorder;
  SheetPlan plan{.frames_per_sheet = 2, .single_sheet = false, .first_sheet = 1, .pages_in_box = 0};
  auto result = AssembleSheets(frames, plan, recorder.Sink(), {});
  REQUIRE(result);
  CHECK(recorder.pages == std::vector<Written>{{1, 1}, {2, 2}});
  CHECK_FALSE(result->feeder_empty);
  REQUIRE(result->fault);
  CHECK(result->fault->sane_status == "SANE_STATUS_NO_DOCS");
  CHECK(result->fault->where == "sane_start");
  CHECK(result->fault->sheet == 2);
  CHECK_THAT(result->fault->message, Catch::Contains("middle of sheet 2"));
}

TEST_CASE("Duplex: a clean end after whole sheets", "[scanner]") {
  FakeFrames frames({SideFrame(1), SideFrame(2), SideFrame(3), SideFrame(4)});
  Recorder recorder;
  SheetPlan plan{.frames_per_sheet = 2, .single_sheet = false, .first_sheet = 1, .pages_in_box = 10};
  auto result = AssembleSheets(frames, plan, recorder.Sink(), {});
  REQUIRE(result);
  CHECK(result->feeder_empty);
  CHECK_FALSE(result->fault);
  CHECK(recorder.pages == std::vector<Written>{{11, 1}, {12, 2}, {13, 3}, {14, 4}});
  CHECK(result->message == "Feeder empty: 2 sheets scanned, pages 0011.tif to 0014.tif.");
}

TEST_CASE("Single sheet (flatbed) asks the device for one sheet only", "[scanner]") {
  FakeFrames frames({SideFrame(1), SideFrame(2)});
  Recorder recorder;
  SheetPlan plan{.frames_per_sheet = 1, .single_sheet = true, .first_sheet = 1, .pages_in_box = 0};
  auto result = AssembleSheets(frames, plan, recorder.Sink(), {});
  REQUIRE(result);
  CHECK(frames.calls == 1);
  CHECK(recorder.pages.size() == 1);
  CHECK_FALSE(result->feeder_empty);
}

TEST_CASE("Errors from the frame source or the page writer name the sheet", "[scanner]") {
  Recorder recorder;
  SheetPlan plan{.frames_per_sheet = 1, .single_sheet = false, .first_sheet = 5, .pages_in_box = 4};
  FakeFrames broken({Result<FrameEvent>(Fail("unsupported frame format"))});
  auto from_source = AssembleSheets(broken, plan, recorder.Sink(), {});
  REQUIRE_FALSE(from_source);
  CHECK(from_source.error().message == "sheet 5: unsupported frame format");

  FakeFrames frames({SideFrame(1)});
  auto from_sink =
      AssembleSheets(frames, plan, [](int, const Frame&) -> Result<void> { return Fail("0005.tif: disk full"); }, {});
  REQUIRE_FALSE(from_sink);
  CHECK(from_sink.error().message == "sheet 5: 0005.tif: disk full");
}

}  // namespace
}  // namespace mailroom::scanner
