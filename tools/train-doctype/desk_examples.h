// Reading the examples a clerk labelled at the review desk (`mailroom review export --to DIR`):
// DIR/<document_id>.json, one resolved document each, with the type the clerk confirmed and the
// text of its pages. They hold real mail (social data): read, trained on, never printed.
#pragma once

#include <filesystem>
#include <vector>

#include "mailroom/classifier_training/doc_type_training.h"
#include "mailroom/common/result.h"

namespace mailroom::train {

/// The desk's examples as training texts: one per page, labelled with its document's doc_type.
struct DeskExamples {
  std::vector<classifier::LabeledText> pages;
  int documents = 0;
};

/// Reads dir/*.json in name order (other files are ignored); each page weighs `weight`. Desk
/// examples only ever train: the held-out figures stay on the hand-written numbers and the unseen
/// seeds. Fails with "<file>: <reason>" on a missing folder, a file that is not JSON, a
/// schema_version other than 1, a doc_type not in DocTypeVocabulary(), or pages that are not texts.
[[nodiscard]] Result<DeskExamples> ReadDeskExamples(const std::filesystem::path& dir, int weight);

}  // namespace mailroom::train
