// The login form, filled in, and the one rule for where a login may lead.
#pragma once

#include <string>
#include <string_view>

namespace mailroom::web {

/// The form of assets/login.html with `title`, the hidden `next` and `csrf`, and an error line
/// (none when `error` is empty), every value HTML-escaped.
[[nodiscard]] std::string LoginPage(std::string_view title, std::string_view next, std::string_view csrf,
                                    std::string_view error);

/// `next` when it is a path of this server ("/review?x=1"), else "/": a login must never send the
/// browser to another site ("//evil.example", "https://...", "/\evil.example"), nor back to /login.
[[nodiscard]] std::string SafeNext(std::string_view next);

}  // namespace mailroom::web
