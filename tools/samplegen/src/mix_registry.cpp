#include "mix_registry.h"

#include <optional>
#include <set>

#include "case_numbers.h"

namespace mailroom::samplegen {
namespace {

std::string RandomDigits(Rng& rng, int count) {
  std::string out;
  for (int i = 0; i < count; ++i) out += static_cast<char>('0' + rng.Between(0, 9));
  return out;
}

// Two unpaired cases of the same jobcenter (so the same city), or nothing.
std::optional<std::pair<std::size_t, std::size_t>> PickPair(const Registry& registry, std::vector<bool>& taken,
                                                            Rng& rng) {
  std::size_t n = registry.cases.size();
  for (int attempt = 0; attempt < 200; ++attempt) {
    std::size_t a = static_cast<std::size_t>(rng.Between(0, static_cast<int>(n) - 1));
    std::size_t b = static_cast<std::size_t>(rng.Between(0, static_cast<int>(n) - 1));
    if (a == b || taken[a] || taken[b] || registry.cases[a].jobcenter != registry.cases[b].jobcenter) continue;
    taken[a] = taken[b] = true;
    return std::make_pair(a, b);
  }
  return std::nullopt;
}

void Renumber(Case& c, const std::string& bg, std::set<std::string>& used) {
  used.erase(c.bg_number);
  c.bg_number = bg;
  used.insert(bg);
}

// The other household takes the first one's surname; a head with the same given name too would
// be the same person, so it gets another one.
void ShareSurname(const Case& first, Case& other, Rng& rng) {
  const Person& head = first.persons.front();
  std::string old = other.persons.front().surname;
  for (Person& p : other.persons) {
    if (p.surname == old) p.surname = head.surname;
  }
  Person& other_head = other.persons.front();
  while (other_head.given_name == head.given_name) {
    other_head.given_name = std::string(other_head.female ? rng.Pick(FemaleGivenNames()) : rng.Pick(MaleGivenNames()));
  }
}

// Leading zeros in the 7-digit part: what "35301BG12345" for "35301BG0012345" is about.
void AddLeadingZeros(Case& c, std::set<std::string>& used, Rng& rng) {
  int zeros = rng.Between(1, 3);
  for (;;) {
    std::string bg = c.bg_number.substr(0, 7) + std::string(static_cast<std::size_t>(zeros), '0') +
                     std::to_string(rng.Between(1, 9)) + RandomDigits(rng, 6 - zeros);
    if (used.count(bg) == 0) return Renumber(c, bg, used);
  }
}

void AddDoubleSurname(Person& head, Rng& rng) {
  std::string second(rng.Pick(Surnames()));
  if (second != head.surname) head.surname += "-" + second;
}

void AddMiddleName(Person& head, Rng& rng) {
  std::string middle(head.female ? rng.Pick(FemaleGivenNames()) : rng.Pick(MaleGivenNames()));
  if (middle != head.given_name) head.given_name += " " + middle;
}

}  // namespace

MixRegistry DecorateRegistry(Registry& registry, int typo_pairs, int name_pairs, Rng& rng) {
  MixRegistry out;
  std::set<std::string> used;
  for (const Case& c : registry.cases) used.insert(c.bg_number);
  std::vector<bool> taken(registry.cases.size(), false);
  for (int i = 0; i < typo_pairs; ++i) {
    auto pair = PickPair(registry, taken, rng);
    if (!pair) break;
    Case& other = registry.cases[pair->second];
    Renumber(other, numbers::OneDigitTypo(registry.cases[pair->first].bg_number, used, rng), used);
    out.typo_twins.push_back(*pair);
  }
  for (int i = 0; i < name_pairs; ++i) {
    auto pair = PickPair(registry, taken, rng);
    if (!pair) break;
    ShareSurname(registry.cases[pair->first], registry.cases[pair->second], rng);
    out.name_twins.push_back(*pair);
  }
  for (std::size_t i = 0; i < registry.cases.size(); ++i) {
    if (taken[i]) continue;  // twins keep their plain numbers and names
    Case& c = registry.cases[i];
    if (rng.Chance(0.3)) AddLeadingZeros(c, used, rng);
    if (rng.Chance(0.2)) AddDoubleSurname(c.persons.front(), rng);
    if (rng.Chance(0.2) && !c.persons.front().given_name.empty()) AddMiddleName(c.persons.front(), rng);
  }
  return out;
}

}  // namespace mailroom::samplegen
