// The parts of a broker or management URL that the jobcenter users need: where the broker is, who
// logs in, which vhost. rabbitmq-c parses amqp:// URLs for connecting, but keeps the parts to
// itself, and the management API has http:// URLs of its own.
#pragma once

#include <string>

#include "mailroom/common/result.h"

namespace mailroom::distributed {

struct UrlParts {
  std::string scheme;     ///< "amqp", "amqps", "http" or "https", lower case
  std::string user;       ///< percent-decoded; empty when the URL names none
  std::string password;   ///< percent-decoded
  std::string authority;  ///< "host:port" (or "host"), as written
  std::string path;       ///< percent-decoded, without the leading '/'; empty when none

  /// "scheme://user@authority/": safe for logs and error messages.
  [[nodiscard]] std::string Redacted() const;
  /// The AMQP vhost the path names: "/" for an empty path, as rabbitmq-c and most clients read it.
  [[nodiscard]] std::string Vhost() const { return path.empty() ? "/" : path; }
};

/// Splits `scheme://[user[:password]@]host[:port][/path]`. The error never repeats the URL (it may
/// carry a password).
[[nodiscard]] Result<UrlParts> ParseUrl(const std::string& url);

/// An amqp[s]:// URL for `user` and `password` on the broker and vhost of `broker`; the reverse of
/// ParseUrl.
[[nodiscard]] std::string AmqpUrl(const UrlParts& broker, const std::string& user, const std::string& password);

/// RFC 3986 percent-encoding of everything but the unreserved characters.
[[nodiscard]] std::string PercentEncode(const std::string& text);

}  // namespace mailroom::distributed
