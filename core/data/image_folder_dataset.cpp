#include "core/data/image_folder_dataset.h"

#include <algorithm>
#include <cctype>
#include <filesystem>

#include "core/data/image_file.h"
#include "core/data/image_format.h"

namespace folk {
namespace fs = std::filesystem;

namespace {

bool hidden(const fs::path& p) {
  const std::string name = p.filename().string();
  return !name.empty() && name[0] == '.';
}

bool isDirectory(const fs::directory_entry& e) {
  std::error_code ec;
  return e.is_directory(ec);  // follows a symlink: class folders may be links
}

bool isRegularFile(const fs::directory_entry& e) {
  std::error_code ec;
  return e.is_regular_file(ec);  // follows a symlink; a dangling link is not a file
}

}  // namespace

bool ImageFolderDataset::hasImageExtension(const std::string& filename) {
  return hasReadableImageExtension(filename);
}

ImageFolderDataset::ImageFolderDataset(const std::string& root, const ImageLoadOptions& imageOptions)
    : root_(root), imageOptions_(imageOptions) {
  std::error_code ec;
  if (!fs::is_directory(root, ec))
    throw DatasetError("image folder " + root + ": " + (fs::exists(root, ec) ? "is not a folder" : "does not exist"));

  // Sorted listings: directory order is unspecified, and labels and sample indices must not depend
  // on the file system.
  std::vector<std::string> classDirs, rootImages;
  fs::directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
  if (ec) throw DatasetError("image folder " + root + ": cannot list (" + ec.message() + ")");
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    if (ec) {
      ++scan_.unreadableEntries;
      break;
    }
    const auto& entry = *it;
    if (hidden(entry.path())) {
      ++scan_.nonImageFiles;
      continue;
    }
    if (isDirectory(entry)) {
      classDirs.push_back(entry.path().filename().string());
    } else if (isRegularFile(entry) && hasImageExtension(entry.path().filename().string())) {
      rootImages.push_back(entry.path().filename().string());
    } else {
      ++scan_.nonImageFiles;
    }
  }
  std::sort(classDirs.begin(), classDirs.end());
  std::sort(rootImages.begin(), rootImages.end());

  std::vector<std::string> files;
  for (const auto& className : classDirs) {
    files.clear();
    const fs::path dir = fs::path(root) / className;
    // Default options: symlinked directories inside a class are not descended (no loops).
    fs::recursive_directory_iterator rit(dir, fs::directory_options::skip_permission_denied, ec);
    if (ec) {
      ++scan_.unreadableEntries;
      continue;
    }
    for (; rit != fs::recursive_directory_iterator(); rit.increment(ec)) {
      if (ec) {
        ++scan_.unreadableEntries;
        break;
      }
      const auto& entry = *rit;
      if (hidden(entry.path())) {
        if (rit->is_directory(ec)) rit.disable_recursion_pending();
        ++scan_.nonImageFiles;
        continue;
      }
      if (entry.is_symlink(ec) && isDirectory(entry)) continue;
      if (isRegularFile(entry) && hasImageExtension(entry.path().filename().string())) {
        files.push_back(entry.path().lexically_relative(root).generic_string());
      } else if (!isDirectory(entry)) {
        ++scan_.nonImageFiles;
      }
    }
    if (files.empty()) {
      scan_.emptyClassFolders.push_back(className);
      continue;
    }
    std::sort(files.begin(), files.end());
    const int label = int(classNames_.size());
    classNames_.push_back(className);
    for (const auto& f : files) addFile(f, label);
  }

  if (!classNames_.empty()) {
    scan_.ignoredRootImages = rootImages.size();
  } else {
    for (const auto& f : rootImages) addFile(f, -1);
  }
  if (size() == 0)
    throw DatasetError("image folder " + root +
                       ": no image files found (expected one sub-folder of images per class, or images "
                       "directly in the folder; formats read: " + readableImageFormatNames() + ")");
  paths_.shrink_to_fit();
  offsets_.shrink_to_fit();
  labels_.shrink_to_fit();
}

void ImageFolderDataset::addFile(const std::string& relative, int label) {
  paths_ += relative;
  offsets_.push_back(paths_.size());
  if (label >= 0) labels_.push_back(label);
}

std::string ImageFolderDataset::relativePath(std::size_t i) const {
  if (i + 1 >= offsets_.size())
    throw std::out_of_range("ImageFolderDataset: index " + std::to_string(i) + " >= " + std::to_string(size()));
  return paths_.substr(offsets_[i], offsets_[i + 1] - offsets_[i]);
}

Image ImageFolderDataset::load(std::size_t i) const { return loadImage(describe(i), imageOptions_); }

std::string ImageFolderDataset::describe(std::size_t i) const {
  return (fs::path(root_) / relativePath(i)).string();
}

std::string ImageFolderDataset::splitFolder(const std::string& root, Split split) {
  std::error_code ec;
  const std::vector<std::string> names =
      split == Split::Train ? std::vector<std::string>{"train"} : std::vector<std::string>{"test", "val"};
  for (const auto& n : names)
    if (fs::is_directory(fs::path(root) / n, ec)) return (fs::path(root) / n).string();
  return {};
}

std::string ImageFolderDataset::summary() const {
  return "image folder " + root_ + " (" + std::to_string(size()) + " files, " +
         (classNames_.empty() ? std::string("unlabelled") : std::to_string(classNames_.size()) + " classes") + ")";
}

}  // namespace folk
