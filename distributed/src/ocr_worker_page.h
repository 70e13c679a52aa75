// One page message through the reading stage, without the broker: what RunOcrWorker does with
// each delivery between receiving it and publishing the result.
#pragma once

#include <filesystem>

#include "mailroom.pb.h"
#include "mailroom/common/result.h"
#include "mailroom/ocr/ocr.h"
#include "mailroom/store/content_store.h"
#include "mailroom/transport/message.h"

namespace mailroom::distributed::detail {

/// The reading of the page in `message`, its PDF already in `store` (pdf_ref). A page that cannot
/// be decoded or read is an unreadable reading, as in `mailroom process`. Fails only when the page
/// cannot even be looked at: the message is not a Page, its image is missing or damaged in the
/// store, the PDF cannot be stored. The error names the message id, never page text.
/// The PDF that `reader` writes into its pdf_dir is removed once stored. Pages are decoded within `limits`.
[[nodiscard]] Result<v1::PageReading> ReadPageMessage(const transport::Message& message,
                                                      const store::ContentStore& store, ocr::PageReader& reader,
                                                      const ingest::PageLimits& limits = {});

}  // namespace mailroom::distributed::detail
