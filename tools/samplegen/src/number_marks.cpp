#include "number_marks.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

#include "doc_common.h"
#include "handwriting.h"

namespace mailroom::samplegen {
namespace {

constexpr double kPageWidthMm = 210;
// Wider than the average glyph of the generator's fonts (digits and capitals are 0.55 to 0.64 em):
// an estimate that errs to the right keeps a note off the number.
constexpr double kEmPerChar = 0.66;

// BG numbers as samplegen writes them (numbers::WriteBg) and customer numbers (WriteCustomerNumber).
const std::regex& NumberPattern() {
  static const std::regex pattern(R"([0-9]{5}[ .-]?BG[ .-]?[0-9]{1,7}|[0-9]{3}[ -]?[A-Z][ -]?[0-9]{6})");
  return pattern;
}

// Code points, not bytes: umlauts take two bytes but one glyph.
double Glyphs(std::string_view text) {
  return static_cast<double>(std::count_if(text.begin(), text.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

std::optional<NumberSpot> Match(const PageLayout& page, const TextRow& row, bool footer, std::size_t index,
                                double baseline_mm) {
  std::smatch match;
  if (!std::regex_search(row.text, match, NumberPattern())) return std::nullopt;
  const double em_mm = PointsToMm(row.size_pt);
  const double text_mm = Glyphs(row.text) * em_mm * kEmPerChar;
  const double right_edge = kPageWidthMm - page.right_mm;
  double start = page.left_mm + (row.align == Align::kLeft ? row.indent_mm : 0);
  if (row.align == Align::kCenter) start = (start + right_edge - text_mm) / 2;
  if (row.align == Align::kRight) start = right_edge - text_mm;
  NumberSpot spot;
  spot.in_footer = footer;
  spot.row = index;
  spot.baseline_mm = baseline_mm;
  spot.start_mm = start;
  const auto end = static_cast<std::size_t>(match.position(0) + match.length(0));
  spot.end_mm = std::min(right_edge, start + Glyphs(std::string_view(row.text).substr(0, end)) * em_mm * kEmPerChar);
  spot.size_pt = row.size_pt;
  return spot;
}

// "12.11.": a clerk's date by hand, without the year.
std::string DayMonth(Rng& rng) {
  doc::Date date = doc::RandomDate(rng);
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%d.%d.", date.day, date.month);
  return buffer;
}

std::string NoteText(Rng& rng) {
  static constexpr std::array<std::string_view, 14> kWords = {
      "eilt!",         "erl.",           "geprüft", "ok",        "Kopie Akte", "s. Rückseite",  "Rückruf!",
      "neue Adresse!", "bitte zuordnen", "Frist!",  "stimmt so", "falsch?",    "vorab per Fax", "z. d. A."};
  std::string text(rng.Pick(std::span<const std::string_view>(kWords)));
  switch (rng.Between(0, 3)) {
    case 0:
      return "Eing. " + DayMonth(rng);
    case 1:
      return text + " " + DayMonth(rng);
    default:
      return text;
  }
}

}  // namespace

std::optional<NumberSpot> FindNumber(const PageLayout& page) {
  const std::vector<double> rows = RowBaselinesMm(page);
  for (std::size_t i = 0; i < page.rows.size(); ++i) {
    if (auto spot = Match(page, page.rows[i], false, i, rows[i])) return spot;
  }
  const std::vector<double> footer = FooterBaselinesMm(page);
  for (std::size_t i = 0; i < page.footer.size(); ++i) {
    if (auto spot = Match(page, page.footer[i], true, i, footer[i])) return spot;
  }
  return std::nullopt;
}

void WriteBesideNumber(PageLayout& page, const NumberSpot& spot, Rng& rng) {
  FreeText note = HandNote({NoteText(rng)}, rng.Next());
  note.size_pt = rng.Real(15, 21);
  note.angle_degrees = rng.Real(-8, 5);
  note.underline = rng.Chance(0.25);
  // Script glyphs are narrow; the note's width decides whether it fits beside the number.
  const double note_mm = Glyphs(note.lines.front()) * PointsToMm(note.size_pt) * 0.5;
  const double gap = rng.Real(5, 14);
  const double beside = spot.end_mm + gap;
  if (beside + note_mm < kPageWidthMm - 6) {
    note.x_mm = beside;
    note.y_mm = spot.baseline_mm + rng.Real(-2.5, 1.5);
  } else {  // no room in the line: above the number, between the lines
    note.x_mm = std::max(8.0, spot.end_mm - note_mm - rng.Real(0, 10));
    note.y_mm = spot.baseline_mm - PointsToMm(spot.size_pt) * 1.1 - rng.Real(0.5, 2);
  }
  page.notes.push_back(std::move(note));
}

void ShadeFields(PageLayout& page, const std::optional<NumberSpot>& spot, Rng& rng) {
  const double ink = rng.Real(0.12, 0.3);
  const double pad = rng.Real(1, 2.5);
  const bool header = !spot || rng.Chance(0.5);
  if (spot) {
    const double em = PointsToMm(spot->size_pt);
    const bool to_margin = rng.Chance(0.5);
    const double right = to_margin ? kPageWidthMm - page.right_mm + pad : spot->end_mm + pad + rng.Real(2, 20);
    page.shades.push_back({spot->start_mm - pad, spot->baseline_mm - em - pad, right - spot->start_mm + 2 * pad,
                           em * 1.3 + 2 * pad, ink});
  }
  if (header && !page.rows.empty()) {
    const std::vector<double> rows = RowBaselinesMm(page);
    const std::size_t last = std::min<std::size_t>(rows.size(), static_cast<std::size_t>(rng.Between(2, 4))) - 1;
    const double top = rows.front() - PointsToMm(page.rows.front().size_pt) - pad;
    page.shades.push_back({page.left_mm - pad, top, kPageWidthMm - page.left_mm - page.right_mm + 2 * pad,
                           rows[last] + 2 * pad - top, ink});
  }
}

const char* PrinterFont(Rng& rng) {
  static constexpr std::array<const char*, 3> kFonts = {"DejaVu Sans Mono", "Liberation Mono", "FreeMono"};
  return kFonts[static_cast<std::size_t>(rng.Between(0, 2))];
}

}  // namespace mailroom::samplegen
