#pragma once
// A view of some samples of another dataset: short runs that train on a subset, few-shot probes,
// and a held-out split for data that has none. Shares the base dataset; holds only indices.
#include <cstdint>
#include <memory>
#include <vector>

#include "core/data/dataset.h"

namespace folk {

class SubsetDataset : public ImageDataset {
 public:
  SubsetDataset(std::shared_ptr<const ImageDataset> base, std::vector<std::size_t> indices);

  std::size_t size() const override { return indices_.size(); }
  int numClasses() const override { return base_->numClasses(); }
  const std::vector<std::string>& classNames() const override { return base_->classNames(); }
  int label(std::size_t i) const override { return base_->label(indices_.at(i)); }
  Image load(std::size_t i) const override { return base_->load(indices_.at(i)); }
  std::string describe(std::size_t i) const override { return base_->describe(indices_.at(i)); }
  int channels() const override { return base_->channels(); }
  std::string summary() const override;

  std::size_t baseIndex(std::size_t i) const { return indices_.at(i); }
  const std::vector<std::size_t>& indices() const { return indices_; }

 private:
  std::shared_ptr<const ImageDataset> base_;
  std::vector<std::size_t> indices_;
};

// `count` samples drawn without replacement, deterministically from `seed`, returned in ascending
// index order. With labels the draw is stratified: each class keeps its share (at least one
// sample per class when count allows), so a 1 % subset of Fashion-MNIST still has all ten classes.
std::vector<std::size_t> sampleSubset(const ImageDataset& dataset, std::size_t count, std::uint64_t seed);

// Splits the indices into two disjoint stratified parts: `heldOutFraction` of them (second) and the
// rest (first). For folders without a test split.
std::pair<std::vector<std::size_t>, std::vector<std::size_t>> splitHoldout(const ImageDataset& dataset,
                                                                           double heldOutFraction,
                                                                           std::uint64_t seed);

}  // namespace folk
