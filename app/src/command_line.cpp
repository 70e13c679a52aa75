#include "mailroom/app/command_line.h"

#include <cstdio>

#include "mailroom/common/event_log.h"

namespace mailroom::app {

int ExitCodeOf(FailureKind kind) {
  return kind == FailureKind::kBadInput ? kExitBadInput : kExitRunFailed;
}

int Report(const tl::expected<std::string, ProcessError>& done) {
  if (!done) {
    eventlog::CommandError(done.error().message);
    return ExitCodeOf(done.error().kind);
  }
  std::fputs(done->c_str(), stdout);
  return 0;
}

int WithMetrics(const MetricsSetting& setting, const std::string& role, const std::function<int()>& run) {
  auto endpoint = ServeMetrics(setting, role);
  if (!endpoint) {
    eventlog::CommandError(endpoint.error().message);
    return kExitBadInput;
  }
  const int code = run();
  if (auto written = WriteMetricsFile(setting); !written) {
    eventlog::CommandError(written.error().message);
    return code == 0 ? kExitRunFailed : code;
  }
  return code;
}

void AddPageLimitOptions(CLI::App* command, ingest::PageLimits& limits, const std::string& mode) {
  command
      ->add_option("--max-page-pixels", limits.max_page_pixels,
                   mode +
                       "a page image (or PDF page, or image in it) that claims more pixels goes to review "
                       "unread (default: A3 at 600 dpi)")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  command
      ->add_option("--max-frames", limits.max_frames,
                   mode + "a TIFF of more frames or a PDF of more pages goes to review unread")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
}

void AddClassifierOptions(CLI::App* command, classifier::ClassifierOptions& options, const std::string& mode) {
  command
      ->add_option("--threshold", options.route_threshold,
                   mode + "route a document only at or above this confidence, else review")
      ->capture_default_str()
      ->check([](const std::string& value) -> std::string {
        classifier::ClassifierOptions probe;
        try {
          probe.route_threshold = std::stod(value);
        } catch (const std::exception&) {
          return "not a number: " + value;
        }
        auto valid = probe.Validate();
        return valid ? "" : valid.error().message;
      });
  command
      ->add_option_function<std::vector<std::string>>(
          "--team",
          [&options](const std::vector<std::string>& settings) {
            for (const std::string& setting : settings) (void)classifier::AddTeamSetting(options, setting);
          },
          mode + "TYPE=TEAM: the Postkorb team for a document type (repeatable)")
      ->check([](const std::string& setting) -> std::string {
        classifier::ClassifierOptions probe;
        auto added = classifier::AddTeamSetting(probe, setting);
        return added ? "" : added.error().message;
      });
  command->add_option("--doctype-model", options.doc_type_model_file,
                      mode + "document-type model file instead of the built-in one (tools/train-doctype.sh)");
}

}  // namespace mailroom::app
