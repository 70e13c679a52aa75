// Finding a case by the person a clerk reads on a letter without a number.
#include "mailroom/classifier/registry_search.h"

#include <catch2/catch.hpp>

using namespace mailroom::classifier;

namespace {

Registry TwoHouseholds() {
  Registry registry;
  registry.cases["35301BG0012345"] = {{"35301BG0012345", "123D456789", "jobcenter-kiel", "Köhler-Möller", "Ahmad",
                                       "1968-08-17", "Finkenweg 67", "24122", "Kiel"},
                                      {"35301BG0012345", "123D456788", "jobcenter-kiel", "Köhler", "Svenja",
                                       "1971-09-26", "Finkenweg 67", "24122", "Kiel"}};
  registry.cases["35301BG0067890"] = {
      {"35301BG0067890", "123D456790", "jobcenter-kiel", "Koehler", "Jan", "1980-02-03", "Kai 2", "24103", "Kiel"}};
  return registry;
}

std::vector<std::string> Found(const Registry& registry, const std::string& typed) {
  auto query = ParsePersonQuery(typed);
  REQUIRE(query);
  std::vector<std::string> names;
  for (const auto& person : FindPersons(registry, *query)) names.push_back(person.given_name + "@" + person.bg_number);
  return names;
}

}  // namespace

TEST_CASE("a case is found by two facts of its person, umlauts and case folded", "[registry]") {
  const auto registry = TwoHouseholds();
  CHECK(Found(registry, "KOEHLER svenja") == std::vector<std::string>{"Svenja@35301BG0012345"});
  CHECK(Found(registry, "köhler 03.02.1980") == std::vector<std::string>{"Jan@35301BG0067890"});
  CHECK(Found(registry, "Möller 1968-08-17") == std::vector<std::string>{"Ahmad@35301BG0012345"});  // double name
  CHECK(Found(registry, "Köhler 24122") == std::vector<std::string>{"Ahmad@35301BG0012345", "Svenja@35301BG0012345"});
  CHECK(Found(registry, "Köhler 1.1.1990").empty());
}

TEST_CASE("a person query needs a name and one more fact, and says what it did not understand", "[registry]") {
  auto alone = ParsePersonQuery("Köhler");
  REQUIRE_FALSE(alone);
  CHECK_THAT(alone.error().message, Catch::Contains("a name and one more fact"));
  CHECK_FALSE(ParsePersonQuery("24122 26.09.1971"));  // no name
  auto odd = ParsePersonQuery("Köhler 12ab");
  REQUIRE_FALSE(odd);
  CHECK_THAT(odd.error().message, Catch::Contains("'12ab' is neither a name"));
}
