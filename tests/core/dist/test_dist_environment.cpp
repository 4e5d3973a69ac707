// How a process learns its place in a distributed job from torchrun's or SLURM's variables.
#include <gtest/gtest.h>

#include <map>

#include "core/dist/dist_environment.h"

namespace folk {
namespace {

EnvLookup from(std::map<std::string, std::string> vars) {
  return [vars](const std::string& name) -> std::optional<std::string> {
    auto it = vars.find(name);
    if (it == vars.end()) return std::nullopt;
    return it->second;
  };
}

TEST(DistEnvironment, NoLauncherMeansOneProcess) { EXPECT_FALSE(parseDistEnvironment(from({})).has_value()); }

TEST(DistEnvironment, ReadsTorchrunVariables) {
  const auto env = parseDistEnvironment(from({{"RANK", "3"},
                                              {"WORLD_SIZE", "4"},
                                              {"LOCAL_RANK", "1"},
                                              {"MASTER_ADDR", "node7"},
                                              {"MASTER_PORT", "29400"},
                                              {"TORCHELASTIC_USE_AGENT_STORE", "True"},
                                              {"TORCHELASTIC_RESTART_COUNT", "2"}}));
  ASSERT_TRUE(env.has_value());
  EXPECT_EQ(env->rank, 3);
  EXPECT_EQ(env->worldSize, 4);
  EXPECT_EQ(env->localRank, 1);
  EXPECT_EQ(env->masterAddress, "node7");
  EXPECT_EQ(env->masterPort, 29400);
  EXPECT_EQ(env->launcher, "torchrun");
  EXPECT_TRUE(env->agentStore);
  EXPECT_EQ(env->restartCount, 2);
}

TEST(DistEnvironment, ReadsSlurmVariables) {
  const auto env = parseDistEnvironment(from({{"SLURM_NTASKS", "8"},
                                              {"SLURM_PROCID", "5"},
                                              {"SLURM_LOCALID", "1"},
                                              {"MASTER_ADDR", "gpu01"},
                                              {"MASTER_PORT", "12345"}}));
  ASSERT_TRUE(env.has_value());
  EXPECT_EQ(env->launcher, "slurm");
  EXPECT_EQ(env->rank, 5);
  EXPECT_EQ(env->worldSize, 8);
  EXPECT_EQ(env->localRank, 1);
  EXPECT_FALSE(env->agentStore);
}

TEST(DistEnvironment, MalformedOrInconsistentValuesNameTheVariable) {
  auto message = [](std::map<std::string, std::string> vars) {
    try {
      parseDistEnvironment(from(std::move(vars)));
    } catch (const DistConfigError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_NE(message({{"WORLD_SIZE", "two"}, {"RANK", "0"}}).find("WORLD_SIZE='two'"), std::string::npos);
  EXPECT_NE(message({{"WORLD_SIZE", "2"}}).find("RANK is not"), std::string::npos);
  EXPECT_NE(message({{"WORLD_SIZE", "2"}, {"RANK", "2"}}).find("outside world size 2"), std::string::npos);
  EXPECT_NE(message({{"WORLD_SIZE", "2"}, {"RANK", "1"}, {"MASTER_PORT", "70000"}}).find("MASTER_PORT"),
            std::string::npos);
  EXPECT_NE(message({{"SLURM_NTASKS", "2"}, {"SLURM_PROCID", "1"}}).find("MASTER_ADDR"), std::string::npos);
}

}  // namespace
}  // namespace folk
