#include <sys/stat.h>

#include <qpdf/Buffer.hh>

#include <catch2/catch.hpp>

#include "mailroom/common/atomic_file.h"
#include "mailroom/proto/messages.h"
#include "mailroom/routing/document_message.h"
#include "mailroom/routing/output.h"
#include "pdf_pages.h"
#include "temp_dir.h"

using namespace mailroom;
using testing::TempDir;

namespace {

routing::DocumentInput RoutedInput() {
  routing::DocumentInput input;
  input.box_id = "BOX-1";
  input.document_id = "BOX-1-001";
  auto& c = input.classification;
  c.routed = true;
  c.jobcenter_id = "jobcenter-kiel";
  c.bg_number = "35301BG0012345";
  c.doc_type = "objection";
  c.team = "widerspruch";
  c.confidence = 0.97;
  c.evidence = {"barcode", "text"};
  c.priority = true;
  input.page_names = {"0002.tif", "0003.tif"};
  return input;
}

// A review document of one page that could not be read; its original file lies in `root`.
routing::DocumentInput UnreadablePageInput(const TempDir& root) {
  REQUIRE(WriteFileAtomically(root / "0004.jpg", "broken bytes"));
  routing::DocumentInput input;
  input.box_id = "BOX-1";
  input.document_id = "BOX-1-004";
  input.classification.reason = "0004.jpg: corrupt or truncated JPEG data";
  input.page_names = {"0004.jpg"};
  input.page_pdfs = {""};
  input.unreadable_files = {root / "0004.jpg"};
  return input;
}

// The PDF of a routed one-page document written into `root`/out.
std::filesystem::path WrittenOnePagePdf(const TempDir& root) {
  auto out = routing::OutputFolder::Open(root / "out");
  REQUIRE(out);
  auto input = RoutedInput();
  input.page_names = {"0002.tif"};
  input.page_pdfs = {out->scratch() / "p.pdf"};
  REQUIRE(routing::WriteNoticePdf(input.page_pdfs[0], "Seite"));
  REQUIRE(routing::WriteDocument(*out, input));
  return out->staging() / "postkorb/jobcenter-kiel/widerspruch/BOX-1-001.pdf";
}

}  // namespace

TEST_CASE("A routed document's JSON has every contract field and no review reason") {
  auto doc = routing::MakeDocument(RoutedInput(), "BOX-1-001.pdf");
  auto json = proto::ToJson(doc);
  REQUIRE(json);
  for (const char* field :
       {"\"document_id\": \"BOX-1-001\"", "\"box_id\": \"BOX-1\"", "\"jobcenter_id\": \"jobcenter-kiel\"",
        "\"team\": \"widerspruch\"", "\"bg_number\": \"35301BG0012345\"", "\"doc_type\": \"objection\"", "\"pages\": [",
        "\"confidence\": 0.97", "\"evidence\": [", "\"pdf\": \"BOX-1-001.pdf\"", "\"priority\": true"}) {
    CHECK_THAT(*json, Catch::Contains(field));
  }
  CHECK_THAT(*json, !Catch::Contains("reason"));
}

TEST_CASE("A review document prints unknown jobcenter and BG number as JSON null, with its reason") {
  auto input = RoutedInput();
  input.classification.routed = false;
  input.classification.bg_number.reset();
  input.classification.evidence.clear();
  input.classification.priority = false;
  input.classification.reason = "no case number found";
  auto json = proto::ToJson(routing::MakeDocument(input, "x.pdf"));
  REQUIRE(json);
  CHECK_THAT(*json, Catch::Contains("\"jobcenter_id\": null"));
  CHECK_THAT(*json, Catch::Contains("\"bg_number\": null"));
  CHECK_THAT(*json, Catch::Contains("\"evidence\": []"));
  CHECK_THAT(*json, Catch::Contains("\"priority\": false"));
  CHECK_THAT(*json, Catch::Contains("\"reason\": \"no case number found\""));
}

