// Desktop conventions of the real MainWindow, offscreen: every interactive control has an
// accessible name; the window layout, workspace, splitters, theme and Train form persist; File →
// Open Recent lists opened images / folders and runs, drops what is gone, opens them and clears;
// Help → Keyboard Shortcuts lists the real actions; About names the library versions; light and
// dark themes reach the plots; opening a big folder and computing an embedding show progress and
// can be cancelled.
#include <algorithm>
#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QDir>
#include <QStatusBar>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSplitter>
#include <QTabBar>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <filesystem>

#include "app/gui/about_dialog.h"
#include "app/gui/config_form.h"
#include "app/gui/desktop_theme.h"
#include "app/gui/engine_controller.h"
#include "app/gui/error_banner.h"
#include "app/gui/explore_page.h"
#include "app/gui/main_window.h"
#include "app/gui/recent_items.h"
#include "app/gui/results_page.h"
#include "app/gui/train_page.h"
#include "gui_test_support.h"
#include "tiny_train_config.h"
#include "widgets/embedding_plot.h"
#include "widgets/image_view.h"
#include "widgets/thumbnail_strip.h"
#include "widgets/training_curves.h"

namespace folk::ui::test {
namespace {

namespace fs = std::filesystem;

// A control a user can reach or operate, as opposed to layout containers and Qt's internals.
bool isInteractive(const QWidget* w) {
  if (w->objectName().startsWith(QLatin1String("qt_"))) return false;  // Qt's own parts (viewports, extensions)
  for (const QWidget* p = w->parentWidget(); p; p = p->parentWidget()) {
    // Parts of a control (the line edit of a spin box, a clear button, a table's corner button,
    // a tab bar's scroll arrows) are named through their owner.
    if (qobject_cast<const QAbstractSpinBox*>(p) || qobject_cast<const QComboBox*>(p) ||
        qobject_cast<const QLineEdit*>(p) || qobject_cast<const QAbstractItemView*>(p) || qobject_cast<const QTabBar*>(p))
      return false;
  }
  if (qobject_cast<const QScrollBar*>(w) || qobject_cast<const QMenu*>(w) || qobject_cast<const QTabBar*>(w)) return false;
  if (qobject_cast<const QAbstractSlider*>(w) || qobject_cast<const QAbstractSpinBox*>(w) ||
      qobject_cast<const QComboBox*>(w) || qobject_cast<const QAbstractButton*>(w) ||
      qobject_cast<const QLineEdit*>(w) || qobject_cast<const QCustomPlot*>(w) || qobject_cast<const ImageView*>(w))
    return true;
  return w->focusPolicy() != Qt::NoFocus && !qobject_cast<const QLabel*>(w);
}

QString ownText(const QWidget* w) {
  if (const auto* b = qobject_cast<const QAbstractButton*>(w)) return withoutMnemonic(b->text()).trimmed();
  return {};
}

QString describe(const QWidget* w) {
  QStringList chain;
  for (const QWidget* p = w; p; p = p->parentWidget()) {
    chain.prepend(QStringLiteral("%1(%2)").arg(QString::fromLatin1(p->metaObject()->className()), p->objectName()));
    if (chain.size() >= 4) break;
  }
  return chain.join(QStringLiteral(" > "));
}

QImage noise(int side, int seed) {
  QImage image(side, side, QImage::Format_RGB32);
  quint32 state = 2654435761u * quint32(seed + 1);
  for (int y = 0; y < side; ++y)
    for (int x = 0; x < side; ++x) {
      state = state * 1664525u + 1013904223u;
      image.setPixel(x, y, state >> 8);
    }
  return image;
}

// Trains a tiny run to its end; returns its folder.
QString trainTinyRun(const QString& runsDir, const std::string& name) {
  TrainConfig config = tinyTrainConfig(4);
  config.name = name;
  EngineController controller;
  QString error;
  EXPECT_TRUE(controller.startNew(config, runsDir, &error)) << error.toStdString();
  EXPECT_TRUE(waitUntil([&] { return !controller.isActive(); }));
  controller.waitForEnd();
  return controller.runDirectory();
}

class DesktopConventionsTest : public IsolatedSettingsTest {
 protected:
  void TearDown() override { applyTheme(Theme::System); }
};

TEST_F(DesktopConventionsTest, EveryInteractiveControlHasAnAccessibleName) {
  MainWindow window;
  window.show();
  QStringList unnamed;
  int checked = 0;
  for (QWidget* w : window.findChildren<QWidget*>()) {
    if (!isInteractive(w)) continue;
    ++checked;
    if (w->accessibleName().trimmed().isEmpty() && ownText(w).isEmpty()) unnamed << describe(w);
  }
  EXPECT_GT(checked, 50);  // the walk reached the three workspaces and the config form
  EXPECT_TRUE(unnamed.isEmpty()) << unnamed.size() << " controls without an accessible name or text:\n"
                                 << unnamed.join(QLatin1Char('\n')).toStdString();
}

TEST_F(DesktopConventionsTest, ShortcutsDialogListsTheRealActions) {
  MainWindow window;
  window.show();
  const QList<ShortcutEntry> entries = window.shortcuts();
  auto has = [&](const QString& action, const QKeySequence& keys) {
    for (const ShortcutEntry& e : entries)
      if (e.action == action && e.keys == keys) return true;
    return false;
  };
  EXPECT_TRUE(has(QStringLiteral("Open images…"), QKeySequence(QKeySequence::Open)));
  EXPECT_TRUE(has(QStringLiteral("Keyboard Shortcuts"), QKeySequence(Qt::CTRL | Qt::Key_Slash)));
  EXPECT_TRUE(has(QStringLiteral("Show Results"), QKeySequence(Qt::CTRL | Qt::Key_3)));
  EXPECT_TRUE(has(QStringLiteral("Start"), QKeySequence(Qt::CTRL | Qt::Key_Return)));
  EXPECT_TRUE(has(QStringLiteral("Refresh"), QKeySequence(Qt::Key_F5)));
  // Every menu action with a shortcut is listed: the dialog is generated, it cannot drift.
  int menuShortcuts = 0;
  for (QAction* top : window.menuBar()->actions())
    for (QAction* a : top->menu() ? top->menu()->actions() : QList<QAction*>())
      if (!a->shortcut().isEmpty()) {
        ++menuShortcuts;
        EXPECT_TRUE(has(withoutMnemonic(a->text()), a->shortcut())) << a->text().toStdString();
      }
  EXPECT_GE(menuShortcuts, 8);

  QDialog* dialog = window.showShortcuts();
  ASSERT_NE(dialog, nullptr);
  auto* tree = dialog->findChild<QTreeWidget*>(QStringLiteral("shortcutsTree"));
  ASSERT_NE(tree, nullptr);
  int rows = 0;
  for (int i = 0; i < tree->topLevelItemCount(); ++i) rows += tree->topLevelItem(i)->childCount();
  EXPECT_EQ(rows, entries.size());
  dialog->close();
}

TEST_F(DesktopConventionsTest, AboutNamesTheLibraryVersions) {
  const QString text = aboutText();
  EXPECT_TRUE(text.contains(QStringLiteral("Qt %1").arg(QString::fromLatin1(qVersion())))) << text.toStdString();
  for (const char* library : {"LibTorch 1.", "OpenCV 4.", "FFTW 3.", "QCustomPlot 2.", "zlib 1."})
    EXPECT_TRUE(text.contains(QLatin1String(library))) << library << " in " << text.toStdString();
  EXPECT_EQ(libraryVersions().size(), 6);
}

TEST_F(DesktopConventionsTest, AboutNamesTheLicenceAndTheLibrariesLicences) {
  const QString text = aboutText();
  EXPECT_TRUE(text.contains(QStringLiteral("GPL-3.0-or-later"))) << text.toStdString();
  const QStringList licences = libraryLicences();
  const std::pair<const char*, const char*> expected[] = {{"QCustomPlot 2.", ": GPL-3.0-or-later"},
                                                          {"OpenCV 4.", ": Apache-2.0 AND BSD-3-Clause"},
                                                          {"FFTW 3.", ": GPL-2.0-or-later"},
                                                          {"LibTorch ", ": BSD-3-Clause"},
                                                          {"Qt 6.", ": LGPL-3.0-only or GPL-2.0-only"},
                                                          {"OpenBLAS", ": BSD-3-Clause"}};
  for (const auto& entry : expected) {
    const char* library = entry.first;
    const char* licence = entry.second;
    EXPECT_TRUE(std::any_of(licences.begin(), licences.end(), [&](const QString& line) {
      return line.startsWith(QLatin1String(library)) && line.endsWith(QLatin1String(licence));
    })) << library << licence << " in " << licences.join(QLatin1Char('|')).toStdString();
  }
  for (const QString& line : libraryVersions()) {
    const QString library = line.section(QLatin1Char(' '), 0, 0);
    EXPECT_TRUE(std::any_of(licences.begin(), licences.end(),
                            [&](const QString& l) { return l.startsWith(library + QLatin1Char(' ')); }))
        << "no licence for " << library.toStdString();
  }
  EXPECT_TRUE(text.contains(licences.front().toHtmlEscaped()));
}

TEST_F(DesktopConventionsTest, TheWindowIconIsTheScalableSvg) {
  MainWindow window;
  // Drawn by Qt's SVG plugin (libqt6svg6) at any size: sharp at every device pixel ratio.
  const QIcon icon = window.windowIcon();
  ASSERT_FALSE(icon.isNull());
  const QPixmap big = icon.pixmap(QSize(256, 256));
  EXPECT_EQ(big.size(), QSize(256, 256));
  EXPECT_FALSE(QApplication::windowIcon().isNull());
}

TEST_F(DesktopConventionsTest, LayoutWorkspaceThemeAndTrainFormPersist) {
  QList<int> sizes;
  {
    MainWindow window;
    window.show();
    window.showWorkspace(1);
    auto* splitter = window.findChild<QSplitter*>(QStringLiteral("trainSplitter"));
    ASSERT_NE(splitter, nullptr);
    splitter->setSizes({500, 700});
    sizes = splitter->sizes();
    ASSERT_TRUE(window.trainPage()->form()->setFieldText(QStringLiteral("seed"), QStringLiteral("4242")));
    window.setTheme(Theme::Dark);
    EXPECT_TRUE(isDarkPalette(QApplication::palette()));
    window.close();
  }
  applyTheme(Theme::System);  // a new session starts from the platform's palette
  MainWindow again;
  again.show();
  QApplication::processEvents();
  EXPECT_EQ(again.currentWorkspace(), 1);
  EXPECT_EQ(again.findChild<QSplitter*>(QStringLiteral("trainSplitter"))->sizes(), sizes);
  EXPECT_EQ(again.trainPage()->form()->fieldText(QStringLiteral("seed")), QStringLiteral("4242"));
  EXPECT_EQ(currentTheme(), Theme::Dark);
  EXPECT_TRUE(isDarkPalette(QApplication::palette()));
}

TEST_F(DesktopConventionsTest, ThemesReachThePlots) {
  MainWindow window;
  window.show();
  TrainingCurves* curves = window.trainPage()->curves();
  window.setTheme(Theme::Dark);
  QApplication::processEvents();
  const QColor darkText = curves->palette().color(QPalette::Text);
  EXPECT_TRUE(isDarkPalette(curves->palette()));
  EXPECT_EQ(curves->axisRect(0)->axis(QCPAxis::atLeft)->tickLabelColor(), darkText);
  EXPECT_EQ(window.resultsPage()->embeddingPlot()->xAxis->labelColor(), darkText);
  window.setTheme(Theme::Light);
  QApplication::processEvents();
  EXPECT_FALSE(isDarkPalette(curves->palette()));
  EXPECT_EQ(curves->axisRect(0)->axis(QCPAxis::atLeft)->tickLabelColor(), curves->palette().color(QPalette::Text));
  window.setTheme(Theme::System);
  EXPECT_EQ(savedTheme(), Theme::System);
}

TEST_F(DesktopConventionsTest, ThemesReachTheErrorBanner) {
  QWidget host;
  auto* layout = new QVBoxLayout(&host);
  auto* banner = new ErrorBanner(&host);
  layout->addWidget(banner);
  host.resize(600, 200);
  host.show();
  banner->addError(QStringLiteral("broken.png: not an image"));
  QApplication::processEvents();
  ASSERT_TRUE(banner->isVisible());
  ASSERT_GT(banner->height(), 6) << "the banner was not laid out";
  QLabel* text = nullptr;
  for (QLabel* l : banner->findChildren<QLabel*>())
    if (!l->text().isEmpty()) text = l;
  ASSERT_NE(text, nullptr);
  // Background just inside the 1 px border, and the text colour the style sheet gives the label.
  auto look = [&] {
    QApplication::processEvents();
    text->ensurePolished();
    const QColor background = banner->grab().toImage().pixelColor(3, banner->height() / 2);
    return std::make_pair(background.lightness(), text->palette().color(QPalette::WindowText).lightness());
  };
  applyTheme(Theme::Dark);
  const auto [darkBackground, darkText] = look();
  EXPECT_LT(darkBackground, 128);
  EXPECT_GT(darkText, 128);
  applyTheme(Theme::Light);
  const auto [lightBackground, lightText] = look();
  EXPECT_GT(lightBackground, 128);
  EXPECT_LT(lightText, 128);
}

TEST_F(DesktopConventionsTest, OpenRecentListsOpensDropsAndClears) {
  QTemporaryDir dir;
  ASSERT_TRUE(dir.isValid());
  const QString a = dir.filePath(QStringLiteral("a.png"));
  const QString b = dir.filePath(QStringLiteral("b.png"));
  ASSERT_TRUE(noise(32, 1).save(a));
  ASSERT_TRUE(noise(32, 2).save(b));
  for (int i = 0; i < kRecentItemsMax + 3; ++i) {
    QTemporaryDir extra;  // gone again at once: must not be listed
    addRecentItem(QLatin1String(kRecentImages), extra.path());
  }
  MainWindow window;
  window.show();
  // The gone entries are still stored until the window's background check has looked.
  ASSERT_TRUE(waitUntil([&] { return !window.recentCheckPending(); }));
  ExplorePage* explore = window.explorePage();
  explore->openPaths({a});
  explore->openPaths({dir.path()});
  ASSERT_TRUE(waitUntil([&] { return !explore->loading(); }));
  EXPECT_EQ(recentItems(QLatin1String(kRecentImages)), (QStringList{dir.path(), a}));

  window.rebuildRecentMenu();
  QAction* openA = nullptr;
  for (QAction* action : window.recentMenu()->actions())
    if (action->data().toString() == a) openA = action;
  ASSERT_NE(openA, nullptr);
  explore->thumbnails()->setCurrentRow(-1);
  openA->trigger();
  ASSERT_TRUE(waitUntil([&] { return explore->currentKey() == a; }));
  EXPECT_EQ(recentItems(QLatin1String(kRecentImages)).front(), a);

  // Capped, newest first.
  for (int i = 0; i < kRecentItemsMax + 2; ++i) {
    const QString file = dir.filePath(QStringLiteral("c%1.png").arg(i));
    ASSERT_TRUE(noise(8, i).save(file));
    addRecentItem(QLatin1String(kRecentImages), file);
  }
  const QStringList capped = recentItems(QLatin1String(kRecentImages));
  EXPECT_EQ(capped.size(), kRecentItemsMax);
  EXPECT_EQ(capped.front(), dir.filePath(QStringLiteral("c%1.png").arg(kRecentItemsMax + 1)));

  window.rebuildRecentMenu();
  QAction* clear = nullptr;
  for (QAction* action : window.recentMenu()->actions())
    if (withoutMnemonic(action->text()) == QStringLiteral("Clear Recent")) clear = action;
  ASSERT_NE(clear, nullptr);
  clear->trigger();
  EXPECT_TRUE(recentItems(QLatin1String(kRecentImages)).isEmpty());
}

// A recent run whose folder went away meanwhile: the background check says so in the status bar
// and the entry is forgotten; the window never looked at the disk itself.
TEST_F(DesktopConventionsTest, ARecentRunThatIsGoneIsReportedAndForgotten) {
  QString gone;
  {
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    gone = dir.filePath(QStringLiteral("20261207T010203Z-gone"));
    ASSERT_TRUE(QDir().mkpath(gone));
    addRecentItem(QLatin1String(kRecentRuns), gone);
  }
  ASSERT_TRUE(recentItems(QLatin1String(kRecentRuns)).contains(gone)) << "recorded without a look at the disk";
  MainWindow window;
  window.show();
  window.openRecentRun(gone);
  EXPECT_EQ(window.currentWorkspace(), 2);
  ASSERT_TRUE(waitUntil([&] { return window.statusBar()->currentMessage().contains(QStringLiteral("no longer exists")); }));
  EXPECT_TRUE(window.statusBar()->currentMessage().contains(gone)) << window.statusBar()->currentMessage().toStdString();
  EXPECT_FALSE(recentItems(QLatin1String(kRecentRuns)).contains(gone));
}

TEST_F(DesktopConventionsTest, OpeningAFolderShowsProgressAndCancels) {
  QTemporaryDir dir;
  ASSERT_TRUE(dir.isValid());
  constexpr int kImages = 150;
  for (int i = 0; i < kImages; ++i)
    ASSERT_TRUE(noise(400, i).save(dir.filePath(QStringLiteral("img%1.png").arg(i, 3, 10, QChar('0')))));
  MainWindow window;
  window.show();
  ExplorePage* explore = window.explorePage();
  ASSERT_TRUE(waitUntil([&] { return !explore->loading(); }));  // the sample photos
  const int before = explore->thumbnails()->count();

  // Cancelled while the folder is searched: nothing is opened.
  {
    QSignalSpy finished(explore, &ExplorePage::loadingFinished);
    explore->openPaths({dir.path()});
    EXPECT_TRUE(explore->loading());
    explore->cancelLoading();
    ASSERT_TRUE(finished.wait(30000));
    EXPECT_TRUE(finished.takeFirst().at(0).toBool());
    EXPECT_EQ(explore->thumbnails()->count(), before);
  }
  // Cancelled while the images are decoded: those already in the strip stay, the rest are dropped.
  {
    QSignalSpy progress(explore, &ExplorePage::loadingProgress);
    QSignalSpy finished(explore, &ExplorePage::loadingFinished);
    explore->openPaths({dir.path()});
    ASSERT_TRUE(waitUntil([&] {
      return explore->thumbnails()->count() >= before + 2 || !explore->loading();
    }));
    ASSERT_TRUE(explore->loading()) << "all images decoded before the test could cancel";
    ASSERT_TRUE(waitUntil([&] { return explore->loadingBar()->isVisible() || !explore->loading(); }));
    ASSERT_TRUE(explore->loading()) << "all images decoded before the test could cancel";
    explore->cancelLoadingButton()->click();
    ASSERT_TRUE(finished.count() > 0 || finished.wait(30000));
    EXPECT_TRUE(finished.takeFirst().at(0).toBool());
    EXPECT_FALSE(explore->loadingBar()->isVisible());
    const int opened = explore->thumbnails()->count() - before;
    EXPECT_GT(opened, 0);
    EXPECT_LT(opened, kImages);
    bool sawTotal = false;
    for (const QList<QVariant>& report : progress) sawTotal = sawTotal || report.at(1).toInt() == kImages;
    EXPECT_TRUE(sawTotal);
  }
}

TEST_F(DesktopConventionsTest, RecentRunOpensInResultsAndEmbeddingCancels) {
  ASSERT_TRUE(fs::exists("/usr/share/datasets/fashion-mnist")) << "dataset-fashion-mnist is not installed";
  QTemporaryDir runs;
  ASSERT_TRUE(runs.isValid());
  const QString run = trainTinyRun(runs.path(), "recent");
  ASSERT_FALSE(run.isEmpty());
  addRecentItem(QLatin1String(kRecentRuns), run);

  MainWindow window;
  window.show();
  window.rebuildRecentMenu();
  QAction* openRun = nullptr;
  for (QAction* action : window.recentMenu()->actions())
    if (action->data().toString() == QFileInfo(run).absoluteFilePath()) openRun = action;
  ASSERT_NE(openRun, nullptr);
  openRun->trigger();
  EXPECT_EQ(window.currentWorkspace(), 2);
  ResultsPage* results = window.resultsPage();
  ASSERT_TRUE(waitUntil([&] {
    return QFileInfo(results->runsDirectory()).canonicalFilePath() == QFileInfo(runs.path()).canonicalFilePath();
  }));
  ASSERT_TRUE(waitUntil([&] { return results->selectedRuns().size() == 1; })) << "selected once the scan lists it";
  EXPECT_EQ(QFileInfo(results->selectedRuns().front()).canonicalFilePath(), QFileInfo(run).canonicalFilePath());

  QSignalSpy cancelled(results, &ResultsPage::embeddingCancelled);
  QSignalSpy ready(results, &ResultsPage::embeddingReady);
  results->showEmbedding(run);
  EXPECT_TRUE(results->embeddingBusy());
  EXPECT_TRUE(results->embeddingProgressBar()->isVisible());
  results->cancelEmbedding();
  ASSERT_TRUE(waitUntil([&] { return !results->embeddingBusy(); }, 120000));
  EXPECT_EQ(cancelled.count(), 1);
  EXPECT_EQ(ready.count(), 0);
  EXPECT_FALSE(results->embeddingProgressBar()->isVisible());
  EXPECT_EQ(results->embeddingPlot()->pointCount(), 0);

  // Not cancelled: progress arrives and the points appear.
  QSignalSpy progress(results, &ResultsPage::embeddingProgress);
  results->showEmbedding(run);
  ASSERT_TRUE(waitUntil([&] { return !results->embeddingBusy(); }, 300000));
  EXPECT_EQ(ready.count(), 1);
  EXPECT_GT(results->embeddingPlot()->pointCount(), 0);
}

}  // namespace
}  // namespace folk::ui::test
