// The output folder of one run (OUT_DIR): Postkorb folders, review folder and report.json.
// A run writes into a private staging folder and swaps it into place only at the end, so a killed
// run leaves no half-written document in view, and a rerun replaces the earlier result instead
// of mixing with it. The values here are the flow's own (classifier results, file paths); the
// protobuf messages of the same documents, for the distributed roles, are in document_message.h.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "mailroom/classifier/box_plan.h"
#include "mailroom/classifier/classifier.h"
#include "mailroom/common/result.h"

namespace mailroom::routing {

struct AssembledDocument;

class OutputFolder {
 public:
  /// Creates OUT_DIR if needed and a fresh staging folder inside it (leftovers of a killed run
  /// are removed). Fails with "<OUT_DIR>: <reason>" if the folder cannot be written.
  [[nodiscard]] static Result<OutputFolder> Open(const std::filesystem::path& out_dir);

  const std::filesystem::path& root() const { return root_; }
  /// Where this run's output is staged until Commit().
  const std::filesystem::path& staging() const { return staging_; }
  /// Scratch space for single-page PDFs; removed by Commit().
  std::filesystem::path scratch() const { return staging_ / "pages"; }

  /// Replaces OUT_DIR's postkorb/, review/ and report.json with the staged ones (report.json last:
  /// its presence means the output is complete) and removes the staging folder.
  [[nodiscard]] Result<void> Commit();

  /// Writes an assembled document into staging/<its folder>: the PDF, the originals, then the
  /// JSON (a consumer that waits for the JSON finds the PDF complete). Returns the JSON's path
  /// relative to OUT_DIR.
  [[nodiscard]] Result<std::filesystem::path> Put(const AssembledDocument& document) const;

 private:
  std::filesystem::path root_, staging_;
};

/// Everything needed to write one document.
struct DocumentInput {
  std::string box_id;
  std::string document_id;
  std::string box_arrived_at;  ///< when the box arrived (ISO 8601 UTC), for the proof of receipt
  classifier::Classification classification;
  std::vector<std::string> page_names;                  ///< input file names, in order
  std::vector<std::filesystem::path> page_pdfs;         ///< one single-page PDF per page, same order
  std::vector<std::filesystem::path> unreadable_files;  ///< originals of pages that could not be read
};

/// The input of a planned document: ids, arrival time, classification and page names. The caller
/// adds where the page PDFs (and the originals of unreadable pages) are.
[[nodiscard]] DocumentInput InputOf(const classifier::PlannedDocument& planned, const std::string& box_id,
                                    const std::string& box_arrived_at);

/// A document ready for delivery, all in memory: the same bytes whichever way it leaves, into
/// an output folder (`mailroom process`) or onto the broker (the route worker).
struct AssembledDocument {
  struct Original {
    std::string file_name;  ///< "<document_id>.<n>.orig<ext>"
    std::string bytes;
  };
  std::filesystem::path folder;     ///< relative to OUT_DIR: "postkorb/<jobcenter_id>/<team>" or "review"
  std::string base_name;            ///< the document id made safe as a file name
  std::string pdf;                  ///< the pages joined, PDF/A-2b
  std::string json;                 ///< the contract's document JSON
  std::vector<Original> originals;  ///< the original files of the pages that could not be read

