// Hostile dataset files, table-driven over tests/data/hostile/idx and cifar (made by
// make_hostile_datasets.py): each is a DatasetError naming the file and what is wrong, before any
// allocation of the size a header claims. Never a crash, never a silent partial dataset.
#include <gtest/gtest.h>

#include "core/data/cifar_dataset.h"
#include "core/data/dataset.h"
#include "core/data/idx_dataset.h"
#include "core/data/image_folder_dataset.h"

namespace folk {
namespace {

const std::string kHostile = std::string(FOLK_TEST_DATA_DIR) + "/hostile/";

TEST(HostileDatasets, CorruptIdxFilesAreClearErrorsNamingTheFile) {
  const std::pair<const char*, const char*> cases[] = {
      {"wrong_magic.idx", "bad magic"},
      {"labels_not_images.idx", "has 1 dimensions, expected 3"},
      {"float_elements.idx", "element type 0x0d"},
      {"truncated_data.idx", "truncated"},
      {"trailing_bytes.idx", "data after"},
      {"header_cut.idx", "truncated inside the header"},
      {"claims_64_gb.idx", "64 GB"},
      {"zero_bytes.idx", "too short to hold an IDX header"},
      {"truncated_gzip.idx.gz", "needs 256 data bytes but the file holds 9"},
      {"not_gzip.idx.gz", "bad magic number 0x74686973"},
  };
  for (const auto& [file, fragment] : cases) {
    SCOPED_TRACE(file);
    const auto path = kHostile + "idx/" + file;
    try {
      readIdxFile(path, 3);
      ADD_FAILURE() << "read without an error";
    } catch (const DatasetError& e) {
      const std::string what = e.what();
      EXPECT_NE(what.find(path), std::string::npos) << what;
      EXPECT_NE(what.find(fragment), std::string::npos) << what;
    }
  }
}

TEST(HostileDatasets, BrokenCifarFoldersAreClearErrorsNamingTheFile) {
  const std::pair<const char*, const char*> cases[] = {
      {"truncated_batch", "data_batch_1.bin: 6246 bytes is not a whole number of 3073-byte records"},
      {"label_out_of_range", "label 42"},
      {"empty_batch", "data_batch_1.bin: 0 bytes"},
      {"no_batches", "no CIFAR binary batches found"},
  };
  for (const auto& [folder, fragment] : cases) {
    SCOPED_TRACE(folder);
    try {
      CifarDataset::open(kHostile + "cifar/" + folder, Split::Train);
      ADD_FAILURE() << "opened without an error";
    } catch (const DatasetError& e) {
      const std::string what = e.what();
      EXPECT_NE(what.find(kHostile + "cifar/" + folder), std::string::npos) << what;
      EXPECT_NE(what.find(fragment), std::string::npos) << what;
    }
  }
}

// The pixel budget (config data.max_image_pixels) reaches every load of an image folder: a file whose
// header claims more pixels is refused before it is decoded.
TEST(HostileDatasets, ImageFolderAppliesThePixelBudgetBeforeDecoding) {
  const std::string folder = std::string(FOLK_TEST_DATA_DIR) + "/hostile/budget";
  ImageLoadOptions small;
  small.maxPixels = 50;
  const ImageFolderDataset tight(folder, small);
  ASSERT_EQ(tight.size(), 1u);
  try {
    tight.load(0);
    FAIL() << "decoded despite the budget";
  } catch (const ImageFileError& e) {
    EXPECT_NE(std::string(e.what()).find("claims 12x8 pixels, more than the limit of 50"), std::string::npos) << e.what();
  }
  const ImageFolderDataset roomy(folder);  // the default budget (2^28 pixels)
  EXPECT_EQ(roomy.load(0).width, 12);
}

}  // namespace
}  // namespace folk
