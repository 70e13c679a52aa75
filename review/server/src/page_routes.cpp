// GET /, /desk.js, /desk.css: the page. Behind the login like the API, so that a browser without a
// session is sent to the login form first (the web server does that for a page).
#include "desk_routes.h"
#include "web_assets.h"

namespace mailroom::review {
namespace {

web::Route File(std::string pattern, const char* body, std::string type) {
  return {"GET", std::move(pattern), [body, type = std::move(type)](const web::Request&) {
            web::Response response;
            response.content_type = type;
            response.body = body;
            return response;
          }};
}

}  // namespace

std::vector<web::Route> PageRoutes() {
  return {File("/", kDeskIndexHtml, "text/html; charset=utf-8"),
          File(R"(/desk\.js)", kDeskJs, "text/javascript; charset=utf-8"),
          File(R"(/desk\.css)", kDeskCss, "text/css; charset=utf-8")};
}

}  // namespace mailroom::review
