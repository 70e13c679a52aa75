// Backoff and retry loops for (re)connecting to the broker.
#include "mailroom/transport/reconnect.h"

#include <algorithm>
#include <optional>
#include <string>
#include <thread>
#include <utility>

namespace mailroom::transport {

namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

// How quickly a set stop flag ends a wait: short enough for a clean shutdown, long enough not
// to spin.
constexpr milliseconds kStopPoll{50};

}  // namespace

milliseconds Backoff::Next() {
  const milliseconds wait = std::min(next_, policy_.max);
  const double grown = static_cast<double>(next_.count()) * std::max(policy_.factor, 1.0);
  // Capped before converting back: many doublings would overflow the integer otherwise.
  next_ = milliseconds(static_cast<milliseconds::rep>(std::min(grown, static_cast<double>(policy_.max.count()))));
  return wait;
}

bool SleepUnlessStopped(milliseconds wait, const StopFlag* stop) {
  const auto until = Clock::now() + wait;
  for (;;) {
    if (stop != nullptr && stop->load()) return false;
    const auto now = Clock::now();
    if (now >= until) return true;
    std::this_thread::sleep_for(std::min<Clock::duration>(until - now, kStopPoll));
  }
}

Result<void> Retry(const RetryPolicy& policy, const StopFlag* stop, const std::function<Result<void>()>& attempt,
                   const std::function<bool(const Error&)>& retryable) {
  Backoff backoff(policy);
  const auto start = Clock::now();
  for (int n = 1;; ++n) {
    if (stop != nullptr && stop->load()) return Fail("stopped before attempt " + std::to_string(n));
    auto result = attempt();
    if (result) return result;
    const Error& error = result.error();
    if (retryable && !retryable(error)) return tl::unexpected(error);
    const auto elapsed = std::chrono::duration_cast<milliseconds>(Clock::now() - start);
    milliseconds wait = backoff.Next();
    if (policy.give_up_after.count() > 0) {
      if (elapsed >= policy.give_up_after) {
        return tl::unexpected(error.Prefixed("gave up after " + std::to_string(n) + " attempts in " +
                                             std::to_string(elapsed.count()) + " ms"));
      }
      // The last wait ends at the deadline, so one more attempt happens right there.
      wait = std::min(wait, policy.give_up_after - elapsed);
    }
    if (policy.on_retry) policy.on_retry(n, error, wait);
    if (!SleepUnlessStopped(wait, stop))
      return tl::unexpected(error.Prefixed("stopped after " + std::to_string(n) + " attempts"));
  }
}

Result<Connection> OpenWithRetry(const ConnectOptions& options, const RetryPolicy& policy, const StopFlag* stop) {
  std::optional<Connection> opened;
  auto done = Retry(policy, stop, [&]() -> Result<void> {
    auto conn = Connection::Open(options);
    if (!conn) return tl::unexpected(conn.error());
    opened.emplace(std::move(*conn));
    return {};
  });
  if (!done) return tl::unexpected(done.error());
  return std::move(*opened);
}

}  // namespace mailroom::transport
