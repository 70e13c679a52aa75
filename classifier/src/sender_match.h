// Sender matching: which registered persons does an envelope's text name (as sender or as the
// person a letter is about), and how surely. Used by the case decision to confirm a BG number with
// one wrong digit, or to find the case of a letter that carries no number at all.
//
// Scoring (SenderCandidate::score), per person, best occurrence of the surname:
//   A surname is always required. What else the text says about the same person decides the base:
//     surname alone, in a name position (sender block, "Herr"/"Frau"/"Name:")   0.30  weak
//     ... plus postcode + city                                                   0.40  weak
//     surname + given name (next to it)                                          0.80  strong
//       (an initial, "A. Müller", counts as the given name read at 0.85: 0.68 alone, weak; with a
//       birth date or a street it confirms, "A." never tells two of the same surname apart alone)
//     surname + street and house number                                          0.80  strong
//     surname + birth date                                                       0.85  strong
//     surname + two of {given name, street, birth date}                          0.93  strong
//     surname + all three                                                        0.98  strong
//     postcode + city add 0.02 to a strong base, never more: a city alone never counts, because
//     the jobcenter's own address block names the customer's town in most letters.
//     a birth date one or two digits off ("26.18.1986" for 26.10.1966), or the street with its
//     house number one character off ("Hafenstraße 7A" for 70), counts half a field beside a
//     field read right: given name and both slipped 0.93, as two fields; alone it gives nothing.
//   The base is multiplied by how exactly each name was read:
//     same letters after folding (case, umlauts, ae/oe/ue, ß/ss, rn/m)             1.00
//     an OCR look-alike only (l/1/I, e/c, 0/o, 5/s, 8/b, vv/w)                     0.98
//     one edit (a wrong, missing, extra or swapped letter; names of 6+ letters)  0.90
//     one part of a double surname ("Weber" for "Schmidt-Weber")                 x0.97
//     a street name one edit away                                                 0.95
//   So one OCR slip keeps two fields strong (0.80 x 0.98 = 0.78), but a surname one edit away
//   needs a birth date or a second field (0.80 x 0.90 = 0.72 is not strong): "Meier" and "Maier"
//   are different people.
//   A surname in running text ("der Koch", "ein Wolf") gives nothing on its own; it counts only
//   together with a given name, street or birth date of the same person near it.
//   A surname next to a role word ("Sachbearbeiterin Frau Schmidt", "Vermieter Herr Becker",
//   "Becker GmbH") is another person and is ignored.
//   Birth dates and streets count when they stand near the surname (10 and 15 words) or carry a
//   label ("geb.", "Geburtsdatum", "Anschrift"): a letter's own dates are no birth dates.
// Scores are not divided among look-alikes: two cases that match equally get equal scores, and the
// caller decides (a review). Names never appear in errors or logs.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "mailroom/classifier/registry.h"
#include "mailroom/flow/page_reading.h"

namespace mailroom::classifier {

/// At or above this score the text names the person surely enough to confirm a BG number that
/// differs from the person's case in one digit. Below it a match is weak: never route on it.
inline constexpr double kStrongSenderScore = 0.75;
/// Candidates below this score are not reported.
inline constexpr double kMinSenderScore = 0.25;

struct SenderMatchOptions {
  /// At most this many candidates are returned (the best ones). A bare common surname in a
  /// registry of millions names thousands of cases; all of them are weak.
  std::size_t max_candidates = 50;
};

/// A case whose person the text names.
struct SenderCandidate {
  std::string bg_number;
  std::string customer_number;       ///< the person that matched best
  double score = 0;                  ///< 0..1: how surely the text names this person (see above)
  std::vector<std::string> matched;  ///< of "surname","given_name","birth_date","street","postcode_city", in that order
  /// The birth date was not read right but one digit off ("21.06.1072" for 21.06.1972): not in
  /// `matched`, where only what was read right stands.
  bool birth_date_one_digit_off = false;
  /// The fields matched around any of the same person's surnames in the text, as `matched`: the
  /// given name in a signature and the street in the sender block name the person as fully as
  /// both in one place. `matched` and `score` are of the best place alone.
  std::vector<std::string> matched_anywhere;

