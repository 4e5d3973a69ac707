// Drives the real MainWindow / ExplorePage offscreen: it opens on the samples, and the views and
// numbers follow the definitions of DESIGN.md §3 as filter, rho, radius and compare mode change.
#include <gtest/gtest.h>

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QDir>
#include <QLocale>
#include <QMouseEvent>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>
#include <cstdlib>

#include "app/gui/engine_controller.h"
#include "app/gui/explore_controls.h"
#include "app/gui/explore_page.h"
#include "app/gui/main_window.h"
#include "gui_test_support.h"
#include "tiny_train_config.h"
#include "widgets/image_view.h"
#include "widgets/log_slider.h"
#include "widgets/radial_profile_plot.h"
#include "widgets/spectrum_view.h"
#include "widgets/thumbnail_strip.h"

using namespace folk::ui;
using folk::ui::test::waitForViews;
using folk::ui::test::waitUntil;

namespace {

class ExplorePageTest : public folk::ui::test::IsolatedSettingsTest {
 protected:
  void SetUp() override {
    IsolatedSettingsTest::SetUp();
    window_ = std::make_unique<MainWindow>();
    window_->show();
    page_ = window_->explorePage();
    ASSERT_TRUE(waitUntil([&] { return page_->thumbnails()->count() == 7 && page_->upToDate(); }))
        << "the sample photos did not open";
  }
  void TearDown() override { window_.reset(); }

  void setFilter(folk::FilterKind kind) {
    QComboBox* box = page_->controls()->filterBox();
    box->setCurrentIndex(box->findData(int(kind)));
  }
  // Changes rho like the user does and waits for the views.
  const ExploreResult& setRho(double rho) {
    page_->controls()->rhoSlider()->setValue(rho);
    EXPECT_TRUE(waitForViews(*page_));
    return *page_->currentResult();
  }
  const ExploreResult& shown() {
    EXPECT_TRUE(waitForViews(*page_));
    return *page_->currentResult();
  }

  std::unique_ptr<MainWindow> window_;
  ExplorePage* page_ = nullptr;
};

std::int64_t discCount(int h, int w, double r) {
  std::int64_t n = 0;
  for (int u = 0; u < h; ++u)
    for (int v = 0; v < w; ++v) {
      const double du = u - h / 2, dv = v - w / 2;
      if (du * du + dv * dv < r * r) ++n;
    }
  return n;
}

}  // namespace

TEST_F(ExplorePageTest, OpensOnTheSamplePhotosInExplore) {
  EXPECT_EQ(window_->workspaceNames(), (QStringList{QStringLiteral("Explore"), QStringLiteral("Train"), QStringLiteral("Results")}));
  EXPECT_EQ(window_->currentWorkspace(), 0);
  EXPECT_EQ(page_->currentKey(), QStringLiteral(":/samples/astronaut.png"));
  EXPECT_EQ(page_->thumbnails()->keys().first(), QStringLiteral(":/samples/astronaut.png"));
  const ExploreResult& r = shown();
  EXPECT_TRUE(r.error.isEmpty());
  EXPECT_EQ(r.width, 512);
  EXPECT_EQ(r.height, 512);
  EXPECT_EQ(r.channels, 3);
  // Every view has the image's size: original, spectrum, mask, filtered, residual.
  EXPECT_EQ(page_->originalView()->image().size(), QSize(512, 512));
  EXPECT_EQ(page_->spectrumView()->image().size(), QSize(512, 512));
  EXPECT_EQ(page_->maskView()->image().size(), QSize(512, 512));
  EXPECT_EQ(page_->filteredView(0)->image().size(), QSize(512, 512));
  EXPECT_EQ(page_->residualView(0)->image().size(), QSize(512, 512));
  EXPECT_GT(page_->profilePlot()->pointCount(), 100);
  EXPECT_TRUE(page_->numbersText(0).contains(QStringLiteral("Kept: ")));
  EXPECT_TRUE(window_->windowTitle().contains(QStringLiteral("astronaut.png")));
  EXPECT_TRUE(page_->errors().isEmpty()) << page_->errorText().toStdString();
}

