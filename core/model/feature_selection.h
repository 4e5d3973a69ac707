#pragma once
// Which part of a backbone's output represents an image in frozen-feature evaluation and in the
// embedding view. DESIGN.md §3 scores the final-norm CLS token; after minutes of training on a
// small dataset the patch tokens (shaped directly by the reconstruction and, through attention, by
// distillation) often carry more of what was learnt than the CLS token, so the choice is a setting.
#include <torch/torch.h>

#include <optional>
#include <string>

#include "core/model/backbone.h"

namespace folk {

enum class FeatureSelection {
  Cls,              // BackboneOutput::features (ViT CLS token, ResNet global average pool)
  PatchMean,        // mean of the patch map over its spatial cells
  ClsAndPatchMean,  // both, concatenated (2·D values)
};

std::optional<FeatureSelection> parseFeatureSelection(const std::string& name);
std::string featureSelectionName(FeatureSelection selection);

// (B, D) or (B, 2·D) features of one forward pass.
torch::Tensor selectFeatures(const BackboneOutput& output, FeatureSelection selection);

}  // namespace folk
