// The OCR worker of the distributed mode (`mailroom worker ocr`): consumes the pages that ingest
// published, reads each one with the same PageReader as `mailroom process`, stores its PDF in the
// content store and publishes the PageReading for the classifier.
//
// Nothing is lost: a page is acked only after its reading (or its dead letter) was confirmed by
// the broker, so a worker killed mid-page leaves the page to another worker. A corrupt image is
// not an error (it becomes an unreadable reading that goes to review); a page the worker cannot
// even look at (blob missing from the store, a message that is not a Page) is dead-lettered into
// "<pages>.dead" with the reason in the header `x-mailroom-error`, so the rest of the box goes on.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>

#include "mailroom/common/result.h"
#include "mailroom/distributed/topology.h"
#include "mailroom/ocr/ocr.h"
#include "mailroom/transport/amqp_connection.h"
#include "mailroom/transport/reconnect.h"

namespace mailroom::distributed {

struct OcrWorkerOptions {
  transport::ConnectOptions connect;
  /// How long to keep reconnecting when the broker is away; the default tries until stopped.
  transport::RetryPolicy retry;
  /// Names the queues; they must exist (`mailroom topology` declares them).
  Topology topology;
  /// The content store shared with ingest and the classifier.
  std::filesystem::path store_dir;
  /// Worker threads, each with its own connection and PageReader; 0: one per core.
  int jobs = 0;
  /// Unacked pages per thread: enough that the next page is there when one is done, few enough
  /// that a slow worker does not sit on pages others could read.
  std::uint16_t prefetch = 2;
  /// Tesseract's settings; pdf_dir is ignored (each thread writes PDFs into its own scratch folder).
  ocr::OcrOptions ocr;
  ingest::PageLimits page_limits;  ///< what a page file may claim before it is refused unread
  /// Where the scratch folders go; empty: the system's temporary folder. They are removed at the end.
  std::filesystem::path scratch_dir;
  /// Where the worker reports reconnects and dead letters (never page text); empty: stderr.
  std::function<void(const std::string& line)> log;
};

struct OcrWorkerSummary {
  int readings = 0;       ///< readings published (unreadable pages included)
  int dead_lettered = 0;  ///< pages sent to the dead-letter queue
};

/// Runs the worker until `stop` is set, then lets every thread finish its current page and
/// returns. Fails when the store cannot be opened, a PageReader cannot be made (models missing) or
/// a connection cannot be set up (the pages queue is missing, the broker stayed away longer than
/// `retry` allows); the failing thread then sets `stop` so that the others end too.
[[nodiscard]] Result<OcrWorkerSummary> RunOcrWorker(const OcrWorkerOptions& options, transport::StopFlag& stop);

}  // namespace mailroom::distributed
