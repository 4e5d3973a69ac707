#pragma once
// Where this process sits in a distributed job, read from the launcher's environment: torchrun's
// RANK / WORLD_SIZE / LOCAL_RANK / MASTER_ADDR / MASTER_PORT, or SLURM's SLURM_PROCID /
// SLURM_NTASKS / SLURM_LOCALID (with MASTER_ADDR / MASTER_PORT exported by the job script, as
// PyTorch's own SLURM recipes do). Parsing is a pure function of the variables so it can be tested.
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>

namespace folk {

struct DistEnvironment {
  int rank = 0;
  int worldSize = 1;
  int localRank = 0;
  std::string masterAddress = "127.0.0.1";
  int masterPort = 29500;
  std::string launcher;  // "torchrun" or "slurm"
  // torchrun's agent already hosts the rendezvous store at MASTER_PORT (TORCHELASTIC_USE_AGENT_STORE):
  // every rank joins it as a client under the prefix of this restart attempt.
  bool agentStore = false;
  int restartCount = 0;  // TORCHELASTIC_RESTART_COUNT
};

class DistConfigError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

using EnvLookup = std::function<std::optional<std::string>(const std::string& name)>;

// std::nullopt when no launcher variables are set (a single process). Throws DistConfigError naming
// the variable when one is malformed or inconsistent (rank outside the world, bad port, ...).
std::optional<DistEnvironment> parseDistEnvironment(const EnvLookup& lookup);
// The same on this process's environment.
std::optional<DistEnvironment> distEnvironmentFromProcess();

}  // namespace folk
