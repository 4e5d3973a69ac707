#pragma once
// MNIST / Fashion-MNIST IDX files (http://yann.lecun.com/exdb/mnist/ format), gzip-compressed or
// raw. The default dataset of the workbench is Debian's Fashion-MNIST in
// /usr/share/datasets/fashion-mnist.
//
// Memory: the decompressed 8-bit images are held in memory (47 MB for the 60 000 28×28 training
// images of Fashion-MNIST). IDX sets are MNIST-sized by nature, the .gz files must be inflated
// somewhere anyway, and one byte per pixel is a quarter of what decoded float images would take;
// memory-mapping the raw files would add a second code path to save tens of megabytes.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/data/dataset.h"

namespace folk {

// The raw content of one IDX file: unsigned-byte data (type 0x08) with its dimensions.
struct IdxArray {
  std::vector<std::int64_t> dims;
  std::vector<std::uint8_t> data;
};

// Reads an IDX file (.gz is detected from the gzip magic bytes, not the name). Checks the magic
// number, the element type (only unsigned byte is supported), `expectedRank` and that the data
// length matches the header exactly. Throws DatasetError naming the file on any mismatch.
IdxArray readIdxFile(const std::string& path, int expectedRank);

class IdxDataset : public ImageDataset {
 public:
  // An images file (rank 3: count×rows×cols) and an optional labels file (rank 1; "" = none).
  // Class names: given ones, else Fashion-MNIST's when the path mentions "fashion", else "0".."9".
  IdxDataset(const std::string& imagesPath, const std::string& labelsPath,
             std::vector<std::string> classNames = {});

  // The standard file names in `folder`: train-images-idx3-ubyte[.gz] + train-labels-idx1-ubyte[.gz]
  // or the t10k-* pair (the "-idx3" / ".idx3" spellings both accepted; raw preferred over .gz).
  static std::unique_ptr<IdxDataset> open(const std::string& folder, Split split);
  // True when `folder` holds the images file of `split`.
  static bool hasSplit(const std::string& folder, Split split);

  std::size_t size() const override { return count_; }
  int numClasses() const override { return int(classNames_.size()); }
  const std::vector<std::string>& classNames() const override { return classNames_; }
  int label(std::size_t i) const override { return labels_.empty() ? -1 : int(labels_.at(i)); }
  Image load(std::size_t i) const override;
  std::string describe(std::size_t i) const override;
  int channels() const override { return 1; }
  std::string summary() const override;

  int height() const { return rows_; }
  int width() const { return cols_; }
  const std::string& imagesPath() const { return imagesPath_; }

 private:
  std::string imagesPath_, labelsPath_;
  std::size_t count_ = 0;
  int rows_ = 0, cols_ = 0;
  std::vector<std::uint8_t> pixels_;
  std::vector<std::uint8_t> labels_;
  std::vector<std::string> classNames_;
};

// Fashion-MNIST's ten class names in label order (0 = "T-shirt/top", 9 = "Ankle boot").
const std::vector<std::string>& fashionMnistClassNames();

}  // namespace folk
