#include "doc_common.h"

#include <array>
#include <cstdio>

namespace mailroom::samplegen::doc {
namespace {

constexpr std::array<int, 12> kMonthDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

// Counts UTF-8 code points (continuation bytes do not start a character).
std::size_t CharCount(std::string_view text) {
  std::size_t n = 0;
  for (char ch : text) n += (static_cast<unsigned char>(ch) & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

}  // namespace

std::string Date::Text() const {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%02d.%02d.%04d", day, month, year);
  return buffer;
}

Date RandomDate(Rng& rng) {
  int month = rng.Between(1, 11);
  return Date{rng.Between(1, kMonthDays[static_cast<std::size_t>(month - 1)]), month, 2025};
}

Date DaysBefore(Date date, int days) {
  date.day -= days;
  while (date.day < 1) {
    if (--date.month < 1) {
      date.month = 12;
      --date.year;
    }
    date.day += kMonthDays[static_cast<std::size_t>(date.month - 1)];
  }
  return date;
}

std::string GermanDate(const std::string& iso_date) {
  if (iso_date.size() != 10) return iso_date;
  return iso_date.substr(8, 2) + "." + iso_date.substr(5, 2) + "." + iso_date.substr(0, 4);
}

std::string_view MonthName(int month) {
  static constexpr std::array<std::string_view, 12> kNames = {"Januar",    "Februar", "März",     "April",
                                                              "Mai",       "Juni",    "Juli",     "August",
                                                              "September", "Oktober", "November", "Dezember"};
  return kNames[static_cast<std::size_t>((month + 11) % 12)];
}

std::string Amount(long cents) {
  bool negative = cents < 0;
  unsigned long value = static_cast<unsigned long>(negative ? -cents : cents);
  std::string euros = std::to_string(value / 100);
  for (int pos = static_cast<int>(euros.size()) - 3; pos > 0; pos -= 3)
    euros.insert(static_cast<std::size_t>(pos), ".");
  char fraction[8];
  std::snprintf(fraction, sizeof fraction, ",%02lu", value % 100);
  return (negative ? "-" : "") + euros + fraction;
}

std::string Digits(Rng& rng, int count) {
  std::string out;
  for (int i = 0; i < count; ++i) out += static_cast<char>('0' + rng.Between(0, 9));
  return out;
}

std::string Iban(Rng& rng, std::string_view bank_code) {
  std::string bban = std::string(bank_code) + Digits(rng, 10);
  // ISO 13616 check digits: BBAN + "DE00" with letters as numbers (D=13, E=14), mod 97.
  int remainder = 0;
  for (char ch : bban + "131400") remainder = (remainder * 10 + (ch - '0')) % 97;
  char check[4];
  std::snprintf(check, sizeof check, "%02d", 98 - remainder);
  std::string iban = std::string("DE") + check + bban;
  std::string grouped;
  for (std::size_t i = 0; i < iban.size(); ++i) grouped += (i > 0 && i % 4 == 0 ? " " : "") + std::string(1, iban[i]);
  return grouped;
}

std::string Phone(Rng& rng, std::string_view area_code) {
  switch (rng.Between(0, 2)) {
    case 0:
      return std::string(area_code) + " " + Digits(rng, 6) + "-" + Digits(rng, 1);
    case 1:
      return std::string(area_code) + " / " + Digits(rng, 7);
    default:
      return "01" + std::to_string(rng.Between(51, 79)) + " " + Digits(rng, 8);
  }
}

std::string TaxId(Rng& rng) {
  return std::to_string(rng.Between(1, 9)) + Digits(rng, 10);
}

std::string SpacedBg(const std::string& bg) {
  return bg.substr(0, 5) + " BG " + bg.substr(7);
}
std::string DashedBg(const std::string& bg) {
  return bg.substr(0, 5) + "-BG-" + bg.substr(7);
}

const Person& Writer(const DocumentRequest& request) {
  return request.household->persons.front();
}
std::string FullName(const Person& person) {
  return person.given_name + " " + person.surname;
}

std::string NumberLine(const DocumentRequest& request, Rng& rng) {
  const std::string& bg = request.household->bg_number;
  switch (request.style) {
    case NumberStyle::kNone:
      return "";
    case NumberStyle::kBgPlain:
    case NumberStyle::kInSubject:
      return std::array{"BG-Nummer: ", "BG-Nr.: ", "Bedarfsgemeinschaft: "}[rng.Between(0, 2)] + bg;
    case NumberStyle::kBgSpaced:
      return std::array{"Nummer der Bedarfsgemeinschaft: ", "BG-Nummer: "}[rng.Between(0, 1)] + SpacedBg(bg);
    case NumberStyle::kAktenzeichen:
      switch (rng.Between(0, 2)) {
        case 0:
          return "Az.: " + DashedBg(bg);
        case 1:
          return "Ihr Zeichen: " + DashedBg(bg);
        default:
          return "Aktenzeichen: " + bg;
      }
    case NumberStyle::kCustomerNumber:
      return std::array{"Kundennummer: ", "Kunden-Nr.: "}[rng.Between(0, 1)] + Writer(request).customer_number;
  }
  return "";
}

std::string SubjectSuffix(const DocumentRequest& request) {
  if (request.style != NumberStyle::kInSubject) return "";
  return ", BG " + request.household->bg_number;
}

std::vector<std::string> Wrap(std::string_view text, std::size_t max_chars) {
  std::vector<std::string> lines;
  std::string line;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view word = text.substr(start, end - start);
    if (!line.empty() && CharCount(line) + 1 + CharCount(word) > max_chars) {
      lines.push_back(line);
      line.clear();
    }
    if (!word.empty()) line += (line.empty() ? "" : " ") + std::string(word);
    start = end + 1;
  }
  if (!line.empty()) lines.push_back(line);
  return lines;
}

std::size_t WrapWidth(double size_pt) {
  // 165 mm text column; DejaVu Sans averages about 0.56 em per character, the widest of our fonts.
  return static_cast<std::size_t>(165.0 / (size_pt * 25.4 / 72.0 * 0.56));
}

TextRow Plain(std::string text, double space_before_mm, double size_pt) {
  TextRow row;
  row.text = std::move(text);
  row.space_before_mm = space_before_mm;
  row.size_pt = size_pt;
  return row;
}

TextRow Bold(std::string text, double space_before_mm, double size_pt) {
  TextRow row = Plain(std::move(text), space_before_mm, size_pt);
  row.bold = true;
  return row;
}

TextRow RightAligned(std::string text, double space_before_mm, double size_pt) {
  TextRow row = Plain(std::move(text), space_before_mm, size_pt);
  row.align = Align::kRight;
  return row;
}

TextRow Columns(std::string left, std::string right, double space_before_mm, double size_pt) {
  TextRow row = Plain(std::move(left), space_before_mm, size_pt);
  row.right_text = std::move(right);
  return row;
}

void AddParagraph(PageLayout& page, std::string_view text, double space_before_mm, double size_pt) {
  bool first = true;
  for (std::string& line : Wrap(text, WrapWidth(size_pt))) {
    page.rows.push_back(Plain(std::move(line), first ? space_before_mm : 0, size_pt));
    first = false;
  }
}

void AddSenderBlock(PageLayout& page, const DocumentRequest& request, Rng& rng) {
  const Person& writer = Writer(request);
  const Address& address = request.household->address;
  page.rows.push_back(Plain(FullName(writer)));
  if (request.sender_birth_date) page.rows.push_back(Plain("geb. " + GermanDate(writer.birth_date)));
  // A sender who leaves out street and postcode (the mix's ambiguous senders) writes just the city.
  if (!address.street.empty()) page.rows.push_back(Plain(address.street));
  page.rows.push_back(Plain(address.postcode.empty() ? address.city : address.postcode + " " + address.city));
  if (rng.Chance(0.4)) page.rows.push_back(Plain("Tel.: " + Phone(rng, request.jobcenter->town->area_code)));
}

void AddRecipientBlock(PageLayout& page, const Jobcenter& jobcenter, double space_before_mm) {
  page.rows.push_back(Plain(jobcenter.name, space_before_mm));
  page.rows.push_back(Plain(std::string(jobcenter.town->office_street)));
  page.rows.push_back(Plain(std::string(jobcenter.town->office_postcode) + " " + std::string(jobcenter.town->city)));
}

void AddFollowOnHeader(PageLayout& page, const DocumentRequest& request, int page_no, Rng& rng) {
  page.rows.push_back(
      RightAligned("Seite " + std::to_string(page_no) + " von " + std::to_string(request.pages), 0, 10));
  if (request.repeat_number && request.style != NumberStyle::kNone) {
    page.rows.push_back(Plain(NumberLine(request, rng), 2, 10));
  }
}

PageLayout NewPage(const DocumentRequest& request) {
  PageLayout page;
  page.font_family = request.font_family;
  return page;
}

}  // namespace mailroom::samplegen::doc

namespace mailroom::samplegen::doc {

void AddCaseBarcode(PageLayout& page, const DocumentRequest& request, Rng& rng) {
  if (!request.barcode || (request.style == NumberStyle::kNone && request.barcode_payload.empty())) return;
  // In the corner, as on real forms. Readers must look there: zxing-cpp 1.4 finds a DataMatrix only
  // where it crosses the image's horizontal centre line, so a whole-page decode misses it.
  BarcodeSpot spot;
  const std::string& bg = request.household->bg_number;
  spot.payload = rng.Chance(0.3) ? "BG:" + bg : bg;
  spot.format = std::array{"Code128", "Code128", "DataMatrix", "QRCode"}[rng.Between(0, 3)];
  if (!request.barcode_payload.empty()) {  // after the draws, so the default box stays as it was
    spot.payload = request.barcode_payload;
    spot.format = request.barcode_format;
  }
  bool linear = spot.format == std::string("Code128");
  spot.width_mm = linear ? 55 : 22;
  spot.height_mm = 14;
  spot.x_mm = 190;
  spot.y_mm = 12;
  spot.align = Align::kRight;
  page.barcodes.push_back(spot);
  page.top_mm = linear ? 36 : 42;
}

void AddSignatureBlock(PageLayout& page, const DocumentRequest& request, Rng& rng) {
  page.rows.push_back(Plain("Ort, Datum: " + request.household->address.city + ", " + RandomDate(rng).Text(), 10));
  page.rows.push_back(Plain("Unterschrift: ______________________________", 10));
}

void AddPersonFields(PageLayout& page, const DocumentRequest& request, Rng& rng) {
  const Person& writer = Writer(request);
  const Address& address = request.household->address;
  page.rows.push_back(Plain("Familienname: " + writer.surname, 2));
  page.rows.push_back(Plain("Vorname: " + writer.given_name));
  page.rows.push_back(Plain("Geburtsdatum: " + GermanDate(writer.birth_date)));
  page.rows.push_back(Plain("Anschrift: " + address.street + ", " + address.postcode + " " + address.city));
  if (rng.Chance(0.6)) page.rows.push_back(Plain("Telefon: " + Phone(rng, request.jobcenter->town->area_code)));
}

}  // namespace mailroom::samplegen::doc
