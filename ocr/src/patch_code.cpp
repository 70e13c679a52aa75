// Finding patch codes in two steps:
// 1. Seeds: on a copy reduced to about 75 dpi, every connected blob of ink that is a long, straight
//    bar (or a few bars run together), found by its second moments, which give its length,
//    thickness and angle whatever its skew. Letters, words and most rules are no seed.
// 2. Decoding across each seed, on the full-resolution page: at every offset across the bars, the
//    share of dark samples along the middle 80 % of the seed's length. Four runs of ink there that
//    cover that whole length, with three narrow spaces, two wide and two narrow bars in the
//    specified ratio, the right size in millimetres and quiet paper on both sides, are a patch.
//    The averaging makes dust, noise and ragged edges count for little; the quiet zones and the
//    coverage keep barcodes (many bars), tables (rules far apart) and text (grey on average) out.
#include "patch_code.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <memory>
#include <numbers>
#include <optional>
#include <vector>

namespace mailroom::ocr {
namespace {

constexpr double kMmPerInch = 25.4;
// The seeds are looked for at about this resolution.
constexpr double kSeedDpi = 75.0;
// Nominal size: 4 bars and 3 spaces make 10 narrow units (0.08 in each), a wide bar is 2.5 units.
constexpr double kNominalAcrossMm = 0.80 * kMmPerInch;
// Printed patches come scaled (a PDF printed "fit to page") and scanned at a slightly wrong
// resolution: accepted from 70 % to 140 % of the nominal size.
constexpr double kMinAcrossMm = 0.70 * kNominalAcrossMm, kMaxAcrossMm = 1.40 * kNominalAcrossMm;
// The bars are at least 2 in long (2.5 in is the standard); a little is lost to blur and scaling.
constexpr double kMinBarMm = 40.0, kMaxBarMm = 230.0;
// A seed is at most this thick: four bars run together by a smudge are still one.
constexpr double kMaxSeedThicknessMm = 1.2 * kMaxAcrossMm;
constexpr double kMinSeedThicknessMm = 0.8;
// Bars lie along the rows or the columns, skewed by at most this much.
constexpr double kMaxSkewDegrees = 12.0;
// Paper on both sides of the code (the specification asks 0.25 in from other printing).
constexpr double kQuietMm = 4.0;
// Samples along the bars at each offset across them.
constexpr int kSamplesAlong = 48;
// Widths in narrow units: a narrow bar or space, a wide bar; and the wide-to-narrow ratio.
constexpr double kNarrowMin = 0.5, kNarrowMax = 1.6, kWideMin = 1.75, kWideMax = 3.4;
constexpr double kMinRatio = 1.7, kMaxRatio = 4.5;
// Shares of dark samples: in a bar's core, in a space's core, in the quiet zones.
constexpr double kMinBarCoverage = 0.85, kMaxSpaceCoverage = 0.2, kMaxQuietCoverage = 0.15;
// Grey levels between the darkest and lightest samples around a seed: less is no printed bar.
constexpr int kMinContrast = 80;
// At most this many seeds are decoded (the longest first): a page of rules cannot cost much.
constexpr std::size_t kMaxSeeds = 40;

struct PixaFree {
  void operator()(Pixa* p) const noexcept { pixaDestroy(&p); }
};
struct BoxaFree {
  void operator()(Boxa* b) const noexcept { boxaDestroy(&b); }
};

// A long, straight blob, in full-resolution pixels.
struct Seed {
  double cx = 0, cy = 0;  // centroid
  double angle = 0;       // radians of the long axis from the rows
  double length_mm = 0;
};

// The long axis, length and thickness of a blob from its second moments: a solid rectangle of
// length L and thickness T has variances L^2/12 and T^2/12 along its axes, and area L * T.
std::optional<Seed> SeedOf(Pix* blob, int left, int top, double px_per_mm, double scale) {
  const int w = pixGetWidth(blob), h = pixGetHeight(blob), wpl = pixGetWpl(blob);
  const l_uint32* data = pixGetData(blob);
  double n = 0, sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
  for (int y = 0; y < h; ++y) {
    const l_uint32* line = data + static_cast<std::ptrdiff_t>(y) * wpl;
    for (int x = 0; x < w; ++x) {
      if (GET_DATA_BIT(line, x) == 0) continue;
      n += 1;
      sx += x;
      sy += y;
      sxx += static_cast<double>(x) * x;
      syy += static_cast<double>(y) * y;
      sxy += static_cast<double>(x) * y;
    }
  }
  if (n < 10) return std::nullopt;
  const double mx = sx / n, my = sy / n;
  const double vxx = sxx / n - mx * mx, vyy = syy / n - my * my, vxy = sxy / n - mx * my;
  const double mean = (vxx + vyy) / 2, spread = std::sqrt((vxx - vyy) * (vxx - vyy) / 4 + vxy * vxy);
  const double length_mm = std::sqrt(12 * (mean + spread)) / px_per_mm;
  const double thickness_mm = std::sqrt(12 * std::max(0.0, mean - spread)) / px_per_mm;
  if (length_mm < kMinBarMm || length_mm > kMaxBarMm) return std::nullopt;
  if (thickness_mm < kMinSeedThicknessMm || thickness_mm > kMaxSeedThicknessMm) return std::nullopt;
  // Filled like a bar (or bars with narrow spaces between them), not a ring, an L or a scribble.
  const double fill = n / (length_mm * thickness_mm * px_per_mm * px_per_mm);
  if (fill < 0.5 || fill > 1.3) return std::nullopt;
  const double angle = 0.5 * std::atan2(2 * vxy, vxx - vyy);
  const double degrees = std::abs(angle) * 180 / std::numbers::pi;
  if (std::min(degrees, std::abs(90 - degrees)) > kMaxSkewDegrees) return std::nullopt;
  return Seed{(left + mx + 0.5) / scale - 0.5, (top + my + 0.5) / scale - 0.5, angle, length_mm};
}

std::vector<Seed> FindSeeds(Pix* grey, int dpi) {
  const double scale = std::min(1.0, kSeedDpi / dpi);
  PixPtr small(scale < 1.0 ? pixScale(grey, static_cast<float>(scale), static_cast<float>(scale)) : pixClone(grey));
  if (!small) return {};
  PixPtr ink(pixThresholdToBinary(small.get(), 128));
  if (!ink) return {};
  const double px_per_mm = dpi * scale / kMmPerInch;
  Pixa* blobs_raw = nullptr;
  std::unique_ptr<Boxa, BoxaFree> boxes(pixConnComp(ink.get(), &blobs_raw, 8));
  std::unique_ptr<Pixa, PixaFree> blobs(blobs_raw);
  if (!boxes || !blobs) return {};
  std::vector<Seed> seeds;
  const int min_extent = static_cast<int>(0.7 * kMinBarMm * px_per_mm);
  for (int i = 0; i < boxaGetCount(boxes.get()); ++i) {
    l_int32 x = 0, y = 0, w = 0, h = 0;
    if (boxaGetBoxGeometry(boxes.get(), i, &x, &y, &w, &h) != 0 || std::max(w, h) < min_extent) continue;
    PixPtr blob(pixaGetPix(blobs.get(), i, L_CLONE));
    if (!blob) continue;
    if (auto seed = SeedOf(blob.get(), x, y, px_per_mm, scale)) seeds.push_back(*seed);
  }
  std::sort(seeds.begin(), seeds.end(), [](const Seed& a, const Seed& b) { return a.length_mm > b.length_mm; });
  if (seeds.size() > kMaxSeeds) seeds.resize(kMaxSeeds);
  return seeds;
}

// A run of offsets across the bars where most samples are dark: [start, end) in pixels.
struct Run {
  double start = 0, end = 0;
  double Width() const { return end - start; }
};

// The page sampled across one seed: coverage[i] is the share of dark samples at offset
// i - radius pixels from the seed's centre line, along the normal of its long axis.
class Profile {
 public:
  Profile(Pix* grey, const Seed& seed, double px_per_mm) : px_per_mm_(px_per_mm) {
    radius_ = static_cast<int>(std::ceil((kMaxAcrossMm + kQuietMm + 2) * px_per_mm));
    ux_ = std::cos(seed.angle);
    uy_ = std::sin(seed.angle);
    const int w = pixGetWidth(grey), h = pixGetHeight(grey), wpl = pixGetWpl(grey);
    const l_uint32* data = pixGetData(grey);
    const double half = 0.4 * seed.length_mm * px_per_mm;
    std::vector<std::uint8_t> samples(static_cast<std::size_t>(2 * radius_ + 1) * kSamplesAlong, 255);
    std::array<int, 256> histogram{};
    for (int i = 0; i <= 2 * radius_; ++i) {
      const double t = i - radius_;
      for (int k = 0; k < kSamplesAlong; ++k) {
        const double s = -half + 2 * half * k / (kSamplesAlong - 1);
        const int x = static_cast<int>(std::lround(seed.cx + s * ux_ - t * uy_));
        const int y = static_cast<int>(std::lround(seed.cy + s * uy_ + t * ux_));
        std::uint8_t v = 255;
        if (x >= 0 && y >= 0 && x < w && y < h) {
          v = static_cast<std::uint8_t>(GET_DATA_BYTE(data + static_cast<std::ptrdiff_t>(y) * wpl, x));
        }
        samples[static_cast<std::size_t>(i) * kSamplesAlong + k] = v;
        ++histogram[v];
      }
    }
    // The ink and paper levels around this seed (uneven light and tinted paper vary over a page).
    const int total = static_cast<int>(samples.size());
    int ink = -1, paper = 255;
    for (int v = 0, seen = 0; v < 256; ++v) {
      seen += histogram[static_cast<std::size_t>(v)];
      if (ink < 0 && seen >= total / 20) ink = v;
      if (seen >= total * 9 / 10) {
        paper = v;
        break;
      }
    }
    if (paper - ink < kMinContrast) return;
    const int threshold = (ink + paper) / 2;
    coverage_.resize(static_cast<std::size_t>(2 * radius_ + 1));
    for (std::size_t i = 0; i < coverage_.size(); ++i) {
      int dark = 0;
      for (int k = 0; k < kSamplesAlong; ++k) dark += samples[i * kSamplesAlong + k] < threshold ? 1 : 0;
      coverage_[i] = static_cast<double>(dark) / kSamplesAlong;
    }
  }

