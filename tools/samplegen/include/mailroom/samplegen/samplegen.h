// Synthetic German jobcenter mail for demos, tests and benchmarks: a scanned box of pages
// (separator sheets, letters, forms, statements, blank duplex backs), the registry the box is
// routed against, and a ground-truth file that says what every page is and where it belongs.
// Everything is derived from one seed, so a fresh checkout needs no sample data from elsewhere.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "mailroom/common/result.h"
#include "mailroom/image/pix.h"

namespace mailroom::samplegen {

/// Which sheets separate the envelopes of a generated box.
enum class SeparatorSheets {
  kBarcode,  ///< the contract's: a "MAILROOM-SEP" barcode, Code 128 (70 %) or DataMatrix
  kPatchT,   ///< Kodak patch T sheets (the transfer patch)
  kPatch2,   ///< Kodak patch 2 (II) sheets
  kMixed,    ///< each envelope's chosen from the seed: barcode, patch T or patch 2, a third each
};

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
  /// Kept for compatibility; rotated_share also turns pages by 90 and 270 degrees.
  double upside_down_share = 0.0;

  // Scan defects for testing page clean-up (deskew, orientation, binarisation, blank detection).
  // All default to 0: without them the box is byte-identical to one generated before they
  // existed. Each effect is decided per page, independently of the others and of the documents,
  // so turning one on changes neither the box's documents nor the other effects' pages. G4 pages
  // are binarised after the effects, with a threshold that follows the paper's brightness.

  /// Share of content pages (not already upside down) fed turned by 180 (70 %), 90 or 270 degrees
  /// (15 % each) clockwise; truth.json's "rotation" says which (0..1). Default 0.
  double rotated_share = 0.0;
  /// Share of content and blank pages on grey or coloured paper, scanned as paper grey 200..235
  /// instead of 255 (0..1). Default 0.
  double tinted_paper_share = 0.0;
  /// Share of pages (all kinds) with uneven illumination: a gradient from one side or a vignette,
  /// 40..60 grey levels darker at the far side (0..1). Default 0.
  double uneven_light_share = 0.0;
  /// Share of content and blank pages on which faint mirrored text of the other side shows through
  /// (ink at grey ~200..230; a blank back shows its front page). Blank pages stay "blank" (0..1).
  /// Default 0.
  double bleed_through_share = 0.0;
  /// Share of content and blank pages punched for a binder: two (sometimes four) dark discs of
  /// 6 mm, 80 mm apart, about 12 mm from the sheet's left edge; they turn with the sheet (0..1).
  /// Default 0.
  double punch_holes_share = 0.0;
  /// Share of pages (all kinds) with a dark strip of 2..6 mm along one or two edges: the shadow of
  /// the scanner lid (0..1). Default 0.
  double scanner_edge_share = 0.0;
  /// Share of duplex back sides (see blank_back_share) that carry a short handwritten note or an
  /// "EINGEGANGEN" stamp instead of being empty. They are content pages in truth.json: same
  /// envelope, case and doc_type as the page before, "lines" = the note (0..1). Default 0.
  double handwritten_back_share = 0.0;

  // Hard scans (the `--hard-scans` preset): what defeats simple capture. Each defaults to 0 and
  // draws after the defects above, so without them the box is byte-identical to one before.

  /// Share of content and blank pages with a coffee stain (a cup's wobbly ring, or a drip), one or
  /// two, anywhere on the sheet and over the text: 10..30 grey levels inside, 35..80 on the
  /// dried rim (0..1). Default 0.
  double coffee_stain_share = 0.0;
  /// Share of content pages printed by a 9-pin dot-matrix printer with a worn ribbon: in a
  /// monospaced font, every glyph round dots 0.30..0.42 mm apart, in a faint ink (grey 100..150
  /// that fades by 15..45 where the ribbon is dry) (0..1). Default 0.
  double dot_matrix_share = 0.0;
  /// Share of content and blank pages on a grey background: dark recycled or coloured paper
  /// (grey 150..195, mottled by its fibres) or, on 40 % of the content pages and on every
  /// dot-matrix page, grey boxes printed behind the line of the case number (0..1). Default 0.
  double grey_background_share = 0.0;
  /// Share of the content pages that print a case or customer number on which someone wrote a short
  /// note beside it by hand ("eilt!", "geprüft", initials and a date, ...), in the line of the
  /// number or just above it; truth.json's lines include the note (0..1). Default 0.
  double note_beside_number_share = 0.0;

  /// Box id written to box.json and truth.json. Default (empty): "BOX-<seed>".
  std::string box_id;

  /// The classifier benchmark's preset (`--classify-mix`): every envelope is given one primary kind
  /// of evidence (barcode payload variants, printed BG or customer numbers in varied spellings and
  /// places, name and address only, one-digit typos, decoys) or a reason to need review (no number,
  /// unknown number, two cases, a typo that lands on another case, an ambiguous sender; about 12 %),
  /// about 20 % of routable envelopes hold several documents, and objections quote the contested
  /// decision in varied wording. The registry gains double surnames, middle names, leading zeros,
  /// near-twin BG numbers and shared surnames for this. truth.json's "evidence" says which kind each
  /// envelope is. Default false: the box is the same as one generated before the option existed.
  bool classification_mix = false;
  /// The envelopes' separator sheets (`--separator`). Only the separator pages' images and their
  /// "lines" in truth.json depend on it: every other page is the same for the same seed. Default
  /// kBarcode: the box is the same as one generated before the option existed.
  SeparatorSheets separator = SeparatorSheets::kBarcode;
  /// Plan and write truth.json, box.json and the registry, but render no page images (fast: for
  /// training on the page texts). box/ then holds only box.json. Default false.
  bool truth_only = false;
};

