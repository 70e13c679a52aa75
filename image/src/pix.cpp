#include "mailroom/image/pix.h"

namespace mailroom {

Result<PixPtr> Owned(Pix* pix, const std::string& what) {
  if (pix == nullptr) return Fail(what + " failed");
  return PixPtr(pix);
}

void SilenceLeptonica() {
  setMsgSeverity(L_SEVERITY_NONE);
}

}  // namespace mailroom
