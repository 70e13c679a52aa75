// The reading stage: one decoded page image in, a PageReading out (separator? blank? barcodes,
// words with boxes and confidences, and a single-page searchable PDF).
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "mailroom/common/result.h"
#include "mailroom/flow/page_reading.h"
#include "mailroom/image/pix.h"
#include "mailroom/ingest/box.h"

namespace mailroom::ocr {

/// The payload of a separator sheet's barcode (CONTRACT.md).
inline constexpr const char* kSeparatorPayload = "MAILROOM-SEP";
/// The Barcode format of a Kodak patch code, whose text is "Patch " and its name ("Patch T",
/// "Patch 2", ..., also 1, 3, 4 and 6). Patch T and patch 2 (II) are the scanner industry's
/// document separators: a sheet with either is a separator sheet too.
inline constexpr const char* kPatchCodeFormat = "PatchCode";
inline constexpr const char* kPatchCodePrefix = "Patch ";
inline constexpr const char* kPatchT = "Patch T";
inline constexpr const char* kPatch2 = "Patch 2";

struct OcrOptions {
  /// Folder with deu.traineddata and pdf.ttf. Default: Debian's Tesseract 5 models.
  std::filesystem::path tessdata_dir = "/usr/share/tesseract-ocr/5/tessdata";
  /// Tesseract language(s); only these models are loaded.
  std::string language = "deu";
  /// A page that takes longer is given up and goes to review, so one bad page cannot stall a box.
  int page_timeout_ms = 120000;
  /// Where single-page searchable PDFs are written ("<index>.pdf"); empty: no PDFs.
  std::filesystem::path pdf_dir;
};

/// Reads pages. Owns one Tesseract instance for its whole life: create one per worker thread
/// and never share it between threads (Tesseract instances are not thread-safe).
class PageReader {
 public:
  /// Loads the models. Fails with a readable reason if the models or the PDF font are missing.
  [[nodiscard]] static Result<std::unique_ptr<PageReader>> Create(const OcrOptions& options);
  virtual ~PageReader() = default;

  /// Reads one page. Never throws; a page that cannot be read comes back as kUnreadable with
  /// `error` naming the page and the reason.
  [[nodiscard]] virtual PageReading Read(const std::string& name, int index, const Pix& image) = 0;
};

/// The reading step of both transports: decodes the page's image and reads it with `reader`.
/// Never throws and never loses a page: one that cannot be decoded (or that the listing already
/// refused), or whose reading fails even by an exception from a library, comes back kUnreadable
/// with `error` naming the page and the reason. Observes the OCR time in the metrics.
[[nodiscard]] PageReading ReadPage(const ingest::PageSource& source, int index, PageReader& reader);

/// Decodes every barcode on the page (all common 1D and 2D symbologies, and patch codes as
/// format kPatchCodeFormat, read from the edge nearest to them, any way up). Thread-safe.
/// Returns an empty vector when there is none.
[[nodiscard]] std::vector<Barcode> ReadBarcodes(const Pix& image);

/// True if the page carries nothing worth routing: no ink beyond scanner dust, lid shadows along
/// the edges, punched holes and faint bleed-through from the other side, on any paper tint and
/// under uneven light. A short handwritten line or a stamp is not blank. Thread-safe.
[[nodiscard]] bool IsBlankPage(const Pix& image);

/// True if one of the barcodes is a separator sheet's: payload exactly kSeparatorPayload (the
/// contract's), or a patch T or patch 2 code.
[[nodiscard]] bool IsSeparator(const std::vector<Barcode>& barcodes);

}  // namespace mailroom::ocr
