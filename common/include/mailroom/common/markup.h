// Text put into HTML or XML (the login page, the PDFs' XMP metadata): the five characters that
// markup gives a meaning, escaped, so that a value can never become markup.
#pragma once

#include <string>
#include <string_view>

namespace mailroom {

/// `&`, `<`, `>`, `"` and `'` as entities; everything else as it is.
[[nodiscard]] std::string EscapeMarkup(std::string_view text);

}  // namespace mailroom
