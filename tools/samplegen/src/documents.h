// The document templates: what a letter, a form or a bank statement sent to a jobcenter looks like,
// page by page, for a given household, document type and way of quoting the case number.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "layout.h"
#include "registry.h"
#include "rng.h"

namespace mailroom::samplegen {

enum class DocType {
  kApplication,
  kChangeNotice,
  kBankStatement,
  kPayslip,
  kSickNote,
  kObjection,
  kRent,
  kJobSearch,
  kLetter
};

/// The contract's doc_type word, e.g. "bank_statement".
[[nodiscard]] std::string_view DocTypeName(DocType type);

/// How page 1 refers to the case.
enum class NumberStyle {
  kNone,            ///< no case or customer number anywhere (a Klaerfall)
  kBgPlain,         ///< "BG-Nummer: 35301BG0012345"
  kBgSpaced,        ///< "Nummer der Bedarfsgemeinschaft: 35301 BG 0012345"
  kAktenzeichen,    ///< "Az.: 35301-BG-0012345"
  kCustomerNumber,  ///< "Kundennummer: 123D456789" (the registry maps it to the BG)
  kInSubject,       ///< the BG number inside the "Betreff:" line (letters; others fall back to kBgPlain)
};

struct DocumentRequest {
  DocType type = DocType::kLetter;
  const Case* household = nullptr;       ///< the sender's household (registry case or outsider)
  const Jobcenter* jobcenter = nullptr;  ///< the addressed jobcenter
  NumberStyle style = NumberStyle::kBgPlain;
  bool barcode = false;        ///< forms: print the BG number as a barcode too
  bool repeat_number = false;  ///< follow-on pages repeat the number in their header
  int pages = 1;               ///< content pages, 1-4
  std::string font_family = "DejaVu Sans";
  // Classification mix only; the defaults leave a document as it always was.
  /// Forms: the case barcode's payload (printed even with style kNone); empty: the BG number.
  std::string barcode_payload;
  std::string barcode_format;      ///< with barcode_payload: "Code128", "DataMatrix" or "QRCode"
  bool sender_birth_date = false;  ///< letters: "geb. 14.03.1981" under the sender's name
  bool varied_wording = false;     ///< objections: vary how the contested decision is quoted
};

/// A composed document: its pages and, for objections, the date of the contested decision.
struct ComposedDocument {
  std::vector<PageLayout> pages;
  std::optional<std::string> contested_decision_date;  ///< YYYY-MM-DD
};

/// Composes exactly `request.pages` pages. The doc type's keyword is on page 1; follow-on pages
/// carry no case number unless `repeat_number`.
[[nodiscard]] ComposedDocument ComposeDocument(const DocumentRequest& request, Rng& rng);

/// Sensible page count for a document type (sick notes 1, applications 2-4, ...).
[[nodiscard]] int RandomPageCount(DocType type, Rng& rng);

}  // namespace mailroom::samplegen
