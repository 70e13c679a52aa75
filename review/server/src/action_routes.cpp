// POST /api/review/<id>/<action>: each of the desk's decisions, as one request. The clerk is the
// session's login; the document must be one the clerk may work (visible_document.h), and a case
// assigned to must be of a jobcenter the clerk may work.
#include <mutex>

#include "action_body.h"
#include "desk_json.h"
#include "desk_routes.h"
#include "mailroom/common/event_log.h"
#include "visible_document.h"

namespace mailroom::review {
namespace {

/// What an action handler gets: the desk (locked for it), the request, the document, the body.
struct ActionCall {
  Desk& desk;
  const web::Session& session;
  const VisibleDocument& visible;
  const ActionBody& body;
  [[nodiscard]] const std::string& id() const { return visible.document.document_id; }
  [[nodiscard]] Clerk clerk() const { return {session.login, UtcNow()}; }
};

web::Response Answer(const DeskResult<DeskOutcome>& outcome) {
  if (!outcome) return DeskErrorResponse(outcome.error());
  return JsonResponse(OutcomeJson(*outcome));
}

tl::expected<Assignment, web::Response> ReadAssignment(const ActionBody& body) {
  auto number = body.Text("number");
  if (!number) return tl::unexpected(number.error());
  auto doc_type = body.OptionalText("doc_type");
  if (!doc_type) return tl::unexpected(doc_type.error());
  Assignment assignment{*number, std::nullopt};
  if (*doc_type && !(*doc_type)->empty()) assignment.doc_type = **doc_type;
  return assignment;
}

// The case the assignment names, when the clerk may work its jobcenter. Checked before the persons
// are shown: a clerk must not read who lives in a case of another jobcenter.
tl::expected<ResolvedCase, web::Response> CaseToWork(const ActionCall& call, const Assignment& assignment) {
  auto resolved = call.desk.Preview(call.id(), assignment);
  if (!resolved) return tl::unexpected(DeskErrorResponse(resolved.error()));
  if (!web::MayWork(call.session, resolved->jobcenter_id)) {
    return tl::unexpected(web::JsonError(403, "case " + resolved->bg_number + " is one of " + resolved->jobcenter_id +
                                                  ", which " + call.session.login +
                                                  " may not work: a clerk of that jobcenter must assign it"));
  }
  return std::move(*resolved);
}

web::Response Preview(const ActionCall& call) {
  auto assignment = ReadAssignment(call.body);
  if (!assignment) return assignment.error();
  auto resolved = CaseToWork(call, *assignment);
  if (!resolved) return resolved.error();
  return JsonResponse(ResolvedCaseJson(*resolved));
}

web::Response Assign(const ActionCall& call) {
  auto assignment = ReadAssignment(call.body);
  if (!assignment) return assignment.error();
  if (auto resolved = CaseToWork(call, *assignment); !resolved) return resolved.error();
  return Answer(call.desk.Assign(call.id(), *assignment, call.clerk()));
}

web::Response Split(const ActionCall& call) {
  auto at = call.body.Number("at");
  if (!at) return at.error();
  return Answer(call.desk.Split(call.id(), *at, call.clerk()));
}

web::Response Join(const ActionCall& call) {
  return Answer(call.desk.Join(call.id(), call.clerk()));
}

web::Response Account(const ActionCall& call) {
  auto page = call.body.Text("page");
  if (!page) return page.error();
  auto kind = call.body.Text("kind");
  if (!kind) return kind.error();
  auto reason = call.body.Text("reason");
  if (!reason) return reason.error();
  return Answer(call.desk.Account(call.id(), *page, *kind, *reason, call.clerk()));
}

web::Response Rescan(const ActionCall& call) {
  auto page = call.body.Text("page");
  if (!page) return page.error();
  auto reason = call.body.Text("reason");
  if (!reason) return reason.error();
  return Answer(call.desk.Rescan(call.id(), *page, *reason, call.clerk()));
}

// To the jobcenter without a case: its origin's, unless the clerk names another he may work.
web::Response Forward(const ActionCall& call) {
  auto jobcenter = call.body.OptionalText("jobcenter_id");
  if (!jobcenter) return jobcenter.error();
  auto doc_type = call.body.OptionalText("doc_type");
  if (!doc_type) return doc_type.error();
  const std::string target = *jobcenter && !(*jobcenter)->empty() ? **jobcenter : call.visible.origin;
  if (!web::MayWork(call.session, target)) {
    return web::JsonError(403, call.session.login + " may not forward mail to " + target);
  }
  std::optional<std::string> type;
  if (*doc_type && !(*doc_type)->empty()) type = **doc_type;
  return Answer(call.desk.Forward(call.id(), target, type, call.clerk()));
}

struct Action {
  const char* name;
  bool writes;  ///< false: only reads (preview), may run beside other reads
  web::Response (*handle)(const ActionCall&);
};

constexpr Action kActions[] = {{"preview", false, Preview}, {"assign", true, Assign},   {"split", true, Split},
                               {"join", true, Join},        {"account", true, Account}, {"rescan", true, Rescan},
                               {"forward", true, Forward}};

web::Response Act(DeskContext& context, const Action& action, const web::Request& request) {
  auto body = ActionBody::Parse(request.body);
  if (!body) return body.error();
  std::shared_lock read(context.mutex, std::defer_lock);
  std::unique_lock write(context.mutex, std::defer_lock);
  action.writes ? write.lock() : read.lock();
  const auto& session = *request.session;
  auto visible = FindVisible(context.desk, session, request.matches.at(0));
  if (!visible) return visible.error();
  auto response = action.handle({context.desk, session, *visible, *body});
  // Ids and the answer's status only: the body may hold a number typed, the answer persons' names.
  if (action.writes || response.status != 200) {
    eventlog::Log(response.status >= 500 ? eventlog::Level::kError : eventlog::Level::kInfo,
                  std::string("review.desk.") + action.name,
                  {.box_id = visible->document.box_id,
                   .document_id = visible->document.document_id,
                   .more = {{"by", session.login}, {"status", std::to_string(response.status)}}},
                  "");
  }
  return response;
}

}  // namespace

std::vector<web::Route> ActionRoutes(DeskContext& context) {
  std::vector<web::Route> routes;
  for (const auto& action : kActions) {
    routes.push_back({"POST", std::string(R"(/api/review/([^/]+)/)") + action.name,
                      [&context, &action](const web::Request& request) { return Act(context, action, request); }});
  }
  return routes;
}

}  // namespace mailroom::review
