// Helpers shared by the ledger tests: fixed times, a box walked to a given state, and the ledger
// on the backend the run is for. ctest runs the suite twice: on a SQLite file, and with
// MAILROOM_TEST_LEDGER_BACKEND=postgresql on the private PostgreSQL server of
// MAILROOM_TEST_POSTGRES (tests/support/postgres-node.sh), each test in a schema of its own.
// Tests tagged [sqlite] are about the file itself and run on SQLite only.
#pragma once

#include <libpq-fe.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "mailroom/ledger/ledger.h"
#include "private_postgres.h"
#include "temp_dir.h"

namespace mailroom::ledger::testing {

using namespace std::chrono;

/// 2024-03-01 plus `day` days, at 08:00 UTC.
inline Timestamp Day(int day) {
  return sys_days{2024y / March / 1} + days{day} + hours{8};
}
inline Stamp At(int day, std::string who = "op-1") {
  return Stamp{std::move(who), Day(day)};
}

inline BoxArrival Box(std::string id, std::string origin = "JC-1") {
  return BoxArrival{std::move(id), "SEAL-" + std::string("1"), std::move(origin), Day(0), "op-1"};
}

inline PageDelivery Page(std::string name, std::string document = "doc-1", std::string bg = "12345BG0000001") {
  return PageDelivery{std::move(name), std::move(document), "JC-1", std::move(bg), Day(1)};
}

/// Registers `id` (from `origin`) with `pages` captured pages and moves it to processing, all on day 0.
inline void ProcessingBox(Ledger& ledger, const std::string& id, int pages, std::string origin = "JC-1") {
  REQUIRE(ledger.RegisterBox(Box(id, std::move(origin))));
  REQUIRE(ledger.Advance(id, BoxState::kScanning, At(0)));
  REQUIRE(ledger.RecordPagesCaptured(id, pages, At(0)));
  REQUIRE(ledger.Advance(id, BoxState::kScanned, At(0)));
  REQUIRE(ledger.Advance(id, BoxState::kProcessing, At(0)));
}

/// Registers `id` with `pages` pages, scans and delivers all of them; the box ends delivered on day 1.
inline void DeliveredBox(Ledger& ledger, const std::string& id, int pages = 2, std::string origin = "JC-1") {
  REQUIRE(ledger.RegisterBox(Box(id, std::move(origin))));
  REQUIRE(ledger.Advance(id, BoxState::kScanning, At(0)));
  REQUIRE(ledger.RecordPagesCaptured(id, pages, At(0)));
  REQUIRE(ledger.Advance(id, BoxState::kScanned, At(0)));
  REQUIRE(ledger.Advance(id, BoxState::kProcessing, At(0)));
  for (int i = 1; i <= pages; ++i) REQUIRE(ledger.RecordPageDelivered(id, Page(std::to_string(i) + ".tif")));
  REQUIRE(ledger.Advance(id, BoxState::kDelivered, At(1)));
}

/// What schema versions 3 to 7 added (the review desk's custody, the users, forwards, the classify
/// journal, the stations), dropped again in either dialect: the migration tests build older
/// ledgers from it. A new version's tables go here, once.
inline constexpr const char* kDropVersions3To7 = R"sql(
  DROP TABLE station_resumes; DROP TABLE station_states; DROP TABLE station_jobs;
  DROP TABLE classify_readings; DROP TABLE classify_boxes;
  DROP VIEW page_destinations; DROP TABLE review_forwards;
  CREATE VIEW page_destinations AS SELECT * FROM pages;
  DROP TABLE login_failures; DROP TABLE sessions; DROP TABLE user_grants; DROP TABLE users;
  DROP VIEW page_destinations; DROP VIEW page_documents;
  DROP TABLE review_page_moves; DROP TABLE review_pages_accounted; DROP TABLE rescan_requests;
)sql";

inline bool OnPostgres() {
  const char* backend = std::getenv("MAILROOM_TEST_LEDGER_BACKEND");
  return backend && std::string(backend) == "postgresql";
}

using mailroom::testing::PgConnection;

