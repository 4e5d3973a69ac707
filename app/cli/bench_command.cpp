#include "app/cli/bench_command.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <memory>
#include <ostream>

#include "app/cli/sample_photo.h"
#include "core/data/image_file.h"
#include "core/spectral/fftw_reference_benchmark.h"
#include "core/spectral/mask.h"
#include "core/spectral/mask_pipeline.h"
#include "core/spectral/spectral_filter.h"
#include "core/spectral/spectrum.h"

#if __has_include("core/spectral/mask_benchmark_torch.h")
#include "core/spectral/mask_benchmark_torch.h"
#define FOLK_HAS_TORCH_MASK_BENCHMARK 1
#endif

namespace folk::cli {
namespace {

struct Timing {
  double medianMs = 0.0;
  double bestMs = 0.0;
};

Timing summarise(std::vector<double> ms) {
  std::sort(ms.begin(), ms.end());
  return {ms[ms.size() / 2], ms.front()};
}

// The whole CPU/FFTW pipeline for one image, on the calling thread only, into output arrays kept
// from the previous image (as a tool filtering a stream of images would). Returns a value that
// depends on the result so the work cannot be optimised away.
double maskPipeline(const Image& image, const MaskSpec& spec, MaskPipelineResult& out) {
  runMaskPipeline(image, spec, out);
  return out.output.retainedEnergy + out.output.filtered.pixels[0] + double(out.mask.keep[0]) + out.spectrum.magnitude[0];
}

// The pipeline and the FFTW-alone yardstick, interleaved run by run so that both see the same
// minutes of this machine's varying speed.
struct SideBySide {
  Timing pipeline, fftwAlone;
};

SideBySide timeCpuPath(const Image& image, const MaskSpec& spec, int repeats, double& sink) {
  MaskPipelineResult out;
  // Warm-up: FFTW plans for this size are created (and cached) on the first call.
  for (int i = 0; i < 3; ++i) sink += maskPipeline(image, spec, out);
  FftwReferenceWork reference(image.height, image.width, image.channels);
  std::vector<double> pipelineMs, referenceMs;
  pipelineMs.reserve(std::size_t(repeats));
  referenceMs.reserve(std::size_t(repeats));
  auto msSince = [](std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  };
  for (int i = 0; i < repeats; ++i) {
    auto start = std::chrono::steady_clock::now();
    sink += maskPipeline(image, spec, out);
    pipelineMs.push_back(msSince(start));
    start = std::chrono::steady_clock::now();
    reference.runOnce();
    referenceMs.push_back(msSince(start));
  }
  return {summarise(std::move(pipelineMs)), summarise(std::move(referenceMs))};
}

// The photo the benchmark runs on, and a description of where it came from.
Image benchPhoto(const BenchMasksOptions& options, std::string& source) {
  if (!options.image.empty()) {
    source = options.image;
    return loadImage(options.image);
  }
  if (auto path = findSamplePhoto("astronaut.png")) {
    // An engine-only build (no OpenCV, the GPU machines) finds the photo but cannot decode it: the
    // benchmark still runs, on the documented fallback, and says why.
    try {
      Image decoded = loadImage(*path);
      source = *path;
      return decoded;
    } catch (const std::exception& e) {
      source = std::string("the sample photo could not be read (") + e.what() + "): fixed random RGB image, seed 1";
      return fixedRandomImage(3, 512, 512, 1);
    }
  }
  source = "no sample photo found (set FOLK_SAMPLE_DIR or pass --image): fixed random RGB image, seed 1";
  return fixedRandomImage(3, 512, 512, 1);
}

}  // namespace

int runBenchMasks(const BenchMasksOptions& options, std::ostream& out, std::ostream& err) {
  if (options.sizes.empty() || options.repeats < 1 || options.batch < 1) {
    err << "folk bench masks: --sizes needs at least one size, --repeats and --batch at least 1\n";
    return 2;
  }
  for (int size : options.sizes) {
    if (size < 1 || size > 8192) {
      err << "folk bench masks: size " << size << " is outside 1..8192\n";
      return 2;
    }
  }
  std::string source;
  Image photo;
  std::string torchDevice;
  try {
#ifdef FOLK_HAS_TORCH_MASK_BENCHMARK
    // A bad --device is refused before minutes of CPU timing, not after.
    if (options.torch) torchDevice = resolvedTorchDeviceName(options.device);
#endif
    photo = benchPhoto(options, source);
  } catch (const std::exception& e) {
    err << "folk bench masks: " << e.what() << '\n';
    return 2;
  }
  MaskSpec spec;
  spec.kind = FilterKind::Com;
  spec.ratio = options.ratio;
  const char* colour = photo.channels == 1 ? "grey" : "rgb";
  out << "photo: " << source << " (centre crop, mirrored where smaller)\n"
      << "CPU path (FFTW, 1 thread): luma spectrum + Com(rho=" << options.ratio << ") mask + filtering of "
      << photo.channels << (photo.channels == 1 ? " channel" : " channels")
      << ", with the centred H×W spectrum and mask arrays, output arrays reused from image to image; median of " << options.repeats
      << " runs. For scale, the same runs, interleaved one by one, time FFTW alone on the transforms a direct implementation needs\n"
      << "(1 double-precision luma transform, 1 forward + 1 inverse single-precision transform per channel).\n";
  double sink = 0.0;
  char line[160];
  for (int size : options.sizes) {
    const Image image = centreCropOrMirror(photo, size, size);
    const SideBySide t = timeCpuPath(image, spec, options.repeats, sink);
    std::snprintf(line, sizeof line, "%dx%d %s: %.3f ms/image (best %.3f); FFTW alone, full transforms: %.3f ms (best %.3f)",
                  size, size, colour, t.pipeline.medianMs, t.pipeline.bestMs, t.fftwAlone.medianMs, t.fftwAlone.bestMs);
    out << line << '\n' << std::flush;
  }
#ifdef FOLK_HAS_TORCH_MASK_BENCHMARK
  if (options.torch) {
    out << "Batched torch path (" << torchDevice << ", batch " << options.batch
        << "): random FOLK masks + filtering of the photo's crop, repeated to fill the batch\n";
    for (int size : options.sizes) {
      double ms = 0.0;
      try {
        const std::vector<Image> crops{centreCropOrMirror(photo, size, size)};
        ms = batchedMaskMillisecondsPerImage(size, size, photo.channels, options.batch, options.repeats, crops,
                                             options.device);
      } catch (const std::exception& e) {
        err << "folk bench masks: " << e.what() << '\n';
        return 2;
      }
      std::snprintf(line, sizeof line, "%dx%d %s, torch batch %d: %.3f ms/image", size, size, colour, options.batch, ms);
      out << line << '\n' << std::flush;
    }
  }
#else
  if (options.torch) out << "(the batched torch path benchmark is not built into this folk)\n";
#endif
  // Keeps the timed work observable; never true for finite results.
  if (sink != sink) err << "folk bench masks: non-finite result\n";
  return 0;
}

CLI::App* addBenchCommand(CLI::App& app, int& exitCode) {
  CLI::App* bench = app.add_subcommand("bench", "Benchmarks that print timings (figures, not tests)");
  bench->require_subcommand(1);

  auto options = std::make_shared<BenchMasksOptions>();
  CLI::App* masks = bench->add_subcommand(
      "masks", "Time per image of luma spectrum + Com mask + filtering, CPU (FFTW) and batched torch");
  masks->add_option("--sizes", options->sizes, "Square image sizes, comma separated")
      ->delimiter(',')
      ->capture_default_str();
  masks->add_option("--repeats", options->repeats, "Timed runs per size (the median is printed)")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  masks->add_option("--image", options->image, "Photo to crop the benchmark images from (default: astronaut.png)");
  masks->add_option("--ratio", options->ratio, "rho of the Com mask")
      ->check(CLI::Range(1e-9, 1.0))
      ->capture_default_str();
  masks->add_option("--batch", options->batch, "Batch size of the torch path")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  masks->add_flag("!--no-torch", options->torch, "Skip the batched torch path");
  masks->add_option("--device", options->device, "Where the batched torch path runs: cpu, cuda, cuda:N or auto")
      ->capture_default_str();
  masks->callback([options, &exitCode] { exitCode = runBenchMasks(*options, std::cout, std::cerr); });
  return bench;
}

}  // namespace folk::cli
