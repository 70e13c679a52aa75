// The destruction protocol drawn with Cairo's PDF surface and its toy text API (no Pango: the
// protocol holds ids and fixed labels only, one line per cell). Cairo is used in this file only,
// its objects and the PDF surface owned by mailroom::drawing.
#include "destruction_protocol.h"

#include <fmt/format.h>

#include <array>
#include <string_view>

#include "ledger_text.h"
#include "mailroom/drawing/cairo.h"
#include "mailroom/drawing/pdf.h"

namespace mailroom::app {
namespace {

// A4 portrait in points, and the layout of the page.
constexpr double kPageWidth = drawing::kA4WidthPt, kPageHeight = drawing::kA4HeightPt;
constexpr double kMargin = 40;
constexpr double kFirstTableTop = 140, kNextTableTop = 64;
constexpr double kTableBottom = kPageHeight - 56;
constexpr double kFooterBaseline = kPageHeight - 30;
constexpr double kHeaderHeight = 26, kRowHeight = 24;  // a row is tall enough to sign in
constexpr double kClosingHeight = 86;                  // totals and the service's signature

struct Column {
  std::string_view label;  // '\n' splits it over two lines
  double width;
  bool right;
};
constexpr std::array<Column, 8> kColumns{{{"No.", 24, true},
                                          {"Box", 84, false},
                                          {"Seal", 70, false},
                                          {"Origin", 68, false},
                                          {"Pages", 34, true},
                                          {"Delivered\n(UTC)", 60, false},
                                          {"Retention\nuntil", 60, false},
                                          {"Destroyed on /\nsignature", kPageWidth - 2 * kMargin - 400, false}}};

// Which rows go on a page; a last page may hold only the closing block.
struct PageRows {
  size_t first;
  size_t end;
};

std::vector<PageRows> Paginate(size_t rows) {
  std::vector<PageRows> pages;
  size_t next = 0;
  double top = kFirstTableTop;
  do {
    const auto fit = static_cast<size_t>((kTableBottom - top - kHeaderHeight) / kRowHeight);
    const size_t end = std::min(rows, next + fit);
    pages.push_back({next, end});
    next = end;
    top = kNextTableTop;
  } while (next < rows);
  const double table_top = pages.size() == 1 ? kFirstTableTop : kNextTableTop;
  const size_t last_rows = std::max<size_t>(pages.back().end - pages.back().first, 1);  // 1: the "none" line
  if (table_top + kHeaderHeight + static_cast<double>(last_rows) * kRowHeight + kClosingHeight > kTableBottom) {
    pages.push_back({rows, rows});
  }
  return pages;
}

void Font(cairo_t* cr, double size, bool bold = false) {
  drawing::SelectFont(cr, "DejaVu Sans", size, bold);
}

void Text(cairo_t* cr, double x, double baseline, const std::string& text) {
  drawing::ShowText(cr, x, baseline, text);
}

void TextRight(cairo_t* cr, double right, double baseline, const std::string& text) {
  Text(cr, right - drawing::TextAdvance(cr, text), baseline, text);
}

// One table cell: framed, its text clipped to the cell so a long id cannot run into the next.
void Cell(cairo_t* cr, double x, double y, const Column& column, double height, std::string_view text) {
  cairo_set_line_width(cr, 0.5);
  cairo_rectangle(cr, x, y, column.width, height);
  cairo_stroke(cr);
  cairo_save(cr);
  cairo_rectangle(cr, x + 2, y, column.width - 4, height);
  cairo_clip(cr);
  double baseline = y + 11;
  size_t from = 0;
  while (from <= text.size()) {
    const size_t to = std::min(text.find('\n', from), text.size());
    const std::string line(text.substr(from, to - from));
    if (column.right) {
      TextRight(cr, x + column.width - 3, baseline, line);
    } else {
      Text(cr, x + 3, baseline, line);
    }
    baseline += 10;
    from = to + 1;
  }
  cairo_restore(cr);
}

double TableRow(cairo_t* cr, double y, double height, const std::array<std::string, kColumns.size()>& cells) {
  double x = kMargin;
  for (size_t i = 0; i < kColumns.size(); ++i) {
    Cell(cr, x, y, kColumns[i], height, cells[i]);
    x += kColumns[i].width;
  }
  return y + height;
}

double TableHeader(cairo_t* cr, double y) {
  Font(cr, 8, true);
  std::array<std::string, kColumns.size()> labels;
  for (size_t i = 0; i < kColumns.size(); ++i) labels[i] = std::string(kColumns[i].label);
  return TableRow(cr, y, kHeaderHeight, labels);
}

double BoxRow(cairo_t* cr, double y, size_t index, const ledger::DueBox& box) {
  Font(cr, 8.5);
  return TableRow(
      cr, y, kRowHeight,
      {std::to_string(index + 1), box.box_id, box.seal, box.origin_jobcenter, std::to_string(box.pages_captured),
       IsoDate(std::chrono::floor<std::chrono::days>(box.delivered_at)), IsoDate(box.retention_until), ""});
}

void TitleBlock(cairo_t* cr, const DestructionProtocol& protocol) {
  Font(cr, 16, true);
  Text(cr, kMargin, 60, "Vernichtungsprotokoll / Destruction protocol");
  Font(cr, 10);
  Text(cr, kMargin, 84, "Date of destruction / Vernichtungsdatum: " + IsoDate(protocol.date));
  Text(cr, kMargin, 99,
       fmt::format("Prepared by / erstellt von: {}, {} UTC", protocol.prepared_by, TableTime(protocol.prepared_at)));
  Font(cr, 8.5);
  Text(cr, kMargin, 118,
       "Boxes whose retention has passed and whose every page was delivered. The destruction service enters");
  Text(cr, kMargin, 129, "the date and signs for each box it destroyed.");
}

void ContinuationHeader(cairo_t* cr, const DestructionProtocol& protocol) {
  Font(cr, 9, true);
  Text(cr, kMargin, 48, "Vernichtungsprotokoll / Destruction protocol " + IsoDate(protocol.date) + " (continued)");
}

void ClosingBlock(cairo_t* cr, double y, const DestructionProtocol& protocol) {
  int pages = 0;
  for (const auto& box : protocol.boxes) pages += box.pages_captured;
  const size_t boxes = protocol.boxes.size();
  Font(cr, 10, true);
  Text(cr, kMargin, y + 24,
       fmt::format("Total: {} {}, {} {}", boxes, boxes == 1 ? "box" : "boxes", pages, pages == 1 ? "page" : "pages"));
  Font(cr, 9);
  Text(cr, kMargin, y + 52, "Destruction service / Vernichtungsdienstleister: ________________________________");
  Text(cr, kMargin, y + 76, "Date / Datum: ______________     Signature / Unterschrift: ______________________");
}

void Footer(cairo_t* cr, size_t page, size_t pages, const DestructionProtocol& protocol) {
  Font(cr, 8);
  Text(cr, kMargin, kFooterBaseline, "Vernichtungsprotokoll " + IsoDate(protocol.date));
  TextRight(cr, kPageWidth - kMargin, kFooterBaseline, fmt::format("page {} of {}", page, pages));
}

void DrawPage(cairo_t* cr, const DestructionProtocol& protocol, const std::vector<PageRows>& layout, size_t page) {
  double y = kNextTableTop;
  if (page == 0) {
    TitleBlock(cr, protocol);
    y = kFirstTableTop;
  } else {
    ContinuationHeader(cr, protocol);
  }
  const PageRows rows = layout[page];
  const bool table_page = rows.first < rows.end || page == 0;
  if (table_page) y = TableHeader(cr, y);
  for (size_t i = rows.first; i < rows.end; ++i) y = BoxRow(cr, y, i, protocol.boxes[i]);
  if (protocol.boxes.empty()) {
    Font(cr, 9);
    Text(cr, kMargin + 4, y + 16, "No boxes due for destruction / keine Kartons zur Vernichtung.");
    y += kRowHeight;
  }
  if (page + 1 == layout.size()) ClosingBlock(cr, y, protocol);
  Footer(cr, page + 1, layout.size(), protocol);
}

}  // namespace

Result<std::string> RenderDestructionProtocol(const DestructionProtocol& protocol) {
  const auto layout = Paginate(protocol.boxes.size());
  return drawing::WritePdf({.what = "the destruction protocol",
                            .count = layout.size(),
                            .width_pt = kPageWidth,
                            .height_pt = kPageHeight,
                            .title = "Vernichtungsprotokoll " + IsoDate(protocol.date)},
                           [&](cairo_t* cr, size_t page) {
                             cairo_set_source_rgb(cr, 0, 0, 0);
                             DrawPage(cr, protocol, layout, page);
                           });
}

}  // namespace mailroom::app
