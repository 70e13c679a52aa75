// One composer per kind of document (internal to documents.cpp's dispatch).
#pragma once

#include <vector>

#include "documents.h"

namespace mailroom::samplegen::doc {

/// Letters written by customers: kLetter, kObjection and kChangeNotice (as a free-form letter).
/// Objections also return the contested decision's date.
ComposedDocument ComposeLetter(const DocumentRequest& request, Rng& rng);

/// Jobcenter forms filled in by the customer (optionally with a barcode carrying the BG number).
std::vector<PageLayout> ComposeApplication(const DocumentRequest& request, Rng& rng);
std::vector<PageLayout> ComposeChangeNoticeForm(const DocumentRequest& request, Rng& rng);

/// Third-party proofs: sick notes, rent certificates, job-search lists.
std::vector<PageLayout> ComposeSickNote(const DocumentRequest& request, Rng& rng);
std::vector<PageLayout> ComposeRentCertificate(const DocumentRequest& request, Rng& rng);
std::vector<PageLayout> ComposeJobSearch(const DocumentRequest& request, Rng& rng);

/// Statements: bank statements and payslips.
std::vector<PageLayout> ComposeBankStatement(const DocumentRequest& request, Rng& rng);
std::vector<PageLayout> ComposePayslip(const DocumentRequest& request, Rng& rng);

}  // namespace mailroom::samplegen::doc
