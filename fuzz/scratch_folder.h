// The fuzz targets hand their input to the parsers as the files they read in production (a page
// image in a box folder, box.json, the registry's CSV files): one private folder per process,
// written again for every input and removed when the process ends.
#pragma once

#include <stdlib.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>

namespace mailroom::fuzz {

class ScratchFolder {
 public:
  /// Makes a fresh folder under $TMPDIR (else /tmp); aborts when it cannot, as a fuzz target
  /// that cannot write its input could only report false findings.
  explicit ScratchFolder(const std::string& name) {
    const char* tmp = std::getenv("TMPDIR");
    std::string pattern =
        std::string(tmp != nullptr && *tmp != '\0' ? tmp : "/tmp") + "/mailroom-fuzz-" + name + ".XXXXXX";
    if (mkdtemp(pattern.data()) == nullptr) std::abort();
    path_ = pattern;
  }
  ~ScratchFolder() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  ScratchFolder(const ScratchFolder&) = delete;
  ScratchFolder& operator=(const ScratchFolder&) = delete;

  [[nodiscard]] const std::filesystem::path& path() const { return path_; }

  /// Writes `size` bytes as the file `name` in the folder, replacing what was there.
  void Write(const std::string& name, const std::uint8_t* data, std::size_t size) const {
    std::FILE* file = std::fopen((path_ / name).c_str(), "wb");
    if (file == nullptr) std::abort();
    if (size > 0 && std::fwrite(data, 1, size, file) != size) std::abort();
    if (std::fclose(file) != 0) std::abort();
  }

 private:
  std::filesystem::path path_;
};

}  // namespace mailroom::fuzz
