// `folk study` end to end with a tiny model: a 2-objective x 2-seed study, and the same study
// killed with SIGKILL half-way and resumed.
#include <gtest/gtest.h>

#include <algorithm>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <map>
#include <thread>

#include <nlohmann/json.hpp>

#include "tests/app/cli/cli_runner.h"

namespace fs = std::filesystem;

namespace folk::cli::test {
namespace {

const char* kFashion = "/usr/share/datasets/fashion-mnist";

std::vector<std::string> tinyStudyArgs(const TempDir& dir, int steps) {
  std::vector<std::string> args{"study", "--objectives", "folk,mfm", "--seeds", "2", "--steps", std::to_string(steps),
                                "--data", kFashion, "--protocol", "fast", "--runs-dir", dir / "runs", "--name",
                                "tiny", "--threads", "1", "--progress-seconds", "1"};
  for (const char* set : {"data.train_subset=256", "data.workers=1", "optimisation.batch_size=32", "model.vit_dim=32",
                          "model.vit_depth=1", "model.vit_heads=2", "model.patch_size=7", "model.prototypes=64",
                          "model.head_hidden=64", "model.head_bottleneck=32", "evaluation.interval_steps=0",
                          "evaluation.train_samples=200", "evaluation.test_samples=100",
                          "evaluation.linear_epochs=10", "evaluation.few_shot_draws=2", "checkpoint.interval_steps=5",
                          "sample_interval_steps=0", "device.device=cpu"}) {
    args.insert(args.end(), {"--set", set});
  }
  return args;
}

fs::path onlyStudy(const TempDir& dir) {
  std::vector<fs::path> studies;
  for (const auto& e : fs::directory_iterator(dir.path() / "runs")) studies.push_back(e.path());
  EXPECT_EQ(studies.size(), 1u);
  return studies.empty() ? fs::path() : studies[0];
}

nlohmann::json readJson(const fs::path& path) {
  std::ifstream in(path);
  if (!in) return nlohmann::json();
  try {
    return nlohmann::json::parse(in);
  } catch (const nlohmann::json::exception&) {
    return nlohmann::json();  // being replaced right now: read again later
  }
}

// label ("folk-s0") -> run folder, from the runs' config names.
std::map<std::string, fs::path> runsOf(const fs::path& study) {
  std::map<std::string, fs::path> runs;
  for (const auto& e : fs::directory_iterator(study)) {
    const auto config = readJson(e.path() / "config.json");
    if (config.is_object()) runs[config.value("name", std::string())] = e.path();
  }
  return runs;
}

// False too while state.json is not written yet (a run folder that was just created).
bool finished(const fs::path& run) {
  const auto state = readJson(run / "state.json");
  return state.is_object() && state.value("state", std::string()) == "finished";
}

void expectCompleteStudy(const fs::path& study) {
  const auto runs = runsOf(study);
  ASSERT_EQ(runs.size(), 4u);
  for (const char* label : {"folk-s0", "folk-s1", "mfm-s0", "mfm-s1"}) {
    ASSERT_TRUE(runs.count(label)) << label;
    EXPECT_TRUE(finished(runs.at(label))) << label;
  }
  const auto plan = readJson(study / "study.json");
  EXPECT_EQ(plan["runs"].size(), 4u);
  for (const auto& r : plan["runs"]) EXPECT_FALSE(r.value("folder", std::string()).empty()) << r.dump();
  const auto summary = readJson(study / "study-summary.json");
  ASSERT_EQ(summary["rows"].size(), 4u) << summary.dump();  // folk, mfm, random-init, raw pixels
  for (const auto& row : summary["rows"]) {
    EXPECT_EQ(row["values"]["k-NN"]["n"], 2) << row.dump();
    EXPECT_EQ(row["values"]["10% labels"]["n"], 2) << row.dump();
    EXPECT_GT(row["values"]["k-NN"]["mean"].get<double>(), 10.0) << row.dump();  // above chance
  }
  EXPECT_EQ(summary["folk_minus_mfm"]["values"]["linear"]["n"], 2);
  std::ifstream md(study / "study-summary.md");
  const std::string table((std::istreambuf_iterator<char>(md)), std::istreambuf_iterator<char>());
  EXPECT_NE(table.find("| raw pixels |"), std::string::npos) << table;
  EXPECT_NE(table.find("| folk - mfm (paired per seed) |"), std::string::npos) << table;
  EXPECT_NE(table.find("fast, test split, 200 / 100 images"), std::string::npos) << table;
  EXPECT_TRUE(fs::exists(study / "study-summary.csv"));
}

TEST(StudyCli, RunsEveryObjectiveAndSeedAndSummarises) {
  ASSERT_TRUE(fs::exists(kFashion)) << "dataset-fashion-mnist is not installed (run scripts/setup-debian.sh)";
  TempDir dir;
  const auto result = runFolk(tinyStudyArgs(dir, 3));
  ASSERT_EQ(result.exitCode, 0) << result.out << result.err;
  const auto study = onlyStudy(dir);
  EXPECT_NE(study.filename().string().find("-study-tiny"), std::string::npos);
  expectCompleteStudy(study);
  // Same data and steps; each seed its own; the baselines come with the first objective's runs.
  const auto runs = runsOf(study);
  const auto folk1 = readJson(runs.at("folk-s1") / "config.json");
  EXPECT_EQ(folk1["seed"], 1);
  EXPECT_EQ(folk1["objective"]["name"], "folk");
  EXPECT_EQ(folk1["optimisation"]["steps"], 3);
  EXPECT_TRUE(readJson(runs.at("folk-s1") / "eval.json").contains("raw_pixels"));
  EXPECT_FALSE(readJson(runs.at("mfm-s1") / "eval.json").contains("random_init"));
}

// Without --runs-dir a study goes where `folk train` and the workbench's Results look.
TEST(StudyCli, AStudyGoesToTheSharedRunsFolder) {
  TempDir dir;
  ScopedEnv override("FOLK_RUNS_DIR", dir / "shared");
  std::vector<std::string> args = tinyStudyArgs(dir, 2);
  const auto at = std::find(args.begin(), args.end(), "--runs-dir");
  ASSERT_NE(at, args.end());
  args.erase(at, at + 2);
  for (const char* one : {"--seeds", "--objectives"}) {
    const auto option = std::find(args.begin(), args.end(), one);
    ASSERT_NE(option, args.end());
    *(option + 1) = std::string(one) == "--seeds" ? "1" : "mfm";
  }
  const CliResult study = runFolk(args);
  ASSERT_EQ(study.exitCode, 0) << study.err;
  EXPECT_FALSE(fs::exists(dir.path() / "runs"));
  std::vector<fs::path> studies;
  for (const auto& e : fs::directory_iterator(dir.path() / "shared")) studies.push_back(e.path());
  ASSERT_EQ(studies.size(), 1u);
  EXPECT_NE(studies[0].filename().string().find("-study-tiny"), std::string::npos) << studies[0];
  const auto listed = nlohmann::json::parse(runFolk({"runs", "--json"}).out);
  EXPECT_EQ(listed.size(), 1u) << "folk runs lists the study's run";
}

TEST(StudyCli, BadOptionsAreRejectedBeforeAnyRun) {
  TempDir dir;
  auto result = runFolk({"study", "--objectives", "folk,magic", "--runs-dir", dir / "runs"});
  EXPECT_EQ(result.exitCode, 2);
  EXPECT_NE(result.err.find("magic"), std::string::npos) << result.err;
  result = runFolk({"study", "--resume", dir / "nothing", "--seeds", "2"});
  EXPECT_EQ(result.exitCode, 2);
  EXPECT_NE(result.err.find("--seeds"), std::string::npos) << result.err;
  result = runFolk({"study", "--resume", dir / "nothing"});
  EXPECT_EQ(result.exitCode, 2);
  EXPECT_NE(result.err.find("study.json"), std::string::npos) << result.err;
}

TEST(StudyCli, KilledStudyResumesWithoutRedoingFinishedRuns) {
  ASSERT_TRUE(fs::exists(kFashion)) << "dataset-fashion-mnist is not installed (run scripts/setup-debian.sh)";
  TempDir dir;
  auto args = tinyStudyArgs(dir, 30);
  args.insert(args.end(), {"--jobs", "1"});
  fs::path study, finishedRun, interruptedRun;
  {
    ChildProcess child(FOLK_CLI_PATH, args);
    // Kill once the first run has finished and the second has a checkpoint but has not finished.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(3);
    while (std::chrono::steady_clock::now() < deadline) {
      if (fs::exists(dir.path() / "runs") && !fs::is_empty(dir.path() / "runs")) {
        study = onlyStudy(dir);
        const auto runs = runsOf(study);
        if (runs.count("folk-s0") && finished(runs.at("folk-s0")) && runs.count("mfm-s0") &&
            fs::exists(runs.at("mfm-s0") / "checkpoints" / "latest.json") && !finished(runs.at("mfm-s0"))) {
          finishedRun = runs.at("folk-s0");
          interruptedRun = runs.at("mfm-s0");
          break;
        }
      }
      ASSERT_FALSE(child.waitFor(std::chrono::milliseconds(20))) << "the study ended before it could be killed";
    }
    ASSERT_FALSE(interruptedRun.empty()) << child.stderrSoFar();
    child.kill(SIGKILL);
    child.wait();
  }
  const auto evalBefore = fs::last_write_time(finishedRun / "eval.json");
  const auto checkpointBefore = fs::last_write_time(finishedRun / "checkpoints" / "latest.json");

  const auto result = runFolk({"study", "--resume", study.string(), "--jobs", "1", "--threads", "1"});
  ASSERT_EQ(result.exitCode, 0) << result.out << result.err;
  EXPECT_NE(result.out.find("kept folk-s0 (finished before)"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("resumed mfm-s0"), std::string::npos) << result.out;
  EXPECT_EQ(result.out.find("started folk-s0"), std::string::npos) << result.out;
  expectCompleteStudy(study);
  const auto runs = runsOf(study);
  EXPECT_EQ(runs.at("folk-s0"), finishedRun);
  EXPECT_EQ(runs.at("mfm-s0"), interruptedRun);  // the same folder, continued
  EXPECT_EQ(fs::last_write_time(finishedRun / "eval.json"), evalBefore);
  EXPECT_EQ(fs::last_write_time(finishedRun / "checkpoints" / "latest.json"), checkpointBefore);
  std::ifstream log(study / "logs" / "mfm-s0.log");
  const std::string text((std::istreambuf_iterator<char>(log)), std::istreambuf_iterator<char>());
  EXPECT_NE(text.find("resumed from"), std::string::npos) << text;
  // Each step logged once although the run was interrupted and resumed.
  std::ifstream metrics(interruptedRun / "metrics.jsonl");
  int rows = 0;
  for (std::string line; std::getline(metrics, line);) rows += line.empty() ? 0 : 1;
  EXPECT_EQ(rows, 30 / 10);  // log_interval_steps 10
}

}  // namespace
}  // namespace folk::cli::test
