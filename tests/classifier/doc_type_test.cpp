#include <catch2/catch.hpp>

#include "test_pages.h"

using namespace mailroom;
using namespace mailroom::classifier;
using namespace mailroom::classifier::test;

namespace {

std::string TypeOf(std::vector<std::string> texts) {
  std::vector<PageReading> pages;
  for (auto& text : texts) pages.push_back(TextPage("p.tif", std::move(text)));
  return DetectDocType(EnvelopeOf(pages));
}

}  // namespace

// DetectDocType is the embedded model (classifier/model/doctype.model) over the envelope. These cases
// pin what any retrained model must still get right: clear titles, spelling and OCR variants, and a
// first page that outweighs its enclosures. doc_type_model_test.cpp tests the model machinery.
TEST_CASE("each document type is recognised by its title words", "[classifier][doctype]") {
  using Case = std::pair<std::string, std::string>;
  const auto [text, expected] = GENERATE(
      Case{"Weiterbewilligungsantrag\nfür die Zeit ab 01.03.2024", "application"},
      Case{"Antrag auf Leistungen zur Sicherung des Lebensunterhalts (Hauptantrag)", "application"},
      Case{"Veränderungsmitteilung\nIch teile folgende Änderung mit", "change_notice"},
      Case{"Mitteilung über eine Änderung der Verhältnisse", "change_notice"},
      Case{"Sparkasse Dresden\nKontoauszug Nr. 3/2024\nBuchungstag Wertstellung Betrag\nSaldo 123,45",
           "bank_statement"},
      Case{"Alter Kontostand 100,00 EUR\nNeuer Kontostand 80,00 EUR\nSaldo", "bank_statement"},
      Case{"Verdienstabrechnung März 2024\nBrutto 1.800,00\nNetto 1.350,00", "payslip"},
      Case{"Lohnabrechnung\nAuszahlungsbetrag 1.234,56", "payslip"},
      Case{"Arbeitsunfähigkeitsbescheinigung\nErstbescheinigung\narbeitsunfähig seit 02.04.2024", "sick_note"},
      Case{"AU-Bescheinigung zur Vorlage beim Jobcenter", "sick_note"},
      Case{"Hiermit lege ich Widerspruch gegen den Bescheid vom 01.02.2024 ein.", "objection"},
      Case{"Mietbescheinigung\nVermieter: Wohnbau GmbH\nKaltmiete 400,00 EUR\nNebenkosten 120,00 EUR", "rent"},
      Case{"Nachweis der Eigenbemühungen\nBewerbungen im Monat Mai", "job_search"},
      Case{"Sehr geehrte Damen und Herren,\nanbei sende ich Ihnen die Unterlagen.", "letter"}, Case{"", "letter"});
  CAPTURE(text);
  CHECK(TypeOf({text}) == expected);
}

TEST_CASE("German spelling and OCR variants still match", "[classifier][doctype]") {
  CHECK(TypeOf({"VERÄNDERUNGSMITTEILUNG"}) == "change_notice");
  CHECK(TypeOf({"Veraenderungsmitteilung"}) == "change_notice");
  CHECK(TypeOf({"Veranderungs-\nmitteilung"}) == "change_notice");
  CHECK(TypeOf({"ARBEITSUNFAEHIGKEITSBESCHEINIGUNG"}) == "sick_note");
  CHECK(TypeOf({"Nachweis der Eigenbemuehungen"}) == "job_search");
  CHECK(TypeOf({"Kaltrniete 400 EUR, Verrnieter Meier"}) == "rent");
}

TEST_CASE("weak words do not outweigh a title", "[classifier][doctype]") {
  // "Antrag" and "Bescheid" appear in almost every letter to the jobcenter.
  CHECK(TypeOf({"Ich habe meinen Antrag schon abgegeben."}) == "letter");
  CHECK(TypeOf({"Widerspruch\ngegen den Bescheid zu meinem Antrag auf Leistungen vom 01.01.2024"}) == "objection");
  CHECK(TypeOf({"Widerspruch gegen den Bescheid zu meinem Weiterbewilligungsantrag"}) == "objection");
  CHECK(TypeOf({"Weiterbewilligungsantrag\nAnlage: Kontostand, Saldo"}) == "application");
  CHECK(TypeOf({"Ich habe einen Antrag auf Umzug gestellt und bitte um Antwort auf meinen Antrag."}) == "letter");
}

TEST_CASE("the first page weighs most", "[classifier][doctype]") {
  CHECK(TypeOf({"Veränderungsmitteilung", "Kontoauszug\nKontostand\nSaldo\nBuchungstag"}) == "change_notice");
  // A page without any text adds nothing: the statement behind it decides.
  CHECK(TypeOf({"", "Kontoauszug\nKontostand 12,00"}) == "bank_statement");
}

TEST_CASE("OCR-damaged titles are still recognised", "[classifier][doctype]") {
  CHECK(TypeOf({"Kontoauszuq Nr. 3\nAlter Kontost and 12,00\nNeuer Kontostand 3,00"}) == "bank_statement");
  CHECK(TypeOf({"Lohnabrechnuug Marz 2025\nBrutto 1.200,00 Nett0 980,00"}) == "payslip");
  CHECK(TypeOf({"Arbeitsunfahigkeits-\nbescheinigung\narbeitsunfahig seit 01.02.2025"}) == "sick_note");
  CHECK(TypeOf({"Hiermit lege ich Wlderspruch gegen lhren Bescheid vom 0l.02.2025 ein."}) == "objection");
}

TEST_CASE("default team by document type", "[classifier][doctype]") {
  CHECK(DefaultTeam("objection") == "widerspruch");
  CHECK(DefaultTeam("sick_note") == "integration");
  CHECK(DefaultTeam("job_search") == "integration");
  for (const char* type : {"application", "change_notice", "bank_statement", "payslip", "rent", "letter", "other"}) {
    CHECK(DefaultTeam(type) == "leistung");
  }
}
