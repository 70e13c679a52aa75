#include "url_parts.h"

#include <algorithm>
#include <cctype>

namespace mailroom::distributed {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

Result<std::string> PercentDecode(const std::string& text, const char* what) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      out += text[i];
      continue;
    }
    const int high = i + 2 < text.size() ? HexValue(text[i + 1]) : -1;
    const int low = i + 2 < text.size() ? HexValue(text[i + 2]) : -1;
    if (high < 0 || low < 0) return Fail(std::string("invalid URL: bad percent-encoding in the ") + what);
    out += static_cast<char>(high * 16 + low);
    i += 2;
  }
  return out;
}

}  // namespace

std::string UrlParts::Redacted() const {
  return scheme + "://" + (user.empty() ? "" : PercentEncode(user) + "@") + authority + "/";
}

Result<UrlParts> ParseUrl(const std::string& url) {
  UrlParts parts;
  const auto scheme_end = url.find("://");
  if (scheme_end == std::string::npos || scheme_end == 0) {
    return Fail("invalid URL (expected scheme://user:password@host:port/path)");
  }
  parts.scheme = url.substr(0, scheme_end);
  std::transform(parts.scheme.begin(), parts.scheme.end(), parts.scheme.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  std::string rest = url.substr(scheme_end + 3);
  const auto path_start = rest.find('/');
  std::string path = path_start == std::string::npos ? "" : rest.substr(path_start + 1);
  rest = rest.substr(0, path_start);
  // The last '@' ends the user info: a password may contain an unencoded '@', a host never does.
  if (const auto at = rest.rfind('@'); at != std::string::npos) {
    const std::string user_info = rest.substr(0, at);
    rest = rest.substr(at + 1);
    const auto colon = user_info.find(':');
    auto user = PercentDecode(user_info.substr(0, colon), "user name");
    if (!user) return tl::unexpected(user.error());
    parts.user = *user;
    if (colon != std::string::npos) {
      auto password = PercentDecode(user_info.substr(colon + 1), "password");
      if (!password) return tl::unexpected(password.error());
      parts.password = *password;
    }
  }
  if (rest.empty()) return Fail("invalid URL: no host (expected scheme://user:password@host:port/path)");
  parts.authority = rest;
  auto decoded_path = PercentDecode(path, "path");
  if (!decoded_path) return tl::unexpected(decoded_path.error());
  parts.path = *decoded_path;
  return parts;
}

std::string AmqpUrl(const UrlParts& broker, const std::string& user, const std::string& password) {
  // The default vhost as an empty path, the way this project's URLs write it everywhere.
  const std::string vhost = broker.Vhost() == "/" ? "" : PercentEncode(broker.Vhost());
  return broker.scheme + "://" + PercentEncode(user) + ":" + PercentEncode(password) + "@" + broker.authority + "/" +
         vhost;
}

std::string PercentEncode(const std::string& text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const unsigned char c : text) {
    if (std::isalnum(c) != 0 || c == '-' || c == '.' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    }
  }
  return out;
}

}  // namespace mailroom::distributed