/// A realistic mix of scan defects on top of `base` (the `--scan-defects` preset): rotated 8 %
/// (mostly 180 degrees), tinted paper 15 %, uneven light 15 %, bleed-through 10 %, punch holes
/// 15 %, scanner edges 10 %, handwritten notes on 20 % of the blank backs, and max_skew_degrees
/// raised to at least 3. Other fields of `base` are kept.
[[nodiscard]] SampleOptions ScanDefects(SampleOptions base);

/// The hard scans (`--hard-scans`, for the benchmark's hard profiles at 150 and 200 dpi): the scan
/// defects above, skew up to 8 degrees, coffee stains on 15 % of the sheets, dot-matrix print on
/// 12 % of the content pages, grey backgrounds on 15 % and a note by hand beside the case number
/// on 25 % of the pages that print one. Other fields of `base` are kept.
[[nodiscard]] SampleOptions HardScans(SampleOptions base);

/// Where the generated sample went and how big it is.
struct SampleSummary {
  int pages = 0;                       ///< pages in the box (images in box/ unless truth_only)
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
  /// Clockwise quarter turn applied after the skew: 0, 90, 180 or 270 (90/270 give a landscape
  /// image). Default 0.
  int rotation = 0;
  /// Paper brightness 0..255 (ink is scaled with it, like reflectance); 200..235 looks like a grey
  /// or coloured sheet. Default 255 (white).
  int paper_grey = 255;
  /// Uneven light: grey levels lost at the far (right) side, growing from 0 at the left (0..255).
  /// Default 0 (even light).
  int light_falloff = 0;
  /// Faint mirrored text of a back side (ink at grey ~215) shows through. Default false.
  bool bleed_through = false;
  /// Two punched holes (6 mm, 80 mm apart, 12 mm from the sheet's left edge), dark like the
  /// scanner backing. Default false.
  bool punch_holes = false;
  /// A dark strip of 4 mm along the top edge of the image (scanner lid shadow). Default false.
  bool scanner_edge = false;
};

/// Renders an A4 page as an 8-bit grey Pix (white paper, black ink) with its resolution set,
/// then applies the spec's scan effects (paper, bleed-through and holes on the sheet; skew and
/// rotation; then light and edge in the scanner's frame). Fails on an unknown barcode format, a
/// payload the format cannot encode, invalid dpi, rotation not in {0, 90, 180, 270}, or
/// paper_grey / light_falloff outside 0..255.
[[nodiscard]] Result<PixPtr> RenderPage(const PageSpec& spec);

/// Renders the envelope separator sheet: a large barcode with payload exactly "MAILROOM-SEP"
/// (format "Code128" or "DataMatrix") and the word "TRENNBLATT". 8-bit grey, resolution set.
[[nodiscard]] Result<PixPtr> RenderSeparatorSheet(int dpi = 300, const std::string& format = "Code128");

/// Renders a patch-code separator sheet (`patch`: "1", "2", "3", "4", "6" or "T"; "2" and "T" are
/// separators): the code along the top edge and, turned, along the bottom one (bars 2.5 in long,
/// 0.08 / 0.20 in thick), "TRENNBLATT" between them. Skew, rotation and dust as in PageSpec.
/// 8-bit grey, resolution set. Fails on an unknown patch, invalid dpi or rotation.
struct PatchSheetSpec {
  std::string patch = "T";
  int dpi = 300;            ///< 100..600
  double skew_degrees = 0;  ///< positive = clockwise
  int rotation = 0;         ///< clockwise quarter turn after the skew: 0, 90, 180 or 270
  bool speckle = false;     ///< light scanner dust
  bool mirrored = false;    ///< seen from behind: flipped left to right (a sheet scanned face down)
  int paper_grey = 255;     ///< paper brightness 0..255
  int light_falloff = 0;    ///< grey levels lost at the right side (0..255)
};
[[nodiscard]] Result<PixPtr> RenderPatchSheet(const PatchSheetSpec& spec);

/// Renders an empty duplex back side: white, with a little scanner dust if `speckle`
/// (deterministic for `seed`). 8-bit grey, resolution set.
[[nodiscard]] Result<PixPtr> RenderBlankPage(int dpi = 300, unsigned seed = 1, bool speckle = true);

/// An empty duplex back side with scan defects; a page rendered from it must still count as blank.
struct BlankSpec {
  int dpi = 300;               ///< A4 at this resolution (100..600). Default 300.
  unsigned seed = 1;           ///< dust positions and bleed-through text. Default 1.
  bool speckle = true;         ///< a little scanner dust. Default true.
  int paper_grey = 255;        ///< paper brightness 0..255. Default 255 (white).
  int light_falloff = 0;       ///< grey levels lost at the right side (0..255). Default 0.
  bool bleed_through = false;  ///< mirrored text of the front shows through faintly. Default false.
  bool punch_holes = false;    ///< two dark 6 mm holes near the left edge. Default false.
  bool scanner_edge = false;   ///< a dark 4 mm strip along the top edge. Default false.
};

/// Renders `spec` as an 8-bit grey Pix with its resolution set. Same validation as RenderPage.
[[nodiscard]] Result<PixPtr> RenderBlankPage(const BlankSpec& spec);

/// Renders a back side that is empty except for a short handwritten note: `lines` (UTF-8, one
/// entry per line, 1..6 lines) in a script font, slanted and slightly irregular, in blue-grey ink
/// (grey ~60..110), placed and tilted according to `seed`. 8-bit grey, resolution set. Fails on
/// invalid dpi or an empty `lines`.
[[nodiscard]] Result<PixPtr> RenderHandwrittenNote(const std::vector<std::string>& lines, int dpi = 300,
                                                   unsigned seed = 1);

}  // namespace mailroom::samplegen
