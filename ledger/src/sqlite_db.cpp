#include "sqlite_db.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

namespace mailroom::ledger {
namespace {

// Long enough for another process's transaction (a few small writes) to finish on a slow disk.
constexpr int kBusyTimeoutMs = 5000;

struct Sqlite3Close {
  void operator()(sqlite3* db) const noexcept { sqlite3_close_v2(db); }
};
using DbPtr = std::unique_ptr<sqlite3, Sqlite3Close>;

struct Sqlite3Finalize {
  void operator()(sqlite3_stmt* s) const noexcept { sqlite3_finalize(s); }
};

/// "what: SQLite's message for the last error on db".
Error SqlError(sqlite3* db, std::string_view what) {
  return Error{std::string(what) + ": " + sqlite3_errmsg(db)};
}

class SqliteStatement final : public StatementBackend {
 public:
  SqliteStatement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}

  void Bind(int index, std::string_view text) override {
    sqlite3_bind_text(stmt_.get(), index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
  }
  void Bind(int index, int64_t value) override { sqlite3_bind_int64(stmt_.get(), index, value); }
  void BindNull(int index) override { sqlite3_bind_null(stmt_.get(), index); }

  Result<bool> Step() override {
    const int rc = sqlite3_step(stmt_.get());
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) {
      changes_ = sqlite3_changes64(db_);
      return false;
    }
    return tl::unexpected(SqlError(db_, "ledger database"));
  }
  void Reset() override { sqlite3_reset(stmt_.get()); }

  std::string Text(int column) const override {
    const auto* text = sqlite3_column_text(stmt_.get(), column);
    return text ? reinterpret_cast<const char*>(text) : "";
  }
  int64_t Int(int column) const override { return sqlite3_column_int64(stmt_.get(), column); }
  bool IsNull(int column) const override { return sqlite3_column_type(stmt_.get(), column) == SQLITE_NULL; }
  int64_t Changes() const override { return changes_; }

 private:
  sqlite3* db_;
  std::unique_ptr<sqlite3_stmt, Sqlite3Finalize> stmt_;
  int64_t changes_ = 0;
};

class SqliteDb final : public Db {
 public:
  explicit SqliteDb(DbPtr db) : db_(std::move(db)) {}

  Result<void> Exec(const std::string& sql) override {
    if (sqlite3_exec(db_.get(), sql.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) {
      return tl::unexpected(SqlError(db_.get(), "ledger database"));
    }
    return {};
  }

  Result<std::unique_ptr<StatementBackend>> Prepare(std::string_view sql) override {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db_.get(), sql.data(), static_cast<int>(sql.size()), &stmt, nullptr) != SQLITE_OK) {
      return tl::unexpected(SqlError(db_.get(), "ledger query"));
    }
    return std::unique_ptr<StatementBackend>(std::make_unique<SqliteStatement>(db_.get(), stmt));
  }

  // IMMEDIATE: takes the write lock up front, so a second writer waits for the busy timeout
  // instead of failing when a read transaction tries to become a write transaction.
  // One lock for the whole file, whatever the scope.
  Result<void> BeginWrite(std::string_view /*scope*/) override { return Exec("BEGIN IMMEDIATE"); }
  Result<void> Lock(std::string_view /*scope*/) override { return {}; }

  Result<void> Commit() override {
    auto committed = Exec("COMMIT");
    // A failed COMMIT can leave the transaction open; never leave the connection inside it.
    if (!committed && !sqlite3_get_autocommit(db_.get())) Rollback();
    return committed;
  }

  void Rollback() noexcept override { sqlite3_exec(db_.get(), "ROLLBACK", nullptr, nullptr, nullptr); }
  bool IsPostgres() const override { return false; }
  sqlite3* sqlite_for_tests() override { return db_.get(); }

 private:
  DbPtr db_;
};

// SQLite would create the file with 0644 less the umask; the ledger holds BG numbers, so create it
// ourselves first. SQLite gives -wal and -shm the mode of the database file.
Result<void> CreatePrivateFile(const std::filesystem::path& path) {
  const int fd = ::open(path.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0) {
    if (errno == EEXIST) return {};  // another process was first; fine
    return Fail("cannot create: " + std::string(std::strerror(errno)));
  }
  const bool ok = ::fchmod(fd, 0600) == 0;
  ::close(fd);
  if (!ok) return Fail("cannot set mode 0600");
  return {};
}

Result<void> Configure(SqliteDb& db, sqlite3* raw) {
  sqlite3_extended_result_codes(raw, 1);
  sqlite3_busy_timeout(raw, kBusyTimeoutMs);
  auto wal = Statement::Prepare(&db, "PRAGMA journal_mode = WAL");
  if (!wal) return tl::unexpected(wal.error());
  if (auto row = wal->Step(); !row) return tl::unexpected(row.error());
  if (wal->Text(0) != "wal") return Fail("cannot switch to WAL journal (got '" + wal->Text(0) + "')");
  // FULL: a committed custody record survives a power cut; NORMAL in WAL mode may lose the last ones.
  return db.Exec("PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL");
}

}  // namespace

Result<std::unique_ptr<Db>> OpenSqlite(const std::filesystem::path& path) {
  if (auto created = CreatePrivateFile(path); !created) return tl::unexpected(created.error());
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE, nullptr);
  DbPtr handle(raw);  // owns the handle even when opening failed
  if (rc != SQLITE_OK) return tl::unexpected(Error{sqlite3_errmsg(handle.get())});
  auto db = std::make_unique<SqliteDb>(std::move(handle));
  if (auto ok = Configure(*db, raw); !ok) return tl::unexpected(ok.error());
  return std::unique_ptr<Db>(std::move(db));
}

}  // namespace mailroom::ledger
