// `mailroom review serve`'s API over real HTTP: a real ledger (users, sessions, boxes), registry and
// output folder; each clerk sees and works only the mail of the jobcenters granted.
#include <fcntl.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include "desk_site.h"
#include "mailroom/common/event_log.h"

namespace mailroom::review::testing {
namespace {

nlohmann::json JsonOf(const httplib::Result& answer) {
  REQUIRE(answer);
  return nlohmann::json::parse(answer->body);
}

TEST_CASE("the in-tray lists only the documents of the clerk's jobcenters, objections first", "[review_server]") {
  DeskSite site;
  const auto kiel = site.LogIn("k.berg", {"jobcenter-kiel"});
  const auto lead = site.LogIn("team-lead", {std::string(ledger::kAllJobcenters)});
  CHECK(ListedIds(site.Get(kiel, "/api/review")) == std::vector<std::string>{"BOX-K-002", "BOX-K-001"});
  CHECK(ListedIds(site.Get(lead, "/api/review")) == std::vector<std::string>{"BOX-K-002", "BOX-K-001", "BOX-R-001"});

  const auto listed = JsonOf(site.Get(kiel, "/api/review"));
  const auto& first = listed["documents"][0];
  CHECK(first["priority"] == true);
  CHECK(first["origin"] == "jobcenter-kiel");
  CHECK(first["box_id"] == "BOX-K");
  CHECK(listed["documents"][1]["pages"] == 2);
  CHECK(listed["documents"][1]["candidates"] == nlohmann::json::array({kKielCase}));
  CHECK_FALSE(first["waiting"].get<std::string>().empty());
  CHECK(listed["problems"].empty());

  // A JSON in review/ that is no document is shown to every clerk, to be reported.
  REQUIRE(WriteFileAtomically(site.out() / "review/BOX-X-001.json", "{ not json"));
  const auto broken = JsonOf(site.Get(kiel, "/api/review"));
  REQUIRE(broken["problems"].size() == 1);
  CHECK_THAT(broken["problems"][0].get<std::string>(), Catch::Contains("BOX-X-001.json"));
}

TEST_CASE("without a session the API answers 401 and the page sends the browser to the login", "[review_server]") {
  DeskSite site;
  auto client = site.Client();
  auto api = client.Get("/api/review");
  REQUIRE(api);
  CHECK(api->status == 401);
  CHECK(JsonOf(api).contains("error"));
  auto page = client.Get("/", {{"Accept", "text/html"}});
  REQUIRE(page);
  CHECK(page->status == 303);
  CHECK(page->get_header_value("Location").rfind("/login", 0) == 0);
  auto action = client.Post("/api/review/BOX-K-001/assign", R"({"number":"35301BG0012345"})", "application/json");
  REQUIRE(action);
  CHECK((action->status == 401 || action->status == 403));
  CHECK(std::filesystem::exists(site.out() / "review/BOX-K-001.json"));
}

TEST_CASE("the page and its script and style are served from the binary", "[review_server]") {
  DeskSite site;
  const auto clerk = site.LogIn("k.berg", {"jobcenter-kiel"});
  auto page = site.Get(clerk, "/");
  REQUIRE(page);
  CHECK(page->status == 200);
  CHECK(page->get_header_value("Content-Type") == "text/html; charset=utf-8");
  CHECK_THAT(page->body, Catch::Contains("/desk.js"));
  CHECK_THAT(page->body, !Catch::Contains("<script>"));  // no inline script: the CSP would block it
  for (const char* asset : {"/desk.js", "/desk.css"}) {
    auto file = site.Get(clerk, asset);
    REQUIRE(file);
    CHECK(file->status == 200);
    CHECK_FALSE(file->body.empty());
  }
}

TEST_CASE("a document of another jobcenter is not shown, nor can it be worked", "[review_server]") {
  DeskSite site;
  const auto kiel = site.LogIn("k.berg", {"jobcenter-kiel"});
  for (const char* path : {"/api/review/BOX-R-001", "/api/review/BOX-R-001/pages/1.png"}) {
    auto answer = site.Get(kiel, path);
    REQUIRE(answer);
    CHECK(answer->status == 404);
  }
  // The same answer as for a document that is not there: nobody learns what other jobcenters have.
  const auto foreign = JsonOf(site.Get(kiel, "/api/review/BOX-R-001"));
  const auto missing = JsonOf(site.Get(kiel, "/api/review/BOX-R-099"));
  CHECK(foreign["error"].get<std::string>().find("BOX-R-001 is not in review") != std::string::npos);
  CHECK(missing["error"].get<std::string>().find("BOX-R-099 is not in review") != std::string::npos);

  auto assign = site.Post(kiel, "/api/review/BOX-R-001/assign", {{"number", kRostockCase}});
  REQUIRE(assign);
  CHECK(assign->status == 404);
  auto preview = site.Post(kiel, "/api/review/BOX-R-001/preview", {{"number", kRostockCase}});
  REQUIRE(preview);
  CHECK(preview->status == 404);
  CHECK_THAT(preview->body, !Catch::Contains("Franke"));
  CHECK(std::filesystem::exists(site.out() / "review/BOX-R-001.json"));
}

TEST_CASE("the detail view gets the fields, each page's text and the vocabularies; pages come as PNG",
          "[review_server]") {
  DeskSite site;
  const auto kiel = site.LogIn("k.berg", {"jobcenter-kiel"});
  const auto detail = JsonOf(site.Get(kiel, "/api/review/BOX-K-001"));
  CHECK(detail["document"]["document_id"] == "BOX-K-001");
  CHECK(detail["document"]["reason"] == "no case number found");
  CHECK(detail["document"]["pages"] == nlohmann::json::array({"0002.tif", "0003.tif"}));
  const auto& why = detail["document"]["candidate_evidence"];
  REQUIRE(why.size() == 1);
  CHECK(why[0]["bg_number"] == kKielCase);
  CHECK(why[0]["jobcenter_id"] == "jobcenter-kiel");
  CHECK(why[0]["score"] == 0.6);
  CHECK(why[0]["numbers"] == nlohmann::json::array({"printed_bg"}));
  CHECK(why[0]["person_match"] == nlohmann::json::array({"surname"}));
  REQUIRE(detail["pages"].size() == 2);
  CHECK(detail["pages"][1]["name"] == "0003.tif");
  CHECK(detail["pages"][1]["index"] == 2);
  CHECK_THAT(detail["pages"][1]["text"].get<std::string>(), Catch::Contains("Page 0003.tif"));
  CHECK(detail["pdf_error"].is_null());
  CHECK(detail["doc_types"].size() == 9);
  CHECK(detail["hand_account_kinds"] == nlohmann::json(HandAccountKinds()));

  auto png = site.Get(kiel, "/api/review/BOX-K-001/pages/2.png");
  REQUIRE(png);
  REQUIRE(png->status == 200);
  CHECK(png->get_header_value("Content-Type") == "image/png");
  CHECK(png->body.substr(0, 8) == "\x89PNG\r\n\x1a\n");
  auto sharper = site.Get(kiel, "/api/review/BOX-K-001/pages/2.png?dpi=200");
  REQUIRE(sharper);
  REQUIRE(sharper->status == 200);
  CHECK(sharper->body.size() > png->body.size());

  auto no_page = site.Get(kiel, "/api/review/BOX-K-001/pages/3.png");
  REQUIRE(no_page);
  CHECK(no_page->status == 404);
  auto bad_dpi = site.Get(kiel, "/api/review/BOX-K-001/pages/1.png?dpi=5000");
  REQUIRE(bad_dpi);
  CHECK(bad_dpi->status == 400);
  CHECK_THAT(JsonOf(bad_dpi)["error"].get<std::string>(), Catch::Contains("dpi must be a number from 20 to 300"));
}

TEST_CASE("a preview shows the case's persons; a wrong number is refused with the reason", "[review_server]") {
  DeskSite site;
  const auto kiel = site.LogIn("k.berg", {"jobcenter-kiel"});
  auto found = site.Post(kiel, "/api/review/BOX-K-001/preview", {{"number", "35301 bg 0012345"}});
  REQUIRE(found);
  REQUIRE(found->status == 200);
  const auto resolved = JsonOf(found);
  CHECK(resolved["bg_number"] == kKielCase);
  CHECK(resolved["jobcenter_id"] == "jobcenter-kiel");
  CHECK(resolved["persons"] == nlohmann::json::array({"Svenja Thomsen, born 1971-09-26"}));
  CHECK(std::filesystem::exists(site.out() / "review/BOX-K-001.json"));  // a preview writes nothing

  auto wrong = site.Post(kiel, "/api/review/BOX-K-001/preview", {{"number", "35301BG0099999"}});
  REQUIRE(wrong);
  CHECK(wrong->status == 422);
  CHECK_THAT(JsonOf(wrong)["error"].get<std::string>(),
             Catch::Contains("is neither a registered BG number nor a registered customer number"));
  auto refused = site.Post(kiel, "/api/review/BOX-K-001/assign", {{"number", "35301BG0099999"}});
  REQUIRE(refused);
  CHECK(refused->status == 422);
  CHECK(std::filesystem::exists(site.out() / "review/BOX-K-001.json"));

  // A case of a jobcenter the clerk may not work: refused before its persons are shown.
  auto foreign = site.Post(kiel, "/api/review/BOX-K-001/preview", {{"number", kRostockCase}});
  REQUIRE(foreign);
  CHECK(foreign->status == 403);
  CHECK_THAT(foreign->body, !Catch::Contains("Franke"));
  CHECK_THAT(JsonOf(foreign)["error"].get<std::string>(), Catch::Contains("jobcenter-rostock"));
  auto foreign_assign = site.Post(kiel, "/api/review/BOX-K-001/assign", {{"number", kRostockCase}});
  REQUIRE(foreign_assign);
  CHECK(foreign_assign->status == 403);

  auto not_json =
      site.Client().Post("/api/review/BOX-K-001/preview", {{"Cookie", kiel.cookie}, {"X-CSRF-Token", kiel.csrf_token}},
                         "number=1", "application/json");
  REQUIRE(not_json);
  CHECK(not_json->status == 400);
}

TEST_CASE("a POST without the session's CSRF token is refused and changes nothing", "[review_server]") {
  DeskSite site;
  const auto kiel = site.LogIn("k.berg", {"jobcenter-kiel"});
  const std::string body = nlohmann::json{{"number", kKielCase}}.dump();
  auto client = site.Client();
  auto without = client.Post("/api/review/BOX-K-001/assign", {{"Cookie", kiel.cookie}}, body, "application/json");
  REQUIRE(without);
  CHECK(without->status == 403);
  auto wrong = client.Post("/api/review/BOX-K-001/assign", {{"Cookie", kiel.cookie}, {"X-CSRF-Token", "0123abcd"}},
                           body, "application/json");
  REQUIRE(wrong);
  CHECK(wrong->status == 403);
  CHECK(std::filesystem::exists(site.out() / "review/BOX-K-001.json"));
}

/// The event log's lines while it lives, from a file instead of stderr.
class CapturedLog {
 public:
  CapturedLog() : before_(eventlog::Current()) {
    fd_ = ::open((dir_ / "log.txt").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    REQUIRE(fd_ >= 0);
    eventlog::Configure({eventlog::Format::kText, eventlog::Level::kDebug, fd_});
  }
  ~CapturedLog() {
    eventlog::Configure(before_);
    ::close(fd_);
  }
  std::string Text() const { return ReadWholeFile(dir_ / "log.txt").value_or(""); }

 private:
  mailroom::testing::TempDir dir_;
  eventlog::Settings before_;
  int fd_ = -1;
};

TEST_CASE("an assignment delivers the document as resolved by the logged-in clerk", "[review_server]") {
  DeskSite site;
  const auto kiel = site.LogIn("k.berg", {"jobcenter-kiel"});
  CapturedLog log;
  REQUIRE(site.Post(kiel, "/api/review/BOX-K-001/preview", {{"number", kKielCase}}));
  auto done = site.Post(kiel, "/api/review/BOX-K-001/assign", {{"number", kKielCase}, {"doc_type", "rent"}});
  REQUIRE(done);
  REQUIRE(done->status == 200);
  const auto outcome = JsonOf(done);
  CHECK(outcome["delivered"] == "postkorb/jobcenter-kiel/leistung/BOX-K-001.json");
  CHECK_THAT(outcome["summary"].get<std::string>(), Catch::Contains("BOX-K-001"));
  CHECK(outcome["box_delivered"] == false);  // BOX-K-002 is still in review
  auto delivered = ReadWholeFile(site.out() / "postkorb/jobcenter-kiel/leistung/BOX-K-001.json");
  REQUIRE(delivered);
  const auto json = nlohmann::json::parse(*delivered);
  CHECK(json["resolved_by"] == "k.berg");
  CHECK(json["bg_number"] == kKielCase);
  CHECK(json["doc_type"] == "rent");
  CHECK(ListedIds(site.Get(kiel, "/api/review")) == std::vector<std::string>{"BOX-K-002"});
  // The log names the document, the box and who; never the persons the clerk was shown.
  CHECK_THAT(log.Text(), Catch::Contains("review.desk.assign box=BOX-K document=BOX-K-001 by=k.berg"));
  CHECK_THAT(log.Text(), !Catch::Contains("Thomsen"));

  // Gone from review: a second assignment finds nothing to do.
  auto again = site.Post(kiel, "/api/review/BOX-K-001/assign", {{"number", kKielCase}});
  REQUIRE(again);
  CHECK(again->status == 404);
}

TEST_CASE("a split leaves two review documents, and accounting a page takes its document aside", "[review_server]") {
  DeskSite site;
  const auto kiel = site.LogIn("k.berg", {"jobcenter-kiel"});
  auto at_one = site.Post(kiel, "/api/review/BOX-K-001/split", {{"at", 1}});
  REQUIRE(at_one);
  CHECK(at_one->status == 422);  // the second part must start at page 2 or later
  auto not_a_number = site.Post(kiel, "/api/review/BOX-K-001/split", {{"at", "two"}});
  REQUIRE(not_a_number);
  CHECK(not_a_number->status == 400);

  auto split = site.Post(kiel, "/api/review/BOX-K-001/split", {{"at", 2}});
  REQUIRE(split);
  REQUIRE(split->status == 200);
  CHECK(JsonOf(split)["documents"] == nlohmann::json::array({"BOX-K-001.1", "BOX-K-001.2"}));
  CHECK(ListedIds(site.Get(kiel, "/api/review")) ==
        std::vector<std::string>{"BOX-K-002", "BOX-K-001.1", "BOX-K-001.2"});

  auto not_a_page = site.Post(kiel, "/api/review/BOX-K-002/account",
                              {{"page", "0009.tif"}, {"kind", "unreadable"}, {"reason", "torn"}});
  REQUIRE(not_a_page);
  CHECK(not_a_page->status == 422);
  auto accounted = site.Post(kiel, "/api/review/BOX-K-002/account",
                             {{"page", "0005.tif"}, {"kind", "unreadable"}, {"reason", "torn"}});
  REQUIRE(accounted);
  REQUIRE(accounted->status == 200);
  CHECK(std::filesystem::exists(site.out() / "accounted/BOX-K-002.json"));
  CHECK(ListedIds(site.Get(kiel, "/api/review")) == std::vector<std::string>{"BOX-K-001.1", "BOX-K-001.2"});
}

TEST_CASE("a join puts the pages after those of the box's document before it; a rescan keeps the document",
          "[review_server]") {
  DeskSite site;
  const auto kiel = site.LogIn("k.berg", {"jobcenter-kiel"});
  auto first = site.Post(kiel, "/api/review/BOX-K-001/join", nlohmann::json::object());
  REQUIRE(first);
  CHECK(first->status == 422);  // nothing of the box comes before it
  CHECK_THAT(JsonOf(first)["error"].get<std::string>(), Catch::Contains("BOX-K-001"));

  auto rescan = site.Post(kiel, "/api/review/BOX-K-002/rescan", {{"page", "0005.tif"}, {"reason", "smudged"}});
  REQUIRE(rescan);
  REQUIRE(rescan->status == 200);
  CHECK(JsonOf(rescan)["documents"] == nlohmann::json::array({"BOX-K-002"}));  // the page view shows it again
  auto no_reason = site.Post(kiel, "/api/review/BOX-K-002/rescan", {{"page", "0005.tif"}});
  REQUIRE(no_reason);
  CHECK(no_reason->status == 400);
  CHECK_THAT(JsonOf(no_reason)["error"].get<std::string>(), Catch::Contains("\"reason\""));

  auto joined = site.Post(kiel, "/api/review/BOX-K-002/join", nlohmann::json::object());
  REQUIRE(joined);
  REQUIRE(joined->status == 200);
  CHECK(JsonOf(joined)["documents"] == nlohmann::json::array({"BOX-K-001"}));
  const auto detail = JsonOf(site.Get(kiel, "/api/review/BOX-K-001"));
  CHECK(detail["document"]["pages"] == nlohmann::json::array({"0002.tif", "0003.tif", "0005.tif"}));
}

TEST_CASE("a case is found by its person among the clerk's jobcenters; one fact alone is refused", "[review_server]") {
  DeskSite site;
  const auto kiel = site.LogIn("k.berg", {"jobcenter-kiel"});
  const auto found = JsonOf(site.Get(kiel, "/api/cases?q=thomsen%2026.09.1971"));
  REQUIRE(found["cases"].size() == 1);
  CHECK(found["cases"][0]["bg_number"] == "35301BG0012345");
  CHECK_THAT(found["cases"][0]["persons"][0].get<std::string>(), Catch::StartsWith("Svenja Thomsen, born 1971-09-26"));
  // Rostock's person is not offered to a Kiel clerk, even when both facts match.
  CHECK(JsonOf(site.Get(kiel, "/api/cases?q=Franke%20Kevin"))["cases"].empty());
  auto alone = site.Get(kiel, "/api/cases?q=Thomsen");
  CHECK(alone->status == 422);
  CHECK_THAT(JsonOf(alone)["error"].get<std::string>(), Catch::Contains("a name and one more fact"));
  CHECK(site.Get(kiel, "/api/cases")->status == 400);
}

TEST_CASE("a document is forwarded to its jobcenter without a case, never to one the clerk may not work",
          "[review_server]") {
  DeskSite site;
  const auto kiel = site.LogIn("k.berg", {"jobcenter-kiel"});
  auto foreign = site.Post(kiel, "/api/review/BOX-K-001/forward", {{"jobcenter_id", "jobcenter-rostock"}});
  REQUIRE(foreign);
  CHECK(foreign->status == 403);
  auto forwarded = site.Post(kiel, "/api/review/BOX-K-001/forward", nlohmann::json::object());
  REQUIRE(forwarded);
  REQUIRE(forwarded->status == 200);
  const auto outcome = JsonOf(forwarded);
  CHECK_THAT(outcome["summary"].get<std::string>(), Catch::Contains("without a case"));
  const auto json = nlohmann::json::parse(*ReadWholeFile(site.out() / outcome["delivered"].get<std::string>()));
  CHECK(json["jobcenter_id"] == "jobcenter-kiel");
  CHECK(json["bg_number"].is_null());
  CHECK(json["resolved_by"] == "k.berg");
}

}  // namespace
}  // namespace mailroom::review::testing
