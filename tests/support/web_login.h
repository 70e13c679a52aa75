// Logging in to a mailroom web page (web/server.h) as a browser does: GET /login for the form and
// its token cookie, POST the form. httplib's client keeps no cookies, so the cookies travel by hand.
#pragma once

#include <httplib.h>

#include <catch2/catch.hpp>
#include <regex>
#include <string>

namespace mailroom::testing {

/// The value of cookie `name` among a response's Set-Cookie headers, or "".
inline std::string SetCookieValue(const httplib::Result& response, const std::string& name) {
  for (const auto& [header, value] : response->headers) {
    if (header != "Set-Cookie" || value.rfind(name + "=", 0) != 0) continue;
    return value.substr(name.size() + 1, value.find(';') - name.size() - 1);
  }
  return "";
}

/// What the POST /login answered.
struct LoginAttempt {
  int status = 0;
  std::string location;
  std::string session;  ///< the session cookie's value; empty when refused
  std::string body;
};

inline LoginAttempt PostLoginForm(httplib::Client& client, const std::string& login, const std::string& password,
                                  const std::string& next = "/") {
  auto form = client.Get("/login");
  REQUIRE(form);
  REQUIRE(form->status == 200);
  const std::string form_cookie = SetCookieValue(form, "mailroom_login");
  std::smatch match;
  REQUIRE(std::regex_search(form->body, match, std::regex(R"re(name="csrf" value="([0-9a-f]+)")re")));
  httplib::Params fields{{"login", login}, {"password", password}, {"next", next}, {"csrf", match[1].str()}};
  auto posted = client.Post("/login", {{"Cookie", "mailroom_login=" + form_cookie}}, fields);
  REQUIRE(posted);
  return {posted->status, posted->get_header_value("Location"), SetCookieValue(posted, "mailroom_session"),
          posted->body};
}

/// Logs in with the right password; the session cookie's value.
inline std::string LogInThroughForm(httplib::Client& client, const std::string& login, const std::string& password) {
  auto attempt = PostLoginForm(client, login, password);
  REQUIRE(attempt.status == 303);
  REQUIRE_FALSE(attempt.session.empty());
  return attempt.session;
}

/// `more` with the session's cookie.
inline httplib::Headers WithSession(const std::string& session, httplib::Headers more = {}) {
  more.emplace("Cookie", "mailroom_session=" + session);
  return more;
}

}  // namespace mailroom::testing
