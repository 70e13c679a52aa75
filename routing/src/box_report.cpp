// The box report (report.json): the custody record of a box plan, the same for `mailroom process`
// and the distributed classifier.
#include "mailroom/routing/document_message.h"

namespace mailroom::routing {

mailroom::v1::BoxReport ReportOf(const classifier::BoxPlan& plan) {
  mailroom::v1::BoxReport report;
  report.set_box_id(plan.box_id);
  report.set_pages_in(plan.pages_in);
  report.set_pages_routed(plan.PagesRouted());
  report.set_pages_review(plan.PagesReview());
  for (const std::string& page : plan.blank_pages) report.add_blank_pages(page);
  for (const std::string& page : plan.separator_pages) report.add_separator_pages(page);
  return report;
}

}  // namespace mailroom::routing
