#include <regex>
#include <system_error>

#include "mailroom/common/atomic_file.h"
#include "mailroom/common/safe_names.h"
#include "mailroom/ingest/box.h"
#include "mailroom/proto/messages.h"

namespace mailroom::ingest {

Result<void> WriteBoxInfo(const std::filesystem::path& box_dir, const BoxInfo& info) {
  mailroom::v1::BoxInfo message;
  message.set_box_id(info.box_id);
  message.set_seal(info.seal);
  message.set_origin(info.origin);
  message.set_arrived_at(info.arrived_at);
  auto json = proto::ToJson(message);
  if (!json) return tl::unexpected(json.error());
  if (auto made = CreatePrivateDirectories(box_dir); !made) return made;
  return WriteFileAtomically(box_dir / "box.json", *json);
}

namespace {

// The box's names become folder and file names (output, store, journals): each is checked here,
// where it comes in, and a box with one that is no id is refused before anything is written.
Result<void> CheckNames(const BoxInfo& info, const std::string& where) {
  if (auto bad = CheckId("box_id", info.box_id); !bad) return tl::unexpected(bad.error().Prefixed(where));
  for (auto [what, value] : {std::pair{"seal", &info.seal}, {"origin", &info.origin}}) {
    if (value->empty()) continue;
    if (auto bad = CheckId(what, *value); !bad) return tl::unexpected(bad.error().Prefixed(where));
  }
  return {};
}

}  // namespace

Result<BoxInfo> ReadBoxInfo(const std::filesystem::path& box_dir) {
  BoxInfo info;
  info.box_id = box_dir.lexically_normal().filename().string();
  if (info.box_id.empty()) info.box_id = std::filesystem::weakly_canonical(box_dir).filename().string();

  const auto path = box_dir / "box.json";
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    auto checked = CheckNames(info, box_dir.string() + ": the folder's name is the box id (no box.json)");
    if (!checked) return tl::unexpected(checked.error());
    return info;
  }

  auto json = ReadWholeFile(path);
  if (!json) return tl::unexpected(json.error());
  mailroom::v1::BoxInfo message;
  if (auto parsed = proto::FromJson(*json, message); !parsed) {
    return Fail(path.string() +
                ": not a valid box.json (expected {\"box_id\", \"seal\", \"origin\", \"arrived_at\"} as strings): " +
                parsed.error().message);
  }
  if (!message.box_id().empty()) info.box_id = message.box_id();
  info.seal = message.seal();
  info.origin = message.origin();
  info.arrived_at = message.arrived_at();
  static const std::regex kUtcTime(R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z)");
  if (!info.arrived_at.empty() && !std::regex_match(info.arrived_at, kUtcTime)) {
    return Fail(path.string() + ": arrived_at '" + info.arrived_at + "' is not a UTC time like 2026-11-25T08:15:00Z");
  }
  if (auto checked = CheckNames(info, path.string()); !checked) return tl::unexpected(checked.error());
  return info;
}

}  // namespace mailroom::ingest
