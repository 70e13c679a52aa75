#include "sheets.h"

#include <array>
#include <string_view>

#include "doc_common.h"
#include "rng.h"

namespace mailroom::samplegen {

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
  TextRow title;
  title.text = "TRENNBLATT";
  title.size_pt = 40;
  title.bold = true;
  title.align = Align::kCenter;
  TextRow note;
  note.text = "Posteingang Scanzentrum - Beginn eines neuen Briefes";
  note.size_pt = 12;
  note.align = Align::kCenter;
  note.space_before_mm = 6;
  page.rows = {title, note};
  return page;
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
