// The commands of the distributed mode: `mailroom topology` sets up the broker (exchanges, stage
// queues, dead-letter queues, one Postkorb queue per jobcenter of the registry and, through the
// management API, one broker user per jobcenter that may read only that queue); `mailroom ingest`
// hands a box folder to the broker through the content store.
#pragma once

#include <filesystem>
#include <string>

#include <CLI/CLI.hpp>

#include "mailroom/app/process_box.h"

namespace mailroom::app {

/// The files for an amqps:// broker: the CA to verify it with, and this side's certificate.
struct BrokerTls {
  std::string ca_cert;
  std::string client_cert;
  std::string client_key;
};

/// --ca-cert, --client-cert and --client-key on `command`, filling `tls`.
void AddTlsOptions(CLI::App* command, BrokerTls& tls);

struct TopologyCommandOptions {
  std::string broker_url;  ///< amqp://user:pass@host:port/vhost or amqps://...
  BrokerTls tls;
  std::filesystem::path registry_dir;
  std::string prefix = "mailroom";
  /// The management API (http://host:15672/); empty: no jobcenter users are made.
  std::string management_url;
  /// With management_url: where each jobcenter's URL file goes (see distributed/jobcenter_users.h).
  std::filesystem::path credentials_dir;
  bool rotate_passwords = false;
};

/// Declares the topology and, with a management URL, the jobcenter users; returns the lines to
/// print (queue names, users, URL files: never a password). A bad registry is kBadInput (nothing
/// declared); a broker or management API that cannot be reached or refuses is kRunFailed.
[[nodiscard]] tl::expected<std::string, ProcessError> SetUpTopology(const TopologyCommandOptions& options);

struct IngestCommandOptions {
  std::filesystem::path box_dir;
  std::string broker_url;
  BrokerTls tls;
  std::filesystem::path store_dir;  ///< the content store shared with the workers
  std::string prefix = "mailroom";
  /// The box ledger: when set, the box must be registered there and moves to processing (see
  /// box_custody.h); the workers given the same ledger record its pages. Empty: no ledger.
  std::filesystem::path ledger_file;
  std::string operator_id;  ///< for the ledger's audit trail
  /// What a page file may claim; a file of more frames is listed as one page refused unread. The
  /// OCR workers' own limits apply when they decode.
  ingest::PageLimits page_limits;
};

/// Stores the box's pages and publishes its manifest and page messages; returns the line to
/// print. A bad box.json or box folder is kBadInput; a store or broker failure kRunFailed.
[[nodiscard]] tl::expected<std::string, ProcessError> IngestBoxCommand(const IngestCommandOptions& options);

struct PostkorbCommandOptions {
  std::string jobcenter_id;
  std::string broker_url;  ///< with the jobcenter's own credentials
  BrokerTls tls;
  std::filesystem::path out_dir;
  std::string prefix = "mailroom";
  int max_documents = 0;  ///< stop after this many (0: until SIGINT/SIGTERM)
};

/// Consumes the jobcenter's Postkorb queue into OUT_DIR until SIGINT or SIGTERM (or
/// max_documents), reconnecting after broker restarts; returns the line to print.
[[nodiscard]] tl::expected<std::string, ProcessError> RunPostkorbCommand(const PostkorbCommandOptions& options);

struct WorkerCommandOptions {
  std::string role;  ///< "ocr", "classify", "route" or "review-intake"
  std::string broker_url;
  BrokerTls tls;
  std::filesystem::path store_dir;
  std::filesystem::path state_dir;     ///< classify: the box journal; route: scratch space
  std::filesystem::path registry_dir;  ///< classify only
  std::string prefix = "mailroom";
  int jobs = 0;                                                         ///< ocr: worker threads (0: one per core)
  std::filesystem::path tessdata_dir = ocr::OcrOptions().tessdata_dir;  ///< ocr: the Tesseract models
  ingest::PageLimits page_limits;            ///< ocr: what a page file may claim before it is refused unread
  classifier::ClassifierOptions classifier;  ///< classify: threshold, teams, document-type model
  std::filesystem::path ledger_file;         ///< classify, route: the box ledger to record pages in; review-intake: to
                                             ///< consult (must exist); empty: none
  std::filesystem::path out_dir;             ///< review-intake: the desk's output folder (documents into its review/)
  int claim_seconds = 60;                    ///< classify with a ledger: how long a claim on a box holds
};

/// Runs one worker of the distributed pipeline until SIGINT or SIGTERM; returns the line to print.
/// The state folder defaults to /var/tmp/mailroom-<role>. A missing --store (ocr, classify, route),
/// --out or ledger file (review-intake), a missing or broken registry, bad classifier options or an
/// unreadable document-type model (classify) are kBadInput; a store, a missing queue or a broker
/// that cannot be set up is kRunFailed.
[[nodiscard]] tl::expected<std::string, ProcessError> RunWorkerCommand(const WorkerCommandOptions& options);

}  // namespace mailroom::app
