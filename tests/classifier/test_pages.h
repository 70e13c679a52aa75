// Hand-built PageReading values and a small registry for the classifier tests.
#pragma once

#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "mailroom/classifier/classifier.h"
#include "mailroom/classifier/registry.h"
#include "mailroom/flow/page_reading.h"

namespace mailroom::classifier::test {

/// A content page whose words (split at whitespace) all have `word_confidence` (0..100).
inline PageReading TextPage(std::string name, std::string text, float word_confidence = 95) {
  PageReading page;
  page.name = std::move(name);
  page.text = std::move(text);
  std::istringstream words(page.text);
  for (std::string w; words >> w;) page.words.push_back(Word{w, word_confidence});
  page.mean_confidence = page.words.empty() ? 0 : word_confidence;
  return page;
}

inline PageReading BarcodePage(std::string name, std::string payload, std::string text = "") {
  PageReading page = TextPage(std::move(name), std::move(text));
  page.barcodes.push_back(Barcode{"Code128", std::move(payload)});
  return page;
}

inline PageReading KindPage(std::string name, PageKind kind) {
  PageReading page;
  page.name = std::move(name);
  page.kind = kind;
  if (kind == PageKind::kSeparator) page.barcodes.push_back(Barcode{"Code128", "MAILROOM-SEP"});
  if (kind == PageKind::kUnreadable) page.error = page.name + ": truncated TIFF strip";
  return page;
}

/// Registers one person (a row of cases.csv) in `r`.
inline void AddPerson(Registry& r, Person p) {
  r.bg_by_customer_number[p.customer_number] = p.bg_number;
  r.cases[p.bg_number].push_back(std::move(p));
}

/// Two jobcenters; BG 35301BG0012345 (Mustermann, two persons), BG 35301BG0099999 (Yilmaz),
/// BG 12345BG0000001 (Schäfer) at another jobcenter.
inline Registry SmallRegistry() {
  Registry r;
  r.jobcenters["jc-dresden"] = Jobcenter{"jc-dresden", "Jobcenter Dresden", "35301"};
  r.jobcenters["jc-leipzig"] = Jobcenter{"jc-leipzig", "Jobcenter Leipzig", "12345"};
  const auto add = [&r](Person p) { AddPerson(r, std::move(p)); };
  add({"35301BG0012345", "123D456789", "jc-dresden", "Mustermann", "Erika", "1980-02-29", "Hauptstr. 1", "01067",
       "Dresden"});
  add({"35301BG0012345", "123D456790", "jc-dresden", "Mustermann", "Max", "2010-05-01", "Hauptstr. 1", "01067",
       "Dresden"});
  add({"35301BG0099999", "456A000111", "jc-dresden", "Yilmaz", "Ayse", "1975-11-30", "Ring 2", "01069", "Dresden"});
  add({"12345BG0000001", "789K123123", "jc-leipzig", "Schäfer", "Jürgen", "1966-01-01", "Weg 3", "04109", "Leipzig"});
  return r;
}

/// SmallRegistry with another household's case, Jan Lehmann's, numbered `bg` (a number a digit
/// or so off Mustermann's 35301BG0012345: a typo of it lands on a registered case).
inline Registry SmallRegistryWithNeighbour(const std::string& bg) {
  Registry r = SmallRegistry();
  AddPerson(r, {bg, "123D999999", "jc-dresden", "Lehmann", "Jan", "1970-01-01", "Weg 9", "01067", "Dresden"});
  return r;
}

/// An envelope over the given pages (which must outlive it).
inline Envelope EnvelopeOf(const std::vector<PageReading>& pages) {
  Envelope e;
  e.index = 1;
  for (const auto& p : pages) e.pages.push_back(&p);
  return e;
}

}  // namespace mailroom::classifier::test
