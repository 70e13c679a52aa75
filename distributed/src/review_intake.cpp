// RunReviewIntake: the review queue into the desk's output folder (see review_intake.h).
#include <chrono>
#include <optional>

#include "consume_loop.h"
#include "dead_letter.h"
#include "mailroom/common/atomic_file.h"
#include "mailroom/common/event_log.h"
#include "mailroom/distributed/review_intake.h"
#include "mailroom/ledger/ledger.h"
#include "mailroom/metrics/registry.h"
#include "mailroom/proto/message_names.h"
#include "mailroom/transport/reconnecting_connection.h"
#include "review_settled.h"

namespace mailroom::distributed {
namespace {

namespace fs = std::filesystem;

// A message that could not be written now is put back after this pause, so that a full disk does
// not spin through the queue's delivery limit in a moment.
constexpr std::chrono::milliseconds kPauseBeforeRequeue{1000};

void LogOutcome(const mailroom::v1::Document& doc, const IntakeOutcome& outcome) {
  const eventlog::Fields fields{.box_id = doc.box_id(), .document_id = doc.document_id()};
  switch (outcome.intake) {
    case Intake::kWritten:
      eventlog::Log(eventlog::Level::kInfo, "review_intake.written", fields, "");
      break;
    case Intake::kAlreadyThere:
      eventlog::Log(eventlog::Level::kInfo, "review_intake.repeat", fields, "taken in before: not written again");
      break;
    case Intake::kSettled:
      eventlog::Log(eventlog::Level::kInfo, "review_intake.settled", fields,
                    "settled at the desk already (" + outcome.reason + "): not taken in again");
      break;
    case Intake::kRefused:
      break;  // dead-lettered, which logs it
  }
}

}  // namespace

Result<int> RunReviewIntake(const ReviewIntakeOptions& options, const transport::StopFlag& stop) {
  std::optional<ledger::Ledger> ledger;
  if (!options.ledger_file.empty()) {
    // Never a new, empty ledger from a typo: it would answer "not resolved" for everything.
    std::error_code ec;
    if (!ledger::IsServerLedger(options.ledger_file.string()) && !fs::exists(options.ledger_file, ec)) {
      return Fail("ledger " + options.ledger_file.string() + ": no such file (the review intake never creates one)");
    }
    auto opened = ledger::Ledger::Open(options.ledger_file);
    if (!opened) return tl::unexpected(opened.error());
    ledger.emplace(std::move(*opened));
  }
  ResolvedInLedger resolved;
  if (ledger) {
    resolved = [&ledger](const std::string& box_id, const std::string& document_id) {
      return LedgerResolved(*ledger, box_id, document_id);
    };
  }
  if (auto made = CreatePrivateDirectories(options.out_dir / "review"); !made) return tl::unexpected(made.error());

  const Topology& topology = options.topology;
  const std::string queue = topology.Review();
  transport::ReconnectingConnection connection(
      options.connect, options.retry, [&](transport::Connection& c) { return c.Consume(queue, 8); }, &stop);
  int written = 0;
  auto consumed = ConsumeUntil(
      connection, stop, [&] { return options.max_documents != 0 && written >= options.max_documents; },
      [&](const transport::Delivery& d) {
        const auto start = std::chrono::steady_clock::now();
        mailroom::v1::RoutedDocument routed;
        if (!routed.ParseFromString(d.message.body)) {
          static_cast<void>(DeadLetter("review_intake", connection, d, topology, queue,
                                       "message " + d.message.message_id + " is not a routed document"));
          return;
        }
        if (auto bad = proto::CheckNames(routed); !bad) {
          static_cast<void>(DeadLetter("review_intake", connection, d, topology, queue, bad.error().message));
          return;
        }
        const auto& doc = routed.document();
        auto outcome = TakeIntoReview(routed, options.out_dir, resolved);
        if (!outcome) {
          // The system's fault, not the message's: it goes back to the queue and comes again; should
          // the fault last, the queue's delivery limit dead-letters it.
          metrics::CountError("review_intake", "output");
          eventlog::Log(eventlog::Level::kWarning, "review_intake.failed",
                        {.box_id = doc.box_id(), .document_id = doc.document_id()},
                        outcome.error().message + " (the message goes back to the queue)");
          static_cast<void>(transport::SleepUnlessStopped(kPauseBeforeRequeue, &stop));
          static_cast<void>(connection.Reject(d.delivery_tag, /*requeue=*/true));
          return;
        }
        if (outcome->intake == Intake::kRefused) {
          static_cast<void>(DeadLetter("review_intake", connection, d, topology, queue, outcome->reason));
          return;
        }
        // Acked only now: the document is in review/ (or was settled before). A lost ack means a
        // redelivery, which the marker recognises.
        if (!connection.Ack(d.delivery_tag)) return;
        LogOutcome(doc, *outcome);
        if (outcome->intake != Intake::kWritten) return;
        ++written;
        metrics::CountPages("review_intake", "out", doc.pages_size());
        metrics::ObserveStage("review_intake", metrics::SecondsSince(start));
      });
  if (!consumed) return tl::unexpected(consumed.error());
  return written;
}

}  // namespace mailroom::distributed
