#include <catch2/catch.hpp>

#include "mailroom/classifier/doc_type_model.h"

using mailroom::classifier::ContestedDecisionDate;

TEST_CASE("the date of the contested decision", "[classifier][decision_date]") {
  using Case = std::pair<std::string, std::string>;
  const auto [text, expected] =
      GENERATE(Case{"Widerspruch gegen den Bescheid vom 14.03.2025", "2025-03-14"},
               Case{"hiermit lege ich gegen Ihren Bescheid vom 14. März 2025 Widerspruch ein", "2025-03-14"},
               Case{"gegen Ihren Bescheid vom 14. Maerz 2025", "2025-03-14"},
               Case{"Widerspruch gegen den Änderungsbescheid vom 14.3.25", "2025-03-14"},
               Case{"Widerspruch gegen den Aufhebungs- und Erstattungsbescheid vom 02.06.2025", "2025-06-02"},
               Case{"gegen den Bescheid des Jobcenters vom 01.02.2024 lege ich", "2024-02-01"},
               Case{"WIDERSPRUCH GEGEN DEN BESCHEID VOM 30.09.2025", "2025-09-30"},
               Case{"Ihren Bescheides vom 5.8.25 erkenne ich nicht an", "2025-08-05"});
  CAPTURE(text);
  CHECK(ContestedDecisionDate(text) == expected);
}

TEST_CASE("OCR confusions in the date digits", "[classifier][decision_date]") {
  CHECK(ContestedDecisionDate("Bescheid vom l4.O3.2025") == "2025-03-14");
  CHECK(ContestedDecisionDate("Bescheid vom 14. 03. 2O25") == "2025-03-14");
  CHECK(ContestedDecisionDate("Beschcid vom 14.03.2025") == "2025-03-14");
  CHECK(ContestedDecisionDate("Bescheid vom 1S.08.2025") == "2025-08-15");
}

TEST_CASE("the first Bescheid date wins over the letter's own dates", "[classifier][decision_date]") {
  const std::string letter =
      "Dresden, 02.04.2025\nBetreff: Widerspruch gegen den Bescheid vom 14.03.2025\n"
      "Mit Schreiben vom 20.03.2025 haben Sie außerdem einen Bescheid vom 01.01.2025 erwähnt.";
  CHECK(ContestedDecisionDate(letter) == "2025-03-14");
}

TEST_CASE("without a Bescheid, the date after 'Widerspruch gegen'", "[classifier][decision_date]") {
  CHECK(ContestedDecisionDate("Widerspruch gegen die Rückforderung vom 9.1.2025") == "2025-01-09");
}

TEST_CASE("no contested date", "[classifier][decision_date]") {
  CHECK_FALSE(ContestedDecisionDate(""));
  CHECK_FALSE(ContestedDecisionDate("Ich lege Widerspruch ein."));
  CHECK_FALSE(ContestedDecisionDate("Bescheid vom 31.02.2025"));           // no such day
  CHECK_FALSE(ContestedDecisionDate("Bescheid 35301BG0012345 erhalten"));  // a BG number is no date
  CHECK_FALSE(ContestedDecisionDate("Kontoauszug vom 14.03.2025"));
}
