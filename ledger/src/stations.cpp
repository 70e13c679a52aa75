// The scan stations' queues, resume requests and states (stations.h), in tables station_jobs,
// station_resumes and station_states (schema version 7).
#include "mailroom/ledger/stations.h"

#include <algorithm>

#include "audit.h"
#include "ledger_impl.h"
#include "time_text.h"

namespace mailroom::ledger {
namespace {

// The write lock of one station: its queue's current job, its state and its resume request.
std::string StationScope(std::string_view station_id) {
  return "station " + std::string(station_id);
}

std::string Problem(std::string_view station_id, const std::string& what) {
  return "station " + std::string(station_id) + ": " + what;
}

Result<void> CheckIds(std::string_view station_id, std::string_view box_id = "-") {
  if (station_id.empty()) return Fail("station: an empty station id");
  if (box_id.empty()) return Fail(Problem(station_id, "an empty box id"));
  return {};
}

// The first column of the first row, if there is one.
Result<std::optional<std::string>> FirstText(Statement& stmt) {
  auto row = stmt.Step();
  if (!row) return tl::unexpected(row.error());
  if (!*row) return std::optional<std::string>{};
  return std::optional<std::string>{stmt.Text(0)};
}

Result<std::optional<std::string>> QueryText(Db* db, std::string_view sql, std::string_view key) {
  auto stmt = Statement::Prepare(db, sql);
  if (!stmt) return tl::unexpected(stmt.error());
  stmt->Bind(1, key);
  return FirstText(*stmt);
}

Result<int> WaitingCount(Db* db, std::string_view station_id) {
  auto stmt = Statement::Prepare(db, "SELECT count(*) FROM station_jobs WHERE station_id = ? AND state = 'waiting'");
  if (!stmt) return tl::unexpected(stmt.error());
  stmt->Bind(1, station_id);
  if (auto row = stmt->Step(); !row) return tl::unexpected(row.error());
  return static_cast<int>(stmt->Int(0));
}

// The columns of a station's state, in the order ReadState reads them, from states s.
constexpr const char* kStateColumns = R"sql(
  s.station_id, s.state, s.reason, s.box_id, s.pages, s.running, s.updated_at,
  (SELECT count(*) FROM station_jobs j WHERE j.station_id = s.station_id AND j.state = 'waiting'),
  (SELECT count(*) FROM station_resumes r WHERE r.station_id = s.station_id))sql";

StationState ReadState(const Statement& stmt) {
  StationState s;
  s.station_id = stmt.Text(0);
  s.state = stmt.Text(1);
  s.reason = stmt.Text(2);
  s.box_id = stmt.Text(3);
  s.pages = static_cast<int>(stmt.Int(4));
  s.running = stmt.Int(5) != 0;
  s.updated_at = ParseTimestamp(stmt.Text(6)).value_or(Timestamp{});
  s.jobs_waiting = static_cast<int>(stmt.Int(7));
  s.resume_requested = stmt.Int(8) != 0;
  return s;
}

std::optional<Timestamp> OptionalTime(const Statement& stmt, int column) {
  if (stmt.IsNull(column)) return std::nullopt;
  auto parsed = ParseTimestamp(stmt.Text(column));
  return parsed ? std::optional<Timestamp>{*parsed} : std::nullopt;
}

}  // namespace

Stations::Stations(Ledger& ledger) : db_(ledger.impl_->db.get()) {}

