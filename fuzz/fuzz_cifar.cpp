// libFuzzer target: CIFAR-10 / CIFAR-100 binary batches and the class-name lists next to them.
// The first byte picks what the rest is: bit 2 clear, a batch file (bit 0: CIFAR-100, bit 1: coarse
// labels); bit 2 set, a batches.meta.txt beside a valid one-record batch, opened by folder.
// Accepted data must load and describe every record; everything else is a DatasetError.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "core/data/cifar_dataset.h"
#include "core/data/dataset.h"
#include "fuzz/memory_file.h"

namespace {

namespace fs = std::filesystem;

void checkDataset(const folk::CifarDataset& dataset) {
  for (std::size_t i = 0; i < dataset.size(); ++i) {
    if (dataset.label(i) < 0 || dataset.label(i) >= dataset.numClasses()) std::abort();
    const auto image = dataset.load(i);
    if (image.channels != 3 || image.height != 32 || image.width != 32) std::abort();
    (void)dataset.describe(i);
  }
  if (int(dataset.classNames().size()) != dataset.numClasses()) std::abort();
  (void)dataset.summary();
}

// Where metaFolder() lives, in plain storage so that the exit handler that removes the folder can
// still read it after static objects are destroyed.
char metaFolderPath[4096];

void removeMetaFolder() {
  std::error_code ec;
  fs::remove_all(metaFolderPath, ec);
}

// A CIFAR-10 folder with one valid record (label 3), made once per fuzzing process and removed at exit.
const fs::path& metaFolder() {
  static const fs::path folder = [] {
    const fs::path base = fs::is_directory("/dev/shm") ? fs::path("/dev/shm") : fs::temp_directory_path();
    const fs::path dir = base / ("folk-fuzz-cifar-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    std::string record(std::size_t(1 + folk::CifarDataset::kPixelBytes), '\x80');
    record[0] = 3;
    std::ofstream(dir / "data_batch_1.bin", std::ios::binary) << record;
    std::snprintf(metaFolderPath, sizeof metaFolderPath, "%s", dir.c_str());
    std::atexit(removeMetaFolder);
    return dir;
  }();
  return folder;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::uint8_t mode = data[0];
  try {
    if (mode & 4) {
      std::ofstream(metaFolder() / "batches.meta.txt", std::ios::binary | std::ios::trunc)
          .write(reinterpret_cast<const char*>(data + 1), std::streamsize(size - 1));
      checkDataset(*folk::CifarDataset::open(metaFolder().string(), folk::Split::Train));
    } else {
      const folk::fuzz::MemoryFile file(data + 1, size - 1);
      const auto variant = (mode & 1) ? folk::CifarVariant::Cifar100 : folk::CifarVariant::Cifar10;
      const auto labels = (mode & 2) ? folk::CifarLabels::Coarse : folk::CifarLabels::Fine;
      checkDataset(folk::CifarDataset({file.path()}, variant, labels));
    }
  } catch (const folk::DatasetError&) {
  }
  return 0;
}
