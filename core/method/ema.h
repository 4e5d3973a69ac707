#pragma once
// The EMA teacher (DESIGN.md §3): phi <- m phi + (1 - m) theta, without gradient.
#include <torch/torch.h>

namespace folk {

// Parameters are matched in registration order; both modules must have the same architecture
// (throws std::invalid_argument naming the first mismatch otherwise). Buffers are not averaged: a
// teacher's BatchNorm keeps the running statistics of its own inputs, as in DINO.
void emaUpdate(torch::nn::Module& teacher, const torch::nn::Module& student, double momentum);

// Copies every parameter and buffer of `source` into `target` (same architecture), e.g. to start the
// teacher as an exact copy of the student.
void copyModuleState(torch::nn::Module& target, const torch::nn::Module& source);

}  // namespace folk