  bool Empty() const { return coverage_.empty(); }

  // The runs of mostly dark offsets, their edges interpolated to where coverage crosses one half.
  std::vector<Run> Runs() const {
    std::vector<Run> runs;
    auto crossing = [&](std::size_t i) {  // between i - 1 and i
      const double a = coverage_[i - 1], b = coverage_[i];
      return static_cast<double>(i) - 1 + (0.5 - a) / (b - a) - radius_;
    };
    for (std::size_t i = 1; i < coverage_.size(); ++i) {
      const bool was = coverage_[i - 1] >= 0.5, is = coverage_[i] >= 0.5;
      if (!was && is) runs.push_back({crossing(i), 0});
      if (was && !is && !runs.empty()) runs.back().end = crossing(i);
    }
    if (!runs.empty() && runs.back().end == 0) runs.pop_back();  // runs off the profile
    return runs;
  }

  // The least and the most coverage between offsets a and b (pixels from the centre line).
  std::pair<double, double> Range(double a, double b) const {
    const int from = std::max(0, static_cast<int>(std::ceil(a)) + radius_);
    const int to = std::min(static_cast<int>(coverage_.size()) - 1, static_cast<int>(std::floor(b)) + radius_);
    double least = 1, most = 0;
    for (int i = from; i <= to; ++i) {
      least = std::min(least, coverage_[static_cast<std::size_t>(i)]);
      most = std::max(most, coverage_[static_cast<std::size_t>(i)]);
    }
    return {least, most};
  }

