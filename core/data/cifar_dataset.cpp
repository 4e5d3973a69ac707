#include "core/data/cifar_dataset.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "core/data/image_file.h"

namespace folk {
namespace fs = std::filesystem;

namespace {

const char* variantName(CifarVariant v) { return v == CifarVariant::Cifar10 ? "CIFAR-10" : "CIFAR-100"; }

std::vector<std::string> readNameList(const fs::path& path) {
  std::vector<std::string> names;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    if (!line.empty()) names.push_back(line);
  }
  return names;
}

struct Layout {
  fs::path folder;
  CifarVariant variant = CifarVariant::Cifar10;
  bool found = false;
};

bool isFile(const fs::path& p) {
  std::error_code ec;
  return fs::is_regular_file(p, ec);
}

// Finds the folder holding the batches: `folder` itself or its archive sub-folder.
Layout locate(const fs::path& folder) {
  for (const fs::path& dir : {folder, folder / "cifar-10-batches-bin", folder / "cifar-100-binary"}) {
    if (isFile(dir / "data_batch_1.bin") || isFile(dir / "test_batch.bin")) return {dir, CifarVariant::Cifar10, true};
    if (isFile(dir / "train.bin") || isFile(dir / "test.bin")) return {dir, CifarVariant::Cifar100, true};
  }
  return {};
}

std::vector<std::string> splitFiles(const Layout& layout, Split split) {
  std::vector<std::string> files;
  if (layout.variant == CifarVariant::Cifar100) {
    const fs::path p = layout.folder / (split == Split::Train ? "train.bin" : "test.bin");
    if (isFile(p)) files.push_back(p.string());
  } else if (split == Split::Test) {
    if (isFile(layout.folder / "test_batch.bin")) files.push_back((layout.folder / "test_batch.bin").string());
  } else {
    for (int b = 1; isFile(layout.folder / ("data_batch_" + std::to_string(b) + ".bin")); ++b)
      files.push_back((layout.folder / ("data_batch_" + std::to_string(b) + ".bin")).string());
  }
  return files;
}

}  // namespace

CifarDataset::CifarDataset(std::vector<std::string> files, CifarVariant variant, CifarLabels labels,
                           std::vector<std::string> classNames)
    : variant_(variant), recordBytes_((variant == CifarVariant::Cifar10 ? 1 : 2) + kPixelBytes) {
  if (files.empty()) throw DatasetError(std::string(variantName(variant)) + ": no batch files given");
  const int labelOffset = (variant == CifarVariant::Cifar100 && labels == CifarLabels::Fine) ? 1 : 0;
  const int classes = variant == CifarVariant::Cifar10 ? 10 : (labels == CifarLabels::Fine ? 100 : 20);

  // Every file is opened here so that a missing or truncated batch is reported before training.
  std::vector<std::uint8_t> buffer;
  for (const auto& path : files) {
    File file;
    file.path = path;
    file.first = labels_.size();
    file.fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (file.fd < 0) {
      const std::string why = std::strerror(errno);
      for (auto& f : files_) ::close(f.fd);
      throw DatasetError(std::string(variantName(variant)) + " batch " + path + ": cannot open (" + why + ")");
    }
    files_.push_back(file);
    std::error_code ec;
    const auto bytes = fs::file_size(path, ec);
    if (ec || bytes == 0 || bytes % std::uintmax_t(recordBytes_) != 0) {
      const std::string detail =
          ec ? ec.message()
             : std::to_string(bytes) + " bytes is not a whole number of " + std::to_string(recordBytes_) +
                   "-byte records (truncated, or not a " + variantName(variant) + " binary batch)";
      for (auto& f : files_) ::close(f.fd);
      files_.clear();
      throw DatasetError(std::string(variantName(variant)) + " batch " + path + ": " + detail);
    }
    files_.back().count = std::size_t(bytes / std::uintmax_t(recordBytes_));

    // Labels are read in chunks of records, one pass over the file.
    const std::size_t perChunk = 4096;
    buffer.resize(std::min(perChunk, files_.back().count) * std::size_t(recordBytes_));
    for (std::size_t r = 0; r < files_.back().count; r += perChunk) {
      const std::size_t n = std::min(perChunk, files_.back().count - r);
      const std::size_t want = n * std::size_t(recordBytes_);
      const ssize_t got = ::pread(file.fd, buffer.data(), want, off_t(r * std::size_t(recordBytes_)));
      if (got != ssize_t(want)) {
        for (auto& f : files_) ::close(f.fd);
        files_.clear();
        throw DatasetError(std::string(variantName(variant)) + " batch " + path + ": read failed");
      }
      for (std::size_t k = 0; k < n; ++k) {
        const std::uint8_t label = buffer[k * std::size_t(recordBytes_) + std::size_t(labelOffset)];
        if (label >= classes) {
          for (auto& f : files_) ::close(f.fd);
          files_.clear();
          throw DatasetError(std::string(variantName(variant)) + " batch " + path + ": record " +
                             std::to_string(r + k) + " has label " + std::to_string(label) + ", expected < " +
                             std::to_string(classes) + " (wrong CIFAR variant or corrupt file)");
        }
        labels_.push_back(label);
      }
    }
  }

  if (int(classNames.size()) == classes) {
    classNames_ = std::move(classNames);
  } else {
    for (int c = 0; c < classes; ++c) classNames_.push_back(std::to_string(c));
  }
}

