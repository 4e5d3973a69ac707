#pragma once
// One entry point from a path (a config value or a command-line argument) to a dataset, recognising
// the format from the files: IDX (MNIST family), CIFAR binary batches, or an image folder.
#include <memory>
#include <string>

#include "core/data/dataset.h"
#include "core/data/image_file.h"

namespace folk {

enum class DatasetFormat { Auto, Idx, Cifar, ImageFolder };

// "auto", "idx", "cifar", "folder"; throws DatasetError for anything else.
DatasetFormat parseDatasetFormat(const std::string& name);
const char* datasetFormatName(DatasetFormat format);

// The format Auto would pick for `path` (Idx, Cifar or ImageFolder); throws DatasetError when the
// path does not exist or is not a folder.
DatasetFormat detectDatasetFormat(const std::string& path);

// True when the data at `path` carries its own test split (IDX t10k-*, CIFAR test batch, or an
// image folder with train/ and test/ or val/ sub-folders).
bool hasTestSplit(const std::string& path, DatasetFormat format = DatasetFormat::Auto);

// Opens `split` of the dataset at `path`. An image folder without train/ and test/ sub-folders is
// all training data: asking it for Split::Test throws DatasetError (use splitHoldout instead).
// `imageOptions` apply to image folders (the pixel budget); IDX and CIFAR have fixed sizes.
std::shared_ptr<ImageDataset> openDataset(const std::string& path, Split split,
                                          DatasetFormat format = DatasetFormat::Auto,
                                          const ImageLoadOptions& imageOptions = {});

}  // namespace folk
