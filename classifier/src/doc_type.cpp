// DetectDocType and DefaultTeam: the embedded document-type model over the envelope's pages. The
// model itself (features, training, file format) lives in doc_type_model*.cpp.
#include <cmath>
#include <string>
#include <vector>

#include "doc_type_model_span.h"
#include "mailroom/classifier/classifier.h"

namespace mailroom::classifier {

DocumentSpan ScoreSpan(const std::vector<std::vector<double>>& page_logs, std::size_t first, std::size_t count) {
  const auto& vocabulary = DocTypeVocabulary();
  std::vector<double> sums(vocabulary.size(), 0);
  bool any = false;
  for (std::size_t i = first; i < first + count; ++i) {
    const double weight = i == first ? kFirstPageWeight : 1.0;
    for (std::size_t c = 0; c < sums.size(); ++c) {
      sums[c] += weight * page_logs[i][c];
      any = any || page_logs[i][c] != 0;
    }
  }
  DocumentSpan span{first, count, "letter", 1.0};
  if (!any) return span;
  std::size_t best = 0;
  for (std::size_t c = 1; c < sums.size(); ++c) {
    if (sums[c] > sums[best]) best = c;
  }
  const double top = sums[best];
  double total = 0;
  for (double s : sums) total += std::exp(s - top);
  if (1.0 / total < kMinTypeProbability) best = vocabulary.size() - 1;  // "letter", last in the vocabulary
  span.doc_type = vocabulary[best];
  span.confidence = std::exp(sums[best] - top) / total;
  return span;
}

std::string DetectDocType(const Envelope& envelope) {
  const DocTypeModel& model = DocTypeModel::Embedded();
  std::vector<std::vector<double>> logs;
  for (const PageReading* page : envelope.pages) logs.push_back(model.LogScores(page->text));
  return ScoreSpan(logs, 0, logs.size()).doc_type;
}

std::string DefaultTeam(const std::string& doc_type) {
  if (doc_type == "objection") return "widerspruch";
  if (doc_type == "sick_note" || doc_type == "job_search") return "integration";
  return "leistung";
}

}  // namespace mailroom::classifier
