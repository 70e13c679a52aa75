// Classifier: the case of an envelope once, then its documents, each with its own type, team and
// priority. The case is shared: CONTRACT.md puts all pages of an envelope into one case.
#include <algorithm>
#include <array>
#include <optional>
#include <string_view>

#include "candidate_evidence.h"
#include "case_decision.h"
#include "envelope_consistency.h"
#include "illegible_pages.h"
#include "mailroom/classifier/classifier.h"
#include "mailroom/classifier/doc_type_model.h"
#include "sender_match.h"
#include "text_fold.h"

namespace mailroom::classifier {
namespace {

constexpr std::array<std::string_view, 6> kUrgentWords = {"eilt",    "eilig",    "eilige",
                                                          "eiliges", "dringend", "fristsache"};

bool IsUrgent(const std::string& doc_type, const std::string& folded_text) {
  if (doc_type == "objection" || doc_type == "sick_note") return true;
  return std::any_of(kUrgentWords.begin(), kUrgentWords.end(),
                     [&](std::string_view word) { return ContainsWord(folded_text, word); });
}

const PageReading* FirstUnreadable(const std::vector<const PageReading*>& pages) {
  const auto it =
      std::find_if(pages.begin(), pages.end(), [](const PageReading* p) { return p->kind == PageKind::kUnreadable; });
  return it == pages.end() ? nullptr : *it;
}

std::string TextOf(const std::vector<const PageReading*>& pages) {
  std::string text;
  for (const PageReading* page : pages) text += page->text + "\n";
  return text;
}

Classification FromDecision(const CaseDecision& decision) {
  Classification out;
  out.routed = decision.routed;
  out.jobcenter_id = decision.jobcenter_id;
  out.bg_number = decision.bg_number;
  out.confidence = decision.confidence;
  out.evidence = decision.evidence;
  out.reason = decision.reason;
  out.review_kind = decision.review_kind;
  out.candidates = decision.candidates;
  out.ignored_number = decision.ignored_number;
  out.person_match = decision.person_match;
  return out;
}

// The parts of an envelope that must agree on its case: each document, and each page of a document
// of several pages (a missed split must not hide a second household). None for a single page: it
// is the envelope itself.
std::vector<EnvelopePart> PartsOf(const Envelope& envelope, const std::vector<DocumentSpan>& spans) {
  std::vector<EnvelopePart> parts;
  if (envelope.pages.size() < 2) return parts;
  for (const DocumentSpan& span : spans) {
    const auto first = envelope.pages.begin() + static_cast<std::ptrdiff_t>(span.first);
    parts.emplace_back(first, first + static_cast<std::ptrdiff_t>(span.count));
    if (span.count < 2) continue;
    for (std::size_t i = 0; i < span.count; ++i) parts.push_back({*(first + static_cast<std::ptrdiff_t>(i))});
  }
  return parts;
}

// A routed envelope with a page that could not be read and shows no case of its own: what that page
// says is unknown, so it must not inherit the case of the others. The whole envelope goes to a
// person (as with two cases in one envelope), the case found offered first.
std::optional<CaseDecision> IllegibleReview(const Envelope& envelope, const CaseDecision& decision,
                                            const Registry& registry, const SenderMatcher& senders) {
  if (!decision.bg_number) return std::nullopt;
  const PageReading* page = IllegibleWithoutOwnCase(envelope.pages, *decision.bg_number, registry, senders);
  if (page == nullptr) return std::nullopt;
  CaseDecision review;
  review.review_kind = "illegible_page";
  review.reason =
      page->name + ": its print could not be read (faint, stained or damaged); it may belong to another case";
  review.bg_number = decision.bg_number;
  review.candidates = {*decision.bg_number};
  return review;
}

}  // namespace

struct Classifier::Impl {
  Impl(const Registry& r, ClassifierOptions o) : registry(r), options(std::move(o)), senders(r) {}

  const DocTypeModel& Model() const {
    if (loaded_model) return *loaded_model;
    return options.doc_type_model != nullptr ? *options.doc_type_model : DocTypeModel::Embedded();
  }

