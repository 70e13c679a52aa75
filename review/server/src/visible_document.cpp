#include "visible_document.h"

namespace mailroom::review {

tl::expected<VisibleDocument, web::Response> FindVisible(const Desk& desk, const web::Session& session,
                                                         const std::string& id) {
  const auto not_here = [&] {
    return tl::unexpected(web::JsonError(
        404, "document " + id + " is not in review (or not of a jobcenter " + session.login + " may work)"));
  };
  auto document = desk.Find(id);
  if (!document) {
    if (document.error().kind == DeskError::Kind::kFailed) return tl::unexpected(DeskErrorResponse(document.error()));
    return not_here();
  }
  // A box the ledger does not know has no origin: nobody may work it here (the in-tray reports it).
  auto origin = desk.OriginOf(*document);
  if (!origin) {
    if (origin.error().kind == DeskError::Kind::kFailed) return tl::unexpected(DeskErrorResponse(origin.error()));
    return not_here();
  }
  if (!web::MayWork(session, *origin)) return not_here();
  return VisibleDocument{std::move(*document), std::move(*origin)};
}

web::Response DeskErrorResponse(const DeskError& error) {
  return web::JsonError(error.kind == DeskError::Kind::kRefused ? 422 : 500, error.message);
}

web::Response JsonResponse(const nlohmann::json& json) {
  web::Response response;
  response.body = json.dump();
  return response;
}

}  // namespace mailroom::review
