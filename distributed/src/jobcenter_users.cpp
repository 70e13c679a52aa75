#include "mailroom/distributed/jobcenter_users.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <string_view>

#include "mailroom/common/atomic_file.h"
#include "management_api.h"
#include "random_password.h"
#include "url_parts.h"

namespace mailroom::distributed {
namespace {

// The id becomes a file name and part of a user name: no path separators, no hidden files.
bool SafeId(const std::string& id) {
  return !id.empty() && id.front() != '.' && std::all_of(id.begin(), id.end(), [](unsigned char c) {
    return std::isalnum(c) != 0 || c == '-' || c == '_' || c == '.';
  });
}

// The password of `user` in an existing URL file; empty when there is none to keep (no file, or a
// file for another user or broker, which a password of ours must not be mixed with).
Result<std::string> KeptPassword(const std::filesystem::path& url_file, const std::string& user) {
  std::error_code ec;
  if (!std::filesystem::exists(url_file, ec)) return std::string();
  auto text = ReadWholeFile(url_file);
  if (!text) return tl::unexpected(text.error());
  const std::string line = text->substr(0, text->find('\n'));
  auto parts = ParseUrl(line);
  if (!parts || parts->user != user) return std::string();
  return parts->password;
}

Result<JobcenterUser> SetUpOne(ManagementApi& api, const UrlParts& broker, const Topology& names,
                               const std::string& jobcenter_id, const JobcenterUsersOptions& options) {
  if (!SafeId(jobcenter_id)) {
    return Fail("jobcenter '" + jobcenter_id + "': an id for a broker user is letters, digits, '-', '_' and '.'");
  }
  JobcenterUser made{jobcenter_id, names.JobcenterUser(jobcenter_id), options.credentials_dir / (jobcenter_id + ".url"),
                     false};
  std::string password;
  if (!options.rotate_passwords) {
    auto kept = KeptPassword(made.url_file, made.user);
    if (!kept) return tl::unexpected(kept.error());
    password = *kept;
  }
  if (password.empty()) {
    auto fresh = RandomPassword();
    if (!fresh) return tl::unexpected(fresh.error());
    password = *fresh;
    made.new_password = true;
  }
  // The file first: should the broker call fail, the next run finds the password and sets it.
  if (auto written = WriteFileAtomically(made.url_file, AmqpUrl(broker, made.user, password) + "\n"); !written) {
    return tl::unexpected(written.error());
  }
  if (auto put = api.PutUser(made.user, password, /*tags=*/""); !put) return tl::unexpected(put.error());
  if (auto put = api.PutPermissions(broker.Vhost(), made.user, JobcenterPermissions(names, jobcenter_id)); !put) {
    return tl::unexpected(put.error());
  }
  return made;
}

}  // namespace

std::string RegexEscape(const std::string& text) {
  static constexpr std::string_view kSpecial = R"(\^$.|?*+()[]{})";
  std::string out;
  for (const char c : text) {
    if (kSpecial.find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

Permissions JobcenterPermissions(const Topology& names, const std::string& jobcenter_id) {
  return {.configure = "^$", .write = "^$", .read = "^" + RegexEscape(names.Postkorb(jobcenter_id)) + "$"};
}

Result<std::vector<JobcenterUser>> SetUpJobcenterUsers(const classifier::Registry& registry,
                                                       const JobcenterUsersOptions& options) {
  auto broker = ParseUrl(options.broker_url);
  if (!broker) return tl::unexpected(broker.error().Prefixed("broker URL"));
  if (broker->scheme != "amqp" && broker->scheme != "amqps") {
    return Fail("broker URL: expected amqp:// or amqps://, not " + broker->scheme + "://");
  }
  if (auto made = CreatePrivateDirectories(options.credentials_dir); !made) return tl::unexpected(made.error());
  auto api = ManagementApi::Open(options.management_url, broker->user, broker->password, options.timeout);
  if (!api) return tl::unexpected(api.error());
  const Topology names(options.prefix);
  std::vector<JobcenterUser> users;
  for (const auto& [id, jobcenter] : registry.jobcenters) {
    auto user = SetUpOne(*api, *broker, names, id, options);
    if (!user) return tl::unexpected(user.error().Prefixed("user for jobcenter " + id));
    users.push_back(std::move(*user));
  }
  return users;
}

}  // namespace mailroom::distributed
