#include "device_options.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>

#include "sane_status.h"
#include "text_match.h"

namespace mailroom::scanner {
namespace {

std::string Quoted(const std::string& name) {
  return "option '" + name + "'";
}

std::string FormatNumber(double value) {
  std::string text = std::to_string(value);
  text.erase(text.find_last_not_of('0') + 1);
  if (!text.empty() && text.back() == '.') text.pop_back();
  return text;
}

double ToDouble(const SANE_Option_Descriptor& d, SANE_Word word) {
  return d.type == SANE_TYPE_FIXED ? SANE_UNFIX(word) : static_cast<double>(word);
}

// The option, checked to be active and settable, so that the backend's bare "Invalid argument"
// does not reach the operator for the common cases.
Result<OptionRef> SettableOption(const SaneDevice& device, const std::string& name) {
  auto option = device.FindOption(name);
  if (!option) return tl::unexpected(option.error());
  const SANE_Option_Descriptor& d = *option->descriptor;
  if (!SANE_OPTION_IS_ACTIVE(d.cap)) return Fail(Quoted(name) + " is not active with the current settings");
  if (!SANE_OPTION_IS_SETTABLE(d.cap)) return Fail(Quoted(name) + " is read-only");
  return option;
}

// sane_control_option(SET_VALUE); returns the info bits.
Result<SANE_Int> Apply(const SaneDevice& device, const OptionRef& option, const std::string& name, void* value) {
  SANE_Int info = 0;
  SANE_Status status = sane_control_option(device.handle(), option.index, SANE_ACTION_SET_VALUE, value, &info);
  if (status != SANE_STATUS_GOOD) {
    return Fail(Quoted(name) + ": the device rejected the value (" + SaneStatusText(status) + ")");
  }
  return info;
}

Result<bool> ParseBool(const std::string& name, const std::string& text) {
  std::string t = Lowercase(text);
  if (t == "yes" || t == "true" || t == "on" || t == "1") return true;
  if (t == "no" || t == "false" || t == "off" || t == "0") return false;
  return Fail(Quoted(name) + ": '" + text + "' is not a yes/no value (use yes, no, true, false, 1 or 0)");
}

Result<double> ParseNumber(const std::string& name, const std::string& text, bool integer) {
  double value = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (text.empty() || ec != std::errc() || ptr != end || !std::isfinite(value)) {
    return Fail(Quoted(name) + ": '" + text + "' is not a number");
  }
  if (integer && value != std::floor(value)) return Fail(Quoted(name) + ": '" + text + "' is not a whole number");
  return value;
}

Result<double> CheckRange(const SANE_Option_Descriptor& d, const std::string& name, double value, bool snap) {
  if (d.constraint_type == SANE_CONSTRAINT_RANGE) {
    double min = ToDouble(d, d.constraint.range->min);
    double max = ToDouble(d, d.constraint.range->max);
    if (value < min || value > max) {
      return Fail(Quoted(name) + ": " + FormatNumber(value) + " is out of range " + FormatNumber(min) + ".." +
                  FormatNumber(max));
    }
  } else if (d.constraint_type == SANE_CONSTRAINT_WORD_LIST) {
    // The first word is the list's length.
    const SANE_Word* list = d.constraint.word_list;
    double nearest = value;
    double best = std::numeric_limits<double>::infinity();
    std::string allowed;
    for (SANE_Word i = 1; i <= list[0]; ++i) {
      double candidate = ToDouble(d, list[i]);
      if (std::abs(candidate - value) < best) {
        best = std::abs(candidate - value);
        nearest = candidate;
      }
      allowed += (i > 1 ? ", " : "") + FormatNumber(candidate);
    }
    if (best > 1e-6 && !snap) {
      return Fail(Quoted(name) + ": " + FormatNumber(value) + " is not one of " + allowed);
    }
    return nearest;
  }
  return value;
}

}  // namespace

std::vector<std::string> AllowedStrings(const SaneDevice& device, const std::string& name) {
  std::vector<std::string> result;
  auto option = device.FindOption(name);
  if (!option || !SANE_OPTION_IS_ACTIVE(option->descriptor->cap)) return result;
  const SANE_Option_Descriptor& d = *option->descriptor;
  if (d.type != SANE_TYPE_STRING || d.constraint_type != SANE_CONSTRAINT_STRING_LIST) return result;
  for (const SANE_String_Const* s = d.constraint.string_list; *s != nullptr; ++s) result.emplace_back(*s);
  return result;
}

std::vector<double> AllowedNumbers(const SaneDevice& device, const std::string& name) {
  std::vector<double> result;
  auto option = device.FindOption(name);
  if (!option || !SANE_OPTION_IS_ACTIVE(option->descriptor->cap)) return result;
  const SANE_Option_Descriptor& d = *option->descriptor;
  if (d.constraint_type != SANE_CONSTRAINT_WORD_LIST) return result;
  for (SANE_Word i = 1; i <= d.constraint.word_list[0]; ++i) result.push_back(ToDouble(d, d.constraint.word_list[i]));
  return result;
}

Result<std::string> GetString(const SaneDevice& device, const std::string& name) {
  auto option = device.FindOption(name);
  if (!option) return tl::unexpected(option.error());
  if (option->descriptor->type != SANE_TYPE_STRING) return Fail(Quoted(name) + " is not a text option");
  std::string buffer(static_cast<size_t>(option->descriptor->size) + 1, '\0');
  SANE_Status status =
      sane_control_option(device.handle(), option->index, SANE_ACTION_GET_VALUE, buffer.data(), nullptr);
  if (status != SANE_STATUS_GOOD) return Fail(Quoted(name) + ": cannot read: " + SaneStatusText(status));
  return std::string(buffer.c_str());
}

Result<void> SetString(const SaneDevice& device, const std::string& name, const std::string& value) {
  auto option = SettableOption(device, name);
  if (!option) return tl::unexpected(option.error());
  const SANE_Option_Descriptor& d = *option->descriptor;
  if (d.type != SANE_TYPE_STRING) return Fail(Quoted(name) + " does not take text");
  std::string canonical = value;
  if (d.constraint_type == SANE_CONSTRAINT_STRING_LIST) {
    std::vector<std::string> allowed = AllowedStrings(device, name);
    auto match = std::find_if(allowed.begin(), allowed.end(),
                              [&](const std::string& s) { return Lowercase(s) == Lowercase(value); });
    if (match == allowed.end()) {
      return Fail(Quoted(name) + ": '" + value + "' is not one of " + JoinQuoted(allowed));
    }
    canonical = *match;
  }
  // The backend copies up to d.size bytes, terminator included.
  if (canonical.size() + 1 > static_cast<size_t>(d.size)) {
    return Fail(Quoted(name) + ": '" + value + "' is longer than " + std::to_string(d.size - 1) + " characters");
  }
  std::string buffer(static_cast<size_t>(d.size), '\0');
  std::memcpy(buffer.data(), canonical.c_str(), canonical.size());
  auto info = Apply(device, *option, name, buffer.data());
  if (!info) return tl::unexpected(info.error());
  return {};
}

Result<void> SetBool(const SaneDevice& device, const std::string& name, bool value) {
  auto option = SettableOption(device, name);
  if (!option) return tl::unexpected(option.error());
  if (option->descriptor->type != SANE_TYPE_BOOL) return Fail(Quoted(name) + " is not a yes/no option");
  SANE_Word word = value ? SANE_TRUE : SANE_FALSE;
  auto info = Apply(device, *option, name, &word);
  if (!info) return tl::unexpected(info.error());
  return {};
}

Result<double> SetNumber(const SaneDevice& device, const std::string& name, double value, bool snap_to_list) {
  auto option = SettableOption(device, name);
  if (!option) return tl::unexpected(option.error());
  const SANE_Option_Descriptor& d = *option->descriptor;
  if (d.type != SANE_TYPE_INT && d.type != SANE_TYPE_FIXED) return Fail(Quoted(name) + " is not a number option");
  if (d.size != static_cast<SANE_Int>(sizeof(SANE_Word))) {
    return Fail(Quoted(name) + " is a list of values; only single values can be set");
  }
  auto checked = CheckRange(d, name, value, snap_to_list);
  if (!checked) return tl::unexpected(checked.error());
  SANE_Word word = d.type == SANE_TYPE_FIXED ? SANE_FIX(*checked) : static_cast<SANE_Word>(std::lround(*checked));
  const SANE_Value_Type type = d.type;  // d may be reloaded by the set below
  auto info = Apply(device, *option, name, &word);
  if (!info) return tl::unexpected(info.error());
  if ((*info & SANE_INFO_INEXACT) != 0) {
    // The backend rounded the value (e.g. to the resolutions it supports) and wrote it back into
    // `word`; read it again anyway, as some backends do not write back.
    SANE_Status status = sane_control_option(device.handle(), option->index, SANE_ACTION_GET_VALUE, &word, nullptr);
    if (status != SANE_STATUS_GOOD) return Fail(Quoted(name) + ": cannot read back: " + SaneStatusText(status));
  }
  return type == SANE_TYPE_FIXED ? SANE_UNFIX(word) : static_cast<double>(word);
}

Result<void> SetFromText(const SaneDevice& device, const std::string& name_equals_value) {
  size_t equals = name_equals_value.find('=');
  std::string name = name_equals_value.substr(0, equals);
  if (name.rfind("--", 0) == 0) name.erase(0, 2);
  if (name.empty()) return Fail("option '" + name_equals_value + "': expected NAME=VALUE");
  auto option = device.FindOption(name);
  if (!option) return tl::unexpected(option.error());
  if (option->descriptor->type == SANE_TYPE_BUTTON) {
    auto settable = SettableOption(device, name);
    if (!settable) return tl::unexpected(settable.error());
    auto info = Apply(device, *settable, name, nullptr);
    if (!info) return tl::unexpected(info.error());
    return {};
  }
  if (equals == std::string::npos) return Fail(Quoted(name) + ": expected NAME=VALUE");
  std::string value = name_equals_value.substr(equals + 1);
  switch (option->descriptor->type) {
    case SANE_TYPE_STRING:
      return SetString(device, name, value);
    case SANE_TYPE_BOOL: {
      auto flag = ParseBool(name, value);
      if (!flag) return tl::unexpected(flag.error());
      return SetBool(device, name, *flag);
    }
    case SANE_TYPE_INT:
    case SANE_TYPE_FIXED: {
      auto number = ParseNumber(name, value, option->descriptor->type == SANE_TYPE_INT);
      if (!number) return tl::unexpected(number.error());
      auto set = SetNumber(device, name, *number);
      if (!set) return tl::unexpected(set.error());
      return {};
    }
    default:
      return Fail(Quoted(name) + " is a group heading, not a setting");
  }
}

}  // namespace mailroom::scanner
