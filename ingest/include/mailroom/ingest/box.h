// Ingest from a folder: the pages of one sealed box, in scan order, and its box.json.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "mailroom/common/result.h"
#include "mailroom/image/pix.h"

namespace mailroom::ingest {

/// The most pixels a page image may have by default: A3 (297 x 420 mm) at 600 dpi, 7016 x 9921.
inline constexpr std::int64_t kMaxPagePixels = std::int64_t{7016} * 9921;
/// The most frames (TIFF) or pages (PDF) one file may have by default.
inline constexpr int kMaxFrames = 1000;

/// What a page file may claim before it is refused unread (`--max-page-pixels`, `--max-frames`).
/// Decoding one page needs at most 8 bytes a pixel of `max_page_pixels` plus 64 MiB of the
/// decoders' own (README "Input limits": the memory bound of a decoding thread).
struct PageLimits {
  std::int64_t max_page_pixels = kMaxPagePixels;  ///< pixels of one page image; default A3 at 600 dpi
  int max_frames = kMaxFrames;                    ///< frames of a TIFF, pages of a PDF; default 1000
};

/// One page of the box, not yet decoded.
struct PageSource {
  std::string name;  ///< "0007.tif", or "0007.tif#2" / "0005.pdf#2" for the 2nd page of a multi-page TIFF or PDF
  std::filesystem::path path;  ///< the image file
  int tiff_page = 0;           ///< page inside a multi-page TIFF or PDF, 0-based
  std::string listing_error;   ///< set when the file cannot be a page at all (unknown type, empty file)
  PageLimits limits;           ///< what it may claim to be decoded (ListPages' limits; a worker's own)
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
/// a multi-page TIFF or PDF gives one PageSource per page, each with `limits`. A TIFF or PDF of more than
/// `limits.max_frames` frames or pages is one page with `listing_error` set, found without
/// reading further than the limit (TIFF) or the page tree's count (PDF). Fails only if the folder
/// cannot be read.
[[nodiscard]] Result<std::vector<PageSource>> ListPages(const std::filesystem::path& box_dir,
                                                        const PageLimits& limits = {});

/// Decodes one page (TIFF incl. G4 and multi-page, PNG, JPEG, a page of a PDF) into a Leptonica
/// image with its resolution set (300 dpi assumed when the file has none). A PDF page is rendered
/// as 8-bit grey at the resolution of the scan it holds (its largest image, when that has the
/// page's shape: its pixels over the page's inches, 100..300 dpi), else at 300 dpi; its text
/// layer is never read. Fails with "<name>: <reason>" for a corrupt, truncated, encrypted or
/// zero-byte file, and, from its header alone without decoding it, for an image (or a PDF page at
/// its resolution, or an image a PDF page draws) of more than `page.limits.max_page_pixels` pixels
/// and a frame or page past `page.limits.max_frames`. Thread-safe.
[[nodiscard]] Result<PixPtr> DecodePage(const PageSource& page);

/// A box as it comes in: its box.json and its pages in scan order.
struct IncomingBox {
  BoxInfo info;
  std::vector<PageSource> pages;
};

/// The first step of every way a box is processed (`mailroom process`, `mailroom ingest`):
/// ReadBoxInfo, then ListPages with `limits`. Fails with the reason of either.
[[nodiscard]] Result<IncomingBox> OpenBox(const std::filesystem::path& box_dir, const PageLimits& limits = {});

/// When the box arrived, for the proof of receipt in every document: the ledger knows best
/// (`ledger_arrived_at`, empty without a ledger), then box.json; else the box arrived when it was
/// handed over (`handed_over_at`).
[[nodiscard]] std::string ArrivalTime(const BoxInfo& info, const std::string& ledger_arrived_at,
                                      const std::string& handed_over_at);

}  // namespace mailroom::ingest
