// The only user of Cairo in the sample generator (its objects owned by mailroom::drawing). We draw
// into an A8 (alpha-only) surface: alpha is the amount of ink, so the grey value is 255 - alpha.
// That is a quarter of the memory of an RGB surface and needs no colour conversion afterwards.
// Text uses Cairo's toy font API, which resolves fontconfig family
// names ("DejaVu Sans", "Liberation Serif", ...) to the installed TrueType fonts.
//
// Cairo 1.16 (Debian 12) is not safe for text from several threads, even on separate surfaces and
// contexts: the scaled fonts are shared through a global cache, and we saw segfaults inside
// cairo_scaled_font_text_to_glyphs with two threads (freedesktop bug 90318, fixed in 1.17). So all
// Cairo drawing happens under one process-wide lock; the slower steps (pixel conversion, skew,
// encoding) run outside it.
#include "page_renderer.h"

#include <algorithm>
#include <cmath>
#include <mutex>
#include <numbers>
#include <string>
#include <vector>

#include "barcode_painter.h"
#include "mailroom/drawing/cairo.h"
#include "rng.h"

namespace mailroom::samplegen {
namespace {

std::mutex& CairoLock() {
  static std::mutex lock;
  return lock;
}

constexpr double kMmPerInch = 25.4;
constexpr double kPointsPerInch = 72.0;

class Canvas {
 public:
  Canvas(cairo_t* cr, int dpi) : cr_(cr), px_per_mm_(dpi / kMmPerInch), px_per_pt_(dpi / kPointsPerInch) {}

  double Px(double mm) const { return mm * px_per_mm_; }

  void SetFont(const std::string& family, double size_pt, bool bold) {
    drawing::SelectFont(cr_, family, size_pt * px_per_pt_, bold);
  }

  double TextWidth(const std::string& text) { return drawing::TextAdvance(cr_, text); }

  void Text(const std::string& text, double x_px, double baseline_px) {
    drawing::ShowText(cr_, x_px, baseline_px, text);
  }

  void Rect(double x, double y, double w, double h) {
    cairo_rectangle(cr_, x, y, w, h);
    cairo_fill(cr_);
  }

