// Tests of the classification mix (--classify-mix) and of the evidence/decoys/documents keys of
// truth.json. Plan-level: boxes are generated with truth_only, so no page is rendered, except for
// one small box whose case barcodes are decoded.
#define ZX_USE_UTF8
#include <catch2/catch.hpp>

#include <ZXing/ReadBarcode.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "mailroom/samplegen/samplegen.h"
#include "samplegen_test_util.h"

namespace fs = std::filesystem;
using nlohmann::json;
namespace sg = mailroom::samplegen;
using samplegen_test::ReadJson;
using samplegen_test::Slurp;
using samplegen_test::SmallBox;
using samplegen_test::TempDir;

namespace {

struct Person {
  std::string bg, customer, surname, given, city;
};

struct Sample {
  json truth;
  std::vector<Person> persons;
  std::set<std::string> bgs;
  std::map<std::string, const json*> pages;
};

Sample Load(const fs::path& out) {
  Sample sample;
  sample.truth = ReadJson(out / "truth.json");
  std::istringstream csv(Slurp(out / "registry" / "cases.csv"));
  std::string line;
  std::getline(csv, line);  // header
  while (std::getline(csv, line)) {
    std::vector<std::string> f;
    std::stringstream cells(line);
    std::string cell;
    while (std::getline(cells, cell, ',')) f.push_back(cell);
    REQUIRE(f.size() == 9);
    sample.persons.push_back({f[0], f[1], f[3], f[4], f[8]});
    sample.bgs.insert(f[0]);
  }
  for (const json& page : sample.truth["pages"]) sample.pages[page["file"].get<std::string>()] = &page;
  return sample;
}

Sample MixBox(const fs::path& out, unsigned seed, int envelopes) {
  sg::SampleOptions options = SmallBox(out, seed, envelopes);
  options.classification_mix = true;
  options.truth_only = true;
  REQUIRE(sg::GenerateSampleBox(options).has_value());
  return Load(out);
}

std::vector<std::string> EnvelopeLines(const Sample& sample, const json& envelope) {
  std::vector<std::string> lines;
  for (const json& file : envelope["pages"]) {
    for (const json& line : (*sample.pages.at(file.get<std::string>()))["lines"]) lines.push_back(line);
  }
  return lines;
}

// Every BG number written in `lines`, normalised: separators removed, leading zeros restored.
std::vector<std::string> BgNumbers(const std::vector<std::string>& lines) {
  static const std::regex kBg(R"((\d{5})[ .\-]?BG[ .\-]?(\d{1,7})\b)");
  std::vector<std::string> found;
  for (const std::string& line : lines) {
    for (std::sregex_iterator it(line.begin(), line.end(), kBg), end; it != end; ++it) {
      std::string serial = (*it)[2];
      found.push_back((*it)[1].str() + "BG" + std::string(7 - serial.size(), '0') + serial);
    }
  }
  return found;
}

bool HasCustomerNumber(const std::vector<std::string>& lines) {
  static const std::regex kCustomer(R"(\b\d{3}[ \-]?[A-Z][ \-]?\d{6}\b)");
  return std::any_of(lines.begin(), lines.end(), [](const std::string& l) { return std::regex_search(l, kCustomer); });
}

int Hamming(const std::string& a, const std::string& b) {
  if (a.size() != b.size()) return 99;
  int d = 0;
  for (std::size_t i = 0; i < a.size(); ++i) d += a[i] != b[i] ? 1 : 0;
  return d;
}

bool Contains(const std::vector<std::string>& lines, const std::string& text) {
  return std::any_of(lines.begin(), lines.end(),
                     [&](const std::string& l) { return l.find(text) != std::string::npos; });
}

std::uint64_t Fnv1a(const std::string& text) {
  std::uint64_t hash = 1469598103934665603ull;
  for (unsigned char ch : text) {
    hash ^= ch;
    hash *= 1099511628211ull;
  }
  return hash;
}

std::vector<json> OfKind(const Sample& sample, const std::string& evidence) {
  std::vector<json> out;
  for (const json& e : sample.truth["envelopes"]) {
    if (e["evidence"] == evidence) out.push_back(e);
  }
  return out;
}

}  // namespace

