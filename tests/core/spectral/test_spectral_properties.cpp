// Properties of the CPU (FFTW) spectral core that follow from DESIGN.md §3, checked on real
// photographs and on awkward inputs; filtering is cross-checked against torch::fft.
#include <gtest/gtest.h>
#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>

#include "core/data/image_file.h"
#include "core/spectral/mask.h"
#include "core/spectral/mask_analysis.h"
#include "core/spectral/spectral_filter.h"
#include "core/spectral/spectrum.h"
#include "tests/core/spectral/test_images.h"

namespace {

using folk::FilterKind;
using folk::Image;
using folk::MaskSpec;

using namespace folk::testing;

// Top-left crops keep these inputs small and fast.
Image crop(const Image& im, int h, int w) { return folk::testing::crop(im, 0, 0, h, w); }
Image impulseImage(int h, int w) { return folk::testing::impulseImage(h, w, 0, 0); }
Image checkerboard(int h, int w) { return folk::testing::checkerboard(1, h, w, 2); }

std::vector<Named> inputs() {
  const Image astronaut = folk::loadImage(std::string(FOLK_SAMPLE_DIR) + "/astronaut.png");
  const Image camera = folk::loadImage(std::string(FOLK_SAMPLE_DIR) + "/camera.png");
  return {
      {"astronaut 96x80 crop", crop(astronaut, 96, 80)},
      {"camera 33x47 crop (grey, odd)", crop(camera, 33, 47)},
      {"random 7x5 rgb", randomImage(3, 7, 5, 1)},
      {"random 31x64 grey", randomImage(1, 31, 64, 2)},
      {"1x1", randomImage(3, 1, 1, 3)},
      {"1x9", randomImage(1, 1, 9, 4)},
      {"constant 8x8", constantImage(3, 8, 8, 0.4f)},
      {"black 6x6", constantImage(1, 6, 6, 0.0f)},
      {"impulse 16x16", impulseImage(16, 16)},
      {"checkerboard 16x12", checkerboard(16, 12)},
  };
}

const double kRatios[] = {1e-6, 0.005, 0.05, 0.3, 1.0};

}  // namespace

TEST(SpectralProperties, ComAndRComPartitionTheSpectrum) {
  for (const auto& in : inputs()) {
    const auto spectrum = folk::computeLumaSpectrum(in.image);
    for (double rho : kRatios) {
      for (auto mode : {folk::ThresholdMode::Top, folk::ThresholdMode::Relative}) {
        const auto com = folk::computeMask({FilterKind::Com, rho, -1, mode}, spectrum);
        const auto rcom = folk::computeMask({FilterKind::RCom, rho, -1, mode}, spectrum);
        ASSERT_EQ(com.keep.size(), in.image.planeSize());
        for (std::size_t i = 0; i < com.keep.size(); ++i)
          ASSERT_EQ(com.keep[i] + rcom.keep[i], 1) << in.name << " rho=" << rho << " at " << i;
      }
    }
  }
}

TEST(SpectralProperties, MasksAreSymmetricUnderFrequencyNegation) {
  for (const auto& in : inputs()) {
    const auto spectrum = folk::computeLumaSpectrum(in.image);
    const int h = in.image.height, w = in.image.width;
    for (auto kind : {FilterKind::Com, FilterKind::RCom, FilterKind::LowPass, FilterKind::HighPass}) {
      for (double rho : kRatios) {
        const auto mask = folk::computeMask({kind, rho, rho * 10, folk::ThresholdMode::Top}, spectrum);
        for (int i = 0; i < h; ++i)
          for (int j = 0; j < w; ++j)
            ASSERT_EQ(mask.keep[std::size_t(i) * w + j],
                      mask.keep[std::size_t(folk::mirroredRow(i, h)) * w + folk::mirroredCol(j, w)])
                << in.name << " kind " << folk::filterKindName(kind) << " at " << i << "," << j;
      }
    }
  }
}

TEST(SpectralProperties, ComKeepsAtLeastKAndNeverDropsAStrongerCoefficient) {
  for (const auto& in : inputs()) {
    const auto spectrum = folk::computeLumaSpectrum(in.image);
    const auto n = std::int64_t(in.image.planeSize());
    for (double rho : kRatios) {
      const auto com = folk::computeMask({FilterKind::Com, rho}, spectrum);
      EXPECT_GE(com.keptCount(), std::max<std::int64_t>(1, std::int64_t(std::ceil(rho * double(n) - 1e-9))))
          << in.name << " rho=" << rho;
      double weakestKept = std::numeric_limits<double>::infinity(), strongestDropped = -1.0;
      for (std::size_t i = 0; i < com.keep.size(); ++i) {
        const double m = spectrum.magnitude[i];
        if (com.keep[i]) weakestKept = std::min(weakestKept, m);
        else strongestDropped = std::max(strongestDropped, m);
      }
      EXPECT_LE(strongestDropped, weakestKept) << in.name << " rho=" << rho;
    }
  }
}

