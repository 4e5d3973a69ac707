#include "core/model/feature_selection.h"

namespace folk {

std::optional<FeatureSelection> parseFeatureSelection(const std::string& name) {
  if (name == "cls") return FeatureSelection::Cls;
  if (name == "patch-mean") return FeatureSelection::PatchMean;
  if (name == "cls+patch-mean") return FeatureSelection::ClsAndPatchMean;
  return std::nullopt;
}

std::string featureSelectionName(FeatureSelection selection) {
  switch (selection) {
    case FeatureSelection::Cls: return "cls";
    case FeatureSelection::PatchMean: return "patch-mean";
    case FeatureSelection::ClsAndPatchMean: return "cls+patch-mean";
  }
  return "cls";
}

torch::Tensor selectFeatures(const BackboneOutput& output, FeatureSelection selection) {
  if (selection == FeatureSelection::Cls) return output.features;
  const auto patchMean = output.patchMap.mean({2, 3});
  if (selection == FeatureSelection::PatchMean) return patchMean;
  return torch::cat({output.features, patchMean}, 1);
}

}  // namespace folk
