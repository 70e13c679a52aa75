// The names a queue message carries that become file and folder names further on (box ids,
// page names, document ids, jobcenter ids, teams, originals' file names), checked by every
// worker as it takes the message: one that could climb out of a folder is refused with the field
// and the reason, and the message is dead-lettered, never written anywhere (see common/safe_names.h).
#pragma once

#include "mailroom.pb.h"
#include "mailroom/common/result.h"

namespace mailroom::proto {

[[nodiscard]] Result<void> CheckNames(const mailroom::v1::Page& page);
[[nodiscard]] Result<void> CheckNames(const mailroom::v1::BoxManifest& manifest);
/// The document's id, box id, team, jobcenter id (when a string) and page names.
[[nodiscard]] Result<void> CheckNames(const mailroom::v1::Document& document);
[[nodiscard]] Result<void> CheckNames(const mailroom::v1::DocumentPlan& plan);
/// The document, the destination ("review" or "postkorb/<jobcenter_id>") and the originals' names.
[[nodiscard]] Result<void> CheckNames(const mailroom::v1::RoutedDocument& routed);

}  // namespace mailroom::proto
