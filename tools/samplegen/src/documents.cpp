#include "documents.h"

#include "doc_templates.h"

namespace mailroom::samplegen {

std::string_view DocTypeName(DocType type) {
  switch (type) {
    case DocType::kApplication:
      return "application";
    case DocType::kChangeNotice:
      return "change_notice";
    case DocType::kBankStatement:
      return "bank_statement";
    case DocType::kPayslip:
      return "payslip";
    case DocType::kSickNote:
      return "sick_note";
    case DocType::kObjection:
      return "objection";
    case DocType::kRent:
      return "rent";
    case DocType::kJobSearch:
      return "job_search";
    case DocType::kLetter:
      return "letter";
  }
  return "letter";
}

int RandomPageCount(DocType type, Rng& rng) {
  switch (type) {
    case DocType::kApplication:
      return rng.Between(2, 4);
    case DocType::kSickNote:
      return 1;
    case DocType::kBankStatement:
      return rng.Between(1, 3);
    case DocType::kObjection:
    case DocType::kLetter:
    case DocType::kChangeNotice:
    case DocType::kJobSearch:
      return rng.Between(1, 3);
    default:
      return rng.Between(1, 2);
  }
}

ComposedDocument ComposeDocument(const DocumentRequest& request, Rng& rng) {
  switch (request.type) {
    case DocType::kApplication:
      return {doc::ComposeApplication(request, rng), std::nullopt};
    case DocType::kChangeNotice:
      return request.barcode ? ComposedDocument{doc::ComposeChangeNoticeForm(request, rng), std::nullopt}
                             : doc::ComposeLetter(request, rng);
    case DocType::kBankStatement:
      return {doc::ComposeBankStatement(request, rng), std::nullopt};
    case DocType::kPayslip:
      return {doc::ComposePayslip(request, rng), std::nullopt};
    case DocType::kSickNote:
      return {doc::ComposeSickNote(request, rng), std::nullopt};
    case DocType::kRent:
      return {doc::ComposeRentCertificate(request, rng), std::nullopt};
    case DocType::kJobSearch:
      return {doc::ComposeJobSearch(request, rng), std::nullopt};
    case DocType::kObjection:
    case DocType::kLetter:
      return doc::ComposeLetter(request, rng);
  }
  return doc::ComposeLetter(request, rng);
}

}  // namespace mailroom::samplegen
