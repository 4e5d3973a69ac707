// FFTW wisdom kept between runs (core/spectral/fftw_wisdom.h): where it lives, that it round-trips
// through its files, and that corrupt files and unwritable folders never fail anything.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>

#include "core/spectral/fftw_plans.h"
#include "core/spectral/fftw_wisdom.h"
#include "tests/core/data/temp_dir.h"

namespace folk::fftw {
namespace {

namespace fs = std::filesystem;

// Sets an environment variable for one scope and puts the old value back.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const char* value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    if (value) setenv(name, value, 1); else unsetenv(name);
  }
  ~ScopedEnv() {
    if (old_) setenv(name_, old_->c_str(), 1); else unsetenv(name_);
  }

 private:
  const char* name_;
  std::optional<std::string> old_;
};

std::string contents(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::vector<fs::path> wisdomFiles(const fs::path& folder) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(folder)) files.push_back(entry.path());
  return files;
}

TEST(FftwWisdom, FolderComesFromTheEnvironment) {
  {
    ScopedEnv own("FOLK_FFTW_WISDOM", "/somewhere/wisdom");
    EXPECT_EQ(wisdomFolder(), "/somewhere/wisdom");
  }
  {
    ScopedEnv off("FOLK_FFTW_WISDOM", "");
    EXPECT_EQ(wisdomFolder(), "") << "set but empty: no wisdom kept";
    EXPECT_FALSE(importWisdom(wisdomFolder()));
    EXPECT_FALSE(exportWisdom(wisdomFolder()));
  }
  ScopedEnv unset("FOLK_FFTW_WISDOM", nullptr);
  {
    ScopedEnv cache("XDG_CACHE_HOME", "/cache");
    EXPECT_EQ(wisdomFolder(), "/cache/folk");
  }
  ScopedEnv noCache("XDG_CACHE_HOME", nullptr);
  ScopedEnv home("HOME", "/home/someone");
  EXPECT_EQ(wisdomFolder(), "/home/someone/.cache/folk");
}

TEST(FftwWisdom, MeasuredPlansRoundTripThroughTheFiles) {
  forwardFloat(48, 40);  // a measured plan in each precision, so there is wisdom to write
  forwardDoubleInPlace(48, 40);
  test::TempDir dir;
  const fs::path folder = dir.path() / "not" / "there" / "yet";
  ASSERT_TRUE(exportWisdom(folder.string()));
  const auto files = wisdomFiles(folder);
  ASSERT_EQ(files.size(), 2u);  // double and single precision
  for (const auto& file : files) {
    SCOPED_TRACE(file.string());
    EXPECT_EQ(contents(file).rfind("(fftw-3.", 0), 0u) << "FFTW's own wisdom format";
  }
  EXPECT_TRUE(importWisdom(folder.string()));
}

TEST(FftwWisdom, CorruptFilesAreIgnoredAndReplacedByTheNextExport) {
  forwardFloat(48, 40);
  forwardDoubleInPlace(48, 40);
  test::TempDir dir;
  const std::string folder = dir.path().string();
  ASSERT_TRUE(exportWisdom(folder));
  for (const auto& file : wisdomFiles(folder)) std::ofstream(file, std::ios::trunc) << "not wisdom at all (";
  EXPECT_FALSE(importWisdom(folder));
  // Nothing new was planned, yet the refused files are rewritten with valid wisdom.
  ASSERT_TRUE(exportWisdom(folder));
  for (const auto& file : wisdomFiles(folder)) EXPECT_EQ(contents(file).rfind("(fftw-3.", 0), 0u) << file;
  EXPECT_TRUE(importWisdom(folder));
}

TEST(FftwWisdom, AnUnwritableFolderIsNoError) {
  test::TempDir dir;
  const fs::path file = dir.path() / "a-file";
  std::ofstream(file) << "x";
  EXPECT_FALSE(exportWisdom((file / "below-a-file").string()));  // false, not an exception
  EXPECT_FALSE(importWisdom((file / "below-a-file").string()));
  EXPECT_FALSE(importWisdom((dir.path() / "missing").string()));
}

}  // namespace
}  // namespace folk::fftw