Result<Assignment> Stations::Assign(std::string_view box_id, std::string_view station_id, const Stamp& stamp) {
  if (auto ok = CheckIds(station_id, box_id); !ok) return tl::unexpected(ok.error());
  auto tx = WriteTransaction::Begin(db_, BoxScope(box_id));
  if (!tx) return tl::unexpected(tx.error());
  if (auto locked = tx->Lock(StationScope(station_id)); !locked) return tl::unexpected(locked.error());
  Assignment answer;
  auto state = QueryText(db_, "SELECT state FROM boxes WHERE box_id = ?", box_id);
  if (!state) return tl::unexpected(state.error());
  if (!*state) return Assignment{.outcome = Assignment::Outcome::kUnknownBox};
  auto parsed = ParseState(**state);
  if (!parsed) return tl::unexpected(parsed.error());
  answer.box_state = *parsed;
  if (*parsed != BoxState::kReceived && *parsed != BoxState::kScanning) {
    answer.outcome = Assignment::Outcome::kNotScannable;
    return answer;
  }
  auto holder = QueryText(
      db_, "SELECT station_id FROM station_jobs WHERE box_id = ? AND state IN ('waiting', 'current')", box_id);
  if (!holder) return tl::unexpected(holder.error());
  if (*holder) {
    answer.outcome = Assignment::Outcome::kHeld;
    answer.held_by = **holder;
    return answer;
  }
  auto insert = Statement::Prepare(db_,
                                   "INSERT INTO station_jobs(box_id, station_id, state, assigned_at, assigned_by) "
                                   "VALUES (?, ?, 'waiting', ?, ?)");
  if (!insert) return tl::unexpected(insert.error());
  insert->Bind(1, box_id).Bind(2, station_id).Bind(3, FormatTimestamp(stamp.when)).Bind(4, stamp.who);
  if (auto ran = insert->Run(); !ran) return tl::unexpected(ran.error().Prefixed(Problem(station_id, "assign")));
  if (auto audited = WriteAudit(db_, box_id, stamp, "station job: assigned to " + std::string(station_id)); !audited) {
    return tl::unexpected(audited.error());
  }
  auto waiting = WaitingCount(db_, station_id);
  if (!waiting) return tl::unexpected(waiting.error());
  answer.jobs_waiting = *waiting;
  if (auto committed = tx->Commit(); !committed) return tl::unexpected(committed.error());
  return answer;
}

Result<std::optional<std::string>> Stations::TakeNext(std::string_view station_id, Timestamp now) {
  if (auto ok = CheckIds(station_id); !ok) return tl::unexpected(ok.error());
  auto tx = WriteTransaction::Begin(db_, StationScope(station_id));
  if (!tx) return tl::unexpected(tx.error());
  auto current = CurrentBox(station_id);
  if (!current) return tl::unexpected(current.error());
  if (*current) return Fail(Problem(station_id, "still on box " + **current));
  auto oldest = Statement::Prepare(
      db_,
      "SELECT job_id, box_id FROM station_jobs WHERE station_id = ? AND state = 'waiting' ORDER BY job_id LIMIT 1");
  if (!oldest) return tl::unexpected(oldest.error());
  oldest->Bind(1, station_id);
  auto row = oldest->Step();
  if (!row) return tl::unexpected(row.error());
  if (!*row) return std::optional<std::string>{};
  const int64_t job_id = oldest->Int(0);
  const std::string box_id = oldest->Text(1);
  auto take = Statement::Prepare(db_, "UPDATE station_jobs SET state = 'current', taken_at = ? WHERE job_id = ?");
  if (!take) return tl::unexpected(take.error());
  take->Bind(1, FormatTimestamp(now)).Bind(2, job_id);
  if (auto ran = take->Run(); !ran) return tl::unexpected(ran.error().Prefixed(Problem(station_id, "taking a job")));
  if (auto committed = tx->Commit(); !committed) return tl::unexpected(committed.error());
  return std::optional<std::string>{box_id};
}

Result<std::optional<std::string>> Stations::CurrentBox(std::string_view station_id) {
  return QueryText(db_, "SELECT box_id FROM station_jobs WHERE station_id = ? AND state = 'current'", station_id);
}

