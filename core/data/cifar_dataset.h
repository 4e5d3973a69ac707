#pragma once
// CIFAR-10 / CIFAR-100 "binary version" batches (https://www.cs.toronto.edu/~kriz/cifar.html).
// CIFAR-10: data_batch_1..5.bin (train) and test_batch.bin, records of 1 label byte + 3072 pixel
// bytes (1024 R, 1024 G, 1024 B, 32×32 row-major). CIFAR-100: train.bin / test.bin, records of a
// coarse and a fine label byte + 3072 pixel bytes.
//
// Indexed, not loaded: only the labels are read at open; each sample's 3072 bytes are read with
// pread() when it is loaded (one system call, safe from many threads on one descriptor).
#include <memory>
#include <string>
#include <vector>

#include "core/data/dataset.h"

namespace folk {

enum class CifarVariant { Cifar10, Cifar100 };
// CIFAR-100 has two label sets: 100 fine classes and 20 coarse super-classes.
enum class CifarLabels { Fine, Coarse };

class CifarDataset : public ImageDataset {
 public:
  // Explicit batch files, all of one variant. Each file's size must be a whole number of records.
  CifarDataset(std::vector<std::string> files, CifarVariant variant, CifarLabels labels = CifarLabels::Fine,
               std::vector<std::string> classNames = {});
  ~CifarDataset() override;
  CifarDataset(const CifarDataset&) = delete;
  CifarDataset& operator=(const CifarDataset&) = delete;

  // `folder` is the extracted archive folder (cifar-10-batches-bin / cifar-100-binary) or its
  // parent. The variant is recognised from the file names; class names come from
  // batches.meta.txt / fine_label_names.txt / coarse_label_names.txt when present.
  static std::unique_ptr<CifarDataset> open(const std::string& folder, Split split,
                                            CifarLabels labels = CifarLabels::Fine);
  // True when `folder` (or a CIFAR sub-folder of it) holds CIFAR binary batches for `split`.
  static bool hasSplit(const std::string& folder, Split split);

  static constexpr int kSide = 32;
  static constexpr int kPixelBytes = 3 * kSide * kSide;

  std::size_t size() const override { return labels_.size(); }
  int numClasses() const override { return int(classNames_.size()); }
  const std::vector<std::string>& classNames() const override { return classNames_; }
  int label(std::size_t i) const override { return labels_.at(i); }
  Image load(std::size_t i) const override;
  std::string describe(std::size_t i) const override;
  int channels() const override { return 3; }
  std::string summary() const override;

  CifarVariant variant() const { return variant_; }

 private:
  struct File {
    std::string path;
    int fd = -1;
    std::size_t first = 0;  // global index of its first record
    std::size_t count = 0;
  };
  const File& fileOf(std::size_t i) const;

  CifarVariant variant_;
  int recordBytes_;
  std::vector<File> files_;
  std::vector<std::uint8_t> labels_;
  std::vector<std::string> classNames_;
};

}  // namespace folk
