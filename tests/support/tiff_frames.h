// A TIFF of many frames written byte by byte, for the frame limit (--max-frames): real directories,
// chained, without the cost of encoding a million images.
#pragma once

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

namespace mailroom::testing {

inline void PutLittleEndian(std::string& out, std::uint64_t value, int bytes) {
  for (int i = 0; i < bytes; ++i) out.push_back(static_cast<char>(value >> (8 * i)));
}

// A little-endian TIFF of `frames` frames, each a 16 x 16 bilevel image (one shared strip of
// zeros); every frame's directory is real (5 tags, 66 bytes), chained to the next.
inline void WriteTiffFrames(const std::filesystem::path& path, int frames) {
  std::string out = "II";
  PutLittleEndian(out, 42, 2);
  PutLittleEndian(out, 8 + 32, 4);  // the first directory follows the strip
  out.append(32, '\xff');           // the strip: 16 rows of 2 bytes (white)
  for (int i = 0; i < frames; ++i) {
    const std::uint64_t next = i + 1 < frames ? out.size() + 66 : 0;
    PutLittleEndian(out, 5, 2);
    const std::uint64_t entries[5][3] = {{256, 3, 16}, {257, 3, 16}, {262, 3, 0}, {273, 4, 8}, {279, 4, 32}};
    for (const auto& e : entries) {
      PutLittleEndian(out, e[0], 2);  // tag
      PutLittleEndian(out, e[1], 2);  // type: SHORT (3) or LONG (4)
      PutLittleEndian(out, 1, 4);     // count
      PutLittleEndian(out, e[2], 4);  // value
    }
    PutLittleEndian(out, next, 4);
  }
  std::ofstream(path, std::ios::binary) << out;
}

}  // namespace mailroom::testing
