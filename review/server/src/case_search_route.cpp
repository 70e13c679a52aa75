// GET /api/cases?q=...: the cases whose person matches what the clerk read on a letter that names
// no number (a name and one more fact), among the jobcenters the clerk is granted. The query holds
// names: it is never logged.
#include <map>

#include "desk_routes.h"
#include "mailroom/classifier/registry_search.h"
#include "visible_document.h"

namespace mailroom::review {
namespace {

web::Response CaseSearchAnswer(const DeskContext& context, const web::Request& request) {
  const auto typed = request.params.find("q");
  if (typed == request.params.end()) return web::JsonError(400, "give the person to look for as q");
  auto query = classifier::ParsePersonQuery(typed->second);
  if (!query) return web::JsonError(422, query.error().message);
  // The registry is immutable after loading: no lock needed.
  std::map<std::string, nlohmann::json> cases;  // by BG number, in order
  for (const auto& person : classifier::FindPersons(context.desk.registry(), *query)) {
    if (!web::MayWork(*request.session, person.jobcenter_id)) continue;
    auto& found = cases[person.bg_number];
    if (found.is_null()) {
      found = {
          {"bg_number", person.bg_number}, {"jobcenter_id", person.jobcenter_id}, {"persons", nlohmann::json::array()}};
    }
    found["persons"].push_back(person.given_name + " " + person.surname + ", born " + person.birth_date + ", " +
                               person.street + ", " + person.postcode + " " + person.city);
  }
  nlohmann::json answer = nlohmann::json::array();
  for (auto& [bg, found] : cases) answer.push_back(std::move(found));
  return JsonResponse({{"cases", std::move(answer)}});
}

}  // namespace

std::vector<web::Route> CaseSearchRoutes(DeskContext& context) {
  return {
      {"GET", "/api/cases", [&context](const web::Request& request) { return CaseSearchAnswer(context, request); }}};
}

}  // namespace mailroom::review
