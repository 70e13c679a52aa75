// The synthetic case registry: jobcenters and Bedarfsgemeinschaften (BGs) with their members.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "german_data.h"
#include "mailroom/common/result.h"
#include "rng.h"

namespace mailroom::samplegen {

struct Jobcenter {
  std::string id;            ///< e.g. "jobcenter-kiel"
  std::string name;          ///< e.g. "Jobcenter Kiel"
  std::string dienststelle;  ///< 5 digits, the prefix of its BG numbers
  const TownInfo* town = nullptr;
};

struct Address {
  std::string street;  ///< street and house number
  std::string postcode;
  std::string city;
};

struct Person {
  std::string customer_number;  ///< 3 digits + letter + 6 digits; empty for persons outside the registry
  std::string surname;
  std::string given_name;
  std::string birth_date;  ///< YYYY-MM-DD
  bool female = false;
};

/// One Bedarfsgemeinschaft: 1-4 persons at one address. persons[0] is the head who writes letters.
struct Case {
  std::string bg_number;      ///< dienststelle + "BG" + 7 digits
  std::size_t jobcenter = 0;  ///< index into Registry::jobcenters
  Address address;
  std::vector<Person> persons;
};

struct Registry {
  std::vector<Jobcenter> jobcenters;
  std::vector<Case> cases;
};

/// 3-5 jobcenters and `case_count` BGs spread over them; BG and customer numbers are unique.
[[nodiscard]] Registry BuildRegistry(Rng& rng, int case_count);

/// A household that is NOT in the registry (its surname+given name pair and BG number are unused),
/// living in the town of `jobcenter`; its BG number is well-formed but unknown.
[[nodiscard]] Case MakeOutsider(Rng& rng, const Registry& registry, std::size_t jobcenter);

/// Writes registry_dir/jobcenters.csv and registry_dir/cases.csv (mode 0600).
[[nodiscard]] Result<void> WriteRegistry(const Registry& registry, const std::filesystem::path& registry_dir);

}  // namespace mailroom::samplegen
