// A review desk served on 127.0.0.1 over a real ledger, registry and output folder, as `mailroom
// process --ledger` leaves them: box BOX-K from jobcenter-kiel (BOX-K-001, two pages; BOX-K-002, an
// objection) and box BOX-R from jobcenter-rostock (BOX-R-001), every document in review with its
// pages recorded in the ledger. Users log in through the web server's real form.
#pragma once

#include <httplib.h>

#include <catch2/catch.hpp>
#include <memory>
#include <nlohmann/json.hpp>
#include <regex>
#include <string>
#include <vector>

#include "mailroom/common/atomic_file.h"
#include "mailroom/ledger/ledger.h"
#include "mailroom/ledger/users.h"
#include "mailroom/review/desk_server.h"
#include "mailroom/routing/output.h"
#include "temp_dir.h"

namespace mailroom::review::testing {

inline constexpr const char* kPassword = "correct horse battery";
inline constexpr const char* kKielCase = "35301BG0012345";
inline constexpr const char* kRostockCase = "13201BG0054321";

/// A logged-in browser, as far as the API is concerned: the session cookie and its CSRF token.
struct Clerk {
  std::string cookie;  ///< "mailroom_session=..."
  std::string csrf_token;
};

class DeskSite {
 public:
  DeskSite() {
    WriteRegistry();
    WriteReviewDocuments();
    RecordInLedger();
    DeskServerOptions options;
    options.port = 0;
    options.desk.out_dir = out();
    options.desk.ledger_file = ledger_file();
    options.desk.registry_dir = dir_ / "registry";
    auto server = DeskServer::Start(options);
    REQUIRE(server);
    server_ = std::move(*server);
  }

  std::filesystem::path out() const { return dir_ / "out"; }
  std::filesystem::path ledger_file() const { return dir_ / "ledger.sqlite"; }
  httplib::Client Client() const { return httplib::Client("127.0.0.1", server_->port()); }

  /// Adds `login` with these grants (jobcenter ids, or "*") and logs in through the form.
  Clerk LogIn(const std::string& login, const std::vector<std::string>& jobcenters) {
    {
      auto ledger = ledger::Ledger::Open(ledger_file());
      REQUIRE(ledger);
      REQUIRE(ledger::Users(*ledger).Add(login, kPassword, jobcenters, {"admin", UtcNow()}));
    }
    auto client = Client();
    auto form = client.Get("/login");
    REQUIRE(form);
    std::smatch csrf;
    REQUIRE(std::regex_search(form->body, csrf, std::regex(R"re(name="csrf" value="([0-9a-f]+)")re")));
    auto posted =
        client.Post("/login", {{"Cookie", "mailroom_login=" + CookieValue(*form, "mailroom_login")}},
                    httplib::Params{{"login", login}, {"password", kPassword}, {"next", "/"}, {"csrf", csrf[1].str()}});
    REQUIRE(posted);
    REQUIRE(posted->status == 303);
    Clerk clerk{"mailroom_session=" + CookieValue(*posted, "mailroom_session"), ""};
    auto session = client.Get("/api/session", {{"Cookie", clerk.cookie}});
    REQUIRE(session);
    REQUIRE(session->status == 200);
    clerk.csrf_token = nlohmann::json::parse(session->body)["csrf_token"];
    return clerk;
  }

  httplib::Result Get(const Clerk& clerk, const std::string& path) const {
    return Client().Get(path, {{"Cookie", clerk.cookie}});
  }

  /// A POST as the page sends it: JSON, with the session's CSRF token.
  httplib::Result Post(const Clerk& clerk, const std::string& path, const nlohmann::json& body) const {
    return Client().Post(path, {{"Cookie", clerk.cookie}, {"X-CSRF-Token", clerk.csrf_token}}, body.dump(),
                         "application/json");
  }

 private:
  static std::string CookieValue(const httplib::Response& response, const std::string& name) {
    for (const auto& [header, value] : response.headers) {
      if (header == "Set-Cookie" && value.rfind(name + "=", 0) == 0) {
        return value.substr(name.size() + 1, value.find(';') - name.size() - 1);
      }
    }
    FAIL("no cookie " << name << " in the response");
    return "";
  }

