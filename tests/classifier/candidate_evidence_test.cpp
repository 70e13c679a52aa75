// The evidence per candidate case of a review, which the review desk shows beside each case it
// offers: where a number of the case was read, which of its person's fields matched, the score.
#include <catch2/catch.hpp>

#include "test_pages.h"
#include "two_households.h"

using namespace mailroom;
using namespace mailroom::classifier;
using namespace mailroom::classifier::test;

namespace {

using Strings = std::vector<std::string>;

const std::string kSenderA = "Erika Mustermann\nHauptstr. 1\n01067 Dresden\n\nSehr geehrte Damen und Herren,\n";

const Registry& TestRegistry() {
  static const Registry registry = SmallRegistry();
  return registry;
}

Classification ClassifyCase(const std::vector<PageReading>& pages) {
  return Classifier(TestRegistry()).ClassifyCase(EnvelopeOf(pages));
}

// The evidence must come one per candidate, in the candidates' order.
const std::vector<CandidateEvidence>& EvidenceOf(const Classification& c) {
  REQUIRE_FALSE(c.routed);
  REQUIRE(c.candidate_evidence.size() == c.candidates.size());
  for (std::size_t i = 0; i < c.candidates.size(); ++i) CHECK(c.candidate_evidence[i].bg_number == c.candidates[i]);
  return c.candidate_evidence;
}

}  // namespace

TEST_CASE("a conflict in one envelope shows each household's own evidence", "[classifier][candidate_evidence]") {
  SECTION("a letter with number and sender, and another household's application by name and address") {
    const auto c = ClassifyCase({TextPage("0001.tif", kLetterA), TextPage("0002.tif", kApplicationB)});
    CHECK(c.review_kind == "conflicting_cases");
    const auto& evidence = EvidenceOf(c);
    REQUIRE(evidence.size() == 2);
    const CandidateEvidence& a = evidence[0];
    CHECK(a.bg_number == kCaseA);
    CHECK(a.jobcenter_id == "jc-dresden");
    CHECK(a.numbers == Strings{"printed_bg"});
    CHECK(a.person_match == Strings{"surname", "given_name", "street", "postcode_city"});
    CHECK(a.score > 0.9);
    const CandidateEvidence& b = evidence[1];
    CHECK(b.bg_number == kCaseB);
    CHECK(b.jobcenter_id == "jc-leipzig");
    CHECK(b.numbers.empty());
    CHECK(b.person_match == Strings{"surname", "given_name", "street", "postcode_city"});
    // A person without a number is worth less than the same person with the case's number.
    CHECK(b.score > 0.5);
    CHECK(b.score < a.score);
  }
  SECTION("the second household in a barcode, the first by its customer number in the text") {
    const auto c = ClassifyCase({TextPage("0001.tif", "Anschreiben\nKundennummer: 123D456789"),
                                 BarcodePage("0002.tif", "BG=" + kCaseB, "Antrag auf Weiterbewilligung")});
    CHECK(c.review_kind == "conflicting_cases");
    const auto& evidence = EvidenceOf(c);
    REQUIRE(evidence.size() == 2);
    for (const auto& e : evidence) {
      INFO(e.bg_number);
      CHECK(e.person_match.empty());
      CHECK(e.numbers == (e.bg_number == kCaseA ? Strings{"customer_number"} : Strings{"barcode"}));
      CHECK(e.score > 0.5);
    }
  }
}

TEST_CASE("two numbers on one page show which was printed as BG number, which as customer number",
          "[classifier][candidate_evidence]") {
  const auto c = ClassifyCase({TextPage("0001.tif", "35301BG0012345 Kundennummer 456A000111")});
  CHECK(c.review_kind == "conflicting_numbers");
  const auto& evidence = EvidenceOf(c);
  REQUIRE(evidence.size() == 2);
  CHECK(evidence[0].bg_number == kCaseA);
  CHECK(evidence[0].numbers == Strings{"printed_bg"});
  CHECK(evidence[1].bg_number == "35301BG0099999");  // Yilmaz, by the customer number
  CHECK(evidence[1].numbers == Strings{"customer_number"});
  CHECK(evidence[1].jobcenter_id == "jc-dresden");
  // The same reading quality: the customer number is worth a little less (through the registry).
  CHECK(evidence[1].score < evidence[0].score);
}

