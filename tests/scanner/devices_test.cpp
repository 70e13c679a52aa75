#include <algorithm>

#include "sane_test_env.h"

namespace mailroom::scanner::testing {
namespace {

TEST_CASE("ListDevices finds both devices of the test backend", "[scanner][sane]") {
  SaneTestEnv env;
  auto devices = ListDevices(env.session());
  REQUIRE(devices);
  std::vector<std::string> names;
  for (const DeviceInfo& d : *devices) names.push_back(d.name);
  std::sort(names.begin(), names.end());
  CHECK(names == std::vector<std::string>{"test:0", "test:1"});
  const DeviceInfo& first = devices->front();
  CHECK(first.vendor == "Noname");
  CHECK(first.model == "frontend-tester");
  CHECK(first.type == "virtual device");
}

TEST_CASE("Only one SANE session may be open at a time", "[scanner][sane]") {
  SaneTestEnv env;
  auto second = SaneSession::Open();
  REQUIRE_FALSE(second);
  CHECK_THAT(second.error().message, Catch::Contains("another scanner session is open"));
}

TEST_CASE("A session can be opened again after the first one closed", "[scanner][sane]") {
  { SaneTestEnv env; }
  SaneTestEnv again;
  auto devices = ListDevices(again.session());
  REQUIRE(devices);
  CHECK(devices->size() == 2);
}

}  // namespace
}  // namespace mailroom::scanner::testing