  // The documents of an envelope, at least one; an envelope with an unreadable page stays whole:
  // its type cannot be known page by page.
  std::vector<DocumentSpan> Spans(const Envelope& envelope) const {
    std::vector<DocumentSpan> spans;
    if (FirstUnreadable(envelope.pages) == nullptr) spans = SplitDocuments(envelope.pages, Model());
    if (spans.empty()) spans.push_back(DocumentSpan{0, envelope.pages.size(), "letter", 0});
    return spans;
  }

  // The case of the envelope, without type, team or priority: decided over all its pages, then
  // checked against what each of its documents says on its own.
  Classification Case(const Envelope& envelope, const std::vector<DocumentSpan>& spans) const {
    if (const PageReading* bad = FirstUnreadable(envelope.pages)) {
      Classification out;
      out.reason = bad->error.empty() ? bad->name + ": page could not be read" : bad->error;
      out.review_kind = "unreadable_page";
      return out;
    }
    const std::vector<SenderCandidate> named = senders.Match(envelope.pages);
    const CaseDecision decision = DecideCase(envelope, registry, named, senders, options.route_threshold);
    auto review = FindConflictingParts(PartsOf(envelope, spans), decision, registry, senders);
    if (!review && decision.routed) review = IllegibleReview(envelope, decision, registry, senders);
    Classification out = FromDecision(review ? *review : decision);
    // The clerk sees why each case is offered; a routed document carries nothing of the others.
    if (!out.routed) out.candidate_evidence = EvidenceOfCandidates(out.candidates, envelope.pages, registry, named);
    return out;
  }

  // Fills in what depends on the document's own pages.
  void Describe(Classification& c, const std::vector<const PageReading*>& pages, std::string doc_type) const {
    const std::string text = TextOf(pages);
    c.doc_type = std::move(doc_type);
    c.team = TeamFor(c.doc_type, options);
    c.priority = IsUrgent(c.doc_type, Fold(text));
    c.contested_decision_date.reset();
    if (c.doc_type == "objection") c.contested_decision_date = ContestedDecisionDate(text);
  }

  const Registry& registry;
  ClassifierOptions options;
  SenderMatcher senders;
  std::optional<DocTypeModel> loaded_model;  ///< from options.doc_type_model_file
};

Classifier::Classifier(const Registry& registry, ClassifierOptions options)
    : impl_(std::make_unique<Impl>(registry, std::move(options))) {}
Classifier::~Classifier() = default;

Result<Classifier> Classifier::Create(const Registry& registry, ClassifierOptions options) {
  if (auto valid = options.Validate(); !valid) return tl::unexpected(valid.error());
  std::optional<DocTypeModel> model;
  if (!options.doc_type_model_file.empty()) {
    auto loaded = DocTypeModel::Load(options.doc_type_model_file);
    if (!loaded) return tl::unexpected(loaded.error());
    model = std::move(*loaded);
  }
  Classifier classifier(registry, std::move(options));
  classifier.impl_->loaded_model = std::move(model);
  return classifier;
}
Classifier::Classifier(Classifier&&) noexcept = default;
Classifier& Classifier::operator=(Classifier&&) noexcept = default;

Classification Classifier::ClassifyCase(const Envelope& envelope) const {
  const auto spans = impl_->Spans(envelope);
  Classification out = impl_->Case(envelope, spans);
  impl_->Describe(out, envelope.pages, spans.front().doc_type);
  return out;
}

std::vector<ClassifiedDocument> Classifier::Classify(const Envelope& envelope) const {
  const auto spans = impl_->Spans(envelope);
  const Classification envelope_case = impl_->Case(envelope, spans);

  std::vector<ClassifiedDocument> documents;
  for (const DocumentSpan& span : spans) {
    ClassifiedDocument document;
    const auto first = envelope.pages.begin() + static_cast<std::ptrdiff_t>(span.first);
    document.pages.assign(first, first + static_cast<std::ptrdiff_t>(span.count));
    document.classification = envelope_case;
    impl_->Describe(document.classification, document.pages, span.doc_type);
    documents.push_back(std::move(document));
  }
  return documents;
}

Classification ClassifyEnvelope(const Envelope& envelope, const Registry& registry, const ClassifierOptions& options) {
  return Classifier(registry, options).ClassifyCase(envelope);
}

}  // namespace mailroom::classifier
