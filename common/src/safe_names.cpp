#include "mailroom/common/safe_names.h"

#include <algorithm>
#include <cstdio>

namespace mailroom {
namespace {

bool IdCharacter(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
}

}  // namespace

std::string Printable(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size() && i < 64; ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c < 0x7f && c != '\\') {
      out += static_cast<char>(c);
    } else {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\x%02x", c);
      out += escaped;
    }
  }
  if (text.size() > 64) out += "...";
  return out;
}

std::string IdProblem(std::string_view what, std::string_view id) {
  const std::string named = std::string(what) + " '" + Printable(id) + "' ";
  if (id.empty()) return std::string(what) + " is empty";
  if (id.size() > kMaxIdLength) {
    return named + "is " + std::to_string(id.size()) + " characters long, more than " + std::to_string(kMaxIdLength);
  }
  if (id.front() == '.') return named + "starts with '.' (it would name a hidden file or a folder above)";
  if (!std::all_of(id.begin(), id.end(), [](char c) { return IdCharacter(static_cast<unsigned char>(c)); })) {
    return named + "has characters an id cannot have (only letters, digits, '-', '_' and '.'; no '/', no spaces)";
  }
  return "";
}

Result<void> CheckId(std::string_view what, std::string_view id) {
  if (auto problem = IdProblem(what, id); !problem.empty()) return Fail(problem);
  return {};
}

std::string PageNameProblem(std::string_view name) {
  const std::string named = "page file name '" + Printable(name) + "' ";
  if (name.empty()) return "a page file name is empty";
  if (name.size() > kMaxPageNameLength)
    return named + "is longer than " + std::to_string(kMaxPageNameLength) + " bytes";
  if (name.find('/') != std::string_view::npos) return named + "has a '/' (a page is a file in the box folder)";
  if (name.find('\0') != std::string_view::npos) return named + "has a NUL byte";
  if (name.front() == '.') return named + "starts with '.' (it would name a hidden file or a folder above)";
  return "";
}

}  // namespace mailroom
