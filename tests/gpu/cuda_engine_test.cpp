// The engine on a CUDA device, run by scripts/gpu-check.sh on a GPU machine; not part
// of ctest, since CI has no GPU. Without a CUDA device every test fails (it is the GPU check: a
// silent pass would claim what was not checked). The CPU results are the reference: the batched
// FOLK masks are the same bit for bit on both devices, a training step gives the same losses and
// weights within float tolerance, bf16 autocast steps track the float32 ones, and a trained
// model's inspection (reconstruction, attention, PCA) matches the CPU's.
#include <ATen/CPUGeneratorImpl.h>
#include <gtest/gtest.h>
#include <torch/torch.h>

#include <algorithm>
#include <cmath>

#include "core/io/train_config.h"
#include "core/method/train_step.h"
#include "core/spectral/batched_masks.h"
#include "core/model/model_factory.h"
#include "core/train/model_inspection.h"
#include "core/method/ema.h"

namespace folk {
namespace {

const torch::Device kCuda(torch::kCUDA, 0);

// Smooth random images in [0,1] (upsampled noise), so that spectra look like images'.
torch::Tensor smoothImages(std::int64_t batch, std::int64_t channels, std::int64_t size, std::uint64_t seed) {
  auto generator = at::make_generator<at::CPUGeneratorImpl>(seed);
  auto coarse = torch::rand({batch, channels, size / 4, size / 4}, generator);
  namespace F = torch::nn::functional;
  return F::interpolate(coarse, F::InterpolateFuncOptions()
                                    .size(std::vector<std::int64_t>{size, size})
                                    .mode(torch::kBilinear)
                                    .align_corners(false))
      .clamp(0, 1);
}

ModelConfig smallViT() {
  ModelConfig config = defaultConfig().model;
  config.name = "vit-nano";
  config.imageSize = 32;
  config.patchSize = 4;
  config.channels = 3;
  config.vitDim = 64;
  config.vitDepth = 2;
  config.vitHeads = 4;
  config.prototypes = 256;
  config.headHidden = 256;
  config.headBottleneck = 64;
  return config;
}

MethodConfig folkMethod(bool bf16) {
  MethodConfig method;
  method.objective.name = "folk";
  method.epochs = 10;
  method.stepsPerEpoch = 4;
  method.optimisation.batchSize = 16;
  method.optimisation.warmupEpochs = 0;
  method.optimisation.freezeLastLayerEpochs = 0;
  method.maskSeed = 3;
  method.bf16 = bf16;
  return method;
}

TEST(CudaEngine, FolkMasksAreTheSameBitForBitOnTheGpu) {
  ASSERT_TRUE(torch::cuda::is_available()) << "no CUDA device: this is the GPU check, run it on a GPU machine";
  const auto images = smoothImages(32, 3, 64, 1);
  FolkMaskSampling sampling;
  auto cpuGenerator = at::make_generator<at::CPUGeneratorImpl>(7);
  auto gpuGenerator = at::make_generator<at::CPUGeneratorImpl>(7);
  const auto onCpu = sampleFolkMasks(images, sampling, cpuGenerator);
  const auto onGpu = sampleFolkMasks(images.to(kCuda), sampling, gpuGenerator);
  EXPECT_TRUE(onGpu.masks.is_cuda());
  EXPECT_TRUE(torch::equal(onGpu.masks.cpu(), onCpu.masks));
  EXPECT_LT((onGpu.filtered.cpu() - onCpu.filtered).abs().max().item<double>(), 1e-4);
}

TEST(CudaEngine, TrainingStepsOnTheGpuMatchTheCpu) {
  ASSERT_TRUE(torch::cuda::is_available()) << "no CUDA device: this is the GPU check, run it on a GPU machine";
  torch::manual_seed(11);
  TrainStep cpu(smallViT(), folkMethod(false));
  torch::manual_seed(11);
  TrainStep gpu(smallViT(), folkMethod(false), kCuda);
  const auto u = smoothImages(16, 3, 32, 2);
  const auto v = u.flip({3});
  for (std::int64_t s = 0; s < 3; ++s) {
    const auto a = cpu.step(u, v, s);
    const auto b = gpu.step(u.pin_memory(), v.pin_memory(), s);
    ASSERT_TRUE(b.fault.empty()) << b.fault;
    // TF32 is off by default for LibTorch matmuls; cuBLAS / cuDNN still sum in other orders.
    EXPECT_NEAR(b.values[StepMetric::Distill], a.values[StepMetric::Distill], 1e-3 * std::abs(a.values[StepMetric::Distill]) + 1e-5) << "step " << s;
    EXPECT_NEAR(b.values[StepMetric::Reconstruction], a.values[StepMetric::Reconstruction], 1e-3 * std::abs(a.values[StepMetric::Reconstruction]) + 1e-5) << "step " << s;
  }
  const auto pa = cpu.student()->parameters();
  const auto pb = gpu.student()->parameters();
  ASSERT_EQ(pa.size(), pb.size());
  for (std::size_t i = 0; i < pa.size(); ++i) {
    EXPECT_LT((pa[i] - pb[i].cpu()).abs().max().item<double>(), 1e-3) << "parameter " << i;
  }
}

TEST(CudaEngine, Bf16StepsOnTheGpuTrackTheFloat32Steps) {
  ASSERT_TRUE(torch::cuda::is_available()) << "no CUDA device: this is the GPU check, run it on a GPU machine";
  torch::manual_seed(12);
  TrainStep reference(smallViT(), folkMethod(false), kCuda);
  torch::manual_seed(12);
  TrainStep mixed(smallViT(), folkMethod(true), kCuda);
  const auto u = smoothImages(16, 3, 32, 3);
  const auto v = u.flip({3});
  for (std::int64_t s = 0; s < 3; ++s) {
    const auto a = reference.step(u, v, s);
    const auto b = mixed.step(u, v, s);
    ASSERT_TRUE(b.fault.empty()) << b.fault;
    EXPECT_NEAR(b.values[StepMetric::Distill], a.values[StepMetric::Distill], 0.03 * std::abs(a.values[StepMetric::Distill])) << "step " << s;
    EXPECT_NEAR(b.values[StepMetric::Reconstruction], a.values[StepMetric::Reconstruction], 0.03 * std::abs(a.values[StepMetric::Reconstruction])) << "step " << s;
  }
  for (const auto& p : mixed.student()->parameters()) EXPECT_EQ(p.scalar_type(), torch::kFloat32);
}

// What Explore's model column and `folk inspect` compute for a run that trained on CUDA: the same
// reconstruction, attention and patch-feature PCA as on the CPU with the same weights.
TEST(CudaEngine, InspectionOnTheGpuMatchesTheCpu) {
  ASSERT_TRUE(torch::cuda::is_available()) << "no CUDA device: this is the GPU check, run it on a GPU machine";
  torch::manual_seed(13);
  TrainStep trained(smallViT(), folkMethod(false), torch::kCPU);
  auto onDevice = [&](torch::Device device) {
    InspectionModel m;
    m.model = smallViT();
    m.mean = {0.5, 0.5, 0.5};
    m.std = {0.25, 0.25, 0.25};
    m.student = makeBackbone(m.model);
    copyModuleState(*m.student, *trained.student());
    m.evaluated = makeBackbone(m.model);
    copyModuleState(*m.evaluated, *trained.teacher());
    m.evaluatedRole = "teacher";
    m.reconstruction = makeReconstructionHead(m.model, *m.student);
    copyModuleState(*m.reconstruction, *trained.reconstruction());
    m.device = device;
    for (torch::nn::Module* module : {static_cast<torch::nn::Module*>(m.student.get()),
                                      static_cast<torch::nn::Module*>(m.evaluated.get()),
                                      static_cast<torch::nn::Module*>(m.reconstruction.get())}) {
      module->to(device);
      module->eval();
    }
    return m;
  };
  InspectionModel cpu = onDevice(torch::kCPU);
  InspectionModel gpu = onDevice(kCuda);
  // At the model's input size, so no resize is needed (this build has no OpenCV).
  const auto pixels = smoothImages(1, 3, 32, 7)[0].contiguous();
  Image image(3, 32, 32);
  std::copy(pixels.data_ptr<float>(), pixels.data_ptr<float>() + pixels.numel(), image.pixels.begin());
  MaskSpec spec;
  spec.kind = FilterKind::Com;
  spec.ratio = 0.05;
  const ModelInspection a = inspectImage(cpu, image, spec);
  const ModelInspection b = inspectImage(gpu, image, spec);
  ASSERT_EQ(a.attention.size(), b.attention.size());
  for (std::size_t head = 0; head < a.attention.size(); ++head)
    for (std::size_t i = 0; i < a.attention[head].size(); ++i)
      EXPECT_NEAR(b.attention[head][i], a.attention[head][i], 1e-4) << "head " << head << " patch " << i;
  ASSERT_EQ(a.reconstruction.pixels.size(), b.reconstruction.pixels.size());
  for (std::size_t i = 0; i < a.reconstruction.pixels.size(); ++i)
    EXPECT_NEAR(b.reconstruction.pixels[i], a.reconstruction.pixels[i], 1e-4) << "sample " << i;
  for (int c = 0; c < 3; ++c) EXPECT_NEAR(b.pcaVariance[c], a.pcaVariance[c], 1e-4) << "component " << c;
}

}  // namespace
}  // namespace folk
