// Settings that cannot be applied give errors that name the device, the option and the reason.
#include "sane_test_env.h"

namespace mailroom::scanner::testing {
namespace {

std::string ErrorOf(SaneTestEnv& env, const ScanSettings& settings) {
  auto result = CaptureBatch(env.session(), settings, env.box());
  REQUIRE_FALSE(result);
  return result.error().message;
}

TEST_CASE("An unknown device is named in the error", "[scanner][sane]") {
  SaneTestEnv env;
  ScanSettings settings = SmallScan();
  settings.device = "test:7";
  CHECK(ErrorOf(env, settings) == "scanner 'test:7': cannot open: no such device (see `mailroom scan --list`)");
  settings.device = "";
  CHECK_THAT(ErrorOf(env, settings), Catch::Contains("no scanner given"));
}

TEST_CASE("An unknown option is named in the error", "[scanner][sane]") {
  SaneTestEnv env;
  CHECK(ErrorOf(env, SmallScan({"no-such-option=1"})) == "scanner 'test:0': no option 'no-such-option'");
  CHECK_FALSE(std::filesystem::exists(env.box()));  // a settings error leaves no box folder behind
}

TEST_CASE("Bad option values name the option and the reason", "[scanner][sane]") {
  SaneTestEnv env;
  CHECK(ErrorOf(env, SmallScan({"test-picture=Purple"})) ==
        "scanner 'test:0': option 'test-picture': 'Purple' is not one of 'Solid black', 'Solid white', "
        "'Color pattern', 'Grid'");
  CHECK(ErrorOf(env, SmallScan({"br-x=999"})) == "scanner 'test:0': option 'br-x': 999 is out of range 0..200");
  CHECK(ErrorOf(env, SmallScan({"hand-scanner=maybe"})) ==
        "scanner 'test:0': option 'hand-scanner': 'maybe' is not a yes/no value (use yes, no, true, false, 1 or 0)");
  CHECK(ErrorOf(env, SmallScan({"br-y=abc"})) == "scanner 'test:0': option 'br-y': 'abc' is not a number");
  CHECK(ErrorOf(env, SmallScan({"ppl-loss=1.5"})) ==
        "scanner 'test:0': option 'ppl-loss': '1.5' is not a whole number");
  CHECK(ErrorOf(env, SmallScan({"br-x"})) == "scanner 'test:0': option 'br-x': expected NAME=VALUE");
  CHECK(ErrorOf(env, SmallScan({"three-pass=yes"})) ==
        "scanner 'test:0': option 'three-pass' is not active with the current settings");
}

TEST_CASE("Options are set by type: string, int, fixed, bool, with scanimage's leading dashes", "[scanner][sane]") {
  SaneTestEnv env;
  ScanSettings settings =
      SmallScan({"--test-picture=solid WHITE", "ppl-loss=0", "br-y=25.4", "read-limit=yes", "read-limit-size=4096"});
  settings.source = "Flatbed";
  auto result = CaptureBatch(env.session(), settings, env.box());
  REQUIRE(result);
  PixPtr page = ReadPage(env.box() / "0001.tif");
  CHECK(pixGetHeight(page.get()) == 73);  // 25.4 mm, rounded by the backend to its 1 mm steps: 25 mm at 75 dpi
  l_uint32 value = 0;
  pixGetPixel(page.get(), 1, 1, &value);
  CHECK(value == 255);
}

TEST_CASE("Duplex on a device without duplex is an error naming the device", "[scanner][sane]") {
  SaneTestEnv env;
  ScanSettings settings = SmallScan();
  settings.duplex = true;
  CHECK(ErrorOf(env, settings) ==
        "scanner 'test:0': cannot scan duplex: it has no duplex source (its sources: 'Flatbed', 'Automatic Document "
        "Feeder') and no 'duplex' option");
}

TEST_CASE("An unknown source lists the device's sources", "[scanner][sane]") {
  SaneTestEnv env;
  ScanSettings settings = SmallScan();
  settings.source = "Transparency";
  CHECK(ErrorOf(env, settings) ==
        "scanner 'test:0': no source 'Transparency' (its sources: 'Flatbed', 'Automatic Document Feeder')");
}

TEST_CASE("A resolution outside the device's range is an error", "[scanner][sane]") {
  SaneTestEnv env;
  ScanSettings settings = SmallScan();
  settings.resolution_dpi = 5000;
  CHECK(ErrorOf(env, settings) == "scanner 'test:0': option 'resolution': 5000 is out of range 1..1200");
}

TEST_CASE("3-pass color frames are refused clearly", "[scanner][sane]") {
  SaneTestEnv env;
  ScanSettings settings = SmallScan({"three-pass=yes"});
  settings.mode = ColorMode::kColor;
  CHECK_THAT(ErrorOf(env, settings), Catch::Contains("3-pass") && Catch::Contains("scanner 'test:0'"));
  CHECK(PageNames(env.box()).empty());
}

}  // namespace
}  // namespace mailroom::scanner::testing
