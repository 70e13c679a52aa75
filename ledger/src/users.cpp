// The web pages' users and their grants (users.h).
#include "mailroom/ledger/users.h"

#include <algorithm>

#include "audit.h"
#include "ledger_impl.h"
#include "secrets.h"
#include "time_text.h"

namespace mailroom::ledger {
namespace {

// Jobcenter ids are as in the registry ("jobcenter-kiel"); the same characters as a login.
bool IdCharacter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
}

std::string JobcenterProblem(std::string_view jobcenter) {
  if (jobcenter == kAllJobcenters) return "";
  if (jobcenter.empty()) return "a jobcenter id is empty";
  const bool ok =
      std::all_of(jobcenter.begin(), jobcenter.end(), [](char c) { return IdCharacter(c) || (c >= 'A' && c <= 'Z'); });
  if (!ok || jobcenter.size() > 128)
    return "jobcenter id '" + std::string(jobcenter) + "' has characters a jobcenter id does not have";
  return "";
}

Result<bool> UserExists(Db* db, std::string_view login, bool* disabled = nullptr) {
  auto find = Statement::Prepare(db, "SELECT disabled FROM users WHERE login = ?");
  if (!find) return tl::unexpected(find.error());
  find->Bind(1, login);
  auto row = find->Step();
  if (!row) return tl::unexpected(row.error());
  if (*row && disabled) *disabled = find->Int(0) != 0;
  return *row;
}

// Removes every session of `login`: a disabled user or a changed password ends them at once.
Result<void> EndSessions(Db* db, std::string_view login) {
  auto remove = Statement::Prepare(db, "DELETE FROM sessions WHERE login = ?");
  if (!remove) return tl::unexpected(remove.error());
  remove->Bind(1, login);
  return remove->Run();
}

// Whether the grant is new (false: granted before).
Result<bool> InsertGrant(Db* db, std::string_view login, std::string_view jobcenter) {
  auto insert =
      Statement::Prepare(db, "INSERT INTO user_grants(login, jobcenter_id) VALUES(?, ?) ON CONFLICT DO NOTHING");
  if (!insert) return tl::unexpected(insert.error());
  insert->Bind(1, login).Bind(2, jobcenter);
  if (auto done = insert->Run(); !done) return tl::unexpected(done.error());
  return insert->Changes() != 0;
}

std::string Joined(const std::vector<std::string>& items) {
  std::string text;
  for (const auto& item : items) text += (text.empty() ? "" : ", ") + item;
  return text.empty() ? "none" : text;
}

}  // namespace

std::string LoginProblem(std::string_view login) {
  if (login.empty()) return "a login is required";
  if (login.size() > 64) return "a login has at most 64 characters";
  if (!std::all_of(login.begin(), login.end(), IdCharacter) || !IdCharacter(login.front()) || login.front() == '-') {
    return "login '" + std::string(login) + "': only lower case letters, digits, '.', '_' and '-' (an operator id)";
  }
  return "";
}

std::string PasswordProblem(std::string_view password) {
  if (password.size() < kMinPasswordLength) {
    return "a password needs at least " + std::to_string(kMinPasswordLength) + " characters";
  }
  if (password.size() > 1024) return "a password has at most 1024 characters";
  return "";
}

Users::Users(Ledger& ledger) : db_(ledger.impl_->db.get()) {}

Result<void> Users::Add(std::string_view login, std::string_view password, const std::vector<std::string>& jobcenters,
                        const Stamp& stamp) {
  const std::string what = "cannot add user " + std::string(login);
  if (auto problem = LoginProblem(login); !problem.empty()) return Fail(what + ": " + problem);
  if (auto problem = PasswordProblem(password); !problem.empty()) return Fail(what + ": " + problem);
  for (const auto& jobcenter : jobcenters) {
    if (auto problem = JobcenterProblem(jobcenter); !problem.empty()) return Fail(what + ": " + problem);
  }
  // Hashed before the write lock is taken: the hash takes a tenth of a second.
  auto hash = HashPassword(password);
  if (!hash) return tl::unexpected(hash.error().Prefixed(what));
  auto tx = WriteTransaction::Begin(db_);
  if (!tx) return tl::unexpected(tx.error());
  auto exists = UserExists(db_, login);
  if (!exists) return tl::unexpected(exists.error());
  if (*exists) return Fail(what + ": the login exists already");
  auto insert = Statement::Prepare(db_, "INSERT INTO users(login, password_hash, created_at) VALUES(?, ?, ?)");
  if (!insert) return tl::unexpected(insert.error());
  insert->Bind(1, login).Bind(2, *hash).Bind(3, FormatTimestamp(stamp.when));
  if (auto done = insert->Run(); !done) return tl::unexpected(done.error().Prefixed(what));
  for (const auto& jobcenter : jobcenters) {
    if (auto granted = InsertGrant(db_, login, jobcenter); !granted) return tl::unexpected(granted.error());
  }
  if (auto audited =
          WriteAudit(db_, "", stamp, "user " + std::string(login) + " added, jobcenters " + Joined(jobcenters));
      !audited) {
    return audited;
  }
  return tx->Commit();
}

