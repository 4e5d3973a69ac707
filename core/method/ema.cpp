#include "core/method/ema.h"

#include <stdexcept>

namespace folk {

namespace {
void checkSameShapes(const std::vector<torch::Tensor>& a, const std::vector<torch::Tensor>& b, const char* what) {
  if (a.size() != b.size()) {
    throw std::invalid_argument(std::string(what) + ": the modules have different numbers of tensors (" +
                                std::to_string(a.size()) + " vs " + std::to_string(b.size()) + ")");
  }
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i].sizes() != b[i].sizes()) {
      throw std::invalid_argument(std::string(what) + ": tensor " + std::to_string(i) + " has shape " +
                                  c10::str(a[i].sizes()) + " in one module and " + c10::str(b[i].sizes()) +
                                  " in the other");
    }
  }
}
}  // namespace

void emaUpdate(torch::nn::Module& teacher, const torch::nn::Module& student, double momentum) {
  torch::NoGradGuard noGrad;
  auto t = teacher.parameters();
  const auto s = student.parameters();
  checkSameShapes(t, s, "emaUpdate");
  for (size_t i = 0; i < t.size(); ++i) t[i].mul_(momentum).add_(s[i].detach(), 1.0 - momentum);
}

void copyModuleState(torch::nn::Module& target, const torch::nn::Module& source) {
  torch::NoGradGuard noGrad;
  auto tp = target.parameters();
  const auto sp = source.parameters();
  checkSameShapes(tp, sp, "copyModuleState");
  for (size_t i = 0; i < tp.size(); ++i) tp[i].copy_(sp[i]);
  auto tb = target.buffers();
  const auto sb = source.buffers();
  checkSameShapes(tb, sb, "copyModuleState");
  for (size_t i = 0; i < tb.size(); ++i) tb[i].copy_(sb[i]);
}

}  // namespace folk
