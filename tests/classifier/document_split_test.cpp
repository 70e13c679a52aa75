#include <catch2/catch.hpp>

#include "mailroom/classifier/doc_type_model.h"
#include "test_pages.h"

using namespace mailroom;
using namespace mailroom::classifier;
using namespace mailroom::classifier::test;

namespace {

const std::string kCoverLetter =
    "Max Mustermann\nHauptstr. 1\n01067 Dresden\n\nJobcenter Dresden\n\nDresden, 02.04.2025\n"
    "Betreff: Nachreichung von Unterlagen\n\nSehr geehrte Damen und Herren,\n"
    "anbei übersende ich Ihnen die angeforderten Unterlagen.\n\nMit freundlichen Grüßen\nMax Mustermann";
const std::string kStatement1 =
    "Sparkasse Dresden\nKontoauszug Nr. 3/2025\nSeite 1 von 2\nKontoinhaber: Max Mustermann\n"
    "Alter Kontostand 452,59 EUR\n01.03.2025 Gutschrift Jobcenter Dresden Leistungen +1.250,15 EUR\n"
    "04.03.2025 Dauerauftrag Miete -421,00 EUR\n07.03.2025 Lastschrift Versicherung -54,14 EUR";
const std::string kStatement2 =
    "Seite 2 von 2\nAuszug 3/2025 (Fortsetzung)\n10.03.2025 Lastschrift REWE Markt -26,37 EUR\n"
    "13.03.2025 Kartenzahlung Apotheke -12,00 EUR\nNeuer Kontostand 1.188,23 EUR";
const std::string kPayslip =
    "Verdienstabrechnung März 2025\nFirma Muster GmbH\nPersonal-Nr. 0417\nGrundlohn 1.161,00\n"
    "Gesamtbrutto 1.201,56\nLohnsteuer 0,00\nNetto-Verdienst 962,12\nAuszahlungsbetrag 962,12";
const std::string kObjection1 =
    "Erika Mustermann\nHauptstr. 1\n01067 Dresden\n\nDresden, 02.04.2025\n"
    "Betreff: Widerspruch gegen den Bescheid vom 14.03.2025\n\nSehr geehrte Damen und Herren,\n"
    "hiermit lege ich gegen Ihren Bescheid vom 14.03.2025 fristgerecht Widerspruch ein.\n"
    "Begründung: Die Kosten der Unterkunft wurden nicht in tatsächlicher Höhe berücksichtigt.";
// A follow-on page in plain words: on its own it reads like any letter.
const std::string kObjection2 =
    "Seite 2 von 2\nDie Unterlagen zu meinem Einkommen reiche ich nach.\n"
    "Ich bitte um eine schriftliche Bestätigung, dass dieses Schreiben bei Ihnen eingegangen ist.\n"
    "Mit freundlichen Grüßen\nErika Mustermann";

std::vector<DocumentSpan> Split(const std::vector<std::string>& texts) {
  std::vector<PageReading> pages;
  for (const auto& text : texts) pages.push_back(TextPage("p.tif", text));
  return SplitDocuments(EnvelopeOf(pages).pages, DocTypeModel::Embedded());
}

std::vector<std::string> Types(const std::vector<DocumentSpan>& spans) {
  std::vector<std::string> out;
  for (const auto& span : spans)
    out.push_back(span.doc_type + "@" + std::to_string(span.first) + "+" + std::to_string(span.count));
  return out;
}

}  // namespace

TEST_CASE("one document stays one span", "[classifier][split]") {
  CHECK(Types(Split({kStatement1, kStatement2})) == std::vector<std::string>{"bank_statement@0+2"});
  CHECK(Types(Split({kObjection1, kObjection2})) == std::vector<std::string>{"objection@0+2"});
  CHECK(Types(Split({kPayslip})) == std::vector<std::string>{"payslip@0+1"});
}

TEST_CASE("a cover letter, statements and a payslip are split where the document changes", "[classifier][split]") {
  const auto spans = Split({kCoverLetter, kStatement1, kStatement2, kPayslip});
  CHECK(Types(spans) == std::vector<std::string>{"letter@0+1", "bank_statement@1+2", "payslip@3+1"});
  for (const auto& span : spans) {
    CHECK(span.confidence > 0.5);
    CHECK(span.confidence <= 1.0);
  }
}