/// Where the ledger of the test folder `dir` is: its SQLite file, or (on PostgreSQL) a URL to a
/// schema made for this folder on first use, the same one on every later call.
inline std::string LedgerLocation(const mailroom::testing::TempDir& dir) {
  if (!OnPostgres()) return (dir / "ledger.sqlite").string();
  const auto marker = dir / "postgres-url";
  if (std::ifstream in(marker); in) {
    std::string url;
    std::getline(in, url);
    return url;
  }
  const std::string url = mailroom::testing::NewPostgresSchema();
  std::ofstream(marker) << url << "\n";
  return url;
}

inline Ledger OpenLedger(const mailroom::testing::TempDir& dir) {
  auto ledger = Ledger::Open(LedgerLocation(dir));
  INFO((ledger ? std::string() : ledger.error().message));
  REQUIRE(ledger);
  return std::move(*ledger);
}

/// Runs `sql` on the ledger's database beside the ledger (SQLite: on its own connection; PostgreSQL:
/// on another one): "" when it ran, else the database's message. For what the database enforces.
inline std::string ExecSql(const mailroom::testing::TempDir& dir, Ledger& ledger, const std::string& sql) {
  if (OnPostgres()) return PgConnection(LedgerLocation(dir)).Exec(sql);
  char* message = nullptr;
  const int rc = sqlite3_exec(ledger.raw_connection_for_tests(), sql.c_str(), nullptr, nullptr, &message);
  std::string text = message ? message : "";
  sqlite3_free(message);
  return rc == SQLITE_OK ? "" : text;
}

/// Every non-null value of every row of `table`, as text, for checking what the database holds.
inline std::vector<std::string> AllText(const mailroom::testing::TempDir& dir, Ledger& ledger,
                                        const std::string& table) {
  std::vector<std::string> values;
  const std::string sql = "SELECT * FROM " + table;
  if (OnPostgres()) {
    PgConnection pg(LedgerLocation(dir));
    std::unique_ptr<PGresult, decltype(&PQclear)> result(PQexec(pg.conn.get(), sql.c_str()), &PQclear);
    REQUIRE(PQresultStatus(result.get()) == PGRES_TUPLES_OK);
    for (int row = 0; row < PQntuples(result.get()); ++row) {
      for (int column = 0; column < PQnfields(result.get()); ++column) {
        if (!PQgetisnull(result.get(), row, column)) values.emplace_back(PQgetvalue(result.get(), row, column));
      }
    }
    return values;
  }
  sqlite3_stmt* stmt = nullptr;
  REQUIRE(sqlite3_prepare_v2(ledger.raw_connection_for_tests(), sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK);
  while (sqlite3_step(stmt) == SQLITE_ROW) {
    for (int i = 0; i < sqlite3_column_count(stmt); ++i) {
      if (const auto* text = sqlite3_column_text(stmt, i)) values.emplace_back(reinterpret_cast<const char*>(text));
    }
  }
  sqlite3_finalize(stmt);
  return values;
}

/// For tests of several processes at once: after the children (`children`) were forked with the
/// pipe `pipe_fds` to write a line per thing they did, closes its write end, reads every line
/// until the children are gone, checks each of them exited 0, and returns the lines.
inline std::multiset<std::string> ChildrenLines(const std::vector<pid_t>& children,
                                                const std::array<int, 2>& pipe_fds) {
  ::close(pipe_fds[1]);
  std::string text;
  char buffer[256];
  for (ssize_t n; (n = ::read(pipe_fds[0], buffer, sizeof buffer)) > 0;)
    text.append(buffer, static_cast<std::size_t>(n));
  ::close(pipe_fds[0]);
  for (const pid_t pid : children) {
    int status = 0;
    REQUIRE(::waitpid(pid, &status, 0) == pid);
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
  }
  std::multiset<std::string> lines;
  for (std::size_t start = 0, end; (end = text.find('\n', start)) != std::string::npos; start = end + 1) {
    lines.insert(text.substr(start, end - start));
  }
  return lines;
}

}  // namespace mailroom::ledger::testing
