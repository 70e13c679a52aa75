// A document assembled again is the same bytes: its dates come from the box's arrival, never from
// the clock, so a redelivered or rebuilt document is a repeat the Postkorb can recognise.
#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>

#include <chrono>
#include <string>
#include <thread>

#include <catch2/catch.hpp>

#include "mailroom/common/atomic_file.h"
#include "mailroom/routing/output.h"
#include "temp_dir.h"

using namespace mailroom;
using namespace std::chrono_literals;
using testing::TempDir;

namespace {

// A routed document of two pages: one page PDF (as OCR makes it, once) and one page that could
// not be read (its notice page is drawn anew by every assembly).
routing::DocumentInput TwoPages(const TempDir& root) {
  routing::DocumentInput input;
  input.box_id = "BOX-5";
  input.document_id = "BOX-5-001";
  input.box_arrived_at = "2026-11-24T06:30:00Z";
  auto& c = input.classification;
  c.routed = true;
  c.jobcenter_id = "jobcenter-kiel";
  c.bg_number = "35301BG0012345";
  c.doc_type = "letter";
  c.team = "leistung";
  c.confidence = 0.9;
  c.evidence = {"barcode"};
  input.page_names = {"0002.tif", "0003.jpg"};
  REQUIRE(routing::WriteNoticePdf(root / "0002.pdf", "Sehr geehrte Damen und Herren"));
  REQUIRE(WriteFileAtomically(root / "0003.jpg", "broken bytes"));
  input.page_pdfs = {root / "0002.pdf", ""};
  input.unreadable_files = {root / "0003.jpg"};
  return input;
}

struct PdfDates {
  std::string info_created, info_modified, xmp;
};

PdfDates DatesOf(const std::string& bytes) {
  QPDF pdf;
  pdf.processMemoryFile("document", bytes.data(), bytes.size());
  PdfDates dates;
  auto info = pdf.getTrailer().getKey("/Info");
  if (info.hasKey("/CreationDate")) dates.info_created = info.getKey("/CreationDate").getStringValue();
  if (info.hasKey("/ModDate")) dates.info_modified = info.getKey("/ModDate").getStringValue();
  const auto data = pdf.getRoot().getKey("/Metadata").getRawStreamData();
  dates.xmp.assign(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
  return dates;
}

}  // namespace

TEST_CASE("A document assembled again a second later is the same bytes, PDF and JSON") {
  TempDir root;
  const auto input = TwoPages(root);
  auto first = routing::AssembleDocument(input, root / "scratch");
  REQUIRE(first);
  auto first_split = routing::SelectPdfPages(root / "0002.pdf", {0}, "BOX-5-002", input.box_arrived_at);
  REQUIRE(first_split);
  std::this_thread::sleep_for(1100ms);  // a clock date would show in the seconds
  auto again = routing::AssembleDocument(input, root / "scratch");
  REQUIRE(again);
  CHECK(again->json == first->json);
  CHECK(again->pdf == first->pdf);
  REQUIRE(again->originals.size() == 1);
  CHECK(again->originals[0].bytes == first->originals[0].bytes);
  // The review desk's documents too (split, a page taken out, a page scanned again).
  auto split_again = routing::SelectPdfPages(root / "0002.pdf", {0}, "BOX-5-002", input.box_arrived_at);
  REQUIRE(split_again);
  CHECK(*split_again == *first_split);
}

TEST_CASE("A document's PDF/A dates are its box's arrival, the same in Info and XMP") {
  TempDir root;
  auto document = routing::AssembleDocument(TwoPages(root), root / "scratch");
  REQUIRE(document);
  const auto dates = DatesOf(document->pdf);
  CHECK(dates.info_created == "D:20261124063000Z");
  CHECK(dates.info_modified == "D:20261124063000Z");
  CHECK_THAT(dates.xmp, Catch::Contains("<xmp:CreateDate>2026-11-24T06:30:00Z</xmp:CreateDate>"));
  CHECK_THAT(dates.xmp, Catch::Contains("<xmp:ModifyDate>2026-11-24T06:30:00Z</xmp:ModifyDate>"));
}

TEST_CASE("Without a known arrival time a document has no dates at all, rather than the clock's") {
  TempDir root;
  auto input = TwoPages(root);
  for (const char* unknown : {"", "yesterday"}) {
    input.box_arrived_at = unknown;
    auto document = routing::AssembleDocument(input, root / "scratch");
    REQUIRE(document);
    const auto dates = DatesOf(document->pdf);
    CHECK(dates.info_created.empty());
    CHECK(dates.info_modified.empty());
    CHECK_THAT(dates.xmp, !Catch::Contains("Date>"));
    CHECK_THAT(dates.xmp, Catch::Contains("<pdfaid:part>2</pdfaid:part>"));
  }
}