Result<void> Stations::Finish(std::string_view station_id, int pages, std::string_view failure, const Stamp& stamp) {
  if (auto ok = CheckIds(station_id); !ok) return ok;
  if (pages < 0) return Fail(Problem(station_id, "a job ends with 0 pages or more"));
  auto current = CurrentBox(station_id);
  if (!current) return tl::unexpected(current.error());
  if (!*current) return Fail(Problem(station_id, "no current job to end"));
  const std::string box_id = **current;
  auto tx = WriteTransaction::Begin(db_, BoxScope(box_id));
  if (!tx) return tl::unexpected(tx.error());
  if (auto locked = tx->Lock(StationScope(station_id)); !locked) return locked;
  const bool done = failure.empty();
  auto end = Statement::Prepare(db_,
                                "UPDATE station_jobs SET state = ?, finished_at = ?, pages = ?, failure = ? "
                                "WHERE station_id = ? AND box_id = ? AND state = 'current'");
  if (!end) return tl::unexpected(end.error());
  end->Bind(1, done ? "done" : "failed")
      .Bind(2, FormatTimestamp(stamp.when))
      .Bind(3, int64_t{pages})
      .Bind(4, failure)
      .Bind(5, station_id)
      .Bind(6, box_id);
  if (auto ran = end->Run(); !ran) return ran;
  if (end->Changes() != 1) return Fail(Problem(station_id, "the job of box " + box_id + " ended meanwhile"));
  const std::string what =
      done ? "station job: done at " + std::string(station_id) + ", " + std::to_string(pages) + " pages"
           : "station job: failed at " + std::string(station_id);
  if (auto audited = WriteAudit(db_, box_id, stamp, what); !audited) return audited;
  return tx->Commit();
}

Result<std::vector<StationJob>> Stations::Jobs(std::string_view station_id) {
  auto stmt = Statement::Prepare(db_, R"sql(
    SELECT job_id, box_id, station_id, state, assigned_by, assigned_at, taken_at, finished_at, pages, failure
    FROM station_jobs WHERE station_id = ? ORDER BY job_id)sql");
  if (!stmt) return tl::unexpected(stmt.error());
  stmt->Bind(1, station_id);
  std::vector<StationJob> jobs;
  for (;;) {
    auto row = stmt->Step();
    if (!row) return tl::unexpected(row.error());
    if (!*row) return jobs;
    StationJob job{
        .job_id = stmt->Int(0), .box_id = stmt->Text(1), .station_id = stmt->Text(2), .state = stmt->Text(3)};
    job.assigned = Stamp{stmt->Text(4), ParseTimestamp(stmt->Text(5)).value_or(Timestamp{})};
    job.taken_at = OptionalTime(*stmt, 6);
    job.finished_at = OptionalTime(*stmt, 7);
    job.pages = static_cast<int>(stmt->Int(8));
    job.failure = stmt->Text(9);
    jobs.push_back(std::move(job));
  }
}

Result<std::vector<std::string>> Stations::Waiting(std::string_view station_id) {
  auto jobs = Jobs(station_id);
  if (!jobs) return tl::unexpected(jobs.error());
  std::vector<std::string> boxes;
  for (const auto& job : *jobs) {
    if (job.state == "waiting") boxes.push_back(job.box_id);
  }
  return boxes;
}

Result<ResumeRequest> Stations::RequestResume(std::string_view station_id, const Stamp& stamp) {
  if (auto ok = CheckIds(station_id); !ok) return tl::unexpected(ok.error());
  auto before = StateOf(station_id);  // the paused box, whose lock the audit row needs
  if (!before) return tl::unexpected(before.error());
  if (!*before) return ResumeRequest{.outcome = ResumeRequest::Outcome::kNeverRan};
  if ((*before)->state != "paused")
    return ResumeRequest{.outcome = ResumeRequest::Outcome::kNotPaused, .state = **before};
  auto tx = WriteTransaction::Begin(db_, BoxScope((*before)->box_id));
  if (!tx) return tl::unexpected(tx.error());
  if (auto locked = tx->Lock(StationScope(station_id)); !locked) return tl::unexpected(locked.error());
  auto now = StateOf(station_id);
  if (!now) return tl::unexpected(now.error());
  ResumeRequest answer{.state = **now};
  if (answer.state.state != "paused" || answer.state.box_id != (*before)->box_id) {
    answer.outcome = ResumeRequest::Outcome::kNotPaused;
    return answer;
  }
  auto request = Statement::Prepare(db_, R"sql(
    INSERT INTO station_resumes(station_id, box_id, requested_at, requested_by) VALUES (?, ?, ?, ?)
    ON CONFLICT(station_id) DO UPDATE SET box_id = excluded.box_id, requested_at = excluded.requested_at,
                                          requested_by = excluded.requested_by)sql");
  if (!request) return tl::unexpected(request.error());
  request->Bind(1, station_id).Bind(2, answer.state.box_id).Bind(3, FormatTimestamp(stamp.when)).Bind(4, stamp.who);
  if (auto ran = request->Run(); !ran) return tl::unexpected(ran.error().Prefixed(Problem(station_id, "resume")));
  if (auto audited = WriteAudit(db_, answer.state.box_id, stamp, "station job: resumed at " + std::string(station_id));
      !audited) {
    return tl::unexpected(audited.error());
  }
  if (auto committed = tx->Commit(); !committed) return tl::unexpected(committed.error());
  answer.state.resume_requested = true;
  return answer;
}

