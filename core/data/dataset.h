#pragma once
// The engine's view of a set of training images (DESIGN.md §4). A dataset is an index: it knows how
// many samples there are, their labels and where they live, and decodes one sample on request.
// Pixels are never held for the whole set, so the same interface serves Fashion-MNIST (in memory,
// 8-bit) and an ImageFolder of a million photos (paths only).
#include <cstddef>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/data/image.h"

namespace folk {

// Which half of a dataset with a published train/test split to open.
enum class Split { Train, Test };

const char* splitName(Split split);

// A dataset that cannot be used at all (missing files, wrong format, nothing usable). Thrown before
// training starts; what() names the file or folder and says what is wrong.
class DatasetError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class ImageDataset {
 public:
  virtual ~ImageDataset() = default;

  virtual std::size_t size() const = 0;
  // 0 when the dataset carries no labels.
  virtual int numClasses() const = 0;
  // One name per class (empty when unlabelled).
  virtual const std::vector<std::string>& classNames() const = 0;
  // Class of sample i in [0, numClasses()), or -1 when unlabelled.
  virtual int label(std::size_t i) const = 0;
  // Decodes sample i as float [0,1] C×H×W. Must be safe to call from several loader threads at
  // once. Throws ImageFileError (core/data/image_file.h) when the sample cannot be decoded; the
  // loaders skip and count such samples.
  virtual Image load(std::size_t i) const = 0;
  // Where sample i comes from, for reports and errors: a path, or "file:index" for packed formats.
  virtual std::string describe(std::size_t i) const = 0;
  // Channels every sample has (1 or 3), or 0 when it varies per file (ImageFolder).
  virtual int channels() const = 0;
  // A short human-readable summary ("IDX /usr/share/datasets/fashion-mnist (train, 60000 images)").
  virtual std::string summary() const = 0;

  bool labelled() const { return numClasses() > 0; }
};

}  // namespace folk
