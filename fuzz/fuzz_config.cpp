// libFuzzer target: training configs. The first byte picks the entry point: a config file
// (loadConfig, then validation) or a command-line override (`folk train --set key=value`).
// Anything accepted must survive a JSON round trip unchanged (what a run folder's config.json
// stores must reload as the same config); anything else is a ConfigError, never another exception.
#include <cstdlib>
#include <string>

#include "core/io/train_config.h"
#include "fuzz/memory_file.h"

namespace {

void checkRoundTrip(const folk::TrainConfig& config) {
  const auto json = folk::toJson(config);
  if (folk::toJson(folk::configFromJson(json, "round trip")) != json) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const bool asOverride = data[0] & 1;
  try {
    folk::TrainConfig config;
    if (asOverride) {
      config = folk::defaultConfig();
      folk::applyOverride(config, std::string(reinterpret_cast<const char*>(data + 1), size - 1));
    } else {
      const folk::fuzz::MemoryFile file(data + 1, size - 1);
      config = folk::loadConfig(file.path());
    }
    checkRoundTrip(config);
    (void)folk::validationProblems(config);
  } catch (const folk::ConfigError&) {
  }
  return 0;
}
