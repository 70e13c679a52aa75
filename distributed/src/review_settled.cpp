#include "review_settled.h"

#include <system_error>

namespace mailroom::distributed {

namespace fs = std::filesystem;

std::optional<std::string> SettledIn(const fs::path& out_dir, const std::string& id) {
  const std::string json_name = id + ".json";
  std::error_code ec;
  if (fs::exists(out_dir / "accounted" / json_name, ec)) return "accounted/" + json_name;
  for (const auto& jobcenter : fs::directory_iterator(out_dir / "postkorb", ec)) {
    std::error_code inner;
    for (const auto& team : fs::directory_iterator(jobcenter.path(), inner)) {
      if (fs::exists(team.path() / json_name, inner)) return fs::relative(team.path() / json_name, out_dir).string();
    }
  }
  return std::nullopt;
}

Result<bool> LedgerResolved(ledger::Ledger& ledger, const std::string& box_id, const std::string& document_id) {
  return ledger.IsReviewResolved(box_id, document_id);
}

}  // namespace mailroom::distributed
