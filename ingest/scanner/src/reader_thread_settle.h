// Lets a backend's reader thread end on its own before sane_read or sane_cancel stops it.
//
// Backends built on sanei_thread read the device in a thread of their own and stop it with
// pthread_cancel, asynchronously. SANE's test backend does so in the very sane_read that hands
// over a page's last bytes, and in sane_cancel after a fault: when the cancel lands while that
// thread is inside malloc or free, it dies holding the allocator's lock and the join waits for
// ever (seen about once in 200 scans). Waiting until the thread count of this process is back
// to what it was before sane_start closes that window. A backend whose reader outlives the page
// makes the wait time out; after two pages in a row like that it is not waited for again. The
// limit is generous: on a loaded machine a reader that has written its last bytes was seen to
// wait more than 50 ms for a core before it could end.
#pragma once

#include <chrono>

namespace mailroom::scanner {

/// The number of threads of this process, from /proc/self/status; -1 where it cannot be read.
int ThreadsOfThisProcess();

class ReaderThreadSettle {
 public:
  static constexpr std::chrono::milliseconds kDefaultLimit{2000};
  explicit ReaderThreadSettle(std::chrono::milliseconds limit = kDefaultLimit) : limit_(limit) {}

  /// Remembers how many threads there are before the backend starts its reader.
  void BeforeStart();
  /// Waits, at most a short while, until the reader started since BeforeStart has ended.
  void AwaitReaderEnd();

 private:
  std::chrono::milliseconds limit_;
  int threads_before_start_ = -1;
  int timeouts_in_a_row_ = 0;
};

}  // namespace mailroom::scanner