TEST(SpectralProperties, KeepCountRoundsOnlyRealFractions) {
  EXPECT_EQ(folk::comKeepCount(0.01, 10000), 100);
  EXPECT_EQ(folk::comKeepCount(0.05, 50176), 2509);
  EXPECT_EQ(folk::comKeepCount(1e-9, 50176), 1);
  EXPECT_EQ(folk::comKeepCount(1.0, 7), 7);
  EXPECT_EQ(folk::comKeepCount(0.5, 7), 4);
}

TEST(SpectralProperties, ExtremesAndTies) {
  // rho = 1 keeps everything; a constant image ties every non-DC coefficient at 0, so any k > 1
  // keeps them all; k = 1 keeps only DC.
  const auto rgb = folk::computeLumaSpectrum(randomImage(3, 9, 10, 7));
  EXPECT_EQ(folk::computeMask({FilterKind::Com, 1.0}, rgb).keptCount(), 90);
  EXPECT_EQ(folk::computeMask({FilterKind::RCom, 1.0}, rgb).keptCount(), 0);
  EXPECT_EQ(folk::computeMask({FilterKind::Com, 1e-6}, rgb).keptCount(), 1);

  const auto constant = folk::computeLumaSpectrum(constantImage(3, 8, 8, 0.4f));
  EXPECT_EQ(folk::computeMask({FilterKind::Com, 0.1}, constant).keptCount(), 64);
  const auto dcOnly = folk::computeMask({FilterKind::Com, 1e-6}, constant);
  EXPECT_EQ(dcOnly.keptCount(), 1);
  EXPECT_EQ(dcOnly.keep[4 * 8 + 4], 1) << "DC sits at (H/2, W/2)";

  // An impulse has |F| = 1 everywhere: every coefficient ties, Com keeps all for any rho.
  const auto impulse = folk::computeLumaSpectrum(impulseImage(16, 16));
  EXPECT_EQ(folk::computeMask({FilterKind::Com, 1e-6}, impulse).keptCount(), 256);

  const auto black = folk::computeLumaSpectrum(constantImage(1, 6, 6, 0.0f));
  EXPECT_EQ(folk::computeMask({FilterKind::Com, 0.2}, black).keptCount(), 36);
}

TEST(SpectralProperties, RelativeModeKeepsCoefficientsAboveAFractionOfTheMaximum) {
  const Image im = crop(folk::loadImage(std::string(FOLK_SAMPLE_DIR) + "/coffee.png"), 64, 64);
  const auto spectrum = folk::computeLumaSpectrum(im);
  const double maxMag = *std::max_element(spectrum.magnitude.begin(), spectrum.magnitude.end());
  for (double rho : {0.001, 0.01, 0.1}) {
    const auto mask = folk::computeMask({FilterKind::Com, rho, -1, folk::ThresholdMode::Relative}, spectrum);
    for (std::size_t i = 0; i < mask.keep.size(); ++i) {
      const double m = spectrum.magnitude[i] / maxMag;
      if (std::abs(m - rho) < 1e-9) continue;  // on the cut itself: either side is fine
      EXPECT_EQ(mask.keep[i], m >= rho) << "rho=" << rho << " i=" << i;
    }
  }
}

TEST(SpectralProperties, LowPassIsTheCentredDisc) {
  const auto spectrum = folk::computeLumaSpectrum(randomImage(1, 40, 30, 9));
  const auto low = folk::computeMask({FilterKind::LowPass, 0.5, 5.0}, spectrum);
  const auto high = folk::computeMask({FilterKind::HighPass, 0.5, 5.0}, spectrum);
  std::int64_t disc = 0;
  for (int i = 0; i < 40; ++i)
    for (int j = 0; j < 30; ++j) {
      const bool inside = (i - 20) * (i - 20) + (j - 15) * (j - 15) < 25;
      disc += inside;
      ASSERT_EQ(low.keep[std::size_t(i) * 30 + j], inside);
      ASSERT_EQ(high.keep[std::size_t(i) * 30 + j], !inside);
    }
  EXPECT_EQ(low.keptCount(), disc);
  EXPECT_DOUBLE_EQ(folk::defaultRadius(224, 300), 16.0);
  EXPECT_DOUBLE_EQ(folk::defaultRadius(32, 32), 16.0 * 32 / 224);
}

