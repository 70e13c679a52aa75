// PDFs for the pdf tests, drawn with Cairo: known text, known page sizes, one coloured page.
#pragma once

#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "mailroom/common/atomic_file.h"
#include "mailroom/drawing/cairo.h"
#include "mailroom/drawing/pdf.h"

namespace mailroom::testing {

inline constexpr const char* kFirstPageLine = "Widerspruch gegen den Bescheid";
inline constexpr const char* kUmlautLine = "Jürgen Weiß, Große Straße 5";
inline constexpr const char* kSecondPageLine = "Seite zwei";

/// Two A4 pages: page 1 black text (grey when rendered), page 2 text and a red bar (colour).
inline std::string TwoPagePdf() {
  drawing::PdfPages pages;
  pages.what = "the test PDF";
  pages.count = 2;
  auto pdf = drawing::WritePdf(pages, [](cairo_t* cr, std::size_t page) {
    cairo_set_source_rgb(cr, 0, 0, 0);
    drawing::SelectFont(cr, "DejaVu Sans", 14);
    if (page == 0) {
      drawing::ShowText(cr, 72, 100, kFirstPageLine);
      drawing::ShowText(cr, 72, 130, kUmlautLine);
    } else {
      drawing::ShowText(cr, 72, 100, kSecondPageLine);
      cairo_set_source_rgb(cr, 1, 0, 0);
      cairo_rectangle(cr, 0, 0, 200, 50);  // top left: x 0..200 pt, y 0..50 pt
      cairo_fill(cr);
    }
  });
  REQUIRE(pdf);
  return *pdf;
}

/// One empty page of `width_pt` x `height_pt`.
inline std::string EmptyPagePdf(double width_pt, double height_pt) {
  drawing::PdfPages pages;
  pages.what = "the test PDF";
  pages.width_pt = width_pt;
  pages.height_pt = height_pt;
  auto pdf = drawing::WritePdf(pages, [](cairo_t*, std::size_t) {});
  REQUIRE(pdf);
  return *pdf;
}

inline std::filesystem::path WriteTestFile(const std::filesystem::path& path, const std::string& bytes) {
  REQUIRE(WriteFileAtomically(path, bytes));
  return path;
}

}  // namespace mailroom::testing
