// Google Benchmark of the CPU/FFTW mask work per image: luma spectrum + Com(0.05) mask + filtering of
// all three channels, single-threaded, on a centre crop of a real photo (astronaut.png from the
// build's samples): the fused pipeline (`folk mask`, and the figure `folk bench masks` prints), the
// three-step path it replaced for one-shot use, and FFTW alone on the direct method's transforms.
#include <benchmark/benchmark.h>

#include <stdexcept>
#include <string>

#include "core/data/image_file.h"
#include "core/spectral/fftw_reference_benchmark.h"
#include "core/spectral/mask.h"
#include "core/spectral/mask_pipeline.h"
#include "core/spectral/spectral_filter.h"
#include "core/spectral/spectrum.h"

namespace {

// Centre size×size window of the photo (the sample photos are at least 512×512).
folk::Image centreCrop(const folk::Image& photo, int size) {
  if (photo.height < size || photo.width < size)
    throw std::runtime_error("the benchmark photo is smaller than " + std::to_string(size) + " px");
  folk::Image out(photo.channels, size, size);
  const int top = (photo.height - size) / 2, left = (photo.width - size) / 2;
  for (int c = 0; c < photo.channels; ++c)
    for (int y = 0; y < size; ++y)
      for (int x = 0; x < size; ++x) out.at(c, y, x) = photo.at(c, top + y, left + x);
  return out;
}

const folk::Image& astronaut() {
  static const folk::Image photo = folk::loadImage(std::string(FOLK_SAMPLE_DIR) + "/astronaut.png");
  return photo;
}

folk::MaskSpec comSpec() {
  folk::MaskSpec spec;
  spec.kind = folk::FilterKind::Com;
  spec.ratio = 0.05;
  return spec;
}

void BM_FusedPipeline(benchmark::State& state) {
  const folk::Image image = centreCrop(astronaut(), int(state.range(0)));
  const folk::MaskSpec spec = comSpec();
  folk::MaskPipelineResult out;  // reused from image to image, as in `folk bench masks`
  for (auto _ : state) {
    folk::runMaskPipeline(image, spec, out);
    benchmark::DoNotOptimize(out.output.filtered.pixels.data());
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(state.iterations());
  state.SetLabel(std::to_string(image.height) + "x" + std::to_string(image.width) + " rgb");
}

void BM_FftwAloneDirectTransforms(benchmark::State& state) {
  const int size = int(state.range(0));
  folk::FftwReferenceWork work(size, size, 3);
  for (auto _ : state) work.runOnce();
  state.SetItemsProcessed(state.iterations());
  state.SetLabel(std::to_string(size) + "x" + std::to_string(size) + " rgb");
}

void BM_ThreeStepPath(benchmark::State& state) {
  const folk::Image image = centreCrop(astronaut(), int(state.range(0)));
  const folk::MaskSpec spec = comSpec();
  for (auto _ : state) {
    const folk::LumaSpectrum spectrum = folk::computeLumaSpectrum(image);
    const folk::Mask mask = folk::computeMask(spec, spectrum);
    folk::FilterOutput out = folk::applyMask(image, mask);
    benchmark::DoNotOptimize(out.filtered.pixels.data());
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(state.iterations());
  state.SetLabel(std::to_string(image.height) + "x" + std::to_string(image.width) + " rgb");
}

BENCHMARK(BM_FusedPipeline)->Arg(224)->Arg(512)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FftwAloneDirectTransforms)->Arg(224)->Arg(512)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ThreeStepPath)->Arg(224)->Arg(512)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