TEST_CASE("the default box is unchanged by the mix's additions", "[samplegen][mix]") {
  // Hashes of truth.json's "pages" recorded before the classification mix existed; the images,
  // box.json and the registry were compared byte for byte at the time as well.
  struct Known {
    unsigned seed;
    int envelopes;
    std::uint64_t pages_hash;
  };
  for (Known known : {Known{1, 10, 0x73fc8206ab34ce17ull}, Known{7, 33, 0x31421cca72c332c4ull}}) {
    TempDir dir("default_" + std::to_string(known.seed));
    sg::SampleOptions options = SmallBox(dir.path(), known.seed, known.envelopes);
    options.truth_only = true;
    REQUIRE(sg::GenerateSampleBox(options).has_value());
    json truth = ReadJson(dir.path() / "truth.json");
    CHECK(Fnv1a(truth["pages"].dump()) == known.pages_hash);
    for (const json& e : truth["envelopes"]) {
      CHECK(e["documents"].size() == 1);
      CHECK(e["documents"][0]["pages"] == e["pages"]);
      static const std::set<std::string> kDefaultKinds = {"printed_bg", "customer_number", "barcode", "no_case_number",
                                                          "unknown_bg_number"};
      CHECK(kDefaultKinds.count(e["evidence"].get<std::string>()) == 1);
      if (e["expect"] == "review") CHECK(e["reason"] == e["evidence"]);
    }
  }
}

TEST_CASE("truth_only writes truth, manifest and registry but no images", "[samplegen][mix]") {
  TempDir dir("truth_only");
  sg::SampleOptions options = SmallBox(dir.path(), 5, 6);
  options.truth_only = true;
  auto summary = sg::GenerateSampleBox(options);
  REQUIRE(summary.has_value());
  CHECK(summary->pages > 6);
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator(summary->box_dir)) files.push_back(entry.path().filename());
  CHECK(files == std::vector<std::string>{"box.json"});
  CHECK(fs::exists(summary->registry_dir / "cases.csv"));
  CHECK(ReadJson(summary->truth_file)["pages"].size() == static_cast<std::size_t>(summary->pages));
}

TEST_CASE("a mix box holds every kind of evidence, about 15 % review, 20 % several documents", "[samplegen][mix]") {
  TempDir dir("mix_kinds");
  Sample sample = MixBox(dir.path(), 4242, 120);
  std::map<std::string, int> counts;
  int review = 0, routable = 0, multi = 0;
  for (const json& e : sample.truth["envelopes"]) {
    ++counts[e["evidence"].get<std::string>()];
    bool is_review = e["expect"] == "review";
    review += is_review ? 1 : 0;
    if (is_review) {
      CHECK(e["reason"] == e["evidence"]);
      CHECK(e["bg_number"].is_null());
    } else {
      ++routable;
      multi += e["documents"].size() > 1 ? 1 : 0;
      CHECK(sample.bgs.count(e["bg_number"].get<std::string>()) == 1);
    }
  }
  for (const char* kind :
       {"barcode", "printed_bg", "customer_number", "name_address", "typo", "decoys", "no_case_number",
        "unknown_bg_number", "conflicting_cases", "typo_conflict", "ambiguous_sender", "unknown_office_number"}) {
    INFO(kind);
    CHECK(counts[kind] >= 3);
  }
  for (const char* kind : {"two_cases_barcode", "two_cases_print", "two_cases_name"}) {
    INFO(kind);
    CHECK(counts[kind] >= 1);
  }
  CHECK(review >= 15);
  CHECK(review <= 22);
  CHECK(multi >= routable / 10);
  CHECK(multi <= routable * 3 / 10);
}

TEST_CASE("mix: typos are one digit off, unregistered or another case's; conflicts quote two cases",
          "[samplegen][mix]") {
  TempDir dir("mix_typos");
  Sample sample = MixBox(dir.path(), 4242, 120);
  for (const json& e : OfKind(sample, "typo")) {
    std::string bg = e["bg_number"];
    std::vector<std::string> numbers = BgNumbers(EnvelopeLines(sample, e));
    REQUIRE(numbers.size() == 1);
    CHECK(Hamming(numbers[0], bg) == 1);
    CHECK(sample.bgs.count(numbers[0]) == 0);
  }
  for (const json& e : OfKind(sample, "typo_conflict")) {
    std::vector<std::string> lines = EnvelopeLines(sample, e);
    std::vector<std::string> numbers = BgNumbers(lines);
    REQUIRE(numbers.size() == 1);
    CHECK(sample.bgs.count(numbers[0]) == 1);
    // The sender block names the household whose number is one digit away.
    bool sender_is_twin = false;
    for (const Person& p : sample.persons) {
      if (Hamming(p.bg, numbers[0]) == 1 && Contains(lines, p.given + " " + p.surname)) sender_is_twin = true;
    }
    CHECK(sender_is_twin);
  }
  for (const json& e : OfKind(sample, "conflicting_cases")) {
    std::vector<std::string> numbers = BgNumbers(EnvelopeLines(sample, e));
    std::set<std::string> registered;
    for (const std::string& n : numbers) {
      if (sample.bgs.count(n)) registered.insert(n);
    }
    CHECK(registered.size() == 2);
  }
  for (const json& e : OfKind(sample, "unknown_bg_number")) {
    std::vector<std::string> numbers = BgNumbers(EnvelopeLines(sample, e));
    REQUIRE(numbers.size() == 1);
    CHECK(sample.bgs.count(numbers[0]) == 0);
  }
}

