#include "mailroom/classifier/registry_search.h"

#include <algorithm>
#include <cctype>
#include <regex>
#include <sstream>

#include "text_fold.h"

namespace mailroom::classifier {
namespace {

bool AllDigits(const std::string& word) {
  return !word.empty() && std::all_of(word.begin(), word.end(), [](unsigned char c) { return std::isdigit(c); });
}

// "26.09.1971" or "1971-09-26" -> "1971-09-26"; empty when the word is no date.
std::string BirthDate(const std::string& word) {
  static const std::regex german(R"((\d{1,2})\.(\d{1,2})\.(\d{4}))");
  static const std::regex iso(R"(\d{4}-\d{2}-\d{2})");
  std::smatch match;
  if (std::regex_match(word, iso)) return word;
  if (!std::regex_match(word, match, german)) return "";
  const auto two = [](const std::string& part) { return part.size() == 1 ? "0" + part : part; };
  return match[3].str() + "-" + two(match[2].str()) + "-" + two(match[1].str());
}

bool BeginsAName(const Person& person, const std::string& folded) {
  std::istringstream names(Fold(person.surname) + " " + Fold(person.given_name));
  for (std::string name; names >> name;) {
    if (name.rfind(folded, 0) == 0) return true;
    // "Köhler-Möller": each part of a double name is a name of its own.
    std::istringstream parts(name);
    for (std::string part; std::getline(parts, part, '-');) {
      if (part.rfind(folded, 0) == 0) return true;
    }
  }
  return false;
}

}  // namespace

Result<PersonQuery> ParsePersonQuery(const std::string& typed) {
  PersonQuery query;
  std::istringstream words(typed);
  for (std::string word; words >> word;) {
    if (auto date = BirthDate(word); !date.empty()) {
      query.birth_date = date;
    } else if (AllDigits(word) && word.size() == 5) {
      query.postcode = word;
    } else if (AllDigits(word) || word.find_first_of("0123456789") != std::string::npos) {
      return Fail("'" + word + "' is neither a name, a birth date (DD.MM.YYYY) nor a postcode");
    } else if (const std::string folded = Fold(word); folded.size() >= 2) {
      query.names.push_back(folded);
    }
  }
  const std::size_t facts = query.names.size() + (query.birth_date.empty() ? 0 : 1) + (query.postcode.empty() ? 0 : 1);
  if (query.names.empty() || facts < 2) {
    return Fail("give a name and one more fact of the person: another name, the birth date or the postcode");
  }
  return query;
}

std::vector<Person> FindPersons(const Registry& registry, const PersonQuery& query, std::size_t limit) {
  std::vector<Person> found;
  for (const auto& [bg, persons] : registry.cases) {
    for (const auto& person : persons) {
      if (!query.birth_date.empty() && person.birth_date != query.birth_date) continue;
      if (!query.postcode.empty() && person.postcode != query.postcode) continue;
      if (!std::all_of(query.names.begin(), query.names.end(),
                       [&person](const std::string& name) { return BeginsAName(person, name); })) {
        continue;
      }
      found.push_back(person);
      if (found.size() == limit) return found;
    }
  }
  return found;
}

}  // namespace mailroom::classifier
