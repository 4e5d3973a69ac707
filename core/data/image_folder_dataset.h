#pragma once
// A folder of image files (DESIGN.md §4): one sub-folder per class, labels from the sorted folder
// names (as torchvision's ImageFolder), or a flat folder of images = unlabelled.
//
// Only the index is kept: root-relative paths packed into one string (no per-file allocation) plus
// a 4-byte label, about 40-60 bytes per file, so a million files cost ~50 MB and no pixels. Files
// are decoded with OpenCV (folk::loadImage) when a loader thread asks for them; a file that fails
// to decode throws ImageFileError there and the loader skips and counts it.
#include <cstdint>
#include <string>
#include <vector>

#include "core/data/dataset.h"
#include "core/data/image_file.h"

namespace folk {

// What the scan saw besides the images it indexed, for the user's report.
struct ImageFolderScan {
  std::size_t nonImageFiles = 0;       // files without an image extension (or hidden), skipped
  std::size_t ignoredRootImages = 0;   // images lying next to class folders (not in any class)
  std::size_t unreadableEntries = 0;   // directory entries that could not be read (permissions, races)
  std::vector<std::string> emptyClassFolders;  // sub-folders without any image (not made classes)
};

class ImageFolderDataset : public ImageDataset {
 public:
  // Scans `root`. Class folders are searched recursively; symlinked files are used, symlinked
  // directories are followed only as class folders themselves (never inside one), so a symlink
  // loop cannot make the scan run forever. Hidden files and folders (".*", e.g. macOS "._x.jpg"
  // forks or ".ipynb_checkpoints") are skipped. Throws DatasetError when `root` is not a folder or
  // holds no image file. `imageOptions` apply to every load (the pixel budget: an image whose header
  // claims more pixels is refused before it is decoded, and skipped and counted by the loader).
  explicit ImageFolderDataset(const std::string& root, const ImageLoadOptions& imageOptions = {});

  // Splits held as sub-folders: root/train and root/test (or root/val for the test split).
  static std::string splitFolder(const std::string& root, Split split);

  std::size_t size() const override { return offsets_.size() - 1; }
  int numClasses() const override { return int(classNames_.size()); }
  const std::vector<std::string>& classNames() const override { return classNames_; }
  int label(std::size_t i) const override { return labels_.empty() ? -1 : labels_.at(i); }
  Image load(std::size_t i) const override;
  std::string describe(std::size_t i) const override;
  int channels() const override { return 0; }
  std::string summary() const override;

  const ImageFolderScan& scan() const { return scan_; }
  const std::string& root() const { return root_; }
  // The root-relative path of sample i.
  std::string relativePath(std::size_t i) const;

  // True for the extensions of the formats FOLK reads (image_format.h; case-insensitive).
  static bool hasImageExtension(const std::string& filename);

 private:
  void addFile(const std::string& relative, int label);

  std::string root_;
  ImageLoadOptions imageOptions_;
  std::string paths_;                   // all relative paths back to back
  std::vector<std::uint64_t> offsets_{0};  // sample i = paths_[offsets_[i], offsets_[i+1])
  std::vector<std::int32_t> labels_;    // empty when unlabelled
  std::vector<std::string> classNames_;
  ImageFolderScan scan_;
};

}  // namespace folk
