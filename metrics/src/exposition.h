// The pieces of the Prometheus text format 0.0.4: escaping, label sets, numbers.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mailroom::metrics {

/// HELP text: backslash and newline escaped.
[[nodiscard]] std::string EscapeHelp(std::string_view text);

/// A label value: backslash, double quote and newline escaped.
[[nodiscard]] std::string EscapeLabelValue(std::string_view text);

/// "stage,direction" -> {"stage", "direction"}
[[nodiscard]] std::vector<std::string> SplitLabelNames(std::string_view labels);

/// `{stage="ocr",le="0.5"}`, or "" without labels; `extra` (a name and a value) comes last.
[[nodiscard]] std::string LabelText(const std::vector<std::string>& names, const std::vector<std::string>& values,
                                    const std::pair<std::string, std::string>& extra = {});

/// The shortest text that reads back as the same double ("3", "0.25", "1e+21", "+Inf", "NaN").
[[nodiscard]] std::string FormatValue(double value);

}  // namespace mailroom::metrics
