#include <catch2/catch.hpp>

#include "test_pages.h"

using namespace mailroom;
using namespace mailroom::classifier;
using mailroom::classifier::test::TextPage;

namespace {

std::vector<std::string> NumbersIn(const std::string& text) {
  std::vector<std::string> numbers;
  for (const auto& e : FindCaseNumbers(TextPage("0001.tif", text))) numbers.push_back(e.number);
  return numbers;
}

using Numbers = std::vector<std::string>;

}  // namespace

TEST_CASE("BG numbers are found in every printed variant", "[classifier][numbers]") {
  const auto text = GENERATE(as<std::string>{}, "35301BG0012345", "35301 BG 0012345", "35301-BG-0012345",
                             "35301/BG/0012345", "35301 - BG - 0012345", "BG-Nummer: 35301BG0012345",
                             "Nummer der Bedarfsgemeinschaft: 35301 BG 0012345", "Az.: 35301/BG/0012345",
                             "Az.:35301BG0012345.", "(35301BG0012345)", "Ihre BG-Nummer\n35301-BG-0012345\nDatum");
  CAPTURE(text);
  const auto found = FindCaseNumbers(TextPage("0001.tif", text));
  REQUIRE(found.size() == 1);
  CHECK(found[0].number == "35301BG0012345");
  CHECK(found[0].kind == CaseEvidence::Kind::kBgNumber);
  CHECK(found[0].source == CaseEvidence::Source::kText);
  CHECK(found[0].page == "0001.tif");
}

TEST_CASE("OCR confusions inside the digit groups and the BG marker are repaired", "[classifier][numbers]") {
  const auto text = GENERATE(as<std::string>{}, "353O1BG0012345", "35301BGOO12345", "35301BG0o12345", "3530lBG0012345",
                             "3530IBG0012345", "3530|BG0012345", "3S301BG0012345", "353018G0012345", "35301B60012345",
                             "35301BC0012345", "35301 8G 0012345", "35301 bg 0012345", "35301860012345",
                             "35301.86.0012345", "35301:8G 0012345", "35301BE 0012345", "35301 ..8G. 0012345");
  CAPTURE(text);
  CHECK(NumbersIn(text) == Numbers{"35301BG0012345"});
}

TEST_CASE("B is read as 8 inside a digit group, but never as part of BG", "[classifier][numbers]") {
  CHECK(NumbersIn("35301BG00123B5") == Numbers{"35301BG0012385"});
  CHECK(NumbersIn("3530BBG0012345") == Numbers{"35308BG0012345"});
}

TEST_CASE("a group made mostly of look-alike letters is a word, not a number", "[classifier][numbers]") {
  CHECK(NumbersIn("SOlO1BG0012345").empty());
  CHECK(NumbersIn("35301BGOOlOlS5").empty());
}

TEST_CASE("customer numbers are found in their printed variants", "[classifier][numbers]") {
  const auto text = GENERATE(as<std::string>{}, "123D456789", "123 D 456789", "123D 456789", "Kundennummer: 123D456789",
                             "Kunden-Nr.: 123 D 456789", "Kd.-Nr. l23D456789");
  CAPTURE(text);
  const auto found = FindCaseNumbers(TextPage("0001.tif", text));
  REQUIRE(found.size() == 1);
  CHECK(found[0].number == "123D456789");
  CHECK(found[0].kind == CaseEvidence::Kind::kCustomerNumber);
}

TEST_CASE("look-alikes are not case numbers", "[classifier][numbers]") {
  const auto text =
      GENERATE(as<std::string>{},
               "IBAN: DE89 3704 0044 0532 0130 00",  //
               "IBAN BG80 BNBG 9661 1020 3456 78",   //
               "Telefon: 0351 4567-890, Fax 0351/456 78 91", "Dresden, den 01.02.2024", "Betrag: 1.234,56 EUR",
               "01067 Dresden", "Steuer-ID 12345678901", "Sozialversicherungsnummer 12 150780 M 123",
               "135301BG0012345",  // a digit glued on the left
               "35301BG001234",    // one digit too few
               "3530BG0012345", "X35301BG0012345", "35301BG0012345X", "35301BG0012345l", "1234D456789", "123D4567890",
               "123d456789", "SOLLS BG OOOOOOO", "Seite 1 von 2 BG 0012345");
  CAPTURE(text);
  CHECK(NumbersIn(text).empty());
}

TEST_CASE("several numbers on one page are all reported, in order", "[classifier][numbers]") {
  CHECK(NumbersIn("BG-Nr. 35301BG0012345, Kundennummer 123D456789\nIBAN DE89 3704 0044 0532 0130 00") ==
        Numbers{"35301BG0012345", "123D456789"});
}

