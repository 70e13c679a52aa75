#include "box_plan.h"

#include <algorithm>
#include <array>
#include <cstdio>

#include "documents.h"
#include "evidence.h"
#include "mix_plan.h"
#include "page_sequence.h"
#include "rng.h"
#include "sheets.h"

namespace mailroom::samplegen {
namespace {

enum class EnvelopeKind { kRoute, kNoNumber, kUnknownBg };

constexpr std::array kDocTypes = {DocType::kLetter,        DocType::kApplication, DocType::kChangeNotice,
                                  DocType::kBankStatement, DocType::kPayslip,     DocType::kSickNote,
                                  DocType::kObjection,     DocType::kRent,        DocType::kJobSearch};
constexpr std::array kDocWeights = {12, 14, 12, 14, 10, 10, 12, 8, 8};

constexpr std::array kFonts = {"DejaVu Sans",      "DejaVu Serif", "Liberation Sans",
                               "Liberation Serif", "FreeSans",     "FreeSerif"};

// Roughly 10% of the envelopes carry no case number at all, and one (in boxes of 5 or more) a
// well-formed BG number that is not in the registry.
std::vector<EnvelopeKind> EnvelopeKinds(int envelopes, Rng& rng) {
  std::vector<EnvelopeKind> kinds(static_cast<std::size_t>(envelopes), EnvelopeKind::kRoute);
  int no_number = envelopes >= 3 ? std::max(1, (envelopes + 5) / 10) : 0;
  int unknown = envelopes >= 5 ? 1 : 0;
  for (int i = 0; i < no_number; ++i) kinds[static_cast<std::size_t>(i)] = EnvelopeKind::kNoNumber;
  for (int i = 0; i < unknown; ++i) kinds[static_cast<std::size_t>(no_number + i)] = EnvelopeKind::kUnknownBg;
  rng.Shuffle(kinds);
  return kinds;
}

NumberStyle RandomStyle(DocType type, bool has_customer_number, Rng& rng) {
  static constexpr std::array kStyles = {NumberStyle::kBgPlain, NumberStyle::kBgSpaced, NumberStyle::kAktenzeichen,
                                         NumberStyle::kCustomerNumber, NumberStyle::kInSubject};
  static constexpr std::array kWeights = {30, 18, 15, 22, 15};
  NumberStyle style = kStyles[rng.Weighted(kWeights)];
  bool has_subject = type == DocType::kLetter || type == DocType::kObjection || type == DocType::kChangeNotice;
  if (style == NumberStyle::kInSubject && !has_subject) style = NumberStyle::kBgPlain;
  if (style == NumberStyle::kCustomerNumber && !has_customer_number) style = NumberStyle::kBgSpaced;
  return style;
}

// What a default envelope's strongest evidence is, from what it prints.
Evidence DefaultEvidence(EnvelopeKind kind, const DocumentRequest& request) {
  if (kind == EnvelopeKind::kNoNumber) return Evidence::kNoCaseNumber;
  if (kind == EnvelopeKind::kUnknownBg) return Evidence::kUnknownBgNumber;
  // Only forms print request.barcode, and only application and change notice requests set it.
  if (request.barcode) return Evidence::kBarcode;
  return request.style == NumberStyle::kCustomerNumber ? Evidence::kCustomerNumber : Evidence::kPrintedBg;
}

void PlanEnvelope(int index, EnvelopeKind kind, const SampleOptions& options, Rng& rng, Rng& defects, BoxPlan& plan) {
  const Registry& registry = plan.registry;
  DocType type = kDocTypes[rng.Weighted(kDocWeights)];
  std::size_t jobcenter = static_cast<std::size_t>(rng.Between(0, static_cast<int>(registry.jobcenters.size()) - 1));
  Case household =
      kind == EnvelopeKind::kRoute
          ? registry.cases[static_cast<std::size_t>(rng.Between(0, static_cast<int>(registry.cases.size()) - 1))]
          : MakeOutsider(rng, registry, jobcenter);
  DocumentRequest request;
  request.type = type;
  request.household = &household;
  request.jobcenter = &registry.jobcenters[household.jobcenter];
  request.style =
      kind == EnvelopeKind::kNoNumber ? NumberStyle::kNone : RandomStyle(type, kind == EnvelopeKind::kRoute, rng);
  request.barcode = (type == DocType::kApplication || type == DocType::kChangeNotice) && rng.Chance(0.6);
  request.repeat_number = rng.Chance(0.15);
  request.pages = RandomPageCount(type, rng);
  request.font_family = rng.Pick(std::span<const char* const>(kFonts));
  ComposedDocument composed = ComposeDocument(request, rng);

  PlannedEnvelope envelope;
  envelope.index = index;
  envelope.doc_type = std::string(DocTypeName(type));
  envelope.expect_review = kind != EnvelopeKind::kRoute;
  if (kind == EnvelopeKind::kNoNumber) envelope.reason = "no_case_number";
  if (kind == EnvelopeKind::kUnknownBg) envelope.reason = "unknown_bg_number";
  envelope.evidence = std::string(EvidenceName(DefaultEvidence(kind, request)));
  if (!envelope.expect_review) {
    envelope.bg_number = household.bg_number;
    envelope.jobcenter_id = request.jobcenter->id;
  }
  PageSequence sequence(options, rng, defects, plan);
  sequence.Add(PageKind::kSeparator, 0, SeparatorSheet(options, index, rng.Chance(0.7) ? "Code128" : "DataMatrix"));
  PlannedDocument document{envelope.doc_type, {}, composed.contested_decision_date};
  sequence.AddDocument(envelope, composed.pages, document);
  envelope.pages = document.pages;
  envelope.documents.push_back(std::move(document));
  plan.envelopes.push_back(std::move(envelope));
}

std::string Seal(Rng& rng) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "SEAL-%08X", rng.Next());
  return buffer;
}

}  // namespace

BoxPlan PlanBox(const SampleOptions& options) {
  Rng rng(options.seed);
  BoxPlan plan;
  plan.registry = BuildRegistry(rng, std::max(42, options.envelopes * 2));
  plan.box_id = options.box_id.empty() ? "BOX-" + std::to_string(options.seed) : options.box_id;
  plan.seal = Seal(rng);
  plan.origin = plan.registry.jobcenters.front().id;
  Rng defects(options.seed ^ 0x5CA9DEF5u);
  if (options.classification_mix) {
    PlanMixEnvelopes(options, rng, defects, plan);
    return plan;
  }
  std::vector<EnvelopeKind> kinds = EnvelopeKinds(options.envelopes, rng);
  for (int i = 0; i < options.envelopes; ++i)
    PlanEnvelope(i + 1, kinds[static_cast<std::size_t>(i)], options, rng, defects, plan);
  return plan;
}

}  // namespace mailroom::samplegen
