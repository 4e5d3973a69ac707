#pragma once
// The collectives data-parallel training needs, behind a small interface so the method code does
// not see c10d (and builds where PyTorch's distributed headers are missing). The implementation is
// PyTorch's c10d: a TCPStore rendezvous at MASTER_ADDR:MASTER_PORT and a Gloo process group on the
// CPU, NCCL on CUDA where LibTorch has it (process_group_communicator.cpp).
//
// Every call is collective: all ranks make the same calls in the same order. A peer that died or
// hangs makes the call throw std::runtime_error after the timeout (or at once when its sockets
// close), naming the operation and the rank.
#include <torch/torch.h>

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "core/dist/dist_environment.h"

namespace folk {

class Communicator {
 public:
  virtual ~Communicator() = default;
  virtual int rank() const = 0;
  virtual int worldSize() const = 0;
  virtual std::string backendName() const = 0;  // "gloo" or "nccl"
  // In place: every tensor becomes the element-wise sum over the ranks. Tensors are bucketed
  // (flattened by dtype into buffers of up to ~25 MB) and the buckets reduced concurrently.
  virtual void allReduceSum(std::vector<torch::Tensor>& tensors) = 0;
  // In place: every tensor becomes rank `root`'s.
  virtual void broadcast(std::vector<torch::Tensor>& tensors, int root = 0) = 0;
  // Rank 0's `value` on every rank (through the rendezvous store), e.g. the run folder.
  virtual std::string shareString(const std::string& key, const std::string& value) = 0;
  virtual void barrier() = 0;
};

// Joins the process group described by `env`. Throws DistConfigError when this build has no
// distributed support or the rendezvous fails within `timeout` (naming the address and port).
std::shared_ptr<Communicator> joinProcessGroup(const DistEnvironment& env, torch::Device device,
                                               std::chrono::milliseconds timeout);

// Whether this build can join process groups (false where LibTorch lacks c10d / Gloo headers).
bool distributedSupported();

// The collective timeout: FOLK_DIST_TIMEOUT seconds from the environment, default 600 s (it must
// cover rank 0's evaluation, during which the other ranks wait).
std::chrono::milliseconds distTimeoutFromProcess();

}  // namespace folk
