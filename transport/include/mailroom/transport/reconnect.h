// Connecting again after the broker went away (a restart, an upgrade, a network cut): backoff
// between the attempts, every wait bounded, and a stop flag that ends the waiting.
//
// rabbitmq-c recovers nothing by itself: see ReconnectingConnection for rebuilding the topology
// and the consumers on the new connection.
#pragma once

#include <atomic>
#include <chrono>
#include <functional>

#include "mailroom/common/result.h"
#include "mailroom/transport/amqp_connection.h"

namespace mailroom::transport {

struct RetryPolicy {
  /// The wait after the first failed attempt.
  std::chrono::milliseconds initial{200};
  /// No wait is longer than this.
  std::chrono::milliseconds max{10000};
  /// Each wait is the previous one times this (at least 1).
  double factor = 2.0;
  /// Give up once this much time has passed since the first attempt; zero: try until stopped.
  std::chrono::milliseconds give_up_after{0};
  /// Called after each failed attempt with its number (1, 2, ...), its error and the wait before
  /// the next one: where a worker logs "broker unreachable, retrying in 400 ms". May be empty.
  std::function<void(int attempt, const Error& error, std::chrono::milliseconds wait)> on_retry;
};

/// The waits of a RetryPolicy one after another: initial, initial*factor, ..., then max forever.
/// Not thread-safe; one per retry loop.
class Backoff {
 public:
  explicit Backoff(const RetryPolicy& policy) : policy_(policy), next_(policy.initial) {}
  /// The wait before the next attempt.
  [[nodiscard]] std::chrono::milliseconds Next();
  /// Back to `initial`, after a success.
  void Reset() { next_ = policy_.initial; }

 private:
  RetryPolicy policy_;
  std::chrono::milliseconds next_;
};

/// Something another thread (a signal handler's watcher, a test) sets to end retrying.
using StopFlag = std::atomic<bool>;

/// Sleeps for `wait`, or less when `stop` (may be null) is set meanwhile: it is checked every
/// 50 ms. Returns false when stopped.
[[nodiscard]] bool SleepUnlessStopped(std::chrono::milliseconds wait, const StopFlag* stop);

/// Calls `attempt` until it succeeds, waiting with backoff between failures. Gives up when
/// `retryable(error)` says no, when `policy.give_up_after` has passed, or when `stop` is set;
/// the error then says which, with the last attempt's error. Each attempt must bound itself.
[[nodiscard]] Result<void> Retry(const RetryPolicy& policy, const StopFlag* stop,
                                 const std::function<Result<void>()>& attempt,
                                 const std::function<bool(const Error&)>& retryable = {});

/// Connection::Open until it succeeds (see Retry): every Open error counts as transient, since
/// a booting broker refuses in many ways. Each attempt is bounded by `options.timeout`.
[[nodiscard]] Result<Connection> OpenWithRetry(const ConnectOptions& options, const RetryPolicy& policy,
                                               const StopFlag* stop = nullptr);

}  // namespace mailroom::transport
