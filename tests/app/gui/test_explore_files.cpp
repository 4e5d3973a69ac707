// Opening files and folders, bad files (a clear message naming the file, never a crash), export
// of the views as PNG, and settings that survive a restart.
#include <gtest/gtest.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFile>
#include <QImageReader>
#include <QMimeData>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>

#include "app/gui/explore_controls.h"
#include "app/gui/explore_page.h"
#include "app/gui/main_window.h"
#include "app/gui/view_export.h"
#include "gui_test_support.h"
#include "widgets/image_view.h"
#include "widgets/log_slider.h"
#include "widgets/spectrum_view.h"
#include "widgets/thumbnail_strip.h"

using namespace folk::ui;
using folk::ui::test::waitForViews;
using folk::ui::test::waitUntil;

namespace {

class ExploreFilesTest : public folk::ui::test::IsolatedSettingsTest {
 protected:
  void SetUp() override {
    IsolatedSettingsTest::SetUp();
    ASSERT_TRUE(dir_.isValid());
  }
  QString writeFile(const QString& name, const QByteArray& bytes) {
    const QString path = QDir(dir_.path()).filePath(name);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    EXPECT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(bytes);
    return path;
  }
  QString copySample(const QString& name, const QString& as) {
    const QString path = QDir(dir_.path()).filePath(as);
    QDir().mkpath(QFileInfo(path).absolutePath());
    EXPECT_TRUE(QFile::copy(QStringLiteral(FOLK_SAMPLE_DIR "/") + name, path));
    return path;
  }
  QTemporaryDir dir_;
};

}  // namespace

TEST_F(ExploreFilesTest, PositionalPathsOpenInsteadOfSamples) {
  const QString coffee = copySample(QStringLiteral("coffee.png"), QStringLiteral("pics/coffee.png"));
  MainWindow window({coffee});
  window.show();
  ExplorePage* page = window.explorePage();
  ASSERT_TRUE(waitUntil([&] { return page->upToDate(); }));
  EXPECT_EQ(page->currentKey(), coffee);
  EXPECT_EQ(page->thumbnails()->keys(), QStringList{coffee});
  EXPECT_EQ(page->currentResult()->width, 600);
  EXPECT_EQ(page->currentResult()->height, 400);
}

TEST_F(ExploreFilesTest, FolderOpensImagesRecursivelyAndReportsBadFiles) {
  copySample(QStringLiteral("chelsea.png"), QStringLiteral("set/cats/chelsea.png"));
  copySample(QStringLiteral("moon.png"), QStringLiteral("set/moon.png"));
  const QString broken = writeFile(QStringLiteral("set/broken.png"), QByteArray("this is not a PNG at all"));
  writeFile(QStringLiteral("set/notes.txt"), QByteArray("ignored: not an image suffix"));
  MainWindow window({QDir(dir_.path()).filePath(QStringLiteral("set"))});
  window.show();
  ExplorePage* page = window.explorePage();
  ASSERT_TRUE(waitUntil([&] { return page->thumbnails()->count() == 2 && !page->errors().isEmpty() && page->upToDate(); }));
  EXPECT_EQ(page->errors().size(), 1);
  EXPECT_TRUE(page->errorText().contains(QStringLiteral("broken.png"))) << page->errorText().toStdString();
  EXPECT_FALSE(page->thumbnails()->contains(broken));
  // The good images work; the first decodable one in order is selected.
  EXPECT_TRUE(page->currentKey().endsWith(QStringLiteral("cats/chelsea.png"))) << page->currentKey().toStdString();
  EXPECT_TRUE(page->currentResult()->error.isEmpty());
}