TEST_CASE("mix: two households share an envelope in either order, each with its own evidence", "[samplegen][mix]") {
  TempDir dir("mix_two_cases");
  Sample sample = MixBox(dir.path(), 4242, 400);
  std::map<std::string, std::set<std::size_t>> printed_first_at;  // kind -> where the printed case's document is
  for (const char* kind : {"two_cases_barcode", "two_cases_print", "two_cases_name"}) {
    for (const json& e : OfKind(sample, kind)) {
      INFO(kind << " envelope " << e["index"]);
      CHECK(e["expect"] == "review");
      CHECK(e["reason"] == kind);
      REQUIRE(e["cases"].size() == 2);
      REQUIRE(e["documents"].size() == 2);
      const std::vector<std::string> cases = e["cases"];
      CHECK(cases[0] != cases[1]);
      for (const std::string& bg : cases) CHECK(sample.bgs.count(bg) == 1);
      // Per document: the BG numbers printed on it.
      std::vector<std::vector<std::string>> numbers;
      for (const json& document : e["documents"]) {
        json one = {{"pages", document["pages"]}};
        numbers.push_back(BgNumbers(EnvelopeLines(sample, one)));
      }
      const std::string kindname = kind;
      if (kindname == "two_cases_print") {
        // Both documents carry their own household's number, in the order of `cases`.
        for (std::size_t d = 0; d < 2; ++d) {
          REQUIRE_FALSE(numbers[d].empty());
          for (const std::string& n : numbers[d]) CHECK(n == cases[d]);
        }
        printed_first_at[kindname].insert(0);
        continue;
      }
      // One document has its case's printed number; the other none, its case only in a barcode or
      // in its sender's name.
      const std::size_t printed = numbers[0].empty() ? 1 : 0;
      CHECK(numbers[1 - printed].empty());
      for (const std::string& n : numbers[printed]) CHECK(n == cases[printed]);
      printed_first_at[kindname].insert(printed);
      if (kindname == "two_cases_name") {
        json other = {{"pages", e["documents"][1 - printed]["pages"]}};
        std::vector<std::string> lines = EnvelopeLines(sample, other);
        CHECK_FALSE(HasCustomerNumber(lines));
        bool names_household = false;
        for (const Person& p : sample.persons) {
          if (p.bg == cases[1 - printed] && Contains(lines, p.surname)) names_household = true;
        }
        CHECK(names_household);
      }
    }
  }
  // Every order: the household with the printed number comes first and second.
  CHECK(printed_first_at["two_cases_barcode"] == std::set<std::size_t>{0, 1});
  CHECK(printed_first_at["two_cases_name"] == std::set<std::size_t>{0, 1});
  CHECK(printed_first_at.count("two_cases_print") == 1);
}

TEST_CASE("mix: an old number of no registered office comes with the sender's name, address and birth date",
          "[samplegen][mix]") {
  TempDir dir("mix_foreign_office");
  Sample sample = MixBox(dir.path(), 4242, 120);
  std::set<std::string> offices;
  for (const std::string& bg : sample.bgs) offices.insert(bg.substr(0, 5));
  const auto kinds = OfKind(sample, "unknown_office_number");
  REQUIRE(kinds.size() >= 3);
  for (const json& e : kinds) {
    INFO("envelope " << e["index"]);
    CHECK(e["expect"] == "route");
    CHECK(e.count("cases") == 0);
    std::vector<std::string> lines = EnvelopeLines(sample, e);
    std::vector<std::string> numbers = BgNumbers(lines);
    REQUIRE(numbers.size() == 1);
    CHECK(sample.bgs.count(numbers[0]) == 0);
    CHECK(offices.count(numbers[0].substr(0, 5)) == 0);
    bool sender = false;
    for (const Person& p : sample.persons) {
      if (p.bg == e["bg_number"] && Contains(lines, p.given + " " + p.surname)) sender = true;
    }
    CHECK(sender);
    CHECK(Contains(lines, "geb. "));
  }
}

