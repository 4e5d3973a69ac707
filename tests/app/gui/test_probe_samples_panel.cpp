// Results' Samples tab on a run folder on disk: the saved steps on a slider, the pictures of the
// chosen step (a missing reconstruction says why), new steps of a run that trains followed while
// the slider is at the end, a run without samples and no run at all.
#include <sys/stat.h>

#include <QDir>
#include <QSlider>
#include <QTemporaryDir>

#include "app/gui/probe_samples_panel.h"
#include "core/io/run_files.h"
#include "gui_test_support.h"
#include "widgets/image_view.h"

namespace folk::ui::test {
namespace {

class ProbeSamplesPanelTest : public IsolatedSettingsTest {
 protected:
  void SetUp() override {
    IsolatedSettingsTest::SetUp();
    ASSERT_TRUE(run_.isValid());
    ASSERT_TRUE(QDir(run_.path()).mkpath(QLatin1String(run_files::kSamples)));
  }
  // Each step's pictures are filled with a grey that encodes the step and the picture.
  static int grey(std::int64_t step, ProbePicture picture) { return int((step / 10 + 40 * int(picture)) % 256); }
  void save(std::int64_t step, bool reconstruction = true) {
    for (ProbePicture picture : kProbePictures) {
      if (picture == ProbePicture::Reconstruction && !reconstruction) continue;
      QImage image(14, 14, QImage::Format_Grayscale8);
      image.fill(QColor(grey(step, picture), grey(step, picture), grey(step, picture)));
      ASSERT_TRUE(image.save(samplesDir().filePath(QString::fromStdString(probeSampleFileName(step, picture)))));
    }
  }
  QDir samplesDir() const { return QDir(QDir(run_.path()).filePath(QLatin1String(run_files::kSamples))); }
  static bool shows(const ProbeSamplesPanel& panel, std::int64_t step, ProbePicture picture) {
    const QImage image = panel.view(picture)->image();
    return !image.isNull() && qGray(image.pixel(3, 3)) == grey(step, picture);
  }

  QTemporaryDir run_;
};

TEST_F(ProbeSamplesPanelTest, TheSliderShowsEverySavedStepAndFollowsNewOnes) {
  save(0);
  save(50);
  save(100, false);  // dino-like: no reconstruction at this step
  ProbeSamplesPanel panel;
  panel.show();
  panel.setRun(run_.path());
  ASSERT_TRUE(waitUntil([&] { return panel.shownStep() == 100 && panel.upToDate(); }));
  EXPECT_EQ(panel.steps(), (std::vector<std::int64_t>{0, 50, 100}));
  EXPECT_EQ(panel.slider()->maximum(), 2);
  EXPECT_TRUE(panel.slider()->isEnabled());
  EXPECT_TRUE(shows(panel, 100, ProbePicture::Mask));
  EXPECT_TRUE(panel.view(ProbePicture::Reconstruction)->image().isNull());
  EXPECT_FALSE(panel.view(ProbePicture::Reconstruction)->placeholderText().isEmpty());
  EXPECT_TRUE(panel.statusText().contains(QStringLiteral("100"))) << panel.statusText().toStdString();

  // Back to the first step: its four pictures.
  panel.slider()->setValue(0);
  ASSERT_TRUE(waitUntil([&] { return panel.shownStep() == 0 && panel.upToDate(); }));
  for (ProbePicture picture : kProbePictures) EXPECT_TRUE(shows(panel, 0, picture)) << probePictureName(picture);

  // A step saved later: the slider stays where the user put it...
  save(150);
  panel.refresh();
  ASSERT_TRUE(waitUntil([&] { return panel.steps().size() == 4 && panel.upToDate(); }));
  EXPECT_EQ(panel.shownStep(), 0);
  EXPECT_EQ(panel.slider()->value(), 0);
  // ...and follows the newest once it is at the end.
  panel.showStep(150);
  ASSERT_TRUE(waitUntil([&] { return panel.shownStep() == 150 && panel.upToDate(); }));
  save(200);
  panel.refresh();
  ASSERT_TRUE(waitUntil([&] { return panel.shownStep() == 200 && panel.upToDate(); }));
  EXPECT_TRUE(shows(panel, 200, ProbePicture::Reconstruction));
}

TEST_F(ProbeSamplesPanelTest, ARunWithoutSamplesOrAPipeInTheirPlaceAndNoRunSayWhat) {
  // A named pipe with a sample's name is not read (it would block the reader): no step.
  ASSERT_EQ(::mkfifo(samplesDir().filePath(QString::fromStdString(probeSampleFileName(10, ProbePicture::Mask))).toLocal8Bit().constData(), 0600), 0);
  ProbeSamplesPanel panel;
  panel.show();
  panel.setRun(run_.path());
  ASSERT_TRUE(waitUntil([&] { return panel.upToDate() && panel.statusText().contains(QStringLiteral("no probe samples")); }))
      << panel.statusText().toStdString();
  EXPECT_TRUE(panel.steps().empty());
  EXPECT_FALSE(panel.slider()->isEnabled());
  EXPECT_EQ(panel.shownStep(), -1);
  EXPECT_FALSE(panel.view(ProbePicture::Mask)->placeholderText().isEmpty());
  EXPECT_NE(panel.view(ProbePicture::Mask)->placeholderText(), QStringLiteral("loading…"));

  panel.setRun(QString());
  EXPECT_TRUE(panel.upToDate());
  EXPECT_TRUE(panel.view(ProbePicture::Unfiltered)->image().isNull());
  EXPECT_FALSE(panel.statusText().isEmpty());
}

}  // namespace
}  // namespace folk::ui::test
