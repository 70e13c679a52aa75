#include "sqlite_db.h"

#include <utility>

namespace mailroom::ledger {

Error SqlError(sqlite3* db, std::string_view what) {
  return Error{std::string(what) + ": " + sqlite3_errmsg(db)};
}

Result<void> Exec(sqlite3* db, const std::string& sql) {
  if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) {
    return tl::unexpected(SqlError(db, "ledger database"));
  }
  return {};
}

Result<Statement> Statement::Prepare(sqlite3* db, std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr) != SQLITE_OK) {
    return tl::unexpected(SqlError(db, "ledger query"));
  }
  return Statement(db, stmt);
}

Statement& Statement::Bind(int index, std::string_view text) {
  sqlite3_bind_text(stmt_.get(), index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
  return *this;
}

Statement& Statement::Bind(int index, int64_t value) {
  sqlite3_bind_int64(stmt_.get(), index, value);
  return *this;
}

Statement& Statement::BindNull(int index) {
  sqlite3_bind_null(stmt_.get(), index);
  return *this;
}

Result<bool> Statement::Step() {
  const int rc = sqlite3_step(stmt_.get());
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return tl::unexpected(SqlError(db_, "ledger database"));
}

Result<void> Statement::Run() {
  auto row = Step();
  if (!row) return tl::unexpected(row.error());
  return {};
}

std::string Statement::Text(int column) const {
  const auto* text = sqlite3_column_text(stmt_.get(), column);
  return text ? reinterpret_cast<const char*>(text) : "";
}

int64_t Statement::Int(int column) const {
  return sqlite3_column_int64(stmt_.get(), column);
}

bool Statement::IsNull(int column) const {
  return sqlite3_column_type(stmt_.get(), column) == SQLITE_NULL;
}

Result<WriteTransaction> WriteTransaction::Begin(sqlite3* db) {
  if (auto begun = Exec(db, "BEGIN IMMEDIATE"); !begun) return tl::unexpected(begun.error());
  return WriteTransaction(db);
}

WriteTransaction::~WriteTransaction() {
  if (db_) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
}

Result<void> WriteTransaction::Commit() {
  sqlite3* db = std::exchange(db_, nullptr);
  auto committed = Exec(db, "COMMIT");
  // A failed COMMIT can leave the transaction open; never leave the connection inside it.
  if (!committed && !sqlite3_get_autocommit(db)) sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
  return committed;
}

}  // namespace mailroom::ledger
