// Communicator on PyTorch's c10d (see communicator.h). Compiled with USE_C10D_GLOO when the build
// found the c10d and Gloo headers (FOLK_HAVE_C10D); otherwise joinProcessGroup explains that this
// build is single-process only.
#include <cstdlib>
#include <map>

#include "core/dist/communicator.h"

#ifdef FOLK_HAVE_C10D
#include <torch/csrc/distributed/c10d/PrefixStore.hpp>
#include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>
#include <torch/csrc/distributed/c10d/TCPStore.hpp>
#endif

namespace folk {

std::chrono::milliseconds distTimeoutFromProcess() {
  if (const char* value = std::getenv("FOLK_DIST_TIMEOUT")) {
    char* end = nullptr;
    const double seconds = std::strtod(value, &end);
    if (end == value || *end != '\0' || !(seconds > 0.0)) {
      throw DistConfigError(std::string("FOLK_DIST_TIMEOUT='") + value + "' is not a positive number of seconds");
    }
    return std::chrono::milliseconds(static_cast<long long>(seconds * 1000.0));
  }
  return std::chrono::minutes(10);
}

#ifdef FOLK_HAVE_C10D

namespace {

constexpr std::size_t kBucketBytes = 25u << 20;  // as torch DDP's default bucket_cap_mb

class ProcessGroupCommunicator final : public Communicator {
 public:
  // ProcessGroupGloo itself, not c10d::ProcessGroup: in LibTorch 2.x it is a c10d::Backend.
  ProcessGroupCommunicator(c10::intrusive_ptr<c10d::Store> store, c10::intrusive_ptr<c10d::ProcessGroupGloo> group,
                           int rank, int world)
      : store_(std::move(store)), group_(std::move(group)), rank_(rank), world_(world) {}

  int rank() const override { return rank_; }
  int worldSize() const override { return world_; }
  std::string backendName() const override { return group_->getBackendName(); }

  void allReduceSum(std::vector<torch::Tensor>& tensors) override {
    if (world_ == 1 || tensors.empty()) return;
    // Buckets of same-dtype, same-device tensors, flattened: a few large messages instead of one per
    // parameter. All buckets are in flight at once; the waits come after.
    struct Bucket {
      std::vector<std::size_t> members;
      std::size_t bytes = 0;
      std::vector<torch::Tensor> flat;
      c10::intrusive_ptr<c10d::Work> work;
    };
    std::vector<Bucket> buckets;
    std::map<std::pair<int, std::string>, std::size_t> open;  // (dtype, device) -> bucket index
    for (std::size_t i = 0; i < tensors.size(); ++i) {
      const auto& t = tensors[i];
      if (!t.defined()) continue;
      const auto key = std::make_pair(static_cast<int>(t.scalar_type()), t.device().str());
      auto it = open.find(key);
      if (it == open.end() || buckets[it->second].bytes >= kBucketBytes) {
        buckets.emplace_back();
        it = open.insert_or_assign(key, buckets.size() - 1).first;
      }
      auto& bucket = buckets[it->second];
      bucket.members.push_back(i);
      bucket.bytes += t.numel() * t.element_size();
    }
    for (auto& bucket : buckets) {
      std::vector<torch::Tensor> parts;
      for (auto i : bucket.members) parts.push_back(tensors[i].reshape({-1}));
      bucket.flat = {torch::cat(parts)};
      bucket.work = group_->allreduce(bucket.flat);
    }
    for (auto& bucket : buckets) {
      waitFor(bucket.work, "all-reduce");
      std::int64_t offset = 0;
      for (auto i : bucket.members) {
        auto& t = tensors[i];
        const auto n = t.numel();
        t.copy_(bucket.flat[0].slice(0, offset, offset + n).view(t.sizes()));
        offset += n;
      }
    }
  }

  void broadcast(std::vector<torch::Tensor>& tensors, int root) override {
    if (world_ == 1) return;
    c10d::BroadcastOptions options;
    options.rootRank = root;
    for (auto& t : tensors) {
      if (!t.defined()) continue;
      auto contiguous = t.contiguous();
      std::vector<torch::Tensor> one{contiguous};
      waitFor(group_->broadcast(one, options), "broadcast");
      if (!contiguous.is_same(t)) t.copy_(contiguous);
    }
  }

