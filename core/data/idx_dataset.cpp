#include "core/data/idx_dataset.h"

#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <limits>

namespace folk {
namespace fs = std::filesystem;

namespace {

// Closes the gzFile on every path out of readIdxFile.
struct GzCloser {
  void operator()(gzFile_s* f) const { gzclose(f); }
};
using GzHandle = std::unique_ptr<gzFile_s, GzCloser>;

[[noreturn]] void fail(const std::string& path, const std::string& what) {
  throw DatasetError("IDX file " + path + ": " + what);
}

// Reads up to n bytes; returns how many arrived (fewer only at the end of the data).
std::size_t readSome(gzFile f, const std::string& path, std::uint8_t* out, std::size_t n) {
  std::size_t done = 0;
  while (done < n) {
    const unsigned chunk = unsigned(std::min<std::size_t>(n - done, 1u << 20));
    const int got = gzread(f, out + done, chunk);
    if (got < 0) {
      int code = 0;
      const char* msg = gzerror(f, &code);
      fail(path, std::string("cannot decompress (") + (msg ? msg : "zlib error") + ")");
    }
    if (got == 0) break;
    done += std::size_t(got);
  }
  return done;
}

std::uint32_t bigEndian32(const std::uint8_t* b) {
  return (std::uint32_t(b[0]) << 24) | (std::uint32_t(b[1]) << 16) | (std::uint32_t(b[2]) << 8) | b[3];
}

std::string fileIn(const fs::path& folder, const std::vector<std::string>& names) {
  for (const auto& name : names) {
    std::error_code ec;
    if (fs::is_regular_file(folder / name, ec)) return (folder / name).string();
  }
  return {};
}

// Candidate file names of one split and kind, raw before .gz (raw needs no inflating).
std::vector<std::string> candidates(Split split, const std::string& kind, int rank) {
  const std::string prefix = split == Split::Train ? "train-" : "t10k-";
  const std::string r = std::to_string(rank);
  std::vector<std::string> names;
  for (const std::string sep : {"-idx", ".idx"}) names.push_back(prefix + kind + sep + r + "-ubyte");
  for (const std::string sep : {"-idx", ".idx"}) names.push_back(prefix + kind + sep + r + "-ubyte.gz");
  return names;
}

}  // namespace

IdxArray readIdxFile(const std::string& path, int expectedRank) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) fail(path, "file not found");
  // gzopen reads gzip data and passes any other file through unchanged, so raw and .gz share
  // one code path; the gzip magic decides, not the file name.
  GzHandle file(gzopen(path.c_str(), "rb"));
  if (!file) fail(path, "cannot open for reading");

  std::uint8_t magic[4];
  if (readSome(file.get(), path, magic, 4) != 4) fail(path, "too short to hold an IDX header");
  if (magic[0] != 0 || magic[1] != 0)
    fail(path, "not an IDX file (bad magic number 0x" + [&] {
      char buf[9];
      std::snprintf(buf, sizeof buf, "%08x", bigEndian32(magic));
      return std::string(buf);
    }() + ", expected 0x0000080" + std::to_string(expectedRank) + ")");
  if (magic[2] != 0x08)
    fail(path, "element type 0x" + [&] {
      char buf[3];
      std::snprintf(buf, sizeof buf, "%02x", magic[2]);
      return std::string(buf);
    }() + " is not supported (only unsigned bytes, 0x08, as in MNIST)");
  if (magic[3] != expectedRank)
    fail(path, "has " + std::to_string(magic[3]) + " dimensions, expected " + std::to_string(expectedRank) +
                   (expectedRank == 3 ? " (an images file)" : " (a labels file)"));

  IdxArray array;
  std::vector<std::uint8_t> dimBytes(std::size_t(expectedRank) * 4);
  if (readSome(file.get(), path, dimBytes.data(), dimBytes.size()) != dimBytes.size())
    fail(path, "truncated inside the header");
  std::uint64_t expected = 1;
  for (int d = 0; d < expectedRank; ++d) {
    const std::uint32_t n = bigEndian32(&dimBytes[std::size_t(d) * 4]);
    if (n > (1u << 30)) fail(path, "dimension " + std::to_string(d) + " = " + std::to_string(n) + " is implausible");
    array.dims.push_back(n);
    expected *= n;
    if (expected > (std::uint64_t(1) << 36)) fail(path, "header describes more than 64 GB of data");
  }

  // Grow as data arrives, 1 MB at a time, instead of trusting the header: a corrupt header on a
  // small file must not allocate (or zero) what it claims. (fuzz_idx ran ten times faster once a lying
  // header stopped costing a 64 MB reservation and a 16 MB first chunk.)
  array.data.reserve(std::size_t(std::min<std::uint64_t>(expected, std::uint64_t(1) << 20)));
  std::size_t have = 0;
  while (have < expected) {
    const std::size_t chunk = std::size_t(std::min<std::uint64_t>(expected - have, 1u << 20));
    array.data.resize(have + chunk);
    const std::size_t got = readSome(file.get(), path, array.data.data() + have, chunk);
    have += got;
    if (got < chunk) break;
  }
  array.data.resize(have);
  if (have < expected) {
    std::string shape;
    for (auto d : array.dims) shape += (shape.empty() ? "" : "x") + std::to_string(d);
    fail(path, "truncated: the header (" + shape + ") needs " + std::to_string(expected) +
                   " data bytes but the file holds " + std::to_string(have));
  }
  std::uint8_t extra;
  if (readSome(file.get(), path, &extra, 1) != 0)
    fail(path, "has data after the " + std::to_string(expected) + " bytes its header describes (wrong or corrupt file)");
  return array;
}

