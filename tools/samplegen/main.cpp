// mailroom-samplegen: a synthetic box of jobcenter mail, its registry and its ground truth, for
// the demo, the tests and the benchmarks. A tool of its own: the product binary does not ship it.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <map>
#include <string>

#include "mailroom/image/pix.h"
#include "mailroom/samplegen/samplegen.h"

int main(int argc, char** argv) {
  mailroom::SilenceLeptonica();
  mailroom::samplegen::SampleOptions sample;
  bool scan_defects = false;
  bool hard_scans = false;
  CLI::App app{"mailroom-samplegen: generate a synthetic box, registry and ground truth", "mailroom-samplegen"};
  app.add_option("--out", sample.out_dir, "output folder (gets box/, registry/, truth.json)")->required();
  app.add_option("--seed", sample.seed, "random seed (same seed, same box)")->capture_default_str();
  app.add_flag("--scan-defects", scan_defects,
               "scan like a real scanner: turned and skewed pages, tinted paper, uneven light, "
               "bleed-through, punched holes, lid shadows, handwritten notes on backs");
  app.add_flag("--hard-scans", hard_scans,
               "the scan defects and worse: skew up to 8 degrees, coffee stains, faint dot-matrix print, "
               "grey backgrounds, notes by hand beside the case number");
  auto* max_skew = app.add_option("--max-skew", sample.max_skew_degrees,
                                  "largest skew of a content page in degrees, either way (after the presets)")
                       ->check(CLI::Range(0.0, 10.0));
  app.add_option("--dpi", sample.dpi, "scan resolution of the page images")
      ->capture_default_str()
      ->check(CLI::Range(100, 600));
  app.add_option("--envelopes", sample.envelopes, "number of envelopes")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  app.add_flag("--classify-mix", sample.classification_mix,
               "the classifier benchmark's mix: every kind of case evidence, decoys and review reason, "
               "several documents per envelope; truth.json says which each envelope is");
  const std::map<std::string, mailroom::samplegen::SeparatorSheets> separators = {
      {"barcode", mailroom::samplegen::SeparatorSheets::kBarcode},
      {"patch-t", mailroom::samplegen::SeparatorSheets::kPatchT},
      {"patch-2", mailroom::samplegen::SeparatorSheets::kPatch2},
      {"mixed", mailroom::samplegen::SeparatorSheets::kMixed}};
  app.add_option("--separator", sample.separator,
                 "separator sheets: barcode (MAILROOM-SEP), patch-t, patch-2 (Kodak patch codes) or mixed")
      ->transform(CLI::CheckedTransformer(separators, CLI::ignore_case))
      ->option_text("barcode|patch-t|patch-2|mixed (barcode)");
  app.add_flag("--truth-only", sample.truth_only,
               "write truth.json, box.json and the registry but render no page images (fast)");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  const double asked_skew = sample.max_skew_degrees;
  if (scan_defects) sample = mailroom::samplegen::ScanDefects(sample);
  if (hard_scans) sample = mailroom::samplegen::HardScans(sample);
  if (max_skew->count() > 0) sample.max_skew_degrees = asked_skew;
  auto summary = mailroom::samplegen::GenerateSampleBox(sample);
  if (!summary) {
    std::fprintf(stderr, "mailroom-samplegen: error: %s\n", summary.error().message.c_str());
    return 1;
  }
  std::printf("sample box: %d pages in %d envelopes\n  box:      %s\n  registry: %s\n  truth:    %s\n", summary->pages,
              summary->envelopes, summary->box_dir.c_str(), summary->registry_dir.c_str(), summary->truth_file.c_str());
  return 0;
}
