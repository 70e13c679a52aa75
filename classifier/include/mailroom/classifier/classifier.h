// Classification: pages -> envelopes -> documents with a case, a type and a confidence.
// Pure logic over PageReading values and the Registry: no I/O, no Tesseract, thread-safe.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "mailroom/classifier/registry.h"
#include "mailroom/common/result.h"
#include "mailroom/flow/page_reading.h"

namespace mailroom::classifier {

class DocTypeModel;

struct ClassifierOptions {
  /// A document is routed only at or above this confidence; below it goes to review.
  /// A misroute is worse than a review, so the default is strict.
  double route_threshold = 0.80;
  /// The team per doc_type where it differs from DefaultTeam (e.g. {"rent", "kdu"}).
  std::map<std::string, std::string> teams;
  /// The document-type model; nullptr: the one built into mailroom (DocTypeModel::Embedded()).
  const DocTypeModel* doc_type_model = nullptr;
  /// A model file (tools/train-doctype.sh) to use instead; Classifier::Create loads it. Empty: none.
  std::filesystem::path doc_type_model_file;

  /// The one check of these settings, for every command that classifies: fails naming the
  /// setting when the threshold is outside 0..1, or a team is set for an unknown document type or
  /// has a name that is not safe as a Postkorb folder name.
  [[nodiscard]] Result<void> Validate() const;
};

/// Parses "objection=rechtsbehelfe" (TYPE=TEAM, as `--team` takes it) into options.teams; fails
/// with the reason (no '=', an unknown document type, an unsafe team name).
[[nodiscard]] Result<void> AddTeamSetting(ClassifierOptions& options, const std::string& setting);

/// An envelope: the content pages between two separator sheets, in scan order.
struct Envelope {
  int index = 0;                          ///< 1-based, in scan order
  std::vector<const PageReading*> pages;  ///< content pages only; points into the caller's vector
};

/// Splits the box into envelopes. Separator and blank pages are not part of any envelope.
/// An unreadable page ends the current envelope (it could have been a separator sheet, and merging
/// two envelopes could misroute a page) and becomes an envelope of its own.
/// Envelopes without pages (two separators in a row) are skipped.
[[nodiscard]] std::vector<Envelope> GroupEnvelopes(const std::vector<PageReading>& pages);

/// Stands for the letter of a customer number that OCR read as a digit ("076Z373173" read as
/// "0762373173" gives "076?373173"). Such a number counts only if exactly one registered customer
/// number fits it; otherwise it is ignored (a ten-digit phone number looks the same).
inline constexpr char kUnknownLetter = '?';

/// A case number found on a page, and where it was found.
struct CaseEvidence {
  enum class Source { kBarcode, kText };
  enum class Kind { kBgNumber, kCustomerNumber };
  Source source = Source::kText;
  Kind kind = Kind::kBgNumber;
  std::string number;    ///< normalised: "35301BG0012345" or "123D456789"; see kUnknownLetter
  std::string page;      ///< page name it was found on
  float confidence = 0;  ///< 0..1: barcode 1.0; text: OCR confidence of the words it came from
  /// A reading repaired by a guess (an unknown customer-number letter, a stray character in the
  /// "BG" marker): it counts only if the registry confirms it, and is never an "unknown number".
  bool needs_registry = false;
};

/// Finds BG and customer numbers in a page's barcodes and text, tolerating the printed variants
/// ("35301 BG 0012345", "35301-BG-0012345", OCR confusions such as O/0, l/1 inside digit groups)
/// and ignoring look-alikes (IBAN, phone numbers, dates, amounts). Not checked against the registry.
[[nodiscard]] std::vector<CaseEvidence> FindCaseNumbers(const PageReading& page);

/// Review: what points to one candidate case, for the clerk at the review desk. Where a number of
/// the case was read and which of the person's fields matched, by name only: never the text.
struct CandidateEvidence {
  std::string bg_number;
  std::optional<std::string> jobcenter_id;  ///< the case's jobcenter in the registry, if it has one
  double score = 0;                         ///< 0..1: the confidence this evidence alone would give the case
  /// Where a number of the case was read, of "barcode" (a BG or customer number in a barcode),
  /// "printed_bg" (a BG number in the text), "customer_number" (one in the text), in that order.
  std::vector<std::string> numbers;
  /// The person's fields that matched (as Classification::person_match); empty when the text names
  /// no person of the case.
  std::vector<std::string> person_match;
};

/// The classification of one envelope, ready for routing.
struct Classification {
  bool routed = false;                      ///< false: goes to review
  std::optional<std::string> jobcenter_id;  ///< set when routed
  std::optional<std::string> bg_number;     ///< set when known (also in review, if found)
  std::string doc_type = "letter";          ///< CONTRACT.md vocabulary
  std::string team = "leistung";            ///< default team of the doc_type
  double confidence = 0;                    ///< 0..1
  std::vector<std::string> evidence;        ///< subset of "barcode", "text", "registry", in that order
  bool priority = false;                    ///< deadlines: objections, sick notes, "Eilt"
  std::string reason;                       ///< why it goes to review (empty when routed)
  /// The kind of `reason`, a fixed word for counting (metrics): unreadable_page, no_case_number,
  /// sender_unclear, sender_ambiguous, conflicting_numbers, conflicting_cases, case_number_unreadable,
  /// illegible_page, number_not_registered, number_names_other_case, no_jobcenter, low_confidence.
  /// Empty when routed.
  std::string review_kind;
  /// Review: the registered cases the evidence points to (BG numbers, best first), so that a clerk
  /// starts from them. Empty when routed or when nothing points anywhere.
  std::vector<std::string> candidates;
  /// Objections: the date of the contested decision ("Bescheid vom 14.03.2025" -> "2025-03-14"),
  /// from which the deadline runs.
  std::optional<std::string> contested_decision_date;
  /// Routed by the person although the text carries this BG number: it names no registered case
  /// and no office of the registry (an old number), while name, address and birth date identify one
  /// registered person.
  std::optional<std::string> ignored_number;
  /// The person's fields that confirmed the case (of "surname", "given_name", "birth_date",
  /// "street", "postcode_city"); empty when no sender took part in the decision.
  std::vector<std::string> person_match;
  /// Review: the evidence of each of `candidates`, in their order. Empty when routed.
  std::vector<CandidateEvidence> candidate_evidence;
};

/// One document of an envelope: its pages and how it is routed. All documents of an envelope
/// share the case (CONTRACT.md); they differ in type, team and priority. Each document's own
/// evidence is checked against that case: where documents (or pages) of one envelope point to
/// different registered cases, all of them go to review ("conflicting cases in one envelope",
/// review_kind "conflicting_cases", both cases as candidates), never to either case.
struct ClassifiedDocument {
  std::vector<const PageReading*> pages;
  Classification classification;
};

/// Classifies envelopes against one registry. Builds its indexes (the sender matcher) once;
/// Classify is const and safe to call from many threads.
class Classifier {
 public:
  /// `registry` must outlive the classifier. `options` are taken as valid; a command builds its
  /// classifier with Create.
  explicit Classifier(const Registry& registry, ClassifierOptions options = {});
  /// Validates `options` and loads options.doc_type_model_file, if set; fails naming the setting
  /// or the model file and the reason.
  [[nodiscard]] static Result<Classifier> Create(const Registry& registry, ClassifierOptions options);
  ~Classifier();
  Classifier(Classifier&&) noexcept;
  Classifier& operator=(Classifier&&) noexcept;

