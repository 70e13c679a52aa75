// Settings: flags over the environment over the config file.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "mailroom/app/settings.h"
#include "temp_dir.h"

using mailroom::testing::TempDir;

namespace {

struct Parsed {
  std::string broker, store, prefix = "mailroom";
};

// Parses `args` (program name first) into `app` the way main does.
void ParseWithConfig(CLI::App& app, std::vector<std::string> args) {
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  auto with_config = mailroom::app::WithConfigFile(static_cast<int>(argv.size()), argv.data(), app);
  REQUIRE(with_config);
  std::reverse(with_config->begin(), with_config->end());
  app.parse(*with_config);
}

// The same, with a `worker`-like subcommand.
Parsed Parse(std::vector<std::string> args) {
  Parsed out;
  CLI::App app{"test"};
  auto* worker = app.add_subcommand("worker");
  worker->add_option("--broker", out.broker);
  worker->add_option("--store", out.store);
  worker->add_option("--prefix", out.prefix);
  mailroom::app::UseEnvironment(app);
  ParseWithConfig(app, std::move(args));
  return out;
}

}  // namespace

TEST_CASE("settings: a flag beats the environment, which beats the config file", "[settings]") {
  TempDir dir;
  const auto config = (dir / "mailroom.conf").string();
  std::ofstream(config) << "# shared by every worker\nbroker = amqp://file/\nstore = /srv/store\n"
                           "registry = /srv/registry   # a name this command does not have is skipped\n";
  ::unsetenv("MAILROOM_BROKER");
  ::unsetenv("MAILROOM_STORE");
  ::unsetenv("MAILROOM_PREFIX");

  const auto from_file = Parse({"mailroom", "worker", "--config", config});
  CHECK(from_file.broker == "amqp://file/");
  CHECK(from_file.store == "/srv/store");
  CHECK(from_file.prefix == "mailroom");

  ::setenv("MAILROOM_BROKER", "amqp://env/", 1);
  const auto from_env = Parse({"mailroom", "worker", "--config", config});
  CHECK(from_env.broker == "amqp://env/");
  CHECK(from_env.store == "/srv/store");

  const auto from_flag = Parse({"mailroom", "worker", "--config", config, "--broker", "amqp://flag/"});
  CHECK(from_flag.broker == "amqp://flag/");

  ::setenv("MAILROOM_CONFIG", config.c_str(), 1);
  const auto config_from_env = Parse({"mailroom", "worker", "--prefix", "test"});
  CHECK(config_from_env.store == "/srv/store");
  CHECK(config_from_env.prefix == "test");
  ::unsetenv("MAILROOM_CONFIG");
  ::unsetenv("MAILROOM_BROKER");
}

TEST_CASE("settings: a broken config file is an error that names file and line", "[settings]") {
  TempDir dir;
  const auto config = (dir / "broken.conf").string();
  std::ofstream(config) << "broker = amqp://x/\nthis is not a setting\n";
  CLI::App app{"test"};
  app.add_subcommand("worker");
  std::vector<std::string> args = {"mailroom", "worker", "--config", config};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  const auto result = mailroom::app::WithConfigFile(static_cast<int>(argv.size()), argv.data(), app);
  REQUIRE_FALSE(result);
  CHECK(result.error().message == config + ":2: expected 'name = value'");
  std::vector<std::string> missing = {"mailroom", "worker", "--config", (dir / "nowhere.conf").string()};
  std::vector<char*> argv2;
  for (auto& a : missing) argv2.push_back(a.data());
  CHECK_FALSE(mailroom::app::WithConfigFile(static_cast<int>(argv2.size()), argv2.data(), app));
}

TEST_CASE("settings: a repeatable option is taken from every line of the config file, a flag from its value",
          "[settings]") {
  TempDir dir;
  const auto config = (dir / "station.conf").string();
  std::ofstream(config) << "device-option = br-x=40\ndevice-option = br-y=50\nduplex = true\n";
  std::vector<std::string> options;
  bool duplex = false;
  CLI::App app{"test"};
  auto* station = app.add_subcommand("station");
  station->add_option("--device-option", options);
  station->add_flag("--duplex", duplex);
  ParseWithConfig(app, {"mailroom", "station", "--config", config});
  CHECK(options == std::vector<std::string>{"br-x=40", "br-y=50"});
  CHECK(duplex);  // a flag takes its value from the line
}
