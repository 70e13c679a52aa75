#include "review_text.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

namespace mailroom::app {
namespace {

std::string Joined(const std::vector<std::string>& items) {
  return items.empty() ? "-" : fmt::format("{}", fmt::join(items, ", "));
}

}  // namespace

std::string InTrayTable(const review::InTray& tray, UtcTime now) {
  if (tray.documents.empty()) return "no documents in review\n";
  int objections = 0;
  for (const auto& document : tray.documents) objections += document.priority ? 1 : 0;
  std::string text = fmt::format(
      "{} {} in review{}, the longest waiting first\n", tray.documents.size(),
      tray.documents.size() == 1 ? "document" : "documents",
      objections == 0 ? ""
                      : fmt::format(", {} {} (!) on top", objections, objections == 1 ? "objection" : "objections"));
  text += fmt::format("  {:<22} {:1} {:<18} {:>9}  {:<14} {:>5}  {}\n", "DOCUMENT", "", "BOX", "WAITING", "TYPE",
                      "PAGES", "REASON");
  for (const auto& d : tray.documents) {
    text += fmt::format("  {:<22} {:1} {:<18} {:>9}  {:<14} {:>5}  {}\n", d.document_id, d.priority ? "!" : "",
                        d.box_id, review::WaitingTime(d.box_arrived_at, now), d.doc_type, d.pages.size(), d.reason);
  }
  return text;
}

std::string InTrayJson(const review::InTray& tray, UtcTime now) {
  auto documents = nlohmann::json::array();
  for (const auto& d : tray.documents) {
    documents.push_back({{"document_id", d.document_id},
                         {"box_id", d.box_id},
                         {"box_arrived_at", d.box_arrived_at},
                         {"waiting", review::WaitingTime(d.box_arrived_at, now)},
                         {"doc_type", d.doc_type},
                         {"priority", d.priority},
                         {"reason", d.reason},
                         {"candidates", d.candidates},
                         {"evidence", d.evidence},
                         {"confidence", d.confidence},
                         {"pages", d.pages},
                         {"json", d.json_file.string()},
                         {"pdf", d.pdf_file.string()}});
  }
  return documents.dump(2) + "\n";
}

std::string ReviewDocumentText(const review::ReviewDocument& d, UtcTime now) {
  std::string type = d.doc_type;
  if (d.priority) type += " (priority)";
  if (d.contested_decision_date) type += ", contests the decision of " + *d.contested_decision_date;
  return fmt::format(
      "document {}\n"
      "  box:         {} (arrived {}, waiting {})\n"
      "  type:        {}\n"
      "  reason:      {}\n"
      "  candidates:  {}\n"
      "  evidence:    {}\n"
      "  person:      {}\n"
      "  confidence:  {:.2f}\n"
      "  pages:       {}\n"
      "  pdf:         {}\n",
      d.document_id, d.box_id, d.box_arrived_at.empty() ? "?" : d.box_arrived_at,
      review::WaitingTime(d.box_arrived_at, now), type, d.reason, Joined(d.candidates), Joined(d.evidence),
      Joined(d.person_match), d.confidence, Joined(d.pages), d.pdf_file.string());
}

}  // namespace mailroom::app
