// `folk export` and `folk train --init-from` as a user runs them: a tiny ViT trained
// for two steps is exported; an independent plain-PyTorch ViT with timm's names
// (python/check_vit_export.py, Debian's python3-torch) loads the file and computes the features the
// C++ engine computes on the same input; a new run starts from the file; wrong files are refused.
#include <gtest/gtest.h>

#include <filesystem>
#include <iostream>

#include <nlohmann/json.hpp>

#include "core/io/run_directory.h"
#include "core/io/safetensors.h"
#include "core/train/backbone_weights.h"
#include "core/util/npy.h"
#include "tests/app/cli/cli_runner.h"

namespace fs = std::filesystem;

namespace folk::cli::test {
namespace {

const char* kFashion = "/usr/share/datasets/fashion-mnist";

std::vector<std::string> tinyArgs(const TempDir& dir, const std::string& name, const std::string& patch = "7") {
  return {"train",  "--data",    kFashion,         "--steps", "2",     "--threads", "1", "--runs-dir",
          dir / "runs", "--name", name,             "--device", "cpu",  "--set",     "data.train_subset=64",
          "--set", "optimisation.batch_size=16",     "--set",  "model.vit_dim=32",    "--set",
          "model.vit_depth=2",     "--set",          "model.vit_heads=2", "--set",  "model.patch_size=" + patch,
          "--set", "model.prototypes=64",            "--set",  "model.head_hidden=64", "--set",
          "model.head_bottleneck=32", "--set",        "evaluation.at_end=false", "--set",
          "evaluation.interval_steps=0", "--set",     "sample_interval_steps=0"};
}

std::vector<std::string> withInitFrom(std::vector<std::string> args, const std::string& weights) {
  args.insert(args.end(), {"--init-from", weights});
  return args;
}

fs::path runNamed(const TempDir& dir, const std::string& name) {
  for (const auto& e : fs::directory_iterator(dir.path() / "runs")) {
    if (e.path().filename().string().find("-" + name) != std::string::npos) return e.path();
  }
  ADD_FAILURE() << "no run named " << name;
  return {};
}

TEST(ExportCli, ExportedViTGivesTheEngineFeaturesInPlainPyTorchAndStartsANewRun) {
  TempDir dir;
  const auto trained = runFolk(tinyArgs(dir, "source"));
  ASSERT_EQ(trained.exitCode, 0) << trained.err;
  const auto run = runNamed(dir, "source");
  const auto weights = dir / "backbone.safetensors";
  const auto exported = runFolk({"export", run.string(), "--format", "safetensors", "--out", weights});
  ASSERT_EQ(exported.exitCode, 0) << exported.err;
  EXPECT_NE(exported.out.find("exported the teacher backbone at step 2 (30 tensors"), std::string::npos)
      << exported.out;

  const auto contents = safetensors::read(weights);
  EXPECT_EQ(contents.metadata.at("format"), "pt");
  EXPECT_EQ(contents.metadata.at("folk.step"), "2");
  EXPECT_EQ(contents.metadata.at("folk.backbone"), "teacher");
  EXPECT_EQ(nlohmann::json::parse(contents.metadata.at("folk.config")).at("model").at("vit_depth"), 2);

  // The engine's features: the checkpoint's teacher as the engine runs it.
  const auto runDir = RunDirectory::open(run.string());
  std::string role;
  const auto index = readCheckpointIndex(runDir);
  ASSERT_TRUE(index.has_value());
  auto backbone = loadCheckpointBackbone(runDir.checkpointsDir() + "/" + index->file, runDir.loadConfig().model, role);
  torch::manual_seed(9);
  const auto images = (torch::rand({5, 1, 28, 28}) - 0.3) / 0.35;  // roughly normalised Fashion-MNIST
  torch::Tensor features;
  {
    torch::NoGradGuard noGrad;
    features = backbone->forward(images).features.contiguous();
  }
  npy::writeFloat32(dir / "images.npy", {5, 1, 28, 28}, images.contiguous().data_ptr<float>());
  npy::writeFloat32(dir / "features.npy", {5, 32}, features.data_ptr<float>());
  // Debian's interpreter, where python3-torch and python3-numpy are installed (not a venv's on PATH).
  ChildProcess python("/usr/bin/python3", {std::string(FOLK_TEST_DATA_DIR) + "/../app/cli/python/check_vit_export.py",
                                  weights, dir / "images.npy", dir / "features.npy"});
  const auto checked = python.wait();
  EXPECT_EQ(checked.exitCode, 0) << checked.out << checked.err;
  EXPECT_NE(checked.out.find("max abs difference"), std::string::npos) << checked.out << checked.err;
  std::cout << checked.out;  // the figure, for the record
  // The check can fail: features off by 1e-3 (well above its 1e-4 tolerance) are caught.
  const auto shifted = (features + 1e-3).contiguous();
  npy::writeFloat32(dir / "shifted.npy", {5, 32}, shifted.data_ptr<float>());
  ChildProcess pythonShifted("/usr/bin/python3", {std::string(FOLK_TEST_DATA_DIR) + "/../app/cli/python/check_vit_export.py",
                                                  weights, dir / "images.npy", dir / "shifted.npy"});
  EXPECT_EQ(pythonShifted.wait().exitCode, 1);

  // A new run starts from the exported weights and says so.
  const auto started = runFolk(withInitFrom(tinyArgs(dir, "continued"), weights));
  ASSERT_EQ(started.exitCode, 0) << started.err;
  EXPECT_NE(started.out.find("backbone initialised from " + weights), std::string::npos) << started.out;
  EXPECT_EQ(RunDirectory::open(runNamed(dir, "continued").string()).loadConfig().initFrom, weights);
}

TEST(ExportCli, WeightsOfAnotherModelAreRefusedWithTheMismatchedTensors) {
  TempDir dir;
  ASSERT_EQ(runFolk(tinyArgs(dir, "patch7")).exitCode, 0);
  const auto weights = dir / "p7.safetensors";
  ASSERT_EQ(runFolk({"export", runNamed(dir, "patch7").string(), "--out", weights}).exitCode, 0);
  const auto refused = runFolk(withInitFrom(tinyArgs(dir, "patch4", "4"), weights));
  EXPECT_EQ(refused.exitCode, 1);
  EXPECT_NE(refused.err.find(weights + ": these weights do not fit"), std::string::npos) << refused.err;
  EXPECT_NE(refused.err.find("pos_embed: the model has [1, 50, 32]"), std::string::npos) << refused.err;
}

TEST(ExportCli, UnusableRequestsAreClearErrors) {
  TempDir dir;
  const auto noFile = runFolk(withInitFrom(tinyArgs(dir, "x"), dir / "missing.safetensors"));
  EXPECT_EQ(noFile.exitCode, 2);
  EXPECT_NE(noFile.err.find("missing.safetensors' is not a file"), std::string::npos) << noFile.err;

  const auto noRun = runFolk({"export", dir / "nope", "--out", dir / "w.safetensors"});
  EXPECT_EQ(noRun.exitCode, 1);
  EXPECT_NE(noRun.err.find("nope"), std::string::npos) << noRun.err;
  EXPECT_FALSE(fs::exists(dir / "w.safetensors"));

  const auto badFormat = runFolk({"export", dir / "nope", "--format", "onnx", "--out", dir / "w.onnx"});
  EXPECT_EQ(badFormat.exitCode, 2);
  EXPECT_NE(badFormat.err.find("format 'onnx' is not supported"), std::string::npos) << badFormat.err;
}

}  // namespace
}  // namespace folk::cli::test
