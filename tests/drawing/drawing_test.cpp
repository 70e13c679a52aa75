#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>

#include <catch2/catch.hpp>
#include <memory>
#include <string>
#include <vector>

#include "mailroom/drawing/cairo.h"
#include "mailroom/drawing/pdf.h"

namespace mailroom::drawing {
namespace {

std::unique_ptr<QPDF> ParsePdf(const std::string& bytes) {
  auto pdf = std::make_unique<QPDF>();
  pdf->processMemoryFile("test.pdf", bytes.data(), bytes.size());
  return pdf;
}

TEST_CASE("WritePdf draws every page into one PDF with its title") {
  std::vector<std::size_t> drawn;
  auto bytes = WritePdf({.what = "test document", .count = 2, .title = "Zwei Seiten"}, [&](cairo_t* cr, size_t page) {
    drawn.push_back(page);
    SelectFont(cr, "DejaVu Sans", 12, page == 1);
    ShowText(cr, 56, 72, "Seite " + std::to_string(page + 1));
  });
  REQUIRE(bytes);
  CHECK(drawn == std::vector<std::size_t>{0, 1});
  CHECK(bytes->starts_with("%PDF-"));
  auto pdf = ParsePdf(*bytes);
  const auto pages = QPDFPageDocumentHelper(*pdf).getAllPages();
  CHECK(pages.size() == 2);
  REQUIRE_FALSE(pages.empty());
  auto page = pages.front().getObjectHandle();
  auto box = page.getKey("/MediaBox");
  REQUIRE(box.isArray());
  CHECK(box.getArrayItem(2).getNumericValue() == Approx(kA4WidthPt).margin(0.01));
  CHECK(box.getArrayItem(3).getNumericValue() == Approx(kA4HeightPt).margin(0.01));
  CHECK(pdf->getTrailer().getKey("/Info").getKey("/Title").getUTF8Value() == "Zwei Seiten");
}

TEST_CASE("WritePdf reports a failed drawing call with the document's name and Cairo's reason") {
  auto bytes = WritePdf({.what = "test document", .count = 2}, [](cairo_t* cr, size_t page) {
    if (page == 1) cairo_restore(cr);  // no matching cairo_save: the context goes into an error state
  });
  REQUIRE_FALSE(bytes);
  CHECK_THAT(bytes.error().message, Catch::StartsWith("cannot draw test document: ") &&
                                        Catch::Contains(cairo_status_to_string(CAIRO_STATUS_INVALID_RESTORE)));
}

TEST_CASE("CheckStatus turns a Cairo error into an error that names what failed") {
  CHECK(CheckStatus(CAIRO_STATUS_SUCCESS, "page"));
  auto failed = CheckStatus(CAIRO_STATUS_NO_MEMORY, "page");
  REQUIRE_FALSE(failed);
  CHECK(failed.error().message == std::string("page: ") + cairo_status_to_string(CAIRO_STATUS_NO_MEMORY));
}

TEST_CASE("Image surfaces and contexts are owned, and a failed creation is an error") {
  auto surface = CreateImageSurface(CAIRO_FORMAT_A8, 40, 20);
  REQUIRE(surface);
  CHECK(cairo_image_surface_get_width(surface->get()) == 40);
  auto cr = CreateContext(surface->get());
  REQUIRE(cr);
  SelectFont(cr->get(), "DejaVu Sans", 10);
  CHECK(TextAdvance(cr->get(), "Akte") > 0);
  CHECK(TextAdvance(cr->get(), "Akte Akte") > TextAdvance(cr->get(), "Akte"));

  auto too_big = CreateImageSurface(CAIRO_FORMAT_A8, -1, 20);
  REQUIRE_FALSE(too_big);
  CHECK_THAT(too_big.error().message, Catch::StartsWith("cannot create Cairo surface: "));

  cairo_surface_finish(surface->get());
  auto on_finished = CreateContext(surface->get());
  REQUIRE_FALSE(on_finished);
  CHECK_THAT(on_finished.error().message, Catch::StartsWith("cannot create Cairo context: "));
}

}  // namespace
}  // namespace mailroom::drawing