TEST_CASE("mix: printed numbers are the case's, senders without numbers are found or ambiguous", "[samplegen][mix]") {
  TempDir dir("mix_senders");
  Sample sample = MixBox(dir.path(), 4242, 120);
  for (const json& e : OfKind(sample, "printed_bg")) {
    for (const std::string& n : BgNumbers(EnvelopeLines(sample, e))) CHECK(n == e["bg_number"]);
  }
  for (const char* kind : {"name_address", "no_case_number", "ambiguous_sender"}) {
    for (const json& e : OfKind(sample, kind)) {
      std::vector<std::string> lines = EnvelopeLines(sample, e);
      INFO(kind << " envelope " << e["index"]);
      CHECK(BgNumbers(lines).empty());
      CHECK_FALSE(HasCustomerNumber(lines));
    }
  }
  for (const json& e : OfKind(sample, "customer_number")) {
    std::vector<std::string> lines = EnvelopeLines(sample, e);
    CHECK(BgNumbers(lines).empty());
    CHECK(HasCustomerNumber(lines));
  }
  // "Familie <surname>" from <city>: two registered households of that name live there.
  for (const json& e : OfKind(sample, "ambiguous_sender")) {
    std::vector<std::string> lines = EnvelopeLines(sample, e);
    REQUIRE(lines.size() >= 2);
    REQUIRE(lines[0].rfind("Familie ", 0) == 0);
    std::string surname = lines[0].substr(8);
    std::set<std::string> cases;
    for (const Person& p : sample.persons) {
      if (p.surname == surname && p.city == lines[1]) cases.insert(p.bg);
    }
    CHECK(cases.size() >= 2);
  }
  // The registry gives the name variants something to mean.
  int double_surnames = 0, middle_names = 0;
  for (const Person& p : sample.persons) {
    double_surnames += p.surname.find('-') != std::string::npos ? 1 : 0;
    middle_names += p.given.find(' ') != std::string::npos ? 1 : 0;
  }
  CHECK(double_surnames >= 5);
  CHECK(middle_names >= 5);
}

TEST_CASE("mix: decoys are on the pages, documents cover the envelope, objections carry their date",
          "[samplegen][mix]") {
  TempDir dir("mix_decoys");
  Sample sample = MixBox(dir.path(), 4242, 120);
  const std::map<std::string, std::regex> kDecoys = {
      {"iban", std::regex(R"(DE\d{2}( \d{4}){4} \d{2})")},
      {"phone", std::regex(R"((Tel\.|Telefon|unter der Nummer)\D{0,12}0\d{2,4})")},
      {"fax", std::regex(R"((Fax|Telefax)\D{0,12}0\d{2,4})")},
      {"date", std::regex(R"(\d{1,2}\.(\d{2}\.| [A-Z][a-zä]+ )\d{4})")},
      {"amount", std::regex(R"(\d,\d{2} EUR)")},
      {"aktenzeichen", std::regex(R"(S \d+ AS \d+/\d{2}|\d{2} \d{6} [A-Z] \d{3})")},
      {"jobcenter_address", std::regex(R"(Dienststellen-Nr\. \d{5})")},
      {"jobcenter_letter", std::regex(R"(Geschäftszeichen|Unser Zeichen)")},
  };
  std::set<std::string> seen;
  for (const json& e : sample.truth["envelopes"]) {
    std::vector<std::string> lines = EnvelopeLines(sample, e);
    std::string text;  // a number may wrap onto the next line
    for (const std::string& line : lines) text += line + " ";
    for (const json& decoy : e["decoys"]) {
      INFO("envelope " << e["index"] << " decoy " << decoy);
      CHECK(std::regex_search(text, kDecoys.at(decoy.get<std::string>())));
      if (e["evidence"] == "decoys") seen.insert(decoy);
    }
    if (e["evidence"] == "decoys") {
      CHECK(e["decoys"].size() >= 3);
      // A jobcenter letter may quote the writer's own case, never another one.
      for (const std::string& n : BgNumbers(lines)) CHECK(n == e["bg_number"]);
    }
    // Documents: exactly the envelope's pages, in order; each page has its document's type.
    std::vector<std::string> covered;
    for (const json& document : e["documents"]) {
      REQUIRE_FALSE(document["pages"].empty());
      for (const json& file : document["pages"]) {
        covered.push_back(file);
        CHECK((*sample.pages.at(file.get<std::string>()))["doc_type"] == document["doc_type"]);
      }
      if (document["doc_type"] == "objection") {
        REQUIRE(document["contested_decision_date"].is_string());
        std::string iso = document["contested_decision_date"];
        std::string german = iso.substr(8, 2) + "." + iso.substr(5, 2) + "." + iso.substr(0, 4);
        std::string words = std::to_string(std::stoi(iso.substr(8, 2))) + ". ";
        const auto& first = (*sample.pages.at(document["pages"][0].get<std::string>()))["lines"];
        bool quoted = false;
        for (const json& line : first) {
          std::string text = line;
          quoted = quoted || text.find(german) != std::string::npos ||
                   (text.find("Bescheid vom " + words) != std::string::npos &&
                    text.find(iso.substr(0, 4)) != std::string::npos);
        }
        CHECK(quoted);
      } else {
        CHECK(document["contested_decision_date"].is_null());
      }
    }
    CHECK(covered == e["pages"].get<std::vector<std::string>>());
    CHECK(e["doc_type"] == e["documents"][0]["doc_type"]);
  }
  CHECK(seen.size() == kDecoys.size());  // every decoy kind is planted somewhere
}

