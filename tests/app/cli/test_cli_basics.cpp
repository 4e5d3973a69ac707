// `folk` itself: help, version, and clear refusals of bad command lines.
#include <gtest/gtest.h>

#include <fstream>

#include "cli_runner.h"

namespace folk::cli::test {
namespace {

TEST(FolkCli, HelpListsTheCommands) {
  const CliResult r = runFolk({"--help"});
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(r.out.find("mask"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("bench"), std::string::npos) << r.out;
}

TEST(FolkCli, MaskHelpDescribesItsOptions) {
  const CliResult r = runFolk({"mask", "--help"});
  EXPECT_EQ(r.exitCode, 0) << r.err;
  for (const char* option : {"--filter", "--ratio", "--radius", "--threshold-mode", "--out", "--json"})
    EXPECT_NE(r.out.find(option), std::string::npos) << option << " missing from:\n" << r.out;
}

TEST(FolkCli, VersionNamesFolkAndItsLibraries) {
  const CliResult r = runFolk({"--version"});
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(r.out.rfind(std::string("folk ") + FOLK_VERSION, 0), 0u) << r.out;
  EXPECT_NE(r.out.find("LibTorch"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("fftw"), std::string::npos) << r.out;
}

TEST(FolkCli, NoCommandIsAnError) {
  const CliResult r = runFolk({});
  EXPECT_NE(r.exitCode, 0);
  EXPECT_NE(r.err.find("subcommand"), std::string::npos) << r.err;
}

TEST(FolkCli, UnknownCommandIsAnError) {
  const CliResult r = runFolk({"frobnicate"});
  EXPECT_NE(r.exitCode, 0);
  EXPECT_NE(r.err.find("frobnicate"), std::string::npos) << r.err;
}

class FolkMaskRejects : public ::testing::TestWithParam<std::vector<std::string>> {};

// Each bad option is refused before any image is read: nothing is written.
TEST_P(FolkMaskRejects, BadOptionWithAClearMessage) {
  TempDir dir;
  std::vector<std::string> args{"mask", samplePhoto("camera.png"), "--out", dir / "out"};
  const auto& bad = GetParam();
  args.insert(args.end(), bad.begin(), bad.end() - 1);
  const CliResult r = runFolk(args);
  EXPECT_NE(r.exitCode, 0);
  EXPECT_NE(r.err.find(bad.back()), std::string::npos) << "expected '" << bad.back() << "' in: " << r.err;
  EXPECT_FALSE(std::filesystem::exists(dir / "out/camera_mask.npy"));
}

// The last element is a word the error message must contain.
INSTANTIATE_TEST_SUITE_P(
    Options, FolkMaskRejects,
    ::testing::Values(std::vector<std::string>{"--ratio", "0", "(0, 1]"},
                      std::vector<std::string>{"--ratio", "1.5", "(0, 1]"},
                      std::vector<std::string>{"--ratio", "-0.1", "(0, 1]"},
                      std::vector<std::string>{"--ratio", "abc", "ratio"},
                      std::vector<std::string>{"--filter", "bandpass", "unknown filter 'bandpass'"},
                      std::vector<std::string>{"--threshold-mode", "median", "unknown threshold mode"},
                      std::vector<std::string>{"--colormap", "jet", "unknown colour map"},
                      std::vector<std::string>{"--filter", "lowpass", "--radius", "nan", "radius"}));

TEST(FolkMask, OutputFolderIsRequired) {
  const CliResult r = runFolk({"mask", samplePhoto("camera.png")});
  EXPECT_NE(r.exitCode, 0);
  EXPECT_NE(r.err.find("--out"), std::string::npos) << r.err;
}

TEST(FolkMask, OutputPathThatIsAFileIsRefused) {
  TempDir dir;
  { std::ofstream(dir / "taken") << "x"; }
  const CliResult r = runFolk({"mask", samplePhoto("camera.png"), "--out", dir / "taken"});
  EXPECT_NE(r.exitCode, 0);
  EXPECT_NE(r.err.find("taken"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace folk::cli::test
