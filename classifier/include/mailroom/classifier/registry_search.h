// Finding a case by its person, for the review desk: a letter that names no number is assigned by
// the sender a clerk reads on it. Two facts of one person must agree (a name and another name, a
// birth date or a postcode), so that the registry cannot be browsed by surname alone.
#pragma once

#include <string>
#include <vector>

#include "mailroom/classifier/registry.h"

namespace mailroom::classifier {

struct PersonQuery {
  std::vector<std::string> names;  ///< each must begin the surname or a given name (umlauts, case folded)
  std::string birth_date;          ///< YYYY-MM-DD, or empty
  std::string postcode;            ///< 5 digits, or empty
};

/// Reads what a clerk types, e.g. "Köhler Svenja", "koehler 26.09.1971", "Thomsen 24103":
/// dates as DD.MM.YYYY or YYYY-MM-DD, five digits as a postcode, other words as names. Fails
/// with the reason when fewer than two facts are given or one of them is not understood.
[[nodiscard]] Result<PersonQuery> ParsePersonQuery(const std::string& typed);

/// The persons matching every fact of `query`, in BG number order, at most `limit` of them.
[[nodiscard]] std::vector<Person> FindPersons(const Registry& registry, const PersonQuery& query,
                                              std::size_t limit = 20);

}  // namespace mailroom::classifier