  /// True if `field` is among `matched`.
  [[nodiscard]] bool Matched(std::string_view field) const {
    return std::find(matched.begin(), matched.end(), field) != matched.end();
  }
  /// True if `field` is among `matched` or `matched_anywhere`.
  [[nodiscard]] bool MatchedAnywhere(std::string_view field) const {
    return Matched(field) ||
           std::find(matched_anywhere.begin(), matched_anywhere.end(), field) != matched_anywhere.end();
  }
};

namespace sender {

/// One word or number of the envelope's text, in reading order over all pages.
struct Token {
  std::string fold;      ///< Fold()ed: lowercase, umlauts folded
  std::string key;       ///< NameKey(fold): OCR look-alikes merged
  int line = 0;          ///< line number over the whole envelope (a page break is a line break)
  bool number = false;   ///< digits, optionally one trailing letter ("12", "12a")
  bool initial = false;  ///< one letter and a full stop: a given name's initial ("A. Müller")
};

/// A date written in the text: "14.03.1981", "14.3.1981", "14.03.81", "14,03.1981", and with the
/// month's name: "14. März 1981", "14 Maerz 1981", "14. Mrz. 1981", "14 March 1981". Day and
/// month of the numeric form may be out of range ("26.18.1986"): a date with an OCR slip.
struct DateMention {
  int token = 0;  ///< index of the token where it starts
  int day = 0, month = 0;
  int year = 0;  ///< four digits, or two when written so ("81")
  bool two_digit_year = false;
};

/// The words and dates of an envelope.
struct EnvelopeText {
  std::vector<Token> tokens;
  std::vector<int> line_sizes;  ///< tokens per line
  std::vector<DateMention> dates;
};

/// Splits the pages' text into tokens and finds the dates. Words are split at anything that is not
/// a letter or digit, so "Schmidt-Weber" gives two tokens and "Hauptstr.5" gives "hauptstr", "5".
[[nodiscard]] EnvelopeText ReadEnvelopeText(const std::vector<const PageReading*>& pages);

/// The comparable form of a street name: folded, words joined, "strasse"/"str" -> "str".
[[nodiscard]] std::string StreetKey(std::string_view folded_joined);

/// A registered street split into its StreetKey and house number ("Hauptstraße 12 a" ->
/// "hauptstr", "12a"); house number empty when none is written.
struct StreetParts {
  std::string key;
  std::string house;
};
[[nodiscard]] StreetParts SplitStreet(std::string_view street);

/// The folded words of a name, without particles ("von", "de") and one-letter words.
[[nodiscard]] std::vector<std::string> NameWords(std::string_view name);

/// The index parts of a surname: its folded words without particles ("von", "de"), and for a
/// double name also the whole name joined ("schmidtweber"), all as NameKey.
[[nodiscard]] std::vector<std::string> SurnameKeys(std::string_view surname);

/// A house number with the words before it on its line, as street keys ("Am Ring 2": "ring", "amring").
struct StreetMention {
  int token = 0;      ///< the house number
  std::string house;  ///< "12", "12a"
  std::vector<std::string> keys;
  bool labeled = false;  ///< "Anschrift:", "wohnhaft" before it: counts anywhere in the envelope
};

/// A postcode followed by a city.
struct PlaceMention {
  int token = 0;
  std::string postcode;
  std::string city_key;  ///< NameKey of the city's first word
};

/// The address parts and labelled birth dates of an envelope: found once, compared per person.
struct Mentions {
  std::vector<StreetMention> streets;
  std::vector<PlaceMention> places;
  std::vector<bool> date_labeled;  ///< per EnvelopeText::dates: "geb.", "Geburtsdatum" just before
};
[[nodiscard]] Mentions FindMentions(const EnvelopeText& text);

/// A word that may be a surname, judged by its neighbours.
struct Occurrence {
  int token = 0;
  bool name_position = false;  ///< short line (sender block, signature) or "Herr", "Frau", "Name:" before it
};
/// The words that may be surnames: words of two letters or more, not a label or function word,
/// not next to another person's role ("Sachbearbeiterin", "Vermieter", "GmbH", "Dr.").
[[nodiscard]] std::vector<Occurrence> FindOccurrences(const EnvelopeText& text);

/// Name key -> persons, with a deletion index for one-edit lookups (symmetric delete: a key and
/// all its one-letter deletions are hashed, so a query needs only its own deletions).
class NameIndex {
 public:
  enum class Field { kSurname, kGivenName };
  /// Indexes SurnameKeys of the surnames, or the NameKeys of the given names' words.
  NameIndex(const std::vector<const Person*>& persons, Field field);

  /// How a text token hit a surname key.
  struct Hit {
    std::uint32_t key = 0;
    double quality = 1;  ///< 1.0 same key, 0.90 one edit away
  };
  /// Keys the token's key matches: exactly, or within one edit (token of 5+ letters, key of 6+).
  /// Appends to `out`.
  void Lookup(std::string_view token_key, std::vector<Hit>& out) const;
  /// Indexes into the persons vector given to the constructor.
  [[nodiscard]] const std::uint32_t* PersonsBegin(std::uint32_t key) const { return &postings_[offsets_[key]]; }
  [[nodiscard]] const std::uint32_t* PersonsEnd(std::uint32_t key) const { return &postings_[offsets_[key + 1]]; }
  [[nodiscard]] const std::string& Key(std::uint32_t key) const { return keys_[key]; }

 private:
  std::unordered_map<std::string, std::uint32_t> ids_;
  std::vector<std::string> keys_;
  std::vector<std::uint32_t> offsets_, postings_;  // persons of key k: postings_[offsets_[k], offsets_[k+1])
  std::vector<std::pair<std::uint64_t, std::uint32_t>> deletions_;  // sorted (hash, key)
};

}  // namespace sender

/// Finds the registered persons an envelope's text names. Builds its indexes once; immutable
/// afterwards, so Match may be called from many threads. The registry must outlive it.
class SenderMatcher {
 public:
  explicit SenderMatcher(const Registry& registry, SenderMatchOptions options = {});

  /// Candidate cases named in the pages' text, best first (ties by BG number); only candidates at
  /// or above kMinSenderScore, at most options.max_candidates. Empty when nobody is named.
  [[nodiscard]] std::vector<SenderCandidate> Match(const std::vector<const PageReading*>& pages) const;

 private:
  std::vector<const Person*> persons_;
  sender::NameIndex surnames_;
  sender::NameIndex given_names_;  // only asked whether a word may be a given name at all
  // Hashes of (surname key, birth date) and (surname key, street key, house number) of every
  // person: a surname in running text is looked at only if one of these pairs stands near it.
  std::unordered_set<std::size_t> surname_dates_, surname_streets_;
  SenderMatchOptions options_;
};

}  // namespace mailroom::classifier
