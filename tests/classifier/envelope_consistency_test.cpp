// Evidence per document, consistency per envelope (issue 18): an envelope that holds the mail of
// two households goes to a person as a whole, whichever document carries which evidence and in
// whichever order; a document without evidence of its own inherits the envelope's case.
#include <catch2/catch.hpp>

#include "envelope_consistency.h"
#include "test_pages.h"
#include "two_households.h"

using namespace mailroom;
using namespace mailroom::classifier;
using namespace mailroom::classifier::test;

namespace {

using Strings = std::vector<std::string>;

// The same application with B's number printed, and without any name.
const std::string kApplicationBPrinted =
    "Antrag auf Weiterbewilligung von Leistungen\nSeite 1 von 1\nBG-Nummer: 12345 BG 0000001\n"
    "Ich beantrage die Weiterbewilligung der Leistungen zur Sicherung des Lebensunterhalts.";
const std::string kApplicationBare =
    "Antrag auf Weiterbewilligung von Leistungen\nSeite 1 von 1\n"
    "Ich beantrage die Weiterbewilligung der Leistungen zur Sicherung des Lebensunterhalts.";
const std::string kStatementA =
    "Sparkasse Dresden\nKontoauszug Nr. 3/2025\nSeite 1 von 1\nKontoinhaber: Erika Mustermann\n"
    "Alter Kontostand 452,59 EUR\n01.03.2025 Gutschrift Jobcenter Dresden Leistungen +1.250,15 EUR\n"
    "Neuer Kontostand 1.281,74 EUR";

const Registry& TestRegistry() {
  static const Registry registry = SmallRegistry();
  return registry;
}

std::vector<ClassifiedDocument> Classify(const std::vector<PageReading>& pages) {
  return Classifier(TestRegistry()).Classify(EnvelopeOf(pages));
}

void RequireWholeEnvelopeInReview(const std::vector<ClassifiedDocument>& documents, const Strings& candidates) {
  REQUIRE_FALSE(documents.empty());
  for (const auto& document : documents) {
    const Classification& c = document.classification;
    CHECK_FALSE(c.routed);
    CHECK_FALSE(c.jobcenter_id.has_value());
    CHECK_FALSE(c.bg_number.has_value());
    CHECK(c.review_kind == "conflicting_cases");
    CHECK(c.reason == "conflicting cases in one envelope: " + candidates[0] + ", " + candidates[1]);
    CHECK(c.candidates == candidates);
  }
}

}  // namespace

TEST_CASE("a second household's document in an envelope sends the whole envelope to review",
          "[classifier][consistency]") {
  SECTION("the second household only by name and address, after the first's letter") {
    const std::vector<PageReading> pages = {TextPage("0001.tif", kLetterA), TextPage("0002.tif", kApplicationB)};
    RequireWholeEnvelopeInReview(Classify(pages), {kCaseA, kCaseB});
  }
  SECTION("... and before it") {
    const std::vector<PageReading> pages = {TextPage("0001.tif", kApplicationB), TextPage("0002.tif", kLetterA)};
    RequireWholeEnvelopeInReview(Classify(pages), {kCaseB, kCaseA});
  }
  SECTION("the second household only in a barcode") {
    const std::vector<PageReading> pages = {TextPage("0001.tif", kLetterA),
                                            BarcodePage("0002.tif", "BG=" + kCaseB, kApplicationBare)};
    RequireWholeEnvelopeInReview(Classify(pages), {kCaseA, kCaseB});
  }
  SECTION("the second household only in print, first in the envelope") {
    const std::vector<PageReading> pages = {TextPage("0001.tif", kApplicationBPrinted), TextPage("0002.tif", kLetterA)};
    RequireWholeEnvelopeInReview(Classify(pages), {kCaseB, kCaseA});
  }
}

TEST_CASE("a second household on a page the split kept in one document is still found", "[classifier][consistency]") {
  // "Seite 2 von 2" always continues a document: the split cannot separate the two households here.
  const std::vector<PageReading> pages = {
      TextPage("0001.tif", kLetterA + "\nSeite 1 von 2"),
      TextPage("0002.tif", "Seite 2 von 2\nName, Vorname: Schäfer, Jürgen\nAnschrift: Weg 3, 04109 Leipzig")};
  const auto documents = Classify(pages);
  REQUIRE(documents.size() == 1);
  RequireWholeEnvelopeInReview(documents, {kCaseA, kCaseB});
}

TEST_CASE("documents without evidence of their own, or with the envelope's, inherit its case",
          "[classifier][consistency]") {
  const std::vector<PageReading> pages = {TextPage("0001.tif", kLetterA), TextPage("0002.tif", kStatementA),
                                          TextPage("0003.tif", kApplicationBare)};
  const auto documents = Classify(pages);
  REQUIRE(documents.size() >= 2);
  for (const auto& document : documents) {
    CHECK(document.classification.routed);
    CHECK(document.classification.bg_number == kCaseA);
  }
}

TEST_CASE("two registered numbers on one page keep their own reason", "[classifier][consistency]") {
  const std::vector<PageReading> pages = {TextPage("0001.tif", "BG-Nummer 35301BG0012345, Nachbar: 12345BG0000001")};
  const auto documents = Classify(pages);
  REQUIRE(documents.size() == 1);
  CHECK(documents[0].classification.review_kind == "conflicting_numbers");
}

