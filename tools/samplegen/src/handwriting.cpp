#include "handwriting.h"

#include <array>
#include <cstdio>
#include <string_view>

#include "doc_common.h"

namespace mailroom::samplegen {
namespace {

constexpr std::array<std::string_view, 10> kNotes = {
    "Bitte um Rückruf", "Kopie für die Akte", "Unterlagen folgen",   "Bitte Frist beachten!", "erledigt",
    "z. d. A.",         "Original zurück",    "Nachweis fehlt noch", "Kunde war da",          "Wiedervorlage"};

// "M.K." - staff sign notes with their initials.
std::string Initials(Rng& rng) {
  static constexpr std::string_view kLetters = "ABCDEFGHJKLMNPRSTW";
  std::string out;
  for (int i = 0; i < 2; ++i) {
    out += kLetters[static_cast<std::size_t>(rng.Between(0, static_cast<int>(kLetters.size()) - 1))];
    out += '.';
  }
  return out;
}

// "12.11.25": by hand the year is usually short.
std::string ShortDate(Rng& rng) {
  doc::Date date = doc::RandomDate(rng);
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%02d.%02d.%02d", date.day, date.month, date.year % 100);
  return buffer;
}

}  // namespace

FreeText HandNote(std::vector<std::string> lines, unsigned seed) {
  Rng rng(seed);
  FreeText note;
  note.lines = std::move(lines);
  note.font_family = "Z003";
  note.x_mm = rng.Real(25, 90);
  note.y_mm = rng.Real(40, 200);
  note.size_pt = rng.Real(22, 28);
  note.line_spacing = rng.Real(1.2, 1.45);
  note.angle_degrees = rng.Real(-7, 3);
  note.ink = rng.Real(0.57, 0.76);
  note.slant = rng.Real(0.05, 0.18);
  note.jitter = true;
  note.underline = rng.Chance(0.35);
  note.seed = rng.Next();
  return note;
}

FreeText ReceiptStamp(const std::string& date, unsigned seed) {
  Rng rng(seed);
  FreeText stamp;
  stamp.lines = {"EINGEGANGEN", date};
  stamp.font_family = "DejaVu Sans";
  stamp.bold = true;
  stamp.x_mm = rng.Real(100, 140);
  stamp.y_mm = rng.Real(30, 70);
  stamp.size_pt = rng.Real(14, 17);
  stamp.line_spacing = 1.35;
  stamp.angle_degrees = rng.Real(-10, 10);
  stamp.ink = rng.Real(0.55, 0.72);
  stamp.boxed = true;
  stamp.seed = rng.Next();
  return stamp;
}

PageLayout NoteLayout(std::vector<std::string> lines, unsigned seed) {
  PageLayout page;
  page.notes.push_back(HandNote(std::move(lines), seed));
  return page;
}

PageLayout RandomBackNote(Rng& rng) {
  PageLayout page;
  if (rng.Chance(0.3)) {
    doc::Date date = doc::RandomDate(rng);
    page.notes.push_back(ReceiptStamp(date.Text(), rng.Next()));
    return page;
  }
  std::vector<std::string> lines = {std::string(rng.Pick(std::span<const std::string_view>(kNotes)))};
  switch (rng.Between(0, 2)) {
    case 0:
      lines.push_back(Initials(rng) + " " + ShortDate(rng));
      break;
    case 1:
      lines.back() += " " + Initials(rng);
      break;
    default:
      break;
  }
  page.notes.push_back(HandNote(std::move(lines), rng.Next()));
  return page;
}

}  // namespace mailroom::samplegen
