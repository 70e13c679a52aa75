#include "scan_effects.h"

#include <cmath>
#include <numbers>

#include "rng.h"

namespace mailroom::samplegen {

Result<PixPtr> Skew(Pix* page, double degrees) {
  if (std::fabs(degrees) < 0.01) return Owned(pixCopy(nullptr, page), "pixCopy");
  // Area mapping interpolates grey values like a real scan; w = h = 0 keeps the page size (the
  // corners that turn out of the frame are lost, as on a scanner with a fixed scan area).
  double radians = degrees * std::numbers::pi / 180.0;
  return Owned(pixRotate(page, static_cast<l_float32>(radians), L_ROTATE_AREA_MAP, L_BRING_IN_WHITE, 0, 0),
               "pixRotate");
}

Result<PixPtr> TurnUpsideDown(Pix* page) {
  return Owned(pixRotate180(nullptr, page), "pixRotate180");
}

void AddSpeckle(Pix* page, std::uint32_t seed, int count) {
  if (pixGetDepth(page) != 8) return;
  Rng rng(seed);
  int w = static_cast<int>(pixGetWidth(page));
  int h = static_cast<int>(pixGetHeight(page));
  l_uint32* data = pixGetData(page);
  int wpl = pixGetWpl(page);
  for (int i = 0; i < count; ++i) {
    int cx = rng.Between(0, w - 1);
    int cy = rng.Between(0, h - 1);
    int size = rng.Between(1, 3);
    int value = rng.Between(20, 170);
    for (int y = cy; y < std::min(h, cy + size); ++y) {
      l_uint32* line = data + static_cast<std::ptrdiff_t>(y) * wpl;
      for (int x = cx; x < std::min(w, cx + size); ++x) {
        if (static_cast<int>(GET_DATA_BYTE(line, x)) > value) SET_DATA_BYTE(line, x, value);
      }
    }
  }
}

}  // namespace mailroom::samplegen
