// A box's plan: what every page of a box becomes, decided once for both transports. `mailroom
// process` writes the planned documents into the output folder; the distributed classifier
// publishes them as DocumentPlan messages. Both then report the same custody figures.
#pragma once

#include <string>
#include <vector>

#include "mailroom/classifier/classifier.h"
#include "mailroom/common/result.h"

namespace mailroom::classifier {

/// One document of the box, named as the output will name it.
struct PlannedDocument {
  std::string document_id;  ///< DocumentId(box, envelope, …)
  int envelope = 0;         ///< 1-based, in scan order
  ClassifiedDocument document;
};

/// Every page of the box exactly once: in one document, blank, or a separator sheet.
struct BoxPlan {
  std::string box_id;
  int pages_in = 0;
  std::vector<PlannedDocument> documents;
  std::vector<std::string> blank_pages, separator_pages;  ///< in scan order

  [[nodiscard]] int PagesRouted() const;
  [[nodiscard]] int PagesReview() const;
  /// Blank and separator pages: accounted for without a document.
  [[nodiscard]] std::vector<std::string> AccountedPages() const;
};

/// Groups the readings into envelopes, classifies and splits each, and names every document.
/// Fails (an internal error, nothing may be published) unless every reading is accounted for
/// exactly once. The plan points into `readings`: they must outlive it. Counts each review
/// document by kind in the metrics.
[[nodiscard]] Result<BoxPlan> PlanBox(const std::string& box_id, const std::vector<PageReading>& readings,
                                      const Classifier& classifier);

/// "BOX-7-012" for envelope 12; "BOX-7-012.1", "BOX-7-012.2" when it holds several documents.
[[nodiscard]] std::string DocumentId(const std::string& box_id, int envelope, std::size_t document,
                                     std::size_t documents);

}  // namespace mailroom::classifier
