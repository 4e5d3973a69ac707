#pragma once
// An in-memory dataset for loader tests: sample i is a constant image whose value encodes i, so a
// batch row can be traced back to its sample. Chosen indices can fail to decode, and loads can be
// slowed down to exercise prefetching and shutdown.
#include <chrono>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "core/data/dataset.h"
#include "core/data/image_file.h"

namespace folk::test {

class SyntheticDataset : public ImageDataset {
 public:
  SyntheticDataset(std::size_t n, int channels = 1, int side = 8, std::set<std::size_t> bad = {})
      : n_(n), channels_(channels), side_(side), bad_(std::move(bad)) {
    for (int c = 0; c < 5; ++c) names_.push_back("class" + std::to_string(c));
  }
  std::size_t size() const override { return n_; }
  int numClasses() const override { return 5; }
  const std::vector<std::string>& classNames() const override { return names_; }
  int label(std::size_t i) const override { return int(i % 5); }
  Image load(std::size_t i) const override {
    if (delay_.count() > 0) std::this_thread::sleep_for(delay_);
    if (allBad_ || bad_.count(i)) throw ImageFileError(describe(i), "synthetic decode failure");
    Image image(channels_, side_, side_);
    for (auto& v : image.pixels) v = valueOf(i);
    return image;
  }
  std::string describe(std::size_t i) const override { return "synthetic:" + std::to_string(i); }
  int channels() const override { return channels_; }
  std::string summary() const override { return "synthetic dataset (" + std::to_string(n_) + ")"; }

  static float valueOf(std::size_t i) { return float(i % 997) / 996.0f; }
  void setDelay(std::chrono::microseconds d) { delay_ = d; }
  void setAllBad(bool b) { allBad_ = b; }

 private:
  std::size_t n_;
  int channels_, side_;
  std::set<std::size_t> bad_;
  std::vector<std::string> names_;
  std::chrono::microseconds delay_{0};
  bool allBad_ = false;
};

}  // namespace folk::test