  [[nodiscard]] std::string pdf_name() const { return base_name + ".pdf"; }
  [[nodiscard]] std::string json_name() const { return base_name + ".json"; }
};

/// Writes an assembled document under `root` (into root/<its folder>, made 0700 if needed): the PDF,
/// the originals, then the JSON, each written atomically, fsync'ed and 0600 (a consumer that waits
/// for the JSON finds the PDF complete). Returns the JSON's path relative to `root`.
/// OutputFolder::Put is this into its staging folder; the distributed review intake stages its own.
[[nodiscard]] Result<std::filesystem::path> PutDocument(const std::filesystem::path& root,
                                                        const AssembledDocument& document);

/// Routing's step, written once for both transports: joins the page PDFs (a notice page that
/// names the file stands in for a page that could not be read), builds the JSON and takes the
/// originals of unreadable pages. Deterministic: the PDF's dates are the box's arrival
/// (`box_arrived_at`), so the same input assembled again, by either transport, gives the same bytes. `scratch` is a
/// folder for the notice pages (removed again).
[[nodiscard]] Result<AssembledDocument> AssembleDocument(const DocumentInput& input,
                                                         const std::filesystem::path& scratch);

/// AssembleDocument, then out.Put: writes "<document_id>.pdf" and then "<document_id>.json" into
/// staging/postkorb/<jobcenter_id>/<team>/ when routed, else into staging/review/. Unreadable pages get a notice page
/// in the PDF and their original file copied beside it ("<document_id>.<n>.orig<ext>"). Returns the JSON's path
/// relative to OUT_DIR.
[[nodiscard]] Result<std::filesystem::path> WriteDocument(const OutputFolder& out, const DocumentInput& input);

/// Writes staging/report.json, the box report of a plan: pages in, routed, review, blank and
/// separator pages.
[[nodiscard]] Result<void> WriteReport(const OutputFolder& out, const classifier::BoxPlan& plan);

/// Concatenates PDFs (in order) into one, in memory. `what` names the result in errors. With a
/// `title` see MergePdfs. The same inputs and arguments give the same bytes, whenever it runs: no
/// date or id comes from the clock.
[[nodiscard]] Result<std::string> JoinPdfs(const std::vector<std::filesystem::path>& inputs, const std::string& what,
                                           const std::string& title = "", const std::string& created_at = "");

/// JoinPdfs, written atomically with mode 0600. With a `title` (the
/// document id: no personal data) the result is marked PDF/A-2b (XMP, Info, sRGB output intent),
/// provided Debian's sRGB profile (icc-profiles-free) is installed; its creation date is
/// `created_at` (ISO 8601 UTC: the box's arrival, a fact of the document), none if empty.
[[nodiscard]] Result<void> MergePdfs(const std::vector<std::filesystem::path>& inputs,
                                     const std::filesystem::path& output, const std::string& title = "",
                                     const std::string& created_at = "");

/// The PDF `input` with only `pages` (0-based, in the order given), PDF/A-2b marked with `title`
/// and `created_at` (as MergePdfs): for the review desk, which splits a document or takes a page out of it.
[[nodiscard]] Result<std::string> SelectPdfPages(const std::filesystem::path& input, const std::vector<int>& pages,
                                                 const std::string& title, const std::string& created_at = "");

/// The PDF `input` with its page `page` (0-based) replaced by the one page of `replacement`:
/// a page scanned again at the review desk's request. `title`, `created_at` as MergePdfs.
[[nodiscard]] Result<std::string> ReplacePdfPage(const std::filesystem::path& input, int page,
                                                 const std::filesystem::path& replacement, const std::string& title,
                                                 const std::string& created_at = "");

/// Writes a one-page A4 PDF that states `text` (used in place of a page that could not be read).
[[nodiscard]] Result<void> WriteNoticePdf(const std::filesystem::path& output, const std::string& text);

/// Where a routed document lies, relative to OUT_DIR: "postkorb/<jobcenter_id>/<team>" (both made safe).
[[nodiscard]] std::filesystem::path PostkorbFolder(const std::string& jobcenter_id, const std::string& team);

/// The file name of the original of a document's `n`th (1-based) unreadable page, beside its PDF:
/// "<document_id>.<n>.orig<ext>", <ext> the extension of the page's input file `input_file`, made safe.
[[nodiscard]] std::string OriginalFileName(const std::string& document_id, std::size_t n,
                                           const std::filesystem::path& input_file);

/// Turns an id into a safe file name part (letters, digits, '-', '_', '.'; others become '_').
[[nodiscard]] std::string SafeFileName(const std::string& id);

}  // namespace mailroom::routing
