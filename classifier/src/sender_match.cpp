// SenderMatcher::Match: every word of the envelope that reads as a registered surname is an
// occurrence; each occurrence is judged once (another person's role? a name position?) and then
// each person of that surname is scored by what else the text says about them near it. The scoring
// table is at the top of sender_match.h.
#include <algorithm>
#include <cstdlib>
#include <optional>
#include <unordered_map>

#include "sender_match.h"
#include "text_fold.h"

namespace mailroom::classifier {
namespace {

using sender::EnvelopeText;
using sender::NameIndex;
using sender::StreetParts;
using sender::Token;

constexpr int kGivenNameWindow = 4;  // "Müller, Anna", "Familienname: Müller Vorname: Anna"
constexpr int kBirthDateWindow = 10;
constexpr int kStreetWindow = 15;
constexpr int kPlaceWindow = 20;

constexpr double kSurnameOnly = 0.30;
constexpr double kPlaceBonusWeak = 0.10;
constexpr double kPlaceBonusStrong = 0.02;
constexpr double kGivenNameBase = 0.80;
constexpr double kStreetBase = 0.80;
constexpr double kBirthDateBase = 0.85;
constexpr double kTwoFieldsBase = 0.93;
constexpr double kThreeFieldsBase = 0.98;
constexpr double kLookAlikeQuality = 0.98;
constexpr double kOneEditQuality = 0.90;
constexpr double kInitialQuality = 0.85;
constexpr double kStreetOneEditQuality = 0.95;
constexpr double kDoubleNamePartFactor = 0.97;
constexpr double kMaxScore = 0.99;  // nothing read from paper is certain
constexpr std::size_t kFuzzyMinLength = 6;
// A birth date or a street read with OCR slips counts as half a field, beside a field read right.
constexpr double kSlippedFieldWeight = 0.5;
constexpr int kMaxBirthDateSlips = 2;  // digits of DDMMYYYY

// A registered person in the forms the text is compared with; built once per Match for each
// person some occurrence hits.
// The street and city are folded only when the text has a house number or postcode that could be
// theirs: a common surname in running text hits thousands of persons.
struct PersonView {
  const Person* person = nullptr;
  std::vector<std::string> surname_folds, surname_keys;  // words without particles
  std::string joined_key;                                // whole double name, "" for a single name
  std::vector<std::string> given_folds, given_keys;
  int birth_year = 0, birth_month = 0, birth_day = 0;

  const sender::StreetParts& Street() const {
    if (!street_) street_ = sender::SplitStreet(person->street);
    return *street_;
  }
  const std::string& CityKey() const {
    if (!city_key_) {
      const auto city = sender::NameWords(person->city);
      city_key_ = city.empty() ? std::string() : NameKey(city.front());
    }
    return *city_key_;
  }

