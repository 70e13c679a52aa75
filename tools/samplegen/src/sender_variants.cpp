#include "sender_variants.h"

#include <array>
#include <utility>

namespace mailroom::samplegen {

std::string Transliterate(const std::string& text) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 7> kMap = {
      {{"ä", "ae"}, {"ö", "oe"}, {"ü", "ue"}, {"Ä", "Ae"}, {"Ö", "Oe"}, {"Ü", "Ue"}, {"ß", "ss"}}};
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    bool replaced = false;
    for (const auto& [from, to] : kMap) {
      if (text.compare(i, from.size(), from) == 0) {
        out += to;
        i += from.size();
        replaced = true;
        break;
      }
    }
    if (!replaced) out += text[i++];
  }
  return out;
}

Case AsWritten(const Case& household, Rng& rng) {
  Case written = household;
  Person& head = written.persons.front();
  Address& address = written.address;
  bool changed = false;
  if (std::size_t dash = head.surname.find('-'); dash != std::string::npos && rng.Chance(0.7)) {
    head.surname = rng.Chance(0.7) ? head.surname.substr(0, dash) : head.surname.substr(dash + 1);
    changed = true;
  }
  if (std::size_t space = head.given_name.find(' '); space != std::string::npos && rng.Chance(0.7)) {
    head.given_name.resize(space);
    changed = true;
  }
  if (std::size_t pos = address.street.find("straße"); pos != std::string::npos && rng.Chance(0.3)) {
    address.street.replace(pos, std::string("straße").size(), "str.");
    changed = true;
  }
  std::string all = head.surname + head.given_name + address.street + address.city;
  bool has_umlaut = Transliterate(all) != all;
  if (has_umlaut && (rng.Chance(0.5) || !changed)) {
    head.surname = Transliterate(head.surname);
    head.given_name = Transliterate(head.given_name);
    address.street = Transliterate(address.street);
    address.city = Transliterate(address.city);
  }
  return written;
}

Case FamilyOnly(const Case& household) {
  Case written = household;
  written.persons.front().given_name = "Familie";
  written.address.street.clear();
  written.address.postcode.clear();
  return written;
}

}  // namespace mailroom::samplegen
