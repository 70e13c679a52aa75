// The only file that calls sqlite3_close/sqlite3_finalize: RAII for the connection and its
// statements, a transaction guard that rolls back unless committed, and errors that carry
// SQLite's own message.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "mailroom/common/result.h"

namespace mailroom::ledger {

struct Sqlite3Close {
  void operator()(sqlite3* db) const noexcept { sqlite3_close_v2(db); }
};
using DbPtr = std::unique_ptr<sqlite3, Sqlite3Close>;

struct Sqlite3Finalize {
  void operator()(sqlite3_stmt* s) const noexcept { sqlite3_finalize(s); }
};

/// "what: SQLite's message for the last error on db".
[[nodiscard]] Error SqlError(sqlite3* db, std::string_view what);

/// Runs statements that return no rows (schema, pragmas, BEGIN/COMMIT).
[[nodiscard]] Result<void> Exec(sqlite3* db, const std::string& sql);

/// One prepared statement. Bind with 1-based indices; Step until it returns false.
class Statement {
 public:
  [[nodiscard]] static Result<Statement> Prepare(sqlite3* db, std::string_view sql);

  Statement& Bind(int index, std::string_view text);
  Statement& Bind(int index, int64_t value);
  Statement& BindNull(int index);

  /// True while a row is there; false when done. Errors (constraint, RAISE, busy) carry SQLite's
  /// message.
  [[nodiscard]] Result<bool> Step();
  /// Step for statements that return no rows.
  [[nodiscard]] Result<void> Run();
  /// Makes the statement ready to run again with new bindings.
  void Reset() { sqlite3_reset(stmt_.get()); }

  [[nodiscard]] std::string Text(int column) const;
  [[nodiscard]] int64_t Int(int column) const;
  [[nodiscard]] bool IsNull(int column) const;

 private:
  Statement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  sqlite3* db_;
  std::unique_ptr<sqlite3_stmt, Sqlite3Finalize> stmt_;
};

/// BEGIN IMMEDIATE: takes the write lock up front, so a second writer waits for the busy timeout
/// instead of failing when a read transaction tries to become a write transaction.
class WriteTransaction {
 public:
  [[nodiscard]] static Result<WriteTransaction> Begin(sqlite3* db);
  WriteTransaction(WriteTransaction&& other) noexcept : db_(std::exchange(other.db_, nullptr)) {}
  WriteTransaction& operator=(WriteTransaction&&) = delete;
  ~WriteTransaction();

  [[nodiscard]] Result<void> Commit();

 private:
  explicit WriteTransaction(sqlite3* db) : db_(db) {}
  sqlite3* db_;  // null once committed
};

}  // namespace mailroom::ledger
