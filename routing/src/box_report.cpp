// The box report (report.json): the custody record that `mailroom process` and the distributed
// classifier both keep, counted the same way so that their reports are the same.
#include <fmt/format.h>

#include "mailroom/routing/output.h"

namespace mailroom::routing {

mailroom::v1::BoxReport StartBoxReport(const std::string& box_id, const std::vector<PageReading>& readings) {
  mailroom::v1::BoxReport report;
  report.set_box_id(box_id);
  report.set_pages_in(static_cast<int>(readings.size()));
  for (const auto& page : readings) {
    if (page.kind == PageKind::kBlank) report.add_blank_pages(page.name);
    if (page.kind == PageKind::kSeparator) report.add_separator_pages(page.name);
  }
  return report;
}

void CountDocument(mailroom::v1::BoxReport& report, int pages, bool routed) {
  if (routed) {
    report.set_pages_routed(report.pages_routed() + pages);
  } else {
    report.set_pages_review(report.pages_review() + pages);
  }
}

Result<void> CheckCustody(const mailroom::v1::BoxReport& report) {
  const int accounted =
      report.pages_routed() + report.pages_review() + report.blank_pages_size() + report.separator_pages_size();
  if (accounted == report.pages_in()) return {};
  return Fail(fmt::format("internal error: box {}: {} pages in, but {} accounted for", report.box_id(),
                          report.pages_in(), accounted));
}

}  // namespace mailroom::routing
