#include "evaluation.h"

#include <algorithm>

#include <fmt/format.h>

namespace mailroom::train {
namespace {

std::size_t ClassIndex(const std::string& type) {
  const auto& vocabulary = classifier::DocTypeVocabulary();
  return static_cast<std::size_t>(std::find(vocabulary.begin(), vocabulary.end(), type) - vocabulary.begin());
}

std::string Shortened(std::string text) {
  std::replace(text.begin(), text.end(), '\n', ' ');
  return text.size() > 90 ? text.substr(0, 90) + "..." : text;
}

using Confusion = std::vector<std::vector<int>>;

// Per-class rows: pages, accuracy, then the predicted counts (columns in vocabulary order).
std::string Table(const Confusion& confusion) {
  const auto& vocabulary = classifier::DocTypeVocabulary();
  std::string out = fmt::format("{:>15} {:>6} {:>7}  confusion (columns:", "truth", "pages", "right%");
  for (std::size_t c = 0; c < vocabulary.size(); ++c) out += fmt::format(" {}={}", c, vocabulary[c]);
  out += ")\n";
  for (std::size_t t = 0; t < vocabulary.size(); ++t) {
    int total = 0;
    for (int v : confusion[t]) total += v;
    out += fmt::format("{:>15} {:>6} {:>7.1f} ", vocabulary[t], total, total ? 100.0 * confusion[t][t] / total : 0.0);
    for (int v : confusion[t]) out += fmt::format(" {:>5}", v);
    out += "\n";
  }
  return out;
}

// Pages of one envelope with the type of the document each landed in, and whether the split
// matched the truth's document starts.
std::pair<std::vector<std::string>, bool> SplitEnvelope(const classifier::DocTypeModel& model,
                                                        const TruthEnvelope& envelope) {
  std::vector<PageReading> pages(envelope.pages.size());
  std::vector<const PageReading*> pointers;
  for (std::size_t i = 0; i < pages.size(); ++i) {
    pages[i].text = envelope.pages[i].text;
    pointers.push_back(&pages[i]);
  }
  std::vector<std::string> types(pages.size());
  std::vector<bool> starts(pages.size(), false);
  for (const auto& span : classifier::SplitDocuments(pointers, model)) {
    for (std::size_t i = span.first; i < span.first + span.count; ++i) types[i] = span.doc_type;
    starts[span.first] = true;
  }
  return {types, starts == envelope.starts};
}

// Right and total contested dates: each truth document with a date, read from its own pages.
std::pair<int, int> ContestedDates(const TruthEnvelope& envelope, std::string& errors) {
  int right = 0, total = 0;
  for (std::size_t first = 0; first < envelope.pages.size(); ++first) {
    if (!envelope.starts[first] || !envelope.contested_dates[first]) continue;
    std::string text;
    for (std::size_t i = first; i < envelope.pages.size() && (i == first || !envelope.starts[i]); ++i) {
      text += envelope.pages[i].text;
    }
    ++total;
    const auto found = classifier::ContestedDecisionDate(text);
    if (found == envelope.contested_dates[first]) {
      ++right;
    } else {
      errors += fmt::format("  contested date {} read as {}: {}\n", *envelope.contested_dates[first],
                            found.value_or("none"), Shortened(text));
    }
  }
  return {right, total};
}

// "truth: objection[2] letter[1], split: objection[3]" and each page's first words.
std::string SplitError(const TruthEnvelope& envelope, const std::vector<std::string>& types) {
  std::string truth, got;
  for (std::size_t i = 0; i < envelope.pages.size(); ++i) {
    if (envelope.starts[i]) truth += fmt::format(" |{}", envelope.pages[i].doc_type);
    if (i == 0 || types[i] != types[i - 1]) got += fmt::format(" |{}", types[i]);
    truth += " .";
  }
  std::string out = fmt::format("  split: truth{}  got{}\n", truth, got);
  for (const auto& page : envelope.pages) out += fmt::format("    {}\n", Shortened(page.text));
  return out;
}

}  // namespace

std::string EvaluateEnvelopes(const classifier::DocTypeModel& model, const std::vector<TruthEnvelope>& envelopes,
                              const std::string& title, int show_errors) {
  const std::size_t n = classifier::DocTypeVocabulary().size();
  Confusion confusion(n, std::vector<int>(n, 0));
  int pages = 0, correct = 0, split_right = 0, multi = 0, multi_right = 0, shown = 0, dates = 0, dates_right = 0;
  std::string errors, date_errors;
  for (const auto& envelope : envelopes) {
    const auto [types, right] = SplitEnvelope(model, envelope);
    split_right += right ? 1 : 0;
    if (!right && shown++ < show_errors) errors += SplitError(envelope, types);
    const bool several = std::count(envelope.starts.begin(), envelope.starts.end(), true) > 1;
    multi += several ? 1 : 0;
    multi_right += several && right ? 1 : 0;
    const auto [d_right, d_total] = ContestedDates(envelope, date_errors);
    dates += d_total;
    dates_right += d_right;
    for (std::size_t i = 0; i < envelope.pages.size(); ++i) {
      ++pages;
      ++confusion[ClassIndex(envelope.pages[i].doc_type)][ClassIndex(types[i])];
      if (types[i] == envelope.pages[i].doc_type) {
        ++correct;
      } else if (shown++ < show_errors) {
        errors +=
            fmt::format("  {} -> {}: {}\n", envelope.pages[i].doc_type, types[i], Shortened(envelope.pages[i].text));
      }
    }
  }
  return fmt::format(
             "== {}: {}/{} pages right ({:.1f} %); split right in {}/{} envelopes ({}/{} with several "
             "documents); contested dates right {}/{}\n",
             title, correct, pages, pages ? 100.0 * correct / pages : 0.0, split_right, envelopes.size(), multi_right,
             multi, dates_right, dates) +
         Table(confusion) + errors + date_errors;
}

std::string Evaluate(const classifier::DocTypeModel& model, const std::vector<classifier::LabeledText>& texts,
                     const std::string& title, int show_errors) {
  const std::size_t n = classifier::DocTypeVocabulary().size();
  Confusion confusion(n, std::vector<int>(n, 0));
  std::string errors;
  int correct = 0, shown = 0;
  for (const auto& text : texts) {
    // Decided as the pipeline decides a one-page document (SplitDocuments: "letter" when unsure).
    PageReading page;
    page.text = text.text;
    const auto span = classifier::SplitDocuments({&page}, model).front();
    const std::size_t truth = ClassIndex(text.doc_type), predicted = ClassIndex(span.doc_type);
    ++confusion[truth][predicted];
    if (truth == predicted) {
      ++correct;
    } else if (shown++ < show_errors) {
      errors +=
          fmt::format("  {} -> {} ({:.2f}): {}\n", text.doc_type, span.doc_type, span.confidence, Shortened(text.text));
    }
  }
  return fmt::format("== {}: {}/{} pages right ({:.1f} %)\n", title, correct, texts.size(),
                     texts.empty() ? 0.0 : 100.0 * correct / static_cast<double>(texts.size())) +
         Table(confusion) + errors;
}

}  // namespace mailroom::train
