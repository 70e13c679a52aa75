// DetectDocType: keyword scoring over the folded envelope text. Title words ("Kontoauszug",
// "Widerspruch") weigh 5 or 6, supporting words ("Saldo", "Antrag") 1 or 2, so a title outweighs
// the weak words that appear in almost every letter. The first page counts three times: it
// carries the title, later pages are often enclosures.
#include <string>
#include <string_view>
#include <vector>

#include "mailroom/classifier/classifier.h"
#include "text_fold.h"

namespace mailroom::classifier {
namespace {

struct Keyword {
  std::string_view text;  // written as printed; folded before matching
  int weight;
};

struct TypeKeywords {
  std::string_view doc_type;
  std::vector<Keyword> keywords;
};

constexpr int kFirstPageWeight = 3;
constexpr int kOtherPageWeight = 1;
// A keyword counts at most this often per page, so a long statement full of "Saldo" does not
// drown the title of another type.
constexpr int kMaxHitsPerPage = 2;
// Below this score the envelope is a plain letter: one weak word on the first page is not enough.
constexpr int kMinScore = 4;

// In tie order: on equal scores the earlier type wins (deadline documents first).
const std::vector<TypeKeywords>& Vocabulary() {
  static const std::vector<TypeKeywords> kVocabulary = {
      // "Widerspruch" outweighs the other titles: an objection quotes the Bescheid and the Antrag it
      // is about ("Widerspruch gegen den Bescheid zu meinem Weiterbewilligungsantrag").
      {"objection", {{"Widerspruch", 6}, {"Widerspruch ein", 3}, {"Widerspruch gegen", 2}}},
      {"sick_note",
       {{"Arbeitsunfähigkeitsbescheinigung", 5},
        {"AU-Bescheinigung", 5},
        {"arbeitsunfähig", 3},
        {"Erstbescheinigung", 1},
        {"Folgebescheinigung", 1}}},
      {"change_notice", {{"Änderungsmitteilung", 5}, {"Änderung der Verhältnisse", 5}, {"Änderung", 1}}},
      {"application",
       {{"Weiterbewilligungsantrag", 5},
        {"Hauptantrag", 5},
        {"Antrag auf Leistungen", 3},
        {"Antrag auf", 1},
        {"Antrag", 1}}},
      {"payslip",
       {{"Lohnabrechnung", 5},
        {"Gehaltsabrechnung", 5},
        {"Verdienstabrechnung", 5},
        {"Entgeltabrechnung", 5},
        {"Brutto", 2},
        {"Netto", 2},
        {"Auszahlungsbetrag", 2},
        {"Lohnsteuer", 1}}},
      {"bank_statement",
       {{"Kontoauszug", 5}, {"Kontostand", 2}, {"Saldo", 2}, {"Buchungstag", 2}, {"Wertstellung", 1}}},
      {"rent",
       {{"Mietbescheinigung", 5},
        {"Vermieter", 2},
        {"Kaltmiete", 2},
        {"Nebenkosten", 2},
        {"Mietvertrag", 2},
        {"Heizkosten", 1}}},
      {"job_search", {{"Eigenbemühungen", 5}, {"Bewerbung", 2}, {"Stellenangebot", 1}, {"Vorstellungsgespräch", 1}}},
  };
  return kVocabulary;
}

// Weight-1 keywords support a type but never decide it: "Antrag" or "Änderung" alone is a letter.
constexpr int kMaxSupportingWeight = 1;

struct PageScore {
  int total = 0;
  bool decisive = false;  // a keyword heavier than a supporting word was found
};

PageScore ScorePage(const std::string& folded_page, const TypeKeywords& type) {
  PageScore score;
  for (const auto& keyword : type.keywords) {
    const int hits = CountOccurrences(folded_page, Fold(keyword.text), kMaxHitsPerPage);
    score.total += keyword.weight * hits;
    score.decisive = score.decisive || (hits > 0 && keyword.weight > kMaxSupportingWeight);
  }
  return score;
}

int ScoreEnvelope(const std::vector<std::string>& folded_pages, const TypeKeywords& type) {
  int total = 0;
  bool decisive = false;
  for (std::size_t i = 0; i < folded_pages.size(); ++i) {
    const PageScore page = ScorePage(folded_pages[i], type);
    total += page.total * (i == 0 ? kFirstPageWeight : kOtherPageWeight);
    decisive = decisive || page.decisive;
  }
  return decisive ? total : 0;
}

}  // namespace

std::string DetectDocType(const Envelope& envelope) {
  std::vector<std::string> pages;
  for (const PageReading* page : envelope.pages) pages.push_back(Fold(page->text));

  std::string_view best = "letter";
  int best_score = kMinScore - 1;
  for (const auto& type : Vocabulary()) {
    const int score = ScoreEnvelope(pages, type);
    if (score > best_score) {
      best = type.doc_type;
      best_score = score;
    }
  }
  return std::string(best);
}

std::string DefaultTeam(const std::string& doc_type) {
  if (doc_type == "objection") return "widerspruch";
  if (doc_type == "sick_note" || doc_type == "job_search") return "integration";
  return "leistung";
}

}  // namespace mailroom::classifier