 private:
  mutable std::optional<sender::StreetParts> street_;  // PersonViews live in one Match call
  mutable std::optional<std::string> city_key_;
};

PersonView ViewOf(const Person& p) {
  PersonView v;
  v.person = &p;
  for (std::string& word : sender::NameWords(p.surname)) {
    v.surname_keys.push_back(NameKey(word));
    v.surname_folds.push_back(std::move(word));
  }
  if (v.surname_keys.size() > 1) {
    for (const auto& key : v.surname_keys) v.joined_key += key;
  }
  for (std::string& word : sender::NameWords(p.given_name)) {
    v.given_keys.push_back(NameKey(word));
    v.given_folds.push_back(std::move(word));
  }
  if (p.birth_date.size() == 10) {  // YYYY-MM-DD, checked by LoadRegistry
    v.birth_year = std::atoi(p.birth_date.substr(0, 4).c_str());
    v.birth_month = std::atoi(p.birth_date.substr(5, 2).c_str());
    v.birth_day = std::atoi(p.birth_date.substr(8, 2).c_str());
  }
  return v;
}

// How well a text token reads as a registered name word: 1 same, 0.98 look-alike, 0.90 one edit
// (also an m read as "in"), 0 no.
double NameQuality(const Token& token, const std::string& fold, const std::string& key) {
  if (token.key == key) return token.fold == fold ? 1.0 : kLookAlikeQuality;
  if (token.key.size() >= kFuzzyMinLength && key.size() >= kFuzzyMinLength && WithinOneEdit(token.key, key)) {
    return kOneEditQuality;
  }
  if (key.size() + 1 >= kFuzzyMinLength && MReadAsTwoLetters(token.key, key)) return kOneEditQuality;
  return 0;
}

bool Near(int a, int b, int window) {
  return std::abs(a - b) <= window;
}

// What the text says about one person around one occurrence of their surname.
struct Finding {
  double score = 0;
  bool given = false, birth = false, street = false, place = false;
  bool birth_one_digit_off = false;  // not read right, but one digit off
};

// The base score of what matched beside the surname: `fields` read right (`single` is the base of
// the one field when there is one), `slipped` read with slips. A slipped field lifts the base a
// part of the way to the next row of the table; alone it gives nothing.
double BaseOf(int fields, double single, int slipped) {
  const double rows[] = {0, single, kTwoFieldsBase, kThreeFieldsBase};
  if (fields == 0) return 0;
  const double equivalent = std::min(3.0, fields + kSlippedFieldWeight * slipped);
  const int row = static_cast<int>(equivalent);
  if (row >= 3) return kThreeFieldsBase;
  return rows[row] + (equivalent - row) * (rows[row + 1] - rows[row]);
}

// How many digits differ between two numbers written with `width` digits.
int DigitSlips(int a, int b, int width) {
  int slips = 0;
  for (int i = 0; i < width; ++i, a /= 10, b /= 10) slips += a % 10 != b % 10;
  return slips;
}

class PersonScorer {
 public:
  PersonScorer(const EnvelopeText& text, const sender::Mentions& mentions) : text_(text), m_(mentions) {}

  [[nodiscard]] const std::vector<const sender::DateMention*>& NearDates() const { return near_dates_; }
  [[nodiscard]] const std::vector<const sender::StreetMention*>& NearStreets() const { return near_streets_; }

  // Collects the dates, streets and places that count for an occurrence at `at`; Score uses them.
  void Prepare(int at) {
    near_dates_.clear();
    near_streets_.clear();
    near_places_.clear();
    for (std::size_t i = 0; i < text_.dates.size(); ++i) {
      if (m_.date_labeled[i] || Near(text_.dates[i].token, at, kBirthDateWindow))
        near_dates_.push_back(&text_.dates[i]);
    }
    for (const auto& s : m_.streets) {
      if (s.labeled || Near(s.token, at, kStreetWindow)) near_streets_.push_back(&s);
    }
    for (const auto& p : m_.places) {
      if (Near(p.token, at, kPlaceWindow)) near_places_.push_back(&p);
    }
  }

