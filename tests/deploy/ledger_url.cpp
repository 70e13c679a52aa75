#include "ledger_url.h"

#include <sstream>

namespace mailroom::testing {
namespace {

// The fields of one password-file line, split at unescaped colons (`\:` and `\\` are literal).
std::vector<std::string> PgpassFields(const std::string& line) {
  std::vector<std::string> fields(1);
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '\\' && i + 1 < line.size()) {
      fields.back() += line[++i];
    } else if (line[i] == ':' && fields.size() < 5) {
      fields.emplace_back();
    } else {
      fields.back() += line[i];
    }
  }
  return fields;
}

}  // namespace

std::optional<LedgerUrl> ParseLedgerUrl(std::string_view url) {
  for (std::string_view scheme : {"postgresql://", "postgres://"}) {
    if (!url.starts_with(scheme)) continue;
    std::string_view rest = url.substr(scheme.size());
    rest = rest.substr(0, rest.find('?'));
    const auto at = rest.find('@');
    const auto slash = rest.find('/');
    if (at == std::string_view::npos || slash == std::string_view::npos || at > slash) return std::nullopt;
    LedgerUrl parsed;
    const std::string_view userinfo = rest.substr(0, at);
    const auto colon = userinfo.find(':');
    parsed.user = std::string(userinfo.substr(0, colon));
    if (colon != std::string_view::npos) parsed.password = std::string(userinfo.substr(colon + 1));
    const std::string_view hostport = rest.substr(at + 1, slash - at - 1);
    const auto port = hostport.rfind(':');
    parsed.host = std::string(hostport.substr(0, port));
    if (port != std::string_view::npos) parsed.port = std::string(hostport.substr(port + 1));
    parsed.database = std::string(rest.substr(slash + 1));
    if (parsed.user.empty() || parsed.host.empty() || parsed.database.empty()) return std::nullopt;
    return parsed;
  }
  return std::nullopt;
}

std::optional<std::string> PgpassPassword(std::string_view file_text, const LedgerUrl& url) {
  std::istringstream in{std::string(file_text)};
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const auto fields = PgpassFields(line);
    if (fields.size() != 5) continue;
    const std::string wanted[] = {url.host, url.port, url.database, url.user};
    bool matches = true;
    for (int i = 0; i < 4; ++i) matches = matches && (fields[i] == "*" || fields[i] == wanted[i]);
    if (matches) return fields[4];
  }
  return std::nullopt;
}

bool NeedsLedger(const std::vector<std::string>& args) {
  if (args.empty()) return false;
  if (args[0] == "worker") return args.size() > 1 && (args[1] == "classify" || args[1] == "route" || args[1] == "%i");
  return args[0] == "dashboard" || args[0] == "ingest" || args[0] == "station";
}

}  // namespace mailroom::testing