TEST_CASE("barcode payloads are read exactly, with or without a prefix", "[classifier][numbers]") {
  PageReading page = TextPage("0002.tif", "");
  page.barcodes = {{"Code128", "35301BG0012345"}, {"DataMatrix", "BG:35301BG0099999"}, {"QRCode", "KDNR 123D456789"},
                   {"Code128", "MAILROOM-SEP"},   {"Code128", "353O1BG0012345"},       {"Code128", "135301BG0012345"}};
  const auto found = FindCaseNumbers(page);
  REQUIRE(found.size() == 4);
  CHECK(found[0].number == "35301BG0012345");
  CHECK(found[1].number == "35301BG0099999");
  CHECK(found[2].number == "123D456789");
  for (const auto& e : found) {
    CHECK(e.source == CaseEvidence::Source::kBarcode);
    CHECK(e.confidence == 1.0F);
  }
  // A digit glued on in front could be a prefix or a longer number: only the registry can tell.
  CHECK(found[3].number == "35301BG0012345");
  CHECK(found[3].needs_registry);
  CHECK_FALSE(found[0].needs_registry);
}

TEST_CASE("barcode payloads: the number is found inside the framing forms put around it", "[classifier][numbers]") {
  const auto payload = GENERATE(as<std::string>{}, "35301BG0012345", "BG=35301BG0012345", "WBA|35301BG0012345|MK",
                                "WBA;35301BG0012345;MK", "35301BG0012345-02", "MK/35301BG0012345/WBA-2025",
                                "BG:35301BG0012345", "FORM WBA 35301BG0012345 2025-03", "bg_nr=35301BG0012345&form=HA");
  CAPTURE(payload);
  PageReading page = TextPage("0002.tif", "");
  page.barcodes = {{"QRCode", payload}};
  const auto found = FindCaseNumbers(page);
  REQUIRE(found.size() == 1);
  CHECK(found[0].number == "35301BG0012345");
  CHECK_FALSE(found[0].needs_registry);
}

TEST_CASE("barcode payloads: key=value lists give every number they hold", "[classifier][numbers]") {
  PageReading page = TextPage("0002.tif", "");
  page.barcodes = {{"DataMatrix", "BG=35301BG0012345;KDNR=123D456789"}, {"Code128", "KDNR:456A000111"}};
  const auto found = FindCaseNumbers(page);
  REQUIRE(found.size() == 3);
  CHECK(found[0].number == "35301BG0012345");
  CHECK(found[1].number == "123D456789");
  CHECK(found[1].kind == CaseEvidence::Kind::kCustomerNumber);
  CHECK(found[2].number == "456A000111");
}

TEST_CASE("barcode payloads: a prefix glued to the number is a guess for the registry", "[classifier][numbers]") {
  PageReading page = TextPage("0002.tif", "");
  page.barcodes = {{"Code128", "B#035301BG0012345"}, {"Code128", "K#0123D456789"}};
  const auto found = FindCaseNumbers(page);
  REQUIRE(found.size() == 2);
  CHECK(found[0].number == "35301BG0012345");
  CHECK(found[1].number == "123D456789");
  CHECK(found[0].needs_registry);
  CHECK(found[1].needs_registry);
}

TEST_CASE("barcode payloads: wrong digit counts and damaged characters are no numbers", "[classifier][numbers]") {
  const auto payload = GENERATE(as<std::string>{}, "35301BG00123456", "3530BG0012345", "35301BG001234",
                                "353O1BG0012345", "35301bg0012345", "DE89370400440532013000", "MAILROOM-SEP");
  CAPTURE(payload);
  PageReading page = TextPage("0002.tif", "");
  page.barcodes = {{"Code128", payload}};
  CHECK(FindCaseNumbers(page).empty());
}

TEST_CASE("BG numbers written with dots are found", "[classifier][numbers]") {
  CHECK(NumbersIn("BG-Nr. 35301.BG.0012345") == Numbers{"35301BG0012345"});
  CHECK(NumbersIn("35301 . BG . 0012345") == Numbers{"35301BG0012345"});
  CHECK(NumbersIn("am 01.02.2024 um 10.30 Uhr").empty());
}

