// PDFs written byte by byte for the ingest tests: scanned pages (a grey image filling the page, at
// the scan's resolution), an invisible text layer, and hostile files (a page tree of 10^5 pages,
// images whose deflate stream claims or expands to far more than a page). Hand-written rather than
// drawn, so that every object is what the test says it is.
#pragma once

#include <zlib.h>

#include <catch2/catch.hpp>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "mailroom/image/pix.h"

namespace mailroom::testing {

/// A PDF's objects, numbered from 1 in the order added; Bytes() writes the header, the objects,
/// a valid cross-reference table, the trailer (root: object 1) and %%EOF.
class PdfObjects {
 public:
  /// Adds an object's body ("<< ... >>", or a dictionary followed by a stream); returns its number.
  int Add(std::string body) {
    objects_.push_back(std::move(body));
    return static_cast<int>(objects_.size());
  }
  /// Sets the body of object `number` (added earlier as a placeholder).
  void Set(int number, std::string body) { objects_[static_cast<std::size_t>(number - 1)] = std::move(body); }

  [[nodiscard]] std::string Bytes() const {
    std::string out = "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n";
    std::vector<std::size_t> offsets;
    for (std::size_t i = 0; i < objects_.size(); ++i) {
      offsets.push_back(out.size());
      out += std::to_string(i + 1) + " 0 obj\n" + objects_[i] + "\nendobj\n";
    }
    const std::size_t xref = out.size();
    out += "xref\n0 " + std::to_string(objects_.size() + 1) + "\n0000000000 65535 f \n";
    char line[32];
    for (std::size_t offset : offsets) {
      std::snprintf(line, sizeof line, "%010zu 00000 n \n", offset);
      out += line;
    }
    out += "trailer\n<< /Size " + std::to_string(objects_.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
           std::to_string(xref) + "\n%%EOF\n";
    return out;
  }

 private:
  std::vector<std::string> objects_;
};

/// `raw` compressed with zlib (a /FlateDecode stream's bytes).
inline std::string Deflate(const std::string& raw) {
  uLongf size = compressBound(static_cast<uLong>(raw.size()));
  std::string out(size, '\0');
  REQUIRE(compress2(reinterpret_cast<Bytef*>(out.data()), &size, reinterpret_cast<const Bytef*>(raw.data()),
                    static_cast<uLong>(raw.size()), 9) == Z_OK);
  out.resize(size);
  return out;
}

/// `zeros` zero bytes compressed with zlib, without holding them all: a zip bomb's stream.
inline std::string DeflatedZeros(std::uint64_t zeros) {
  z_stream z{};
  REQUIRE(deflateInit(&z, 9) == Z_OK);
  const std::string chunk(1 << 20, '\0');
  std::string out;
  std::string buffer(1 << 16, '\0');
  while (true) {
    const bool last = zeros <= chunk.size();
    const auto now = static_cast<uInt>(last ? zeros : chunk.size());
    zeros -= now;
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(chunk.data()));
    z.avail_in = now;
    int rc = Z_OK;
    do {
      z.next_out = reinterpret_cast<Bytef*>(buffer.data());
      z.avail_out = static_cast<uInt>(buffer.size());
      rc = deflate(&z, last ? Z_FINISH : Z_NO_FLUSH);
      out.append(buffer.data(), buffer.size() - z.avail_out);
    } while (z.avail_out == 0 || (last && rc != Z_STREAM_END));
    if (last) break;
  }
  deflateEnd(&z);
  return out;
}

/// The 8-bit grey bytes of `pix` (any depth), row by row, for an image XObject.
inline std::string GreyBytes(Pix* pix) {
  PixPtr grey(pixConvertTo8(pix, 0));
  REQUIRE(grey);
  const int w = pixGetWidth(grey.get()), h = pixGetHeight(grey.get());
  std::string bytes(static_cast<std::size_t>(w) * h, '\0');
  for (int y = 0; y < h; ++y) {
    const l_uint32* line = pixGetData(grey.get()) + static_cast<std::ptrdiff_t>(y) * pixGetWpl(grey.get());
    for (int x = 0; x < w; ++x) bytes[static_cast<std::size_t>(y) * w + x] = static_cast<char>(GET_DATA_BYTE(line, x));
  }
  return bytes;
}

/// One page of a scanned PDF: `image` filling the page at `dpi` (the page is the image's size
/// at that resolution), and an optional invisible text layer (text render mode 3, as OCR tools
/// write it) with `hidden_text` on it.
struct ScanPage {
  Pix* image = nullptr;  ///< nullptr: a page without images (vector text only, `vector_text`)
  int dpi = 300;
  std::string hidden_text;
  std::string vector_text;  ///< visible text drawn with Helvetica (for a page without an image)
};

/// A PDF of `pages` as a scan station or an OCR tool writes it.
inline std::string ScanPdf(const std::vector<ScanPage>& pages) {
  PdfObjects pdf;
  const int catalog = pdf.Add("");
  const int tree = pdf.Add("");
  const int font = pdf.Add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
  std::string kids;
  for (const ScanPage& page : pages) {
    double width_pt = 595.28, height_pt = 841.89;  // A4
    std::string content, resources = "<< /Font << /F1 " + std::to_string(font) + " 0 R >>";
    if (page.image != nullptr) {
      const int w = pixGetWidth(page.image), h = pixGetHeight(page.image);
      width_pt = w * 72.0 / page.dpi;
      height_pt = h * 72.0 / page.dpi;
      const std::string data = Deflate(GreyBytes(page.image));
      const int image =
          pdf.Add("<< /Type /XObject /Subtype /Image /Width " + std::to_string(w) + " /Height " + std::to_string(h) +
                  " /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode" + " /Length " +
                  std::to_string(data.size()) + " >>\nstream\n" + data + "\nendstream");
      resources += " /XObject << /Im0 " + std::to_string(image) + " 0 R >>";
      content += "q " + std::to_string(width_pt) + " 0 0 " + std::to_string(height_pt) + " 0 0 cm /Im0 Do Q\n";
    }
    resources += " >>";
    if (!page.vector_text.empty()) content += "BT /F1 14 Tf 72 740 Td (" + page.vector_text + ") Tj ET\n";
    if (!page.hidden_text.empty()) content += "BT 3 Tr /F1 14 Tf 72 700 Td (" + page.hidden_text + ") Tj ET\n";
    const int stream =
        pdf.Add("<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "\nendstream");
    const int object = pdf.Add("<< /Type /Page /Parent " + std::to_string(tree) + " 0 R /MediaBox [0 0 " +
                               std::to_string(width_pt) + " " + std::to_string(height_pt) + "] /Resources " +
                               resources + " /Contents " + std::to_string(stream) + " 0 R >>");
    kids += std::to_string(object) + " 0 R ";
  }
  pdf.Set(catalog, "<< /Type /Catalog /Pages " + std::to_string(tree) + " 0 R >>");
  pdf.Set(tree, "<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages.size()) + " >>");
  return pdf.Bytes();
}

/// A PDF whose page tree holds `count` empty A4 pages (one Kids array; about 50 bytes a page).
inline std::string ManyPagePdf(int count) {
  PdfObjects pdf;
  pdf.Add("<< /Type /Catalog /Pages 2 0 R >>");
  const int tree = pdf.Add("");
  std::string kids;
  kids.reserve(static_cast<std::size_t>(count) * 10);
  for (int i = 0; i < count; ++i) kids += std::to_string(pdf.Add("<< /Type /Page /Parent 2 0 R >>")) + " 0 R ";
  pdf.Set(tree, "<< /Type /Pages /MediaBox [0 0 595 842] /Count " + std::to_string(count) + " /Kids [" + kids + "] >>");
  return pdf.Bytes();
}

/// A one-page A4 PDF whose page draws a grey image claiming `width` x `height` pixels, its stream
/// `zeros` zero bytes deflated: a zip bomb when that is far more than the claim or the claim is huge.
inline std::string ImageBombPdf(std::int64_t width, std::int64_t height, std::uint64_t zeros) {
  const std::string data = DeflatedZeros(zeros);
  PdfObjects pdf;
  pdf.Add("<< /Type /Catalog /Pages 2 0 R >>");
  pdf.Add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
  pdf.Add(
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.28 841.89] /Resources << /XObject << /Im0 5 0 R >> >> "
      "/Contents 4 0 R >>");
  const std::string content = "q 595.28 0 0 841.89 0 0 cm /Im0 Do Q\n";
  pdf.Add("<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "\nendstream");
  pdf.Add("<< /Type /XObject /Subtype /Image /Width " + std::to_string(width) + " /Height " + std::to_string(height) +
          " /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length " + std::to_string(data.size()) +
          " >>\nstream\n" + data + "\nendstream");
  return pdf.Bytes();
}

/// A one-page PDF of `width_pt` x `height_pt` points (PDF allows up to 14400) without images.
inline std::string GiantPagePdf(double width_pt, double height_pt) {
  PdfObjects pdf;
  pdf.Add("<< /Type /Catalog /Pages 2 0 R >>");
  pdf.Add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
  pdf.Add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 " + std::to_string(width_pt) + " " + std::to_string(height_pt) +
          "] >>");
  return pdf.Bytes();
}

inline void WriteFile(const std::filesystem::path& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

}  // namespace mailroom::testing
