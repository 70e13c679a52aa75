// Ingest for the distributed mode: the pages of a box folder go into the content store, and the
// box's manifest and one message per page go to the broker. Messages carry references, not
// images, so they stay small; every publish is confirmed before the next.
#pragma once

#include <filesystem>
#include <string>

#include "mailroom/common/result.h"
#include "mailroom/distributed/topology.h"
#include "mailroom/ingest/box.h"
#include "mailroom/store/content_store.h"
#include "mailroom/transport/amqp_connection.h"

namespace mailroom::distributed {

struct IngestSummary {
  std::string box_id;
  int pages = 0;
};

/// The message id of a page: the same box and page always give the same id, so a stage that sees
/// it twice (a redelivery, ingest run again) knows it is the same page.
[[nodiscard]] std::string PageMessageId(const std::string& box_id, const std::string& page_name);

/// Reads BOX_DIR (box.json and the pages, as `mailroom process` does), stores every page file,
/// then publishes the BoxManifest to the boxes queue and a Page per page to the pages queue.
/// Running it again on the same box publishes the same ids and stores nothing new. Fails on a bad
/// box.json, an unreadable folder, a store or broker error; the error names the file or broker.
/// `arrived_at` (ISO 8601 UTC, from the ledger) overrides box.json's; without either, the box
/// arrived now. A file of more frames than `limits` allow is one page whose message carries the
/// reason (the OCR worker sends it to review unread).
[[nodiscard]] Result<IngestSummary> IngestBox(const std::filesystem::path& box_dir, const store::ContentStore& store,
                                              transport::Connection& connection, const Topology& topology,
                                              const std::string& arrived_at = "",
                                              const ingest::PageLimits& limits = {});

}  // namespace mailroom::distributed
