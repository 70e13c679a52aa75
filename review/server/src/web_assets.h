// The review desk's page, built into the binary from review/server/web/ by web/assets/embed_assets.cmake:
// a deployed mailroom downloads nothing and needs no files beside it.
#pragma once

namespace mailroom::review {

extern const char kDeskIndexHtml[];
extern const char kDeskJs[];
extern const char kDeskCss[];

}  // namespace mailroom::review
