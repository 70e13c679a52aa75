// Device faults injected with the test backend's read-return-value option. The backend returns
// that status from the first sane_read of every frame, so the fault hits the batch's first sheet.
#include "sane_test_env.h"

namespace mailroom::scanner::testing {
namespace {

struct InjectedFault {
  std::string status;
  FaultKind kind;
  std::string advice;  // a part of the operator message only this fault has
};

Result<BatchResult> CaptureFault(SaneTestEnv& env, const std::string& status, std::optional<int> first_sheet = {}) {
  return CaptureBatch(env.session(), SmallScan({"read-return-value=" + status}), env.box(), first_sheet);
}

TEST_CASE("Each injected fault stops the batch with status, sheet, kept pages and advice", "[scanner][sane]") {
  auto fault = GENERATE(InjectedFault{"SANE_STATUS_JAMMED", FaultKind::kJammed, "Paper jam at sheet 11"},
                        InjectedFault{"SANE_STATUS_COVER_OPEN", FaultKind::kCoverOpen, "Close the cover"},
                        InjectedFault{"SANE_STATUS_IO_ERROR", FaultKind::kIoError, "cable and power"},
                        InjectedFault{"SANE_STATUS_DEVICE_BUSY", FaultKind::kDeviceBusy, "in use by another program"},
                        InjectedFault{"SANE_STATUS_NO_MEM", FaultKind::kNoMemory, "ran out of memory"},
                        InjectedFault{"SANE_STATUS_ACCESS_DENIED", FaultKind::kAccessDenied, "was denied"},
                        InjectedFault{"SANE_STATUS_CANCELLED", FaultKind::kCancelled, "Scan cancelled"},
                        InjectedFault{"SANE_STATUS_INVAL", FaultKind::kOther, "(Invalid argument)"});
  SaneTestEnv env;
  auto full = CaptureBatch(env.session(), SmallScan(), env.box());
  REQUIRE(full);
  REQUIRE(full->pages_in_box == 10);

  auto result = CaptureFault(env, fault.status);
  REQUIRE(result);
  REQUIRE(result->fault);
  const ScanFault& f = *result->fault;
  CHECK(f.kind == fault.kind);
  CHECK(f.sane_status == fault.status);
  CHECK(f.where == "sane_read");
  CHECK(f.sheet == 11);
  CHECK(f.pages_in_box == 10);
  CHECK_THAT(f.message, Catch::Contains(fault.advice));
  CHECK_THAT(f.message, Catch::Contains("pages up to 0010.tif are kept"));
  CHECK_THAT(f.message, Catch::EndsWith("put sheet 11 and the sheets after it back in, then resume."));
  CHECK(result->message == f.message);
  CHECK_FALSE(result->feeder_empty);
  CHECK(result->sheets_captured == 0);
  CHECK(PageNames(env.box()) == NumberedPages(1, 10));
}

TEST_CASE("A paper jam names the sheet given by the caller and the last kept page", "[scanner][sane]") {
  SaneTestEnv env;
  std::filesystem::create_directories(env.box());
  std::ofstream(env.box() / "0026.tif") << "x";  // 13 duplex sheets scanned earlier
  auto result = CaptureFault(env, "SANE_STATUS_JAMMED", 14);
  REQUIRE(result);
  REQUIRE(result->fault);
  CHECK(result->fault->message ==
        "Paper jam at sheet 14: pages up to 0026.tif are kept. Clear the feeder, put sheet 14 and the sheets after it "
        "back in, then resume.");
}

TEST_CASE("A jam on the first sheet of an empty box keeps no pages", "[scanner][sane]") {
  SaneTestEnv env;
  auto result = CaptureFault(env, "SANE_STATUS_JAMMED");
  REQUIRE(result);
  REQUIRE(result->fault);
  CHECK(result->fault->sheet == 1);
  CHECK(result->fault->pages_in_box == 0);
  CHECK(result->fault->message ==
        "Paper jam at sheet 1: no pages of this box are kept yet. Clear the feeder, put sheet 1 and the sheets after "
        "it back in, then resume.");
  CHECK(PageNames(env.box()).empty());
}

TEST_CASE("After a fault the device is closed and usable again", "[scanner][sane]") {
  SaneTestEnv env;
  auto jammed = CaptureFault(env, "SANE_STATUS_JAMMED");
  REQUIRE(jammed);
  REQUIRE(jammed->fault);
  // The test backend keeps option values for the session, so the operator's resume resets it.
  auto resumed = CaptureBatch(env.session(), SmallScan({"read-return-value=Default"}), env.box());
  REQUIRE(resumed);
  CHECK(resumed->sheets_captured == 10);
  CHECK(PageNames(env.box()) == NumberedPages(1, 10));
}

}  // namespace
}  // namespace mailroom::scanner::testing