TEST_CASE("a number of one case beside the sender of another shows the number on one, the person on the other",
          "[classifier][candidate_evidence]") {
  const auto c = ClassifyCase({TextPage("0001.tif", kApplicationB + "\nBG-Nummer: 35301BG0012345")});
  CHECK(c.review_kind == "number_names_other_case");
  const auto& evidence = EvidenceOf(c);
  REQUIRE(evidence.size() == 2);
  CHECK(evidence[0].bg_number == kCaseA);
  CHECK(evidence[0].numbers == Strings{"printed_bg"});
  CHECK(evidence[0].person_match.empty());
  CHECK(evidence[1].bg_number == kCaseB);
  CHECK(evidence[1].numbers.empty());
  CHECK(evidence[1].person_match == Strings{"surname", "given_name", "street", "postcode_city"});
}

TEST_CASE("an unregistered number beside a sender offers the sender's case, without the number",
          "[classifier][candidate_evidence]") {
  // 35301: a registered office, so the number may be another case misread; it names no case here.
  const auto c = ClassifyCase({TextPage("0001.tif", kSenderA + "BG-Nummer: 35301BG7777777\nAnbei die Unterlagen.")});
  CHECK(c.review_kind == "number_not_registered");
  const auto& evidence = EvidenceOf(c);
  REQUIRE(evidence.size() == 1);
  CHECK(evidence[0].bg_number == kCaseA);
  CHECK(evidence[0].jobcenter_id == "jc-dresden");
  CHECK(evidence[0].numbers.empty());
  CHECK(evidence[0].person_match == Strings{"surname", "given_name", "street", "postcode_city"});
  CHECK(evidence[0].score > 0);
}

TEST_CASE("a person named only weakly is offered with what matched and a low score",
          "[classifier][candidate_evidence]") {
  const auto c = ClassifyCase({TextPage("0001.tif",
                                        "Absender: Frau Mustermann\n\nSehr geehrte Damen und Herren,\n"
                                        "anbei die Unterlagen.")});
  CHECK(c.review_kind == "sender_unclear");
  const auto& evidence = EvidenceOf(c);
  REQUIRE(evidence.size() == 1);
  CHECK(evidence[0].bg_number == kCaseA);
  CHECK(evidence[0].numbers.empty());
  CHECK(evidence[0].person_match == Strings{"surname"});
  CHECK(evidence[0].score < 0.5);
}

TEST_CASE("a sender that fits two cases equally offers both with the fields each matched",
          "[classifier][candidate_evidence]") {
  Registry registry = SmallRegistry();
  AddPerson(registry, {"35301BG0055555", "321B654321", "jc-dresden", "Mustermann", "Erika", "1990-07-07", "Ring 9",
                       "01069", "Dresden"});
  const std::vector<PageReading> pages = {
      TextPage("0001.tif", "Erika Mustermann\nSehr geehrte Damen und Herren,\nanbei die Unterlagen.")};
  const auto c = Classifier(registry).ClassifyCase(EnvelopeOf(pages));
  CHECK(c.review_kind == "sender_ambiguous");
  const auto& evidence = EvidenceOf(c);
  REQUIRE(evidence.size() == 2);
  for (const auto& e : evidence) {
    CHECK(e.person_match == Strings{"surname", "given_name"});
    CHECK(e.numbers.empty());
    CHECK(e.score == Approx(evidence[0].score));
  }
}

TEST_CASE("a routed document carries no candidate evidence", "[classifier][candidate_evidence]") {
  const auto c = ClassifyCase({TextPage("0001.tif", kLetterA)});
  CHECK(c.routed);
  CHECK(c.candidates.empty());
  CHECK(c.candidate_evidence.empty());
  // Every document of a review envelope carries the envelope's evidence.
  const auto documents =
      Classifier(TestRegistry())
          .Classify(EnvelopeOf({TextPage("0001.tif", kLetterA), TextPage("0002.tif", kApplicationB)}));
  for (const auto& document : documents) CHECK(document.classification.candidate_evidence.size() == 2);
}
