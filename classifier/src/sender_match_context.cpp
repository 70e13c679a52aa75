// Reading a name's surroundings: where a letter names its sender, where it names somebody else
// (the clerk, the landlord, the employer, the doctor), and which house numbers, postcodes and birth
// dates stand in it. The word lists are German letter conventions, folded like the text.
#include <algorithm>
#include <initializer_list>
#include <optional>
#include <string_view>
#include <unordered_set>

#include "sender_match.h"
#include "text_fold.h"

namespace mailroom::classifier::sender {
namespace {

// A line this short is an address block, a signature or a form field: where names stand.
constexpr int kShortLine = 5;
constexpr int kRoleWindowBefore = 3;
constexpr int kRoleWindowAfter = 2;
constexpr int kAddressLabelWindow = 8;
constexpr int kBirthLabelWindow = 3;
constexpr int kMaxStreetWords = 4;

using WordSet = std::unordered_set<std::string>;

WordSet Folded(std::initializer_list<std::string_view> words) {
  WordSet set;
  for (const auto word : words) set.insert(Fold(word));
  return set;
}

std::vector<std::string> FoldedList(std::initializer_list<std::string_view> words) {
  std::vector<std::string> list;
  for (const auto word : words) list.push_back(Fold(word));
  return list;
}

// Words before a name that say the name is the customer's (or the person the letter is about).
const WordSet& Salutations() {
  static const WordSet set =
      Folded({"herr",          "herrn",           "frau",         "familie",        "fam",    "name",
              "nachname",      "familienname",    "absender",     "eheleute",       "kunde",  "kundin",
              "antragsteller", "antragstellerin", "kontoinhaber", "kontoinhaberin", "mieter", "mieterin",
              "arbeitnehmer",  "arbeitnehmerin",  "versicherte",  "versicherter",   "hr",     "fr"});
  return set;
}

// Starts of words that make the name next to them somebody else's.
const std::vector<std::string>& RoleStems() {
  static const std::vector<std::string> list =
      FoldedList({"sachbearbeit",     "ansprechpart", "bearbeiter", "vermiet",         "arbeitgeb",
                  "hausverwalt",      "verwalt",      "fallmanag",  "arbeitsvermittl", "vermittler",
                  "integrationsfach", "berater",      "jobcenter",  "agentur",         "firma",
                  "praxis",           "arzt",         "ärzt",       "zahnarzt",        "rechtsanw",
                  "anwalt",           "kanzlei",      "eigentüm",   "hausmeist",       "geschäftsf",
                  "inhaber",          "vorgesetz",    "teamleit",   "leiter",          "kolleg",
                  "mitarbeiter",      "betreuer",     "vertret",    "notar",           "richter",
                  "gericht",          "auftrag",      "durchwahl",  "zimmer",          "sprechzeit"});
  return list;
}

// Whole words that do the same: titles of doctors, "gez.", company forms.
const WordSet& RoleWords() {
  static const WordSet set = Folded({"dr",
                                     "med",
                                     "prof",
                                     "gez",
                                     "fa",
                                     "team",
                                     "raum",
                                     "gmbh",
                                     "mbh",
                                     "kg",
                                     "ag",
                                     "ohg",
                                     "ug",
                                     "ev",
                                     "co",
                                     "immobilien",
                                     "wohnungsbau",
                                     "wohnbau",
                                     "baugenossenschaft",
                                     "bank",
                                     "sparkasse",
                                     "volksbank"});
  return set;
}

// Labels, function words and letter vocabulary that are never read as a surname.
const WordSet& NotNames() {
  static const WordSet set = Folded(
      {"herr",      "herrn",        "frau",    "name", "vorname", "nachname", "familienname", "geburtsname", "strasse",
       "str",       "datum",        "seite",   "von",  "und",     "oder",     "der",          "die",         "das",
       "den",       "dem",          "des",     "ein",  "eine",    "mit",      "für",          "auf",         "aus",
       "bei",       "nach",         "zum",     "zur",  "im",      "in",       "am",           "an",          "ab",
       "bis",       "sie",          "ich",     "wir",  "ihr",     "ihre",     "ihnen",        "mein",        "meine",
       "geb",       "tel",          "telefon", "fax",  "email",   "mail",     "nr",           "betreff",     "az",
       "anschrift", "kundennummer", "nummer",  "bg",   "sehr",    "geehrte",  "geehrter"});
  return set;
}

const WordSet& AddressLabels() {
  static const WordSet set = Folded({"anschrift", "adresse", "wohnhaft", "wohnort", "wohnanschrift", "meldeanschrift",
                                     "hausnummer", "hausnr", "straße"});
  return set;
}

bool IsRole(const Token& t) {
  if (t.number) return false;
  if (RoleWords().contains(t.fold)) return true;
  return std::any_of(RoleStems().begin(), RoleStems().end(),
                     [&](const std::string& stem) { return t.fold.compare(0, stem.size(), stem) == 0; });
}

bool IsLetter(char c) {
  return (c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80;
}

// A word that may be a name: starts with a letter, at most one digit (an OCR "1" for "l").
bool NameLike(const Token& t) {
  if (t.number || t.fold.size() < 2 || !IsLetter(t.fold.front())) return false;
  return std::count_if(t.fold.begin(), t.fold.end(), [](char c) { return c >= '0' && c <= '9'; }) <= 1;
}

// Another person's role just before the name on its line, or a company form or role just after
// it. Near the start of a line the last word of the line above counts too ("Ihre
// Sachbearbeiterin:\nFrau Schmidt"), but no more of it: "Arbeitgeber: Becker GmbH\nArbeitnehmer:
// Anna Müller" names the customer.
bool OtherPerson(const EnvelopeText& text, int at) {
  const int line = text.tokens[at].line;
  int j = at - 1;
  for (; j >= 0 && j >= at - kRoleWindowBefore && text.tokens[j].line == line; --j) {
    if (IsRole(text.tokens[j])) return true;
  }
  if (j >= 0 && at - j <= 2 && text.tokens[j].line != line && IsRole(text.tokens[j])) return true;
  const int end = std::min(static_cast<int>(text.tokens.size()) - 1, at + kRoleWindowAfter);
  for (int j = at + 1; j <= end && text.tokens[j].line == text.tokens[at].line; ++j) {
    if (IsRole(text.tokens[j])) return true;
  }
  return false;
}

bool NamePosition(const EnvelopeText& text, int at) {
  if (text.line_sizes[text.tokens[at].line] <= kShortLine) return true;
  for (int j = std::max(0, at - 2); j < at; ++j) {
    if (Salutations().contains(text.tokens[j].fold)) return true;
  }
  return false;
}

bool LabelBefore(const EnvelopeText& text, int at, int window, const WordSet& labels) {
  for (int j = std::max(0, at - window); j < at; ++j) {
    if (labels.contains(text.tokens[j].fold)) return true;
  }
  return false;
}

bool BirthLabelBefore(const EnvelopeText& text, int at) {
  for (int j = std::max(0, at - kBirthLabelWindow); j < at; ++j) {
    if (text.tokens[j].fold.compare(0, 3, "geb") == 0) return true;  // geb., geboren, Geburtsdatum
  }
  return false;
}

bool IsDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// A house number at `at`, with the one to four words before it on its line as street keys.
std::optional<StreetMention> StreetAt(const EnvelopeText& text, int at) {
  const Token& t = text.tokens[at];
  if (!t.number || t.fold.size() > 4) return std::nullopt;
  StreetMention s;
  s.token = at;
  s.house = t.fold;
  const bool next_on_line = at + 1 < static_cast<int>(text.tokens.size()) && text.tokens[at + 1].line == t.line;
  if (IsDigits(t.fold) && next_on_line && text.tokens[at + 1].fold.size() == 1 && !text.tokens[at + 1].number) {
    s.house += text.tokens[at + 1].fold;  // "12 a"
  }
  std::string joined;
  for (int j = at - 1; j >= 0 && j >= at - kMaxStreetWords; --j) {
    const Token& w = text.tokens[j];
    if (w.line != t.line || w.number) break;
    joined.insert(0, w.fold);
    s.keys.push_back(StreetKey(joined));
  }
  if (s.keys.empty()) return std::nullopt;
  s.labeled = LabelBefore(text, at, kAddressLabelWindow, AddressLabels());
  return s;
}

}  // namespace

Mentions FindMentions(const EnvelopeText& text) {
  Mentions m;
  const int n = static_cast<int>(text.tokens.size());
  std::vector<bool> date_start(text.tokens.size());
  for (const auto& date : text.dates) date_start[date.token] = true;
  for (int i = 0; i < n; ++i) {
    const Token& t = text.tokens[i];
    if (!t.number) continue;
    if (auto street = date_start[i] ? std::nullopt : StreetAt(text, i)) m.streets.push_back(std::move(*street));
    if (t.fold.size() == 5 && IsDigits(t.fold) && i + 1 < n && text.tokens[i + 1].line == t.line &&
        !text.tokens[i + 1].number) {
      m.places.push_back(PlaceMention{i, t.fold, text.tokens[i + 1].key});
    }
  }
  for (const auto& date : text.dates) m.date_labeled.push_back(BirthLabelBefore(text, date.token));
  return m;
}

std::vector<Occurrence> FindOccurrences(const EnvelopeText& text) {
  std::vector<Occurrence> out;
  for (int i = 0; i < static_cast<int>(text.tokens.size()); ++i) {
    const Token& t = text.tokens[i];
    if (!NameLike(t) || NotNames().contains(t.fold) || OtherPerson(text, i)) continue;
    out.push_back(Occurrence{i, NamePosition(text, i)});
  }
  return out;
}

}  // namespace mailroom::classifier::sender