 private:
  cairo_t* cr_;
  double px_per_mm_;
  double px_per_pt_;
};

// Draws one row; shrinks the font if the row would run past the right margin.
void DrawRow(Canvas& canvas, const PageLayout& layout, const TextRow& row, double baseline_px, int page_w) {
  double left = canvas.Px(layout.left_mm + (row.align == Align::kLeft ? row.indent_mm : 0));
  double right = page_w - canvas.Px(layout.right_mm);
  double size = row.size_pt;
  canvas.SetFont(layout.font_family, size, row.bold);
  double gap = row.right_text.empty() ? 0 : canvas.Px(6);
  double needed = canvas.TextWidth(row.text) + gap + canvas.TextWidth(row.right_text);
  if (needed > right - left) {
    size *= (right - left) / needed;
    canvas.SetFont(layout.font_family, size, row.bold);
  }
  double width = canvas.TextWidth(row.text);
  double x = left;
  if (row.align == Align::kCenter) x = (left + right - width) / 2;
  if (row.align == Align::kRight) x = right - width;
  canvas.Text(row.text, x, baseline_px);
  if (!row.right_text.empty()) canvas.Text(row.right_text, right - canvas.TextWidth(row.right_text), baseline_px);
}

// Splits at single spaces; handwriting is drawn word by word so each word can wander a little.
std::vector<std::string> Words(const std::string& line) {
  std::vector<std::string> words;
  std::string word;
  for (char ch : line + " ") {
    if (ch != ' ') {
      word += ch;
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  return words;
}

// The font matrix carries size and slant: x' = x - slant * y leans the glyph tops to the right
// (font space has y pointing down).
void SetFreeFont(cairo_t* cr, double size_px, double slant) {
  cairo_matrix_t matrix;
  cairo_matrix_init(&matrix, size_px, 0, -slant * size_px, size_px, 0, 0);
  cairo_set_font_matrix(cr, &matrix);
}

// Draws one line word by word from x = 0 on `baseline`; returns its width (to the last glyph).
double DrawFreeLine(cairo_t* cr, const FreeText& note, const std::string& line, double baseline, double size_px,
                    Rng& rng) {
  double x = 0;
  double end = 0;
  for (const std::string& word : Words(line)) {
    double size = note.jitter ? size_px * rng.Real(0.93, 1.07) : size_px;
    double dy = note.jitter ? size_px * rng.Real(-0.07, 0.07) : 0;
    double tilt = note.jitter ? rng.Real(-0.05, 0.05) : 0;
    SetFreeFont(cr, size, note.slant);
    cairo_text_extents_t extents;
    cairo_text_extents(cr, word.c_str(), &extents);
    cairo_save(cr);
    cairo_translate(cr, x, baseline + dy);
    cairo_rotate(cr, tilt);
    cairo_move_to(cr, 0, 0);
    cairo_show_text(cr, word.c_str());
    cairo_restore(cr);
    end = x + extents.x_advance;
    x = end + size * (note.jitter ? rng.Real(0.25, 0.4) : 0.3);
  }
  return end;
}

// A handwritten note or a stamp. Everything is drawn in a frame turned about the first baseline's
// start, so the note is tilted as a whole.
void DrawFreeText(cairo_t* cr, const Canvas& canvas, const FreeText& note, double px_per_pt) {
  Rng rng(note.seed);
  double size_px = note.size_pt * px_per_pt;
  double gap = size_px * note.line_spacing;
  cairo_save(cr);
  cairo_set_source_rgba(cr, 0, 0, 0, note.ink);
  cairo_translate(cr, canvas.Px(note.x_mm), canvas.Px(note.y_mm));
  cairo_rotate(cr, note.angle_degrees * std::numbers::pi / 180.0);
  cairo_select_font_face(cr, note.font_family.c_str(), CAIRO_FONT_SLANT_NORMAL,
                         note.bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
  double width = 0;
  for (std::size_t i = 0; i < note.lines.size(); ++i) {
    width = std::max(width, DrawFreeLine(cr, note, note.lines[i], static_cast<double>(i) * gap, size_px, rng));
  }
  double last = static_cast<double>(note.lines.size() - 1) * gap;
  cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
  if (note.underline) {
    cairo_set_line_width(cr, size_px * 0.07);
    double y = last + size_px * 0.3;
    cairo_move_to(cr, 0, y);
    cairo_curve_to(cr, width * 0.3, y + size_px * rng.Real(-0.15, 0.15), width * 0.6,
                   y + size_px * rng.Real(-0.15, 0.15), width * rng.Real(0.8, 1.0), y - size_px * rng.Real(0, 0.2));
    cairo_stroke(cr);
  }
  if (note.boxed) {
    double pad = canvas.Px(2.5);
    double top = -size_px * 0.85 - pad;
    double bottom = last + size_px * 0.25 + pad;
    cairo_set_line_width(cr, canvas.Px(0.6));
    cairo_rectangle(cr, -pad, top, width + 2 * pad, bottom - top);
    cairo_stroke(cr);
    double inset = canvas.Px(1.0);
    cairo_set_line_width(cr, canvas.Px(0.3));
    cairo_rectangle(cr, -pad - inset, top - inset, width + 2 * (pad + inset), bottom - top + 2 * inset);
    cairo_stroke(cr);
  }
  cairo_restore(cr);
}

Result<void> DrawBarcode(Canvas& canvas, const BarcodeSpot& spot) {
  auto symbol = EncodeBarcode(spot.payload, spot.format);
  if (!symbol) return tl::unexpected(symbol.error());
  // Whole-pixel modules: a 1D code needs at least 2 px per bar, a 2D code 3 px per cell.
  int min_module = symbol->linear ? 2 : 3;
  int module = std::max(min_module, static_cast<int>(std::lround(canvas.Px(spot.width_mm) / symbol->width)));
  double width = static_cast<double>(module) * symbol->width;
  double height = symbol->linear ? std::round(canvas.Px(spot.height_mm)) : static_cast<double>(module) * symbol->height;
  double x0 = std::round(canvas.Px(spot.x_mm));
  if (spot.align == Align::kCenter) x0 = std::round(x0 - width / 2);
  if (spot.align == Align::kRight) x0 = std::round(x0 - width);
  double y0 = std::round(canvas.Px(spot.y_mm) - (spot.center_vertically ? height / 2 : 0));
  for (int y = 0; y < symbol->height; ++y) {
    for (int x = 0; x < symbol->width; ++x) {
      if (symbol->dark[static_cast<std::size_t>(y) * symbol->width + x] == 0) continue;
      double cell_h = symbol->linear ? height : module;
      canvas.Rect(x0 + x * module, y0 + y * module, module, cell_h);
    }
  }
  return {};
}

// Copies Cairo's ink coverage into a Leptonica 8 bpp image (Leptonica's byte order is handled by
// SET_DATA_BYTE).
Result<PixPtr> ToPix(cairo_surface_t* surface, int dpi) {
  cairo_surface_flush(surface);
  int w = cairo_image_surface_get_width(surface);
  int h = cairo_image_surface_get_height(surface);
  int stride = cairo_image_surface_get_stride(surface);
  const unsigned char* src = cairo_image_surface_get_data(surface);
  auto pix = Owned(pixCreate(w, h, 8), "pixCreate");
  if (!pix) return pix;
  pixSetResolution(pix->get(), dpi, dpi);
  l_uint32* data = pixGetData(pix->get());
  int wpl = pixGetWpl(pix->get());
  for (int y = 0; y < h; ++y) {
    const unsigned char* in = src + static_cast<std::ptrdiff_t>(y) * stride;
    l_uint32* out = data + static_cast<std::ptrdiff_t>(y) * wpl;
    for (int x = 0; x < w; ++x) SET_DATA_BYTE(out, x, 255 - in[x]);
  }
  return pix;
}

}  // namespace

int PageWidthPx(int dpi) {
  return static_cast<int>(std::lround(210.0 / kMmPerInch * dpi));
}
int PageHeightPx(int dpi) {
  return static_cast<int>(std::lround(297.0 / kMmPerInch * dpi));
}

Result<PixPtr> RenderLayout(const PageLayout& layout, int dpi) {
  if (dpi < 50 || dpi > 1200) return Fail("invalid dpi " + std::to_string(dpi));
  int w = PageWidthPx(dpi);
  int h = PageHeightPx(dpi);
  std::unique_lock lock(CairoLock());
  auto surface = drawing::CreateImageSurface(CAIRO_FORMAT_A8, w, h);
  if (!surface) return tl::unexpected(surface.error());
  auto context = drawing::CreateContext(surface->get());
  if (!context) return tl::unexpected(context.error());
  drawing::ContextPtr cr = std::move(*context);
  cairo_set_source_rgba(cr.get(), 0, 0, 0, 1);  // on A8 only the alpha (= ink) matters
  Canvas canvas(cr.get(), dpi);

  // Shaded fields first: the text is printed over them (on A8, OVER adds the coverages).
  for (const ShadeRect& shade : layout.shades) {
    cairo_set_source_rgba(cr.get(), 0, 0, 0, shade.ink);
    canvas.Rect(canvas.Px(shade.x_mm), canvas.Px(shade.y_mm), canvas.Px(shade.width_mm), canvas.Px(shade.height_mm));
  }
  cairo_set_source_rgba(cr.get(), 0, 0, 0, 1);
  const std::vector<double> baselines = RowBaselinesMm(layout);
  for (std::size_t i = 0; i < layout.rows.size(); ++i) {
    const TextRow& row = layout.rows[i];
    if (!row.text.empty() || !row.right_text.empty()) DrawRow(canvas, layout, row, canvas.Px(baselines[i]), w);
  }
  const std::vector<double> foot = FooterBaselinesMm(layout);
  for (std::size_t i = 0; i < layout.footer.size(); ++i) {
    const TextRow& row = layout.footer[i];
    if (!row.text.empty() || !row.right_text.empty()) DrawRow(canvas, layout, row, canvas.Px(foot[i]), w);
  }
  for (const FreeText& note : layout.notes) {
    if (!note.lines.empty()) DrawFreeText(cr.get(), canvas, note, dpi / kPointsPerInch);
  }
  cairo_set_antialias(cr.get(), CAIRO_ANTIALIAS_NONE);  // crisp module edges
  for (const BarcodeSpot& spot : layout.barcodes) {
    auto drawn = DrawBarcode(canvas, spot);
    if (!drawn) return tl::unexpected(drawn.error().Prefixed("barcode"));
  }
  for (const InkRect& rect : layout.rects) {
    const double left = std::round(canvas.Px(rect.x_mm)), top = std::round(canvas.Px(rect.y_mm));
    canvas.Rect(left, top, std::round(canvas.Px(rect.x_mm + rect.width_mm)) - left,
                std::round(canvas.Px(rect.y_mm + rect.height_mm)) - top);
  }
  if (auto drawn = drawing::CheckStatus(cairo_status(cr.get()), "Cairo"); !drawn) return tl::unexpected(drawn.error());
  cr.reset();  // releases the context's font references while we still hold the lock
  cairo_surface_flush(surface->get());
  lock.unlock();
  return ToPix(surface->get(), dpi);
}

}  // namespace mailroom::samplegen