  /// The case of the whole envelope (doc type, team and priority of the envelope as one document).
  [[nodiscard]] Classification ClassifyCase(const Envelope& envelope) const;
  /// The envelope split into its documents (one, unless the type changes from page to page), each
  /// with the envelope's case and its own type, team, priority and contested-decision date.
  [[nodiscard]] std::vector<ClassifiedDocument> Classify(const Envelope& envelope) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// Decides the case, type and team of an envelope (Classifier(registry, options).ClassifyCase: for
/// one envelope; a run builds one Classifier). All pages inherit one case. Evidence: case numbers
/// in barcodes and text, and the sender (name, birth date, address) matched against the registry.
/// Goes to review (routed=false, with a reason and the candidate cases) when: no number and no
/// unambiguous sender is found, a number is not in the registry and no sender confirms it, numbers
/// or number and sender point to different cases, or the confidence is below the threshold.
[[nodiscard]] Classification ClassifyEnvelope(const Envelope& envelope, const Registry& registry,
                                              const ClassifierOptions& options = {});

/// The team of a doc_type: options.teams where it names one, else DefaultTeam.
[[nodiscard]] std::string TeamFor(const std::string& doc_type, const ClassifierOptions& options);

/// The document type of the whole envelope as one document: the built-in model (DocTypeModel::Embedded())
/// over all pages, the first page counting twice; "letter" when no type is likely enough.
[[nodiscard]] std::string DetectDocType(const Envelope& envelope);

/// The default team of a doc_type (CONTRACT.md): objection -> widerspruch; sick_note, job_search ->
/// integration; all others -> leistung.
[[nodiscard]] std::string DefaultTeam(const std::string& doc_type);

}  // namespace mailroom::classifier