  Finding Score(const PersonView& v, const sender::Occurrence& occ, const NameIndex::Hit& hit,
                const std::string& hit_key) const {
    const Token& token = text_.tokens[occ.token];
    int first = occ.token, last = occ.token;  // the tokens that make up the surname
    double surname_q = hit.quality;
    if (hit.quality >= 1.0) {
      const bool same = std::find(v.surname_folds.begin(), v.surname_folds.end(), token.fold) != v.surname_folds.end();
      surname_q = same ? 1.0 : kLookAlikeQuality;
    }
    if (v.surname_keys.size() > 1 && hit_key != v.joined_key) {
      if (!OtherPartNext(v, hit_key, occ.token, first, last)) surname_q *= kDoubleNamePartFactor;
    }
    Finding f;
    const double given_q = GivenName(v, first, last);
    f.given = given_q > 0;
    f.birth = BirthDate(v);
    const double street_q = Street(v);
    f.street = street_q > 0;
    f.place = Place(v);
    const int fields = int{f.given} + int{f.birth} + int{f.street};
    if (fields == 0) {
      // A bare surname is only worth reporting where a name stands and as written.
      if (!occ.name_position || hit.quality < 1.0) return {};
      f.score = (kSurnameOnly + (f.place ? kPlaceBonusWeak : 0)) * surname_q;
      return f;
    }
    // Not read right but close: a birth date a digit or two off ("26.18.1986" for 26.10.1966), the
    // street with its house number one character off ("Hatenstrasse 7A" for Hafenstraße 70).
    const int birth_slips = f.birth ? 0 : BirthDateSlips(v);
    f.birth_one_digit_off = birth_slips == 1;
    const int slipped = int{birth_slips <= kMaxBirthDateSlips && !f.birth} + int{!f.street && Street(v, true) > 0};
    const double single = f.birth ? kBirthDateBase : f.given ? kGivenNameBase : kStreetBase;
    double base = BaseOf(fields, single, slipped);
    if (f.place) base += kPlaceBonusStrong;
    f.score = std::min(kMaxScore, base) * surname_q * (f.given ? given_q : 1.0) * (f.street ? street_q : 1.0);
    return f;
  }

 private:
  // "Schmidt-Weber" written in full: the other part right beside the hit part.
  bool OtherPartNext(const PersonView& v, const std::string& hit_key, int at, int& first, int& last) const {
    for (const int next : {at - 1, at + 1}) {
      if (next < 0 || next >= static_cast<int>(text_.tokens.size())) continue;
      const Token& t = text_.tokens[next];
      if (t.number || t.line != text_.tokens[at].line) continue;
      for (std::size_t i = 0; i < v.surname_keys.size(); ++i) {
        if (v.surname_keys[i] == hit_key || NameQuality(t, v.surname_folds[i], v.surname_keys[i]) == 0) continue;
        first = std::min(first, next);
        last = std::max(last, next);
        return true;
      }
    }
    return false;
  }

  double GivenName(const PersonView& v, int first, int last) const {
    double best = 0;
    const int end = std::min(static_cast<int>(text_.tokens.size()) - 1, last + kGivenNameWindow);
    for (int j = std::max(0, first - kGivenNameWindow); j <= end; ++j) {
      if ((j >= first && j <= last) || text_.tokens[j].number) continue;
      const Token& token = text_.tokens[j];
      for (std::size_t g = 0; g < v.given_keys.size(); ++g) {
        if (token.initial) {
          if (v.given_folds[g].starts_with(token.fold)) best = std::max(best, kInitialQuality);
          continue;
        }
        best = std::max(best, NameQuality(token, v.given_folds[g], v.given_keys[g]));
      }
    }
    return best;
  }

  bool BirthDate(const PersonView& v) const {
    for (const auto* d : near_dates_) {
      const int year = d->two_digit_year ? v.birth_year % 100 : v.birth_year;
      if (d->day == v.birth_day && d->month == v.birth_month && d->year == year) return true;
    }
    return false;
  }

  // The fewest digits by which a date near the occurrence misses the person's birth date; more
  // than any date has digits when there is none.
  int BirthDateSlips(const PersonView& v) const {
    constexpr int kNone = 9;
    if (v.birth_year == 0) return kNone;
    int fewest = kNone;
    for (const auto* d : near_dates_) {
      const int year = d->two_digit_year ? v.birth_year % 100 : v.birth_year;
      fewest = std::min(fewest, DigitSlips(d->day, v.birth_day, 2) + DigitSlips(d->month, v.birth_month, 2) +
                                    DigitSlips(d->year, year, d->two_digit_year ? 2 : 4));
    }
    return fewest;
  }

