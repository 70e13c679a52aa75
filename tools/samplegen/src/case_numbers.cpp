#include "case_numbers.h"

#include <algorithm>
#include <array>
#include <string_view>

namespace mailroom::samplegen::numbers {
namespace {

std::string Digits(Rng& rng, int count) {
  std::string out;
  for (int i = 0; i < count; ++i) out += static_cast<char>('0' + rng.Between(0, 9));
  return out;
}

std::string ClerkCode(Rng& rng) {
  std::string code;
  int letters = rng.Between(2, 3);
  for (int i = 0; i < letters; ++i) code += static_cast<char>('A' + rng.Between(0, 25));
  return code;
}

// Codes of the jobcenter forms a barcode belongs to (Weiterbewilligungsantrag, Veränderungsmitteilung,
// Einkommenserklärung, Kosten der Unterkunft, Hauptantrag).
std::string FormCode(Rng& rng) {
  return std::string(std::array<std::string_view, 5>{"WBA", "VM", "EKS", "KDU", "HA"}[rng.Between(0, 4)]);
}

}  // namespace

std::string WriteBg(const std::string& bg, bool allow_short, Rng& rng) {
  std::string office = bg.substr(0, 5);
  std::string serial = bg.substr(7);
  if (allow_short && serial.front() == '0' && rng.Chance(0.5)) {
    serial.erase(0, serial.find_first_not_of('0'));
    if (serial.empty()) serial = "0";
  }
  std::string_view sep = std::array<std::string_view, 5>{"", " ", "-", ".", ""}[rng.Between(0, 4)];
  return office + std::string(sep) + "BG" + std::string(sep) + serial;
}

std::string WriteCustomerNumber(const std::string& customer_number, Rng& rng) {
  std::string head = customer_number.substr(0, 3);
  std::string letter = customer_number.substr(3, 1);
  std::string tail = customer_number.substr(4);
  switch (rng.Between(0, 4)) {
    case 0:
      return head + " " + letter + " " + tail;
    case 1:
      return head + "-" + letter + "-" + tail;
    case 2:
      return head + letter + " " + tail;
    default:
      return customer_number;
  }
}

std::string BgLabel(Rng& rng) {
  static constexpr std::array<std::string_view, 8> kLabels = {
      "BG-Nummer: ",          "BG-Nr.: ", "BG-Nr. ",       "Nummer der Bedarfsgemeinschaft: ",
      "Bedarfsgemeinschaft ", "Az.: ",    "Ihr Zeichen: ", "Aktenzeichen: "};
  return std::string(kLabels[static_cast<std::size_t>(rng.Between(0, kLabels.size() - 1))]);
}

std::string CustomerLabel(Rng& rng) {
  static constexpr std::array<std::string_view, 5> kLabels = {"Kundennummer: ", "Kunden-Nr.: ", "Kd.-Nr. ",
                                                              "Kundennr. ", "Meine Kundennummer: "};
  return std::string(kLabels[static_cast<std::size_t>(rng.Between(0, kLabels.size() - 1))]);
}

BarcodePayload CaseBarcode(const std::string& bg, const std::string& customer_number, Rng& rng) {
  BarcodePayload out;
  switch (rng.Between(0, 8)) {
    case 0:
      out.payload = bg;
      break;
    case 1:
      out.payload = "BG=" + bg + ";KDNR=" + customer_number;
      break;
    case 2:
      out.payload = FormCode(rng) + "|" + bg + "|" + ClerkCode(rng);
      break;
    case 3:
      out.payload = FormCode(rng) + ";" + bg + ";" + Digits(rng, 2);
      break;
    case 4:
      out.payload = "B#0" + bg;
      break;
    case 5:
      out.payload = bg + "-0" + std::to_string(rng.Between(1, 9));
      break;
    case 6:
      out.payload = ClerkCode(rng) + "/" + bg + "/" + FormCode(rng) + "-2025";
      break;
    case 7:
      out.payload = "KDNR:" + customer_number;
      out.customer_number_only = true;
      break;
    default:
      out.payload = "BG:" + bg;
      break;
  }
  // Code 128 needs about 11 modules a character at 2 px or more each: long payloads would run off
  // a 100 dpi page, so they go into a 2D symbol.
  bool short_payload = out.payload.size() <= 20;
  out.format = std::array{"Code128", "DataMatrix", "QRCode"}[rng.Between(short_payload ? 0 : 1, 2)];
  return out;
}

std::string OneDigitTypo(const std::string& bg, const std::set<std::string>& avoid, Rng& rng) {
  for (;;) {
    std::string typo = bg;
    std::size_t pos = 7 + static_cast<std::size_t>(rng.Between(0, 6));
    char digit = static_cast<char>('0' + rng.Between(0, 9));
    if (digit == typo[pos]) continue;
    typo[pos] = digit;
    if (avoid.count(typo) == 0) return typo;
  }
}

std::string ForeignOfficeBg(const std::set<std::string>& offices, Rng& rng) {
  for (;;) {
    std::string office = Digits(rng, 5);
    if (office.front() == '0') continue;  // no Agentur number starts with 0
    bool far = std::all_of(offices.begin(), offices.end(),
                           [&](const std::string& registered) { return HammingDistance(office, registered) >= 2; });
    if (far) return office + "BG" + Digits(rng, 7);
  }
}

int HammingDistance(const std::string& a, const std::string& b) {
  if (a.size() != b.size()) return static_cast<int>(std::max(a.size(), b.size()));
  int distance = 0;
  for (std::size_t i = 0; i < a.size(); ++i) distance += a[i] != b[i] ? 1 : 0;
  return distance;
}

}  // namespace mailroom::samplegen::numbers
