// One runs folder for the terminal and the workbench: `folk train` without --runs-dir writes where
// the Results workspace looks (FOLK_RUNS_DIR, else "FOLK runs" in the documents folder), and
// `folk runs` lists that folder as the Results table does.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "tests/app/cli/cli_runner.h"

namespace fs = std::filesystem;

namespace folk::cli::test {
namespace {

std::vector<fs::path> runFolders(const fs::path& runsDir) {
  std::vector<fs::path> runs;
  std::error_code ec;
  for (fs::directory_iterator it(runsDir, ec), end; !ec && it != end; it.increment(ec)) runs.push_back(it->path());
  return runs;
}

TEST(RunsCli, TrainWithoutRunsDirWritesToTheDocumentsFolderAndRunsListsIt) {
  TempDir home;
  ScopedEnv homeVar("HOME", home.path().string());
  ScopedEnv noOverride("FOLK_RUNS_DIR", std::nullopt);
  ScopedEnv noConfigHome("XDG_CONFIG_HOME", std::nullopt);
  const CliResult trained = runFolk(tinyTrainArgs("terminal"));
  ASSERT_EQ(trained.exitCode, 0) << trained.err;
  const fs::path runsDir = home.path() / "Documents" / "FOLK runs";
  const auto runs = runFolders(runsDir);
  ASSERT_EQ(runs.size(), 1u) << "expected the run in " << runsDir;
  EXPECT_FALSE(fs::exists("runs/" + runs[0].filename().string())) << "nothing in ./runs any more";

  const CliResult listed = runFolk({"runs", "--json"});
  ASSERT_EQ(listed.exitCode, 0) << listed.err;
  const auto list = nlohmann::json::parse(listed.out);
  ASSERT_EQ(list.size(), 1u) << listed.out;
  EXPECT_EQ(list[0].at("folder"), runs[0].filename().string());
  EXPECT_EQ(list[0].at("name"), "terminal");
  EXPECT_EQ(list[0].at("status"), "finished");
  EXPECT_EQ(list[0].at("steps"), 3);
  EXPECT_EQ(list[0].at("objective"), "folk");
  const double knn = list[0].at("trained").at("knn_top1");
  EXPECT_GT(knn, 0.0);
  EXPECT_LE(knn, 1.0);

  const CliResult table = runFolk({"runs"});
  ASSERT_EQ(table.exitCode, 0) << table.err;
  const auto rows = lines(table.out);
  ASSERT_EQ(rows.size(), 2u) << table.out;
  EXPECT_EQ(rows[0].rfind("run", 0), 0u) << rows[0];
  EXPECT_NE(rows[0].find("status"), std::string::npos);
  EXPECT_NE(rows[0].find("k-NN %"), std::string::npos);
  EXPECT_EQ(rows[1].rfind(runs[0].filename().string(), 0), 0u) << rows[1];
  EXPECT_NE(rows[1].find("finished"), std::string::npos) << rows[1];
  EXPECT_NE(rows[1].find(" 3/3 "), std::string::npos) << "steps done / planned: " << rows[1];
}

TEST(RunsCli, TheDocumentsFolderIsTheOneXdgUserDirsNames) {
  TempDir home;
  fs::create_directories(home.path() / ".config");
  {
    std::ofstream dirs(home.path() / ".config" / "user-dirs.dirs");
    dirs << "# written by xdg-user-dirs-update\nXDG_DESKTOP_DIR=\"$HOME/Schreibtisch\"\n"
         << "XDG_DOCUMENTS_DIR=\"$HOME/Dokumente\"\n";
  }
  ScopedEnv homeVar("HOME", home.path().string());
  ScopedEnv noOverride("FOLK_RUNS_DIR", std::nullopt);
  ScopedEnv noConfigHome("XDG_CONFIG_HOME", std::nullopt);
  const CliResult listed = runFolk({"runs"});
  EXPECT_EQ(listed.exitCode, 0);
  EXPECT_EQ(listed.out, "");
  EXPECT_NE(listed.err.find("no runs in " + (home.path() / "Dokumente" / "FOLK runs").string()), std::string::npos)
      << listed.err;
}

TEST(RunsCli, FolkRunsDirOverridesTheDefaultAndRunsDirOverridesBoth) {
  TempDir dir;
  ScopedEnv override("FOLK_RUNS_DIR", dir / "shared");
  const CliResult trained = runFolk(tinyTrainArgs("shared"));
  ASSERT_EQ(trained.exitCode, 0) << trained.err;
  EXPECT_EQ(runFolders(dir.path() / "shared").size(), 1u);
  const auto listed = nlohmann::json::parse(runFolk({"runs", "--json"}).out);
  EXPECT_EQ(listed.size(), 1u);

  const CliResult elsewhere = runFolk({"runs", "--json", "--runs-dir", dir / "other"});
  EXPECT_EQ(elsewhere.exitCode, 0);
  EXPECT_EQ(nlohmann::json::parse(elsewhere.out).size(), 0u);
  EXPECT_NE(elsewhere.err.find("the folder does not exist yet"), std::string::npos) << elsewhere.err;
}

}  // namespace
}  // namespace folk::cli::test