TEST_F(ExploreFilesTest, BadFilesGiveAClearMessageAndTheWindowKeepsWorking) {
  MainWindow window;
  window.show();
  ExplorePage* page = window.explorePage();
  ASSERT_TRUE(waitUntil([&] { return page->thumbnails()->count() == 7 && page->upToDate(); }));
  const auto before = page->currentResult();

  const QString garbage = writeFile(QStringLiteral("garbage.jpg"), QByteArray(1000, '\x42'));
  const QString empty = writeFile(QStringLiteral("empty.png"), QByteArray());
  const QString missing = QDir(dir_.path()).filePath(QStringLiteral("missing.png"));
  const QString emptyFolder = QDir(dir_.path()).filePath(QStringLiteral("nothing-here"));
  QDir().mkpath(emptyFolder);
  page->openPaths({garbage, empty, missing, emptyFolder});
  ASSERT_TRUE(waitUntil([&] { return page->errors().size() == 4; })) << page->errorText().toStdString();
  const QString text = page->errors().join(QLatin1Char('\n'));
  for (const QString& name : {QStringLiteral("garbage.jpg"), QStringLiteral("empty.png"), QStringLiteral("missing.png"),
                              QStringLiteral("nothing-here")})
    EXPECT_TRUE(text.contains(name)) << name.toStdString() << " not named in:\n" << text.toStdString();
  EXPECT_EQ(page->thumbnails()->count(), 7);
  EXPECT_EQ(page->currentResult(), before);  // nothing replaced the good image
  EXPECT_TRUE(window.isVisible());

  // Still interactive after the errors.
  page->controls()->rhoSlider()->setValue(0.3);
  ASSERT_TRUE(waitForViews(*page));
  EXPECT_DOUBLE_EQ(page->currentResult()->panels[0].spec.ratio, 0.3);
}

TEST_F(ExploreFilesTest, FileThatBreaksAfterOpeningIsReportedWhenShown) {
  const QString path = copySample(QStringLiteral("coffee.png"), QStringLiteral("coffee.png"));
  const QString other = copySample(QStringLiteral("moon.png"), QStringLiteral("moon.png"));
  MainWindow window({path, other});
  window.show();
  ExplorePage* page = window.explorePage();
  ASSERT_TRUE(waitUntil([&] { return page->thumbnails()->count() == 2 && page->upToDate(); }));
  page->thumbnails()->selectKey(other);
  ASSERT_TRUE(waitForViews(*page));
  // Overwrite the first file with garbage, then go back to it: the worker reloads and fails cleanly.
  {
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write("garbage");
  }
  page->openPaths({path});  // reopening an open file reloads it
  ASSERT_TRUE(waitUntil([&] { return page->upToDate() && page->currentKey() == path; }));
  EXPECT_FALSE(page->currentResult()->error.isEmpty());
  EXPECT_TRUE(page->errorText().contains(QStringLiteral("coffee.png"))) << page->errorText().toStdString();
  EXPECT_TRUE(page->originalView()->image().isNull());
}