TEST_CASE("page numbering that starts again starts a new document", "[classifier][split]") {
  // Two statements of the same bank: same type, but "Seite 1" after "Seite 2 von 2".
  CHECK(Types(Split({kStatement1, kStatement2, kStatement1, kStatement2})) ==
        std::vector<std::string>{"bank_statement@0+2", "bank_statement@2+2"});
}

TEST_CASE("a numbered follow-on page never starts a document", "[classifier][split]") {
  // Page 2 of the objection is about payslips, but "Seite 2 von 2" says it continues.
  CHECK(Types(Split({kObjection1, "Seite 2 von 2\n" + kPayslip})) == std::vector<std::string>{"objection@0+2"});
}

TEST_CASE("no pages, no documents; empty pages are letters", "[classifier][split]") {
  CHECK(Split({}).empty());
  CHECK(Types(Split({""})) == std::vector<std::string>{"letter@0+1"});
  // An empty page in the middle of a statement does not split it.
  CHECK(Types(Split({kStatement1, "", kStatement2})) == std::vector<std::string>{"bank_statement@0+3"});
}

TEST_CASE("a page number needs its total: 'Seite 3 des Bescheides' is no page number", "[classifier][split]") {
  const std::string objection_mentioning_a_page =
      "Betreff: Widerspruch\nSehr geehrte Damen und Herren,\nauf Seite 3 des Bescheides vom 14.03.2025 haben Sie "
      "mein Einkommen falsch berechnet. Hiermit lege ich Widerspruch ein.";
  CHECK(Types(Split({kStatement1, kStatement2, objection_mentioning_a_page})) ==
        std::vector<std::string>{"bank_statement@0+2", "objection@2+1"});
}

TEST_CASE("an enclosed copy of the jobcenter's letter stays with the customer's letter", "[classifier][split]") {
  const std::string copy =
      "KOPIE\nJobcenter Dresden\nGeschäftszeichen: 601.11 - II 1\nDatum: 14.03.2025\nÄnderungsbescheid\n"
      "Sehr geehrte Frau Mustermann,\naufgrund der geänderten Verhältnisse werden Ihnen ab 01.03.2025 monatlich "
      "1.498,00 EUR bewilligt.\nMit freundlichen Grüßen\nIm Auftrag\nLorenz";
  CHECK(Types(Split({kObjection1, kObjection2, copy})) == std::vector<std::string>{"objection@0+3"});
}

TEST_CASE("after the last numbered page a real page starts a document, a note does not", "[classifier][split]") {
  // Two statements of the same type: the second has no page number, but "Seite 2 von 2" ended the first.
  const std::string second_statement =
      "Volksbank Dresden\nKontoauszug 4/2025\nKontoinhaber: Max Mustermann\nAlter Kontostand 1.188,23 EUR\n"
      "01.04.2025 Gutschrift Jobcenter Dresden Leistungen +1.250,15 EUR\n04.04.2025 Dauerauftrag Miete -421,00 EUR\n"
      "10.04.2025 Lastschrift REWE Markt -26,37 EUR\nNeuer Kontostand 1.991,01 EUR";
  CHECK(Types(Split({kStatement1, kStatement2, second_statement})) ==
        std::vector<std::string>{"bank_statement@0+2", "bank_statement@2+1"});
  // A handwritten note on the back of the last page belongs to the statement.
  CHECK(Types(Split({kStatement1, kStatement2, "Bitte um Rückruf\nB.L. 05.01.25"})) ==
        std::vector<std::string>{"bank_statement@0+3"});
}

TEST_CASE("proofs of the same type in a row are split where each opens with its title", "[classifier][split]") {
  const std::string kPayslip2 =
      "Maler Petersen GmbH\nEntgeltabrechnung (Lohnabrechnung) Januar 2025\nPersonalnummer: 206646\n"
      "Grundlohn 1.400,00\nGesamtbrutto 1.400,00\nNetto-Verdienst 1.090,31\nAuszahlungsbetrag 1.090,31";
  CHECK(Types(Split({kCoverLetter, kPayslip, kPayslip2})) ==
        std::vector<std::string>{"letter@0+1", "payslip@1+1", "payslip@2+1"});
  SECTION("but a numbered second page of the same proof continues it") {
    CHECK(Types(Split({kPayslip, "Seite 2 von 2\n" + kPayslip2})) == std::vector<std::string>{"payslip@0+2"});
  }
  SECTION("and a statement's follow-on page without a title continues it") {
    CHECK(Types(Split({kStatement1, kStatement2})) == std::vector<std::string>{"bank_statement@0+2"});
  }
}
