// GroupEnvelopes: separator sheets split the box; an unreadable page stands alone, because it
// might have been a separator and joining two envelopes could put a page in the wrong case.
#include "mailroom/classifier/classifier.h"

namespace mailroom::classifier {

std::vector<Envelope> GroupEnvelopes(const std::vector<PageReading>& pages) {
  std::vector<Envelope> envelopes;
  Envelope current;
  const auto close = [&] {
    if (current.pages.empty()) return;  // two separators in a row, or a separator at either end
    current.index = static_cast<int>(envelopes.size()) + 1;
    envelopes.push_back(std::move(current));
    current = Envelope{};
  };
  for (const PageReading& page : pages) {
    switch (page.kind) {
      case PageKind::kSeparator:
        close();
        break;
      case PageKind::kBlank:
        break;
      case PageKind::kUnreadable:
        close();
        current.pages.push_back(&page);
        close();
        break;
      case PageKind::kContent:
        current.pages.push_back(&page);
        break;
    }
  }
  close();
  return envelopes;
}

}  // namespace mailroom::classifier