  double PxPerMm() const { return px_per_mm_; }
  double NormalX() const { return -uy_; }
  double NormalY() const { return ux_; }

 private:
  double px_per_mm_;
  int radius_ = 0;
  double ux_ = 1, uy_ = 0;
  std::vector<double> coverage_;
};

// The bars' wide/narrow pattern in the order of the offsets, if runs[first..first+3] are a patch.
std::optional<std::array<bool, 4>> Decode(const Profile& profile, const std::vector<Run>& runs, std::size_t first) {
  const Run* bars = &runs[first];
  const double across = bars[3].end - bars[0].start;
  const double across_mm = across / profile.PxPerMm();
  if (across_mm < kMinAcrossMm || across_mm > kMaxAcrossMm) return std::nullopt;
  const double unit = across / 10;
  std::array<bool, 4> wide{};
  double wide_sum = 0, narrow_sum = 0;
  for (int i = 0; i < 4; ++i) {
    const double units = bars[i].Width() / unit;
    wide[static_cast<std::size_t>(i)] = units >= kWideMin;
    if (units >= kWideMin ? units > kWideMax : (units < kNarrowMin || units > kNarrowMax)) return std::nullopt;
    (units >= kWideMin ? wide_sum : narrow_sum) += units;
    // Dark all along the bar, not a row of marks that merely average out dark.
    const double core = 0.2 * bars[i].Width();
    if (profile.Range(bars[i].start + core, bars[i].end - core).first < kMinBarCoverage) return std::nullopt;
  }
  if (std::count(wide.begin(), wide.end(), true) != 2) return std::nullopt;
  if (wide_sum / narrow_sum < kMinRatio || wide_sum / narrow_sum > kMaxRatio) return std::nullopt;
  for (int i = 0; i < 3; ++i) {
    const double space = bars[i + 1].start - bars[i].end;
    if (space / unit < kNarrowMin || space / unit > kNarrowMax) return std::nullopt;
    const double core = 0.2 * space;
    if (profile.Range(bars[i].end + core, bars[i + 1].start - core).second > kMaxSpaceCoverage) return std::nullopt;
  }
  const double quiet = kQuietMm * profile.PxPerMm(), blur = 0.5 * profile.PxPerMm();
  if (profile.Range(bars[0].start - quiet, bars[0].start - blur).second > kMaxQuietCoverage) return std::nullopt;
  if (profile.Range(bars[3].end + blur, bars[3].end + quiet).second > kMaxQuietCoverage) return std::nullopt;
  return wide;
}

// How far from (x, y) the page's edge is in direction (dx, dy).
double DistanceToEdge(double x, double y, double dx, double dy, int w, int h) {
  double distance = 1e18;
  if (dx > 1e-9) distance = std::min(distance, (w - x) / dx);
  if (dx < -1e-9) distance = std::min(distance, -x / dx);
  if (dy > 1e-9) distance = std::min(distance, (h - y) / dy);
  if (dy < -1e-9) distance = std::min(distance, -y / dy);
  return distance;
}

const char* PatchName(const std::array<bool, 4>& wide) {
  static constexpr std::array<std::pair<std::array<bool, 4>, const char*>, 6> kPatches = {{
      {{true, true, false, false}, "1"},
      {{true, false, false, true}, "2"},
      {{true, false, true, false}, "3"},
      {{false, true, true, false}, "4"},
      {{false, false, true, true}, "6"},
      {{false, true, false, true}, "T"},
  }};
  for (const auto& [pattern, name] : kPatches) {
    if (pattern == wide) return name;
  }
  return nullptr;
}

}  // namespace

std::vector<PatchCode> FindPatchCodes(Pix* grey, int dpi) {
  std::vector<PatchCode> found;
  if (grey == nullptr || pixGetDepth(grey) != 8 || dpi <= 0) return found;
  const double px_per_mm = dpi / kMmPerInch;
  for (const Seed& seed : FindSeeds(grey, dpi)) {
    const Profile profile(grey, seed, px_per_mm);
    if (profile.Empty()) continue;
    const std::vector<Run> runs = profile.Runs();
    for (std::size_t first = 0; first + 4 <= runs.size(); ++first) {
      // The seed is one of the four bars, or all of them run together.
      if (runs[first].start > 0 || runs[first + 3].end < 0) continue;
      auto wide = Decode(profile, runs, first);
      if (!wide) continue;
      // Read from the leading edge: the page edge nearest to the code, across the bars.
      const double middle = (runs[first].start + runs[first + 3].end) / 2;
      const double x = seed.cx + middle * profile.NormalX(), y = seed.cy + middle * profile.NormalY();
      const int w = pixGetWidth(grey), h = pixGetHeight(grey);
      const double ahead = DistanceToEdge(x, y, profile.NormalX(), profile.NormalY(), w, h);
      const double behind = DistanceToEdge(x, y, -profile.NormalX(), -profile.NormalY(), w, h);
      if (ahead < behind) std::reverse(wide->begin(), wide->end());
      const char* name = PatchName(*wide);
      if (name == nullptr) continue;
      const double across_mm = (runs[first + 3].end - runs[first].start) / px_per_mm;
      auto same = [&](const PatchCode& p) { return p.name == name; };
      if (std::none_of(found.begin(), found.end(), same)) {
        found.push_back({name, seed.angle * 180 / std::numbers::pi, across_mm});
      }
      break;
    }
  }
  return found;
}

}  // namespace mailroom::ocr
