// The classify workers' shared journal and claims (classify_work.h): a box is complete only with
// its manifest and every page's reading, whoever journaled them; one worker at a time finishes
// it; a worker that stopped finishing is taken over once its claim ran out; a classified box is
// never offered again. On both backends (ctest runs the suite on PostgreSQL as well).
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <set>

#include "ledger_test_util.h"
#include "mailroom/ledger/classify_work.h"

namespace mailroom::ledger {
namespace {

using namespace testing;
using mailroom::testing::TempDir;

std::string Ref(int n) {
  return "sha256:" + std::string(63, '0') + std::to_string(n % 10);
}

TEST_CASE("classify journal: complete with the manifest and every reading, the first of each kept",
          "[ledger][classify]") {
  TempDir dir;
  auto ledger = OpenLedger(dir);
  ClassifyWork work(ledger);
  // A reading before its manifest (they come over different queues).
  REQUIRE(work.JournalReading("B-1", 1, Ref(1)));
  auto journal = work.JournalOf("B-1");
  REQUIRE(journal);
  CHECK_FALSE(journal->Complete());
  CHECK(journal->manifest_ref.empty());

  REQUIRE(work.JournalManifest("B-1", 3, Ref(7)));
  REQUIRE(work.JournalManifest("B-1", 3, Ref(8)));  // ingest run again: the first stays
  REQUIRE(work.JournalReading("B-1", 0, Ref(0)));
  REQUIRE(work.JournalReading("B-1", 0, Ref(5)));  // read twice: the first stays
  journal = work.JournalOf("B-1");
  REQUIRE(journal);
  CHECK(journal->manifest_ref == Ref(7));
  CHECK(journal->reading_refs == std::vector<std::string>{Ref(0), Ref(1), ""});
  CHECK_FALSE(journal->Complete());
  CHECK(work.Ready("w-1", Day(0)).value().empty());

  REQUIRE(work.JournalReading("B-1", 2, Ref(2)));
  CHECK(work.JournalOf("B-1").value().Complete());
  CHECK(work.Ready("w-1", Day(0)).value() == std::vector<std::string>{"B-1"});
  CHECK_FALSE(work.JournalReading("", 0, Ref(0)));
  CHECK_FALSE(work.JournalManifest("B-2", 2, ""));
}

TEST_CASE("classify claims: one worker at a time, taken over when the claim ran out, never after classified",
          "[ledger][classify]") {
  TempDir dir;
  auto ledger = OpenLedger(dir);
  ClassifyWork work(ledger);
  CHECK_FALSE(work.Claim("B-1", "w-1", Day(0), Day(1)).value());  // no manifest yet
  REQUIRE(work.JournalManifest("B-1", 1, Ref(7)));
  REQUIRE(work.JournalReading("B-1", 0, Ref(0)));

  const auto t0 = Day(0);
  const auto lease = std::chrono::seconds(60);
  CHECK(work.Claim("B-1", "w-1", t0, t0 + lease).value());
  CHECK(work.Claim("B-1", "w-1", t0 + 5s, t0 + 5s + lease).value());  // renewed by its holder
  CHECK_FALSE(work.Claim("B-1", "w-2", t0 + 30s, t0 + 30s + lease).value());
  CHECK(work.Ready("w-2", t0 + 30s).value().empty());
  CHECK(work.Ready("w-1", t0 + 30s).value() == std::vector<std::string>{"B-1"});
  // w-1 was killed: once its claim ran out, w-2 takes the box over.
  CHECK(work.Ready("w-2", t0 + 66s).value() == std::vector<std::string>{"B-1"});
  CHECK(work.Claim("B-1", "w-2", t0 + 66s, t0 + 66s + lease).value());
  CHECK_FALSE(work.Claim("B-1", "w-1", t0 + 70s, t0 + 70s + lease).value());

  CHECK_FALSE(work.IsClassified("B-1").value());
  REQUIRE(work.MarkClassified("B-1", "w-2", t0 + 71s));
  CHECK(work.IsClassified("B-1").value());
  CHECK_FALSE(work.Claim("B-1", "w-2", t0 + 72s, t0 + 72s + lease).value());
  CHECK(work.Ready("w-1", Day(9)).value().empty());
  const auto journal = work.JournalOf("B-1").value();
  CHECK(journal.classified);
  CHECK(journal.reading_refs == std::vector<std::string>{""});  // the readings' rows are gone
  CHECK_FALSE(work.MarkClassified("B-unknown", "w-2", t0));
}

TEST_CASE("classify claims: workers journaling and claiming at once from separate processes finish each box once",
          "[ledger][classify][concurrency]") {
  TempDir dir;
  constexpr int kBoxes = 8, kPages = 6, kWorkers = 3;
  { auto ledger = OpenLedger(dir); }
  const std::string location = LedgerLocation(dir);
  const auto pipe_fds = [] {
    std::array<int, 2> fds{};
    REQUIRE(::pipe(fds.data()) == 0);
    return fds;
  }();
  std::vector<pid_t> children;
  for (int w = 0; w < kWorkers; ++w) {
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
      // Each worker gets every third message, as consumers of one queue do, and after each one
      // tries to finish whatever is ready; it writes the boxes it finished to the pipe.
      ::close(pipe_fds[0]);
      auto ledger = Ledger::Open(location);
      if (!ledger) ::_exit(100);
      ClassifyWork work(*ledger);
      const std::string me = "w-" + std::to_string(w);
      int message = 0, failures = 0;
      for (int box = 0; box < kBoxes; ++box) {
        const std::string id = "B-" + std::to_string(box);
        for (int part = -1; part < kPages; ++part, ++message) {
          if (message % kWorkers != w) continue;
          const bool ok = part < 0 ? work.JournalManifest(id, kPages, Ref(9)).has_value()
                                   : work.JournalReading(id, part, Ref(part)).has_value();
          failures += ok ? 0 : 1;
          auto ready = work.Ready(me, Day(0));
          if (!ready) ++failures;
          for (const auto& candidate : ready.value_or(std::vector<std::string>{})) {
            auto claimed = work.Claim(candidate, me, Day(0), Day(1));
            if (!claimed) ++failures;
            if (!claimed.value_or(false)) continue;
            if (!work.MarkClassified(candidate, me, Day(0))) ++failures;
            const std::string line = candidate + "\n";
            if (::write(pipe_fds[1], line.data(), line.size()) != static_cast<ssize_t>(line.size())) ++failures;
          }
        }
      }
      ::_exit(failures == 0 ? 0 : 1);
    }
    children.push_back(pid);
  }
  const auto boxes = ChildrenLines(children, pipe_fds);
  CHECK(boxes.size() == kBoxes);
  for (int box = 0; box < kBoxes; ++box) CHECK(boxes.count("B-" + std::to_string(box)) == 1);
}

}  // namespace
}  // namespace mailroom::ledger
