// The classify worker's journal in a folder of its own (box_journal.h): ROOT/<box>/manifest.pb,
// readings/NNNNNN.pb, report.json and a "done" marker, each file written atomically.
#include <fmt/format.h>

#include "box_journal.h"
#include "mailroom/common/atomic_file.h"
#include "mailroom/proto/messages.h"
#include "mailroom/routing/output.h"

namespace mailroom::distributed {
namespace fs = std::filesystem;
namespace {

fs::path BoxDir(const fs::path& root, const std::string& box_id) {
  return root / routing::SafeFileName(box_id);
}

class FolderBoxJournal final : public BoxJournal {
 public:
  explicit FolderBoxJournal(fs::path root) : root_(std::move(root)) {}

  Result<void> SaveManifest(const mailroom::v1::BoxManifest& manifest) override {
    const fs::path dir = BoxDir(root_, manifest.box().box_id());
    if (auto made = CreatePrivateDirectories(dir / "readings"); !made) return made;
    return WriteFileAtomically(dir / "manifest.pb", manifest.SerializeAsString());
  }

  Result<void> SaveReading(const std::string& box_id, std::uint32_t index, const std::string& bytes) override {
    const fs::path dir = BoxDir(root_, box_id) / "readings";
    if (auto made = CreatePrivateDirectories(dir); !made) return made;
    return WriteFileAtomically(dir / fmt::format("{:06d}.pb", index), bytes);
  }

  Result<std::optional<CompleteBox>> Complete(const std::string& box_id) override {
    const fs::path dir = BoxDir(root_, box_id);
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

  // The folder is this worker's alone: nobody else finishes its boxes.
  Result<bool> Claim(const std::string&) override { return true; }

  Result<void> SaveReport(const mailroom::v1::BoxReport& report) override { return WriteBoxReport(root_, report); }

  Result<void> MarkDone(const std::string& box_id) override {
    return WriteFileAtomically(BoxDir(root_, box_id) / "done", "");
  }

  std::vector<std::string> Pending() override {
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

  bool IsDone(const std::string& box_id) override { return fs::exists(BoxDir(root_, box_id) / "done"); }

 private:
  fs::path root_;
};

}  // namespace

Result<void> WriteBoxReport(const fs::path& root, const mailroom::v1::BoxReport& report) {
  auto json = proto::ToJson(report);
  if (!json) return tl::unexpected(json.error());
  const fs::path dir = BoxDir(root, report.box_id());
  if (auto made = CreatePrivateDirectories(dir); !made) return made;
  return WriteFileAtomically(dir / "report.json", *json);
}

Result<std::unique_ptr<BoxJournal>> OpenFolderJournal(const fs::path& root) {
  if (auto made = CreatePrivateDirectories(root); !made) return tl::unexpected(made.error());
  return std::make_unique<FolderBoxJournal>(root);
}

}  // namespace mailroom::distributed
