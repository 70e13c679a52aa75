// Output folders whose Postkorb holds documents resolved at the review desk, made the way the
// product makes them: routing writes the review documents (page PDFs with a text layer, a notice
// page for a page that could not be read), the desk assigns them. For the export's tests.
#pragma once

#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include "mailroom/common/atomic_file.h"
#include "mailroom/review/assignment.h"
#include "mailroom/routing/output.h"

namespace mailroom::testing {

struct DeskDocument {
  std::string document_id;
  std::string guessed_type = "letter";    ///< the classifier's type
  std::string confirmed_type = "letter";  ///< the type the clerk assigned it with
  std::vector<std::string> page_texts;    ///< one per page; "" = a page that could not be read
  std::string resolved_at = "2026-12-06T10:00:00Z";
  bool resolved = true;  ///< false: routed without a person, straight into the Postkorb
};

/// Writes box BOX-7 into OUT_DIR as one run of mailroom process would (replacing what was there),
/// then assigns each resolved document at the desk (case 35301BG0012345 of jobcenter-kiel, by clerk7).
inline void WriteDeskOutput(const std::filesystem::path& out_dir, const std::vector<DeskDocument>& documents) {
  auto out = routing::OutputFolder::Open(out_dir);
  REQUIRE(out);
  REQUIRE(CreatePrivateDirectories(out->scratch()));
  for (const DeskDocument& document : documents) {
    routing::DocumentInput input;
    input.box_id = "BOX-7";
    input.document_id = document.document_id;
    input.box_arrived_at = "2026-12-01T08:00:00Z";
    input.classification.doc_type = document.guessed_type;
    if (document.resolved) {
      input.classification.reason = "sender matches several cases: 35301BG0012345, 35301BG0067890";
    } else {
      input.classification.routed = true;
      input.classification.jobcenter_id = "jobcenter-kiel";
      input.classification.bg_number = "35301BG0012345";
      input.classification.confidence = 0.97;
    }
    for (std::size_t i = 0; i < document.page_texts.size(); ++i) {
      input.page_names.push_back(std::to_string(i + 1) + ".tif");
      std::filesystem::path pdf;
      if (!document.page_texts[i].empty()) {
        pdf = out->scratch() / (document.document_id + "-" + std::to_string(i) + ".pdf");
        REQUIRE(routing::WriteNoticePdf(pdf, document.page_texts[i]));  // draws the lines as text
      }
      input.page_pdfs.push_back(pdf);
    }
    REQUIRE(routing::WriteDocument(*out, input));
  }
  REQUIRE(out->Commit());
  for (const DeskDocument& document : documents) {
    if (!document.resolved) continue;
    auto in_review = review::FindReviewDocument(out_dir, document.document_id);
    REQUIRE(in_review);
    const review::ResolvedCase to_case{"35301BG0012345",
                                       "jobcenter-kiel",
                                       document.confirmed_type,
                                       document.confirmed_type == "objection" ? "widerspruch" : "leistung",
                                       {}};
    auto at = ParseUtcTime(document.resolved_at);
    REQUIRE(at);
    REQUIRE(review::AssignDocument(out_dir, *in_review, to_case, "clerk7", *at));
  }
}

}  // namespace mailroom::testing
