#include "box_plan.h"

#include <algorithm>
#include <array>
#include <cstdio>

#include "defect_plan.h"
#include "documents.h"
#include "handwriting.h"
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

ImageFileFormat RandomFormat(Rng& rng) {
  static constexpr std::array kFormats = {ImageFileFormat::kTiffG4, ImageFileFormat::kTiffLzw, ImageFileFormat::kPng,
                                          ImageFileFormat::kJpeg};
  static constexpr std::array kWeights = {60, 15, 15, 10};
  return kFormats[rng.Weighted(kWeights)];
}

SheetRole RoleOf(PageKind kind) {
  switch (kind) {
    case PageKind::kSeparator:
      return SheetRole::kSeparator;
    case PageKind::kBlank:
      return SheetRole::kBlank;
    case PageKind::kContent:
      break;
  }
  return SheetRole::kContent;
}

// Appends pages. Document decisions come from `rng`; scan defects from `defects`, a separate stream,
// so that boxes with and without defects hold the same documents.
class PageSequence {
 public:
  PageSequence(const SampleOptions& options, Rng& rng, Rng& defects, BoxPlan& plan)
      : options_(options), rng_(rng), defects_(defects), plan_(plan) {}

  PlannedPage& Add(PageKind kind, int envelope, PageLayout layout) {
    PlannedPage page;
    page.kind = kind;
    page.envelope = envelope;
    page.layout = std::move(layout);
    page.format = RandomFormat(rng_);
    char name[16];
    std::snprintf(name, sizeof name, "%04d", static_cast<int>(plan_.pages.size()) + 1);
    page.file = std::string(name) + FileExtension(page.format);
    page.noise_seed = rng_.Next();
    if (kind == PageKind::kBlank) {
      page.speckles = rng_.Between(10, 60);
    } else {
      page.skew_degrees = rng_.Real(-options_.max_skew_degrees, options_.max_skew_degrees);
      page.speckles = rng_.Between(20, 120);
      bool upside_down = kind == PageKind::kContent && rng_.Chance(options_.upside_down_share);
      if (upside_down) page.defects.rotation = 180;
    }
    page.defect_seed = defects_.Next();
    int rotation = page.defects.rotation;
    page.defects = PlanSheetDefects(options_, RoleOf(kind), page.defect_seed);
    if (rotation != 0) page.defects.rotation = rotation;
    plan_.pages.push_back(std::move(page));
    return plan_.pages.back();
  }

  // A duplex back side: blank, or (handwritten_back_share) carrying a note, which makes it part of
  // the document. Its front shows through it.
  PlannedPage& AddBack(const PlannedEnvelope& envelope) {
    PlannedPage& back = Add(PageKind::kBlank, envelope.index, PageLayout{});
    std::size_t front = plan_.pages.size() - 2;
    back.bleed_from = front;
    bool note = defects_.Chance(options_.handwritten_back_share);
    Rng note_rng(defects_.Next());
    if (note) {
      back.kind = PageKind::kContent;
      back.handwritten_back = true;
      back.layout = RandomBackNote(note_rng);
      back.skew_degrees = -plan_.pages[front].skew_degrees;  // the same sheet, seen from behind
      back.bg_number = envelope.bg_number;
      back.jobcenter_id = envelope.jobcenter_id;
      back.doc_type = envelope.doc_type;
    }
    return back;
  }

 private:
  const SampleOptions& options_;
  Rng& rng_;
  Rng& defects_;
  BoxPlan& plan_;
};

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
  std::vector<PageLayout> layouts = ComposeDocument(request, rng);

  PlannedEnvelope envelope;
  envelope.index = index;
  envelope.doc_type = std::string(DocTypeName(type));
  envelope.expect_review = kind != EnvelopeKind::kRoute;
  if (kind == EnvelopeKind::kNoNumber) envelope.reason = "no_case_number";
  if (kind == EnvelopeKind::kUnknownBg) envelope.reason = "unknown_bg_number";
  if (!envelope.expect_review) {
    envelope.bg_number = household.bg_number;
    envelope.jobcenter_id = request.jobcenter->id;
  }
  PageSequence sequence(options, rng, defects, plan);
  sequence.Add(PageKind::kSeparator, 0, SeparatorLayout(rng.Chance(0.7) ? "Code128" : "DataMatrix"));
  for (PageLayout& layout : layouts) {
    PlannedPage& page = sequence.Add(PageKind::kContent, index, std::move(layout));
    page.bg_number = envelope.bg_number;
    page.jobcenter_id = envelope.jobcenter_id;
    page.doc_type = envelope.doc_type;
    envelope.pages.push_back(page.file);
    if (rng.Chance(options.blank_back_share)) {
      const PlannedPage& back = sequence.AddBack(envelope);
      if (back.kind == PageKind::kContent) envelope.pages.push_back(back.file);
    }
  }
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
  std::vector<EnvelopeKind> kinds = EnvelopeKinds(options.envelopes, rng);
  Rng defects(options.seed ^ 0x5CA9DEF5u);
  for (int i = 0; i < options.envelopes; ++i)
    PlanEnvelope(i + 1, kinds[static_cast<std::size_t>(i)], options, rng, defects, plan);
  return plan;
}

}  // namespace mailroom::samplegen
