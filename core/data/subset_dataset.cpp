#include "core/data/subset_dataset.h"

#include <algorithm>
#include <cmath>

#include "core/data/sample_rng.h"

namespace folk {

namespace {

void shuffle(std::vector<std::size_t>& v, SampleRng& rng) {
  for (std::size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[std::size_t(rng.below(i))]);
}

// Indices grouped by label (one group when unlabelled), each group shuffled.
std::vector<std::vector<std::size_t>> shuffledGroups(const ImageDataset& dataset, std::uint64_t seed) {
  const std::size_t groups = dataset.labelled() ? std::size_t(dataset.numClasses()) : 1;
  std::vector<std::vector<std::size_t>> byClass(groups);
  for (std::size_t i = 0; i < dataset.size(); ++i) {
    const int label = dataset.labelled() ? dataset.label(i) : 0;
    byClass.at(std::size_t(std::max(label, 0))).push_back(i);
  }
  for (std::size_t c = 0; c < groups; ++c) {
    SampleRng rng(seed, 0, c, RngStream::Subset);
    shuffle(byClass[c], rng);
  }
  return byClass;
}

// How many of each group to take so the total is `count`: proportional (largest remainder), with
// at least one per non-empty group when count >= number of groups.
std::vector<std::size_t> quotas(const std::vector<std::vector<std::size_t>>& groups, std::size_t count,
                                std::size_t total) {
  std::vector<std::size_t> q(groups.size(), 0);
  std::vector<std::pair<double, std::size_t>> remainders;
  std::size_t assigned = 0;
  for (std::size_t c = 0; c < groups.size(); ++c) {
    const double exact = double(count) * double(groups[c].size()) / double(total);
    q[c] = std::min(groups[c].size(), std::size_t(std::floor(exact)));
    assigned += q[c];
    remainders.push_back({exact - std::floor(exact), c});
  }
  std::size_t nonEmpty = 0;
  for (const auto& g : groups) nonEmpty += g.empty() ? 0 : 1;
  if (count >= nonEmpty)
    for (std::size_t c = 0; c < groups.size(); ++c)
      if (q[c] == 0 && !groups[c].empty()) q[c] = 1, ++assigned;
  // Stable order for ties: larger remainder first, then lower class.
  std::sort(remainders.begin(), remainders.end(),
            [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
  for (std::size_t pass = 0; assigned < count && pass < 2; ++pass)
    for (const auto& r : remainders) {
      if (assigned >= count) break;
      if (q[r.second] < groups[r.second].size()) ++q[r.second], ++assigned;
    }
  while (assigned > count) {  // the minimum-one rule overshot: trim the largest quotas
    auto largest = std::max_element(q.begin(), q.end());
    --*largest;
    --assigned;
  }
  return q;
}

}  // namespace

SubsetDataset::SubsetDataset(std::shared_ptr<const ImageDataset> base, std::vector<std::size_t> indices)
    : base_(std::move(base)), indices_(std::move(indices)) {
  for (auto i : indices_)
    if (i >= base_->size())
      throw DatasetError(base_->summary() + ": subset index " + std::to_string(i) + " out of range");
}

std::string SubsetDataset::summary() const {
  return "subset of " + std::to_string(indices_.size()) + " from " + base_->summary();
}

std::vector<std::size_t> sampleSubset(const ImageDataset& dataset, std::size_t count, std::uint64_t seed) {
  const std::size_t n = dataset.size();
  count = std::min(count, n);
  auto groups = shuffledGroups(dataset, seed);
  const auto q = quotas(groups, count, n);
  std::vector<std::size_t> out;
  out.reserve(count);
  for (std::size_t c = 0; c < groups.size(); ++c) out.insert(out.end(), groups[c].begin(), groups[c].begin() + q[c]);
  std::sort(out.begin(), out.end());
  return out;
}

std::pair<std::vector<std::size_t>, std::vector<std::size_t>> splitHoldout(const ImageDataset& dataset,
                                                                           double heldOutFraction,
                                                                           std::uint64_t seed) {
  if (!(heldOutFraction > 0.0 && heldOutFraction < 1.0))
    throw DatasetError("held-out fraction must be in (0,1), got " + std::to_string(heldOutFraction));
  const std::size_t n = dataset.size();
  auto held = sampleSubset(dataset, std::size_t(std::llround(heldOutFraction * double(n))), seed);
  std::vector<std::size_t> rest;
  rest.reserve(n - held.size());
  std::size_t h = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (h < held.size() && held[h] == i) {
      ++h;
      continue;
    }
    rest.push_back(i);
  }
  return {std::move(rest), std::move(held)};
}

}  // namespace folk
