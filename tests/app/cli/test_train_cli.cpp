// `folk train`, `folk eval`, `folk config` as a user runs them: a tiny model on 256 Fashion-MNIST
// images for a few steps.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "tests/app/cli/cli_runner.h"

namespace fs = std::filesystem;

namespace folk::cli::test {
namespace {

const char* kFashion = "/usr/share/datasets/fashion-mnist";

std::vector<std::string> tinyTrainArgs(const TempDir& dir) {
  std::vector<std::string> args = folk::cli::test::tinyTrainArgs("cli-tiny");
  args.insert(args.end(), {"--runs-dir", dir / "runs"});
  return args;
}

fs::path onlyRun(const TempDir& dir) {
  std::vector<fs::path> runs;
  for (const auto& e : fs::directory_iterator(dir.path() / "runs")) runs.push_back(e.path());
  EXPECT_EQ(runs.size(), 1u);
  return runs.empty() ? fs::path() : runs[0];
}

TEST(TrainCli, PrintDefaultIsValidJson) {
  const auto result = runFolk({"config", "--print-default"});
  ASSERT_EQ(result.exitCode, 0) << result.err;
  const auto j = nlohmann::json::parse(result.out);
  EXPECT_EQ(j.at("model").at("name"), "vit-nano");
  EXPECT_EQ(j.at("data").at("path"), kFashion);
  EXPECT_EQ(j.at("objective").at("name"), "folk");
}

TEST(TrainCli, InvalidSettingsAreRejectedBeforeAnyWork) {
  TempDir dir;
  const auto result = runFolk({"train", "--runs-dir", dir / "runs", "--set", "model.patch_size=5", "--set",
                               "optimisation.base_lr=-1", "--objective", "magic", "--data", dir / "missing"});
  EXPECT_EQ(result.exitCode, 2);
  EXPECT_NE(result.err.find("patch"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("base_lr"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("magic"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("missing"), std::string::npos) << result.err;
  EXPECT_FALSE(fs::exists(dir.path() / "runs"));
}

TEST(TrainCli, TrainsATinyModelAndWritesTheRunDirectory) {
  // scripts/setup-debian.sh installs it; a missing dataset is a broken setup, not a reason to skip.
  ASSERT_TRUE(fs::exists(kFashion)) << "dataset-fashion-mnist is not installed (run scripts/setup-debian.sh)";
  TempDir dir;
  const auto result = runFolk(tinyTrainArgs(dir));
  ASSERT_EQ(result.exitCode, 0) << result.out << result.err;
  EXPECT_NE(result.out.find("images/s"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("step 3/3"), std::string::npos) << result.out;  // plain lines: not a terminal
  EXPECT_NE(result.out.find("eval at step 3"), std::string::npos) << result.out;
  const auto run = onlyRun(dir);
  EXPECT_NE(run.filename().string().find("-cli-tiny"), std::string::npos);
  for (const char* file : {"config.json", "metrics.jsonl", "metrics.csv", "eval.json", "checkpoints/latest.json",
                           "samples/step-00000003-reconstruction.png"}) {
    EXPECT_TRUE(fs::exists(run / file)) << file;
  }
  std::ifstream metrics(run / "metrics.jsonl");
  int rows = 0;
  for (std::string line; std::getline(metrics, line);) ++rows;
  EXPECT_EQ(rows, 3);
  std::ifstream evalFile(run / "eval.json");
  const auto eval = nlohmann::json::parse(evalFile);
  EXPECT_EQ(eval.at("step"), 3);
  EXPECT_TRUE(eval.contains("random_init"));

  // Evaluate again from the CLI, and continue the run for two more steps.
  const auto evaluated = runFolk({"eval", run.string(), "--json"});
  ASSERT_EQ(evaluated.exitCode, 0) << evaluated.err;
  EXPECT_EQ(nlohmann::json::parse(evaluated.out).at("step"), 3);
  const auto resumed = runFolk({"train", "--resume", run.string(), "--steps", "5"});
  ASSERT_EQ(resumed.exitCode, 0) << resumed.out << resumed.err;
  EXPECT_NE(resumed.out.find("resumed from step-00000003.pt"), std::string::npos) << resumed.out;
  EXPECT_NE(resumed.out.find("step 5/5"), std::string::npos) << resumed.out;
}

TEST(TrainCli, EvalOfAMissingRunNamesIt) {
  TempDir dir;
  const auto result = runFolk({"eval", dir / "nope"});
  EXPECT_EQ(result.exitCode, 1);
  EXPECT_NE(result.err.find("nope"), std::string::npos);
}

}  // namespace
}  // namespace folk::cli::test
