// `folk config --preset` / `folk train --preset` and a short multi-crop run through the whole
// session (loader local crops, grey jitter, drop path) as a user starts them.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "tests/app/cli/cli_runner.h"

namespace fs = std::filesystem;

namespace folk::cli::test {
namespace {

const char* kFashion = "/usr/share/datasets/fashion-mnist";

TEST(PresetCli, PrintDefaultWithAPresetAppliesItBeforeSet) {
  const auto paper = runFolk({"config", "--print-default", "--preset", "paper"});
  ASSERT_EQ(paper.exitCode, 0) << paper.err;
  const auto j = nlohmann::json::parse(paper.out);
  EXPECT_EQ(j.at("model").at("prototypes"), 65536);
  EXPECT_EQ(j.at("model").at("name"), "vit-small");
  EXPECT_EQ(j.at("data").at("augment").at("local_crops").at("count"), 8);
  const auto overridden =
      runFolk({"config", "--print-default", "--preset", "paper", "--set", "model.prototypes=4096"});
  ASSERT_EQ(overridden.exitCode, 0) << overridden.err;
  EXPECT_EQ(nlohmann::json::parse(overridden.out).at("model").at("prototypes"), 4096);
  const auto desk = runFolk({"config", "--print-default", "--preset", "desk"});
  const auto plain = runFolk({"config", "--print-default"});
  ASSERT_EQ(desk.exitCode, 0) << desk.err;
  EXPECT_EQ(desk.out, plain.out);
}

TEST(PresetCli, UnknownPresetIsRefusedWithTheKnownNames) {
  const auto result = runFolk({"config", "--print-default", "--preset", "fast"});
  EXPECT_EQ(result.exitCode, 2);
  EXPECT_NE(result.err.find("unknown preset 'fast' (known: desk, paper)"), std::string::npos) << result.err;
  TempDir dir;
  const auto train = runFolk({"train", "--runs-dir", dir / "runs", "--preset", "fast"});
  EXPECT_EQ(train.exitCode, 2);
  EXPECT_NE(train.err.find("unknown preset 'fast'"), std::string::npos) << train.err;
  EXPECT_FALSE(fs::exists(dir.path() / "runs"));
}

TEST(PresetCli, MultiCropRunTrainsAndRefusesAPresetOnResume) {
  ASSERT_TRUE(fs::exists(kFashion)) << "dataset-fashion-mnist is not installed (run scripts/setup-debian.sh)";
  TempDir dir;
  const auto result = runFolk({"train", "--data", kFashion, "--steps", "2", "--threads", "1", "--runs-dir",
                               dir / "runs", "--name", "multi-crop", "--device", "cpu",
                               "--preset", "desk",
                               "--set", "data.train_subset=256", "--set", "optimisation.batch_size=32",
                               "--set", "model.vit_dim=32", "--set", "model.vit_depth=2", "--set", "model.vit_heads=2",
                               "--set", "model.prototypes=64", "--set", "model.head_hidden=64",
                               "--set", "model.head_bottleneck=32", "--set", "model.drop_path=0.1",
                               "--set", "data.augment.local_crops.count=3", "--set", "data.augment.local_crops.size=14",
                               "--set", "data.augment.jitter.grey=true", "--set", "data.augment.erase_probability=0.5",
                               "--set", "data.augment.noise_probability=0.5", "--set", "evaluation.at_end=false",
                               "--set", "sample_interval_steps=0", "--set", "log_interval_steps=1"});
  ASSERT_EQ(result.exitCode, 0) << result.out << result.err;
  std::vector<fs::path> runs;
  for (const auto& e : fs::directory_iterator(dir.path() / "runs")) runs.push_back(e.path());
  ASSERT_EQ(runs.size(), 1u);
  std::ifstream metrics(runs[0] / "metrics.jsonl");
  int rows = 0;
  for (std::string line; std::getline(metrics, line); ++rows) {
    const auto row = nlohmann::json::parse(line);
    EXPECT_GT(row.at("distill").get<double>(), 0.0) << line;
  }
  EXPECT_EQ(rows, 2);
  const auto resumed = runFolk({"train", "--resume", runs[0].string(), "--preset", "paper"});
  EXPECT_EQ(resumed.exitCode, 2);
  EXPECT_NE(resumed.err.find("--preset only starts a new run"), std::string::npos) << resumed.err;
}

}  // namespace
}  // namespace folk::cli::test
