// `folk inspect` as a user runs it on a tiny trained run: every picture it promises is written; the
// attention maps equal those of an independent plain-PyTorch ViT (python/check_vit_attention.py,
// Debian's python3-torch) given the exported backbone and the same input; the reconstruction is
// there for objectives that reconstruct and absent for dino; a run without a checkpoint and an
// unreadable image are named.
#include <gtest/gtest.h>

#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>

#include "core/data/image_file.h"
#include "core/data/normalization.h"
#include "core/io/run_directory.h"
#include "core/util/npy.h"
#include "tests/app/cli/cli_runner.h"

namespace fs = std::filesystem;

namespace folk::cli::test {
namespace {

const char* kFashion = "/usr/share/datasets/fashion-mnist";

std::vector<std::string> tinyRun(const TempDir& dir, const std::string& name, const std::string& objective) {
  return {"train",  "--data",    kFashion,         "--steps", "2",     "--threads", "1", "--runs-dir",
          dir / "runs", "--name", name,             "--device", "cpu",  "--objective", objective,
          "--set", "data.train_subset=64",           "--set",  "optimisation.batch_size=16", "--set",
          "model.vit_dim=32",      "--set",          "model.vit_depth=2", "--set", "model.vit_heads=2",
          "--set", "model.patch_size=7",             "--set",  "model.prototypes=64", "--set",
          "model.head_hidden=64",  "--set",          "model.head_bottleneck=32", "--set",
          "evaluation.at_end=false", "--set",        "evaluation.interval_steps=0", "--set",
          "sample_interval_steps=0"};
}

fs::path runNamed(const TempDir& dir, const std::string& name) {
  for (const auto& e : fs::directory_iterator(dir.path() / "runs"))
    if (e.path().filename().string().find("-" + name) != std::string::npos) return e.path();
  ADD_FAILURE() << "no run named " << name;
  return {};
}

TEST(InspectCli, WritesEveryPictureAndItsAttentionEqualsPlainPyTorch) {
  TempDir dir;
  const auto trained = runFolk(tinyRun(dir, "folk", "folk"));
  ASSERT_EQ(trained.exitCode, 0) << trained.err;
  const std::string run = runNamed(dir, "folk").string();
  const std::string out = dir / "inspect";
  const auto r = runFolk({"inspect", run, samplePhoto("camera.png"), "--filter", "rcom", "--ratio", "0.1", "--out",
                          out, "--json"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  const auto j = nlohmann::json::parse(lines(r.out).at(0));
  EXPECT_TRUE(j.at("ok").get<bool>());
  EXPECT_EQ(j.at("grid"), 4) << "28 px in 7 px patches";
  EXPECT_EQ(j.at("heads"), 2);
  const double mse = j.at("reconstruction_mse");
  EXPECT_GT(mse, 0.0);
  EXPECT_LT(mse, 1.0);
  const auto shares = j.at("pca_variance").get<std::vector<double>>();
  ASSERT_EQ(shares.size(), 3u);
  EXPECT_GT(shares[0], 0.0);
  EXPECT_GE(shares[0], shares[1]);
  EXPECT_GE(shares[1], shares[2]);
  EXPECT_LE(shares[0] + shares[1] + shares[2], 1.0 + 1e-9);
  for (const char* suffix : {"_input.png", "_input.npy", "_filtered.png", "_reconstruction.png", "_error.png",
                             "_error_spectrum.png", "_attention_head0.png", "_attention_head1.png",
                             "_attention_mean.png", "_attention.npy", "_pca.png"})
    EXPECT_TRUE(fs::exists(out + "/camera" + suffix)) << suffix;
  const Image input = loadImage(out + "/camera_input.png");
  EXPECT_EQ(input.channels, 1);
  EXPECT_EQ(input.height, 28);
  const Image pca = loadImage(out + "/camera_pca.png");
  EXPECT_EQ(pca.channels, 3);
  EXPECT_EQ(pca.width, 28) << "the 4x4 map in blocks the size of the input";

  const npy::Array attention = npy::read(out + "/camera_attention.npy");
  ASSERT_EQ(attention.shape, (std::vector<std::int64_t>{2, 4, 4}));
  const auto weights = attention.as<float>();
  for (int head = 0; head < 2; ++head) {
    double sum = 0.0;
    for (int i = 0; i < 16; ++i) sum += weights[std::size_t(head) * 16 + i];
    EXPECT_GT(sum, 0.0);
    EXPECT_LT(sum, 1.0) << "the CLS's attention to itself takes the rest";
  }

  // The same input through an independent ViT built from the exported backbone.
  const std::string exported = dir / "backbone.safetensors";
  ASSERT_EQ(runFolk({"export", run, "--format", "safetensors", "--out", exported}).exitCode, 0);
  const Normalization norm = Normalization::defaultsFor(1);
  const std::string script = std::string(FOLK_TEST_DATA_DIR) + "/../app/cli/python/check_vit_attention.py";
  ChildProcess python("/usr/bin/python3", {script, exported, out + "/camera_input.npy", out + "/camera_attention.npy",
                                           std::to_string(norm.mean[0]), std::to_string(norm.std[0])});
  const auto checked = python.wait();
  EXPECT_EQ(checked.exitCode, 0) << checked.out << checked.err;
  std::cout << checked.out;  // the figure, for the record
  // The check can fail: attention maps off by 1e-4 are caught.
  std::vector<float> shifted = weights;
  shifted[3] += 1e-4f;
  npy::writeFloat32(dir / "shifted.npy", {2, 4, 4}, shifted.data());
  ChildProcess pythonShifted("/usr/bin/python3", {script, exported, out + "/camera_input.npy", dir / "shifted.npy",
                                                  std::to_string(norm.mean[0]), std::to_string(norm.std[0])});
  EXPECT_EQ(pythonShifted.wait().exitCode, 1);
}

TEST(InspectCli, DinoHasNoReconstructionAndBadRunsAndImagesAreNamed) {
  TempDir dir;
  ASSERT_EQ(runFolk(tinyRun(dir, "dino", "dino")).exitCode, 0);
  const std::string run = runNamed(dir, "dino").string();
  const std::string missing = dir / "no-such.png";
  const auto r = runFolk({"inspect", run, missing, samplePhoto("moon.png"), "--out", dir / "out"});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_NE(r.out.find("no reconstruction head"), std::string::npos) << r.out;
  EXPECT_NE(r.err.find(missing), std::string::npos) << r.err;
  EXPECT_TRUE(fs::exists(dir / "out/moon_attention_mean.png")) << "the readable image is still inspected";
  EXPECT_FALSE(fs::exists(dir / "out/moon_reconstruction.png"));

  // Two inputs whose outputs would share a name: the second is refused, naming the first.
  fs::create_directories(dir / "a");
  fs::create_directories(dir / "b");
  fs::copy_file(samplePhoto("moon.png"), dir / "a/photo.png");
  fs::copy_file(samplePhoto("camera.png"), dir / "b/photo.png");
  const auto clash = runFolk({"inspect", run, dir / "a/photo.png", dir / "b/photo.png", "--out", dir / "clash"});
  EXPECT_EQ(clash.exitCode, 1);
  EXPECT_NE(clash.err.find(dir / "b/photo.png"), std::string::npos) << clash.err;
  EXPECT_NE(clash.err.find("like those of " + (dir / "a/photo.png")), std::string::npos) << clash.err;

  // A run folder whose training never reached a checkpoint.
  fs::create_directories(dir / "empty");
  const RunDirectory fresh = RunDirectory::create(dir / "empty", TrainConfig());
  const auto none = runFolk({"inspect", fresh.root(), samplePhoto("moon.png"), "--out", dir / "none"});
  EXPECT_EQ(none.exitCode, 1);
  EXPECT_NE(none.err.find("has no checkpoint yet"), std::string::npos) << none.err;
  EXPECT_FALSE(fs::exists(dir / "none"));

  const auto badFilter = runFolk({"inspect", run, samplePhoto("moon.png"), "--filter", "butterworth-lowpass",
                                  "--order", "50", "--out", dir / "bad"});
  EXPECT_NE(badFilter.exitCode, 0);
}

}  // namespace
}  // namespace folk::cli::test
