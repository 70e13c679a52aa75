#include "fault_text.h"

#include "page_files.h"

namespace mailroom::scanner {
namespace {

std::string Kept(int pages_in_box) {
  return pages_in_box > 0 ? "pages up to " + PageFileName(pages_in_box) + " are kept"
                          : "no pages of this box are kept yet";
}

std::string FeedAgain(int sheet) {
  return "put sheet " + std::to_string(sheet) + " and the sheets after it back in, then resume.";
}

std::string PageRange(int pages_captured, int pages_in_box) {
  if (pages_captured == 1) return "page " + PageFileName(pages_in_box);
  return "pages " + PageFileName(pages_in_box - pages_captured + 1) + " to " + PageFileName(pages_in_box);
}

}  // namespace

std::string FaultMessage(FaultKind kind, const std::string& status_text, int sheet, int pages_in_box) {
  const std::string at = " at sheet " + std::to_string(sheet);
  const std::string kept = Kept(pages_in_box);
  switch (kind) {
    case FaultKind::kJammed:
      return "Paper jam" + at + ": " + kept + ". Clear the feeder, " + FeedAgain(sheet);
    case FaultKind::kCoverOpen:
      return "Scanner cover open" + at + ": " + kept + ". Close the cover, " + FeedAgain(sheet);
    case FaultKind::kDeviceBusy:
      return "Scanner busy" + at + ": the scanner is in use by another program; " + kept +
             ". Wait until the other program is done, " + FeedAgain(sheet);
    case FaultKind::kIoError:
      return "Scanner connection error" + at + ": " + kept + ". Check the scanner's cable and power, " +
             FeedAgain(sheet);
    case FaultKind::kNoMemory:
      return "The scanner ran out of memory" + at + ": " + kept + ". Restart the scanner or lower the resolution, " +
             FeedAgain(sheet);
    case FaultKind::kAccessDenied:
      return "Access to the scanner was denied" + at + ": " + kept + ". Check that this account may use the scanner, " +
             FeedAgain(sheet);
    case FaultKind::kCancelled:
      return "Scan cancelled" + at + ": " + kept + ". To go on, " + FeedAgain(sheet);
    case FaultKind::kOther:
      break;
  }
  return "The scanner stopped" + at + " (" + status_text + "): " + kept + ". Check the scanner, " + FeedAgain(sheet);
}

std::string IncompleteSheetMessage(int sheet, int pages_in_box) {
  return "The feeder reported empty in the middle of sheet " + std::to_string(sheet) +
         " (its back side was not scanned): " + Kept(pages_in_box) + ". Check the feeder, " + FeedAgain(sheet);
}

std::string FeederEmptyMessage(int sheets_captured, int pages_captured, int pages_in_box) {
  if (sheets_captured == 0) return "The feeder is empty: no sheets were scanned. Put the sheets in and scan again.";
  return "Feeder empty: " + std::to_string(sheets_captured) + (sheets_captured == 1 ? " sheet" : " sheets") +
         " scanned, " + PageRange(pages_captured, pages_in_box) + ".";
}

std::string FlatbedDoneMessage(int pages_captured, int pages_in_box) {
  return "1 sheet scanned from the flatbed, " + PageRange(pages_captured, pages_in_box) + ".";
}

}  // namespace mailroom::scanner
