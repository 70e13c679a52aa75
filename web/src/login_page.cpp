#include "login_page.h"

#include <algorithm>

#include "assets.h"

namespace mailroom::web {
namespace {

void ReplaceAll(std::string& text, std::string_view field, std::string_view value) {
  for (std::size_t at = text.find(field); at != std::string::npos; at = text.find(field, at + value.size())) {
    text.replace(at, field.size(), value);
  }
}

}  // namespace

std::string HtmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string LoginPage(std::string_view title, std::string_view next, std::string_view csrf, std::string_view error) {
  std::string page = kLoginHtml;
  // Values first escaped, then put in: an escaped value holds no "{{", so no field is filled twice.
  ReplaceAll(page, "{{title}}", HtmlEscape(title.empty() ? "mailroom" : title));
  ReplaceAll(page, "{{next}}", HtmlEscape(next));
  ReplaceAll(page, "{{csrf}}", HtmlEscape(csrf));
  ReplaceAll(page, "{{error_hidden}}", error.empty() ? "hidden" : "");
  ReplaceAll(page, "{{error}}", HtmlEscape(error));
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