  // How well a street mention reads as the person's street: 1 same, 0.95 its name one edit away,
  // 0 no. `slipped_house` asks for the house number one character off ("7A" for "70") instead.
  static double StreetQuality(const sender::StreetMention& s, const sender::StreetParts& street, bool slipped_house) {
    if (slipped_house) {
      if (s.house.size() != street.house.size()) return 0;
      int differ = 0;
      for (std::size_t i = 0; i < street.house.size(); ++i) differ += s.house[i] != street.house[i];
      if (differ != 1) return 0;
    } else if (s.house != street.house) {
      return 0;
    }
    double best = 0;
    for (const auto& key : s.keys) {
      if (key == street.key) return 1.0;
      if (key.size() >= kFuzzyMinLength && street.key.size() >= kFuzzyMinLength && WithinOneEdit(key, street.key))
        best = kStreetOneEditQuality;
    }
    return best;
  }

  double Street(const PersonView& v, bool slipped_house = false) const {
    if (near_streets_.empty()) return 0;
    const sender::StreetParts& street = v.Street();
    if (street.house.empty() || street.key.empty()) return 0;
    double best = 0;
    for (const auto* s : near_streets_) best = std::max(best, StreetQuality(*s, street, slipped_house));
    return best;
  }

  bool Place(const PersonView& v) const {
    for (const auto* p : near_places_) {
      if (p->postcode != v.person->postcode) continue;
      const std::string& city_key = v.CityKey();
      if (p->city_key == city_key) return true;
      if (p->city_key.size() >= kFuzzyMinLength && WithinOneEdit(p->city_key, city_key)) return true;
    }
    return false;
  }

