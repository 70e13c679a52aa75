#include <array>
#include <cstdio>
#include <set>
#include <string>

#include "registry.h"

namespace mailroom::samplegen {
namespace {

std::string Digits(Rng& rng, int count) {
  std::string out;
  for (int i = 0; i < count; ++i) out += static_cast<char>('0' + rng.Between(0, 9));
  return out;
}

std::string BirthDate(Rng& rng, int year_low, int year_high) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", rng.Between(year_low, year_high), rng.Between(1, 12),
                rng.Between(1, 28));
  return buffer;
}

Address RandomAddress(Rng& rng, const TownInfo& town) {
  std::string number = std::to_string(rng.Between(1, 98));
  if (rng.Chance(0.15)) number += static_cast<char>('a' + rng.Between(0, 3));
  return Address{std::string(rng.Pick(Streets())) + " " + number,
                 std::to_string(rng.Between(town.postcode_low, town.postcode_high)), std::string(town.city)};
}

Person RandomAdult(Rng& rng, const std::string& surname, bool female) {
  Person p;
  p.surname = surname;
  p.female = female;
  p.given_name = std::string(female ? rng.Pick(FemaleGivenNames()) : rng.Pick(MaleGivenNames()));
  p.birth_date = BirthDate(rng, 1962, 2004);
  return p;
}

// Family structures: single, single parent, couple, couple with children (1-4 persons).
std::vector<Person> RandomHousehold(Rng& rng) {
  std::string surname(rng.Pick(Surnames()));
  bool female_head = rng.Chance(0.55);
  std::vector<Person> persons{RandomAdult(rng, surname, female_head)};
  int size = static_cast<int>(rng.Weighted(std::array{45, 25, 18, 12})) + 1;
  bool couple = size >= 2 && rng.Chance(0.5);
  if (couple)
    persons.push_back(RandomAdult(rng, rng.Chance(0.8) ? surname : std::string(rng.Pick(Surnames())), !female_head));
  while (static_cast<int>(persons.size()) < size) {
    Person child;
    child.surname = surname;
    child.given_name = std::string(rng.Pick(ChildGivenNames()));
    child.birth_date = BirthDate(rng, 2008, 2022);
    persons.push_back(child);
  }
  return persons;
}

std::string UniqueBgNumber(Rng& rng, const std::string& dienststelle, std::set<std::string>& used) {
  for (;;) {
    std::string bg = dienststelle + "BG" + Digits(rng, 7);
    if (used.insert(bg).second) return bg;
  }
}

}  // namespace

Registry BuildRegistry(Rng& rng, int case_count) {
  Registry registry;
  std::vector<std::size_t> towns(Towns().size());
  for (std::size_t i = 0; i < towns.size(); ++i) towns[i] = i;
  rng.Shuffle(towns);
  int jobcenter_count = rng.Between(3, 5);
  for (int i = 0; i < jobcenter_count; ++i) {
    const TownInfo& town = Towns()[towns[static_cast<std::size_t>(i)]];
    registry.jobcenters.push_back(Jobcenter{std::string(town.jobcenter_id), std::string(town.jobcenter_name),
                                            std::string(town.dienststelle), &town});
  }
  std::set<std::string> used_bg;
  std::set<std::string> used_customer;
  for (int i = 0; i < case_count; ++i) {
    Case c;
    c.jobcenter = static_cast<std::size_t>(rng.Between(0, jobcenter_count - 1));
    const Jobcenter& jc = registry.jobcenters[c.jobcenter];
    c.bg_number = UniqueBgNumber(rng, jc.dienststelle, used_bg);
    c.address = RandomAddress(rng, *jc.town);
    c.persons = RandomHousehold(rng);
    for (Person& p : c.persons) {
      do {
        p.customer_number = Digits(rng, 3) + static_cast<char>('A' + rng.Between(0, 25)) + Digits(rng, 6);
      } while (!used_customer.insert(p.customer_number).second);
    }
    registry.cases.push_back(std::move(c));
  }
  return registry;
}

Case MakeOutsider(Rng& rng, const Registry& registry, std::size_t jobcenter) {
  std::set<std::string> used_bg;
  std::set<std::pair<std::string, std::string>> used_names;
  for (const Case& c : registry.cases) {
    used_bg.insert(c.bg_number);
    for (const Person& p : c.persons) used_names.emplace(p.surname, p.given_name);
  }
  Case outsider;
  outsider.jobcenter = jobcenter;
  const Jobcenter& jc = registry.jobcenters[jobcenter];
  outsider.bg_number = UniqueBgNumber(rng, jc.dienststelle, used_bg);
  outsider.address = RandomAddress(rng, *jc.town);
  do {
    bool female = rng.Chance(0.5);
    outsider.persons = {RandomAdult(rng, std::string(rng.Pick(Surnames())), female)};
  } while (used_names.count({outsider.persons[0].surname, outsider.persons[0].given_name}) != 0);
  return outsider;
}

}  // namespace mailroom::samplegen
