// nlohmann::ordered_json keeps keys in insertion order, so the files read naturally and are
// byte-identical for the same plan.
#include "truth_writer.h"

#include <cmath>
#include <map>

#include <nlohmann/json.hpp>

#include "doc_decoys.h"

namespace mailroom::samplegen {
namespace {

using Json = nlohmann::ordered_json;

Json OrNull(const std::optional<std::string>& value) {
  return value ? Json(*value) : Json(nullptr);
}

const char* KindName(PageKind kind) {
  switch (kind) {
    case PageKind::kContent:
      return "content";
    case PageKind::kBlank:
      return "blank";
    case PageKind::kSeparator:
      return "separator";
  }
  return "content";
}

Json PageJson(const PlannedPage& page) {
  Json out;
  out["file"] = page.file;
  out["kind"] = KindName(page.kind);
  out["envelope"] = page.envelope;
  out["bg_number"] = OrNull(page.bg_number);
  out["jobcenter_id"] = OrNull(page.jobcenter_id);
  out["doc_type"] = OrNull(page.doc_type);
  out["rotation"] = page.defects.rotation;
  out["skew_degrees"] = std::round(page.skew_degrees * 100) / 100;
  out["lines"] = page.layout.Lines();
  // Only pages with scan defects carry the key, so boxes without defects read as they always did.
  std::vector<std::string> defects = page.defects.Names();
  if (page.handwritten_back) defects.insert(defects.begin(), "handwritten_back");
  if (page.note_beside_number) defects.emplace_back("note_beside_number");
  if (!defects.empty()) out["defects"] = defects;
  return out;
}

Json DocumentJson(const PlannedDocument& document) {
  Json out;
  out["pages"] = document.pages;
  out["doc_type"] = document.doc_type;
  out["contested_decision_date"] = OrNull(document.contested_decision_date);
  return out;
}

Json EnvelopeJson(const PlannedEnvelope& envelope, const std::vector<std::string>& lines) {
  Json out;
  out["index"] = envelope.index;
  out["bg_number"] = OrNull(envelope.bg_number);
  out["jobcenter_id"] = OrNull(envelope.jobcenter_id);
  out["doc_type"] = envelope.doc_type;
  out["expect"] = envelope.expect_review ? "review" : "route";
  out["reason"] = OrNull(envelope.reason);
  out["pages"] = envelope.pages;
  out["evidence"] = envelope.evidence;
  if (!envelope.cases.empty()) out["cases"] = envelope.cases;  // only where two households share the envelope
  out["decoys"] = FindDecoys(lines);
  Json documents = Json::array();
  for (const PlannedDocument& document : envelope.documents) documents.push_back(DocumentJson(document));
  out["documents"] = std::move(documents);
  return out;
}

// The printed text of each envelope's content pages, for finding the decoys in it.
std::map<int, std::vector<std::string>> EnvelopeLines(const BoxPlan& plan) {
  std::map<int, std::vector<std::string>> lines;
  for (const PlannedPage& page : plan.pages) {
    if (page.kind != PageKind::kContent) continue;
    std::vector<std::string> page_lines = page.layout.Lines();
    std::vector<std::string>& all = lines[page.envelope];
    all.insert(all.end(), page_lines.begin(), page_lines.end());
  }
  return lines;
}

}  // namespace

std::string BoxManifestJson(const BoxPlan& plan) {
  Json out;
  out["box_id"] = plan.box_id;
  out["seal"] = plan.seal;
  out["origin"] = plan.origin;
  return out.dump(2) + "\n";
}

std::string TruthJson(const BoxPlan& plan) {
  Json out;
  out["box_id"] = plan.box_id;
  Json pages = Json::array();
  for (const PlannedPage& page : plan.pages) pages.push_back(PageJson(page));
  out["pages"] = std::move(pages);
  Json envelopes = Json::array();
  std::map<int, std::vector<std::string>> lines = EnvelopeLines(plan);
  for (const PlannedEnvelope& envelope : plan.envelopes)
    envelopes.push_back(EnvelopeJson(envelope, lines[envelope.index]));
  out["envelopes"] = std::move(envelopes);
  return out.dump(2) + "\n";
}

}  // namespace mailroom::samplegen
