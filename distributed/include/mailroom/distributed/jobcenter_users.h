// One broker user per jobcenter, allowed to consume its own Postkorb queue and nothing else: a
// jobcenter's credentials cannot read another jobcenter's mail, publish work, or change the
// topology. Made through RabbitMQ's management HTTP API (AMQP cannot make users).
#pragma once

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include "mailroom/classifier/registry.h"
#include "mailroom/common/result.h"
#include "mailroom/distributed/topology.h"

namespace mailroom::distributed {

/// The three regular expressions of a RabbitMQ permission, matched against resource names.
struct Permissions {
  std::string configure;
  std::string write;
  std::string read;
};

struct JobcenterUsersOptions {
  /// The management API, e.g. "http://broker:15672/". It logs in with its own credentials or,
  /// where it has none, with those of `broker_url` (an administrator of the vhost).
  std::string management_url;
  /// amqp[s]://admin:pass@host:port/vhost: the vhost the users get permissions on, and the host,
  /// port and scheme of the URLs written for the jobcenters.
  std::string broker_url;
  /// Where "<jobcenter_id>.url" (mode 0600) goes: the jobcenter's amqp URL with its password.
  std::filesystem::path credentials_dir;
  std::string prefix = "mailroom";
  /// New passwords for every user. Without it a user whose URL file exists keeps its password.
  bool rotate_passwords = false;
  /// Bounds each HTTP request.
  std::chrono::milliseconds timeout{10000};
};

struct JobcenterUser {
  std::string jobcenter_id;
  std::string user;  ///< Topology::JobcenterUser
  std::filesystem::path url_file;
  bool new_password = false;  ///< false: the password in url_file was kept
};

/// The regular expressions of a jobcenter's user: configure and write "^$" (nothing; RabbitMQ checks
/// the default exchange as "amq.default"), read on its own Postkorb queue, which is all consuming
/// needs.
[[nodiscard]] Permissions JobcenterPermissions(const Topology& names, const std::string& jobcenter_id);

/// `text` with every regular-expression metacharacter escaped, so it matches only itself.
[[nodiscard]] std::string RegexEscape(const std::string& text);

/// Creates or updates the user of every jobcenter of `registry` and writes its URL file; the URL
/// file is written before the user is set, so a run that fails half-way is repaired by the next
/// one. Returns the users by jobcenter id. Never puts a password into an error message.
[[nodiscard]] Result<std::vector<JobcenterUser>> SetUpJobcenterUsers(const classifier::Registry& registry,
                                                                     const JobcenterUsersOptions& options);

}  // namespace mailroom::distributed
