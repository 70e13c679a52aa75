// A page whose print could not be read (faint dot-matrix print, a stain over the text) may be
// another household's: it never inherits the case of the envelope's other pages, unless it names
// that case itself or reads as the next page of the letter before it.
#include <catch2/catch.hpp>

#include "illegible_pages.h"
#include "test_pages.h"
#include "two_households.h"

using namespace mailroom;
using namespace mailroom::classifier;
using namespace mailroom::classifier::test;

namespace {

// What OCR makes of a faint bank statement: a few fragments, most of the page's ink unread.
PageReading Illegible(std::string name, std::string text = "Nord-Osteer Sparkazse\nKontoinhaber: Florları Nleln") {
  PageReading page = TextPage(std::move(name), std::move(text), 55);
  page.ink_mm2 = 2000;
  page.unread_ink_share = 0.58F;
  return page;
}

const Registry& TestRegistry() {
  static const Registry registry = SmallRegistry();
  return registry;
}

std::vector<ClassifiedDocument> Classify(const std::vector<PageReading>& pages) {
  return Classifier(TestRegistry()).Classify(EnvelopeOf(pages));
}

}  // namespace

TEST_CASE("a page is illegible with much print of which little was read", "[classifier][illegible]") {
  PageReading page = Illegible("0001.tif");
  CHECK(IsIllegible(page));
  page.unread_ink_share = kMinIllegibleShare - 0.01F;
  CHECK_FALSE(IsIllegible(page));  // most of it read
  page = Illegible("0001.tif");
  page.ink_mm2 = kMinIllegibleInkMm2 - 1;
  CHECK_FALSE(IsIllegible(page));  // a note by hand on a back side
  page = Illegible("0001.tif");
  page.kind = PageKind::kBlank;
  CHECK_FALSE(IsIllegible(page));
}

TEST_CASE("an envelope routed by its other pages goes to review when one page is illegible",
          "[classifier][illegible]") {
  const auto documents = Classify({Illegible("0001.tif"), TextPage("0002.tif", kLetterA)});
  REQUIRE_FALSE(documents.empty());
  for (const auto& document : documents) {
    const Classification& c = document.classification;
    CHECK_FALSE(c.routed);
    CHECK(c.review_kind == "illegible_page");
    CHECK(c.reason ==
          "0001.tif: its print could not be read (faint, stained or damaged); it may belong to another case");
    CHECK(c.candidates == std::vector<std::string>{kCaseA});
  }
}

TEST_CASE("an illegible page that names the case itself, or continues the page before, does not stop the route",
          "[classifier][illegible]") {
  SECTION("its own number names the case") {
    const auto documents = Classify({Illegible("0001.tif", "Ihr Zeichen: 35301.BG.0012345\nKontoinhaber: Mu5term"),
                                     TextPage("0002.tif", kLetterA)});
    REQUIRE_FALSE(documents.empty());
    for (const auto& document : documents) CHECK(document.classification.routed);
  }
  SECTION("it names a person of the case") {
    const auto documents =
        Classify({Illegible("0001.tif", "Kontoinhaber: Erika Mustermann\nHauptstr. 1, 01067 Dresdan\nKcntoauszug"),
                  TextPage("0002.tif", kLetterA)});
    REQUIRE_FALSE(documents.empty());
    for (const auto& document : documents) CHECK(document.classification.routed);
  }
  SECTION("\"Selte 2 von\" after \"Seite 1 von 2\": the letter's next page") {
    const auto documents = Classify(
        {TextPage("0001.tif", kLetterA + "\nSeite 1 von 2"), Illegible("0002.tif", "Selte 2 von\nDia arforderiichen")});
    REQUIRE_FALSE(documents.empty());
    for (const auto& document : documents) CHECK(document.classification.routed);
  }
  SECTION("a page number that does not follow is no continuation") {
    const auto documents = Classify({TextPage("0001.tif", kLetterA + "\nSeite 1 von 2"),
                                     Illegible("0002.tif", "Seite 3 von 4\nDia arforderiichen")});
    REQUIRE_FALSE(documents.empty());
    for (const auto& document : documents) CHECK(document.classification.review_kind == "illegible_page");
  }
  SECTION("a number of another case on the illegible page is a conflict, not a continuation") {
    const auto documents =
        Classify({Illegible("0001.tif", "BG-Nummer: 12345 BG 0000001\nKontoinhaber"), TextPage("0002.tif", kLetterA)});
    REQUIRE_FALSE(documents.empty());
    for (const auto& document : documents) CHECK_FALSE(document.classification.routed);
  }
}

TEST_CASE("the sender alone does not decide over a page whose print is hard to read", "[classifier][illegible]") {
  const std::string kSenderOnly =
      "Erika Mustermann\nHauptstr. 1\n01067 Dresden\n\nJobcenter Dresden\n\nBetreff: Veränderungsmitteilung\n"
      "Sehr geehrte Damen und Herren,\nich teile Ihnen mit, dass ich eine Beschäftigung aufgenommen habe.";
  PageReading page = TextPage("0001.tif", kSenderOnly);
  page.ink_mm2 = 1500;
  page.unread_ink_share = 0.1F;
  SECTION("well read: the sender routes") {
    const auto documents = Classify({page});
    REQUIRE(documents.size() == 1);
    CHECK(documents[0].classification.routed);
    CHECK(documents[0].classification.bg_number == kCaseA);
  }
  SECTION("a third of its print unread: a number may have been missed") {
    page.unread_ink_share = kMinHardToReadShare;
    const auto documents = Classify({page});
    REQUIRE(documents.size() == 1);
    const Classification& c = documents[0].classification;
    CHECK_FALSE(c.routed);
    CHECK(c.review_kind == "illegible_page");
    CHECK(c.reason ==
          "0001.tif: its print is hard to read, and only the sender names a case: a case number on it may have been "
          "missed");
    CHECK(c.candidates == std::vector<std::string>{kCaseA});
  }
}
