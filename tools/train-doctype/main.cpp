// train-doctype: trains the document-type model and prints how well it does on pages it never saw.
//   train-doctype --truth a/truth.json --truth b/truth.json --examples classifier/training/examples
//                 --test-truth c/truth.json --out classifier/model/doctype.model
//                 [--desk-examples DIR --desk-weight 4]   (from `mailroom review export --to DIR`)
// Exit codes: 0 trained (and written), 1 bad input or training failed, 2 usage.
#include <chrono>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "desk_examples.h"
#include "evaluation.h"
#include "mailroom/classifier/doc_type_model.h"
#include "mailroom/classifier_training/doc_type_training.h"
#include "mailroom/common/atomic_file.h"
#include "training_data.h"

namespace {

using mailroom::classifier::LabeledText;
using Clock = std::chrono::steady_clock;

struct Args {
  std::vector<std::string> truth, test_truth;
  std::string examples, out;
  std::string desk_examples;  ///< `mailroom review export` folder; empty: none
  int desk_weight = 4;
  std::vector<std::string> hold_outs;  ///< "FIRST-LAST" each; none given: 9-12
  int example_weight = 8;
  double test_noise = 0.04;
  int cross_validate = 0;
  mailroom::classifier::DocTypeTrainOptions train;
};

double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

mailroom::Result<std::vector<LabeledText>> ReadAllTruth(const std::vector<std::string>& files) {
  std::vector<LabeledText> out;
  for (const auto& file : files) {
    auto pages = mailroom::train::ReadTruthPages(file);
    if (!pages) return tl::unexpected(pages.error());
    out.insert(out.end(), pages->begin(), pages->end());
  }
  return out;
}

// Microseconds to score one page, over all `texts` (the figure the pipeline pays per page).
double MicrosPerPage(const mailroom::classifier::DocTypeModel& model, const std::vector<LabeledText>& texts) {
  if (texts.empty()) return 0;
  const auto start = Clock::now();
  std::size_t sink = 0;
  for (const auto& text : texts) sink += model.Scores(text.text).front().first.size();
  const double micros = Seconds(start) * 1e6 / static_cast<double>(texts.size());
  return sink > 0 ? micros : micros;
}

// K-fold cross-validation over the hand-written training examples (fold = position % k), each
// fold's model trained on the generated pages and the other folds: a steadier figure than a fixed
// hold-out, and the one to choose training settings by. The held-out sets stay out of it, so that
// their figures remain on texts nothing was chosen by.
void CrossValidate(const Args& args, const std::vector<LabeledText>& generated, const std::vector<LabeledText>& all) {
  if (all.empty()) return;
  int right = 0;
  std::map<std::string, std::map<std::string, int>> confusion;  // truth -> predicted -> texts
  for (int fold = 0; fold < args.cross_validate; ++fold) {
    std::vector<LabeledText> train = generated, test;
    for (std::size_t i = 0; i < all.size(); ++i) {
      (static_cast<int>(i) % args.cross_validate == fold ? test : train).push_back(all[i]);
    }
    auto model = mailroom::classifier::TrainDocTypeModel(train, args.train);
    if (!model) return;
    for (const auto& t : test) {
      mailroom::PageReading page;
      page.text = t.text;
      const std::string predicted = mailroom::classifier::SplitDocuments({&page}, *model).front().doc_type;
      right += predicted == t.doc_type ? 1 : 0;
      ++confusion[t.doc_type][predicted];
    }
  }
  fmt::print("== cross-validation ({} folds) over {} hand-written training examples: {}/{} right ({:.1f} %)\n",
             args.cross_validate, all.size(), right, all.size(), 100.0 * right / static_cast<double>(all.size()));
  // Per class, where the misses went: where the training texts still need variety.
  for (const auto& [truth, predicted] : confusion) {
    int texts = 0;
    std::string misses;
    for (const auto& [type, count] : predicted) {
      texts += count;
      if (type != truth) misses += fmt::format(" {} {}", type, count);
    }
    const auto hit = predicted.find(truth);
    fmt::print("  {:>14} {:>3}/{:<3}{}\n", truth, hit == predicted.end() ? 0 : hit->second, texts,
               misses.empty() ? "" : " misread as" + misses);
  }
}

int Run(const Args& args) {
  auto train = ReadAllTruth(args.truth);
  auto test = ReadAllTruth(args.test_truth);
  if (!train || !test) {
    std::fprintf(stderr, "train-doctype: %s\n", (!train ? train.error() : test.error()).message.c_str());
    return 1;
  }
  std::vector<mailroom::train::HoldOut> hold_outs;
  for (const auto& text : args.hold_outs) {
    auto range = mailroom::train::ParseHoldOut(text);
    if (!range) {
      std::fprintf(stderr, "train-doctype: --holdout %s: not FIRST-LAST (e.g. 9-12)\n", text.c_str());
      return 2;
    }
    hold_outs.push_back(*range);
  }
  if (hold_outs.empty()) hold_outs.push_back({});
  mailroom::train::Examples examples;
  if (!args.examples.empty()) {
    auto read = mailroom::train::ReadExamples(args.examples, hold_outs, args.example_weight);
    if (!read) {
      std::fprintf(stderr, "train-doctype: %s\n", read.error().message.c_str());
      return 1;
    }
    examples = std::move(*read);
  }
  mailroom::train::DeskExamples desk;
  if (!args.desk_examples.empty()) {
    auto read = mailroom::train::ReadDeskExamples(args.desk_examples, args.desk_weight);
    if (!read) {
      std::fprintf(stderr, "train-doctype: %s\n", read.error().message.c_str());
      return 1;
    }
    desk = std::move(*read);
    fmt::print("desk examples: {} {}, {} pages from {} (weight {})\n", desk.documents,
               desk.documents == 1 ? "document" : "documents", desk.pages.size(), args.desk_examples, args.desk_weight);
  }
  if (args.cross_validate > 1) CrossValidate(args, *train, examples.train);
  train->insert(train->end(), examples.train.begin(), examples.train.end());
  // After everything else, so that without desk examples the training set (and the model) is the
  // same as before they existed; they only train, every evaluation below stays on unseen texts.
  train->insert(train->end(), desk.pages.begin(), desk.pages.end());
  fmt::print("training on {} pages ({} hand-written, weight {}; {} from the desk, weight {})\n", train->size(),
             examples.train.size(), args.example_weight, desk.pages.size(), args.desk_weight);

  const auto start = Clock::now();
  auto model = mailroom::classifier::TrainDocTypeModel(*train, args.train);
  if (!model) {
    std::fprintf(stderr, "train-doctype: %s\n", model.error().message.c_str());
    return 1;
  }
  const std::string text = model->Serialize();
  fmt::print("trained in {:.1f} s: {} features, {} bytes\n", Seconds(start), model->FeatureCount(), text.size());

  if (!test->empty()) {
    fmt::print("{}", mailroom::train::Evaluate(*model, *test, "generated pages, unseen seed", 10));
    std::vector<LabeledText> noisy = *test;
    for (std::size_t i = 0; i < noisy.size(); ++i) {
      noisy[i].text = mailroom::classifier::AddOcrNoise(noisy[i].text, args.test_noise, 0xABCDEF00ULL + i);
    }
    fmt::print("{}",
               mailroom::train::Evaluate(*model, noisy, fmt::format("same, extra OCR noise {}", args.test_noise), 10));
    fmt::print("scoring: {:.0f} us per page\n", MicrosPerPage(*model, *test));
  }
  for (const auto& file : args.test_truth) {
    auto envelopes = mailroom::train::ReadTruthEnvelopes(file);
    if (!envelopes) continue;  // read once already above
    fmt::print("{}", mailroom::train::EvaluateEnvelopes(*model, *envelopes, "documents of " + file, 10));
  }
  for (std::size_t i = 0; i < examples.held_out.size(); ++i) {
    if (examples.held_out[i].empty()) continue;
    const auto& range = hold_outs[i];
    fmt::print("{}", mailroom::train::Evaluate(
                         *model, examples.held_out[i],
                         fmt::format("held-out hand-written examples {:02}-{:02}", range.first, range.last), 20));
  }
  if (!args.out.empty()) {
    if (auto written = mailroom::WriteFileAtomically(args.out, text); !written) {
      std::fprintf(stderr, "train-doctype: %s\n", written.error().message.c_str());
      return 1;
    }
    fmt::print("wrote {}\n", args.out);
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  Args args;
  CLI::App app("Trains the document-type model (logistic regression) and reports held-out accuracy");
  app.add_option("--truth", args.truth, "samplegen truth.json to train on (repeatable)");
  app.add_option("--test-truth", args.test_truth, "truth.json of an unseen seed to test on (repeatable)");
  app.add_option("--examples", args.examples, "hand-written examples: DIR/<doc_type>/NN.txt");
  app.add_option("--holdout", args.hold_outs,
                 "example numbers FIRST-LAST never trained on, each set its own figure (repeatable; default 9-12)");
  app.add_option("--example-weight", args.example_weight, "copies of each hand-written example")->capture_default_str();
  app.add_option("--desk-examples", args.desk_examples, "examples labelled at the review desk: DIR/*.json");
  app.add_option("--desk-weight", args.desk_weight, "weight of each page of a desk example")->capture_default_str();
  app.add_option("--test-noise", args.test_noise, "OCR noise rate of the noisy test copy")->capture_default_str();
  app.add_option("--seed", args.train.seed, "OCR-noise seed")->capture_default_str();
  app.add_option("--noisy-copies", args.train.noisy_copies, "noisy copies per page")->capture_default_str();
  app.add_option("--noise-rate", args.train.noise_rate, "OCR errors per character")->capture_default_str();
  app.add_option("--epochs", args.train.epochs, "logistic-regression passes")->capture_default_str();
  app.add_option("--max-features", args.train.max_features, "features kept")->capture_default_str();
  app.add_option("--min-pages", args.train.min_pages, "pages a feature must occur on")->capture_default_str();
  app.add_option("--cross-validate", args.cross_validate, "also cross-validate over the training examples, K folds");
  app.add_option("--out", args.out, "model file to write (e.g. classifier/model/doctype.model)");
  CLI11_PARSE(app, argc, argv);
  return Run(args);
}
