#include "mailroom/classifier/box_plan.h"

#include <cstdio>

#include "mailroom/metrics/registry.h"

namespace mailroom::classifier {
namespace {

int PagesWhere(const BoxPlan& plan, bool routed) {
  int pages = 0;
  for (const PlannedDocument& planned : plan.documents) {
    if (planned.document.classification.routed == routed) pages += static_cast<int>(planned.document.pages.size());
  }
  return pages;
}

// Every page in exactly once: a plan that fails this must not be delivered or published.
Result<void> CheckCustody(const BoxPlan& plan) {
  const auto accounted = static_cast<std::size_t>(plan.PagesRouted() + plan.PagesReview()) + plan.blank_pages.size() +
                         plan.separator_pages.size();
  if (accounted == static_cast<std::size_t>(plan.pages_in)) return {};
  return Fail("internal error: box " + plan.box_id + ": " + std::to_string(plan.pages_in) + " pages in, but " +
              std::to_string(accounted) + " accounted for");
}

}  // namespace

int BoxPlan::PagesRouted() const {
  return PagesWhere(*this, true);
}

int BoxPlan::PagesReview() const {
  return PagesWhere(*this, false);
}

std::vector<std::string> BoxPlan::AccountedPages() const {
  std::vector<std::string> pages = blank_pages;
  pages.insert(pages.end(), separator_pages.begin(), separator_pages.end());
  return pages;
}

Result<BoxPlan> PlanBox(const std::string& box_id, const std::vector<PageReading>& readings,
                        const Classifier& classifier) {
  BoxPlan plan;
  plan.box_id = box_id;
  plan.pages_in = static_cast<int>(readings.size());
  for (const PageReading& page : readings) {
    if (page.kind == PageKind::kBlank) plan.blank_pages.push_back(page.name);
    if (page.kind == PageKind::kSeparator) plan.separator_pages.push_back(page.name);
  }
  for (const Envelope& envelope : GroupEnvelopes(readings)) {
    std::vector<ClassifiedDocument> documents = classifier.Classify(envelope);
    for (std::size_t i = 0; i < documents.size(); ++i) {
      const Classification& c = documents[i].classification;
      if (!c.routed) metrics::CountReview(c.review_kind);
      plan.documents.push_back(
          {DocumentId(box_id, envelope.index, i, documents.size()), envelope.index, std::move(documents[i])});
    }
  }
  if (auto custody = CheckCustody(plan); !custody) return tl::unexpected(custody.error());
  return plan;
}

std::string DocumentId(const std::string& box_id, int envelope, std::size_t document, std::size_t documents) {
  char number[16];
  std::snprintf(number, sizeof number, "%03d", envelope);
  std::string id = box_id + "-" + number;
  if (documents > 1) id += "." + std::to_string(document + 1);
  return id;
}

}  // namespace mailroom::classifier
