// A page whose print could not be read (faint dot-matrix print, a stain over the text) may be
// another household's: it never inherits the case of the envelope's other pages, unless it names
// that case itself or the page numbers around it place it in a letter of the case.
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

TEST_CASE("a page is illegible when its print was mostly lost but for fragments on many lines",
          "[classifier][illegible]") {
  // A dot-matrix rent certificate at 150 dpi (dev seed 4247, hard-150): 225 mm² of ink left, all
  // of it unread, fragments on 10 lines.
  PageReading page =
      TextPage("0001.tif", "..\n8\n-\n.'n\n2\nrd er\n8\nTEL wadersisurenn\none.\n. 2ondalzesı\nTeer\none", 31);
  page.ink_mm2 = 225;
  page.unread_ink_share = 1.0F;
  CHECK(IsIllegible(page));
  CHECK(IsHardToRead(page));
  SECTION("a received-stamp or a note by hand on a back side: as much ink, on a few lines") {
    page.text = "EINGEGANGEN\n16.06.2025\nWiedervorlage A.K.";
    CHECK_FALSE(IsIllegible(page));
    CHECK_FALSE(IsHardToRead(page));
  }
  SECTION("part of it read") {
    page.unread_ink_share = kMinLostPrintShare - 0.01F;
    CHECK_FALSE(IsIllegible(page));
  }
  SECTION("a few specks") {
    page.ink_mm2 = kMinLostPrintInkMm2 - 1;
    CHECK_FALSE(IsIllegible(page));
  }
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

TEST_CASE(
    "an illegible page that names the case itself, or that its page numbers place in a letter, does not stop "
    "the route",
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
  SECTION("it names a person of the case whom a namesake at the same address shares: the page may be his") {
    Registry namesakes = SmallRegistry();
    AddPerson(namesakes, {"35301BG0077777", "321E654323", "jc-dresden", "Mustermann", "Max", "1960-05-01",
                          "Hauptstr. 1", "01067", "Dresden"});
    const std::vector<PageReading> pages = {
        Illegible("0001.tif", "Kontoinhaber: Max Mustermann\nHauptstr. 1, 01067 Dresdan\nKcntoauszug"),
        TextPage("0002.tif", kLetterA)};
    for (const auto& document : Classifier(namesakes).Classify(EnvelopeOf(pages))) {
      CHECK_FALSE(document.classification.routed);
    }
  }
  SECTION("\"Selte 2 von\" after \"Seite 1 von 2\": the letter's next page") {
    const auto documents = Classify(
        {TextPage("0001.tif", kLetterA + "\nSeite 1 von 2"), Illegible("0002.tif", "Selte 2 von\nDia arforderiichen")});
    REQUIRE_FALSE(documents.empty());
    for (const auto& document : documents) CHECK(document.classification.routed);
  }
  SECTION("\"Seite 2 von 2\" after a page without a number: the letter's next page") {
    const auto documents =
        Classify({TextPage("0001.tif", kLetterA), Illegible("0002.tif", "Seite 2 von 2\nDia arforderiichen")});
    REQUIRE_FALSE(documents.empty());
    for (const auto& document : documents) CHECK(document.classification.routed);
  }
  SECTION("\"geit« 3 von 4\" after \"Seite 2 von 4\": the form's next page") {
    // Dev seed 4245, hard-150: a dot-matrix page of a four-page form, its S read as g.
    const auto documents = Classify({TextPage("0001.tif", kLetterA + "\nSeite 2 von 4"),
                                     Illegible("0002.tif", "geit« 3 von 4\nanlage KdiU: Kosten der Unterkunft")});
    REQUIRE_FALSE(documents.empty());
    for (const auto& document : documents) CHECK(document.classification.routed);
    const auto in_a_word = Classify({TextPage("0001.tif", kLetterA + "\nSeite 2 von 4"),
                                     Illegible("0002.tif", "Arbeit 3 von 4\nanlage KdiU: Kosten der Unterkunft")});
    for (const auto& document : in_a_word) CHECK(document.classification.review_kind == "illegible_page");
  }
  SECTION("a page number that does not follow is no continuation") {
    const auto documents = Classify({TextPage("0001.tif", kLetterA + "\nSeite 1 von 2"),
                                     Illegible("0002.tif", "Seite 3 von 4\nDia arforderiichen")});
    REQUIRE_FALSE(documents.empty());
    for (const auto& document : documents) CHECK(document.classification.review_kind == "illegible_page");
  }
  SECTION("between a letter's first page and \"Seite 3 von 3\": its page 2") {
    // Dev seed 4242, hard-200: page 2 of 3 in faint dot-matrix print, "Salto 2 von 3" as read.
    const auto documents =
        Classify({TextPage("0001.tif", kLetterA), Illegible("0002.tif", "Salto 2 von 9\nohne dle Leietungen"),
                  TextPage("0003.tif", "Seite 3von 3\nMeine Kontoverbindung hat sich nicht geändert.")});
    REQUIRE_FALSE(documents.empty());
    for (const auto& document : documents) CHECK(document.classification.routed);
    const auto short_letter =
        Classify({TextPage("0001.tif", kLetterA), Illegible("0002.tif", "Kontoinhaber: Florları Nleln"),
                  TextPage("0003.tif", "Seite 2 von 2\nMeine Kontoverbindung hat sich nicht geändert.")});
    for (const auto& document : short_letter) CHECK(document.classification.review_kind == "illegible_page");
  }
  SECTION("after \"Seite 2 von 3\", and no \"Seite 3\" after it: the letter's last page") {
    // Dev seed 4245, hard-150: page 3 of 3 of a form in dot-matrix print, its number lost.
    const std::string page2 = "Seite 2 von 3\nAnlage EK: Einkommen";
    const auto documents = Classify(
        {TextPage("0001.tif", kLetterA), TextPage("0002.tif", page2), Illegible("0003.tif", "Te2, ki arung\ner ur")});
    REQUIRE_FALSE(documents.empty());
    for (const auto& document : documents) CHECK(document.classification.routed);
    // The letter's last page comes after it: the illegible page was slipped in.
    const auto slipped_in = Classify({TextPage("0001.tif", kLetterA), TextPage("0002.tif", page2),
                                      Illegible("0003.tif", "Te2, ki arung\ner ur"),
                                      TextPage("0004.tif", "Seite 3 von 3\nIch versichere, dass meine Angaben")});
    for (const auto& document : slipped_in) CHECK(document.classification.review_kind == "illegible_page");
  }
  SECTION("the first page of a letter that the case's person signs on its next pages") {
    const std::string signed_by =
        "Seite 2 von 2\nIch versichere, dass meine Angaben richtig sind.\n\nMit "
        "freundlichen Grüßen\n";
    const auto documents = Classify({TextPage("0001.tif", "Kundennummer: 123D456789\nAnbei meine Unterlagen."),
                                     Illegible("0002.tif", "Jul1a Mu5t\nWiderspr.. ..gen"),
                                     TextPage("0003.tif", signed_by + "Erika Mustermann")});
    REQUIRE_FALSE(documents.empty());
    for (const auto& document : documents) CHECK(document.classification.routed);
    // Signed by someone else, or not signed legibly: the letter may be a neighbour's.
    for (const std::string signer : {"Jürgen Schäfer", "E. M."}) {
      CAPTURE(signer);
      const auto other =
          Classify({TextPage("0001.tif", "Kundennummer: 123D456789\nAnbei meine Unterlagen."),
                    Illegible("0002.tif", "Jul1a Mu5t\nWiderspr.. ..gen"), TextPage("0003.tif", signed_by + signer)});
      for (const auto& document : other) CHECK_FALSE(document.classification.routed);
    }
  }
  SECTION("a letter's page signed by the case's person, its body lost") {
    // Dev seed 4242, hard-200: a faint last page of which OCR read garble and the signature.
    const std::string body =
        "Jan nei Mietvertrag yalcse Tor desüiabert win.\n‚ch versichere, «iı.: . orchen\n"
        "Bitte nerüehrocnnigen bie, Says Ich derroit Sur alngescnrankt\nwar \"rauad\" irren\n";
    const auto signed_page = [&](const std::string& end) {
      return Classify({TextPage("0001.tif", kLetterA), Illegible("0002.tif", body + end)});
    };
    for (const std::string end : {"Erika Mustermann\nAnlagen\n- Kopie", "Mit freundlichen Grüßen\nErika Musterrnann"}) {
      CAPTURE(end);
      for (const auto& document : signed_page(end)) CHECK(document.classification.routed);
    }
    // A namesake in another household: the signature could be either's.
    Registry namesakes = SmallRegistry();
    AddPerson(namesakes, {"35301BG0077777", "321E654323", "jc-dresden", "Mustermann", "Erika", "1999-09-09",
                          "Kirchgasse 9", "01109", "Dresden"});
    const auto either = Classifier(namesakes).Classify(
        EnvelopeOf({TextPage("0001.tif", kLetterA), Illegible("0002.tif", body + "Erika Mustermann")}));
    for (const auto& document : either) CHECK(document.classification.review_kind == "illegible_page");
    // Another person's signature, a bare surname, or the name in running text: a person reads it.
    for (const std::string end :
         {"Jürgen Schäfer", "Mustermann", "Frau Erika Mustermann bringt Ihnen die Unterlagen."}) {
      CAPTURE(end);
      for (const auto& document : signed_page(end)) CHECK_FALSE(document.classification.routed);
    }
  }
  SECTION("its last page within the count that page 2 gives, also where its own number was not read") {
    // Dev seed 4242, hard-200: "Seite 2 von 3", then "Suites 3 von 3" over the signature.
    const auto documents = Classify(
        {TextPage("0001.tif", "Kundennummer: 123D456789\nAnbei meine Unterlagen."),
         Illegible("0002.tif", "Jul1a Mu5t\nWiderspr.. ..gen"),
         TextPage("0003.tif", "Seite 2 von 3\nDie Kosten der Unterkunft wurden nicht berücksichtigt."),
         TextPage("0004.tif", "Suites 3 von 3\nIch versichere, dass meine Angaben richtig sind.\nErika Mustermann")});
    REQUIRE_FALSE(documents.empty());
    for (const auto& document : documents) CHECK(document.classification.routed);
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
  SECTION("a third of its print unread: a number may have been missed, on a page that names nobody") {
    page.unread_ink_share = kMinHardToReadShare;
    PageReading statement = TextPage("0002.tif", "Kontoauszug Nr. 3/2025\nAlter Kontostand 1.204,50 EUR", 70);
    statement.ink_mm2 = 1500;
    statement.unread_ink_share = kMinHardToReadShare;
    // The page that names the person: a number missed on it is theirs.
    REQUIRE(Classify({page}).size() == 1);
    CHECK(Classify({page})[0].classification.routed);
    // A faint statement that names the person in a line of its own is theirs.
    PageReading own = statement;
    own.text += "\nKontoinhaber: Erika Mustermann";
    REQUIRE_FALSE(Classify({own, page}).empty());
    for (const auto& document : Classify({own, page})) CHECK(document.classification.routed);
    // ... also a payslip's one-line block, read with a slip ("7" for the house number 1).
    PageReading payslip = statement;
    payslip.text = "Lohnabrechnung Juli 2025\nErika Mustermann, Hauptstr. 7, 01067 Dresden\nBruttolohn 1.519,68 EUR";
    for (const auto& document : Classify({payslip, page})) CHECK(document.classification.routed);
    // The faint statement names nobody: it may be another household's.
    const auto documents = Classify({statement, page});
    REQUIRE_FALSE(documents.empty());
    const Classification& c = documents[0].classification;
    CHECK_FALSE(c.routed);
    CHECK(c.review_kind == "illegible_page");
    CHECK(c.reason ==
          "0002.tif: its print is hard to read, and only the sender names a case: a case number on it may have been "
          "missed");
    CHECK(c.candidates == std::vector<std::string>{kCaseA});
  }
}
