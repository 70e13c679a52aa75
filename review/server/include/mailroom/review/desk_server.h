// `mailroom review serve`: the review desk as a web page, for clerks. The page (review/server/web/,
// built into the binary) and a JSON API over review::Desk, behind the login of mailroom::web (users
// and sessions in the ledger; every POST carries the session's X-CSRF-Token). A clerk sees and works
// only documents whose box comes from a jobcenter he is granted, and assigns only to cases of such a
// jobcenter. Every action is one POST; the clerk's login is the one who decided.
//
// The API (JSON bodies; every error is {"error": "..."} in words for the clerk):
//   GET  /api/review                   {"documents": [{document_id, box_id, origin, reason, priority,
//                                       box_arrived_at, waiting, doc_type, pages (a count), candidates}],
//                                       "problems": ["..."]}  the open documents the clerk may work, in
//                                       working order (objections, then the longest waiting); problems:
//                                       review files that are no document, documents of a box the ledger
//                                       does not know (nobody can work them here: to be reported)
//   GET  /api/review/<id>              {"document": {the list's fields, pages (names), confidence, evidence,
//                                       person_match, contested_decision_date, candidate_evidence},
//                                       "pages": [{name, index (1-based), text (OCR)}], "pdf_error": null|"...",
//                                       "doc_types": [...], "hand_account_kinds": [...]}
//   GET  /api/cases?q=NAME FACT     cases whose person matches (a name and one more fact: another name,
//                                       birth date DD.MM.YYYY, postcode), of the clerk's jobcenters:
//                                       {"cases": [{bg_number, jobcenter_id, persons: ["..."]}]}; 422 for
//                                       one fact alone
//   GET  /api/review/<id>/pages/<n>.png?dpi=D   page n (1-based) as PNG, D in 20..300 (default 100)
//   POST /api/review/<id>/preview {number, doc_type?}  the case: {bg_number, jobcenter_id, doc_type, team,
//                                       persons: ["Given Surname, born YYYY-MM-DD"]}; writes nothing
//   POST /api/review/<id>/assign  {number, doc_type?}
//   POST /api/review/<id>/split   {at}            at: the first page (1-based) of the second part
//   POST /api/review/<id>/join    {}
//   POST /api/review/<id>/account {page, kind, reason}   page: its name; kind: one of hand_account_kinds
//   POST /api/review/<id>/rescan  {page, reason}
//   POST /api/review/<id>/forward {jobcenter_id?, doc_type?}  to the jobcenter (default: the box's
//                                       origin) without a case, for its staff to find the case
//                                      each action: {summary, documents, delivered, box_delivered}
// Statuses: 400 a body or parameter that is not as above; 401 no session; 403 no CSRF token, or a case
// of a jobcenter the clerk may not work; 404 a document not in review, or of a jobcenter the clerk may
// not work (the same answer: nobody learns which documents others have); 422 a refusal of the desk
// (a wrong number, a page not in the document: the clerk's to fix); 500 a failure of the system.
// The log names ids only (document, box, login, action), never a person or page text.
#pragma once

#include <memory>
#include <string>

#include "mailroom/common/result.h"
#include "mailroom/review/desk.h"

namespace mailroom::review {

struct DeskServerOptions {
  std::string bind = "127.0.0.1";  ///< the address to listen on
  int port = 8090;                 ///< 0: a free port (see DeskServer::port)
  DeskOptions desk;                ///< the output folder, ledger (users and sessions too), registry, teams
  /// Marks the session cookie Secure, for pages served through an HTTPS proxy.
  bool secure_cookie = false;
};

class DeskServer {
 public:
  /// Opens the desk (registry, ledger, output folder) and serves until destroyed. Fails naming
  /// the file or the address when one of them cannot be opened or listened on.
  [[nodiscard]] static Result<std::unique_ptr<DeskServer>> Start(const DeskServerOptions& options);
  ~DeskServer();
  DeskServer(const DeskServer&) = delete;
  DeskServer& operator=(const DeskServer&) = delete;

  /// The port it listens on (the chosen one, with port 0).
  [[nodiscard]] int port() const;

 private:
  struct State;
  explicit DeskServer(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

}  // namespace mailroom::review
