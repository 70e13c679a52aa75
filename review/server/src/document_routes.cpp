// GET /api/review/<id>: everything the document view shows; GET /api/review/<id>/pages/<n>.png: a page.
#include <charconv>
#include <mutex>

#include "desk_json.h"
#include "desk_routes.h"
#include "mailroom/classifier/doc_type_model.h"
#include "mailroom/pdf/pdf_document.h"
#include "page_view.h"
#include "visible_document.h"

namespace mailroom::review {
namespace {

web::Response Detail(DeskContext& context, const web::Request& request) {
  std::shared_lock lock(context.mutex);
  auto visible = FindVisible(context.desk, *request.session, request.matches.at(0));
  if (!visible) return visible.error();
  nlohmann::json json;
  json["document"] = DocumentJson(visible->document, visible->origin, UtcNow());
  json["doc_types"] = classifier::DocTypeVocabulary();
  json["hand_account_kinds"] = HandAccountKinds();
  json["pdf_error"] = nullptr;
  // A PDF that cannot be read still leaves the document to be worked (by its JSON): the view
  // says why the pages show no text, so the clerk can report it.
  auto pages = ReadPageViews(visible->document);
  if (!pages) {
    json["pdf_error"] = pages.error().message;
    pages = std::vector<PageView>{};
    for (const auto& name : visible->document.pages) pages->push_back({name, static_cast<int>(pages->size()) + 1, ""});
  }
  json["pages"] = nlohmann::json::array();
  for (const auto& page : *pages) {
    json["pages"].push_back({{"name", page.name}, {"index", page.index}, {"text", page.text}});
  }
  return JsonResponse(json);
}

// The dpi parameter: absent is the default; anything but a number in pdf's range is refused.
std::optional<double> Dpi(const web::Request& request) {
  const auto given = request.params.find("dpi");
  if (given == request.params.end()) return kDefaultPageDpi;
  double dpi = 0;
  const auto& text = given->second;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), dpi);
  if (error != std::errc() || end != text.data() + text.size() || dpi < pdf::kMinDpi || dpi > pdf::kMaxDpi) {
    return std::nullopt;
  }
  return dpi;
}

web::Response PageImage(DeskContext& context, const web::Request& request) {
  const auto dpi = Dpi(request);
  if (!dpi) {
    return web::JsonError(400, "dpi must be a number from " + std::to_string(static_cast<int>(pdf::kMinDpi)) + " to " +
                                   std::to_string(static_cast<int>(pdf::kMaxDpi)));
  }
  std::shared_lock lock(context.mutex);
  auto visible = FindVisible(context.desk, *request.session, request.matches.at(0));
  if (!visible) return visible.error();
  int index = 0;
  const auto& number = request.matches.at(1);
  std::from_chars(number.data(), number.data() + number.size(), index);  // digits only, by the route's pattern
  if (index < 1 || index > static_cast<int>(visible->document.pages.size())) {
    return web::JsonError(404, "document " + visible->document.document_id + " has no page " + number);
  }
  auto png = RenderPage(visible->document, index, *dpi);
  if (!png) return web::JsonError(500, png.error().message);
  web::Response response;
  response.content_type = "image/png";
  response.body = std::move(*png);
  return response;
}

}  // namespace

std::vector<web::Route> DocumentRoutes(DeskContext& context) {
  return {{"GET", R"(/api/review/([^/]+))", [&context](const web::Request& r) { return Detail(context, r); }},
          {"GET", R"(/api/review/([^/]+)/pages/([0-9]{1,6})\.png)",
           [&context](const web::Request& r) { return PageImage(context, r); }}};
}

}  // namespace mailroom::review
