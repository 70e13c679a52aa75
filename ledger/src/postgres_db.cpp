#include "postgres_db.h"

#include <libpq-fe.h>

#include <cstdlib>
#include <optional>
#include <vector>

namespace mailroom::ledger {
namespace {

// PostgreSQL's type oids for the binds: text and bigint (pg_type.dat); the server converts them to
// the column's type, as SQLite's affinity does.
constexpr Oid kTextOid = 25;
constexpr Oid kInt8Oid = 20;

struct PgFinish {
  void operator()(PGconn* conn) const noexcept { PQfinish(conn); }
};
struct PgClear {
  void operator()(PGresult* result) const noexcept { PQclear(result); }
};
using ResultPtr = std::unique_ptr<PGresult, PgClear>;

// libpq's messages on one line: they come with line breaks and a hint indented below.
std::string Trimmed(std::string_view message) {
  std::string text;
  for (const char c : message) {
    if (c == '\n' || c == '\t') {
      if (!text.empty() && text.back() != ' ') text += ' ';
    } else {
      text += c;
    }
  }
  while (!text.empty() && text.back() == ' ') text.pop_back();
  return text;
}

// "what: the server's message": the primary message only (a trigger's RAISE text, the violated
// constraint), not the statement, whose values may be a case's data.
Error PgError(PGconn* conn, const PGresult* result, std::string_view what) {
  const char* primary = result ? PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
  return Error{std::string(what) + ": " + (primary ? std::string(primary) : Trimmed(PQerrorMessage(conn)))};
}

bool Succeeded(const PGresult* result) {
  const auto status = PQresultStatus(result);
  return status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
}

class PgStatement final : public StatementBackend {
 public:
  PgStatement(PGconn* conn, std::string sql) : conn_(conn), sql_(std::move(sql)) {}

  void Bind(int index, std::string_view text) override { Set(index, std::string(text), kTextOid); }
  void Bind(int index, int64_t value) override { Set(index, std::to_string(value), kInt8Oid); }
  void BindNull(int index) override { Set(index, std::nullopt, 0); }

  Result<bool> Step() override {
    if (!result_) {
      std::vector<const char*> values;
      for (const auto& value : values_) values.push_back(value ? value->c_str() : nullptr);
      result_.reset(PQexecParams(conn_, sql_.c_str(), static_cast<int>(values.size()), types_.data(), values.data(),
                                 nullptr, nullptr, 0));
      if (!result_ || !Succeeded(result_.get())) {
        auto error = PgError(conn_, result_.get(), "ledger database");
        result_.reset();
        return tl::unexpected(error);
      }
      const char* changed = PQcmdTuples(result_.get());
      changes_ = changed && *changed ? std::strtoll(changed, nullptr, 10) : 0;
      row_ = -1;
    }
    ++row_;
    return row_ < PQntuples(result_.get());
  }
  void Reset() override {
    result_.reset();
    row_ = -1;
  }

  std::string Text(int column) const override {
    if (!result_ || PQgetisnull(result_.get(), row_, column)) return "";
    return PQgetvalue(result_.get(), row_, column);
  }
  int64_t Int(int column) const override {
    const std::string text = Text(column);
    if (text == "t") return 1;  // a boolean column
    if (text == "f") return 0;
    return std::strtoll(text.c_str(), nullptr, 10);
  }
  bool IsNull(int column) const override { return !result_ || PQgetisnull(result_.get(), row_, column); }
  int64_t Changes() const override { return changes_; }

 private:
  void Set(int index, std::optional<std::string> value, Oid type) {
    const auto at = static_cast<std::size_t>(index - 1);
    if (values_.size() <= at) {
      values_.resize(at + 1);
      types_.resize(at + 1, 0);
    }
    values_[at] = std::move(value);
    types_[at] = type;
  }

  PGconn* conn_;
  std::string sql_;
  std::vector<std::optional<std::string>> values_;
  std::vector<Oid> types_;
  ResultPtr result_;
  int row_ = -1;
  int64_t changes_ = 0;
};

class PgDb final : public Db {
 public:
  explicit PgDb(PGconn* conn) : conn_(conn) {}

  Result<void> Exec(const std::string& sql) override {
    ResultPtr result(PQexec(conn_.get(), sql.c_str()));
    if (!result || !Succeeded(result.get()))
      return tl::unexpected(PgError(conn_.get(), result.get(), "ledger database"));
    return {};
  }

  Result<std::unique_ptr<StatementBackend>> Prepare(std::string_view sql) override {
    return std::unique_ptr<StatementBackend>(std::make_unique<PgStatement>(conn_.get(), PostgresPlaceholders(sql)));
  }

