// PlanBox: the one plan of a box that `mailroom process` writes and the distributed classifier
// publishes. Every page once, documents named in scan order, blank and separator pages kept apart.
#include <catch2/catch.hpp>

#include "mailroom/classifier/box_plan.h"
#include "test_pages.h"

using namespace mailroom;
using namespace mailroom::classifier;
using namespace mailroom::classifier::test;

namespace {

using Strings = std::vector<std::string>;

std::vector<PageReading> Indexed(std::vector<PageReading> pages) {
  for (std::size_t i = 0; i < pages.size(); ++i) pages[i].index = static_cast<int>(i);
  return pages;
}

Strings PageNames(const PlannedDocument& planned) {
  Strings names;
  for (const PageReading* page : planned.document.pages) names.push_back(page->name);
  return names;
}

}  // namespace

TEST_CASE("a box plan accounts for every page once and names documents by envelope", "[classifier][plan]") {
  const Registry registry = SmallRegistry();
  const Classifier classifier(registry);
  const auto readings = Indexed({
      KindPage("0001.tif", PageKind::kSeparator),
      TextPage("0002.tif", "Erika Mustermann\nHauptstraße 1\n01067 Dresden\nBG-Nummer: 35301BG0012345\nAntrag"),
      KindPage("0003.tif", PageKind::kBlank),
      KindPage("0004.tif", PageKind::kSeparator),
      KindPage("0005.tif", PageKind::kUnreadable),
      KindPage("0006.tif", PageKind::kSeparator),
      TextPage("0007.tif", "Sehr geehrte Damen und Herren, anbei die Unterlagen."),
  });
  auto plan = PlanBox("BOX-7", readings, classifier);
  REQUIRE(plan);
  CHECK(plan->box_id == "BOX-7");
  CHECK(plan->pages_in == 7);
  CHECK(plan->blank_pages == Strings{"0003.tif"});
  CHECK(plan->separator_pages == Strings{"0001.tif", "0004.tif", "0006.tif"});
  CHECK(plan->AccountedPages() == Strings{"0003.tif", "0001.tif", "0004.tif", "0006.tif"});
  REQUIRE(plan->documents.size() == 3);
  CHECK(plan->documents[0].document_id == "BOX-7-001");
  CHECK(plan->documents[0].envelope == 1);
  CHECK(PageNames(plan->documents[0]) == Strings{"0002.tif"});
  CHECK(plan->documents[0].document.classification.routed);
  CHECK(plan->documents[1].document_id == "BOX-7-002");
  CHECK(plan->documents[1].document.classification.review_kind == "unreadable_page");
  CHECK(plan->documents[2].document_id == "BOX-7-003");
  CHECK_FALSE(plan->documents[2].document.classification.routed);
  CHECK(plan->PagesRouted() == 1);
  CHECK(plan->PagesReview() == 2);
  CHECK(plan->PagesRouted() + plan->PagesReview() + static_cast<int>(plan->AccountedPages().size()) == plan->pages_in);
}

TEST_CASE("an envelope of several documents numbers them after the envelope", "[classifier][plan]") {
  CHECK(DocumentId("BOX-7", 12, 0, 1) == "BOX-7-012");
  CHECK(DocumentId("BOX-7", 12, 0, 2) == "BOX-7-012.1");
  CHECK(DocumentId("BOX-7", 12, 1, 2) == "BOX-7-012.2");
  CHECK(DocumentId("BOX-7", 1234, 0, 1) == "BOX-7-1234");
}

TEST_CASE("an empty box plans to nothing, and is complete", "[classifier][plan]") {
  const Registry registry = SmallRegistry();
  const Classifier classifier(registry);
  auto plan = PlanBox("BOX-0", {}, classifier);
  REQUIRE(plan);
  CHECK(plan->documents.empty());
  CHECK(plan->pages_in == 0);
}
