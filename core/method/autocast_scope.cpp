#include "core/method/autocast_scope.h"

#include <ATen/autocast_mode.h>
#include <torch/version.h>

#include <stdexcept>

// LibTorch 2.4 replaced the per-backend setters (set_enabled / set_cpu_enabled, ...) by ones that
// take the device type; the old ones are deprecated there and gone later.
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 4)
#define FOLK_AUTOCAST_BY_DEVICE_TYPE 1
#endif

namespace folk {

namespace {

bool isEnabled(bool cuda) {
#ifdef FOLK_AUTOCAST_BY_DEVICE_TYPE
  return at::autocast::is_autocast_enabled(cuda ? at::kCUDA : at::kCPU);
#else
  return cuda ? at::autocast::is_enabled() : at::autocast::is_cpu_enabled();
#endif
}

void setEnabled(bool cuda, bool enabled) {
#ifdef FOLK_AUTOCAST_BY_DEVICE_TYPE
  at::autocast::set_autocast_enabled(cuda ? at::kCUDA : at::kCPU, enabled);
#else
  if (cuda) {
    at::autocast::set_enabled(enabled);
  } else {
    at::autocast::set_cpu_enabled(enabled);
  }
#endif
}

at::ScalarType dtype(bool cuda) {
#ifdef FOLK_AUTOCAST_BY_DEVICE_TYPE
  return at::autocast::get_autocast_dtype(cuda ? at::kCUDA : at::kCPU);
#else
  return cuda ? at::autocast::get_autocast_gpu_dtype() : at::autocast::get_autocast_cpu_dtype();
#endif
}

void setDtype(bool cuda, at::ScalarType type) {
#ifdef FOLK_AUTOCAST_BY_DEVICE_TYPE
  at::autocast::set_autocast_dtype(cuda ? at::kCUDA : at::kCPU, type);
#else
  if (cuda) {
    at::autocast::set_autocast_gpu_dtype(type);
  } else {
    at::autocast::set_autocast_cpu_dtype(type);
  }
#endif
}

}  // namespace

AutocastScope::AutocastScope(torch::Device device, bool enabled) {
  if (!enabled) return;
  if (!device.is_cuda() && !device.is_cpu()) {
    throw std::invalid_argument("bf16 autocast is available on CPU and CUDA devices, not on " + device.str());
  }
  cuda_ = device.is_cuda();
  wasEnabled_ = isEnabled(cuda_);
  previousType_ = dtype(cuda_);
  setDtype(cuda_, at::kBFloat16);
  setEnabled(cuda_, true);
  at::autocast::increment_nesting();
  active_ = true;
}

AutocastScope::~AutocastScope() {
  if (!active_) return;
  // The cast weights are cached while autocast is on; the outermost scope drops them, so the next
  // step casts the updated weights.
  if (at::autocast::decrement_nesting() == 0) at::autocast::clear_cache();
  setEnabled(cuda_, wasEnabled_);
  setDtype(cuda_, previousType_);
}

}  // namespace folk
