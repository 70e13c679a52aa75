#include "illegible_pages.h"

#include "mailroom/classifier/classifier.h"

namespace mailroom::classifier {

bool IsIllegible(const PageReading& page) {
  return page.kind == PageKind::kContent && page.ink_mm2 >= kMinIllegibleInkMm2 &&
         page.unread_ink_share >= kMinIllegibleShare;
}

namespace {

bool NamesCase(const PageReading& page, const std::string& bg_number, const Registry& registry) {
  for (const CaseEvidence& evidence : FindCaseNumbers(page)) {
    if (evidence.kind == CaseEvidence::Kind::kBgNumber && evidence.number == bg_number) return true;
    if (evidence.kind == CaseEvidence::Kind::kCustomerNumber) {
      const auto known = registry.bg_by_customer_number.find(evidence.number);
      if (known != registry.bg_by_customer_number.end() && known->second == bg_number) return true;
    }
  }
  return false;
}

}  // namespace

const PageReading* IllegibleWithoutOwnCase(const std::vector<const PageReading*>& pages, const std::string& bg_number,
                                           const Registry& registry) {
  for (const PageReading* page : pages) {
    if (IsIllegible(*page) && !NamesCase(*page, bg_number, registry)) return page;
  }
  return nullptr;
}

}  // namespace mailroom::classifier