TEST_F(ExploreFilesTest, DropOnThePageOpensFiles) {
  const QString coffee = copySample(QStringLiteral("coffee.png"), QStringLiteral("drop/coffee.png"));
  MainWindow window({copySample(QStringLiteral("moon.png"), QStringLiteral("moon.png"))});
  window.show();
  ExplorePage* page = window.explorePage();
  ASSERT_TRUE(waitUntil([&] { return page->upToDate(); }));
  QMimeData mime;
  mime.setUrls({QUrl::fromLocalFile(QFileInfo(coffee).absolutePath())});
  QDragEnterEvent enter(QPoint(5, 5), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
  QCoreApplication::sendEvent(page, &enter);
  EXPECT_TRUE(enter.isAccepted());
  QDropEvent drop(QPointF(5, 5), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
  QCoreApplication::sendEvent(page, &drop);
  ASSERT_TRUE(waitUntil([&] { return page->currentKey() == coffee && page->upToDate(); }));
  EXPECT_EQ(page->thumbnails()->count(), 2);
}

TEST_F(ExploreFilesTest, ExportWritesOnePngPerView) {
  MainWindow window;
  window.show();
  ExplorePage* page = window.explorePage();
  page->controls()->compareBox()->setChecked(true);
  ASSERT_TRUE(waitUntil([&] { return page->upToDate() && page->currentResult()->panels.size() == 2; }));
  const QString out = QDir(dir_.path()).filePath(QStringLiteral("export"));
  QSignalSpy exported(page, &ExplorePage::viewsExported);
  page->exportViews(out);
  // The files are written by a background job: nothing is there when exportViews returns.
  EXPECT_TRUE(page->exporting());
  ASSERT_TRUE(waitUntil([&] { return exported.count() == 1; })) << page->errorText().toStdString();
  EXPECT_FALSE(page->exporting());
  EXPECT_TRUE(page->errors().isEmpty()) << page->errorText().toStdString();
  const QStringList files = exported.at(0).at(0).toStringList();
  EXPECT_FALSE(exported.at(0).at(1).toBool());  // not cancelled
  QStringList names;
  for (const QString& f : files) names << QFileInfo(f).fileName();
  names.sort();
  const QStringList expected = {
      QStringLiteral("astronaut_com_rho0.05_filtered.png"), QStringLiteral("astronaut_com_rho0.05_mask.png"),
      QStringLiteral("astronaut_com_rho0.05_residual.png"), QStringLiteral("astronaut_com_rho0.05_spectrum_overlay.png"),
      QStringLiteral("astronaut_original.png"),             QStringLiteral("astronaut_profile.png"),
      QStringLiteral("astronaut_rcom_rho0.05_filtered.png"), QStringLiteral("astronaut_rcom_rho0.05_mask.png"),
      QStringLiteral("astronaut_rcom_rho0.05_residual.png"), QStringLiteral("astronaut_spectrum.png")};
  EXPECT_EQ(names, expected);
  for (const QString& f : files) {
    QImageReader reader(f);
    EXPECT_EQ(reader.format(), QByteArray("png")) << f.toStdString();
    const QImage img = reader.read();
    ASSERT_FALSE(img.isNull()) << f.toStdString();
    if (!f.endsWith(QStringLiteral("_profile.png"))) EXPECT_EQ(img.size(), QSize(512, 512)) << f.toStdString();
  }
  // The exported filtered image is exactly what the view shows.
  EXPECT_EQ(QImage(QDir(out).filePath(expected[0])).convertToFormat(QImage::Format_RGB888),
            page->filteredView(0)->image().convertToFormat(QImage::Format_RGB888));

  // Unwritable destination: a clear error naming it in the banner, no crash, nothing reported written.
  const QString blocker = writeFile(QStringLiteral("a-file"), QByteArray("x"));
  page->exportViews(QDir(blocker).filePath(QStringLiteral("sub")));
  ASSERT_TRUE(waitUntil([&] { return !page->errors().isEmpty(); }));
  EXPECT_TRUE(page->errorText().contains(QStringLiteral("a-file"))) << page->errorText().toStdString();
  EXPECT_FALSE(page->exporting());
  EXPECT_EQ(exported.count(), 1);
}

TEST_F(ExploreFilesTest, ExportFilesAreTheViewsAndNothingWhenNoImageIsShown) {
  ExplorePage page;
  QString error;
  EXPECT_TRUE(page.viewExportFiles(&error).isEmpty());
  EXPECT_FALSE(error.isEmpty());
  page.exportViews(QDir(dir_.path()).filePath(QStringLiteral("never")));
  EXPECT_FALSE(page.exporting());
  EXPECT_FALSE(page.errors().isEmpty());
  EXPECT_FALSE(QFileInfo::exists(QDir(dir_.path()).filePath(QStringLiteral("never"))));
}

TEST_F(ExploreFilesTest, AStoppedExportSaysHowManyFilesItWrote) {
  const QString out = QDir(dir_.path()).filePath(QStringLiteral("partial"));
  QList<ViewExportFile> files;
  for (int i = 0; i < 4; ++i) {
    QImage image(8, 8, QImage::Format_RGB32);
    image.fill(Qt::darkGreen);
    files.append({QStringLiteral("view%1.png").arg(i), image});
  }
  const ViewExportResult result = writeViewExport(out, files, [](int done, int) { return done < 2; });
  EXPECT_TRUE(result.cancelled);
  ASSERT_EQ(result.written.size(), 2);
  EXPECT_TRUE(QFileInfo::exists(result.written[1]));
  EXPECT_FALSE(QFileInfo::exists(QDir(out).filePath(QStringLiteral("view2.png"))));
  // An empty picture is a clear error naming its file, after the ones before it were written.
  files[1].image = QImage();
  try {
    writeViewExport(out, files, [](int, int) { return true; });
    ADD_FAILURE() << "an empty view was written";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("view1.png"), std::string::npos) << e.what();
  }
}

TEST_F(ExploreFilesTest, SettingsPersistAcrossRestarts) {
  {
    MainWindow window;
    window.show();
    ExploreControls* c = window.explorePage()->controls();
    c->filterBox()->setCurrentIndex(c->filterBox()->findData(int(folk::FilterKind::HighPass)));
    c->rhoSlider()->setValue(0.0123);
    c->radiusBox()->setValue(12.5);
    c->modeBox()->setCurrentIndex(c->modeBox()->findData(int(folk::ThresholdMode::Relative)));
    c->overlayBox()->setChecked(false);
    c->colorMapBox()->setCurrentText(QStringLiteral("magma"));
    c->spectrumScaleBox()->setCurrentIndex(c->spectrumScaleBox()->findData(QStringLiteral("db")));
    EXPECT_EQ(window.explorePage()->findChild<SpectrumView*>()->scale(), SpectrumScale::Decibel) << "applied at once";
    window.resize(1111, 777);
    ASSERT_TRUE(waitForViews(*window.explorePage()));
    window.close();
  }
  QSettings().setValue(QStringLiteral("explore/lastFolder"), dir_.path());  // as the open dialogs do
  MainWindow window;
  window.show();
  ExploreControls* c = window.explorePage()->controls();
  EXPECT_EQ(folk::FilterKind(c->filterBox()->currentData().toInt()), folk::FilterKind::HighPass);
  EXPECT_NEAR(c->rhoSlider()->value(), 0.0123, 1e-12);
  EXPECT_DOUBLE_EQ(c->radiusBox()->value(), 12.5);
  EXPECT_EQ(folk::ThresholdMode(c->modeBox()->currentData().toInt()), folk::ThresholdMode::Relative);
  EXPECT_FALSE(c->overlayBox()->isChecked());
  EXPECT_EQ(c->colorMapBox()->currentText(), QStringLiteral("magma"));
  EXPECT_EQ(c->spectrumScaleBox()->currentData().toString(), QStringLiteral("db"));
  EXPECT_EQ(window.explorePage()->findChild<SpectrumView*>()->scale(), SpectrumScale::Decibel);
  EXPECT_EQ(ExploreSettings::load().lastFolder, dir_.path());
  EXPECT_EQ(window.size(), QSize(1111, 777));
  // The restored settings drive the first computation.
  ASSERT_TRUE(waitUntil([&] { return window.explorePage()->upToDate(); }));
  const ExplorePanelResult& p = window.explorePage()->currentResult()->panels[0];
  EXPECT_EQ(p.spec.kind, folk::FilterKind::HighPass);
  EXPECT_DOUBLE_EQ(p.spec.radius, 12.5);
}

TEST_F(ExploreFilesTest, CorruptSettingsFallBackToDefaults) {
  QSettings s;
  s.setValue(QStringLiteral("explore/filter"), QStringLiteral("bandpass"));
  s.setValue(QStringLiteral("explore/rho"), QStringLiteral("-3"));
  s.setValue(QStringLiteral("explore/thresholdMode"), 42);
  s.setValue(QStringLiteral("explore/spectrumScale"), QStringLiteral("linear"));
  s.sync();
  const ExploreSettings loaded = ExploreSettings::load();
  EXPECT_EQ(loaded.filter, folk::FilterKind::Com);
  EXPECT_DOUBLE_EQ(loaded.rho, 0.05);
  EXPECT_EQ(loaded.mode, folk::ThresholdMode::Top);
  EXPECT_EQ(loaded.spectrumScale, QStringLiteral("log"));
}
