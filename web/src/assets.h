// The login page and its style sheet, built into the binary from web/assets/ by
// embed_assets.cmake.
#pragma once

namespace mailroom::web {

extern const char kLoginHtml[];
extern const char kLoginCss[];

}  // namespace mailroom::web
