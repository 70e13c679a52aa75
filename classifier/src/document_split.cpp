// SplitDocuments: an envelope often holds a cover letter and its enclosures (statements, payslips,
// certificates), and each is routed as a document of its own. The cost of the two mistakes differs:
// a split inside a multi-page letter makes two half documents for the clerk, a missed split files a
// payslip as a letter. So a page numbered as a continuation never starts a document, nor does a
// copy of the jobcenter's own letter (customers enclose the Bescheid they write about); a page
// after the last page of a numbered document ("Seite 3 von 3") starts one if it is a real page;
// a page that looks like a first page starts one when its type differs, and a page without such
// cues starts one only when the model is sure the type changed.
#include <cmath>
#include <optional>

#include "doc_type_model_span.h"
#include "mailroom/classifier/doc_type_model.h"
#include "text_fold.h"

namespace mailroom::classifier {
namespace {

// A page without start cues starts a document only at this probability of its own type...
constexpr double kSureChange = 0.9;
// ...while the running document's type is this unlikely on it.
constexpr double kUnlikelySame = 0.05;
// A page with start cues needs less: its own type must just be the more likely one.
constexpr double kCuedChange = 0.5;
// Fewer words than this is a note or a stamp on a back side ("Bitte um Rückruf", "EINGEGANGEN"),
// not the first page of a new document.
constexpr int kMinFirstPageWords = 25;

struct PageCues {
  std::optional<int> page_number;  // "Seite 2 von 3", "Seite 2/3", "Blatt 2"
  bool last_page = false;          // "Seite 3 von 3": the numbered document ends here
  bool letter_start = false;       // a salutation or a Betreff: the first page of a letter
  bool jobcenter_copy = false;     // "KOPIE" of a letter the jobcenter sent: an enclosure
  bool form_title = false;         // the title of a one-page form or statement near the top
  int words = 0;
};

// Titles of the proofs customers enclose one after another ("Lohnabrechnung Juni", then
// "Lohnabrechnung Juli"): each page that opens with one is a document of its own, even of the same
// type, unless it is numbered as a continuation. Folded, as Fold() writes them.
constexpr std::string_view kFormTitles[] = {"lohnabrechnung",      "gehaltsabrechnung",
                                            "verdienstabrechnung", "entgeltabrechnung",
                                            "kontoauszug nr",      "arbeitsunfahigkeitsbescheinigung",
                                            "mietbescheinigung",   "eigenbemuhungen"};
// How far down the page a title may stand: the sender's or employer's name and address come first.
constexpr std::size_t kTitleReach = 6;

bool OpensWithFormTitle(std::string_view text) {
  std::size_t end = 0;
  for (std::size_t line = 0; line < kTitleReach && end < text.size(); ++line) {
    const std::size_t newline = text.find('\n', end);
    end = newline == std::string_view::npos ? text.size() : newline + 1;
  }
  const std::string top = Fold(text.substr(0, end));
  for (std::string_view title : kFormTitles) {
    if (top.find(title) != std::string::npos) return true;
  }
  return false;
}

std::size_t SkipDigits(std::string_view s, std::size_t pos, int& value, int& digits) {
  value = 0;
  digits = 0;
  while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9' && digits < 3) {
    value = value * 10 + (s[pos++] - '0');
    ++digits;
  }
  return pos;
}

// The page number after `word` ("seite 2 von 3", "seite 2/3", "blatt 2"). With `need_total` only a
// number followed by "von N" or "/N" counts: a letter may well mention "Seite 3 des Bescheides".
// `last` is set when the number equals the total.
std::optional<int> PageNumber(std::string_view folded, std::string_view word, bool need_total, bool& last) {
  for (std::size_t at = folded.find(word); at != std::string_view::npos; at = folded.find(word, at + 1)) {
    if (at > 0 && folded[at - 1] >= 'a' && folded[at - 1] <= 'z') continue;  // "webseite"
    std::size_t pos = at + word.size();
    while (pos < folded.size() && (folded[pos] == ' ' || folded[pos] == ':')) ++pos;
    int value = 0, digits = 0, total = 0, total_digits = 0;
    pos = SkipDigits(folded, pos, value, digits);
    if (digits == 0 || value == 0) continue;
    if (!need_total) return value;
    while (pos < folded.size() && folded[pos] == ' ') ++pos;
    if (folded.substr(pos, 3) == "von")
      pos += 3;
    else if (pos < folded.size() && folded[pos] == '/')
      pos += 1;
    else
      continue;
    while (pos < folded.size() && folded[pos] == ' ') ++pos;
    SkipDigits(folded, pos, total, total_digits);
    if (total_digits > 0 && total >= value) {
      last = total == value;
      return value;
    }
  }
  return std::nullopt;
}

PageCues Cues(const PageReading& page) {
  const std::string folded = Fold(page.text);
  PageCues cues;
  cues.page_number = PageNumber(folded, "seite ", true, cues.last_page);
  if (!cues.page_number) cues.page_number = PageNumber(folded, "blatt ", false, cues.last_page);
  // Jobcenter letters carry "Im Auftrag" above the clerk's name and a Geschäftszeichen; customers
  // mark copies "Kopie" or "Abschrift".
  cues.jobcenter_copy =
      folded.rfind("kopie", 0) == 0 || folded.rfind("abschrift", 0) == 0 ||
      (folded.find("im auftrag") != std::string::npos && folded.find("geschaftszeichen") != std::string::npos);
  cues.form_title = OpensWithFormTitle(page.text);
  for (std::size_t i = 0; i < folded.size(); ++i) {
    if (folded[i] != ' ' && (i == 0 || folded[i - 1] == ' ')) ++cues.words;
  }
  cues.letter_start = folded.find("sehr geehrte") != std::string::npos || folded.find("betreff") != std::string::npos ||
                      folded.find("betr.:") != std::string::npos;
  return cues;
}

// Probabilities of one page from its log scores; empty if the page has no known features.
std::vector<double> Probabilities(const std::vector<double>& logs) {
  bool any = false;
  for (double l : logs) any = any || l != 0;
  if (!any) return {};
  std::vector<double> p;
  double total = 0;
  for (double l : logs) total += std::exp(l);
  for (double l : logs) p.push_back(std::exp(l) / total);
  return p;
}

std::size_t IndexOf(const std::string& type) {
  const auto& vocabulary = DocTypeVocabulary();
  for (std::size_t c = 0; c < vocabulary.size(); ++c) {
    if (vocabulary[c] == type) return c;
  }
  return vocabulary.size() - 1;
}

bool StartsDocument(const std::vector<double>& p, const PageCues& cues, const PageCues& previous,
                    const std::string& running_type) {
  if (cues.page_number && *cues.page_number > 1) return false;              // "Seite 2 von 3"
  if (cues.jobcenter_copy) return false;                                    // an enclosure
  if (cues.page_number == 1 && previous.page_number) return true;           // numbering starts again
  if (p.empty()) return false;                                              // nothing to go by
  if (previous.last_page && cues.words >= kMinFirstPageWords) return true;  // after "Seite 3 von 3"
  std::size_t best = 0;
  for (std::size_t c = 1; c < p.size(); ++c) {
    if (p[c] > p[best]) best = c;
  }
  const std::string& type = DocTypeVocabulary()[best];
  // Two payslips in a row: the second opens with its own title, and so did the one before.
  if (type == running_type) return cues.form_title && previous.form_title && p[best] >= kCuedChange;
  const bool cued = cues.letter_start || cues.page_number == 1;
  // A plain page that reads as "letter" is a letter's follow-on page, not a new letter.
  if (type == "letter" && !cued) return false;
  if (cued) return p[best] >= kCuedChange;
  return p[best] >= kSureChange && p[IndexOf(running_type)] <= kUnlikelySame;
}

}  // namespace

std::vector<DocumentSpan> SplitDocuments(const std::vector<const PageReading*>& pages, const DocTypeModel& model) {
  std::vector<DocumentSpan> spans;
  if (pages.empty()) return spans;
  std::vector<std::vector<double>> logs;
  std::vector<PageCues> cues;
  for (const PageReading* page : pages) {
    logs.push_back(model.LogScores(page->text));
    cues.push_back(Cues(*page));
  }
  std::size_t first = 0;
  for (std::size_t i = 1; i < pages.size(); ++i) {
    const std::string running = ScoreSpan(logs, first, i - first).doc_type;
    if (!StartsDocument(Probabilities(logs[i]), cues[i], cues[i - 1], running)) continue;
    spans.push_back(ScoreSpan(logs, first, i - first));
    first = i;
  }
  spans.push_back(ScoreSpan(logs, first, pages.size() - first));
  return spans;
}

}  // namespace mailroom::classifier
