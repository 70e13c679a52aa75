// The one rule of who may see a review document: its box's origin jobcenter, from the ledger,
// granted to the clerk. Every route that names a document goes through here.
#pragma once

#include <string>

#include <nlohmann/json.hpp>
#include <tl/expected.hpp>

#include "mailroom/review/desk.h"
#include "mailroom/web/server.h"

namespace mailroom::review {

struct VisibleDocument {
  ReviewDocument document;
  std::string origin;  ///< the jobcenter the box came from
};

/// The document `id` when it is in review and the session may work its origin; else the answer to
/// give: 404 for a document not in review and for one of another jobcenter alike (nobody learns
/// which documents other jobcenters have), 500 for a failure of the desk.
[[nodiscard]] tl::expected<VisibleDocument, web::Response> FindVisible(const Desk& desk, const web::Session& session,
                                                                       const std::string& id);

/// A desk error as the API answers it: a refusal 422, a failure 500, with its message.
[[nodiscard]] web::Response DeskErrorResponse(const DeskError& error);

/// A JSON body with status 200.
[[nodiscard]] web::Response JsonResponse(const nlohmann::json& json);

}  // namespace mailroom::review
