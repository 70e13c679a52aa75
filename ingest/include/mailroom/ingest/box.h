// Ingest from a folder: the pages of one sealed box, in scan order, and its box.json.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "mailroom/common/result.h"
#include "mailroom/image/pix.h"

namespace mailroom::ingest {

/// One page of the box, not yet decoded.
struct PageSource {
  std::string name;            ///< "0007.tif", or "0007.tif#2" for the 2nd page of a multi-page TIFF
  std::filesystem::path path;  ///< the image file
  int tiff_page = 0;           ///< page inside a multi-page TIFF, 0-based
  std::string listing_error;   ///< set when the file cannot be a page at all (unknown type, empty file)
};

/// The box metadata from box.json (all optional there).
struct BoxInfo {
  std::string box_id;  ///< defaults to the box folder's name
  std::string seal;
  std::string origin;      ///< jobcenter_id the box came from
  std::string arrived_at;  ///< when the box arrived, "YYYY-MM-DDTHH:MM:SSZ"; empty when box.json does not say
};

/// Reads BOX_DIR/box.json if present. Fails with "<path>: <reason>" when it is not valid JSON,
/// not an object of strings, or its arrived_at is not an ISO 8601 UTC time; a box without
/// box.json gets its folder name as box_id.
[[nodiscard]] Result<BoxInfo> ReadBoxInfo(const std::filesystem::path& box_dir);

/// Writes BOX_DIR/box.json (mode 0600, BOX_DIR made if missing): what ReadBoxInfo reads back.
/// The scanner writes it when it starts a box, so the box folder carries its ledger facts.
[[nodiscard]] Result<void> WriteBoxInfo(const std::filesystem::path& box_dir, const BoxInfo& info);

/// Lists the pages of BOX_DIR sorted by file name (scan order). box.json and hidden files are
/// skipped; every other file becomes at least one page, so nothing in the box is silently
/// ignored: a file of an unknown type or an empty file is listed with `listing_error` set, and
/// a multi-page TIFF gives one PageSource per page. Fails only if the folder cannot be read.
[[nodiscard]] Result<std::vector<PageSource>> ListPages(const std::filesystem::path& box_dir);

/// The most pixels a page image may have: A3 (297 x 420 mm) at 600 dpi, 7016 x 9921.
inline constexpr std::int64_t kMaxPagePixels = std::int64_t{7016} * 9921;

/// Decodes one page (TIFF incl. G4 and multi-page, PNG, JPEG) into a Leptonica image with its
/// resolution set (300 dpi assumed when the file has none). Fails with "<name>: <reason>" for a
/// corrupt, truncated or zero-byte file, and, from its header alone without decoding it, for an
/// image of more than kMaxPagePixels pixels. Thread-safe.
[[nodiscard]] Result<PixPtr> DecodePage(const PageSource& page);

/// A box as it comes in: its box.json and its pages in scan order.
struct IncomingBox {
  BoxInfo info;
  std::vector<PageSource> pages;
};

/// The first step of every way a box is processed (`mailroom process`, `mailroom ingest`):
/// ReadBoxInfo, then ListPages. Fails with the reason of either.
[[nodiscard]] Result<IncomingBox> OpenBox(const std::filesystem::path& box_dir);

/// When the box arrived, for the proof of receipt in every document: the ledger knows best
/// (`ledger_arrived_at`, empty without a ledger), then box.json; else the box arrived when it was
/// handed over (`handed_over_at`).
[[nodiscard]] std::string ArrivalTime(const BoxInfo& info, const std::string& ledger_arrived_at,
                                      const std::string& handed_over_at);

}  // namespace mailroom::ingest
