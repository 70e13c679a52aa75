// The box-level step of ingest, shared by the embedded and the distributed pipeline.
#include "mailroom/ingest/box.h"

namespace mailroom::ingest {

Result<IncomingBox> OpenBox(const std::filesystem::path& box_dir, const PageLimits& limits) {
  auto info = ReadBoxInfo(box_dir);
  if (!info) return tl::unexpected(info.error());
  auto pages = ListPages(box_dir, limits);
  if (!pages) return tl::unexpected(pages.error());
  return IncomingBox{std::move(*info), std::move(*pages)};
}

std::string ArrivalTime(const BoxInfo& info, const std::string& ledger_arrived_at, const std::string& handed_over_at) {
  if (!ledger_arrived_at.empty()) return ledger_arrived_at;
  if (!info.arrived_at.empty()) return info.arrived_at;
  return handed_over_at;
}

}  // namespace mailroom::ingest
