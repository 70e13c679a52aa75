#include "reference_placement.h"

#include <algorithm>
#include <array>
#include <optional>
#include <string_view>

#include "case_numbers.h"
#include "doc_common.h"

namespace mailroom::samplegen {
namespace {

constexpr std::string_view kSalutation = "Sehr geehrte Damen und Herren,";
constexpr std::string_view kEmptyBgField = "Nummer der Bedarfsgemeinschaft:";

std::optional<std::size_t> FindRow(const PageLayout& page, std::string_view text) {
  for (std::size_t i = 0; i < page.rows.size(); ++i) {
    if (page.rows[i].text == text) return i;
  }
  return std::nullopt;
}

std::string Label(const Reference& reference, Rng& rng) {
  return reference.customer ? numbers::CustomerLabel(rng) : numbers::BgLabel(rng);
}

std::string Sentence(const Reference& reference, Rng& rng) {
  const std::string& n = reference.written;
  if (reference.customer) {
    return std::array{"Meine Kundennummer lautet " + n + ".",
                      "Zur Zuordnung: meine Kundennummer ist " + n + "."}[rng.Between(0, 1)];
  }
  return std::array{"Meine BG-Nummer lautet " + n + ".", "Zur Zuordnung: meine BG-Nummer lautet " + n + ".",
                    "Sie führen meine Bedarfsgemeinschaft unter der Nummer " + n + "."}[rng.Between(0, 2)];
}

}  // namespace

bool IsLetterPage(const PageLayout& page) {
  return FindRow(page, kSalutation).has_value();
}

Place RandomPlace(const PageLayout& page, const Reference& reference, Rng& rng) {
  if (!reference.customer && FindRow(page, kEmptyBgField) && rng.Chance(0.6)) return Place::kFormField;
  if (IsLetterPage(page)) {
    return std::array{Place::kHeader, Place::kSubject, Place::kBody, Place::kFooter}[rng.Between(0, 3)];
  }
  return rng.Chance(0.7) ? Place::kHeader : Place::kFooter;
}

void AddBodySentence(PageLayout& page, const std::string& sentence) {
  std::vector<TextRow> rows;
  doc::AddParagraph(page, sentence);  // wraps onto the end of the page
  std::optional<std::size_t> salutation = FindRow(page, kSalutation);
  if (!salutation) return;
  std::size_t wrapped = doc::Wrap(sentence, doc::WrapWidth(11)).size();
  rows.assign(page.rows.end() - static_cast<std::ptrdiff_t>(wrapped), page.rows.end());
  page.rows.erase(page.rows.end() - static_cast<std::ptrdiff_t>(wrapped), page.rows.end());
  // The first paragraph starts right after the salutation; the next row with space above ends it.
  std::size_t at = *salutation + 2;
  while (at < page.rows.size() && page.rows[at].space_before_mm == 0) ++at;
  page.rows.insert(page.rows.begin() + static_cast<std::ptrdiff_t>(std::min(at, page.rows.size())), rows.begin(),
                   rows.end());
}

void PlaceReference(PageLayout& page, Place place, const Reference& reference, Rng& rng) {
  std::optional<std::size_t> salutation = FindRow(page, kSalutation);
  std::optional<std::size_t> field = FindRow(page, kEmptyBgField);
  if (place == Place::kFormField && field && !reference.customer) {
    page.rows[*field].text += " " + reference.written;
  } else if (place == Place::kSubject && salutation && *salutation > 0) {
    std::string tag = reference.customer ? std::array{", Kd.-Nr. ", ", Kundennummer "}[rng.Between(0, 1)]
                                         : std::array{", BG-Nr. ", ", BG ", ", BG-Nummer "}[rng.Between(0, 2)];
    page.rows[*salutation - 1].text += tag + reference.written;
  } else if (place == Place::kBody && salutation) {
    AddBodySentence(page, Sentence(reference, rng));
  } else if (place == Place::kFooter) {
    page.footer.push_back(doc::Plain(Label(reference, rng) + reference.written, 0, 9));
  } else {
    page.rows.insert(page.rows.begin(), doc::Plain(Label(reference, rng) + reference.written, 0, 12));
  }
}

}  // namespace mailroom::samplegen
