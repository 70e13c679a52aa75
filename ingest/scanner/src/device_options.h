// Setting one SANE option by name with a value of the right type (string, int, fixed, bool),
// checked against the option's constraint first so that errors say what is allowed.
// Every error names the option; callers prefix the device.
#pragma once

#include <string>
#include <vector>

#include "sane_device.h"

namespace mailroom::scanner {

/// The strings a string-list option allows (e.g. the sources "Flatbed", "Automatic Document
/// Feeder"); empty if the device has no such active option or it has no list.
[[nodiscard]] std::vector<std::string> AllowedStrings(const SaneDevice& device, const std::string& name);

/// The numbers a word-list option allows (e.g. depth 1, 8, 16), as doubles; empty if none.
[[nodiscard]] std::vector<double> AllowedNumbers(const SaneDevice& device, const std::string& name);

/// The current value of a string option.
[[nodiscard]] Result<std::string> GetString(const SaneDevice& device, const std::string& name);

/// Sets a string option. A string-list value matches case-insensitively.
[[nodiscard]] Result<void> SetString(const SaneDevice& device, const std::string& name, const std::string& value);

/// Sets a bool option.
[[nodiscard]] Result<void> SetBool(const SaneDevice& device, const std::string& name, bool value);

/// Sets an int or fixed option and returns the value the device really took (read back when the
/// backend reports SANE_INFO_INEXACT). With `snap_to_list`, a value not in a word list is replaced
/// by the nearest listed one instead of failing.
[[nodiscard]] Result<double> SetNumber(const SaneDevice& device, const std::string& name, double value,
                                       bool snap_to_list = false);

/// Sets "NAME=VALUE" (a leading "--" on NAME is ignored, as in scanimage), parsing VALUE by the
/// option's type. Bools take yes/no/true/false/on/off/1/0; a button takes any value.
[[nodiscard]] Result<void> SetFromText(const SaneDevice& device, const std::string& name_equals_value);

}  // namespace mailroom::scanner