  // The write locks: transaction-scoped advisory locks, one per box and one for the rest of the
  // ledger (in the ledger's schema), so writers of one box on every host take turns as SQLite's
  // BEGIN IMMEDIATE makes them, while other boxes go on; they end with the transaction. READ
  // COMMITTED suffices under them: each statement sees everything committed before the lock was
  // granted, and nobody else writes what the lock covers until COMMIT. A transaction takes at most
  // the ledger's lock and then boxes' (DestructionDue), a box's never before the ledger's: no cycle.
  Result<void> BeginWrite(std::string_view scope) override {
    if (PQstatus(conn_.get()) == CONNECTION_BAD) PQreset(conn_.get());  // a restarted server
    if (auto begun = Exec("BEGIN"); !begun) return begun;
    if (auto locked = Lock(scope); !locked) {
      Rollback();
      return locked;
    }
    return {};
  }

  Result<void> Lock(std::string_view scope) override {
    auto lock = Prepare("SELECT pg_advisory_xact_lock(hashtext(current_schema()), hashtext(?))");
    if (!lock) return tl::unexpected(lock.error());
    (*lock)->Bind(1, scope);
    auto row = (*lock)->Step();
    if (!row) return tl::unexpected(row.error());
    return {};
  }

  Result<void> Commit() override {
    // COMMIT outside a transaction (the connection was lost and made again) or of a failed one
    // would answer success or ROLLBACK: refuse both before, so no partial change counts as done.
    if (PQtransactionStatus(conn_.get()) != PQTRANS_INTRANS) {
      Rollback();
      return Fail("ledger database: the transaction failed or was lost, nothing of it was committed");
    }
    ResultPtr result(PQexec(conn_.get(), "COMMIT"));
    if (!result || !Succeeded(result.get())) {
      auto error = PgError(conn_.get(), result.get(), "ledger database");
      Rollback();
      return tl::unexpected(error);
    }
    // COMMIT of a transaction that had failed answers ROLLBACK.
    if (std::string_view(PQcmdStatus(result.get())) != "COMMIT") {
      return Fail("ledger database: the transaction failed and was rolled back");
    }
    return {};
  }

  void Rollback() noexcept override { PQclear(PQexec(conn_.get(), "ROLLBACK")); }
  bool IsPostgres() const override { return true; }

 private:
  std::unique_ptr<PGconn, PgFinish> conn_;
};

void IgnoreNotice(void*, const char*) {}

}  // namespace

bool IsPostgresUrl(std::string_view location) {
  return location.starts_with("postgresql://") || location.starts_with("postgres://");
}

std::string RedactedUrl(std::string_view url) {
  std::string text(url);
  // user:password@host
  const auto scheme_end = text.find("://");
  if (scheme_end != std::string::npos) {
    const auto authority = scheme_end + 3;
    const auto at = text.find('@', authority);
    const auto slash = text.find('/', authority);
    const auto colon = text.find(':', authority);
    if (at != std::string::npos && (slash == std::string::npos || at < slash) && colon < at) {
      text.replace(colon + 1, at - colon - 1, "***");
    }
  }
  // ?password=... or &password=...
  for (auto at = text.find("password="); at != std::string::npos; at = text.find("password=", at + 1)) {
    if (at == 0 || (text[at - 1] != '?' && text[at - 1] != '&')) continue;
    const auto value = at + 9;
    text.replace(value, text.find('&', value) == std::string::npos ? std::string::npos : text.find('&', value) - value,
                 "***");
  }
  return text;
}

std::string PostgresPlaceholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  int next = 0;
  char quote = 0;
  for (std::size_t i = 0; i < sql.size(); ++i) {
    const char c = sql[i];
    if (quote) {
      if (c == quote) quote = 0;
      out += c;
    } else if (c == '\'' || c == '"') {
      quote = c;
      out += c;
    } else if (c == '?') {
      out += '$';
      if (i + 1 < sql.size() && sql[i + 1] >= '0' && sql[i + 1] <= '9') continue;  // ?N: the digits follow
      out += std::to_string(++next);
    } else {
      out += c;
    }
  }
  return out;
}

Result<std::unique_ptr<Db>> OpenPostgres(const std::string& url) {
  PGconn* raw = PQconnectdb(url.c_str());
  auto db = std::make_unique<PgDb>(raw);  // owns the connection even when connecting failed
  if (!raw) return Fail("cannot connect: out of memory");
  if (PQstatus(raw) != CONNECTION_OK) return Fail("cannot connect: " + Trimmed(PQerrorMessage(raw)));
  PQsetNoticeProcessor(raw, IgnoreNotice, nullptr);  // "already exists, skipping" and the like
  if (auto ok = db->Exec("SET client_min_messages = warning"); !ok) return tl::unexpected(ok.error());
  return std::unique_ptr<Db>(std::move(db));
}

}  // namespace mailroom::ledger
