#include "mailroom/proto/message_names.h"

#include "mailroom/common/safe_names.h"

namespace mailroom::proto {
namespace {

Result<void> CheckPageName(const std::string& name) {
  if (auto problem = PageNameProblem(name); !problem.empty()) return Fail(problem);
  return {};
}

}  // namespace

Result<void> CheckNames(const mailroom::v1::Page& page) {
  if (auto bad = CheckId("box_id", page.box_id()); !bad) return bad;
  return CheckPageName(page.name());
}

Result<void> CheckNames(const mailroom::v1::BoxManifest& manifest) {
  if (auto bad = CheckId("box_id", manifest.box().box_id()); !bad) return bad;
  for (const auto& page : manifest.pages()) {
    if (auto bad = CheckPageName(page); !bad) return bad;
  }
  return {};
}

Result<void> CheckNames(const mailroom::v1::Document& document) {
  if (auto bad = CheckId("document_id", document.document_id()); !bad) return bad;
  if (auto bad = CheckId("box_id", document.box_id()); !bad) return bad;
  if (!document.team().empty()) {
    if (auto bad = CheckId("team", document.team()); !bad) return bad;
  }
  if (document.jobcenter_id().has_string_value()) {
    if (auto bad = CheckId("jobcenter_id", document.jobcenter_id().string_value()); !bad) return bad;
  }
  for (const auto& page : document.pages()) {
    if (auto bad = CheckPageName(page); !bad) return bad;
  }
  return {};
}

Result<void> CheckNames(const mailroom::v1::DocumentPlan& plan) {
  return CheckNames(plan.document());
}

Result<void> CheckNames(const mailroom::v1::RoutedDocument& routed) {
  if (auto bad = CheckNames(routed.document()); !bad) return bad;
  const std::string& destination = routed.destination();
  constexpr std::string_view kPostkorb = "postkorb/";
  if (destination != "review") {
    if (!destination.starts_with(kPostkorb)) {
      return Fail("destination '" + Printable(destination) + "' is neither review nor postkorb/<jobcenter_id>");
    }
    if (auto bad = CheckId("destination's jobcenter_id", destination.substr(kPostkorb.size())); !bad) return bad;
  }
  for (const auto& original : routed.originals()) {
    if (auto bad = CheckId("original's file_name", original.file_name()); !bad) return bad;
  }
  return {};
}

}  // namespace mailroom::proto
