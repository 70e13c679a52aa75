// Planning a box: every random decision (which case, which document, which file format, skew,
// blank backs, scan defects, ...) is made up front from the seed, so rendering can run in parallel
// and still produce the same bytes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "image_writer.h"
#include "layout.h"
#include "mailroom/samplegen/samplegen.h"
#include "registry.h"
#include "scan_defects.h"

namespace mailroom::samplegen {

enum class PageKind { kContent, kBlank, kSeparator };

struct PlannedPage {
  PageKind kind = PageKind::kContent;
  int envelope = 0;   ///< 1-based envelope the sheet belongs to (0 for separators)
  std::string file;   ///< "0001.tif"
  PageLayout layout;  ///< empty for blank pages
  ImageFileFormat format = ImageFileFormat::kTiffG4;
  double skew_degrees = 0;
  SheetDefects defects;             ///< incl. the rotation (180 for upside_down_share)
  bool handwritten_back = false;    ///< a duplex back with a note: kContent, layout = the note
  bool note_beside_number = false;  ///< someone wrote a note by hand beside the page's case number
  /// The page whose text shows through (the front of a back side); none: BackTextLayout(defect_seed).
  std::optional<std::size_t> bleed_from;
  int speckles = 0;  ///< number of dust specks
  std::uint32_t noise_seed = 1;
  std::uint32_t defect_seed = 1;
  std::optional<std::string> bg_number;  ///< the case (content pages of routable envelopes)
  std::optional<std::string> jobcenter_id;
  std::optional<std::string> doc_type;  ///< content pages only
};

/// One document of an envelope (a cover letter, a bank statement, ...).
struct PlannedDocument {
  std::string doc_type;
  std::vector<std::string> pages;                      ///< content page files, in order
  std::optional<std::string> contested_decision_date;  ///< objections: the decision's date, YYYY-MM-DD
};

struct PlannedEnvelope {
  int index = 0;
  std::optional<std::string> bg_number;  ///< null for review envelopes
  std::optional<std::string> jobcenter_id;
  std::string doc_type;  ///< the first document's
  bool expect_review = false;
  std::optional<std::string> reason;       ///< review only: the evidence name, e.g. "no_case_number"
  std::vector<std::string> pages;          ///< content page files, in order
  std::string evidence;                    ///< the primary kind of evidence (EvidenceName)
  std::vector<PlannedDocument> documents;  ///< covering `pages` in order
  std::vector<std::string> cases;          ///< two households in one envelope: both BG numbers, in page order
};

struct BoxPlan {
  std::string box_id;
  std::string seal;
  std::string origin;  ///< jobcenter_id of the sending scan centre
  Registry registry;
  std::vector<PlannedPage> pages;
  std::vector<PlannedEnvelope> envelopes;
};

/// Plans the whole box for `options` (assumed validated).
[[nodiscard]] BoxPlan PlanBox(const SampleOptions& options);

}  // namespace mailroom::samplegen
