// The page model shared by the document templates and the renderer: a column of text rows that
// flows from the top margin down, plus barcodes at fixed positions. The rows are also the page's
// ground truth, so what is printed and what truth.json says can never drift apart.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace mailroom::samplegen {

enum class Align { kLeft, kCenter, kRight };

/// One printed line. Positions are in millimetres on an A4 sheet (210 x 297 mm).
struct TextRow {
  std::string text;        ///< UTF-8; placed according to `align`
  std::string right_text;  ///< optional second column, right-aligned on the same baseline
  double size_pt = 11;     ///< font size in points (letters use 10-12 pt)
  bool bold = false;
  Align align = Align::kLeft;
  double space_before_mm = 0;  ///< extra vertical space above the row
  double indent_mm = 0;        ///< extra left indent (left-aligned rows only)
};

/// A barcode drawn at a fixed place. `x_mm` is the left edge, the centre or the right edge of the
/// symbol depending on `align`; module sizes are rounded to whole pixels so it scans cleanly.
struct BarcodeSpot {
  std::string payload;
  std::string format = "Code128";  ///< "Code128", "DataMatrix" or "QRCode"
  double x_mm = 0;
  double y_mm = 0;        ///< top edge, or the vertical centre if `center_vertically`
  double width_mm = 50;   ///< target width (1D) or edge length (2D)
  double height_mm = 15;  ///< bar height, 1D only
  Align align = Align::kLeft;
  bool center_vertically = false;
};

/// A solid black rectangle at a fixed place (the bars of a patch code), in millimetres from the
/// sheet's top left corner; edges rounded to whole pixels so they print crisp.
struct InkRect {
  double x_mm = 0;
  double y_mm = 0;
  double width_mm = 0;
  double height_mm = 0;
};

/// A grey box printed under the text (a form's shaded field), in millimetres like InkRect.
struct ShadeRect {
  double x_mm = 0;
  double y_mm = 0;
  double width_mm = 0;
  double height_mm = 0;
  double ink = 0.2;  ///< ink coverage 0..1 (grey = 255 * (1 - ink))
};

/// Text put on the sheet by hand: a handwritten note or a rubber stamp. Drawn after the rows,
/// tilted about its first baseline's start, in a lighter ink.
struct FreeText {
  std::vector<std::string> lines;    ///< UTF-8, top to bottom
  std::string font_family = "Z003";  ///< a script font for notes, a plain bold one for stamps
  double x_mm = 30;                  ///< start of the first baseline
  double y_mm = 60;
  double size_pt = 18;
  double line_spacing = 1.25;  ///< baseline distance as a multiple of the font size
  double angle_degrees = 0;    ///< positive = clockwise
  double ink = 0.65;           ///< ink coverage 0..1 (grey = 255 * (1 - ink))
  double slant = 0;            ///< extra shear of the glyphs (0.2 leans them right)
  bool bold = false;
  bool jitter = false;     ///< hand: words wander a little in size, height and angle
  bool underline = false;  ///< hand: a loose stroke under the last line
  bool boxed = false;      ///< stamp: a double rectangle around the text
  unsigned seed = 1;       ///< for the jitter
};

struct PageLayout {
  std::vector<TextRow> rows;
  /// Rows at the foot of the page, the last one about 12 mm above the bottom edge (a footer line
  /// under the text column). Empty on most pages.
  std::vector<TextRow> footer;
  std::vector<BarcodeSpot> barcodes;
  std::vector<InkRect> rects;
  std::vector<FreeText> notes;
  std::vector<ShadeRect> shades;  ///< drawn first, under everything else
  std::string font_family = "DejaVu Sans";
  double top_mm = 20;
  double left_mm = 25;
  double right_mm = 20;
  double line_spacing = 1.4;  ///< baseline distance as a multiple of the font size

  /// The printed text in reading order, one entry per non-empty row ("text right_text"), with
  /// runs of spaces (gaps between fields) collapsed to one space; then the footer; then the notes'
  /// lines.
  [[nodiscard]] std::vector<std::string> Lines() const {
    std::vector<std::string> lines;
    std::vector<const TextRow*> printed;
    for (const TextRow& row : rows) printed.push_back(&row);
    for (const TextRow& row : footer) printed.push_back(&row);
    for (const TextRow* row_ptr : printed) {
      const TextRow& row = *row_ptr;
      std::string line;
      for (char ch : row.text + " " + row.right_text) {
        if (ch != ' ' || (!line.empty() && line.back() != ' ')) line += ch;
      }
      while (!line.empty() && line.back() == ' ') line.pop_back();
      if (!line.empty()) lines.push_back(line);
    }
    for (const FreeText& note : notes) {
      for (const std::string& line : note.lines) {
        if (!line.empty()) lines.push_back(line);
      }
    }
    return lines;
  }
};

/// Points to millimetres, computed as the renderer always has (so that positions keep their bits).
[[nodiscard]] inline double PointsToMm(double points) {
  return points * 25.4 / 72.0;
}

/// The baseline of every row, in millimetres from the top of the sheet: the rows flow down from
/// `top_mm`, each `space_before_mm` plus its size times the line spacing below the one before.
[[nodiscard]] inline std::vector<double> RowBaselinesMm(const PageLayout& layout) {
  std::vector<double> baselines;
  double y_mm = layout.top_mm;
  for (const TextRow& row : layout.rows) {
    y_mm += row.space_before_mm + PointsToMm(row.size_pt) * layout.line_spacing;
    baselines.push_back(y_mm);
  }
  return baselines;
}

/// The baseline of every footer row: the footer grows upwards from its last baseline, 12 mm above
/// the bottom edge of the A4 sheet.
[[nodiscard]] inline std::vector<double> FooterBaselinesMm(const PageLayout& layout) {
  std::vector<double> baselines(layout.footer.size());
  double foot_mm = 297.0 - 12.0;
  for (std::size_t i = layout.footer.size(); i-- > 0;) {
    baselines[i] = foot_mm;
    foot_mm -= PointsToMm(layout.footer[i].size_pt) * layout.line_spacing + layout.footer[i].space_before_mm;
  }
  return baselines;
}

}  // namespace mailroom::samplegen
