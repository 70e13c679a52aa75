// Classifier::Classify: an envelope becomes one or more documents that share its case and differ
// in type, team, priority and the contested decision's date.
#include <catch2/catch.hpp>

#include "test_pages.h"

using namespace mailroom;
using namespace mailroom::classifier;
using namespace mailroom::classifier::test;

namespace {

using Strings = std::vector<std::string>;

const std::string kCoverLetter =
    "Erika Mustermann\nHauptstr. 1\n01067 Dresden\n\nJobcenter Dresden\n\nDresden, 02.04.2025\n"
    "BG-Nummer: 35301BG0012345\nBetreff: Nachreichung von Unterlagen\n\nSehr geehrte Damen und Herren,\n"
    "anbei übersende ich Ihnen die angeforderten Unterlagen.\n\nMit freundlichen Grüßen\nErika Mustermann";
const std::string kStatement =
    "Sparkasse Dresden\nKontoauszug Nr. 3/2025\nSeite 1 von 1\nKontoinhaber: Erika Mustermann\n"
    "Alter Kontostand 452,59 EUR\n01.03.2025 Gutschrift Jobcenter Dresden Leistungen +1.250,15 EUR\n"
    "04.03.2025 Dauerauftrag Miete -421,00 EUR\nNeuer Kontostand 1.281,74 EUR";
const std::string kPayslip =
    "Verdienstabrechnung März 2025\nFirma Muster GmbH\nPersonal-Nr. 0417\nGrundlohn 1.161,00\n"
    "Gesamtbrutto 1.201,56\nLohnsteuer 0,00\nNetto-Verdienst 962,12\nAuszahlungsbetrag 962,12";
const std::string kObjection =
    "Erika Mustermann\nHauptstr. 1\n01067 Dresden\nBG-Nummer: 35301BG0012345\n\nDresden, 02.04.2025\n"
    "Betreff: Widerspruch gegen den Bescheid vom 14.03.2025\n\nSehr geehrte Damen und Herren,\n"
    "hiermit lege ich gegen Ihren Bescheid vom 14.03.2025 fristgerecht Widerspruch ein.\n"
    "Begründung: Die Kosten der Unterkunft wurden nicht in tatsächlicher Höhe berücksichtigt.";

std::vector<PageReading> Pages(const Strings& texts) {
  std::vector<PageReading> pages;
  for (std::size_t i = 0; i < texts.size(); ++i)
    pages.push_back(TextPage("000" + std::to_string(i + 1) + ".tif", texts[i]));
  return pages;
}

std::vector<ClassifiedDocument> Classify(const std::vector<PageReading>& pages, const ClassifierOptions& options = {}) {
  static const Registry registry = SmallRegistry();
  return Classifier(registry, options).Classify(EnvelopeOf(pages));
}

Strings NamesOf(const ClassifiedDocument& document) {
  Strings names;
  for (const PageReading* page : document.pages) names.push_back(page->name);
  return names;
}

}  // namespace

TEST_CASE("an envelope with a cover letter and enclosures gives one document each, all in one case",
          "[classifier][documents]") {
  const auto pages = Pages({kCoverLetter, kStatement, kPayslip});
  const auto documents = Classify(pages);
  REQUIRE(documents.size() == 3);
  CHECK(NamesOf(documents[0]) == Strings{"0001.tif"});
  CHECK(NamesOf(documents[1]) == Strings{"0002.tif"});
  CHECK(NamesOf(documents[2]) == Strings{"0003.tif"});
  CHECK(documents[0].classification.doc_type == "letter");
  CHECK(documents[1].classification.doc_type == "bank_statement");
  CHECK(documents[2].classification.doc_type == "payslip");
  for (const auto& document : documents) {
    // The enclosures carry no number of their own: they inherit the envelope's case.
    CHECK(document.classification.routed);
    CHECK(document.classification.bg_number == "35301BG0012345");
    CHECK(document.classification.jobcenter_id == "jc-dresden");
    CHECK(document.classification.team == "leistung");
  }
}

TEST_CASE("an objection carries the date of the contested decision and priority", "[classifier][documents]") {
  const auto pages = Pages({kObjection});
  const auto documents = Classify(pages);
  REQUIRE(documents.size() == 1);
  const auto& c = documents[0].classification;
  CHECK(c.doc_type == "objection");
  CHECK(c.team == "widerspruch");
  CHECK(c.priority);
  CHECK(c.contested_decision_date == "2025-03-14");
  SECTION("other documents have none") {
    const auto statement = Pages({kCoverLetter});
    CHECK_FALSE(Classify(statement)[0].classification.contested_decision_date.has_value());
  }
}

TEST_CASE("the team per document type is a setting", "[classifier][documents]") {
  ClassifierOptions options;
  options.teams = {{"payslip", "einkommen"}, {"objection", "rechtsbehelfe"}};
  const auto pages = Pages({kCoverLetter, kPayslip});
  const auto documents = Classify(pages, options);
  REQUIRE(documents.size() == 2);
  CHECK(documents[0].classification.team == "leistung");
  CHECK(documents[1].classification.team == "einkommen");
  CHECK(TeamFor("objection", options) == "rechtsbehelfe");
  CHECK(TeamFor("sick_note", options) == "integration");
}

TEST_CASE("an envelope that goes to review goes there with all its documents", "[classifier][documents]") {
  const auto pages = Pages({"Sehr geehrte Damen und Herren, anbei meine Unterlagen.", kPayslip});
  for (const auto& document : Classify(pages)) {
    CHECK_FALSE(document.classification.routed);
    CHECK(document.classification.reason == "no case number found");
  }
}

TEST_CASE("an envelope with an unreadable page stays one document", "[classifier][documents]") {
  std::vector<PageReading> pages = Pages({kCoverLetter});
  pages.push_back(KindPage("0002.tif", PageKind::kUnreadable));
  const auto documents = Classify(pages);
  REQUIRE(documents.size() == 1);
  CHECK(documents[0].pages.size() == 2);
  CHECK(documents[0].classification.reason == "0002.tif: truncated TIFF strip");
}
