// Cookies and tokens of the web pages: reading a Cookie header, writing Set-Cookie, random
// tokens and their comparison.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace mailroom::web {

/// The value of cookie `name` in a Cookie request header, or "".
[[nodiscard]] std::string CookieValue(std::string_view cookie_header, std::string_view name);

/// A Set-Cookie value: HttpOnly, SameSite=Strict, `path`, Secure when `secure`; with `max_age`
/// (seconds; 0 deletes the cookie) or, without, a cookie that ends with the browser session.
[[nodiscard]] std::string SetCookie(std::string_view name, std::string_view value, std::string_view path, bool secure,
                                    std::optional<int> max_age = std::nullopt);

/// 32 bytes from the kernel's random source (getrandom), as 64 hex digits.
[[nodiscard]] std::string RandomHex();

/// Compares in time that depends on the length only, so a token cannot be guessed byte by byte
/// from the time its refusal takes. Empty never equals.
[[nodiscard]] bool SameToken(std::string_view a, std::string_view b);

}  // namespace mailroom::web