TEST_F(ExplorePageTest, ComKeptCountAndPsnrGrowWithRho) {
  setFilter(folk::FilterKind::Com);
  const std::int64_t n = 512 * 512;
  std::int64_t previousKept = 0;
  double previousPsnr = 0.0;
  QImage previousFiltered;
  for (double rho : {0.001, 0.01, 0.05, 0.2}) {
    const ExploreResult& r = setRho(rho);
    ASSERT_EQ(r.panels.size(), 1u);
    const ExplorePanelResult& p = r.panels[0];
    EXPECT_EQ(p.spec.kind, folk::FilterKind::Com);
    EXPECT_DOUBLE_EQ(p.spec.ratio, rho);
    EXPECT_EQ(p.total, n);
    EXPECT_GE(p.kept, std::int64_t(std::ceil(rho * n - 1e-9)));  // ties may add a few
    EXPECT_GT(p.kept, previousKept);
    EXPECT_GT(p.psnrDb, previousPsnr);
    EXPECT_GT(p.retainedEnergy, 0.0);
    EXPECT_LE(p.retainedEnergy, 1.0 + 1e-9);
    // The mask really keeps `kept` coefficients, and the views show this result.
    EXPECT_EQ(std::count(p.gain.begin(), p.gain.end(), 1.0f), p.kept);
    EXPECT_EQ(page_->filteredView(0)->image(), p.filtered);
    EXPECT_NE(page_->filteredView(0)->image(), previousFiltered);
    EXPECT_TRUE(page_->numbersText(0).contains(QLocale().toString(qlonglong(p.kept))))
        << page_->numbersText(0).toStdString();
    // The profile marks the Com cut at tau².
    EXPECT_EQ(page_->profilePlot()->cutKind(), RadialProfilePlot::CutKind::Level);
    EXPECT_DOUBLE_EQ(page_->profilePlot()->cutValue(), p.threshold * p.threshold);
    previousKept = p.kept;
    previousPsnr = p.psnrDb;
    previousFiltered = p.filtered;
  }
}

TEST_F(ExplorePageTest, RhoOneKeepsEverything) {
  setFilter(folk::FilterKind::Com);
  const ExploreResult& r = setRho(1.0);
  const ExplorePanelResult& p = r.panels[0];
  EXPECT_EQ(p.kept, p.total);
  EXPECT_NEAR(p.retainedEnergy, 1.0, 1e-9);
  EXPECT_TRUE(page_->numbersText(0).contains(QStringLiteral("100.00 %")));
  EXPECT_GT(p.psnrDb, 60.0);  // within float round-off of the original (or identical)
}

TEST_F(ExplorePageTest, CompareModeShowsComAndRComThatPartitionTheSpectrum) {
  page_->controls()->rhoSlider()->setValue(0.05);
  page_->controls()->compareBox()->setChecked(true);
  const ExploreResult& r = shown();
  ASSERT_EQ(r.panels.size(), 2u);
  const ExplorePanelResult& com = r.panels[0];
  const ExplorePanelResult& rcom = r.panels[1];
  EXPECT_EQ(com.spec.kind, folk::FilterKind::Com);
  EXPECT_EQ(rcom.spec.kind, folk::FilterKind::RCom);
  EXPECT_EQ(com.kept + rcom.kept, com.total);  // Com and RCom cover every coefficient exactly once
  for (std::size_t i = 0; i < com.gain.size(); ++i) ASSERT_EQ(com.gain[i] + rcom.gain[i], 1.0f) << "coefficient " << i;
  EXPECT_NEAR(com.retainedEnergy + rcom.retainedEnergy, 1.0, 1e-6);
  // Both filtered images are on screen, side by side.
  EXPECT_TRUE(page_->filteredView(0)->isVisible());
  EXPECT_TRUE(page_->filteredView(1)->isVisible());
  EXPECT_TRUE(page_->residualView(1)->isVisible());
  EXPECT_EQ(page_->filteredView(1)->image(), rcom.filtered);
  EXPECT_NE(page_->filteredView(0)->image(), page_->filteredView(1)->image());
  EXPECT_LT(page_->filteredView(0)->mapTo(window_.get(), QPoint()).x(), page_->filteredView(1)->mapTo(window_.get(), QPoint()).x());
  EXPECT_FALSE(page_->numbersText(1).isEmpty());
  EXPECT_FALSE(page_->controls()->filterBox()->isEnabled());  // compare fixes the filters to Com/RCom

  page_->controls()->compareBox()->setChecked(false);
  EXPECT_EQ(shown().panels.size(), 1u);
  EXPECT_FALSE(page_->filteredView(1)->isVisible());
}

