#include "box_journal.h"

#include <fmt/format.h>

#include "mailroom/common/atomic_file.h"
#include "mailroom/proto/messages.h"
#include "mailroom/routing/output.h"

namespace mailroom::distributed {
namespace fs = std::filesystem;

Result<BoxJournal> BoxJournal::Open(const fs::path& root) {
  if (auto made = CreatePrivateDirectories(root); !made) return tl::unexpected(made.error());
  return BoxJournal(root);
}

fs::path BoxJournal::BoxDir(const std::string& box_id) const {
  return root_ / routing::SafeFileName(box_id);
}

Result<void> BoxJournal::SaveManifest(const mailroom::v1::BoxManifest& manifest) const {
  const fs::path dir = BoxDir(manifest.box().box_id());
  if (auto made = CreatePrivateDirectories(dir / "readings"); !made) return made;
  return WriteFileAtomically(dir / "manifest.pb", manifest.SerializeAsString());
}

Result<void> BoxJournal::SaveReading(const std::string& box_id, std::uint32_t index, const std::string& bytes) const {
  const fs::path dir = BoxDir(box_id) / "readings";
  if (auto made = CreatePrivateDirectories(dir); !made) return made;
  return WriteFileAtomically(dir / fmt::format("{:06d}.pb", index), bytes);
}

Result<std::optional<BoxJournal::CompleteBox>> BoxJournal::Complete(const std::string& box_id) const {
  const fs::path dir = BoxDir(box_id);
  if (!fs::exists(dir / "manifest.pb")) return std::nullopt;
  auto manifest_bytes = ReadWholeFile(dir / "manifest.pb");
  if (!manifest_bytes) return tl::unexpected(manifest_bytes.error());
  CompleteBox box;
  if (!box.manifest.ParseFromString(*manifest_bytes)) return Fail((dir / "manifest.pb").string() + ": unreadable");
  for (int i = 0; i < box.manifest.pages_size(); ++i) {
    const fs::path reading = dir / "readings" / fmt::format("{:06d}.pb", i);
    if (!fs::exists(reading)) return std::nullopt;  // still waiting for this page
    auto bytes = ReadWholeFile(reading);
    if (!bytes) return tl::unexpected(bytes.error());
    box.readings.push_back(std::move(*bytes));
  }
  return box;
}

Result<void> BoxJournal::SaveReport(const mailroom::v1::BoxReport& report) const {
  auto json = proto::ToJson(report);
  if (!json) return tl::unexpected(json.error());
  return WriteFileAtomically(BoxDir(report.box_id()) / "report.json", *json);
}

Result<void> BoxJournal::MarkDone(const std::string& box_id) const {
  return WriteFileAtomically(BoxDir(box_id) / "done", "");
}

std::vector<std::string> BoxJournal::Pending() const {
  std::vector<std::string> pending;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(root_, ec)) {
    mailroom::v1::BoxManifest manifest;
    auto bytes = ReadWholeFile(entry.path() / "manifest.pb");
    if (!bytes || !manifest.ParseFromString(*bytes)) continue;
    if (!IsDone(manifest.box().box_id())) pending.push_back(manifest.box().box_id());
  }
  return pending;
}

bool BoxJournal::IsDone(const std::string& box_id) const {
  return fs::exists(BoxDir(box_id) / "done");
}

}  // namespace mailroom::distributed
