// Synthetic German jobcenter mail for demos, tests and benchmarks: a scanned box of pages
// (separator sheets, letters, forms, statements, blank duplex backs), the registry the box is
// routed against, and a ground-truth file that says what every page is and where it belongs.
// Everything is derived from one seed, so a fresh checkout needs no sample data from elsewhere.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "mailroom/common/pix.h"
#include "mailroom/common/result.h"

namespace mailroom::samplegen {

/// What GenerateSampleBox makes. A default-constructed object (plus out_dir) works.
struct SampleOptions {
  /// Folder that receives box/, registry/ and truth.json; created (mode 0700) if missing.
  std::filesystem::path out_dir;
  /// Same seed (and options) -> byte-identical output on the same machine. Default 1.
  unsigned seed = 1;
  /// Number of envelopes in the box (1..10000). Default 10 (about 30 pages).
  int envelopes = 10;
  /// Scan resolution of every page image (100..600). Default 300.
  int dpi = 300;
  /// Each content page is skewed by a random angle in [-max, +max] degrees (0..10). Default 1.5.
  double max_skew_degrees = 1.5;
  /// Share of content pages followed by a blank duplex back side (0..1). Default 0.15.
  double blank_back_share = 0.15;
  /// Share of content pages fed upside down, i.e. rotated by 180 degrees (0..1). Default 0.
  double upside_down_share = 0.0;
  /// Box id written to box.json and truth.json. Default (empty): "BOX-<seed>".
  std::string box_id;
};

/// Where the generated sample went and how big it is.
struct SampleSummary {
  int pages = 0;                       ///< page images in box/
  int envelopes = 0;                   ///< envelopes (= separator sheets) in the box
  std::filesystem::path box_dir;       ///< out_dir/box: page images + box.json
  std::filesystem::path registry_dir;  ///< out_dir/registry: jobcenters.csv, cases.csv
  std::filesystem::path truth_file;    ///< out_dir/truth.json (outside box/ on purpose)
};

/// Generates a complete sample: out_dir/box/0001.tif ... (G4/LZW TIFF, PNG, JPEG, resolution set),
/// out_dir/box/box.json, out_dir/registry/{jobcenters,cases}.csv and out_dir/truth.json.
/// Every file is written atomically with mode 0600. A rerun into the same out_dir replaces the
/// earlier sample (old page images in box/ are removed first, so no stale pages remain); other
/// files in out_dir are left alone. Fails on invalid options, an unwritable folder, or a box/ that
/// holds files samplegen did not write. Thread-safe for distinct out_dirs.
[[nodiscard]] Result<SampleSummary> GenerateSampleBox(const SampleOptions& options);

/// One test page: text lines top-left (12 pt, DejaVu Sans, one line per entry), an optional
/// barcode in the top right corner.
struct PageSpec {
  std::vector<std::string> lines;          ///< UTF-8, printed top to bottom
  std::optional<std::string> barcode;      ///< payload; no barcode if empty
  std::string barcode_format = "Code128";  ///< "Code128", "DataMatrix" or "QRCode"
  int dpi = 300;                           ///< A4 at this resolution (100..600)
  double skew_degrees = 0;                 ///< rotation of the whole sheet, positive = clockwise
  bool speckle = false;                    ///< add light scanner dust
};

/// Renders an A4 page as an 8-bit grey Pix (white paper, black ink) with its resolution set.
/// Fails on an unknown barcode format, a payload the format cannot encode, or invalid dpi.
[[nodiscard]] Result<PixPtr> RenderPage(const PageSpec& spec);

/// Renders the envelope separator sheet: a large barcode with payload exactly "MAILROOM-SEP"
/// (format "Code128" or "DataMatrix") and the word "TRENNBLATT". 8-bit grey, resolution set.
[[nodiscard]] Result<PixPtr> RenderSeparatorSheet(int dpi = 300, const std::string& format = "Code128");

/// Renders an empty duplex back side: white, with a little scanner dust if `speckle`
/// (deterministic for `seed`). 8-bit grey, resolution set.
[[nodiscard]] Result<PixPtr> RenderBlankPage(int dpi = 300, unsigned seed = 1, bool speckle = true);

}  // namespace mailroom::samplegen
