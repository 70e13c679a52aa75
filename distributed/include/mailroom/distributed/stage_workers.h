// The classifier and the router of the distributed mode (`mailroom worker classify|route`).
//
// The classifier collects each box (its manifest and one reading per page) in a journal, acking
// each message only once it is written there: a folder of its own, or with a ledger the journal
// all classify workers on it share (several at once, on several hosts; see box_journal.h); when a box is complete it
// runs the same classification as `mailroom process` (envelopes, case, document type, splitting) and publishes one
// DocumentPlan per document, then marks the box done. The router turns each plan into the same PDF and JSON as
// `mailroom process` (it calls the embedded writer) and publishes the routed document, PDF inline, to the jobcenter's
// Postkorb queue or to review. Document ids are the embedded ones, so whoever receives a document twice (after a crash)
// recognises it.
#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <string>

#include "mailroom/classifier/classifier.h"
#include "mailroom/common/result.h"
#include "mailroom/distributed/topology.h"
#include "mailroom/transport/amqp_connection.h"
#include "mailroom/transport/reconnect.h"

namespace mailroom::distributed {

struct StageWorkerOptions {
  transport::ConnectOptions connect;
  transport::RetryPolicy retry;
  Topology topology;
  std::filesystem::path store_dir;  ///< the content store shared with ingest and the OCR workers
  /// classify: the box journal; route: scratch space for assembling PDFs.
  std::filesystem::path state_dir;
  /// The box ledger (see worker_ledger.h); empty: none. classify records blank and separator
  /// pages, route the pages of each delivered document.
  std::filesystem::path ledger_file;
  /// classify with a ledger: how long a claim on a box being finished holds. Another classify
  /// worker takes over a box whose worker was killed while finishing it once the claim ran out.
  std::chrono::seconds classify_claim{60};
  /// Stop after this many boxes (classify) or documents (route); 0: until stopped.
  int max_items = 0;
  /// Reconnects and dead letters (never page text); empty: stderr.
  std::function<void(const std::string& line)> log;
};

/// Runs until `stop` (or max_items) with `classifier` (built once by the caller from the registry
/// and the classifier options, as `mailroom process` builds its own); returns the boxes classified.
[[nodiscard]] Result<int> RunClassifyWorker(const StageWorkerOptions& options, const classifier::Classifier& classifier,
                                            const transport::StopFlag& stop);

/// Runs until `stop` (or max_items); returns the documents routed (Postkorb and review).
[[nodiscard]] Result<int> RunRouteWorker(const StageWorkerOptions& options, const transport::StopFlag& stop);

}  // namespace mailroom::distributed