const std::vector<std::string>& fashionMnistClassNames() {
  static const std::vector<std::string> names{"T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                                              "Sandal",      "Shirt",   "Sneaker",  "Bag",   "Ankle boot"};
  return names;
}

IdxDataset::IdxDataset(const std::string& imagesPath, const std::string& labelsPath,
                       std::vector<std::string> classNames)
    : imagesPath_(imagesPath), labelsPath_(labelsPath) {
  IdxArray images = readIdxFile(imagesPath, 3);
  if (images.dims[1] == 0 || images.dims[2] == 0) fail(imagesPath, "images have zero height or width");
  count_ = std::size_t(images.dims[0]);
  rows_ = int(images.dims[1]);
  cols_ = int(images.dims[2]);
  pixels_ = std::move(images.data);
  pixels_.shrink_to_fit();

  if (labelsPath.empty()) return;
  IdxArray labels = readIdxFile(labelsPath, 1);
  if (std::size_t(labels.dims[0]) != count_)
    fail(labelsPath, "holds " + std::to_string(labels.dims[0]) + " labels but " + imagesPath + " holds " +
                         std::to_string(count_) + " images");
  labels_ = std::move(labels.data);
  const int maxLabel = labels_.empty() ? -1 : *std::max_element(labels_.begin(), labels_.end());
  if (!classNames.empty()) {
    if (int(classNames.size()) <= maxLabel)
      fail(labelsPath, "label " + std::to_string(maxLabel) + " has no class name (" +
                           std::to_string(classNames.size()) + " names given)");
    classNames_ = std::move(classNames);
    return;
  }
  std::string lower = imagesPath;
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  if (lower.find("fashion") != std::string::npos && maxLabel < 10) {
    classNames_ = fashionMnistClassNames();
  } else {
    for (int c = 0; c <= std::max(maxLabel, 9); ++c) classNames_.push_back(std::to_string(c));
  }
}

std::unique_ptr<IdxDataset> IdxDataset::open(const std::string& folder, Split split) {
  const std::string images = fileIn(folder, candidates(split, "images", 3));
  if (images.empty())
    throw DatasetError("IDX dataset " + folder + ": no " + splitName(split) + " images file (looked for " +
                       candidates(split, "images", 3).front() + "[.gz])");
  const std::string labels = fileIn(folder, candidates(split, "labels", 1));
  return std::make_unique<IdxDataset>(images, labels);
}

bool IdxDataset::hasSplit(const std::string& folder, Split split) {
  return !fileIn(folder, candidates(split, "images", 3)).empty();
}

Image IdxDataset::load(std::size_t i) const {
  if (i >= count_) throw std::out_of_range("IdxDataset::load: index " + std::to_string(i) + " >= " + std::to_string(count_));
  Image image(1, rows_, cols_);
  const std::uint8_t* src = pixels_.data() + i * image.planeSize();
  for (std::size_t p = 0; p < image.planeSize(); ++p) image.pixels[p] = float(src[p]) * (1.0f / 255.0f);
  return image;
}

std::string IdxDataset::describe(std::size_t i) const { return imagesPath_ + ":" + std::to_string(i); }

std::string IdxDataset::summary() const {
  return "IDX " + imagesPath_ + " (" + std::to_string(count_) + " images " + std::to_string(rows_) + "x" +
         std::to_string(cols_) + ", " + (labels_.empty() ? std::string("unlabelled") : std::to_string(numClasses()) + " classes") +
         ")";
}

}  // namespace folk