TEST_CASE("a BG number without the leading zeros of its serial is a guess for the registry", "[classifier][numbers]") {
  const auto text = GENERATE(as<std::string>{}, "35301BG12345", "35301 BG 12345", "35301-BG-12345", "35301.BG.12345");
  CAPTURE(text);
  const auto found = FindCaseNumbers(TextPage("0001.tif", text));
  REQUIRE(found.size() == 1);
  CHECK(found[0].number == "35301BG0012345");
  CHECK(found[0].needs_registry);
  SECTION("but a short serial that starts with a zero is a number with a digit missing") {
    CHECK(NumbersIn("35301BG012345").empty());
  }
}

TEST_CASE("text confidence comes from the words of the match", "[classifier][numbers]") {
  PageReading page;
  page.name = "0003.tif";
  page.text = "Az.: 35301 BG 0012345\nSehr geehrte Damen und Herren";
  page.words = {{"Az.:", 96}, {"35301", 91}, {"BG", 88}, {"0012345", 93}, {"Sehr", 40}, {"geehrte", 40}};
  page.mean_confidence = 50;
  auto found = FindCaseNumbers(page);
  REQUIRE(found.size() == 1);
  CHECK(found[0].confidence == Approx(0.88));

  SECTION("the same number twice takes each occurrence's own words") {
    page.text = "35301BG0012345 35301BG0012345";
    page.words = {{"35301BG0012345", 90}, {"35301BG0012345", 60}};
    found = FindCaseNumbers(page);
    REQUIRE(found.size() == 2);
    CHECK(found[0].confidence == Approx(0.90));
    CHECK(found[1].confidence == Approx(0.60));
  }
  SECTION("without matching words the page mean is used") {
    page.words.clear();
    found = FindCaseNumbers(page);
    REQUIRE(found.size() == 1);
    CHECK(found[0].confidence == Approx(0.50));
  }
  SECTION("each repaired confusion lowers the confidence") {
    page.text = "35301 BG OO12345";
    page.words = {{"35301", 90}, {"BG", 90}, {"OO12345", 90}};
    found = FindCaseNumbers(page);
    REQUIRE(found.size() == 1);
    CHECK(found[0].confidence < 0.9F * 0.95F);
  }
}

TEST_CASE("one stray blank that OCR put inside a digit group is skipped", "[classifier][numbers]") {
  CHECK(NumbersIn("Bedarfsgemeinschaft: 2410 1BG8393484") == Numbers{"24101BG8393484"});
  CHECK(NumbersIn("35301BG001 2345") == Numbers{"35301BG0012345"});
  CHECK(NumbersIn("3 5 301BG0012345").empty());  // two blanks: no longer one number
}

TEST_CASE("a customer number whose letter was read as a digit is reported with an unknown letter",
          "[classifier][numbers]") {
  CHECK(NumbersIn("Kundennummer: 0762373173") == Numbers{"076?373173"});
  // Written with separators around the letter ("821-L-489128"), the look-alike stands alone.
  CHECK(NumbersIn("Kunden-Nr.: 821-1-489128") == Numbers{"821?489128"});
  CHECK(NumbersIn("Kd.-Nr. 913 / 0 / 117725") == Numbers{"913?117725"});
  CHECK(NumbersIn("Tel. 040-3-123456").empty());  // 3 is no look-alike of a letter
  CHECK(NumbersIn("Tel. 040 1 123456").empty());  // no separator: digit groups of a phone number
  CHECK(NumbersIn("Tel. 040-1/123456").empty());  // two different separators
}

TEST_CASE("a customer number whose letter OCR lost is reported with an unknown letter", "[classifier][numbers]") {
  CHECK(NumbersIn("Kunden-Nr.: 161091670") == Numbers{"161?091670"});
  CHECK(NumbersIn("Steuer-ID 12345678901").empty());  // eleven digits: no customer number at all
}

TEST_CASE("a BG marker whose G OCR read twice is a guess for the registry to confirm", "[classifier][numbers]") {
  for (const char* text : {"BG-Nr.: 13601BG63017095", "Bedarfsgemeinschaft: 13601B6G3017095", "BG 13601BG33017095"}) {
    CAPTURE(text);
    const auto found = FindCaseNumbers(TextPage("0001.tif", text));
    REQUIRE(found.size() == 1);
    CHECK(found[0].number == "13601BG3017095");
    CHECK(found[0].needs_registry);
  }
  CHECK_FALSE(FindCaseNumbers(TextPage("0001.tif", "35301BG0012345"))[0].needs_registry);
}

TEST_CASE("a BG number with one digit too many after the marker is at most a guess", "[classifier][numbers]") {
  const auto found = FindCaseNumbers(TextPage("0001.tif", "35301BG00123456"));
  REQUIRE(found.size() == 1);
  CHECK(found[0].needs_registry);
}