  const EnvelopeText& text_;
  const sender::Mentions& m_;
  // What stands near the current occurrence (or carries a label): a few items, checked per person.
  std::vector<const sender::DateMention*> near_dates_;
  std::vector<const sender::StreetMention*> near_streets_;
  std::vector<const sender::PlaceMention*> near_places_;
};

std::size_t DateHash(const std::string& surname_key, int year, int month, int day) {
  return std::hash<std::string>{}(surname_key + '|' + std::to_string(year * 10000 + month * 100 + day));
}

std::size_t StreetHash(const std::string& surname_key, const std::string& street_key, const std::string& house) {
  return std::hash<std::string>{}(surname_key + '|' + street_key + '|' + house);
}

// True if a word within the given-name window of `at` is some registered person's given name.
bool GivenNameNear(const EnvelopeText& text, int at, const NameIndex& given_names) {
  std::vector<NameIndex::Hit> hits;
  const int end = std::min(static_cast<int>(text.tokens.size()) - 1, at + kGivenNameWindow + 1);
  for (int j = std::max(0, at - kGivenNameWindow - 1); j <= end; ++j) {
    if (j == at || text.tokens[j].number) continue;
    given_names.Lookup(text.tokens[j].key, hits);
    if (!hits.empty()) return true;
  }
  return false;
}

// True if a birth date or an address near the occurrence belongs to a person of one of the hit surnames.
bool PairNear(const PersonScorer& scorer, const std::vector<NameIndex::Hit>& hits, const NameIndex& surnames,
              const std::unordered_set<std::size_t>& surname_dates,
              const std::unordered_set<std::size_t>& surname_streets) {
  for (const auto& hit : hits) {
    const std::string& key = surnames.Key(hit.key);
    for (const auto* d : scorer.NearDates()) {
      for (int century = 1900; century <= 2000; century += 100) {
        const int year = d->two_digit_year ? century + d->year : d->year;
        if (surname_dates.contains(DateHash(key, year, d->month, d->day))) return true;
        if (!d->two_digit_year) break;
      }
    }
    for (const auto* s : scorer.NearStreets()) {
      for (const auto& street_key : s->keys) {
        if (surname_streets.contains(StreetHash(key, street_key, s->house))) return true;
      }
    }
  }
  return false;
}

std::vector<std::string> MatchedFields(const Finding& f) {
  std::vector<std::string> matched{"surname"};
  if (f.given) matched.emplace_back("given_name");
  if (f.birth) matched.emplace_back("birth_date");
  if (f.street) matched.emplace_back("street");
  if (f.place) matched.emplace_back("postcode_city");
  return matched;
}

std::vector<const Person*> Flatten(const Registry& registry) {
  std::vector<const Person*> persons;
  for (const auto& [bg, members] : registry.cases) {
    for (const Person& p : members) persons.push_back(&p);
  }
  return persons;
}

}  // namespace

SenderMatcher::SenderMatcher(const Registry& registry, SenderMatchOptions options)
    : persons_(Flatten(registry)),
      surnames_(persons_, NameIndex::Field::kSurname),
      given_names_(persons_, NameIndex::Field::kGivenName),
      options_(options) {
  for (const Person* p : persons_) {
    const StreetParts street = sender::SplitStreet(p->street);
    for (const std::string& key : sender::SurnameKeys(p->surname)) {
      if (p->birth_date.size() == 10) {
        const char* d = p->birth_date.c_str();  // YYYY-MM-DD: atoi stops at each '-'
        surname_dates_.insert(DateHash(key, std::atoi(d), std::atoi(d + 5), std::atoi(d + 8)));
      }
      if (!street.house.empty()) surname_streets_.insert(StreetHash(key, street.key, street.house));
    }
  }
}

std::vector<SenderCandidate> SenderMatcher::Match(const std::vector<const PageReading*>& pages) const {
  const EnvelopeText text = sender::ReadEnvelopeText(pages);
  const sender::Mentions mentions = sender::FindMentions(text);
  PersonScorer scorer(text, mentions);
  std::unordered_map<std::uint32_t, PersonView> views;
  std::unordered_map<std::uint32_t, Finding> best;      // person -> best finding
  std::unordered_map<std::uint32_t, Finding> anywhere;  // person -> what any finding matched
  std::vector<NameIndex::Hit> hits;
  for (const sender::Occurrence& occ : sender::FindOccurrences(text)) {
    hits.clear();
    surnames_.Lookup(text.tokens[occ.token].key, hits);
    if (hits.empty()) continue;
    scorer.Prepare(occ.token);
    // In running text a common-word surname ("Koch") hits thousands of persons: skip them all at
    // once when nothing around it could be a given name, a birth date or an address.
    if (!occ.name_position && !GivenNameNear(text, occ.token, given_names_) &&
        !PairNear(scorer, hits, surnames_, surname_dates_, surname_streets_))
      continue;
    for (const auto& hit : hits) {
      for (auto p = surnames_.PersonsBegin(hit.key); p != surnames_.PersonsEnd(hit.key); ++p) {
        auto view = views.find(*p);
        if (view == views.end()) view = views.emplace(*p, ViewOf(*persons_[*p])).first;
        const Finding f = scorer.Score(view->second, occ, hit, surnames_.Key(hit.key));
        if (f.score < kMinSenderScore) continue;
        if (auto& b = best[*p]; f.score > b.score) b = f;
        Finding& all = anywhere[*p];
        all.given |= f.given;
        all.birth |= f.birth;
        all.street |= f.street;
        all.place |= f.place;
      }
    }
  }
  std::unordered_map<std::string_view, SenderCandidate> by_case;
  for (const auto& [p, f] : best) {
    const Person& person = *persons_[p];
    SenderCandidate& c = by_case[person.bg_number];
    // Equal scores: the lower customer number, so the result does not depend on hash order.
    if (f.score > c.score || (f.score == c.score && person.customer_number < c.customer_number)) {
      c = SenderCandidate{person.bg_number, person.customer_number, f.score,
                          MatchedFields(f), f.birth_one_digit_off,  MatchedFields(anywhere[p])};
    }
  }
  std::vector<SenderCandidate> out;
  out.reserve(by_case.size());
  for (auto& [bg, c] : by_case) out.push_back(std::move(c));
  std::sort(out.begin(), out.end(), [](const SenderCandidate& a, const SenderCandidate& b) {
    return a.score != b.score ? a.score > b.score : a.bg_number < b.bg_number;
  });
  if (out.size() > options_.max_candidates) out.resize(options_.max_candidates);
  return out;
}

}  // namespace mailroom::classifier
