// Misread case numbers: how close OCR's garble of a number comes to a registered one, and when
// that closeness names one case for sure.
#include <catch2/catch.hpp>

#include "near_numbers.h"
#include "test_pages.h"

using namespace mailroom::classifier;
using namespace mailroom::classifier::test;

TEST_CASE("edits to a number: the fewest that turn some stretch of the text into it", "[classifier][misread]") {
  CHECK(EditsToNumberIn("35301BG0012345", "35301BG0012345") == 0);
  CHECK(EditsToNumberIn("35301BG0012345", "BG-Nr.: 35301-bg-0012345 vom 3.4.") ==
        0);                                                          // written with hyphens, lower case
  CHECK(EditsToNumberIn("35301BG0012345", "3530186G0012345") == 2);  // "BG" read as "86G"
  CHECK(EditsToNumberIn("35301BG0012345", "35301BG00I2345") == 1);
  CHECK(EditsToNumberIn("35301BG0012345", "35301BG") == 7);  // the digits are missing
  CHECK(EditsToNumberIn("123D456789", "Kd-Nr 123D45b789 Datum") == 1);
  CHECK(EditsToNumberIn("35301BG0012345", "") == 14);
}

TEST_CASE("a misread names a case when it comes close to that case's numbers and to no other's",
          "[classifier][misread]") {
  const Registry registry = SmallRegistry();
  SECTION("the BG number, two edits off") {
    CHECK(MisreadOfOnly("3530186G0012345", "35301BG0012345", registry));
  }
  SECTION("a person's customer number, one edit off") {
    CHECK(MisreadOfOnly("123D4567B9", "35301BG0012345", registry));
  }
  SECTION("three edits off is too far") {
    CHECK_FALSE(MisreadOfOnly("3530186G00X2345", "35301BG0012345", registry));
  }
  SECTION("a look-alike of a character's shape counts half an edit: four of them are two edits") {
    CHECK(MisreadEditsToNumberIn("35301BG0012345", "85301 BU 0012845") == 1.5);  // 8/3, U/G, 8/3
    CHECK(MisreadEditsToNumberIn("35301BG0012345", "35301BG0012X45") == 1.0);    // X is no look-alike of 3
    CHECK(MisreadEditsToNumberIn("35301BG0012345", "35301BG0072345") == 0.5);    // 7/1: upright strokes
    CHECK(MisreadOfOnly("85391 BU 0012845", "35301BG0012345", registry));        // 8/3, 9/0, U/G, 8/3
    CHECK_FALSE(MisreadOfOnly("85391 BU 0012X45", "35301BG0012345", registry));  // and one more
  }
  SECTION("another case's number") {
    CHECK_FALSE(MisreadOfOnly("3530186G0099999", "35301BG0012345", registry));
    CHECK(MisreadOfOnly("3530186G0099999", "35301BG0099999", registry));
  }
  SECTION("a case not in the registry") {
    CHECK_FALSE(MisreadOfOnly("3530186G0012345", "35301BG0077777", registry));
  }
  SECTION("as close to a neighbour's case one digit away: nobody for sure") {
    const Registry with_neighbour = SmallRegistryWithNeighbour("35301BG0012346");
    CHECK_FALSE(MisreadOfOnly("35301B60012345", "35301BG0012345", with_neighbour));
    CHECK(MisreadOfOnly("35301B60012345", "35301BG0012345", registry));
    // The neighbour's number, its last digit misread as the sender's: two edits from the sender's
    // and three from the neighbour's, which is not farther enough.
    CHECK_FALSE(MisreadOfOnly("3530186G0012345", "35301BG0012345", with_neighbour));
    CHECK_FALSE(MisreadOfOnly("3530186G0012345", "35301BG0012346", with_neighbour));
  }
}

TEST_CASE("an unread number nearer one case than any other does not speak against that case", "[classifier][misread]") {
  const Registry registry = SmallRegistry();
  SECTION("a garbled 'BG' and a typo together: three edits, too far to name the case, near enough to be its") {
    CHECK_FALSE(MisreadOfOnly("353018G60012385", "35301BG0012345", registry));  // 8/B, a 6 too, 8/4
    CHECK(NearerToCaseThanAnyOther("353018G60012385", "35301BG0012345", registry));
  }
  SECTION("four edits off is too far") {
    CHECK_FALSE(NearerToCaseThanAnyOther("353018G60012X85", "35301BG0012345", registry));
  }
  SECTION("another case's number") {
    CHECK_FALSE(NearerToCaseThanAnyOther("3530186G0099999", "35301BG0012345", registry));
  }
  SECTION("as near a neighbour's case: it may be the neighbour's") {
    const Registry with_neighbour = SmallRegistryWithNeighbour("35301BG0012346");
    CHECK_FALSE(NearerToCaseThanAnyOther("35301BG001234X", "35301BG0012345", with_neighbour));
    // One edit nearer the case than the neighbour's: the neighbour's number would have been
    // misread at the very digit that tells them apart, and into this case's digit.
    CHECK(NearerToCaseThanAnyOther("3530186G0012345", "35301BG0012345", with_neighbour));
  }
}
