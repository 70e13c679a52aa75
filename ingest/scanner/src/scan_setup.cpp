#include "scan_setup.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <vector>

#include "device_options.h"
#include "text_match.h"

namespace mailroom::scanner {
namespace {

struct SourceChoice {
  std::string source;             // empty: leave the device's source as it is
  bool duplex_by_option = false;  // set the bool option "duplex" (the source itself is simplex)
};

std::optional<std::string> FirstWhere(const std::vector<std::string>& items, auto predicate) {
  auto it = std::find_if(items.begin(), items.end(), predicate);
  if (it == items.end()) return std::nullopt;
  return *it;
}

bool IsDuplexSource(const std::string& s) {
  return ContainsNoCase(s, "duplex");
}

// The device's simplex feeder source, else any feeder source.
std::optional<std::string> FeederSource(const std::vector<std::string>& sources) {
  auto simplex = FirstWhere(sources, [](const std::string& s) { return IsFeederSource(s) && !IsDuplexSource(s); });
  return simplex ? simplex : FirstWhere(sources, IsFeederSource);
}

Result<std::string> NamedSource(const std::vector<std::string>& sources, const std::string& requested) {
  std::optional<std::string> found;
  if (Lowercase(requested) == "adf") {
    found = FeederSource(sources);
  } else if (Lowercase(requested) == "flatbed") {
    found = FirstWhere(sources, [](const std::string& s) { return ContainsNoCase(s, "flatbed"); });
  } else {
    found = FirstWhere(sources, [&](const std::string& s) { return Lowercase(s) == Lowercase(requested); });
  }
  if (!found) return Fail("no source '" + requested + "' (its sources: " + JoinQuoted(sources) + ")");
  return *found;
}

Result<SourceChoice> ChooseSource(const SaneDevice& device, const ScanSettings& settings) {
  std::vector<std::string> sources = AllowedStrings(device, "source");
  SourceChoice choice;
  if (!settings.source.empty()) {
    if (sources.empty()) return Fail("no choice of source; leave the source empty");
    auto named = NamedSource(sources, settings.source);
    if (!named) return tl::unexpected(named.error());
    choice.source = *named;
  } else if (auto feeder = FeederSource(sources)) {
    choice.source = *feeder;
  }
  if (!settings.duplex || IsDuplexSource(choice.source)) return choice;

  bool wants_feeder = settings.source.empty() || Lowercase(settings.source) == "adf";
  auto duplex_source = FirstWhere(sources, IsDuplexSource);
  if (wants_feeder && duplex_source) {
    choice.source = *duplex_source;
  } else if (device.HasActiveOption("duplex")) {
    if (!choice.source.empty() && !IsFeederSource(choice.source)) {
      return Fail("cannot scan duplex from source '" + choice.source + "'; duplex needs the document feeder");
    }
    choice.duplex_by_option = true;
  } else {
    return Fail("cannot scan duplex: it has no duplex source (its sources: " + JoinQuoted(sources) +
                ") and no 'duplex' option");
  }
  return choice;
}

bool IsLineartMode(const std::string& m) {
  std::string l = Lowercase(m);
  return l == "lineart" || l == "binary" || l == "black & white" || l == "black and white";
}
bool IsGrayMode(const std::string& m) {
  return ContainsNoCase(m, "gray") || ContainsNoCase(m, "grey");
}
bool IsColorMode(const std::string& m) {
  return ContainsNoCase(m, "color") || ContainsNoCase(m, "colour") || ContainsNoCase(m, "rgb");
}

bool AllowsDepth(const SaneDevice& device, double depth) {
  std::vector<double> depths = AllowedNumbers(device, "depth");
  return std::find(depths.begin(), depths.end(), depth) != depths.end();
}

Result<void> SetDepthIfPresent(const SaneDevice& device, double depth) {
  if (!device.HasActiveOption("depth")) return {};
  auto set = SetNumber(device, "depth", depth);
  if (!set) return tl::unexpected(set.error());
  return {};
}

// Lineart is a mode on most scanners; on others (the `test` backend among them) it is Gray with
// depth 1.
Result<void> ApplyMode(const SaneDevice& device, ColorMode mode) {
  std::vector<std::string> modes = AllowedStrings(device, "mode");
  if (modes.empty()) return {};  // a device without a mode choice scans what it scans
  std::optional<std::string> chosen;
  double depth = 8;
  if (mode == ColorMode::kLineart) {
    chosen = FirstWhere(modes, IsLineartMode);
    depth = 1;
    if (!chosen && AllowsDepth(device, 1)) chosen = FirstWhere(modes, IsGrayMode);
    if (!chosen) {
      return Fail("cannot scan lineart: no lineart mode (its modes: " + JoinQuoted(modes) + ") and no depth 1");
    }
  } else {
    chosen = FirstWhere(modes, mode == ColorMode::kGray ? IsGrayMode : IsColorMode);
    if (!chosen) {
      return Fail(std::string("cannot scan in ") + (mode == ColorMode::kGray ? "gray" : "color") +
                  " (its modes: " + JoinQuoted(modes) + ")");
    }
  }
  auto set = SetString(device, "mode", *chosen);
  if (!set) return set;
  if (IsLineartMode(*chosen)) return {};
  return SetDepthIfPresent(device, depth);
}

Result<int> ApplyResolution(const SaneDevice& device, int dpi) {
  if (dpi <= 0) return Fail("resolution " + std::to_string(dpi) + " dpi is not positive");
  if (!device.FindOption("resolution")) return dpi;  // nothing to set; trust the request
  auto actual = SetNumber(device, "resolution", dpi, /*snap_to_list=*/true);
  if (!actual) return tl::unexpected(actual.error());
  return static_cast<int>(std::lround(*actual));
}

Result<AppliedSettings> ApplyAll(const SaneDevice& device, const ScanSettings& settings) {
  auto source = ChooseSource(device, settings);
  if (!source) return tl::unexpected(source.error());
  AppliedSettings applied;
  if (!source->source.empty()) {
    auto set = SetString(device, "source", source->source);
    if (!set) return tl::unexpected(set.error());
    applied.source = source->source;
  } else if (auto current = GetString(device, "source")) {
    applied.source = *current;
  }
  if (source->duplex_by_option) {
    auto set = SetBool(device, "duplex", true);
    if (!set) return tl::unexpected(set.error());
  }
  // Without a source option we cannot tell a sheet-fed device from a flatbed; one sheet per batch
  // is the safe choice (a flatbed never reports "no documents").
  applied.feeder = IsFeederSource(applied.source);
  applied.frames_per_sheet = settings.duplex ? 2 : 1;
  auto mode = ApplyMode(device, settings.mode);
  if (!mode) return tl::unexpected(mode.error());
  auto dpi = ApplyResolution(device, settings.resolution_dpi);
  if (!dpi) return tl::unexpected(dpi.error());
  applied.resolution_dpi = *dpi;
  for (const std::string& option : settings.options) {
    auto set = SetFromText(device, option);
    if (!set) return tl::unexpected(set.error());
  }
  // An operator option may have changed the resolution ("resolution=600"); the TIFFs must say so.
  if (auto resolution = device.FindOption("resolution")) {
    SANE_Word word = 0;
    if (resolution->descriptor->size == static_cast<SANE_Int>(sizeof(SANE_Word)) &&
        sane_control_option(device.handle(), resolution->index, SANE_ACTION_GET_VALUE, &word, nullptr) ==
            SANE_STATUS_GOOD) {
      double value = resolution->descriptor->type == SANE_TYPE_FIXED ? SANE_UNFIX(word) : word;
      if (value > 0) applied.resolution_dpi = static_cast<int>(std::lround(value));
    }
  }
  return applied;
}

}  // namespace

bool IsFeederSource(const std::string& source) {
  return ContainsNoCase(source, "adf") || ContainsNoCase(source, "automatic document feeder") ||
         ContainsNoCase(source, "feeder") || IsDuplexSource(source);
}

Result<AppliedSettings> ApplySettings(const SaneDevice& device, const ScanSettings& settings) {
  auto applied = ApplyAll(device, settings);
  if (!applied) return tl::unexpected(applied.error().Prefixed("scanner '" + device.name() + "'"));
  return applied;
}

}  // namespace mailroom::scanner
