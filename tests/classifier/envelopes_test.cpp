#include <catch2/catch.hpp>

#include "test_pages.h"

using namespace mailroom;
using namespace mailroom::classifier;
using mailroom::classifier::test::KindPage;
using mailroom::classifier::test::TextPage;

namespace {

// The page names of each envelope, e.g. {{"1","2"},{"4"}}.
std::vector<std::vector<std::string>> Grouped(const std::vector<PageReading>& pages) {
  std::vector<std::vector<std::string>> out;
  int expected_index = 1;
  for (const auto& envelope : GroupEnvelopes(pages)) {
    CHECK(envelope.index == expected_index++);
    std::vector<std::string> names;
    for (const auto* page : envelope.pages) names.push_back(page->name);
    out.push_back(names);
  }
  return out;
}

PageReading C(const char* name) {
  return TextPage(name, "Text");
}
PageReading Sep(const char* name) {
  return KindPage(name, PageKind::kSeparator);
}
PageReading Blank(const char* name) {
  return KindPage(name, PageKind::kBlank);
}
PageReading Bad(const char* name) {
  return KindPage(name, PageKind::kUnreadable);
}

using Groups = std::vector<std::vector<std::string>>;

}  // namespace

TEST_CASE("separators split envelopes and are not part of them", "[classifier][envelopes]") {
  CHECK(Grouped({C("1"), C("2"), Sep("3"), C("4")}) == Groups{{"1", "2"}, {"4"}});
}

TEST_CASE("a box without separators is one envelope", "[classifier][envelopes]") {
  CHECK(Grouped({C("1"), C("2"), C("3")}) == Groups{{"1", "2", "3"}});
}

TEST_CASE("blank pages are skipped without splitting", "[classifier][envelopes]") {
  CHECK(Grouped({C("1"), Blank("2"), C("3"), Sep("4"), Blank("5")}) == Groups{{"1", "3"}});
}

TEST_CASE("leading, trailing and doubled separators make no empty envelopes", "[classifier][envelopes]") {
  CHECK(Grouped({Sep("1"), C("2"), Sep("3"), Sep("4"), C("5"), Sep("6")}) == Groups{{"2"}, {"5"}});
  CHECK(Grouped({Sep("1"), Blank("2"), Sep("3")}).empty());
  CHECK(Grouped({}).empty());
}

TEST_CASE("an unreadable page ends the envelope and stands alone", "[classifier][envelopes]") {
  CHECK(Grouped({C("1"), C("2"), Bad("3"), C("4"), Sep("5"), C("6")}) == Groups{{"1", "2"}, {"3"}, {"4"}, {"6"}});
  CHECK(Grouped({Bad("1"), Bad("2")}) == Groups{{"1"}, {"2"}});
  CHECK(Grouped({Sep("1"), Bad("2"), Sep("3")}) == Groups{{"2"}});
}

TEST_CASE("envelope pages point into the caller's vector", "[classifier][envelopes]") {
  const std::vector<PageReading> pages{C("1"), Sep("2"), C("3")};
  const auto envelopes = GroupEnvelopes(pages);
  REQUIRE(envelopes.size() == 2);
  CHECK(envelopes[1].pages.front() == &pages[2]);
}
