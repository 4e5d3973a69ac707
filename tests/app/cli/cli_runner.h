#pragma once
// Runs the real `folk` binary (FOLK_CLI_PATH) the way a user would, capturing exit code, stdout and
// stderr, and gives each test its own temporary folder.
#include <filesystem>
#include <string>
#include <vector>

namespace folk::cli::test {

struct CliResult {
  int exitCode = -1;
  std::string out;
  std::string err;
};

// Arguments are passed as given (no shell), stdout and stderr are captured separately.
CliResult runFolk(const std::vector<std::string>& args);

// A fresh folder under the system temp dir, removed (with its contents) on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::string operator/(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

std::string samplePhoto(const std::string& name);  // FOLK_SAMPLE_DIR/name
std::vector<std::string> lines(const std::string& text);

}  // namespace folk::cli::test
