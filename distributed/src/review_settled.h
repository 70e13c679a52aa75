// Where the review desk leaves a document it has settled, so that the review intake never brings
// it back into review/: a clerk's assignment moves it into OUT_DIR/postkorb/<jobcenter>/<team>/
// (review::AssignDocument), an account by hand into OUT_DIR/accounted/ (review::MoveToAccounted),
// and with a ledger the decision is recorded there first.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "mailroom/common/result.h"
#include "mailroom/ledger/ledger.h"

namespace mailroom::distributed {

/// Where in `out_dir` the desk put document `id` ("postkorb/<jobcenter>/<team>/<id>.json",
/// "accounted/<id>.json"), or nothing when it is in neither. Looks at the two folder levels under
/// postkorb/ only (one stat per team folder), not at every file.
[[nodiscard]] std::optional<std::string> SettledIn(const std::filesystem::path& out_dir, const std::string& id);

/// Whether the ledger records a clerk's decision on the document.
[[nodiscard]] Result<bool> LedgerResolved(ledger::Ledger& ledger, const std::string& box_id,
                                          const std::string& document_id);

}  // namespace mailroom::distributed
