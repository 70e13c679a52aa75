// Appending planned pages to a box: file names in scan order, image formats, skew, dust, duplex
// backs and scan defects. Shared by the default box and the classification mix.
#pragma once

#include <string>

#include "box_plan.h"
#include "rng.h"

namespace mailroom::samplegen {

/// Appends pages to `plan`. Document decisions come from `rng`; scan defects from `defects`, a
/// separate stream, so that boxes with and without defects hold the same documents.
class PageSequence {
 public:
  PageSequence(const SampleOptions& options, Rng& rng, Rng& defects, BoxPlan& plan)
      : options_(options), rng_(rng), defects_(defects), plan_(plan) {}

  /// A separator, blank or content page of `envelope` (0 for separators). The reference is valid
  /// until the next Add.
  PlannedPage& Add(PageKind kind, int envelope, PageLayout layout);

  /// A duplex back side of the page just added: blank, or (handwritten_back_share) carrying a note,
  /// which makes it part of the document `doc_type`. Its front shows through it.
  PlannedPage& AddBack(const PlannedEnvelope& envelope, const std::string& doc_type);

  /// The content pages of `document` (one per layout, each perhaps followed by a back side),
  /// appended to document.pages in order.
  void AddDocument(const PlannedEnvelope& envelope, std::vector<PageLayout>& layouts, PlannedDocument& document);

 private:
  const SampleOptions& options_;
  Rng& rng_;
  Rng& defects_;
  BoxPlan& plan_;
};

}  // namespace mailroom::samplegen
