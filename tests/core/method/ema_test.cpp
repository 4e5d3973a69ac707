// EMA teacher update on tiny tensors.
#include <gtest/gtest.h>
#include <torch/torch.h>

#include "core/method/ema.h"

namespace folk {
namespace {

TEST(Ema, MovesTeacherTowardsStudent) {
  torch::nn::Linear teacher(2, 1), student(2, 1);
  {
    torch::NoGradGuard noGrad;
    teacher->weight.copy_(torch::tensor({{1.0f, 2.0f}}));
    teacher->bias.fill_(0.0f);
    student->weight.copy_(torch::tensor({{3.0f, -2.0f}}));
    student->bias.fill_(10.0f);
  }
  emaUpdate(*teacher, *student, 0.9);
  // 0.9 * 1 + 0.1 * 3 = 1.2 ; 0.9 * 2 + 0.1 * -2 = 1.6 ; 0.1 * 10 = 1.
  EXPECT_TRUE(torch::allclose(teacher->weight, torch::tensor({{1.2f, 1.6f}})));
  EXPECT_NEAR(teacher->bias.item<double>(), 1.0, 1e-6);
  EXPECT_FALSE(teacher->weight.grad().defined());
  emaUpdate(*teacher, *student, 1.0);  // momentum 1: the teacher is frozen
  EXPECT_TRUE(torch::allclose(teacher->weight, torch::tensor({{1.2f, 1.6f}})));
  emaUpdate(*teacher, *student, 0.0);  // momentum 0: the teacher becomes the student
  EXPECT_TRUE(torch::equal(teacher->weight, student->weight));
}

TEST(Ema, CopyAndMismatch) {
  torch::nn::BatchNorm1d a(3), b(3);
  {
    torch::NoGradGuard noGrad;
    b->weight.fill_(2.0);
    b->running_mean.fill_(5.0);
  }
  copyModuleState(*a, *b);
  EXPECT_TRUE(torch::equal(a->weight, b->weight));
  EXPECT_TRUE(torch::equal(a->running_mean, b->running_mean));
  torch::nn::Linear small(2, 1), large(3, 1);
  EXPECT_THROW(emaUpdate(*small, *large, 0.5), std::invalid_argument);
}

}  // namespace
}  // namespace folk
