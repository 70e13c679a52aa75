// A client for the few calls of RabbitMQ's management HTTP API that the topology needs. Users and
// permissions cannot be made over AMQP; the management plugin's API is RabbitMQ's way for a tool
// that is not on the broker's machine (rabbitmqctl needs the Erlang cookie).
//
// Use https:// where the API is not on loopback: every call carries the admin's password and
// PutUser a jobcenter's.
//
// The only file that uses libcurl. One instance is one libcurl handle (it keeps the connection to
// the broker open between calls): not thread-safe, one per thread.
#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "mailroom/common/result.h"
#include "mailroom/distributed/jobcenter_users.h"  // Permissions

namespace mailroom::distributed {

class ManagementApi {
 public:
  /// `url` is the API's base, e.g. "http://127.0.0.1:15672/" (a path prefix behind a proxy is
  /// kept). Basic auth with the URL's own credentials or, where it has none, `user` and
  /// `password`. Every call is bounded by `timeout`. Fails on a URL that is not http(s)://.
  [[nodiscard]] static Result<ManagementApi> Open(const std::string& url, const std::string& user,
                                                  const std::string& password, std::chrono::milliseconds timeout);

  ManagementApi(ManagementApi&&) noexcept;
  ManagementApi& operator=(ManagementApi&&) noexcept;
  ManagementApi(const ManagementApi&) = delete;
  ManagementApi& operator=(const ManagementApi&) = delete;
  ~ManagementApi();

  /// The API's base URL with the user but without the password: safe for logs.
  [[nodiscard]] const std::string& Endpoint() const;

  /// Creates the user or, when it exists, sets its password and tags (e.g. "" for none,
  /// "administrator").
  [[nodiscard]] Result<void> PutUser(const std::string& name, const std::string& password, const std::string& tags);
  /// Sets the user's permissions on `vhost` (replacing what it had there).
  [[nodiscard]] Result<void> PutPermissions(const std::string& vhost, const std::string& user,
                                            const Permissions& permissions);

  struct State;

 private:
  explicit ManagementApi(std::unique_ptr<State> state);
  [[nodiscard]] Result<void> Put(const std::string& path, const std::string& json_body);

  std::unique_ptr<State> state_;
};

}  // namespace mailroom::distributed
