// Crashes and full disks with the real `folk train`:
//  - SIGKILL at 20 seeded-random moments (checkpoints are written every step, so many kills land in
//    a checkpoint write), each followed by a resume: every resume starts from a valid checkpoint,
//    the metrics stay readable (a cut last line is tolerated), no temporary file piles up, and the
//    run finally completes (a few steps past the last checkpoint) with every step logged once;
//  - a file-size limit (ulimit -f) during a checkpoint: a clear error, and the previous
//    checkpoint stays intact and resumable.
#include <gtest/gtest.h>
#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <random>
#include <thread>

#include "core/io/metrics_log.h"
#include "core/io/run_directory.h"
#include "tests/app/cli/cli_runner.h"

namespace fs = std::filesystem;

namespace folk::cli::test {
namespace {

const char* kFashion = "/usr/share/datasets/fashion-mnist";

std::vector<std::string> tinyArgs(const std::string& runsDir, int steps) {
  return {"train",  "--data",     kFashion, "--steps", std::to_string(steps), "--threads", "1",
          "--runs-dir", runsDir,  "--name", "crash", "--device", "cpu",
          "--set", "data.train_subset=256",       "--set", "data.workers=1",
          "--set", "optimisation.batch_size=16",  "--set", "model.vit_dim=32",
          "--set", "model.vit_depth=1",           "--set", "model.vit_heads=2",
          "--set", "model.patch_size=7",          "--set", "model.prototypes=64",
          "--set", "model.head_hidden=64",        "--set", "model.head_bottleneck=32",
          "--set", "evaluation.at_end=false",     "--set", "evaluation.interval_steps=0",
          "--set", "sample_interval_steps=5",     "--set", "log_interval_steps=1",
          "--set", "checkpoint.interval_steps=1", "--set", "checkpoint.keep_last=2"};
}

fs::path onlyRun(const fs::path& runsDir) {
  std::vector<fs::path> runs;
  if (fs::exists(runsDir))
    for (const auto& e : fs::directory_iterator(runsDir)) runs.push_back(e.path());
  return runs.size() == 1 ? runs[0] : fs::path();
}

// The checkpoint latest.json names exists and deserialises; returns its step (-1: none yet).
std::int64_t validCheckpointStep(const fs::path& run) {
  const auto index = readCheckpointIndex(RunDirectory::open(run.string()));  // throws if corrupt
  if (!index) return -1;
  torch::serialize::InputArchive archive;
  archive.load_from((run / "checkpoints" / index->file).string());  // throws if corrupt
  EXPECT_FALSE(archive.keys().empty());
  return index->step;
}

int temporaryFiles(const fs::path& run) {
  int count = 0;
  for (const auto& e : fs::recursive_directory_iterator(run))
    count += e.path().filename().string().find(".tmp-") != std::string::npos;
  return count;
}

// Milliseconds from launch until the run in `runsDir` has its first checkpoint (or `limit`).
std::chrono::milliseconds timeToFirstCheckpoint(ChildProcess& child, const fs::path& runsDir,
                                                std::chrono::milliseconds limit) {
  const auto start = std::chrono::steady_clock::now();
  while (std::chrono::steady_clock::now() - start < limit) {
    const auto run = onlyRun(runsDir);
    try {
      if (!run.empty() && readCheckpointIndex(RunDirectory::open(run.string()))) break;
    } catch (const std::exception&) {
      // The run folder is still being laid out; look again.
    }
    if (child.waitFor(std::chrono::milliseconds(20))) break;  // ended by itself: the caller sees it
  }
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
}

TEST(CrashResumeCli, KilledAtRandomMomentsAlwaysResumesFromAValidCheckpoint) {
  TempDir dir;
  const auto runsDir = dir / "runs";
  // Far more steps than 20 short lives can train (a release build does ~20 tiny steps a second), so
  // every attempt is killed mid-run; the final resume then asks for a few more steps than reached.
  const int totalSteps = 100000;
  std::mt19937 random(20261127);
  std::int64_t lastStep = -1;
  int kills = 0, progressed = 0;
  // Kill moments scale with how long this build on this machine takes to start and reach its first
  // checkpoint (sanitizer builds and busy machines take seconds): uniform between a quarter of that
  // time (killed while loading) and 1.5 times it plus a second (killed while training, often in a
  // checkpoint write), so some lives always get past startup.
  std::uniform_real_distribution<double> fraction(0.25, 1.5);
  std::chrono::milliseconds startup(0);
  for (int attempt = 0; attempt < 20; ++attempt) {
    const auto run = onlyRun(runsDir);
    auto args = run.empty() ? tinyArgs(runsDir, totalSteps)
                            : std::vector<std::string>{"train", "--resume", run.string(), "--threads", "1"};
    ChildProcess child(FOLK_CLI_PATH, args);
    if (attempt == 0) {
      // The first life measures the startup, then is killed a random moment into training.
      startup = timeToFirstCheckpoint(child, runsDir, std::chrono::seconds(120));
      std::this_thread::sleep_for(std::chrono::milliseconds(std::uniform_int_distribution<int>(0, 500)(random)));
    } else {
      const int delay = int(fraction(random) * double(startup.count())) + std::uniform_int_distribution<int>(0, 1000)(random);
      std::this_thread::sleep_for(std::chrono::milliseconds(delay));
    }
    child.kill(SIGKILL);
    const auto result = child.wait();
    ASSERT_EQ(result.exitCode, 128 + SIGKILL) << "attempt " << attempt << " ended by itself: " << result.err;
    ++kills;
    const auto killedRun = onlyRun(runsDir);
    if (killedRun.empty()) continue;  // killed before the run folder existed
    const auto step = validCheckpointStep(killedRun);
    EXPECT_GE(step, lastStep) << "a resume went back before the last checkpoint";
    progressed += step > lastStep;
    lastStep = step;
    EXPECT_NO_THROW(readMetrics((killedRun / "metrics.jsonl").string()));
  }
  std::cout << "startup to the first checkpoint " << startup.count() << " ms; ";
  std::cout << kills << " kills, " << progressed << " resumes that had progressed, last checkpoint at step "
            << lastStep << "\n";
  EXPECT_EQ(kills, 20);
  EXPECT_GE(progressed, 3) << "resumes should make progress between kills";

  const auto run = onlyRun(runsDir);
  ASSERT_FALSE(run.empty());
  const auto finalSteps = std::max<std::int64_t>(lastStep, 0) + 5;
  const auto finish =
      runFolk({"train", "--resume", run.string(), "--steps", std::to_string(finalSteps), "--threads", "1"});
  ASSERT_EQ(finish.exitCode, 0) << finish.err;
  EXPECT_EQ(validCheckpointStep(run), finalSteps);
  const auto rows = readMetrics((run / "metrics.jsonl").string());
  ASSERT_EQ(rows.size(), std::size_t(finalSteps)) << "every step logged exactly once";
  for (std::size_t i = 0; i < rows.size(); ++i) EXPECT_EQ(rows[i].step, std::int64_t(i + 1));
  EXPECT_EQ(temporaryFiles(run), 0) << "a resume removes what killed writers left";
}

TEST(CrashResumeCli, FullDiskDuringACheckpointIsAClearErrorAndKeepsThePreviousOne) {
  TempDir dir;
  const auto runsDir = dir / "runs";
  const auto first = runFolk(tinyArgs(runsDir, 2));
  ASSERT_EQ(first.exitCode, 0) << first.err;
  const auto run = onlyRun(runsDir);
  ASSERT_EQ(validCheckpointStep(run), 2);
  const auto checkpointBytes = fs::file_size(run / "checkpoints" / "step-00000002.pt");

  // Files may not grow beyond a quarter of a checkpoint (ulimit -f counts 512- or 1024-byte blocks).
  const auto blocks = std::to_string(checkpointBytes / 4 / 1024);
  auto limited = ChildProcess("sh", {"-c", "ulimit -f " + blocks + " && exec \"$0\" \"$@\"", FOLK_CLI_PATH, "train",
                                     "--resume", run.string(), "--steps", "4", "--threads", "1"})
                     .wait();
  EXPECT_EQ(limited.exitCode, 1) << limited.out << limited.err;
  EXPECT_NE(limited.err.find("could not write the checkpoint of step 3"), std::string::npos) << limited.err;
  EXPECT_NE(limited.err.find("step-00000002.pt is intact"), std::string::npos) << limited.err;
  EXPECT_NE(limited.err.find("File too large"), std::string::npos) << limited.err;
  EXPECT_EQ(validCheckpointStep(run), 2);
  EXPECT_EQ(temporaryFiles(run), 0) << "the failed write removed its temporary file";

  const auto resumed = runFolk({"train", "--resume", run.string(), "--steps", "4", "--threads", "1"});
  ASSERT_EQ(resumed.exitCode, 0) << resumed.err;
  EXPECT_EQ(validCheckpointStep(run), 4);
}

}  // namespace
}  // namespace folk::cli::test
