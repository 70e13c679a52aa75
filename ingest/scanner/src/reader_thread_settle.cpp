#include "reader_thread_settle.h"

#include <fstream>
#include <string>
#include <thread>

namespace mailroom::scanner {

int ThreadsOfThisProcess() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("Threads:", 0) == 0) {
      try {
        return std::stoi(line.substr(8));
      } catch (const std::exception&) {
        return -1;
      }
    }
  }
  return -1;
}

void ReaderThreadSettle::BeforeStart() {
  threads_before_start_ = ThreadsOfThisProcess();
}

void ReaderThreadSettle::AwaitReaderEnd() {
  constexpr int kGiveUpAfter = 2;
  if (timeouts_in_a_row_ >= kGiveUpAfter || threads_before_start_ < 0) return;
  const auto deadline = std::chrono::steady_clock::now() + limit_;
  while (ThreadsOfThisProcess() > threads_before_start_) {
    if (std::chrono::steady_clock::now() >= deadline) {
      ++timeouts_in_a_row_;
      return;
    }
    std::this_thread::sleep_for(std::chrono::microseconds(200));
  }
  timeouts_in_a_row_ = 0;
  threads_before_start_ = -1;  // once per sane_start: later calls for the same page return at once
}

}  // namespace mailroom::scanner
