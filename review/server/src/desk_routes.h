// The routes of the review desk's page and API, by purpose (desk_server.h documents the API), and
// what their handlers share.
#pragma once

#include <shared_mutex>
#include <string>
#include <vector>

#include "mailroom/review/desk.h"
#include "mailroom/web/server.h"

namespace mailroom::review {

/// The desk behind every handler. The handlers run on several threads at once: an action (which
/// moves files and writes the ledger) holds `mutex` alone, a read shares it, so no read meets a
/// document half moved and two clerks never act on the same document at once.
struct DeskContext {
  Desk desk;
  std::shared_mutex mutex;
};

/// GET /, /desk.js, /desk.css: the page, from the binary.
[[nodiscard]] std::vector<web::Route> PageRoutes();
/// GET /api/review: the in-tray.
[[nodiscard]] std::vector<web::Route> InTrayRoutes(DeskContext& context);
/// GET /api/review/<id> and its page images.
[[nodiscard]] std::vector<web::Route> DocumentRoutes(DeskContext& context);
/// GET /api/cases?q=NAME FACT: a case found by its person (a name and one more fact).
[[nodiscard]] std::vector<web::Route> CaseSearchRoutes(DeskContext& context);
/// POST /api/review/<id>/preview|assign|split|join|account|rescan.
[[nodiscard]] std::vector<web::Route> ActionRoutes(DeskContext& context);

}  // namespace mailroom::review
