#include "core/dist/dist_environment.h"

#include <cstdlib>

namespace folk {
namespace {

int parseInt(const EnvLookup& lookup, const std::string& name, int fallback, int minimum) {
  const auto value = lookup(name);
  if (!value) return fallback;
  std::size_t used = 0;
  int parsed = 0;
  try {
    parsed = std::stoi(*value, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used == 0 || used != value->size() || parsed < minimum) {
    throw DistConfigError("environment variable " + name + "='" + *value + "' is not an integer >= " +
                          std::to_string(minimum));
  }
  return parsed;
}

}  // namespace

std::optional<DistEnvironment> parseDistEnvironment(const EnvLookup& lookup) {
  DistEnvironment env;
  if (lookup("WORLD_SIZE")) {
    env.launcher = "torchrun";
    env.worldSize = parseInt(lookup, "WORLD_SIZE", 1, 1);
    if (!lookup("RANK")) throw DistConfigError("WORLD_SIZE is set but RANK is not: start the ranks with torchrun");
    env.rank = parseInt(lookup, "RANK", 0, 0);
    env.localRank = parseInt(lookup, "LOCAL_RANK", env.rank, 0);
  } else if (lookup("SLURM_NTASKS") && lookup("SLURM_PROCID")) {
    env.launcher = "slurm";
    env.worldSize = parseInt(lookup, "SLURM_NTASKS", 1, 1);
    env.rank = parseInt(lookup, "SLURM_PROCID", 0, 0);
    env.localRank = parseInt(lookup, "SLURM_LOCALID", 0, 0);
  } else {
    return std::nullopt;
  }
  if (env.rank >= env.worldSize) {
    throw DistConfigError("rank " + std::to_string(env.rank) + " is outside world size " +
                          std::to_string(env.worldSize) + " (" + env.launcher + " environment)");
  }
  if (auto addr = lookup("MASTER_ADDR"); addr && !addr->empty()) {
    env.masterAddress = *addr;
  } else if (env.worldSize > 1 && env.launcher == "slurm") {
    throw DistConfigError("SLURM job without MASTER_ADDR: export MASTER_ADDR (the first node's host name) and "
                          "MASTER_PORT in the job script");
  }
  env.masterPort = parseInt(lookup, "MASTER_PORT", env.masterPort, 1);
  const auto agentStore = lookup("TORCHELASTIC_USE_AGENT_STORE");
  env.agentStore = agentStore && (*agentStore == "True" || *agentStore == "true" || *agentStore == "1");
  env.restartCount = parseInt(lookup, "TORCHELASTIC_RESTART_COUNT", 0, 0);
  if (env.masterPort > 65535) {
    throw DistConfigError("environment variable MASTER_PORT=" + std::to_string(env.masterPort) +
                          " is not a TCP port (1-65535)");
  }
  return env;
}

std::optional<DistEnvironment> distEnvironmentFromProcess() {
  return parseDistEnvironment([](const std::string& name) -> std::optional<std::string> {
    const char* value = std::getenv(name.c_str());
    if (!value) return std::nullopt;
    return std::string(value);
  });
}

}  // namespace folk
