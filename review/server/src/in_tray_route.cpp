// GET /api/review: the open documents the clerk may work, in the desk's working order.
#include <map>
#include <mutex>

#include "desk_json.h"
#include "desk_routes.h"
#include "visible_document.h"

namespace mailroom::review {
namespace {

web::Response InTrayAnswer(DeskContext& context, const web::Session& session) {
  std::shared_lock lock(context.mutex);
  auto tray = context.desk.List();
  if (!tray) return DeskErrorResponse(tray.error());
  const auto now = UtcNow();
  nlohmann::json documents = nlohmann::json::array();
  nlohmann::json problems = tray->problems;
  std::map<std::string, DeskResult<std::string>> origins;  // one ledger lookup per box
  for (const auto& document : tray->documents) {
    auto known = origins.find(document.box_id);
    if (known == origins.end()) known = origins.emplace(document.box_id, context.desk.OriginOf(document)).first;
    const auto& origin = known->second;
    if (!origin) {
      // Nobody can be granted it, so nobody would see it: said to every clerk, to be reported.
      problems.push_back(document.document_id + ": " + origin.error().message);
      continue;
    }
    if (web::MayWork(session, *origin)) documents.push_back(InTrayEntryJson(document, *origin, now));
  }
  return JsonResponse({{"documents", std::move(documents)}, {"problems", std::move(problems)}});
}

}  // namespace

std::vector<web::Route> InTrayRoutes(DeskContext& context) {
  return {{"GET", "/api/review",
           [&context](const web::Request& request) { return InTrayAnswer(context, *request.session); }}};
}

}  // namespace mailroom::review