CifarDataset::~CifarDataset() {
  for (auto& f : files_) ::close(f.fd);
}

std::unique_ptr<CifarDataset> CifarDataset::open(const std::string& folder, Split split, CifarLabels labels) {
  const Layout layout = locate(folder);
  if (!layout.found)
    throw DatasetError("CIFAR dataset " + folder +
                       ": no CIFAR binary batches found (expected data_batch_1.bin/test_batch.bin for "
                       "CIFAR-10 or train.bin/test.bin for CIFAR-100, here or in cifar-10-batches-bin/ "
                       "or cifar-100-binary/)");
  const auto files = splitFiles(layout, split);
  if (files.empty())
    throw DatasetError(std::string(variantName(layout.variant)) + " dataset " + layout.folder.string() + ": no " +
                       splitName(split) + " batch file");
  std::vector<std::string> names;
  if (layout.variant == CifarVariant::Cifar10) {
    names = readNameList(layout.folder / "batches.meta.txt");
  } else {
    names = readNameList(layout.folder / (labels == CifarLabels::Fine ? "fine_label_names.txt" : "coarse_label_names.txt"));
  }
  return std::make_unique<CifarDataset>(files, layout.variant, labels, std::move(names));
}

bool CifarDataset::hasSplit(const std::string& folder, Split split) {
  const Layout layout = locate(folder);
  return layout.found && !splitFiles(layout, split).empty();
}

const CifarDataset::File& CifarDataset::fileOf(std::size_t i) const {
  // Files are few (≤ 5); a linear scan is cheaper than anything clever.
  for (const auto& f : files_)
    if (i >= f.first && i < f.first + f.count) return f;
  throw std::out_of_range("CifarDataset: index " + std::to_string(i) + " >= " + std::to_string(size()));
}

Image CifarDataset::load(std::size_t i) const {
  const File& f = fileOf(i);
  std::uint8_t bytes[kPixelBytes];
  const off_t offset = off_t((i - f.first) * std::size_t(recordBytes_) + std::size_t(recordBytes_ - kPixelBytes));
  const ssize_t got = ::pread(f.fd, bytes, kPixelBytes, offset);
  if (got != kPixelBytes)
    throw ImageFileError(describe(i), got < 0 ? std::string("read failed: ") + std::strerror(errno)
                                              : "record is truncated (file changed since it was opened?)");
  // The record is already planar R, G, B, row-major: the layout of folk::Image.
  Image image(3, kSide, kSide);
  for (int p = 0; p < kPixelBytes; ++p) image.pixels[std::size_t(p)] = float(bytes[p]) * (1.0f / 255.0f);
  return image;
}

std::string CifarDataset::describe(std::size_t i) const {
  const File& f = fileOf(i);
  return f.path + ":" + std::to_string(i - f.first);
}

std::string CifarDataset::summary() const {
  return std::string(variantName(variant_)) + " " + fs::path(files_.front().path).parent_path().string() + " (" +
         std::to_string(size()) + " images 32x32, " + std::to_string(numClasses()) + " classes)";
}

}  // namespace folk
