#include "login_page.h"

#include <algorithm>

#include "assets.h"
#include "mailroom/common/markup.h"

namespace mailroom::web {
namespace {

void ReplaceAll(std::string& text, std::string_view field, std::string_view value) {
  for (std::size_t at = text.find(field); at != std::string::npos; at = text.find(field, at + value.size())) {
    text.replace(at, field.size(), value);
  }
}

}  // namespace

std::string LoginPage(std::string_view title, std::string_view next, std::string_view csrf, std::string_view error) {
  std::string page = kLoginHtml;
  // Values first escaped, then put in: an escaped value holds no "{{", so no field is filled twice.
  ReplaceAll(page, "{{title}}", EscapeMarkup(title.empty() ? "mailroom" : title));
  ReplaceAll(page, "{{next}}", EscapeMarkup(next));
  ReplaceAll(page, "{{csrf}}", EscapeMarkup(csrf));
  ReplaceAll(page, "{{error_hidden}}", error.empty() ? "hidden" : "");
  ReplaceAll(page, "{{error}}", EscapeMarkup(error));
  return page;
}

std::string SafeNext(std::string_view next) {
  // Browsers read "//host" and "/\host" as another host, and drop tabs and newlines inside a URL
  // before reading it, so "/\t/host" is "//host": a path only, without any of these.
  const bool local =
      next.size() < 2048 && !next.empty() && next.front() == '/' &&
      (next.size() == 1 || (next[1] != '/' && next[1] != '\\')) &&
      std::none_of(next.begin(), next.end(), [](unsigned char c) { return c < 0x20 || c == 0x7f || c == '\\'; });
  if (!local) return "/";
  if (next == "/login" || next.starts_with("/login?") || next.starts_with("/logout")) return "/";
  return std::string(next);
}

}  // namespace mailroom::web