TEST_F(ExplorePageTest, LowPassKeepsTheDiscAndHighPassTheRest) {
  setFilter(folk::FilterKind::LowPass);
  page_->controls()->radiusBox()->setValue(20.0);
  const ExploreResult& low = shown();
  ASSERT_EQ(low.panels.size(), 1u);
  EXPECT_EQ(low.panels[0].spec.kind, folk::FilterKind::LowPass);
  EXPECT_EQ(low.panels[0].kept, discCount(512, 512, 20.0));
  EXPECT_EQ(page_->profilePlot()->cutKind(), RadialProfilePlot::CutKind::Radius);
  EXPECT_DOUBLE_EQ(page_->profilePlot()->cutValue(), 20.0);
  const std::int64_t lowKept = low.panels[0].kept;

  setFilter(folk::FilterKind::HighPass);
  const ExploreResult& high = shown();
  EXPECT_EQ(high.panels[0].kept, 512 * 512 - lowKept);

  // "auto" radius = 16 * min(H, W) / 224.
  page_->controls()->radiusBox()->setValue(0.0);
  const ExploreResult& autoRadius = shown();
  EXPECT_NEAR(autoRadius.panels[0].spec.radius, 16.0 * 512 / 224, 1e-9);
  EXPECT_EQ(autoRadius.panels[0].kept, 512 * 512 - discCount(512, 512, 16.0 * 512 / 224));
}

TEST_F(ExplorePageTest, RComRemovesWhatComKeeps) {
  setFilter(folk::FilterKind::Com);
  const std::int64_t comKept = setRho(0.02).panels[0].kept;
  setFilter(folk::FilterKind::RCom);
  const ExploreResult& r = shown();
  EXPECT_EQ(r.panels[0].kept, 512 * 512 - comKept);
}

TEST_F(ExplorePageTest, RelativeThresholdKeepsFewerAsRhoGrows) {
  setFilter(folk::FilterKind::Com);
  QComboBox* mode = page_->controls()->modeBox();
  mode->setCurrentIndex(mode->findData(int(folk::ThresholdMode::Relative)));
  const std::int64_t a = setRho(0.001).panels[0].kept;
  const ExploreResult& r = setRho(0.01);
  EXPECT_EQ(r.panels[0].spec.mode, folk::ThresholdMode::Relative);
  EXPECT_LT(r.panels[0].kept, a);  // a higher fraction of max|F| is a stricter threshold
}

TEST_F(ExplorePageTest, SelectingAnotherImageUpdatesEveryView) {
  page_->thumbnails()->selectKey(QStringLiteral(":/samples/camera.png"));
  const ExploreResult& r = shown();
  EXPECT_EQ(r.key, QStringLiteral(":/samples/camera.png"));
  EXPECT_EQ(r.channels, 1);  // camera.png is greyscale and stays one channel
  EXPECT_EQ(page_->originalView()->image().format(), QImage::Format_Grayscale8);
  page_->thumbnails()->selectKey(QStringLiteral(":/samples/hubble_deep_field.jpg"));
  const ExploreResult& h = shown();
  EXPECT_EQ(page_->originalView()->image().size(), QSize(h.width, h.height));
  EXPECT_EQ(page_->spectrumView()->spectrumWidth(), h.width);
  EXPECT_EQ(h.panels[0].total, std::int64_t(h.width) * h.height);
}

TEST_F(ExplorePageTest, LatestRequestWinsWhileDraggingRho) {
  setFilter(folk::FilterKind::Com);
  shown();
  QSignalSpy spy(page_, &ExplorePage::resultShown);
  // A drag: many values without giving the event loop a chance in between.
  double last = 0.0;
  for (int i = 0; i <= 60; ++i) {
    last = 1e-3 * std::pow(10.0, i / 30.0);
    page_->controls()->rhoSlider()->setValue(last);
  }
  const ExploreResult& r = shown();
  EXPECT_NEAR(r.panels[0].spec.ratio, page_->controls()->rhoSlider()->value(), 1e-12);
  EXPECT_NEAR(r.panels[0].spec.ratio, last, 1e-9);
  EXPECT_LT(spy.count(), 61);  // stale requests were skipped, not all computed and shown
  EXPECT_GE(spy.count(), 1);
}

