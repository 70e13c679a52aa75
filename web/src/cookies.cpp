#include "cookies.h"

#include <sys/random.h>

#include <array>
#include <cstdio>
#include <stdexcept>

namespace mailroom::web {

std::string CookieValue(std::string_view header, std::string_view name) {
  // "a=1; b=2": pairs separated by ';' and optional spaces.
  while (!header.empty()) {
    const auto end = header.find(';');
    std::string_view pair = header.substr(0, end);
    while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
    const auto equals = pair.find('=');
    if (equals != std::string_view::npos && pair.substr(0, equals) == name) return std::string(pair.substr(equals + 1));
    if (end == std::string_view::npos) break;
    header.remove_prefix(end + 1);
  }
  return "";
}

std::string SetCookie(std::string_view name, std::string_view value, std::string_view path, bool secure,
                      std::optional<int> max_age) {
  std::string cookie =
      std::string(name) + "=" + std::string(value) + "; Path=" + std::string(path) + "; HttpOnly; SameSite=Strict";
  if (max_age) cookie += "; Max-Age=" + std::to_string(*max_age);
  if (secure) cookie += "; Secure";
  return cookie;
}

std::string RandomHex() {
  std::array<unsigned char, 32> bytes{};
  std::size_t got = 0;
  while (got < bytes.size()) {
    const ssize_t n = ::getrandom(bytes.data() + got, bytes.size() - got, 0);
    if (n < 0) throw std::runtime_error("getrandom failed: no random token can be made");
    got += static_cast<std::size_t>(n);
  }
  std::string hex;
  for (unsigned char b : bytes) {
    std::array<char, 3> two{};
    std::snprintf(two.data(), two.size(), "%02x", b);
    hex += two.data();
  }
  return hex;
}

bool SameToken(std::string_view a, std::string_view b) {
  if (a.empty() || a.size() != b.size()) return false;
  unsigned char diff = 0;
  for (std::size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  return diff == 0;
}

}  // namespace mailroom::web
