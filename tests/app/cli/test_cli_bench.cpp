// `folk bench masks` runs and prints one line per size in the documented form (timings are
// figures; no test asserts on their values).
#include <gtest/gtest.h>

#include <regex>

#include "cli_runner.h"

namespace folk::cli::test {
namespace {

TEST(FolkBench, MasksPrintsOneLinePerSize) {
  const CliResult r = runFolk({"bench", "masks", "--sizes", "32,17", "--repeats", "2", "--no-torch"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  // Each line also gives FFTW's own time for the full transforms, measured in the same runs.
  const std::string yardstick = R"( ms/image \(best [0-9.]+\); FFTW alone, full transforms: [0-9.]+ ms \(best [0-9.]+\)$)";
  EXPECT_TRUE(std::regex_search(r.out, std::regex("^32x32 rgb: [0-9.]+" + yardstick, std::regex::multiline))) << r.out;
  EXPECT_TRUE(std::regex_search(r.out, std::regex("^17x17 rgb: [0-9.]+" + yardstick, std::regex::multiline))) << r.out;
  EXPECT_NE(r.out.find("astronaut.png"), std::string::npos) << "benchmarks run on a real photo: " << r.out;
}

TEST(FolkBench, GreyscalePhotoIsBenchmarkedAsGrey) {
  const CliResult r = runFolk({"bench", "masks", "--sizes", "16", "--repeats", "1", "--no-torch", "--image",
                               samplePhoto("camera.png")});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(r.out.find("16x16 grey:"), std::string::npos) << r.out;
}

TEST(FolkBench, UnreadableImageIsAClearError) {
  const CliResult r = runFolk({"bench", "masks", "--image", "/nonexistent/photo.png"});
  EXPECT_NE(r.exitCode, 0);
  EXPECT_NE(r.err.find("/nonexistent/photo.png"), std::string::npos) << r.err;
}

TEST(FolkBench, AnUnknownDeviceIsRefusedBeforeAnyTiming) {
  const CliResult r = runFolk({"bench", "masks", "--sizes", "16", "--repeats", "1", "--device", "gpu"});
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_NE(r.err.find("'gpu'"), std::string::npos) << r.err;
  EXPECT_EQ(r.out.find("16x16"), std::string::npos) << "nothing timed: " << r.out;
}

TEST(FolkBench, TheTorchPathRunsOnTheNamedDevice) {
  const CliResult r = runFolk({"bench", "masks", "--sizes", "16", "--repeats", "1", "--batch", "2", "--device", "cpu"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_TRUE(std::regex_search(r.out, std::regex(R"(^Batched torch path \(cpu, batch 2\))", std::regex::multiline))) << r.out;
  EXPECT_TRUE(std::regex_search(r.out, std::regex(R"(^16x16 rgb, torch batch 2: [0-9.]+ ms/image$)", std::regex::multiline))) << r.out;
}

TEST(FolkBench, BenchNeedsASubcommand) {
  const CliResult r = runFolk({"bench"});
  EXPECT_NE(r.exitCode, 0);
}

}  // namespace
}  // namespace folk::cli::test
