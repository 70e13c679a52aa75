// The patch-code detector against the generated content pages of samplegen: none may be found.
#include <unistd.h>

#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include "mailroom/samplegen/samplegen.h"
#include "patch_test_util.h"

using namespace mailroom;
namespace fs = std::filesystem;

using testing::PatchNames;

// The generated content pages of samplegen (letters, forms with boxes and barcodes, bank
// statements and payslips with tables, handwriting, stamps, scan defects) at 150 and 300 dpi: a
// patch found on any of them would split an envelope.
TEST_CASE("No patch code on hundreds of generated pages", "[patch][generated]") {
  const fs::path root = fs::temp_directory_path() / ("mailroom_patch_pages_" + std::to_string(::getpid()));
  struct Box {
    unsigned seed;
    int envelopes;
    int dpi;
    bool mix;
    bool defects;
  };
  int pages = 0, found = 0;
  for (const Box& box : {Box{21, 45, 150, false, false}, Box{22, 40, 150, true, true}, Box{23, 25, 200, false, true},
                         Box{24, 20, 300, true, false}}) {
    samplegen::SampleOptions options;
    options.out_dir = root / std::to_string(box.seed);
    options.seed = box.seed;
    options.envelopes = box.envelopes;
    options.dpi = box.dpi;
    options.classification_mix = box.mix;
    options.max_skew_degrees = 4;
    auto summary = samplegen::GenerateSampleBox(box.defects ? samplegen::ScanDefects(options) : options);
    REQUIRE(summary);
    for (const auto& entry : fs::directory_iterator(summary->box_dir)) {
      if (entry.path().extension() == ".json") continue;
      PixPtr page(pixRead(entry.path().c_str()));
      REQUIRE(page);
      if (pixGetXRes(page.get()) <= 0) pixSetResolution(page.get(), box.dpi, box.dpi);
      const auto names = PatchNames(page.get());
      ++pages;
      if (!names.empty()) {
        ++found;
        UNSCOPED_INFO(entry.path().string() << ": patch " << names.front());
      }
    }
    fs::remove_all(options.out_dir);
  }
  fs::remove_all(root);
  CHECK(pages >= 300);
  CHECK(found == 0);
}
