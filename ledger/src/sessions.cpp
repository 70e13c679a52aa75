// Logging in and the sessions that follow (sessions.h).
#include "mailroom/ledger/sessions.h"

#include <algorithm>
#include <cctype>

#include "audit.h"
#include "ledger_impl.h"
#include "mailroom/ledger/users.h"
#include "secrets.h"
#include "time_text.h"

namespace mailroom::ledger {
namespace {

// Every request would otherwise be a write (and an fsync): a session's last request is recorded
// only when it moved by this much, well inside the idle limit.
constexpr std::chrono::seconds kTouchEvery{15};

constexpr const char* kWrongCredentials = "wrong login or password";

std::string Lower(std::string_view text) {
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  return lower;
}

bool IsToken(std::string_view token) {
  return token.size() == 64 && std::all_of(token.begin(), token.end(),
                                           [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

struct Account {
  std::string password_hash;
  bool disabled = false;
};

Result<std::optional<Account>> LoadAccount(Db* db, std::string_view login) {
  auto select = Statement::Prepare(db, "SELECT password_hash, disabled FROM users WHERE login = ?");
  if (!select) return tl::unexpected(select.error());
  select->Bind(1, login);
  auto row = select->Step();
  if (!row) return tl::unexpected(row.error());
  if (!*row) return std::optional<Account>();
  return std::optional<Account>(Account{select->Text(0), select->Int(1) != 0});
}

// The failed logins of `login_hash` inside the window before `now`, and the oldest of them.
struct Failures {
  int count = 0;
  Timestamp oldest;
};

Result<Failures> RecentFailures(Db* db, const std::string& login_hash, Timestamp now) {
  auto select = Statement::Prepare(db, "SELECT count(*), min(at) FROM login_failures WHERE login_hash = ? AND at > ?");
  if (!select) return tl::unexpected(select.error());
  select->Bind(1, login_hash).Bind(2, FormatTimestamp(now - kLoginFailureWindow));
  if (auto row = select->Step(); !row) return tl::unexpected(row.error());
  Failures failures;
  failures.count = static_cast<int>(select->Int(0));
  if (failures.count > 0) {
    auto oldest = ParseTimestamp(select->Text(1));
    if (!oldest) return tl::unexpected(oldest.error());
    failures.oldest = *oldest;
  }
  return failures;
}

Result<void> Run(Db* db, std::string_view sql, std::initializer_list<std::string_view> values) {
  auto stmt = Statement::Prepare(db, sql);
  if (!stmt) return tl::unexpected(stmt.error());
  int index = 1;
  for (auto value : values) stmt->Bind(index++, value);
  return stmt->Run();
}

Result<void> RecordFailure(Db* db, const std::string& login, const std::string& login_hash, bool exists,
                           std::string_view why, Timestamp now) {
  auto tx = WriteTransaction::Begin(db);
  if (!tx) return tl::unexpected(tx.error());
  // Old failures of any login go: they no longer count, and the table must not grow for ever.
  if (auto pruned = Run(db, "DELETE FROM login_failures WHERE at <= ?", {FormatTimestamp(now - kLoginFailureWindow)});
      !pruned) {
    return pruned;
  }
  if (auto added =
          Run(db, "INSERT INTO login_failures(login_hash, at) VALUES(?, ?)", {login_hash, FormatTimestamp(now)});
      !added) {
    return added;
  }
  if (exists) {
    if (auto audited =
            WriteAudit(db, "", Stamp{"login page", now}, "user " + login + " login failed: " + std::string(why));
        !audited) {
      return audited;
    }
  }
  return tx->Commit();
}

Result<void> LoadGrants(Db* db, SessionInfo& session) {
  auto select = Statement::Prepare(db, "SELECT jobcenter_id FROM user_grants WHERE login = ? ORDER BY jobcenter_id");
  if (!select) return tl::unexpected(select.error());
  select->Bind(1, session.login);
  for (;;) {
    auto row = select->Step();
    if (!row) return tl::unexpected(row.error());
    if (!*row) return {};
    if (select->Text(0) == kAllJobcenters) {
      session.all_jobcenters = true;
    } else {
      session.jobcenters.push_back(select->Text(0));
    }
  }
}

}  // namespace

Sessions::Sessions(Ledger& ledger) : db_(ledger.impl_->db.get()) {}

Result<LoginResult> Sessions::LogIn(std::string_view typed_login, std::string_view password, Timestamp now) {
  const std::string login = Lower(typed_login);
  const std::string login_hash = HashForLookup(login);
  auto failures = RecentFailures(db_, login_hash, now);
  if (!failures) return tl::unexpected(failures.error());
  if (failures->count >= kMaxLoginFailures) {
    const auto wait = std::chrono::ceil<std::chrono::minutes>(failures->oldest + kLoginFailureWindow - now);
    return LoginResult{
        std::nullopt, "",
        "too many failed logins: try again in " + std::to_string(std::max<long>(1, wait.count())) + " minutes", true};
  }
  auto account = LoadAccount(db_, login);
  if (!account) return tl::unexpected(account.error());
  // The slow part, outside any transaction. An unknown login costs the same as a wrong password.
  bool right = false;
  if (*account) {
    right = VerifyPassword((*account)->password_hash, password);
  } else {
    VerifyAgainstNothing(password);
  }
  if (!right || (*account)->disabled) {
    const char* why = !right ? "wrong password" : "user disabled";
    if (auto recorded = RecordFailure(db_, login, login_hash, account->has_value(), why, now); !recorded) {
      return tl::unexpected(recorded.error());
    }
    return LoginResult{std::nullopt, "", kWrongCredentials};
  }

  std::optional<std::string> rehashed;
  if (NeedsRehash((*account)->password_hash)) {
    if (auto hash = HashPassword(password)) rehashed = *hash;
  }
  SessionInfo session{login, RandomToken(), {}, false, now, now + kSessionLifetime, now};
  const std::string token = RandomToken();
  auto tx = WriteTransaction::Begin(db_);
  if (!tx) return tl::unexpected(tx.error());
  if (auto cleared = Run(db_, "DELETE FROM login_failures WHERE login_hash = ?", {login_hash}); !cleared) {
    return tl::unexpected(cleared.error());
  }
  // Ended sessions of anybody go here: a login is rare enough, and nobody else deletes them.
  if (auto pruned = Run(db_, "DELETE FROM sessions WHERE expires_at <= ? OR last_seen <= ?",
                        {FormatTimestamp(now), FormatTimestamp(now - kSessionIdle)});
      !pruned) {
    return tl::unexpected(pruned.error());
  }
  if (rehashed) {
    if (auto updated = Run(db_, "UPDATE users SET password_hash = ? WHERE login = ?", {*rehashed, login}); !updated) {
      return tl::unexpected(updated.error());
    }
  }
  if (auto inserted = Run(db_, R"sql(
        INSERT INTO sessions(token_hash, login, csrf_token, created_at, expires_at, last_seen)
        VALUES(?, ?, ?, ?, ?, ?))sql",
                          {HashForLookup(token), login, session.csrf_token, FormatTimestamp(now),
                           FormatTimestamp(session.expires_at), FormatTimestamp(now)});
      !inserted) {
    return tl::unexpected(inserted.error());
  }
  if (auto audited = WriteAudit(db_, "", Stamp{login, now}, "user " + login + " logged in"); !audited) {
    return tl::unexpected(audited.error());
  }
  if (auto grants = LoadGrants(db_, session); !grants) return tl::unexpected(grants.error());
  if (auto committed = tx->Commit(); !committed) return tl::unexpected(committed.error());
  return LoginResult{std::move(session), token, ""};
}

Result<std::optional<SessionInfo>> Sessions::Find(std::string_view token, Timestamp now) {
  if (!IsToken(token)) return std::optional<SessionInfo>();
  const std::string token_hash = HashForLookup(token);
  auto select = Statement::Prepare(db_, R"sql(
    SELECT s.login, s.csrf_token, s.created_at, s.expires_at, s.last_seen, u.disabled
    FROM sessions s JOIN users u ON u.login = s.login WHERE s.token_hash = ?)sql");
  if (!select) return tl::unexpected(select.error());
  select->Bind(1, token_hash);
  auto row = select->Step();
  if (!row) return tl::unexpected(row.error());
  if (!*row) return std::optional<SessionInfo>();
  SessionInfo session;
  session.login = select->Text(0);
  session.csrf_token = select->Text(1);
  auto created = ParseTimestamp(select->Text(2));
  auto expires = ParseTimestamp(select->Text(3));
  auto seen = ParseTimestamp(select->Text(4));
  if (!created || !expires || !seen) return Fail("session of user " + session.login + ": a time is not a time");
  session.created_at = *created;
  session.expires_at = *expires;
  session.last_seen = *seen;
  const bool disabled = select->Int(5) != 0;
  select->Reset();

  if (disabled || now >= session.expires_at || now - session.last_seen >= kSessionIdle) {
    if (auto removed = Run(db_, "DELETE FROM sessions WHERE token_hash = ?", {token_hash}); !removed) {
      return tl::unexpected(removed.error());
    }
    return std::optional<SessionInfo>();
  }
  if (now - session.last_seen >= kTouchEvery) {
    if (auto touched =
            Run(db_, "UPDATE sessions SET last_seen = ? WHERE token_hash = ?", {FormatTimestamp(now), token_hash});
        !touched) {
      return tl::unexpected(touched.error());
    }
    session.last_seen = now;
  }
  if (auto grants = LoadGrants(db_, session); !grants) return tl::unexpected(grants.error());
  return std::optional<SessionInfo>(std::move(session));
}

Result<void> Sessions::LogOut(std::string_view token, Timestamp now) {
  if (!IsToken(token)) return {};
  const std::string token_hash = HashForLookup(token);
  auto tx = WriteTransaction::Begin(db_);
  if (!tx) return tl::unexpected(tx.error());
  auto select = Statement::Prepare(db_, "SELECT login FROM sessions WHERE token_hash = ?");
  if (!select) return tl::unexpected(select.error());
  select->Bind(1, token_hash);
  auto row = select->Step();
  if (!row) return tl::unexpected(row.error());
  if (!*row) return {};
  const std::string login = select->Text(0);
  select->Reset();
  if (auto removed = Run(db_, "DELETE FROM sessions WHERE token_hash = ?", {token_hash}); !removed) return removed;
  if (auto audited = WriteAudit(db_, "", Stamp{login, now}, "user " + login + " logged out"); !audited) return audited;
  return tx->Commit();
}

}  // namespace mailroom::ledger
