#include "app/cli/sample_photo.h"

#include <cstdlib>
#include <filesystem>
#include <random>
#include <vector>

namespace folk::cli {
namespace {

namespace fs = std::filesystem;

// Index into [0, n) mirrored at the borders: -1 -> 0, n -> n-1 (period 2n).
int mirror(int i, int n) {
  const int period = 2 * n;
  i = ((i % period) + period) % period;
  return i < n ? i : period - 1 - i;
}

}  // namespace

std::optional<std::string> findSamplePhoto(const std::string& name) {
  std::vector<fs::path> dirs;
  if (const char* env = std::getenv("FOLK_SAMPLE_DIR"); env && *env) dirs.emplace_back(env);
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const fs::path bin = exe.parent_path();
    dirs.push_back(bin / "samples");
    dirs.push_back(bin.parent_path() / "samples");
    dirs.push_back(bin.parent_path() / "share" / "folk-workbench" / "samples");
  }
  dirs.emplace_back("/usr/lib/python3/dist-packages/skimage/data");
  for (const fs::path& dir : dirs) {
    const fs::path candidate = dir / name;
    if (fs::is_regular_file(candidate, ec)) return candidate.string();
  }
  return std::nullopt;
}

Image centreCropOrMirror(const Image& photo, int height, int width) {
  Image out(photo.channels, height, width);
  const int top = (photo.height - height) / 2;
  const int left = (photo.width - width) / 2;
  for (int c = 0; c < photo.channels; ++c)
    for (int y = 0; y < height; ++y)
      for (int x = 0; x < width; ++x)
        out.at(c, y, x) = photo.at(c, mirror(top + y, photo.height), mirror(left + x, photo.width));
  return out;
}

Image fixedRandomImage(int channels, int height, int width, std::uint32_t seed) {
  Image image(channels, height, width);
  std::mt19937 rng(seed);
  std::uniform_real_distribution<float> uniform(0.0f, 1.0f);
  for (float& v : image.pixels) v = uniform(rng);
  return image;
}

}  // namespace folk::cli