TEST_CASE("WriteDocument puts PDF and JSON into postkorb/<jobcenter>/<team>/, mode 0600") {
  TempDir root;
  auto out = routing::OutputFolder::Open(root / "out");
  REQUIRE(out);
  auto input = RoutedInput();
  for (int i = 0; i < 2; ++i) {
    input.page_pdfs.push_back(out->scratch() / ("p" + std::to_string(i) + ".pdf"));
    REQUIRE(routing::WriteNoticePdf(input.page_pdfs.back(), "Seite " + std::to_string(i)));
  }
  auto json_path = routing::WriteDocument(*out, input);
  REQUIRE(json_path);
  CHECK(*json_path == std::filesystem::path("postkorb/jobcenter-kiel/widerspruch/BOX-1-001.json"));
  const auto pdf = out->staging() / "postkorb/jobcenter-kiel/widerspruch/BOX-1-001.pdf";
  CHECK(testing::PdfPageCount(pdf) == 2);
  struct stat st {};
  REQUIRE(::stat(pdf.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
}

TEST_CASE("An unreadable page becomes a notice page in a review document, its original kept beside it") {
  TempDir root;
  auto out = routing::OutputFolder::Open(root / "out");
  REQUIRE(out);
  const auto input = UnreadablePageInput(root);
  auto json_path = routing::WriteDocument(*out, input);
  REQUIRE(json_path);
  CHECK(*json_path == std::filesystem::path("review/BOX-1-004.json"));
  CHECK(testing::PdfPageCount(out->staging() / "review/BOX-1-004.pdf") == 1);
  CHECK(*ReadWholeFile(out->staging() / "review/BOX-1-004.1.orig.jpg") == "broken bytes");
  auto json = ReadWholeFile(out->staging() / "review/BOX-1-004.json");
  CHECK_THAT(*json, Catch::Contains("\"reason\": \"0004.jpg: corrupt or truncated JPEG data\""));
}

TEST_CASE("AssembleDocument gives in memory what WriteDocument writes, and leaves no notice page behind") {
  TempDir root;
  const auto input = UnreadablePageInput(root);

  auto assembled = routing::AssembleDocument(input, root / "scratch");
  REQUIRE(assembled);
  CHECK(assembled->folder == std::filesystem::path("review"));
  CHECK(assembled->pdf.rfind("%PDF-", 0) == 0);
  REQUIRE(assembled->originals.size() == 1);
  CHECK(assembled->originals[0].file_name == "BOX-1-004.1.orig.jpg");
  CHECK(std::filesystem::is_empty(root / "scratch"));  // the notice page was drawn there and removed

  auto out = routing::OutputFolder::Open(root / "out");
  REQUIRE(out);
  REQUIRE(routing::WriteDocument(*out, input));
  CHECK(*ReadWholeFile(out->staging() / "review/BOX-1-004.json") == assembled->json);
  CHECK(*ReadWholeFile(out->staging() / "review/BOX-1-004.pdf") == assembled->pdf);
  CHECK(testing::PdfPageCount(out->staging() / "review/BOX-1-004.pdf") == 1);
}

TEST_CASE("MergePdfs names the file that is not a PDF") {
  TempDir root;
  REQUIRE(WriteFileAtomically(root / "bad.pdf", "%PDF-1.4 nothing"));
  auto merged = routing::MergePdfs({root / "bad.pdf"}, root / "out.pdf");
  REQUIRE_FALSE(merged);
  CHECK_THAT(merged.error().message, Catch::Contains("out.pdf"));
  CHECK_FALSE(std::filesystem::exists(root / "out.pdf"));
}

TEST_CASE("SafeFileName keeps ids readable and file-system safe") {
  CHECK(routing::SafeFileName("BOX-2026-11-25_A.1") == "BOX-2026-11-25_A.1");
  CHECK(routing::SafeFileName("../etc/passwd") == ".._etc_passwd");
  CHECK(routing::SafeFileName("..") == "_..");
  CHECK(routing::SafeFileName("") == "_");
}

TEST_CASE("A document's PDF is marked PDF/A-2b: XMP identification, matching Info, sRGB output intent") {
  TempDir root;
  QPDF pdf;
  pdf.processFile(WrittenOnePagePdf(root).c_str());
  auto root_dict = pdf.getRoot();
  REQUIRE(root_dict.hasKey("/Metadata"));
  auto metadata = root_dict.getKey("/Metadata");
  CHECK_FALSE(metadata.getDict().hasKey("/Filter"));  // PDF/A: metadata stays readable as is
  const auto data = metadata.getRawStreamData();
  const std::string xmp(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
  CHECK_THAT(xmp, Catch::Contains("<pdfaid:part>2</pdfaid:part>"));
  CHECK_THAT(xmp, Catch::Contains("<pdfaid:conformance>B</pdfaid:conformance>"));
  CHECK_THAT(xmp, Catch::Contains(">BOX-1-001</rdf:li>"));
  auto intents = root_dict.getKey("/OutputIntents");
  REQUIRE(intents.isArray());
  REQUIRE(intents.getArrayNItems() == 1);
  CHECK(intents.getArrayItem(0).getKey("/S").getName() == "/GTS_PDFA1");
  CHECK(intents.getArrayItem(0).getKey("/DestOutputProfile").isStream());
  auto info = pdf.getTrailer().getKey("/Info");
  CHECK(info.getKey("/Title").getUTF8Value() == "BOX-1-001");
  CHECK(pdf.getTrailer().hasKey("/ID"));
}

TEST_CASE("A document's PDF ends every stream with an end-of-line before endstream (PDF/A-2 6.1.7.1)") {
  TempDir root;
  const auto bytes = ReadWholeFile(WrittenOnePagePdf(root));
  REQUIRE(bytes);
  size_t streams = 0;
  for (auto at = bytes->find("endstream"); at != std::string::npos; at = bytes->find("endstream", at + 1)) {
    ++streams;
    REQUIRE(at > 0);
    CHECK(((*bytes)[at - 1] == '\n' || (*bytes)[at - 1] == '\r'));
  }
  CHECK(streams >= 3);  // at least the page's content, the XMP and the ICC profile
}