  std::string shareString(const std::string& key, const std::string& value) override {
    const std::string storeKey = "folk/" + key;
    try {
      if (rank_ == 0) store_->set(storeKey, std::vector<uint8_t>(value.begin(), value.end()));
      const auto bytes = store_->get(storeKey);  // blocks until rank 0 has set it (store timeout)
      return std::string(bytes.begin(), bytes.end());
    } catch (const std::exception& e) {
      throw std::runtime_error("rank " + std::to_string(rank_) + ": could not share '" + key +
                               "' through the rendezvous store: " + e.what());
    }
  }

  void barrier() override {
    if (world_ > 1) waitFor(group_->barrier(), "barrier");
  }

 private:
  void waitFor(const c10::intrusive_ptr<c10d::Work>& work, const char* what) {
    try {
      work->wait();
    } catch (const std::exception& e) {
      throw std::runtime_error("rank " + std::to_string(rank_) + " of " + std::to_string(world_) + ": " + what +
                               " failed (another rank died, hung past the timeout, or lost its connection): " +
                               e.what());
    }
  }

  c10::intrusive_ptr<c10d::Store> store_;
  c10::intrusive_ptr<c10d::ProcessGroupGloo> group_;
  int rank_, world_;
};

std::shared_ptr<::gloo::transport::Device> glooDevice(const DistEnvironment& env) {
  if (const char* interface = std::getenv("GLOO_SOCKET_IFNAME"); interface && *interface) {
    return c10d::ProcessGroupGloo::createDeviceForInterface(interface);
  }
  try {
    return c10d::ProcessGroupGloo::createDefaultDevice();
  } catch (const std::exception&) {
    // Containers often cannot resolve their own host name. One machine can always use loopback.
    if (env.masterAddress == "127.0.0.1" || env.masterAddress == "localhost") {
      return c10d::ProcessGroupGloo::createDeviceForHostname("127.0.0.1");
    }
    throw;
  }
}

}  // namespace

bool distributedSupported() { return true; }

// Gloo on every device: it also reduces CUDA tensors (through host staging), correct if slower than
// NCCL, which needs a LibTorch built with it and is not wired up yet.
std::shared_ptr<Communicator> joinProcessGroup(const DistEnvironment& env, torch::Device /*device*/,
                                               std::chrono::milliseconds timeout) {
  const std::string where = env.masterAddress + ":" + std::to_string(env.masterPort);
  try {
    c10d::TCPStoreOptions options;
    options.port = static_cast<std::uint16_t>(env.masterPort);
    options.timeout = timeout;
    if (env.agentStore) {
      options.isServer = false;
      options.waitWorkers = false;
    } else {
      options.isServer = env.rank == 0;
      options.numWorkers = static_cast<std::size_t>(env.worldSize);
      options.waitWorkers = true;
    }
    c10::intrusive_ptr<c10d::Store> store = c10::make_intrusive<c10d::TCPStore>(env.masterAddress, options);
    if (env.agentStore) {
      store = c10::make_intrusive<c10d::PrefixStore>("/worker/attempt_" + std::to_string(env.restartCount), store);
    }
    store = c10::make_intrusive<c10d::PrefixStore>("folk", store);
    auto groupOptions = c10d::ProcessGroupGloo::Options::create(timeout);
    groupOptions->devices.push_back(glooDevice(env));
    auto group = c10::make_intrusive<c10d::ProcessGroupGloo>(store, env.rank, env.worldSize, groupOptions);
    return std::make_shared<ProcessGroupCommunicator>(store, group, env.rank, env.worldSize);
  } catch (const std::exception& e) {
    throw DistConfigError("rank " + std::to_string(env.rank) + " of " + std::to_string(env.worldSize) +
                          ": could not join the process group at " + where + " (" + env.launcher +
                          " environment): " + e.what());
  }
}

#else

bool distributedSupported() { return false; }

std::shared_ptr<Communicator> joinProcessGroup(const DistEnvironment& env, torch::Device, std::chrono::milliseconds) {
  throw DistConfigError("rank " + std::to_string(env.rank) + " of " + std::to_string(env.worldSize) +
                        ": this build of folk has no distributed support (LibTorch's c10d / Gloo headers were not "
                        "found at configure time: install libgloo-dev and rebuild)");
}

#endif

}  // namespace folk