TEST_CASE("mix: same seed, same truth and registry; another seed, another box", "[samplegen][mix]") {
  TempDir a("mix_det_a"), b("mix_det_b"), c("mix_det_c");
  MixBox(a.path(), 9, 40);
  MixBox(b.path(), 9, 40);
  MixBox(c.path(), 10, 40);
  CHECK(Slurp(a.path() / "truth.json") == Slurp(b.path() / "truth.json"));
  CHECK(Slurp(a.path() / "registry" / "cases.csv") == Slurp(b.path() / "registry" / "cases.csv"));
  CHECK(Slurp(a.path() / "truth.json") != Slurp(c.path() / "truth.json"));
}

TEST_CASE("mix: case barcodes decode to payloads that hold the case's BG or customer number", "[samplegen][mix]") {
  TempDir dir("mix_barcodes");
  sg::SampleOptions options = SmallBox(dir.path(), 31, 24, 150);
  options.classification_mix = true;
  options.blank_back_share = 0;
  REQUIRE(sg::GenerateSampleBox(options).has_value());
  Sample sample = Load(dir.path());
  std::map<std::string, std::string> customer_of;  // customer number -> BG
  for (const Person& p : sample.persons) customer_of[p.customer] = p.bg;
  int decoded = 0;
  for (const json& e : OfKind(sample, "barcode")) {
    mailroom::PixPtr page = samplegen_test::ReadPage(dir.path() / "box", *sample.pages.at(e["pages"][0]));
    // The corner where forms carry the code (zxing-cpp 1.4 misses 2D codes away from the centre).
    BOX* corner = boxCreate(static_cast<l_int32>(pixGetWidth(page.get()) / 2), 0,
                            static_cast<l_int32>(pixGetWidth(page.get()) / 2), samplegen_test::Mm(40, 150));
    mailroom::PixPtr clipped(pixClipRectangle(page.get(), corner, nullptr));
    boxDestroy(&corner);
    mailroom::PixPtr grey(pixConvertTo8(clipped.get(), 0));
    mailroom::PixPtr bytes(pixEndianByteSwapNew(grey.get()));
    ZXing::ImageView view(reinterpret_cast<const uint8_t*>(pixGetData(bytes.get())),
                          static_cast<int>(pixGetWidth(bytes.get())), static_cast<int>(pixGetHeight(bytes.get())),
                          ZXing::ImageFormat::Lum, pixGetWpl(bytes.get()) * 4);
    ZXing::DecodeHints hints;
    hints.setFormats(ZXing::BarcodeFormat::Code128 | ZXing::BarcodeFormat::DataMatrix | ZXing::BarcodeFormat::QRCode);
    hints.setTryDownscale(false);
    auto results = ZXing::ReadBarcodes(view, hints);
    INFO("envelope " << e["index"]);
    REQUIRE(results.size() == 1);
    std::string payload = results.front().text();
    std::string bg = e["bg_number"];
    bool holds_case = payload.find(bg) != std::string::npos;
    for (const auto& [customer, case_bg] : customer_of) {
      if (case_bg == bg && payload.find(customer) != std::string::npos) holds_case = true;
    }
    CHECK(holds_case);
    ++decoded;
  }
  CHECK(decoded >= 2);
}
