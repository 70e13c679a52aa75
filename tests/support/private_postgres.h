// The private PostgreSQL server of a test run (tests/support/postgres-node.sh; tools/test.sh starts
// it and puts its URL into MAILROOM_TEST_POSTGRES): a connection for checks with libpq, and a
// schema of its own for each test that needs a ledger there. Link PkgConfig::LIBPQ.
#pragma once

#include <libpq-fe.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <memory>
#include <random>
#include <string>

namespace mailroom::testing {

struct PgConnection {
  explicit PgConnection(const std::string& url) : conn(PQconnectdb(url.c_str()), &PQfinish) {
    REQUIRE(conn);
    INFO(PQerrorMessage(conn.get()));
    REQUIRE(PQstatus(conn.get()) == CONNECTION_OK);
  }
  /// "" when `sql` ran, else the server's primary message.
  std::string Exec(const std::string& sql) {
    std::unique_ptr<PGresult, decltype(&PQclear)> result(PQexec(conn.get(), sql.c_str()), &PQclear);
    const auto status = PQresultStatus(result.get());
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return "";
    const char* primary = PQresultErrorField(result.get(), PG_DIAG_MESSAGE_PRIMARY);
    return primary ? primary : "failed";
  }
  std::unique_ptr<PGconn, decltype(&PQfinish)> conn{nullptr, &PQfinish};
};

/// The URL of a new, empty schema on the private server: a ledger opened there is this test's alone.
inline std::string NewPostgresSchema() {
  const char* server = std::getenv("MAILROOM_TEST_POSTGRES");
  if (server == nullptr || *server == '\0') {
    FAIL("MAILROOM_TEST_POSTGRES is not set: run the tests with tools/test.sh (or tests/support/postgres-node.sh)");
  }
  std::random_device random;
  const std::string schema = "t" + std::to_string(random()) + "_" + std::to_string(random());
  REQUIRE(PgConnection(server).Exec("CREATE SCHEMA " + schema) == "");
  const std::string base(server);
  return base + (base.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" + schema;
}

}  // namespace mailroom::testing