// The spectrum's scale and the Hann window change its picture, its title and what Export views
// writes, not the mask; the cursor readout gives the period in pixels and the level in dB of the
// coefficient under it.
TEST_F(ExplorePageTest, SpectrumScaleAndPeriodReadout) {
  const ExploreResult before = shown();
  SpectrumView* spectrum = page_->spectrumView();
  const QImage logPicture = spectrum->image();
  EXPECT_TRUE(spectrum->title().contains(QStringLiteral("log(1 + |F|)"))) << spectrum->title().toStdString();
  QComboBox* scale = page_->controls()->spectrumScaleBox();
  scale->setCurrentIndex(scale->findData(QStringLiteral("db")));
  EXPECT_EQ(spectrum->scale(), SpectrumScale::Decibel);
  EXPECT_TRUE(spectrum->title().contains(spectrumScaleLabel(SpectrumScale::Decibel)));
  EXPECT_NE(spectrum->image(), logPicture);
  EXPECT_EQ(page_->currentResult()->panels[0].gain, before.panels[0].gain) << "the mask does not depend on the view";

  // A frequency 8 bins right of the centre of a 512-wide spectrum: 512 / 8 = 64 px per cycle.
  const int h = spectrum->spectrumHeight(), w = spectrum->spectrumWidth();
  ASSERT_EQ(w, 512);
  const auto r = spectrum->readoutAt(QPoint(w / 2 + 8, h / 2));
  ASSERT_TRUE(r.has_value());
  EXPECT_NEAR(r->periodPixels, 64.0, 1e-9);
  EXPECT_LE(r->decibels, 0.0);
  EXPECT_TRUE(SpectrumView::formatReadout(*r).contains(QLocale().toString(64.0, 'f', 1)));

  // The Hann window: a spectrum of the tapered image, without the cross the borders draw through
  // the axes; the masks stay those of the image as it is.
  // |F| on both axes against the lines three bins beside them, at high frequencies (astronaut.png's
  // top and bottom rows differ, so the vertical axis carries the cross).
  auto axisRatio = [&] {
    const std::vector<float>& s = spectrum->logSpectrum();
    auto at = [&](int y, int x) { return std::expm1(double(s[std::size_t(y) * w + x])); };
    double axis = 0.0, beside = 0.0;
    for (int x = 0; x < w; ++x) {
      if (std::abs(x - w / 2) < w / 8) continue;
      axis += at(h / 2, x);
      beside += at(h / 2 - 3, x);
    }
    for (int y = 0; y < h; ++y) {
      if (std::abs(y - h / 2) < h / 8) continue;
      axis += at(y, w / 2);
      beside += at(y, w / 2 - 3);
    }
    return axis / beside;
  };
  const double plainRatio = axisRatio();
  EXPECT_GT(plainRatio, 2.0) << "the borders' cross";
  page_->controls()->hannWindowBox()->setChecked(true);
  ASSERT_TRUE(waitUntil([&] { return page_->upToDate() && spectrum->title().contains(QStringLiteral("Hann")); }));
  EXPECT_LT(axisRatio(), 0.5 * plainRatio);
  EXPECT_EQ(page_->currentResult()->panels[0].gain, before.panels[0].gain);

  const char* dir = std::getenv("FOLK_SCREENSHOT_DIR");
  if (dir != nullptr) {  // the documentation picture of this view, under Xvfb
    window_->resize(1500, 950);
    QTest::qWait(300);
    const QPoint centre = spectrum->rect().center();
    QTest::mouseMove(spectrum, centre + QPoint(spectrum->width() / 10, -spectrum->height() / 14));
    QTest::qWait(300);
    window_->grab().save(QDir(dir).filePath("explore-decibels.png"));
  }
}

