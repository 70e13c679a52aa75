// The ledger's database, whichever it is: SQLite (one file, the embedded default) or PostgreSQL
// (a server shared by the hosts of a scan center). The operations are written once against this:
// statements with `?` or `?N` placeholders (the PostgreSQL backend turns them into $N), text and
// integer binds and columns, and a write transaction that holds the ledger's write lock.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "mailroom/common/result.h"

struct sqlite3;

namespace mailroom::ledger {

/// One backend's prepared statement; used through Statement.
class StatementBackend {
 public:
  virtual ~StatementBackend() = default;
  virtual void Bind(int index, std::string_view text) = 0;
  virtual void Bind(int index, int64_t value) = 0;
  virtual void BindNull(int index) = 0;
  virtual Result<bool> Step() = 0;
  virtual void Reset() = 0;
  virtual std::string Text(int column) const = 0;
  virtual int64_t Int(int column) const = 0;
  virtual bool IsNull(int column) const = 0;
  virtual int64_t Changes() const = 0;
};

/// A connection to the ledger's database.
class Db {
 public:
  virtual ~Db() = default;
  /// Runs statements that return no rows (schema, BEGIN/COMMIT); several, separated by ';'.
  [[nodiscard]] virtual Result<void> Exec(const std::string& sql) = 0;
  [[nodiscard]] virtual Result<std::unique_ptr<StatementBackend>> Prepare(std::string_view sql) = 0;
  /// Begins a transaction holding the write lock of `scope` (BoxScope, or kLedgerScope): writers of
  /// the same scope take turns, on every host. SQLite has one lock for the whole file.
  [[nodiscard]] virtual Result<void> BeginWrite(std::string_view scope) = 0;
  /// Takes the write lock of one more scope inside the transaction, until it ends.
  [[nodiscard]] virtual Result<void> Lock(std::string_view scope) = 0;
  [[nodiscard]] virtual Result<void> Commit() = 0;
  virtual void Rollback() noexcept = 0;
  [[nodiscard]] virtual bool IsPostgres() const = 0;
  /// The SQLite connection (null on PostgreSQL), for tests of what the file itself enforces.
  virtual sqlite3* sqlite_for_tests() { return nullptr; }
};

/// The write lock of everything that is not one box's: users, sessions, settings, the schema.
inline constexpr std::string_view kLedgerScope = "ledger";
/// The write lock of one box: its row, its pages, the review desk's work on them.
[[nodiscard]] inline std::string BoxScope(std::string_view box_id) {
  return "box " + std::string(box_id);
}

/// Runs statements that return no rows.
[[nodiscard]] inline Result<void> Exec(Db* db, const std::string& sql) {
  return db->Exec(sql);
}

/// One prepared statement. Bind with 1-based indices; Step until it returns false.
class Statement {
 public:
  [[nodiscard]] static Result<Statement> Prepare(Db* db, std::string_view sql) {
    auto backend = db->Prepare(sql);
    if (!backend) return tl::unexpected(backend.error());
    return Statement(std::move(*backend));
  }

  Statement& Bind(int index, std::string_view text) {
    backend_->Bind(index, text);
    return *this;
  }
  Statement& Bind(int index, int64_t value) {
    backend_->Bind(index, value);
    return *this;
  }
  Statement& BindNull(int index) {
    backend_->BindNull(index);
    return *this;
  }

  /// True while a row is there; false when done. Errors (constraint, trigger, lock) carry the
  /// database's message.
  [[nodiscard]] Result<bool> Step() { return backend_->Step(); }
  /// Step for statements that return no rows.
  [[nodiscard]] Result<void> Run() {
    auto row = Step();
    if (!row) return tl::unexpected(row.error());
    return {};
  }
  /// Makes the statement ready to run again with new bindings.
  void Reset() { backend_->Reset(); }

  [[nodiscard]] std::string Text(int column) const { return backend_->Text(column); }
  /// An integer column; a PostgreSQL boolean reads as 1 or 0, like SQLite's.
  [[nodiscard]] int64_t Int(int column) const { return backend_->Int(column); }
  [[nodiscard]] bool IsNull(int column) const { return backend_->IsNull(column); }
  /// Rows the last INSERT, UPDATE or DELETE of this statement changed.
  [[nodiscard]] int64_t Changes() const { return backend_->Changes(); }

 private:
  explicit Statement(std::unique_ptr<StatementBackend> backend) : backend_(std::move(backend)) {}
  std::unique_ptr<StatementBackend> backend_;
};

/// A transaction holding a write lock (Db::BeginWrite), rolled back unless committed.
class WriteTransaction {
 public:
  [[nodiscard]] static Result<WriteTransaction> Begin(Db* db, std::string_view scope = kLedgerScope) {
    if (auto begun = db->BeginWrite(scope); !begun) return tl::unexpected(begun.error());
    return WriteTransaction(db);
  }
  /// Also holds the lock of `scope` (a box the transaction changes besides its own scope).
  [[nodiscard]] Result<void> Lock(std::string_view scope) { return db_->Lock(scope); }
  WriteTransaction(WriteTransaction&& other) noexcept : db_(std::exchange(other.db_, nullptr)) {}
  WriteTransaction& operator=(WriteTransaction&&) = delete;
  ~WriteTransaction() {
    if (db_) db_->Rollback();
  }

  [[nodiscard]] Result<void> Commit() { return std::exchange(db_, nullptr)->Commit(); }

 private:
  explicit WriteTransaction(Db* db) : db_(db) {}
  Db* db_;  // null once committed
};

}  // namespace mailroom::ledger
