// The dashboard's page, script and style sheet, built into the binary from dashboard/web/ by
// web/assets/embed_assets.cmake, so that a deployed mailroom needs no files beside it.
#pragma once

namespace mailroom::dashboard {

extern const char kIndexHtml[];
extern const char kDashboardJs[];
extern const char kDashboardCss[];

}  // namespace mailroom::dashboard