TEST_F(ExplorePageTest, SoftFiltersAndHandDrawnRegionsAsAPersonUsesThem) {
  ExploreControls* controls = page_->controls();
  SpectrumView* spectrum = page_->spectrumView();
  // A soft filter: the order and band width are offered only where they mean something.
  setFilter(folk::FilterKind::ButterworthLowPass);
  controls->radiusBox()->setValue(40.0);
  controls->orderBox()->setValue(4.0);
  EXPECT_TRUE(controls->orderBox()->isEnabled());
  EXPECT_FALSE(controls->bandWidthBox()->isEnabled());
  EXPECT_FALSE(controls->rhoSlider()->isEnabled());
  const ExploreResult butterworth = shown();
  ASSERT_EQ(butterworth.panels.size(), 1u);
  const ExplorePanelResult& soft = butterworth.panels[0];
  EXPECT_TRUE(soft.soft);
  EXPECT_DOUBLE_EQ(soft.spec.order, 4.0);
  EXPECT_FLOAT_EQ(soft.gain[256 * 512 + 256], 1.0f);
  EXPECT_FLOAT_EQ(soft.gain[256 * 512 + 296], 0.5f) << "half at the cut-off, 40 bins out";
  EXPECT_TRUE(page_->numbersText(0).contains(QStringLiteral("Order")));
  EXPECT_TRUE(page_->maskView()->title().contains(QStringLiteral("grey"))) << page_->maskView()->title().toStdString();
  setFilter(folk::FilterKind::GaussianBandPass);
  EXPECT_TRUE(controls->bandWidthBox()->isEnabled());
  EXPECT_FALSE(controls->orderBox()->isEnabled());
  controls->bandWidthBox()->setValue(6.0);
  EXPECT_DOUBLE_EQ(shown().panels[0].spec.bandWidth, 6.0);
  EXPECT_FLOAT_EQ(shown().panels[0].gain[256 * 512 + 256], 0.0f) << "a band-pass stops the mean";

  // Draw on a disc filter with the mouse: stop the mean, pass a spot outside the disc. A window of a
  // usual size, so that a screen pixel is about a bin.
  window_->resize(1500, 950);
  QTest::qWait(100);
  setFilter(folk::FilterKind::LowPass);
  controls->radiusBox()->setValue(20.0);
  const std::int64_t disc = shown().panels[0].kept;
  EXPECT_FALSE(controls->clearDrawingButton()->isEnabled());
  controls->brushRadiusBox()->setValue(3.0);
  QComboBox* brush = controls->brushBox();
  brush->setCurrentIndex(brush->findData(int(ExploreControls::Brush::Stop)));
  EXPECT_DOUBLE_EQ(spectrum->brushRadius(), 3.0);
  const QRectF r = spectrum->imageRect();
  ASSERT_FALSE(r.isEmpty());
  auto bin = [&](int row, int col) {
    return QPointF(r.left() + (col + 0.5) / 512.0 * r.width(), r.top() + (row + 0.5) / 512.0 * r.height()).toPoint();
  };
  QTest::mouseClick(spectrum, Qt::LeftButton, {}, bin(256, 256));
  const ExploreResult stopped = shown();
  ASSERT_TRUE(page_->drawnRegions());
  EXPECT_TRUE(stopped.panels[0].edited);
  EXPECT_FLOAT_EQ(stopped.panels[0].gain[256 * 512 + 256], 0.0f);
  // The brush's bins are those the core paints at the position the view reported.
  const std::int64_t forced = std::count_if(page_->drawnRegions()->value.begin(), page_->drawnRegions()->value.end(),
                                            [](folk::MaskEdit e) { return e != folk::MaskEdit::None; });
  EXPECT_GE(forced, 25);
  EXPECT_LE(forced, 64) << "a disc of radius 3 and its mirror image";
  EXPECT_EQ(stopped.panels[0].kept, disc - forced);
  EXPECT_TRUE(page_->filteredView(0)->title().contains(QStringLiteral("drawn")));
  EXPECT_TRUE(controls->clearDrawingButton()->isEnabled());

  brush->setCurrentIndex(brush->findData(int(ExploreControls::Brush::Pass)));
  QTest::mouseClick(spectrum, Qt::LeftButton, {}, bin(256 - 60, 256 + 90));
  const ExploreResult passed = shown();
  EXPECT_FLOAT_EQ(passed.panels[0].gain[(256 - 60) * 512 + 256 + 90], 1.0f);
  EXPECT_FLOAT_EQ(passed.panels[0].gain[(256 + 60) * 512 + 256 - 90], 1.0f) << "the conjugate partner follows";
  EXPECT_GT(passed.panels[0].kept, stopped.panels[0].kept);
  EXPECT_EQ(page_->profilePlot()->cutKind(), RadialProfilePlot::CutKind::Radius);
  // On Com the drawn regions break the magnitude cut: the profile shows none, the numbers no τ.
  setFilter(folk::FilterKind::Com);
  EXPECT_TRUE(shown().panels[0].edited);
  EXPECT_EQ(page_->profilePlot()->cutKind(), RadialProfilePlot::CutKind::None);
  EXPECT_FALSE(page_->numbersText(0).contains(QStringLiteral("τ")));
  setFilter(folk::FilterKind::LowPass);
  shown();
  QString error;
  bool drawnTag = false;
  for (const ViewExportFile& file : page_->viewExportFiles(&error)) drawnTag = drawnTag || file.name.contains("_drawn");
  EXPECT_TRUE(drawnTag) << "exports say the mask was drawn on";

  const char* dir = std::getenv("FOLK_SCREENSHOT_DIR");
  if (dir != nullptr) {  // the documentation picture: a Butterworth band-pass with regions drawn on it
    setFilter(folk::FilterKind::ButterworthBandPass);
    controls->radiusBox()->setValue(60.0);
    controls->bandWidthBox()->setValue(30.0);
    controls->brushRadiusBox()->setValue(10.0);
    brush->setCurrentIndex(brush->findData(int(ExploreControls::Brush::Stop)));
    // A stroke along the upper left of the ring, from 100° to 170°; its mirror image follows.
    auto onRing = [&](double degrees) {
      const double a = degrees * M_PI / 180.0;
      return bin(int(std::lround(256 - 60 * std::sin(a))), int(std::lround(256 + 60 * std::cos(a))));
    };
    QTest::mousePress(spectrum, Qt::LeftButton, {}, onRing(100));
    for (int degrees = 105; degrees <= 170; degrees += 5) {  // a drag, delivered in order
      const QPointF at = onRing(degrees);
      QMouseEvent move(QEvent::MouseMove, at, spectrum->mapToGlobal(at), Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
      QApplication::sendEvent(spectrum, &move);
    }
    QTest::mouseRelease(spectrum, Qt::LeftButton, {}, onRing(170));
    shown();
    QTest::mouseMove(spectrum, bin(256 + 70, 256 + 20));
    QTest::qWait(300);
    window_->grab().save(QDir(dir).filePath("explore-drawn-regions.png"));
  }

  controls->clearDrawingButton()->click();
  const ExploreResult cleared = shown();
  EXPECT_FALSE(page_->drawnRegions());
  EXPECT_FALSE(cleared.panels[0].edited);
  EXPECT_FALSE(controls->clearDrawingButton()->isEnabled());
  brush->setCurrentIndex(brush->findData(int(ExploreControls::Brush::Off)));
  EXPECT_DOUBLE_EQ(spectrum->brushRadius(), 0.0);
}

TEST_F(ExplorePageTest, ARunShowsItsReconstructionAttentionAndPcaBesideTheFilters) {
  QTemporaryDir runs;
  ASSERT_TRUE(runs.isValid());
  folk::TrainConfig config = folk::ui::test::tinyTrainConfig(2);
  config.name = "inspect";
  config.evaluation.atEnd = false;
  config.evaluation.intervalSteps = 0;
  EngineController controller;
  QString error;
  ASSERT_TRUE(controller.startNew(config, runs.path(), &error)) << error.toStdString();
  ASSERT_TRUE(waitUntil([&] { return !controller.isActive(); }, 120000));
  controller.waitForEnd();
  const QString run = controller.runDirectory();

  EXPECT_FALSE(page_->modelReconstructionView()->isVisible()) << "no run chosen: no model column";
  page_->setInspectionRun(run);
  auto modelShown = [&] {
    return page_->upToDate() && page_->currentResult()->model && page_->currentResult()->model->run == run;
  };
  ASSERT_TRUE(waitUntil(modelShown));
  const ExploreModelResult m = *page_->currentResult()->model;
  ASSERT_TRUE(m.error.isEmpty()) << m.error.toStdString();
  EXPECT_EQ(m.step, 2);
  EXPECT_EQ(m.featuresRole, QStringLiteral("teacher"));
  EXPECT_EQ(m.reconstruction.size(), QSize(28, 28)) << "the photo as the 28 px model sees it";
  EXPECT_EQ(m.grid, 4);
  EXPECT_EQ(m.attentionHeads.size(), 2);
  EXPECT_EQ(m.attentionMean.size(), QSize(4, 4));
  EXPECT_EQ(m.pca.size(), QSize(4, 4));
  EXPECT_TRUE(page_->modelReconstructionView()->isVisible());
  EXPECT_EQ(page_->modelReconstructionView()->image(), m.reconstruction);
  EXPECT_TRUE(page_->modelReconstructionView()->title().contains(QStringLiteral("step 2")));
  // The attention over the image as the model sees it: the mean of the heads, then one head.
  EXPECT_EQ(page_->modelMapView()->image(), m.input);
  EXPECT_EQ(page_->modelMapView()->overlay(), m.attentionMean);
  EXPECT_TRUE(page_->modelMapView()->overlayVisible());
  page_->setModelView(ExplorePage::ModelView::Attention, 1);
  EXPECT_EQ(page_->modelMapView()->overlay(), m.attentionHeads[1]);
  EXPECT_TRUE(page_->modelMapView()->title().contains(QStringLiteral("head 2 of 2")));
  page_->setModelView(ExplorePage::ModelView::Pca);
  EXPECT_FALSE(page_->modelMapView()->overlayVisible());
  EXPECT_EQ(page_->modelMapView()->image(), m.pca);
  EXPECT_TRUE(page_->modelMapView()->title().contains(QStringLiteral("PCA")));
  page_->setModelView(ExplorePage::ModelView::ErrorSpectrum);
  EXPECT_EQ(page_->modelMapView()->image(), m.errorSpectrum);

  // Another filter is another student view: the reconstruction follows it.
  setFilter(folk::FilterKind::RCom);
  ASSERT_TRUE(waitUntil(modelShown));
  EXPECT_NE(page_->currentResult()->model->reconstruction, m.reconstruction);
  // Back to Com: the same image, checkpoint and spec come from the worker's cache, timing and all.
  setFilter(folk::FilterKind::Com);
  ASSERT_TRUE(waitUntil(modelShown));
  EXPECT_EQ(page_->currentResult()->model->reconstruction, m.reconstruction);
  EXPECT_EQ(page_->currentResult()->model->inspectMs, m.inspectMs) << "not computed again";

  // A folder that is no run: the error names it, the image's views stand.
  QTemporaryDir notARun;
  page_->setInspectionRun(notARun.path());
  ASSERT_TRUE(waitUntil([&] { return page_->upToDate() && page_->currentResult()->model; }));
  EXPECT_FALSE(page_->currentResult()->model->error.isEmpty());
  EXPECT_TRUE(page_->errorText().contains(notARun.path())) << page_->errorText().toStdString();
  EXPECT_FALSE(page_->filteredView(0)->image().isNull());
  const auto errorsBefore = page_->errors().size();
  setFilter(folk::FilterKind::RCom);
  ASSERT_TRUE(waitUntil([&] { return page_->upToDate() && page_->currentResult()->model; }));
  EXPECT_EQ(page_->errors().size(), errorsBefore) << "the same error is not added again";

  page_->setInspectionRun(QString());
  EXPECT_FALSE(page_->modelReconstructionView()->isVisible());
}

TEST_F(ExplorePageTest, MaskOverlayToggle) {
  page_->controls()->overlayBox()->setChecked(true);
  EXPECT_TRUE(page_->spectrumView()->overlayVisible());
  EXPECT_FALSE(page_->spectrumView()->overlay().isNull());
  page_->controls()->overlayBox()->setChecked(false);
  EXPECT_FALSE(page_->spectrumView()->overlayVisible());
}