Result<void> Users::Grant(std::string_view login, std::string_view jobcenter, const Stamp& stamp) {
  const std::string what = "cannot grant " + std::string(jobcenter) + " to user " + std::string(login);
  if (auto problem = JobcenterProblem(jobcenter); !problem.empty()) return Fail(what + ": " + problem);
  auto tx = WriteTransaction::Begin(db_);
  if (!tx) return tl::unexpected(tx.error());
  auto exists = UserExists(db_, login);
  if (!exists) return tl::unexpected(exists.error());
  if (!*exists) return Fail(what + ": no such user");
  auto granted = InsertGrant(db_, login, jobcenter);
  if (!granted) return tl::unexpected(granted.error());
  if (!*granted) return {};  // granted before: nothing to record
  if (auto audited = WriteAudit(db_, "", stamp, "user " + std::string(login) + " granted " + std::string(jobcenter));
      !audited) {
    return audited;
  }
  return tx->Commit();
}

Result<void> Users::Revoke(std::string_view login, std::string_view jobcenter, const Stamp& stamp) {
  const std::string what = "cannot revoke " + std::string(jobcenter) + " from user " + std::string(login);
  auto tx = WriteTransaction::Begin(db_);
  if (!tx) return tl::unexpected(tx.error());
  auto exists = UserExists(db_, login);
  if (!exists) return tl::unexpected(exists.error());
  if (!*exists) return Fail(what + ": no such user");
  auto remove = Statement::Prepare(db_, "DELETE FROM user_grants WHERE login = ? AND jobcenter_id = ?");
  if (!remove) return tl::unexpected(remove.error());
  remove->Bind(1, login).Bind(2, jobcenter);
  if (auto done = remove->Run(); !done) return done;
  if (remove->Changes() == 0) return Fail(what + ": the user has no such grant");
  if (auto audited = WriteAudit(db_, "", stamp, "user " + std::string(login) + " revoked " + std::string(jobcenter));
      !audited) {
    return audited;
  }
  return tx->Commit();
}

Result<void> Users::Disable(std::string_view login, const Stamp& stamp) {
  const std::string what = "cannot disable user " + std::string(login);
  auto tx = WriteTransaction::Begin(db_);
  if (!tx) return tl::unexpected(tx.error());
  bool disabled = false;
  auto exists = UserExists(db_, login, &disabled);
  if (!exists) return tl::unexpected(exists.error());
  if (!*exists) return Fail(what + ": no such user");
  if (disabled) return Fail(what + ": disabled already");
  auto update = Statement::Prepare(db_, "UPDATE users SET disabled = 1 WHERE login = ?");
  if (!update) return tl::unexpected(update.error());
  update->Bind(1, login);
  if (auto done = update->Run(); !done) return done;
  if (auto ended = EndSessions(db_, login); !ended) return ended;
  if (auto audited = WriteAudit(db_, "", stamp, "user " + std::string(login) + " disabled"); !audited) return audited;
  return tx->Commit();
}

Result<void> Users::SetPassword(std::string_view login, std::string_view password, const Stamp& stamp) {
  const std::string what = "cannot change the password of user " + std::string(login);
  if (auto problem = PasswordProblem(password); !problem.empty()) return Fail(what + ": " + problem);
  auto hash = HashPassword(password);
  if (!hash) return tl::unexpected(hash.error().Prefixed(what));
  auto tx = WriteTransaction::Begin(db_);
  if (!tx) return tl::unexpected(tx.error());
  auto exists = UserExists(db_, login);
  if (!exists) return tl::unexpected(exists.error());
  if (!*exists) return Fail(what + ": no such user");
  auto update = Statement::Prepare(db_, "UPDATE users SET password_hash = ? WHERE login = ?");
  if (!update) return tl::unexpected(update.error());
  update->Bind(1, *hash).Bind(2, login);
  if (auto done = update->Run(); !done) return done;
  if (auto ended = EndSessions(db_, login); !ended) return ended;
  if (auto audited = WriteAudit(db_, "", stamp, "user " + std::string(login) + " password changed"); !audited) {
    return audited;
  }
  return tx->Commit();
}

Result<std::vector<User>> Users::List() {
  auto select = Statement::Prepare(db_, R"sql(
    SELECT u.login, u.created_at, u.disabled, g.jobcenter_id
    FROM users u LEFT JOIN user_grants g ON g.login = u.login ORDER BY u.login, g.jobcenter_id)sql");
  if (!select) return tl::unexpected(select.error());
  std::vector<User> users;
  for (;;) {
    auto row = select->Step();
    if (!row) return tl::unexpected(row.error());
    if (!*row) break;
    if (users.empty() || users.back().login != select->Text(0)) {
      auto created = ParseTimestamp(select->Text(1));
      if (!created) return tl::unexpected(created.error().Prefixed("user " + select->Text(0)));
      users.push_back(User{select->Text(0), *created, select->Int(2) != 0, {}, false});
    }
    if (select->IsNull(3)) continue;
    if (select->Text(3) == kAllJobcenters) {
      users.back().all_jobcenters = true;
    } else {
      users.back().jobcenters.push_back(select->Text(3));
    }
  }
  return users;
}

Result<std::optional<User>> Users::Find(std::string_view login) {
  auto users = List();
  if (!users) return tl::unexpected(users.error());
  for (auto& user : *users) {
    if (user.login == login) return std::optional<User>(std::move(user));
  }
  return std::optional<User>();
}

}  // namespace mailroom::ledger
