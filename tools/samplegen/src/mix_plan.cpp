#include "mix_plan.h"

#include <algorithm>
#include <array>
#include <set>

#include "case_numbers.h"
#include "doc_decoys.h"
#include "documents.h"
#include "evidence.h"
#include "mix_registry.h"
#include "page_sequence.h"
#include "reference_placement.h"
#include "sender_variants.h"
#include "sheets.h"

namespace mailroom::samplegen {
namespace {

constexpr std::array kFonts = {"DejaVu Sans",      "DejaVu Serif", "Liberation Sans",
                               "Liberation Serif", "FreeSans",     "FreeSerif"};

constexpr std::array kAnyTypes = {DocType::kLetter,        DocType::kApplication, DocType::kChangeNotice,
                                  DocType::kBankStatement, DocType::kPayslip,     DocType::kSickNote,
                                  DocType::kObjection,     DocType::kRent,        DocType::kJobSearch};
constexpr std::array kAnyWeights = {12, 10, 10, 14, 10, 10, 16, 8, 8};
constexpr std::array kLetterTypes = {DocType::kLetter, DocType::kObjection, DocType::kChangeNotice};
constexpr std::array kLetterWeights = {45, 35, 20};
// What customers send along with a cover letter or a form.
constexpr std::array kEnclosureTypes = {DocType::kBankStatement, DocType::kPayslip, DocType::kRent, DocType::kSickNote,
                                        DocType::kJobSearch};

struct MixState {
  const SampleOptions& options;
  Rng& rng;      ///< documents
  Rng& mix;      ///< mix decisions
  Rng& defects;  ///< scan defects
  BoxPlan& plan;
  MixRegistry extras;
  std::set<std::string> registered;  ///< every BG number in the registry
  std::set<std::string> offices;     ///< every jobcenter's dienststelle
  std::size_t next_typo_twin = 0;
  std::size_t next_name_twin = 0;
};

// Who writes, and who the envelope truly belongs to (for review kinds: nobody routable).
struct Sender {
  Case household;                    ///< the true household (registry case or outsider)
  Case written;                      ///< as the sender writes it
  std::optional<std::size_t> other;  ///< the second case (typo_conflict's twin, conflicting's neighbour,
                                     ///< the second household of the two_cases kinds)
};

const Case& RandomCase(const Registry& registry, Rng& rng) {
  return registry.cases[static_cast<std::size_t>(rng.Between(0, static_cast<int>(registry.cases.size()) - 1))];
}

Sender ChooseSender(Evidence evidence, MixState& state) {
  const Registry& registry = state.plan.registry;
  Sender sender;
  if (evidence == Evidence::kNoCaseNumber || evidence == Evidence::kUnknownBgNumber) {
    std::size_t jobcenter =
        static_cast<std::size_t>(state.mix.Between(0, static_cast<int>(registry.jobcenters.size()) - 1));
    sender.household = MakeOutsider(state.mix, registry, jobcenter);
  } else if (evidence == Evidence::kTypoConflict && !state.extras.typo_twins.empty()) {
    auto [a, b] = state.extras.typo_twins[state.next_typo_twin++ % state.extras.typo_twins.size()];
    sender.household = registry.cases[a];
    sender.other = b;
  } else if (evidence == Evidence::kAmbiguousSender && !state.extras.name_twins.empty()) {
    sender.household =
        registry.cases[state.extras.name_twins[state.next_name_twin++ % state.extras.name_twins.size()].first];
  } else {
    sender.household = RandomCase(registry, state.mix);
  }
  if (evidence == Evidence::kConflictingCases || HoldsTwoCases(evidence)) {
    do {
      sender.other = static_cast<std::size_t>(state.mix.Between(0, static_cast<int>(registry.cases.size()) - 1));
    } while (registry.cases[*sender.other].bg_number == sender.household.bg_number);
  }
  sender.written = evidence == Evidence::kNameAddress       ? AsWritten(sender.household, state.mix)
                   : evidence == Evidence::kAmbiguousSender ? FamilyOnly(sender.household)
                                                            : sender.household;
  return sender;
}

DocType FirstDocType(Evidence evidence, Rng& mix) {
  switch (evidence) {
    case Evidence::kBarcode:
      return mix.Chance(0.6) ? DocType::kApplication : DocType::kChangeNotice;
    case Evidence::kPrintedBg:
    case Evidence::kCustomerNumber:
    case Evidence::kNoCaseNumber:
    case Evidence::kUnknownBgNumber:
      return kAnyTypes[mix.Weighted(kAnyWeights)];
    default:  // the sender block and the body sentences need a letter
      return kLetterTypes[mix.Weighted(kLetterWeights)];
  }
}

DocumentRequest BaseRequest(DocType type, const Case& written, const Registry& registry, MixState& state) {
  DocumentRequest request;
  request.type = type;
  request.household = &written;
  request.jobcenter = &registry.jobcenters[written.jobcenter];
  request.style = NumberStyle::kNone;  // the mix places its numbers itself
  request.pages = RandomPageCount(type, state.rng);
  request.font_family = state.mix.Pick(std::span<const char* const>(kFonts));
  request.varied_wording = true;
  return request;
}

void PlaceBg(PageLayout& page, const std::string& bg, bool allow_short, Rng& mix) {
  Reference reference{numbers::WriteBg(bg, allow_short, mix), false};
  PlaceReference(page, RandomPlace(page, reference, mix), reference, mix);
}

// The neighbour's case quoted in the same letter: two registered cases in one envelope.
std::string NeighbourSentence(const Case& neighbour, Rng& mix) {
  const Person& head = neighbour.persons.front();
  return "Außerdem lege ich die Unterlagen " +
         std::string(head.female ? "meiner Nachbarin Frau " : "meines Nachbarn Herrn ") + doc::FullName(head) +
         " bei (BG-Nummer " + numbers::WriteBg(neighbour.bg_number, false, mix) + "), da " +
         (head.female ? "sie" : "er") + " derzeit im Krankenhaus liegt.";
}

// Decoys for a `decoys` envelope: three to six kinds; the jobcenter's letter goes after the letter.
void AddDecoys(ComposedDocument& document, const DocumentRequest& request, MixState& state) {
  std::vector<Decoy> kinds = AllDecoys();
  state.mix.Shuffle(kinds);
  kinds.resize(static_cast<std::size_t>(state.mix.Between(3, 6)));
  for (Decoy decoy : kinds) {
    if (decoy != Decoy::kJobcenterLetter) {
      AddDecoy(document.pages.front(), decoy, request, state.mix);
      continue;
    }
    std::optional<doc::Date> date;
    if (document.contested_decision_date) {
      const std::string& iso = *document.contested_decision_date;
      date = doc::Date{std::stoi(iso.substr(8, 2)), std::stoi(iso.substr(5, 2)), std::stoi(iso.substr(0, 4))};
    }
    std::optional<std::string> quoted;
    if (state.mix.Chance(0.5)) quoted = request.household->bg_number;  // the same case, never another
    document.pages.push_back(JobcenterLetterCopy(request, quoted, date, state.mix));
  }
}

// Puts the evidence on the first document's first page.
void AddEvidence(Evidence evidence, const Sender& sender, ComposedDocument& document, const DocumentRequest& request,
                 MixState& state) {
  PageLayout& page = document.pages.front();
  const Registry& registry = state.plan.registry;
  const std::string& bg = sender.household.bg_number;
  switch (evidence) {
    case Evidence::kPrintedBg:
    case Evidence::kUnknownBgNumber:
      return PlaceBg(page, bg, true, state.mix);
    case Evidence::kCustomerNumber: {
      const std::string& number = sender.household.persons.front().customer_number;
      Reference reference{numbers::WriteCustomerNumber(number, state.mix), true};
      return PlaceReference(page, RandomPlace(page, reference, state.mix), reference, state.mix);
    }
    case Evidence::kTypo:
      return PlaceBg(page, numbers::OneDigitTypo(bg, state.registered, state.mix), false, state.mix);
    case Evidence::kTypoConflict:
      return PlaceBg(page, registry.cases[*sender.other].bg_number, false, state.mix);
    case Evidence::kConflictingCases:
      PlaceBg(page, bg, false, state.mix);
      return AddBodySentence(page, NeighbourSentence(registry.cases[*sender.other], state.mix));
    case Evidence::kDecoys:
      PlaceBg(page, bg, true, state.mix);
      return AddDecoys(document, request, state);
    case Evidence::kUnknownOfficeNumber:
      return PlaceBg(page, numbers::ForeignOfficeBg(state.offices, state.mix), false, state.mix);
    case Evidence::kTwoCasesBarcode:  // composed by ComposeTwoCases
    case Evidence::kTwoCasesPrint:
    case Evidence::kTwoCasesName:
    case Evidence::kBarcode:
    case Evidence::kNameAddress:
    case Evidence::kNoCaseNumber:
    case Evidence::kAmbiguousSender:
      return;
  }
}

void AddCaseBarcode(DocumentRequest& request, const Case& household, Rng& mix) {
  numbers::BarcodePayload code =
      numbers::CaseBarcode(household.bg_number, household.persons.front().customer_number, mix);
  request.barcode = true;
  request.barcode_payload = code.payload;
  request.barcode_format = code.format;
}

using Documents = std::vector<std::pair<DocType, ComposedDocument>>;

// The second household's document, identified only as `evidence` says: a form with its case
// barcode, any document with its printed BG number, or a letter signed with its name and address.
std::pair<DocType, ComposedDocument> SecondHouseholdDocument(Evidence evidence, const Case& household,
                                                             MixState& state) {
  const Registry& registry = state.plan.registry;
  if (evidence == Evidence::kTwoCasesBarcode) {
    DocType type = state.mix.Chance(0.6) ? DocType::kApplication : DocType::kChangeNotice;
    DocumentRequest request = BaseRequest(type, household, registry, state);
    AddCaseBarcode(request, household, state.mix);
    return {type, ComposeDocument(request, state.rng)};
  }
  if (evidence == Evidence::kTwoCasesPrint) {
    DocType type = kAnyTypes[state.mix.Weighted(kAnyWeights)];
    DocumentRequest request = BaseRequest(type, household, registry, state);
    ComposedDocument document = ComposeDocument(request, state.rng);
    PlaceBg(document.pages.front(), household.bg_number, true, state.mix);
    return {type, std::move(document)};
  }
  Case written = AsWritten(household, state.mix);
  DocType type = kLetterTypes[state.mix.Weighted(kLetterWeights)];
  DocumentRequest request = BaseRequest(type, written, registry, state);
  request.sender_birth_date = state.mix.Chance(0.4);
  return {type, ComposeDocument(request, state.rng)};
}

// Two households in one envelope: the first's document with its printed BG number, and the
// second's, before or after it. `cases` gets both BG numbers in the order of their documents.
Documents ComposeTwoCases(Evidence evidence, const Sender& sender, MixState& state, std::vector<std::string>& cases) {
  const Registry& registry = state.plan.registry;
  const Case& second = registry.cases[*sender.other];
  DocType type = kAnyTypes[state.mix.Weighted(kAnyWeights)];
  DocumentRequest request = BaseRequest(type, sender.written, registry, state);
  Documents documents;
  documents.emplace_back(type, ComposeDocument(request, state.rng));
  PlaceBg(documents.back().second.pages.front(), sender.household.bg_number, true, state.mix);
  documents.push_back(SecondHouseholdDocument(evidence, second, state));
  cases = {sender.household.bg_number, second.bg_number};
  if (state.mix.Chance(0.5)) {
    std::swap(documents[0], documents[1]);
    std::swap(cases[0], cases[1]);
  }
  return documents;
}

Documents ComposeEnvelope(Evidence evidence, const Sender& sender, MixState& state, std::vector<std::string>& cases) {
  if (HoldsTwoCases(evidence)) return ComposeTwoCases(evidence, sender, state, cases);
  const Registry& registry = state.plan.registry;
  DocType type = FirstDocType(evidence, state.mix);
  DocumentRequest request = BaseRequest(type, sender.written, registry, state);
  if (evidence == Evidence::kBarcode) AddCaseBarcode(request, sender.household, state.mix);
  // An old number alone never routes: the sender's name, address and birth date must identify the person.
  request.sender_birth_date =
      evidence == Evidence::kUnknownOfficeNumber || (evidence == Evidence::kNameAddress && state.mix.Chance(0.4));
  Documents documents;
  documents.emplace_back(type, ComposeDocument(request, state.rng));
  AddEvidence(evidence, sender, documents.back().second, request, state);
  // A cover letter or form with enclosures for the same case; only the first carries the evidence.
  if (!ExpectsReview(evidence) && state.mix.Chance(0.2)) {
    int more = state.mix.Between(1, 2);
    for (int i = 0; i < more; ++i) {
      DocType enclosure = kEnclosureTypes[static_cast<std::size_t>(state.mix.Between(0, kEnclosureTypes.size() - 1))];
      DocumentRequest next = BaseRequest(enclosure, sender.written, registry, state);
      next.font_family = request.font_family;
      documents.emplace_back(enclosure, ComposeDocument(next, state.rng));
    }
  }
  return documents;
}

void PlanMixEnvelope(int index, Evidence evidence, MixState& state) {
  Sender sender = ChooseSender(evidence, state);
  PlannedEnvelope envelope;
  Documents documents = ComposeEnvelope(evidence, sender, state, envelope.cases);
  const Registry& registry = state.plan.registry;

  envelope.index = index;
  envelope.evidence = std::string(EvidenceName(evidence));
  envelope.doc_type = std::string(DocTypeName(documents.front().first));
  envelope.expect_review = ExpectsReview(evidence);
  if (envelope.expect_review) {
    envelope.reason = envelope.evidence;
  } else {
    envelope.bg_number = sender.household.bg_number;
    envelope.jobcenter_id = registry.jobcenters[sender.household.jobcenter].id;
  }
  PageSequence sequence(state.options, state.rng, state.defects, state.plan);
  sequence.Add(PageKind::kSeparator, 0,
               SeparatorSheet(state.options, index, state.rng.Chance(0.7) ? "Code128" : "DataMatrix"));
  for (auto& [type, composed] : documents) {
    PlannedDocument document{std::string(DocTypeName(type)), {}, composed.contested_decision_date};
    sequence.AddDocument(envelope, composed.pages, document);
    envelope.pages.insert(envelope.pages.end(), document.pages.begin(), document.pages.end());
    envelope.documents.push_back(std::move(document));
  }
  state.plan.envelopes.push_back(std::move(envelope));
}

}  // namespace

void PlanMixEnvelopes(const SampleOptions& options, Rng& rng, Rng& defects, BoxPlan& plan) {
  Rng mix(options.seed ^ 0xC1A55E5Du);
  std::vector<Evidence> kinds = EvidenceMix(options.envelopes, mix);
  auto count = [&](Evidence e) { return static_cast<int>(std::count(kinds.begin(), kinds.end(), e)); };
  MixState state{options, rng, mix, defects, plan, {}, {}};
  state.extras =
      DecorateRegistry(plan.registry, count(Evidence::kTypoConflict), count(Evidence::kAmbiguousSender), mix);
  for (const Case& c : plan.registry.cases) state.registered.insert(c.bg_number);
  for (const Jobcenter& j : plan.registry.jobcenters) state.offices.insert(j.dienststelle);
  for (std::size_t i = 0; i < kinds.size(); ++i) PlanMixEnvelope(static_cast<int>(i) + 1, kinds[i], state);
}

}  // namespace mailroom::samplegen
