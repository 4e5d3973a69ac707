// ExploreWorker off the GUI thread: results for the newest request only, the per-image cache, and
// errors as results. Also the folk::Image <-> QImage conversion the views rely on.
#include <gtest/gtest.h>

#include <QSignalSpy>
#include <QThread>

#include "app/gui/explore_worker.h"
#include "app/gui/image_convert.h"
#include "app/gui/image_source.h"
#include "gui_test_support.h"

using namespace folk::ui;
using folk::ui::test::waitUntil;

namespace {
ExploreRequest comRequest(const QString& key, double rho, bool wantImage = true) {
  ExploreRequest r;
  r.key = key;
  folk::MaskSpec spec;
  spec.kind = folk::FilterKind::Com;
  spec.ratio = rho;
  r.specs = {spec};
  r.wantImage = wantImage;
  return r;
}
const QString kAstronaut = QStringLiteral(":/samples/astronaut.png");
}  // namespace

TEST(ExploreWorker, NewestRequestWinsAndStaleResultsAreDropped) {
  ExploreWorker worker;
  QObject receiver;  // lives on the GUI thread: results arrive queued there, like in ExplorePage
  std::vector<ExploreResultPtr> results;
  QObject::connect(&worker, &ExploreWorker::resultReady, &receiver, [&](ExploreResultPtr r) {
    EXPECT_EQ(QThread::currentThread(), qApp->thread());  // delivered on the GUI thread
    results.push_back(r);
  });
  std::uint64_t last = 0;
  for (int i = 1; i <= 20; ++i) last = worker.submit(comRequest(kAstronaut, 0.01 * i));
  EXPECT_EQ(last, 20u);
  ASSERT_TRUE(waitUntil([&] { return !results.empty() && results.back()->generation == last && !worker.busy(); }));
  EXPECT_LT(results.size(), 20u);  // superseded requests never ran (or their results were dropped)
  EXPECT_DOUBLE_EQ(results.back()->panels.at(0).spec.ratio, 0.2);
  for (std::size_t i = 1; i < results.size(); ++i) EXPECT_GT(results[i]->generation, results[i - 1]->generation);
}

TEST(ExploreWorker, CachesTheImageAndSkipsItWhenNotWanted) {
  ExploreWorker worker;
  QObject receiver;  // lives on the GUI thread: results arrive queued there, like in ExplorePage
  ExploreResultPtr r;
  QObject::connect(&worker, &ExploreWorker::resultReady, &receiver, [&](ExploreResultPtr x) { r = x; });
  const std::uint64_t g1 = worker.submit(comRequest(kAstronaut, 0.05));
  ASSERT_TRUE(waitUntil([&] { return r && r->generation == g1; }));
  EXPECT_FALSE(r->cachedImage);
  EXPECT_TRUE(r->hasImage);
  EXPECT_EQ(r->logSpectrum.size(), 512u * 512u);
  EXPECT_EQ(r->original.size(), QSize(512, 512));
  const std::uint64_t g2 = worker.submit(comRequest(kAstronaut, 0.1, false));
  ASSERT_TRUE(waitUntil([&] { return r && r->generation == g2; }));
  EXPECT_TRUE(r->cachedImage);
  EXPECT_FALSE(r->hasImage);
  EXPECT_TRUE(r->original.isNull());
  EXPECT_EQ(r->panels.at(0).filtered.size(), QSize(512, 512));
}

TEST(ExploreWorker, UnreadableImageIsAnErrorResult) {
  ExploreWorker worker;
  QObject receiver;  // lives on the GUI thread: results arrive queued there, like in ExplorePage
  ExploreResultPtr r;
  QObject::connect(&worker, &ExploreWorker::resultReady, &receiver, [&](ExploreResultPtr x) { r = x; });
  worker.submit(comRequest(QStringLiteral("/nonexistent/folder/picture.png"), 0.05));
  ASSERT_TRUE(waitUntil([&] { return r != nullptr; }));
  EXPECT_TRUE(r->error.contains(QStringLiteral("picture.png"))) << r->error.toStdString();
  EXPECT_TRUE(r->panels.empty());
}

TEST(ExploreWorker, BadSpecIsAnErrorResultNotACrash) {
  ExploreWorker worker;
  QObject receiver;  // lives on the GUI thread: results arrive queued there, like in ExplorePage
  ExploreResultPtr r;
  QObject::connect(&worker, &ExploreWorker::resultReady, &receiver, [&](ExploreResultPtr x) { r = x; });
  worker.submit(comRequest(kAstronaut, 0.0));  // rho must be in (0, 1]
  ASSERT_TRUE(waitUntil([&] { return r != nullptr; }));
  EXPECT_FALSE(r->error.isEmpty());
}

TEST(ImageConvert, RoundTripRgbAndGrey) {
  folk::Image rgb(3, 2, 3);
  for (std::size_t i = 0; i < rgb.pixels.size(); ++i) rgb.pixels[i] = float(i % 7) / 6.0f;
  const QImage q = toQImage(rgb);
  ASSERT_EQ(q.size(), QSize(3, 2));
  EXPECT_EQ(q.format(), QImage::Format_RGB888);
  EXPECT_EQ(qRed(q.pixel(2, 1)), int(std::lround(rgb.at(0, 1, 2) * 255)));
  EXPECT_EQ(qBlue(q.pixel(1, 0)), int(std::lround(rgb.at(2, 0, 1) * 255)));
  const folk::Image back = fromQImage(q);
  ASSERT_EQ(back.channels, 3);
  for (std::size_t i = 0; i < rgb.pixels.size(); ++i) EXPECT_NEAR(back.pixels[i], rgb.pixels[i], 0.5 / 255 + 1e-6);

  folk::Image grey(1, 2, 2);
  grey.pixels = {0.f, 1.f, 2.f, -1.f};  // out-of-range values are clamped
  const QImage g = toQImage(grey);
  EXPECT_EQ(g.format(), QImage::Format_Grayscale8);
  EXPECT_EQ(qGray(g.pixel(0, 1)), 255);
  EXPECT_EQ(qGray(g.pixel(1, 1)), 0);
  EXPECT_EQ(fromQImage(g).channels, 1);

  folk::Mask binary;
  binary.height = 2;
  binary.width = 3;
  binary.keep = {1, 0, 0, 1, 1, 1};
  const QImage mask = maskToQImage(binary);
  EXPECT_EQ(qGray(mask.pixel(0, 0)), 255);
  EXPECT_EQ(qGray(mask.pixel(1, 0)), 0);
  folk::Mask soft = binary;
  soft.gain = {1.0f, 0.0f, 0.5f, 1.0f, 1.0f, 0.2f};
  EXPECT_EQ(qGray(maskToQImage(soft).pixel(2, 0)), 128) << "a soft gain is a grey level";
  EXPECT_EQ(qGray(maskToQImage(soft).pixel(2, 1)), 51);
  binary.keep = {1, 0};
  EXPECT_TRUE(maskToQImage(binary).isNull());
}

TEST(ImageSource, SamplesDecodeThroughCore) {
  const QStringList keys = sampleImageKeys();
  ASSERT_EQ(keys.size(), 7);
  for (const QString& key : keys) {
    const folk::Image img = loadImageForKey(key);
    EXPECT_GT(img.width, 0) << key.toStdString();
    EXPECT_TRUE(img.channels == 1 || img.channels == 3) << key.toStdString();
  }
  EXPECT_EQ(loadImageForKey(QStringLiteral(":/samples/astronaut.png")).width, 512);
  EXPECT_THROW(loadImageForKey(QStringLiteral(":/samples/nope.png")), std::exception);
}
