// libFuzzer target: any bytes as a registry folder's two CSV files, loaded as the classifier loads
// them (classifier::LoadRegistry: the CSV reader, then the checks of every row). The input is
// jobcenters.csv, a form feed, then cases.csv; without a form feed cases.csv is empty.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>

#include "mailroom/classifier/registry.h"
#include "scratch_folder.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const mailroom::fuzz::ScratchFolder registry("registry_csv");
  const auto* split = static_cast<const std::uint8_t*>(std::memchr(data, '\f', size));
  const std::size_t first = split != nullptr ? static_cast<std::size_t>(split - data) : size;
  registry.Write("jobcenters.csv", data, first);
  registry.Write("cases.csv", data + first + (split != nullptr ? 1 : 0), size - first - (split != nullptr ? 1 : 0));
  auto loaded = mailroom::classifier::LoadRegistry(registry.path());
  if (!loaded) return 0;
  // Every registered case has its jobcenter (LoadRegistry refuses a case of an unknown one).
  for (const auto& [bg_number, persons] : loaded->cases) {
    if (loaded->JobcenterOf(bg_number) == nullptr) std::abort();
  }
  return 0;
}
