#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "mailroom/classifier/doc_type_model.h"
#include "mailroom/classifier_training/doc_type_training.h"

using namespace mailroom;
using namespace mailroom::classifier;

namespace {

// A tiny corpus: two texts per type, enough for the model to tell them apart.
std::vector<LabeledText> TinyCorpus() {
  return {
      {"Weiterbewilligungsantrag Leistungen ab 01.03.2025", "application"},
      {"Antrag auf Weiterbewilligung Bürgergeld", "application"},
      {"Veränderungsmitteilung Umzug neue Anschrift", "change_notice"},
      {"Mitteilung über eine Änderung Arbeitsaufnahme", "change_notice"},
      {"Kontoauszug Nr. 3 Kontostand Saldo Buchungstag", "bank_statement"},
      {"Kontoauszug Girokonto alter Kontostand neuer Kontostand", "bank_statement"},
      {"Lohnabrechnung Brutto Netto Auszahlungsbetrag", "payslip"},
      {"Gehaltsabrechnung Bruttogehalt Lohnsteuer Netto", "payslip"},
      {"Arbeitsunfähigkeitsbescheinigung arbeitsunfähig seit", "sick_note"},
      {"AU-Bescheinigung Erstbescheinigung arbeitsunfähig bis", "sick_note"},
      {"Widerspruch gegen den Bescheid vom 14.03.2025", "objection"},
      {"hiermit lege ich Widerspruch ein", "objection"},
      {"Mietbescheinigung Vermieter Kaltmiete Nebenkosten", "rent"},
      {"Nebenkostenabrechnung Vermieter Nachzahlung Heizkosten", "rent"},
      {"Nachweis der Eigenbemühungen Bewerbungen", "job_search"},
      {"Bewerbung Absage Vorstellungsgespräch Stellenangebot", "job_search"},
      {"Sehr geehrte Damen und Herren, bitte um Rückruf", "letter"},
      {"Terminverlegung, ich kann nicht kommen, bitte neuer Termin", "letter"},
  };
}

DocTypeTrainOptions TinyOptions() {
  DocTypeTrainOptions options;
  options.min_pages = 1;
  options.noisy_copies = 1;
  return options;
}

const DocTypeModel& TinyModel() {
  static const DocTypeModel kModel = *TrainDocTypeModel(TinyCorpus(), TinyOptions());
  return kModel;
}

}  // namespace

TEST_CASE("a trained model tells the types apart", "[classifier][doctype_model]") {
  const auto& model = TinyModel();
  CHECK(model.Scores("Kontoauszug Kontostand").front().first == "bank_statement");
  CHECK(model.Scores("Widerspruch gegen Bescheid").front().first == "objection");
  CHECK(model.Scores("Lohnabrechnung Netto").front().first == "payslip");
}

TEST_CASE("scores are probabilities, best first", "[classifier][doctype_model]") {
  const auto scores = TinyModel().Scores("Mietbescheinigung des Vermieters");
  REQUIRE(scores.size() == DocTypeVocabulary().size());
  double total = 0;
  for (std::size_t i = 0; i < scores.size(); ++i) {
    total += scores[i].second;
    if (i > 0) CHECK(scores[i - 1].second >= scores[i].second);
  }
  CHECK(total == Approx(1.0));
  CHECK(scores.front().first == "rent");
}

TEST_CASE("a text without known features is a letter", "[classifier][doctype_model]") {
  for (const char* text : {"", "   \n ", "xyzzy qwrtp"}) {
    const auto scores = TinyModel().Scores(text);
    CHECK(scores.front().first == "letter");
    CHECK(scores.front().second == 1.0);
  }
}

TEST_CASE("training is deterministic and the file round-trips", "[classifier][doctype_model]") {
  const auto again = TrainDocTypeModel(TinyCorpus(), TinyOptions());
  REQUIRE(again);
  CHECK(again->Serialize() == TinyModel().Serialize());
  const auto parsed = DocTypeModel::Parse(TinyModel().Serialize(), "tiny");
  REQUIRE(parsed);
  CHECK(parsed->Serialize() == TinyModel().Serialize());
  CHECK(parsed->Scores("Kontoauszug").front() == TinyModel().Scores("Kontoauszug").front());
}

TEST_CASE("training rejects unknown types and missing classes", "[classifier][doctype_model]") {
  auto corpus = TinyCorpus();
  corpus.push_back({"Irgendwas", "invoice"});
  const auto unknown = TrainDocTypeModel(corpus, TinyOptions());
  REQUIRE_FALSE(unknown);
  CHECK_THAT(unknown.error().message, Catch::Contains("invoice"));

  corpus = TinyCorpus();
  corpus.erase(corpus.begin(), corpus.begin() + 2);  // no application left
  const auto missing = TrainDocTypeModel(corpus, TinyOptions());
  REQUIRE_FALSE(missing);
  CHECK_THAT(missing.error().message, Catch::Contains("application"));
}

TEST_CASE("broken model files are rejected with file and line", "[classifier][doctype_model]") {
  const std::string good = TinyModel().Serialize();
  CHECK_THAT(DocTypeModel::Parse("hello", "m.model").error().message, Catch::Contains("m.model: line 1"));
  std::string truncated = good.substr(0, good.rfind('\n', good.size() - 2) + 1);
  CHECK_THAT(DocTypeModel::Parse(truncated, "m.model").error().message, Catch::Contains("truncated"));
  std::string bad_count = good;
  bad_count.replace(bad_count.rfind(' '), 1, " x");
  CHECK_THAT(DocTypeModel::Parse(bad_count, "m.model").error().message, Catch::Contains("bad weight"));
  const auto missing = DocTypeModel::Load("/nonexistent/doctype.model");
  REQUIRE_FALSE(missing);
  CHECK_THAT(missing.error().message, Catch::Contains("/nonexistent/doctype.model"));
}

TEST_CASE("Load reads a model file", "[classifier][doctype_model]") {
  const auto path = std::filesystem::temp_directory_path() / "doc_type_model_test.model";
  std::ofstream(path) << TinyModel().Serialize();
  const auto loaded = DocTypeModel::Load(path);
  std::filesystem::remove(path);
  REQUIRE(loaded);
  CHECK(loaded->FeatureCount() == TinyModel().FeatureCount());
}

TEST_CASE("the embedded model is the trained one", "[classifier][doctype_model]") {
  const auto& model = DocTypeModel::Embedded();
  CHECK(model.FeatureCount() > 1000);
  CHECK(model.Scores("Kontoauszug Nr. 4/2025\nAlter Kontostand 12,00 EUR").front().first == "bank_statement");
}

TEST_CASE("OCR noise is deterministic and damages the text", "[classifier][doctype_model]") {
  const std::string text = "Arbeitsunfähigkeitsbescheinigung für Herrn Müller, Erstbescheinigung vom 01.02.2025";
  CHECK(AddOcrNoise(text, 0.2, 7) == AddOcrNoise(text, 0.2, 7));
  CHECK(AddOcrNoise(text, 0.2, 7) != text);
  CHECK(AddOcrNoise(text, 0.0, 7) == text);
}
