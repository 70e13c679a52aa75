#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <latch>
#include <string>
#include <thread>
#include <vector>

#include "mailroom/common/atomic_file.h"
#include "mailroom/store/content_store.h"
#include "store_test_util.h"
#include "temp_dir.h"

using mailroom::store::ContentStore;
using mailroom::store::testing::CountFiles;
using mailroom::store::testing::PseudoRandomBytes;
using mailroom::testing::TempDir;

TEST_CASE("Threads putting the same page at once all get its ref, and one file is stored") {
  TempDir dir;
  auto store = ContentStore::Open(dir / "store");
  REQUIRE(store);
  const std::string page = PseudoRandomBytes(1 << 20, 6);
  REQUIRE(mailroom::WriteFileAtomically(dir / "page.tif", page));
  constexpr int kThreads = 8;
  std::vector<std::string> refs(kThreads);
  std::vector<std::string> errors(kThreads);
  std::latch start(kThreads);
  {
    std::vector<std::jthread> threads;
    for (int i = 0; i < kThreads; ++i) {
      threads.emplace_back([&, i] {
        start.arrive_and_wait();  // all at once, so the writes really overlap
        // Half by bytes, half by file, so both paths race each other.
        auto ref = i % 2 ? store->Put(page) : store->PutFile(dir / "page.tif");
        if (ref)
          refs[i] = *ref;
        else
          errors[i] = ref.error().message;
      });
    }
  }
  for (int i = 0; i < kThreads; ++i) {
    INFO(errors[i]);
    CHECK(refs[i] == refs[0]);
  }
  CHECK(*store->Get(refs[0]) == page);
  CHECK(CountFiles(dir / "store") == 1);  // and no temporary file left behind
}

TEST_CASE("Processes putting the same pages at once agree, as workers on a shared store do") {
  TempDir dir;
  REQUIRE(ContentStore::Open(dir / "store"));
  constexpr int kWorkers = 4;
  constexpr int kPages = 20;
  std::vector<pid_t> children;
  for (int w = 0; w < kWorkers; ++w) {
    pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
      // The child must not return into Catch: it reports through its exit status only.
      auto store = ContentStore::Open(dir / "store");
      bool ok = bool(store);
      for (int p = 0; ok && p < kPages; ++p) ok = bool(store->Put(PseudoRandomBytes(64 << 10, 100 + p)));
      ::_exit(ok ? 0 : 1);
    }
    children.push_back(pid);
  }
  for (pid_t pid : children) {
    int status = 0;
    REQUIRE(::waitpid(pid, &status, 0) == pid);
    CHECK((WIFEXITED(status) && WEXITSTATUS(status) == 0));
  }
  auto store = ContentStore::Open(dir / "store");
  for (int p = 0; p < kPages; ++p) {
    const std::string page = PseudoRandomBytes(64 << 10, 100 + p);
    CHECK(*store->Get(*store->Put(page)) == page);
  }
  CHECK(CountFiles(dir / "store") == kPages);
}
