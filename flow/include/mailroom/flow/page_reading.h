// What the reading stage found on one page: the value that flows from ocr/ to classifier/.
// Plain data, no library types (header only, no Leptonica or Tesseract), so the classifier,
// routing and their tests never need an image library.
#pragma once

#include <string>
#include <vector>

namespace mailroom {

/// One decoded barcode. `format` is zxing-cpp's name ("Code128", "DataMatrix", "QRCode", ...).
struct Barcode {
  std::string format;
  std::string text;
};

/// One recognised word with its box in page pixels (top-left origin, after rotation fix-up).
struct Word {
  std::string text;
  float confidence = 0;  ///< 0..100, Tesseract's word confidence
  int left = 0, top = 0, width = 0, height = 0;
};

enum class PageKind {
  kContent,     ///< a page with content; text and barcodes were read
  kBlank,       ///< an empty page (e.g. a duplex back side); not routed
  kSeparator,   ///< a separator sheet (barcode payload exactly "MAILROOM-SEP", or patch T / 2); not routed
  kUnreadable,  ///< the image could not be decoded or read; `error` says why; goes to review
};

/// "content", "blank", "separator", "unreadable": the kind as logs and truth files name it.
[[nodiscard]] constexpr const char* PageKindName(PageKind kind) {
  switch (kind) {
    case PageKind::kContent:
      return "content";
    case PageKind::kBlank:
      return "blank";
    case PageKind::kSeparator:
      return "separator";
    case PageKind::kUnreadable:
      return "unreadable";
  }
  return "content";
}

/// The reading of one input page.
struct PageReading {
  std::string name;  ///< input file name, e.g. "0007.tif" ("0007.tif#2" for page 2 of a multi-page TIFF)
  int index = 0;     ///< position in scan order, 0-based
  PageKind kind = PageKind::kContent;
  std::vector<Barcode> barcodes;
  std::string text;  ///< full page text, lines separated by '\n'
  std::vector<Word> words;
  float mean_confidence = 0;  ///< 0..100 over all words; 0 when no words
  /// The ink Tesseract was given, in square millimetres of the page (0: not measured), and the
  /// share of it (0..1) that lies outside every confidently read word: print too faint, stained or
  /// damaged to read leaves most of its ink unread, a well read page almost none.
  float ink_mm2 = 0;
  float unread_ink_share = 0;
  int rotation_degrees = 0;  ///< clockwise rotation applied to put the page right side up
  std::string error;         ///< why the page is unreadable (kUnreadable only), names the file
  std::string pdf_path;      ///< single-page searchable PDF of this page (content pages only)
};

}  // namespace mailroom
