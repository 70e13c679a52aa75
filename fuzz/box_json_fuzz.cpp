// libFuzzer target: any bytes as a box's box.json, read as every way of processing a box reads it
// (ingest::ReadBoxInfo: protobuf's JSON parser, then the checks of the fields).
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "mailroom/ingest/box.h"
#include "scratch_folder.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const mailroom::fuzz::ScratchFolder box("box_json");
  box.Write("box.json", data, size);
  auto info = mailroom::ingest::ReadBoxInfo(box.path());
  // A box.json that is read gives a box id; the folder's name when box.json has none.
  if (info && info->box_id.empty()) std::abort();
  return 0;
}
