// The wait that lets a backend's reader thread end before SANE stops it (reader_thread_settle.h).
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <thread>

#include "reader_thread_settle.h"

using mailroom::scanner::ReaderThreadSettle;
using mailroom::scanner::ThreadsOfThisProcess;
using namespace std::chrono_literals;

namespace {

// A stand-in for a backend's reader: a thread that ends by itself after `life`.
std::thread Reader(std::chrono::milliseconds life) {
  return std::thread([life] { std::this_thread::sleep_for(life); });
}

}  // namespace

TEST_CASE("the thread count of this process follows threads that start and end", "[settle]") {
  const int before = ThreadsOfThisProcess();
  REQUIRE(before >= 1);
  std::atomic<bool> release{false};
  std::thread reader([&] {
    while (!release) std::this_thread::sleep_for(1ms);
  });
  CHECK(ThreadsOfThisProcess() == before + 1);
  release = true;
  reader.join();
  CHECK(ThreadsOfThisProcess() == before);
}

TEST_CASE("the wait returns once the reader has ended by itself", "[settle]") {
  const int before = ThreadsOfThisProcess();
  ReaderThreadSettle settle;
  settle.BeforeStart();
  std::thread reader = Reader(10ms);
  settle.AwaitReaderEnd();
  // The reader is gone from the process before the wait returns: a cancel now cannot catch it
  // inside the allocator.
  CHECK(ThreadsOfThisProcess() == before);
  reader.join();
}

TEST_CASE("a reader that outlives the page is waited for only a short while, and not for ever", "[settle]") {
  ReaderThreadSettle settle(50ms);
  std::atomic<bool> release{false};
  auto lingering = [&] {
    return std::thread([&] {
      while (!release) std::this_thread::sleep_for(1ms);
    });
  };

  settle.BeforeStart();
  std::thread first = lingering();
  auto start = std::chrono::steady_clock::now();
  settle.AwaitReaderEnd();
  CHECK(std::chrono::steady_clock::now() - start < 2s);  // bounded, not until the thread ends

  settle.BeforeStart();
  std::thread second = lingering();
  settle.AwaitReaderEnd();  // the second page in a row that times out

  // From now on the backend is known to keep its reader: no more waiting.
  settle.BeforeStart();
  std::thread third = lingering();
  start = std::chrono::steady_clock::now();
  settle.AwaitReaderEnd();
  CHECK(std::chrono::steady_clock::now() - start < 30ms);  // no wait at all

  release = true;
  first.join();
  second.join();
  third.join();
}
