#include "core/data/open_dataset.h"

#include <filesystem>

#include "core/data/cifar_dataset.h"
#include "core/data/idx_dataset.h"
#include "core/data/image_folder_dataset.h"

namespace folk {
namespace fs = std::filesystem;

DatasetFormat parseDatasetFormat(const std::string& name) {
  if (name == "auto") return DatasetFormat::Auto;
  if (name == "idx") return DatasetFormat::Idx;
  if (name == "cifar") return DatasetFormat::Cifar;
  if (name == "folder") return DatasetFormat::ImageFolder;
  throw DatasetError("unknown dataset format '" + name + "' (expected auto, idx, cifar or folder)");
}

const char* datasetFormatName(DatasetFormat format) {
  switch (format) {
    case DatasetFormat::Auto: return "auto";
    case DatasetFormat::Idx: return "idx";
    case DatasetFormat::Cifar: return "cifar";
    case DatasetFormat::ImageFolder: return "folder";
  }
  return "auto";
}

DatasetFormat detectDatasetFormat(const std::string& path) {
  std::error_code ec;
  if (!fs::is_directory(path, ec))
    throw DatasetError("dataset " + path + ": " + (fs::exists(path, ec) ? "is not a folder" : "does not exist"));
  if (IdxDataset::hasSplit(path, Split::Train) || IdxDataset::hasSplit(path, Split::Test)) return DatasetFormat::Idx;
  if (CifarDataset::hasSplit(path, Split::Train) || CifarDataset::hasSplit(path, Split::Test))
    return DatasetFormat::Cifar;
  return DatasetFormat::ImageFolder;
}

bool hasTestSplit(const std::string& path, DatasetFormat format) {
  if (format == DatasetFormat::Auto) format = detectDatasetFormat(path);
  switch (format) {
    case DatasetFormat::Idx: return IdxDataset::hasSplit(path, Split::Test);
    case DatasetFormat::Cifar: return CifarDataset::hasSplit(path, Split::Test);
    default:
      return !ImageFolderDataset::splitFolder(path, Split::Train).empty() &&
             !ImageFolderDataset::splitFolder(path, Split::Test).empty();
  }
}

std::shared_ptr<ImageDataset> openDataset(const std::string& path, Split split, DatasetFormat format,
                                          const ImageLoadOptions& imageOptions) {
  if (format == DatasetFormat::Auto) format = detectDatasetFormat(path);
  switch (format) {
    case DatasetFormat::Idx: return IdxDataset::open(path, split);
    case DatasetFormat::Cifar: return CifarDataset::open(path, split);
    default: break;
  }
  const std::string train = ImageFolderDataset::splitFolder(path, Split::Train);
  const std::string test = ImageFolderDataset::splitFolder(path, Split::Test);
  if (!train.empty() && !test.empty())
    return std::make_shared<ImageFolderDataset>(split == Split::Train ? train : test, imageOptions);
  if (split == Split::Test)
    throw DatasetError("image folder " + path + " has no test split (no train/ and test/ or val/ sub-folders)");
  return std::make_shared<ImageFolderDataset>(path, imageOptions);
}

}  // namespace folk