Result<bool> Stations::TakeResume(std::string_view station_id) {
  auto tx = WriteTransaction::Begin(db_, StationScope(station_id));
  if (!tx) return tl::unexpected(tx.error());
  auto take = Statement::Prepare(db_, "DELETE FROM station_resumes WHERE station_id = ?");
  if (!take) return tl::unexpected(take.error());
  take->Bind(1, station_id);
  if (auto ran = take->Run(); !ran) return tl::unexpected(ran.error());
  const bool taken = take->Changes() == 1;
  if (auto committed = tx->Commit(); !committed) return tl::unexpected(committed.error());
  return taken;
}

Result<void> Stations::Report(const StationState& s) {
  if (auto ok = CheckIds(s.station_id); !ok) return ok;
  if (std::find(kStationStates.begin(), kStationStates.end(), s.state) == kStationStates.end()) {
    return Fail(Problem(s.station_id, "no state '" + s.state + "' (idle, scanning, paused, handing-over)"));
  }
  auto tx = WriteTransaction::Begin(db_, StationScope(s.station_id));
  if (!tx) return tl::unexpected(tx.error());
  auto report = Statement::Prepare(db_, R"sql(
    INSERT INTO station_states(station_id, state, reason, box_id, pages, running, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT(station_id) DO UPDATE SET state = excluded.state, reason = excluded.reason, box_id = excluded.box_id,
                                          pages = excluded.pages, running = excluded.running,
                                          updated_at = excluded.updated_at)sql");
  if (!report) return tl::unexpected(report.error());
  report->Bind(1, s.station_id)
      .Bind(2, s.state)
      .Bind(3, s.reason)
      .Bind(4, s.box_id)
      .Bind(5, int64_t{std::max(0, s.pages)})
      .Bind(6, int64_t{s.running ? 1 : 0})
      .Bind(7, FormatTimestamp(s.updated_at));
  if (auto ran = report->Run(); !ran) return tl::unexpected(ran.error().Prefixed(Problem(s.station_id, "state")));
  return tx->Commit();
}

Result<std::optional<StationState>> Stations::StateOf(std::string_view station_id) {
  auto stmt =
      Statement::Prepare(db_, std::string("SELECT") + kStateColumns + " FROM station_states s WHERE s.station_id = ?");
  if (!stmt) return tl::unexpected(stmt.error());
  stmt->Bind(1, station_id);
  auto row = stmt->Step();
  if (!row) return tl::unexpected(row.error());
  if (!*row) return std::optional<StationState>{};
  return std::optional<StationState>{ReadState(*stmt)};
}

Result<std::vector<StationState>> Stations::All() {
  auto stmt = Statement::Prepare(db_, std::string("SELECT") + kStateColumns + R"sql(
    FROM station_states s
    UNION ALL
    SELECT j.station_id, 'idle', '', '', 0, 0, '', count(*), 0 FROM station_jobs j
    WHERE j.state = 'waiting' AND j.station_id NOT IN (SELECT station_id FROM station_states)
    GROUP BY j.station_id
    ORDER BY 1)sql");
  if (!stmt) return tl::unexpected(stmt.error());
  std::vector<StationState> states;
  for (;;) {
    auto row = stmt->Step();
    if (!row) return tl::unexpected(row.error());
    if (!*row) return states;
    states.push_back(ReadState(*stmt));
  }
}

}  // namespace mailroom::ledger