TEST(SpectralProperties, FilteringMatchesTheDefinitionComputedWithTorchFft) {
  // x~_c = clamp(Re(ifft2(ifftshift(M * fftshift(fft2(x_c))))), 0, 1); the imaginary part of the
  // unclamped result must vanish because masks are symmetric.
  for (const auto& in : inputs()) {
    const int c = in.image.channels, h = in.image.height, w = in.image.width;
    const auto spectrum = folk::computeLumaSpectrum(in.image);
    for (auto kind : {FilterKind::Com, FilterKind::RCom, FilterKind::LowPass, FilterKind::HighPass}) {
      const auto mask = folk::computeMask({kind, 0.05, 3.0}, spectrum);
      const auto out = folk::applyMask(in.image, mask);
      auto x = torch::from_blob(const_cast<float*>(in.image.pixels.data()), {c, h, w}, torch::kFloat).to(torch::kDouble);
      auto m = torch::from_blob(const_cast<std::uint8_t*>(mask.keep.data()), {h, w}, torch::kUInt8).to(torch::kDouble);
      auto f = torch::fft::fftshift(torch::fft::fft2(x), {-2, -1});
      auto back = torch::fft::ifft2(torch::fft::ifftshift(f * m, {-2, -1}));
      EXPECT_LT(torch::imag(back).abs().max().item<double>(), 1e-6) << in.name;
      auto expected = torch::real(back).clamp(0, 1).to(torch::kFloat);
      auto got = torch::from_blob(const_cast<float*>(out.filtered.pixels.data()), {c, h, w}, torch::kFloat);
      EXPECT_LT((expected - got).abs().max().item<double>(), 1e-4) << in.name << " " << folk::filterKindName(kind);
    }
  }
}

TEST(SpectralProperties, EnergyAndPsnrBehave) {
  const Image im = crop(folk::loadImage(std::string(FOLK_SAMPLE_DIR) + "/chelsea.png"), 64, 96);
  folk::MaskAnalyser analyser(im);
  double lastPsnr = -1, lastEnergy = -1;
  for (double rho : {0.001, 0.01, 0.05, 0.2}) {
    const auto com = analyser.analyse({FilterKind::Com, rho});
    const auto rcom = analyser.analyse({FilterKind::RCom, rho});
    EXPECT_NEAR(com.retainedEnergy + rcom.retainedEnergy, 1.0, 1e-9);
    EXPECT_EQ(com.keptCoefficients + rcom.keptCoefficients, com.totalCoefficients);
    EXPECT_GT(com.psnrDb, lastPsnr);
    EXPECT_GT(com.retainedEnergy, lastEnergy);
    EXPECT_GT(com.threshold, 0.0);
    lastPsnr = com.psnrDb;
    lastEnergy = com.retainedEnergy;
  }
  const auto all = analyser.analyse({FilterKind::Com, 1.0});
  EXPECT_NEAR(all.retainedEnergy, 1.0, 1e-12);
  EXPECT_GT(all.psnrDb, 60.0) << "rho = 1 reproduces the image up to float rounding";
  const auto none = analyser.analyse({FilterKind::RCom, 1.0});
  EXPECT_EQ(none.keptCoefficients, 0);
  for (float v : none.filtered.pixels) ASSERT_EQ(v, 0.0f);
}

TEST(SpectralProperties, RadialProfileCoversEveryCoefficient) {
  const Image im = crop(folk::loadImage(std::string(FOLK_SAMPLE_DIR) + "/moon.png"), 50, 64);
  const auto spectrum = folk::computeLumaSpectrum(im);
  const auto profile = folk::radialPowerProfile(spectrum);
  ASSERT_FALSE(profile.radius.empty());
  EXPECT_EQ(profile.radius.front(), 0.0);
  const double dc = spectrum.magnitude[25 * 64 + 32];
  EXPECT_NEAR(profile.power.front(), dc * dc, 1e-6 * dc * dc);
  EXPECT_LT(profile.power.back(), profile.power.front());
}

TEST(SpectralProperties, BadSpecsAreRejectedWithAReason) {
  const auto spectrum = folk::computeLumaSpectrum(randomImage(1, 4, 4, 1));
  for (double bad : {0.0, -0.1, 1.5, std::nan("")}) {
    try {
      folk::computeMask({FilterKind::Com, bad}, spectrum);
      FAIL() << "ratio " << bad << " accepted";
    } catch (const std::invalid_argument& e) {
      EXPECT_NE(std::string(e.what()).find("ratio"), std::string::npos);
    }
  }
}