TEST_CASE("the consistency rule part by part", "[classifier][consistency]") {
  const SenderMatcher senders(TestRegistry());
  const PageReading letter = TextPage("0001.tif", kLetterA);
  const PageReading statement = TextPage("0002.tif", kStatementA);
  const PageReading bare = TextPage("0003.tif", kApplicationBare);
  const PageReading other = TextPage("0004.tif", kApplicationB);
  CaseDecision routed_a;
  routed_a.routed = true;
  routed_a.bg_number = kCaseA;

  SECTION("parts that agree, or say nothing, leave the decision alone") {
    CHECK_FALSE(FindConflictingParts({{&letter}, {&statement}, {&bare}}, routed_a, TestRegistry(), senders));
  }
  SECTION("a part naming only another household's person is a conflict, even without a number") {
    const auto conflict = FindConflictingParts({{&statement}, {&other}}, routed_a, TestRegistry(), senders);
    REQUIRE(conflict);
    CHECK_FALSE(conflict->routed);
    CHECK(conflict->candidates == Strings{kCaseA, kCaseB});
  }
  SECTION("two parts with cases of their own conflict although the envelope has no case") {
    const auto conflict = FindConflictingParts({{&letter}, {&other}}, CaseDecision{}, TestRegistry(), senders);
    REQUIRE(conflict);
    CHECK(conflict->review_kind == "conflicting_cases");
  }
  SECTION("no case and parts without their own: nothing to say") {
    CHECK_FALSE(FindConflictingParts({{&bare}}, CaseDecision{}, TestRegistry(), senders));
  }
}

TEST_CASE("an old number of an office not in the registry does not outweigh a person named beyond doubt",
          "[classifier][consistency]") {
  const std::string sender = "Erika Mustermann\ngeb. 29.02.1980\nHauptstr. 1\n01067 Dresden\n\n";
  const auto one = [](const std::string& text) {
    const std::vector<PageReading> pages = {TextPage("0001.tif", text)};
    return Classify(pages).front().classification;
  };
  SECTION("name, address and birth date: routed by the person, the number named as ignored") {
    const auto c = one(sender + "Mein altes Aktenzeichen: 99999BG0004711\nIch bin umgezogen.");
    CHECK(c.routed);
    CHECK(c.bg_number == kCaseA);
    CHECK(c.jobcenter_id == "jc-dresden");
    CHECK(c.ignored_number == "99999BG0004711");
    CHECK(c.evidence == Strings{"registry"});
    CHECK(c.person_match == Strings{"surname", "given_name", "birth_date", "street", "postcode_city"});
    CHECK(c.confidence >= 0.80);
  }
  SECTION("the given name in the signature, the street in the sender block: the person as fully named") {
    // As on dev seed 4246, hard-150: the given name garbled above the address, read right below.
    const auto c =
        one("Erka Mustermann\ngeb. 29.02.1980\nHauptstr. 1\n01067 Dresden\n\n"
            "Mein altes Aktenzeichen: 99999BG0004711\nIch bin umgezogen, bitte senden Sie mir die Unterlagen.\n\n"
            "Mit freundlichen Grüßen\n\nErika Mustermann");
    CHECK(c.routed);
    CHECK(c.ignored_number == "99999BG0004711");
    CHECK(c.person_match == Strings{"surname", "given_name", "birth_date", "street", "postcode_city"});
  }
  SECTION("a number of a registered office stays a conflict: it may be a case the registry lacks") {
    const auto c = one(sender + "Aktenzeichen: 12345BG0004711\nIch bin umgezogen.");
    CHECK_FALSE(c.routed);
    CHECK(c.review_kind == "number_not_registered");
    CHECK_FALSE(c.ignored_number.has_value());
  }
  SECTION("a birth date read one digit off still identifies the person, two digits do not") {
    const auto routed =
        one("Erika Mustermann\ngeb. 29.02.1930\nHauptstr. 1\n01067 Dresden\n\n"
            "Mein altes Aktenzeichen: 99999BG0004711\n");
    CHECK(routed.routed);
    CHECK(routed.ignored_number == "99999BG0004711");
    CHECK(routed.person_match == Strings{"surname", "given_name", "street", "postcode_city"});
    const auto review =
        one("Erika Mustermann\ngeb. 29.02.1935\nHauptstr. 1\n01067 Dresden\n\n"
            "Mein altes Aktenzeichen: 99999BG0004711\n");
    CHECK_FALSE(review.routed);
    CHECK(review.review_kind == "number_not_registered");
  }
  SECTION("a birth date one digit off needs the street read right too") {
    const auto c = one("Erika Mustermann\ngeb. 29.02.1930\n01067 Dresden\n\nMein altes Aktenzeichen: 99999BG0004711\n");
    CHECK_FALSE(c.routed);
  }
  SECTION("without the birth date the person is not identified beyond doubt") {
    const auto c = one("Erika Mustermann\nHauptstr. 1\n01067 Dresden\n\nAktenzeichen: 99999BG0004711\n");
    CHECK_FALSE(c.routed);
    CHECK(c.review_kind == "number_not_registered");
  }
  SECTION("a number of another registered case is still a conflict") {
    const auto c = one(sender + "BG-Nummer: 12345BG0000001\n");
    CHECK_FALSE(c.routed);
  }
}
