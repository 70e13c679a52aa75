#include "deploy_files.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace mailroom::testing {

std::filesystem::path DeployDir() {
  return std::filesystem::path(MAILROOM_SOURCE_DIR) / "deploy";
}

std::vector<std::filesystem::path> FilesEndingIn(const std::filesystem::path& dir,
                                                 const std::vector<std::string>& suffixes) {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file()) continue;
    const std::string name = entry.path().filename().string();
    const bool wanted = std::any_of(suffixes.begin(), suffixes.end(), [&](const std::string& suffix) {
      return name.size() >= suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
    });
    if (wanted) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string ReadText(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error(file.string() + ": cannot read");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string Shown(const std::filesystem::path& file) {
  return std::filesystem::relative(file, DeployDir()).string();
}

}  // namespace mailroom::testing
