// The page files of a box folder: NNNN.tif numbering and writing one page as a compressed TIFF.
#pragma once

#include <filesystem>
#include <string>

#include "frame.h"

namespace mailroom::scanner {

/// "0007.tif" for 7 (at least four digits).
[[nodiscard]] std::string PageFileName(int page_number);

/// The highest N of the files named like "0007.tif" (four or more digits) in `box_dir`; 0 if
/// there are none or the folder does not exist. Other files are ignored.
[[nodiscard]] Result<int> HighestPageNumber(const std::filesystem::path& box_dir);

/// Encodes `frame` as TIFF (1-bit: CCITT G4; gray and color: LZW) with the resolution stored.
[[nodiscard]] Result<std::string> EncodeTiff(const Frame& frame, int resolution_dpi);

/// Writes page `page_number` of `box_dir` atomically with mode 0600. The error names the file.
[[nodiscard]] Result<void> WritePage(const std::filesystem::path& box_dir, int page_number, const Frame& frame,
                                     int resolution_dpi);

}  // namespace mailroom::scanner
