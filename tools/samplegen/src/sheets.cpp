#include "sheets.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string_view>

#include "doc_common.h"
#include "rng.h"

namespace mailroom::samplegen {
namespace {

// A separator sheet's words: "TRENNBLATT" large and bold, `note` under it, both centred.
std::vector<TextRow> TitleRows(const std::string& note, double note_pt) {
  TextRow title;
  title.text = "TRENNBLATT";
  title.size_pt = 40;
  title.bold = true;
  title.align = Align::kCenter;
  TextRow line;
  line.text = note;
  line.size_pt = note_pt;
  line.align = Align::kCenter;
  line.space_before_mm = 6;
  return {title, line};
}

}  // namespace

PageLayout SeparatorLayout(const std::string& format) {
  PageLayout page;
  page.font_family = "DejaVu Sans";
  bool linear = format == "Code128";
  BarcodeSpot spot;
  spot.payload = kSeparatorPayload;
  spot.format = format;
  // Centred on the sheet: zxing-cpp 1.4 finds a DataMatrix only where it crosses the image's
  // horizontal centre line (zxing-cpp issue #189), and readers may well be that old.
  spot.x_mm = 105;
  spot.y_mm = 148.5;
  spot.center_vertically = true;
  spot.width_mm = linear ? 120 : 80;
  spot.height_mm = 40;
  spot.align = Align::kCenter;
  page.barcodes.push_back(spot);
  page.top_mm = 60;
  page.rows = TitleRows("Posteingang Scanzentrum - Beginn eines neuen Briefes", 12);
  return page;
}

Result<PageLayout> PatchSheetLayout(const std::string& patch) {
  // Wide (true) and narrow bars from the leading edge (Kodak A-61599).
  static constexpr std::array<std::pair<std::string_view, std::array<bool, 4>>, 6> kPatches = {{
      {"1", {true, true, false, false}},
      {"2", {true, false, false, true}},
      {"3", {true, false, true, false}},
      {"4", {false, true, true, false}},
      {"6", {false, false, true, true}},
      {"T", {false, true, false, true}},
  }};
  const auto* found = std::find_if(kPatches.begin(), kPatches.end(), [&](const auto& p) { return p.first == patch; });
  if (found == kPatches.end()) return Fail("unknown patch code '" + patch + "' (1, 2, 3, 4, 6 or T)");
  // Narrow bars and spaces 0.08 in, wide bars 0.20 in, bars 2.5 in long; 20 mm from the edge
  // (the specification: at least 0.25 in from every edge, at most 3.75 in from the leading one).
  constexpr double kNarrowMm = 0.08 * 25.4, kWideMm = 0.20 * 25.4, kLengthMm = 2.5 * 25.4, kEdgeMm = 20;
  PageLayout page;
  page.font_family = "DejaVu Sans";
  double from_edge = kEdgeMm;
  for (bool wide : found->second) {
    const double thickness = wide ? kWideMm : kNarrowMm;
    page.rects.push_back({105 - kLengthMm / 2, from_edge, kLengthMm, thickness});
    page.rects.push_back({105 - kLengthMm / 2, 297 - from_edge - thickness, kLengthMm, thickness});
    from_edge += thickness + kNarrowMm;
  }
  page.top_mm = 120;
  page.rows = TitleRows("Patch " + patch, 14);
  return page;
}

PageLayout SeparatorSheet(const SampleOptions& options, int envelope, const std::string& barcode_format) {
  SeparatorSheets kind = options.separator;
  if (kind == SeparatorSheets::kMixed) {
    Rng pick(options.seed ^ 0x5E9A7A7Eu ^ (static_cast<std::uint32_t>(envelope) * 0x9E3779B9u));
    static constexpr std::array kKinds = {SeparatorSheets::kBarcode, SeparatorSheets::kPatchT,
                                          SeparatorSheets::kPatch2};
    kind = kKinds[static_cast<std::size_t>(pick.Between(0, 2))];
  }
  if (kind == SeparatorSheets::kPatchT) return *PatchSheetLayout("T");
  if (kind == SeparatorSheets::kPatch2) return *PatchSheetLayout("2");
  return SeparatorLayout(barcode_format);
}

PageLayout TestPageLayout(const PageSpec& spec) {
  PageLayout page;
  page.font_family = "DejaVu Sans";
  if (spec.barcode && !spec.barcode->empty()) {
    BarcodeSpot spot;
    spot.payload = *spec.barcode;
    spot.format = spec.barcode_format;
    bool linear = spec.barcode_format == "Code128";
    spot.width_mm = linear ? 60 : 25;
    spot.height_mm = 15;
    spot.x_mm = 190;
    spot.y_mm = 12;
    spot.align = Align::kRight;
    page.barcodes.push_back(spot);
    page.top_mm = 45;
  }
  for (const std::string& line : spec.lines) {
    TextRow row;
    row.text = line;
    row.size_pt = 12;
    page.rows.push_back(row);
  }
  return page;
}

PageLayout BackTextLayout(unsigned seed) {
  static constexpr std::array<std::string_view, 6> kParagraphs = {
      "Sehr geehrte Damen und Herren, hiermit reiche ich die angeforderten Unterlagen ein und bitte "
      "um Bearbeitung meines Antrags.",
      "Die Kontoauszüge der letzten drei Monate sowie die Mietbescheinigung des Vermieters liegen "
      "diesem Schreiben bei.",
      "Sollten weitere Nachweise erforderlich sein, teilen Sie mir dies bitte schriftlich mit. Ich "
      "bin tagsüber telefonisch erreichbar.",
      "Bitte berücksichtigen Sie, dass sich meine Einkünfte ab dem kommenden Monat voraussichtlich "
      "ändern werden.",
      "Für Rückfragen stehe ich Ihnen gerne zur Verfügung. Vielen Dank für Ihre Mühe.",
      "Mit freundlichen Grüßen"};
  Rng rng(seed);
  std::vector<std::string_view> order(kParagraphs.begin(), kParagraphs.end());
  rng.Shuffle(order);
  PageLayout page;
  page.top_mm = rng.Real(40, 90);
  page.font_family = rng.Chance(0.5) ? "DejaVu Sans" : "Liberation Serif";
  for (std::string_view paragraph : order) doc::AddParagraph(page, paragraph, 4, 11);
  return page;
}

}  // namespace mailroom::samplegen
