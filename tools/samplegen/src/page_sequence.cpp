#include "page_sequence.h"

#include <array>
#include <cstdio>

#include "defect_plan.h"
#include "handwriting.h"
#include "number_marks.h"

namespace mailroom::samplegen {
namespace {

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

// The hard scans' marks that belong to the page's layout: the printer's font, shaded fields, a note
// beside the number. Drawn from the page's own defect seed, so no other page changes.
void MarkLayout(PlannedPage& page, const SampleOptions& options) {
  Rng marks(page.defect_seed ^ 0x6D61726Bu);
  const bool note = marks.Chance(options.note_beside_number_share);
  Rng note_rng(marks.Next());
  Rng shade_rng(marks.Next());
  Rng font_rng(marks.Next());
  const std::optional<NumberSpot> spot = FindNumber(page.layout);
  // Forms with a barcode come from the jobcenter's laser printers, never from a dot-matrix one.
  if (!page.layout.barcodes.empty()) page.defects.dot_matrix.on = false;
  if (page.defects.dot_matrix.on) page.layout.font_family = PrinterFont(font_rng);
  if (page.defects.shaded_fields) ShadeFields(page.layout, spot, shade_rng);
  if (note && spot) {
    WriteBesideNumber(page.layout, *spot, note_rng);
    page.note_beside_number = true;
  }
}

}  // namespace

PlannedPage& PageSequence::Add(PageKind kind, int envelope, PageLayout layout) {
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
  if (kind == PageKind::kContent) MarkLayout(page, options_);
  plan_.pages.push_back(std::move(page));
  return plan_.pages.back();
}

PlannedPage& PageSequence::AddBack(const PlannedEnvelope& envelope, const std::string& doc_type) {
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
    back.doc_type = doc_type;
  }
  return back;
}

void PageSequence::AddDocument(const PlannedEnvelope& envelope, std::vector<PageLayout>& layouts,
                               PlannedDocument& document) {
  for (PageLayout& layout : layouts) {
    PlannedPage& page = Add(PageKind::kContent, envelope.index, std::move(layout));
    page.bg_number = envelope.bg_number;
    page.jobcenter_id = envelope.jobcenter_id;
    page.doc_type = document.doc_type;
    document.pages.push_back(page.file);
    if (rng_.Chance(options_.blank_back_share)) {
      const PlannedPage& back = AddBack(envelope, document.doc_type);
      if (back.kind == PageKind::kContent) document.pages.push_back(back.file);
    }
  }
}

}  // namespace mailroom::samplegen