  void WriteRegistry() const {
    REQUIRE(CreatePrivateDirectories(dir_ / "registry"));
    REQUIRE(WriteFileAtomically(dir_ / "registry/jobcenters.csv",
                                "jobcenter_id,name,dienststelle\njobcenter-kiel,Jobcenter Kiel,35301\n"
                                "jobcenter-rostock,Jobcenter Rostock,13201\n"));
    REQUIRE(WriteFileAtomically(
        dir_ / "registry/cases.csv",
        "bg_number,customer_number,jobcenter_id,surname,given_name,birth_date,street,postcode,city\n"
        "35301BG0012345,123D456789,jobcenter-kiel,Thomsen,Svenja,1971-09-26,Hafenweg 1,24103,Kiel\n"
        "13201BG0054321,230B400143,jobcenter-rostock,Franke,Kevin,1980-02-11,Hauptstraße 7,18099,Rostock\n"));
  }

  struct Planned {
    std::string box_id, document_id;
    bool objection;
    std::vector<std::string> pages;
    std::vector<std::string> candidates;
  };

  std::vector<Planned> Plan() const {
    return {{"BOX-K", "BOX-K-001", false, {"0002.tif", "0003.tif"}, {kKielCase}},
            {"BOX-K", "BOX-K-002", true, {"0005.tif"}, {}},
            {"BOX-R", "BOX-R-001", false, {"0002.tif"}, {kRostockCase}}};
  }

  // Each page a PDF with a text layer (the text drawn as a notice page draws it), as OCR leaves it.
  void WriteReviewDocuments() const {
    auto out = routing::OutputFolder::Open(this->out());
    REQUIRE(out);
    REQUIRE(CreatePrivateDirectories(out->scratch()));
    for (const auto& planned : Plan()) {
      routing::DocumentInput input;
      input.box_id = planned.box_id;
      input.document_id = planned.document_id;
      input.box_arrived_at = "2026-12-01T08:00:00Z";
      input.classification.doc_type = planned.objection ? "objection" : "letter";
      input.classification.priority = planned.objection;
      input.classification.reason = "no case number found";
      input.classification.candidates = planned.candidates;
      for (const auto& candidate : planned.candidates) {
        input.classification.candidate_evidence.push_back(
            {candidate,
             candidate == kKielCase ? "jobcenter-kiel" : "jobcenter-rostock",
             0.6,
             {"printed_bg"},
             {"surname"}});
      }
      for (const auto& page : planned.pages) {
        const auto pdf = out->scratch() / (planned.document_id + "-" + page + ".pdf");
        REQUIRE(routing::WriteNoticePdf(pdf, "Sehr geehrte Damen und Herren,\nPage " + page));
        input.page_names.push_back(page);
        input.page_pdfs.push_back(pdf);
      }
      REQUIRE(routing::WriteDocument(*out, input));
    }
    REQUIRE(out->Commit());
  }

  void RecordInLedger() const {
    auto ledger = ledger::Ledger::Open(ledger_file());
    REQUIRE(ledger);
    const auto day = std::chrono::sys_days{std::chrono::year{2026} / 12 / 1};
    const ledger::Stamp stamp{"op-1", day};
    for (const auto& [box, origin] : {std::pair{"BOX-K", "jobcenter-kiel"}, std::pair{"BOX-R", "jobcenter-rostock"}}) {
      REQUIRE(ledger->RegisterBox({box, std::string("S-") + box, origin, day, "op-1"}));
      REQUIRE(ledger->Advance(box, ledger::BoxState::kScanning, stamp));
      REQUIRE(ledger->RecordPagesCaptured(box, box == std::string("BOX-K") ? 3 : 1, stamp));
      REQUIRE(ledger->Advance(box, ledger::BoxState::kScanned, stamp));
      REQUIRE(ledger->Advance(box, ledger::BoxState::kProcessing, stamp));
    }
    for (const auto& planned : Plan()) {
      for (const auto& page : planned.pages) {
        REQUIRE(ledger->RecordPageDelivered(
            planned.box_id, {page, planned.document_id, ledger::kReviewJobcenter, "", day + std::chrono::hours{1}}));
      }
    }
  }

  mailroom::testing::TempDir dir_;
  std::unique_ptr<DeskServer> server_;
};

/// The document ids of a GET /api/review answer, in its order.
inline std::vector<std::string> ListedIds(const httplib::Result& answer) {
  REQUIRE(answer);
  REQUIRE(answer->status == 200);
  std::vector<std::string> ids;
  const auto listed = nlohmann::json::parse(answer->body);  // kept: a loop over a temporary's member dangles
  for (const auto& document : listed["documents"]) ids.push_back(document["document_id"]);
  return ids;
}

}  // namespace mailroom::review::testing
