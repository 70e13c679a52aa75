// The patch-code tests' view of the detector: the names of the patch codes on a page.
#pragma once

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "page_cleanup.h"
#include "patch_code.h"

namespace mailroom::testing {

/// The patch codes FindPatchCodes reports on `page` (any depth; its resolution set), by name.
inline std::vector<std::string> PatchNames(Pix* page) {
  PixPtr grey = ocr::GreyOf(page);
  REQUIRE(grey);
  std::vector<std::string> names;
  for (const ocr::PatchCode& code : ocr::FindPatchCodes(grey.get(), pixGetXRes(page))) names.push_back(code.name);
  return names;
}

}  // namespace mailroom::testing
