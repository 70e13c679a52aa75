// Small page images written with Leptonica, in every format a box may hold.
#pragma once

#include <filesystem>

#include <catch2/catch.hpp>

#include "mailroom/image/pix.h"

namespace mailroom::testing {

/// A 400x500 grey page with a dark bar, at 300 dpi.
inline PixPtr MakeGreyPage() {
  PixPtr pix(pixCreate(400, 500, 8));
  pixSetAll(pix.get());  // white
  BOX* bar = boxCreate(50, 100, 300, 40);
  pixClearInRect(pix.get(), bar);  // black bar
  boxDestroy(&bar);
  pixSetResolution(pix.get(), 300, 300);
  return pix;
}

/// Writes the page in `format` (IFF_PNG, IFF_JFIF_JPEG, IFF_TIFF_G4, IFF_TIFF_LZW).
inline void WritePage(const std::filesystem::path& path, int format) {
  PixPtr page = MakeGreyPage();
  if (format == IFF_TIFF_G4) page.reset(pixThresholdToBinary(page.get(), 128));
  REQUIRE(pixWrite(path.c_str(), page.get(), format) == 0);
}

/// Cuts a file to `keep` of its size, as a copy interrupted mid-way would.
inline void Truncate(const std::filesystem::path& path, double keep) {
  std::filesystem::resize_file(path, static_cast<uintmax_t>(std::filesystem::file_size(path) * keep));
}

}  // namespace mailroom::testing
