// Google Benchmark of model inspection (`folk inspect`, core/train/model_inspection.h) on a 224×224
// crop of a real photo with a vit-small/16 (randomly initialised: the time does not depend on the
// weights): the attention maps and patch-feature PCA alone (one forward pass of the evaluated
// backbone with the last block's attention, then the PCA), and the whole inspection with the
// reconstruction (a second backbone pass, the head, the mask and the spectra).
#include <benchmark/benchmark.h>
#include <torch/torch.h>

#include <optional>
#include <string>

#include "core/data/image_file.h"
#include "core/io/train_config.h"
#include "core/model/vit.h"
#include "core/train/model_inspection.h"
#include "core/util/torch_threads.h"

namespace {

folk::InspectionModel vitSmall224() {
  folk::InspectionModel m;
  m.model = folk::defaultConfig().model;
  m.model.name = "vit-small";
  m.model.imageSize = 224;
  m.model.patchSize = 16;
  m.model.channels = 3;
  m.mean = {0.485, 0.456, 0.406};
  m.std = {0.229, 0.224, 0.225};
  m.student = folk::makeBackbone(m.model);
  m.student->eval();
  m.evaluated = m.student;
  m.evaluatedRole = "student";
  m.reconstruction = folk::makeReconstructionHead(m.model, *m.student);
  m.reconstruction->eval();
  return m;
}

const folk::Image& photo() {
  static const folk::Image image = folk::loadImage(std::string(FOLK_SAMPLE_DIR) + "/astronaut.png");
  return image;
}

// range(0): torch's intra-op threads; range(1): 1 to run OpenBLAS at one thread, as inspectImage
// does when ATen has more than one (0 keeps OpenBLAS's own count, one per core).
void BM_AttentionAndPcaVitSmall224(benchmark::State& state) {
  torch::set_num_threads(int(state.range(0)));
  std::optional<folk::BlasThreadsScope> blas;
  if (state.range(1) == 1) blas.emplace(1);
  folk::InspectionModel model = vitSmall224();
  auto* vit = dynamic_cast<folk::ViTImpl*>(model.evaluated.get());
  const auto input = torch::rand({1, 3, 224, 224});
  torch::NoGradGuard noGrad;
  for (auto _ : state) {
    auto both = vit->forwardWithClsAttention(input);
    std::array<double, 3> shares{};
    const folk::Image pca = folk::principalComponentColours(both.output.patchMap[0], &shares);
    benchmark::DoNotOptimize(pca.pixels.data());
    benchmark::DoNotOptimize(both.clsAttention.data_ptr<float>());
  }
  state.SetLabel("vit-small/16, 224x224, " + std::to_string(state.range(0)) + " thread(s), OpenBLAS at " +
                 std::to_string(folk::blasThreads()));
}

void BM_WholeInspectionVitSmall224(benchmark::State& state) {
  torch::set_num_threads(int(state.range(0)));
  folk::InspectionModel model = vitSmall224();
  folk::MaskSpec spec;
  spec.kind = folk::FilterKind::Com;
  spec.ratio = 0.05;
  for (auto _ : state) {
    const folk::ModelInspection r = folk::inspectImage(model, photo(), spec);
    benchmark::DoNotOptimize(r.pca.pixels.data());
  }
  state.SetLabel("vit-small/16, astronaut.png to 224x224, reconstruction + attention + PCA, " +
                 std::to_string(state.range(0)) + " thread(s)");
}

}  // namespace

BENCHMARK(BM_AttentionAndPcaVitSmall224)->Args({1, 0})->Args({2, 0})->Args({2, 1})->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_WholeInspectionVitSmall224)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->MinTime(2.0);
