// The event log of the long-running commands: one line per event on stderr, as human-readable
// text (the default) or as one JSON object per line for a log collector:
//
//   2026-11-26T01:02:03Z warning ocr.page_unreadable box=BOX-3 page=0004.tif: not a readable TIFF image
//   {"time":"2026-11-26T01:02:03Z","level":"warning","event":"ocr.page_unreadable","box_id":"BOX-3",
//    "page":"0004.tif","document_id":null,"message":"not a readable TIFF image"}
//
// Ids travel as fields, never inside the message. The mail is social data: above debug level a
// message carries ids and reasons only, never names, addresses or page text; such a detail, where
// it helps, is logged at debug level in an event of its own.
//
// Settings are process-wide: MAILROOM_LOG_FORMAT=text|json and MAILROOM_LOG_LEVEL=debug|info|
// warning|error, read once, or Configure(). Lines are written with one write() each, so lines
// from several threads never interleave.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "mailroom/common/result.h"
#include "mailroom/common/utc_time.h"

namespace mailroom::eventlog {

enum class Level { kDebug, kInfo, kWarning, kError };
enum class Format { kText, kJson };

/// What an event is about. Empty ids are left out of a text line and null in JSON.
struct Fields {
  std::string box_id;
  std::string page;  ///< the page's file name in its box, e.g. "0004.tif"
  std::string document_id;
  /// Further ids and numbers (attempt, queue, jobcenter_id...), as key and text value.
  std::vector<std::pair<std::string, std::string>> more;
};

struct Settings {
  Format format = Format::kText;   ///< default: text
  Level min_level = Level::kInfo;  ///< events below this level are dropped; default: info
  int fd = 2;                      ///< where lines go; default: stderr
};

/// "debug", "info", "warning", "error".
[[nodiscard]] std::string_view LevelName(Level level);

/// The level named `text`; fails for anything else, naming `source` (e.g. the variable).
[[nodiscard]] Result<Level> ParseLevel(std::string_view text, std::string_view source);

/// The format named `text` ("text", "json"); fails for anything else, naming `source`.
[[nodiscard]] Result<Format> ParseFormat(std::string_view text, std::string_view source);

/// The defaults changed by MAILROOM_LOG_FORMAT and MAILROOM_LOG_LEVEL; an unknown value fails
/// with a message that names the variable and the values it takes.
[[nodiscard]] Result<Settings> SettingsFromEnvironment();

/// Sets the process-wide settings (the environment is then not read).
void Configure(const Settings& settings);

/// The settings in force: Configure()'s, else the environment's, read once (an unknown value
/// there falls back to the default and is reported once as an event).
[[nodiscard]] Settings Current();

/// Whether an event of `level` would be written.
[[nodiscard]] bool Enabled(Level level);

/// One line for an event, without the trailing newline (exposed for tests).
[[nodiscard]] std::string FormatLine(Format format, UtcTime time, Level level, std::string_view event,
                                     const Fields& fields, std::string_view message);

/// "event box=B-1 page=0004.tif: message": an event without time and level, for callers that
/// hand lines to a callback of their own.
[[nodiscard]] std::string Describe(std::string_view event, const Fields& fields, std::string_view message);

/// Writes one event if its level is enabled. Thread-safe; never fails (a log that cannot be
/// written is not a reason to stop the mail).
void Log(Level level, std::string_view event, const Fields& fields, std::string_view message);

/// The last word of a command that failed, on stderr: "mailroom: <prefix><message>" as text (what
/// a person at a terminal expects), an event `event` as JSON. Written whatever the level.
void CommandError(std::string_view message,
                  std::string_view prefix = "error: ", std::string_view event = "command.failed");

}  // namespace mailroom::eventlog
