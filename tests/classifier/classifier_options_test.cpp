// The classifier's options are checked in one place, whichever command set them.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "test_pages.h"

using namespace mailroom;
using namespace mailroom::classifier;

TEST_CASE("the threshold must lie in 0..1", "[classifier][options]") {
  ClassifierOptions options;
  CHECK(options.Validate());
  for (double bad : {-0.01, 1.01, 80.0}) {
    options.route_threshold = bad;
    auto valid = options.Validate();
    REQUIRE_FALSE(valid);
    CHECK(valid.error().message.find("outside 0..1") != std::string::npos);
  }
  options.route_threshold = 1.0;
  CHECK(options.Validate());
}

TEST_CASE("a team setting names a known document type and a folder-safe team", "[classifier][options]") {
  ClassifierOptions options;
  REQUIRE(AddTeamSetting(options, "objection=rechtsbehelfe"));
  CHECK(options.teams.at("objection") == "rechtsbehelfe");
  CHECK(TeamFor("objection", options) == "rechtsbehelfe");
  CHECK(TeamFor("rent", options) == DefaultTeam("rent"));

  const auto reason = [&](const std::string& setting) {
    auto added = AddTeamSetting(options, setting);
    return added ? std::string() : added.error().message;
  };
  CHECK(reason("objection") == "expected TYPE=TEAM, e.g. objection=widerspruch");
  CHECK(reason("invoice=buchhaltung") == "unknown document type 'invoice'");
  CHECK(reason("rent=../kdu").find("a team name is letters, digits") != std::string::npos);
  CHECK(reason("rent=").find("a team name is letters, digits") != std::string::npos);
  CHECK(options.teams.size() == 1);  // refused settings change nothing

  options.teams["rent"] = "k/du";  // set around AddTeamSetting: Validate still finds it
  CHECK_FALSE(options.Validate());
}

TEST_CASE("Classifier::Create refuses bad options and a model file it cannot load", "[classifier][options]") {
  const Registry registry = test::SmallRegistry();
  ClassifierOptions options;
  CHECK(Classifier::Create(registry, options));

  options.route_threshold = 2;
  CHECK_FALSE(Classifier::Create(registry, options));

  options.route_threshold = 0.8;
  const auto missing = std::filesystem::temp_directory_path() / "mailroom-no-such-model.nb";
  options.doc_type_model_file = missing;
  auto refused = Classifier::Create(registry, options);
  REQUIRE_FALSE(refused);
  CHECK(refused.error().message.find(missing.filename().string()) != std::string::npos);

  const auto broken = std::filesystem::temp_directory_path() / "mailroom-broken-model.nb";
  std::ofstream(broken) << "not a model\n";
  options.doc_type_model_file = broken;
  CHECK_FALSE(Classifier::Create(registry, options));
  std::filesystem::remove(broken);
}
