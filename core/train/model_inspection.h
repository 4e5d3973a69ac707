#pragma once
// What a trained model makes of one image, for `folk inspect` and Explore: the reconstruction
// head's output for the image under a frequency mask and the spectrum of its error (MFM's and
// FOLK's question: what does the model rebuild from these frequencies?), the last block's
// attention from the CLS token per head (ViT; DINO's attention maps), and the patch features'
// first three principal components as colours.
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "core/data/image.h"
#include "core/io/run_directory.h"
#include "core/model/backbone.h"
#include "core/model/heads.h"
#include "core/model/model_factory.h"
#include "core/spectral/mask_spec.h"

namespace folk {

struct InspectionModel {
  std::string runRoot;
  std::int64_t step = 0;          // steps completed at the checkpoint
  ModelConfig model;
  std::vector<double> mean, std;  // the run's normalisation
  Backbone student;               // the backbone the reconstruction head reads
  Backbone evaluated;             // the teacher where the objective has one, else the student
  std::string evaluatedRole;      // "teacher" or "student"
  ReconstructionHead reconstruction{nullptr};  // null when the objective reconstructs nothing
  torch::Device device = torch::kCPU;          // where the modules live
};

// The run's latest checkpoint, in eval mode, on the run's CUDA device when it trained on one and
// this machine has it, else on the CPU. Throws std::runtime_error naming the run
// when it has no checkpoint or the checkpoint does not fit the run's config.
InspectionModel loadInspectionModel(const RunDirectory& run);

struct ModelInspection {
  Image input;           // the image as the model sees it: centre crop resized to its size, its channels
  MaskSpec spec;         // resolved at the model's size
  Image filtered;        // `input` under the mask: what the student reads
  Image reconstruction;  // the head's output for `filtered`, clamped to [0,1]; empty without a head
  Image error;           // |reconstruction - input| per channel; empty without a head
  std::vector<float> errorLogSpectrum;  // log(1 + |F|) of the error's luma, centred; empty without a head
  double reconstructionMse = 0.0;       // mean squared error over all samples, in [0,1] units
  int grid = 0;                         // side of the patch map the features and attention are on
  // ViT only: per head, the last block's attention from the CLS token to each patch, grid×grid
  // row-major (with the CLS's attention to itself the head's row sums to 1); empty for a ResNet.
  std::vector<std::vector<float>> attention;
  Image pca;                            // 3×grid×grid in [0,1]: the evaluated backbone's patch features
  std::array<double, 3> pcaVariance{};  // share of the patch features' variance of each component
};

// Throws std::invalid_argument for an empty image or a bad spec.
ModelInspection inspectImage(InspectionModel& model, const Image& image, const MaskSpec& spec);

// The first three principal components of patch features (D, h, w) as a 3×h×w image: each
// component min-max scaled to [0,1], its sign chosen so that its largest loading is positive
// (deterministic). `variance` receives each component's share of the total variance. A component
// with less than a millionth of it (rounding noise) is left out: its plane stays 0.5 (grey), its
// share 0.
Image principalComponentColours(const torch::Tensor& patchMap, std::array<double, 3>* variance = nullptr);

}  // namespace folk
