#include "mailroom/common/event_log.h"

#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <optional>

#include <nlohmann/json.hpp>

#include "mailroom/common/fd_io.h"

namespace mailroom::eventlog {
namespace {

constexpr std::array<std::string_view, 4> kLevelNames = {"debug", "info", "warning", "error"};
constexpr const char* kFormatVariable = "MAILROOM_LOG_FORMAT";
constexpr const char* kLevelVariable = "MAILROOM_LOG_LEVEL";

// The settings in force and the lock that orders writes (one write() a line is atomic for a pipe
// up to PIPE_BUF only; the lock keeps longer lines whole too).
struct State {
  std::mutex mutex;
  std::optional<Settings> settings;
  std::string bad_environment;  // reported once, by the first Current()
};

State& TheState() {
  static State state;
  return state;
}

// A value in a text line: bare when it is a plain token, else quoted like a JSON string.
std::string TextValue(std::string_view value) {
  bool plain = !value.empty();
  for (unsigned char c : value) {
    if (c <= ' ' || c == '"' || c == '=' || c == '\\' || c == 0x7f) plain = false;
  }
  if (plain) return std::string(value);
  return nlohmann::json(std::string(value)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// A message in a text line: control characters escaped, so that an event stays one line.
std::string TextMessage(std::string_view message) {
  std::string out;
  out.reserve(message.size());
  for (unsigned char c : message) {
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c < ' ' || c == 0x7f) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "\\x%02x", c);
      out += hex;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

std::string FieldsText(const Fields& fields) {
  std::string out;
  const auto add = [&out](std::string_view key, std::string_view value) {
    if (value.empty()) return;
    out += ' ';
    out += key;
    out += '=';
    out += TextValue(value);
  };
  add("box", fields.box_id);
  add("page", fields.page);
  add("document", fields.document_id);
  for (const auto& [key, value] : fields.more) add(key, value);
  return out;
}

nlohmann::json IdOrNull(const std::string& id) {
  return id.empty() ? nlohmann::json(nullptr) : nlohmann::json(id);
}

}  // namespace

std::string_view LevelName(Level level) {
  return kLevelNames[static_cast<std::size_t>(level)];
}

Result<Level> ParseLevel(std::string_view text, std::string_view source) {
  for (std::size_t i = 0; i < kLevelNames.size(); ++i) {
    if (text == kLevelNames[i]) return static_cast<Level>(i);
  }
  return Fail(std::string(source) + ": unknown log level '" + std::string(text) +
              "' (expected debug, info, warning or error)");
}

Result<Format> ParseFormat(std::string_view text, std::string_view source) {
  if (text == "text") return Format::kText;
  if (text == "json") return Format::kJson;
  return Fail(std::string(source) + ": unknown log format '" + std::string(text) + "' (expected text or json)");
}

Result<Settings> SettingsFromEnvironment() {
  Settings settings;
  if (const char* format = std::getenv(kFormatVariable); format != nullptr && *format != '\0') {
    auto parsed = ParseFormat(format, kFormatVariable);
    if (!parsed) return tl::unexpected(parsed.error());
    settings.format = *parsed;
  }
  if (const char* level = std::getenv(kLevelVariable); level != nullptr && *level != '\0') {
    auto parsed = ParseLevel(level, kLevelVariable);
    if (!parsed) return tl::unexpected(parsed.error());
    settings.min_level = *parsed;
  }
  return settings;
}

void Configure(const Settings& settings) {
  State& state = TheState();
  std::lock_guard lock(state.mutex);
  state.settings = settings;
}

Settings Current() {
  State& state = TheState();
  std::string bad;
  Settings settings;
  {
    std::lock_guard lock(state.mutex);
    if (!state.settings) {
      auto from_env = SettingsFromEnvironment();
      state.settings = from_env ? *from_env : Settings{};
      if (!from_env) bad = from_env.error().message;
    }
    settings = *state.settings;
  }
  if (!bad.empty()) Log(Level::kWarning, "log.bad_setting", {}, bad + "; using the defaults");
  return settings;
}

bool Enabled(Level level) {
  return level >= Current().min_level;
}

std::string FormatLine(Format format, UtcTime time, Level level, std::string_view event, const Fields& fields,
                       std::string_view message) {
  if (format == Format::kJson) {
    nlohmann::ordered_json line;
    line["time"] = FormatUtcTime(time);
    line["level"] = LevelName(level);
    line["event"] = event;
    line["box_id"] = IdOrNull(fields.box_id);
    line["page"] = IdOrNull(fields.page);
    line["document_id"] = IdOrNull(fields.document_id);
    for (const auto& [key, value] : fields.more) {
      if (!line.contains(key)) line[key] = value;
    }
    line["message"] = message;
    return line.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  }
  std::string line = FormatUtcTime(time);
  line += ' ';
  line += LevelName(level);
  line += ' ';
  line += Describe(event, fields, message);
  return line;
}

std::string Describe(std::string_view event, const Fields& fields, std::string_view message) {
  std::string out = TextMessage(event) + FieldsText(fields);
  if (!message.empty()) out += ": " + TextMessage(message);
  return out;
}

void Log(Level level, std::string_view event, const Fields& fields, std::string_view message) {
  const Settings settings = Current();
  if (level < settings.min_level) return;
  const std::string line = FormatLine(settings.format, UtcNow(), level, event, fields, message) + "\n";
  std::lock_guard lock(TheState().mutex);
  (void)WriteAll(settings.fd, line);
}

void CommandError(std::string_view message, std::string_view prefix, std::string_view event) {
  const Settings settings = Current();
  std::string line = settings.format == Format::kJson
                         ? FormatLine(Format::kJson, UtcNow(), Level::kError, event, {}, message)
                         : "mailroom: " + std::string(prefix) + std::string(message);  // as it always was
  line += '\n';
  std::lock_guard lock(TheState().mutex);
  (void)WriteAll(settings.fd, line);
}

}  // namespace mailroom::eventlog
