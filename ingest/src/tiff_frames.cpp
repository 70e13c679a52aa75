#include <cstdint>
#include <fstream>
#include <unordered_set>

#include "page_files.h"

namespace mailroom::ingest {
namespace {

// Reads `size` (2, 4 or 8) bytes at the stream's position as an unsigned integer in the file's
// byte order; false at the end of the file.
bool ReadUnsigned(std::ifstream& in, int size, bool little_endian, std::uint64_t& value) {
  unsigned char bytes[8] = {};
  if (!in.read(reinterpret_cast<char*>(bytes), size)) return false;
  value = 0;
  for (int i = 0; i < size; ++i) {
    const int shift = little_endian ? 8 * i : 8 * (size - 1 - i);
    value |= static_cast<std::uint64_t>(bytes[i]) << shift;
  }
  return true;
}

}  // namespace

int CountTiffFrames(const std::filesystem::path& path, int limit) {
  std::ifstream in(path, std::ios::binary);
  char order[2] = {};
  if (!in.read(order, 2)) return 1;
  const bool little_endian = order[0] == 'I' && order[1] == 'I';
  if (!little_endian && !(order[0] == 'M' && order[1] == 'M')) return 1;
  std::uint64_t magic = 0;
  if (!ReadUnsigned(in, 2, little_endian, magic)) return 1;
  // Classic TIFF (42): 2-byte entry counts, 12-byte entries, 4-byte offsets. BigTIFF (43): an
  // offset size of 8 and 0 first, then 8-byte counts, 20-byte entries, 8-byte offsets.
  const bool big = magic == 43;
  if (!big && magic != 42) return 1;
  if (big) {
    std::uint64_t offset_size = 0, zero = 0;
    if (!ReadUnsigned(in, 2, little_endian, offset_size) || !ReadUnsigned(in, 2, little_endian, zero) ||
        offset_size != 8 || zero != 0) {
      return 1;
    }
  }
  const int count_size = big ? 8 : 2;
  const int entry_size = big ? 20 : 12;
  const int offset_size = big ? 8 : 4;
  std::uint64_t offset = 0;
  if (!ReadUnsigned(in, offset_size, little_endian, offset)) return 1;
  std::unordered_set<std::uint64_t> seen;
  int frames = 0;
  while (offset != 0 && frames <= limit && seen.insert(offset).second) {
    std::uint64_t entries = 0;
    in.seekg(static_cast<std::streamoff>(offset));
    if (!in || !ReadUnsigned(in, count_size, little_endian, entries)) break;
    ++frames;
    if (entries > (std::uint64_t{1} << 32)) break;  // more entries than any file can hold
    in.seekg(static_cast<std::streamoff>(entries * entry_size), std::ios::cur);
    if (!in || !ReadUnsigned(in, offset_size, little_endian, offset)) break;
  }
  return frames < 1 ? 1 : frames;
}

}  // namespace mailroom::ingest
