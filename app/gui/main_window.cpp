#include "app/gui/main_window.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCheckBox>
#include <QCloseEvent>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QAbstractButton>
#include <QDir>
#include <QFileInfo>
#include <QHeaderView>
#include <QSplitter>
#include <QStyle>
#include <QTableView>
#include <QToolBar>
#include <functional>

#include "app/gui/explore_controls.h"
#include "app/gui/engine_controller.h"
#include "app/gui/explore_page.h"
#include "app/gui/language.h"
#include "app/gui/recent_items.h"
#include "app/gui/results_page.h"
#include "app/gui/runs_table_model.h"
#include "app/gui/train_page.h"

// The icon is compiled into folk_gui_lib, a static library: reference it explicitly (outside a
// namespace) so the linker keeps it.
static void initIconResources() {
  static const bool once = [] {
    Q_INIT_RESOURCE(icons);
    return true;
  }();
  (void)once;
}

namespace folk::ui {

MainWindow::MainWindow(const QStringList& paths, QWidget* parent) : QMainWindow(parent) {
  setWindowTitle(tr("FOLK Workbench"));
  initIconResources();
  // Scalable (SVG), so it is sharp at every size and device pixel ratio; the theme's icon wins.
  // The installed icon carries the desktop file's reverse-DNS ID (packaging/); from a build tree
  // the embedded SVG serves.
  const QIcon appIcon = QIcon::fromTheme(QStringLiteral("io.github.folk_workbench.FolkWorkbench"),
                                         QIcon(QStringLiteral(":/icons/folk-workbench.svg")));
  if (QApplication::windowIcon().isNull()) QApplication::setWindowIcon(appIcon);  // dialogs too
  setWindowIcon(appIcon);
  if (const Theme theme = savedTheme(); theme != currentTheme()) applyTheme(theme);
  stack_ = new QStackedWidget(this);
  setCentralWidget(stack_);

  switcher_ = new QToolBar(tr("Workspaces"), this);
  switcher_->setObjectName(QStringLiteral("workspaceSwitcher"));
  switcher_->setMovable(false);
  switcher_->setToolButtonStyle(Qt::ToolButtonTextUnderIcon);
  switcher_->setIconSize(QSize(28, 28));
  addToolBar(Qt::LeftToolBarArea, switcher_);
  workspaceActions_ = new QActionGroup(this);
  workspaceActions_->setExclusive(true);

  explore_ = new ExplorePage(this);
  addWorkspace(tr("Explore"), style()->standardIcon(QStyle::SP_FileDialogContentsView), explore_);
  connect(explore_, &ExplorePage::statusMessage, statusBar(), &QStatusBar::showMessage);
  connect(explore_, &ExplorePage::currentImageChanged, this,
          [this](const QString& name) { setWindowTitle(tr("%1 — FOLK Workbench").arg(name)); });
  train_ = new TrainPage(this);
  addWorkspace(tr("Train"), style()->standardIcon(QStyle::SP_MediaPlay), train_);
  results_ = new ResultsPage(this);
  addWorkspace(tr("Results"), style()->standardIcon(QStyle::SP_FileDialogDetailedView), results_);
  results_->setRunsDirectory(train_->runsDirectory());
  explore_->setRunsDirectory(train_->runsDirectory());
  connect(train_, &TrainPage::runsDirectoryChanged, results_, &ResultsPage::setRunsDirectory);
  connect(train_, &TrainPage::runsDirectoryChanged, explore_, &ExplorePage::setRunsDirectory);
  connect(results_, &ResultsPage::weightsExported, this,
          [this](const QString&, const QString&, const QString& summary) { statusBar()->showMessage(summary, 10000); });
  connect(results_, &ResultsPage::learningTableExported, this, [this](const QString& path) {
    statusBar()->showMessage(tr("Learning table written to %1").arg(QDir::toNativeSeparators(path)), 10000);
  });
  connect(train_, &TrainPage::configSaved, this, [this](const QString& path) {
    statusBar()->showMessage(tr("Settings saved to %1").arg(QDir::toNativeSeparators(path)), 10000);
  });
  connect(train_->controller(), &EngineController::runStarted, results_, [this](const QString& run) {
    results_->setActiveRun(run);
    results_->refresh();
  });
  connect(train_->controller(), &EngineController::ended, results_, [this] {
    results_->setActiveRun(QString());
    results_->refresh();
  });
  connect(results_, &ResultsPage::resumeRequested, this, [this](const QString& run) {
    showWorkspace(1);
    train_->resumeRun(run);
  });
  // Runs trained, resumed or looked at (one selected) go to File → Open Recent.
  connect(train_->controller(), &EngineController::runStarted, this,
          [](const QString& run) { addRecentItem(QLatin1String(kRecentRuns), run); });
  connect(results_->table()->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
    const QStringList runs = results_->selectedRuns();
    if (runs.size() == 1) addRecentItem(QLatin1String(kRecentRuns), runs.front());
  });
  buildMenus();

  QSettings settings;
  if (!restoreGeometry(settings.value(QStringLiteral("mainWindow/geometry")).toByteArray())) {
    const QRect avail = screen() ? screen()->availableGeometry() : QRect(0, 0, 1600, 1000);
    resize(std::min(1600, avail.width()), std::min(1000, avail.height()));
  }
  restoreState(settings.value(QStringLiteral("mainWindow/state")).toByteArray());
  restoreLayoutSettings();
  // Images on the command line are for Explore; otherwise the workspace of the last session.
  if (paths.isEmpty()) showWorkspace(settings.value(QStringLiteral("mainWindow/workspace"), 0).toInt());

  if (paths.isEmpty())
    explore_->openSamples();
  else
    explore_->openPaths(paths);
}

void MainWindow::restoreLayoutSettings() {
  QSettings settings;
  for (QSplitter* splitter : findChildren<QSplitter*>()) {
    if (splitter->objectName().isEmpty()) continue;
    splitter->restoreState(settings.value(QStringLiteral("splitters/") + splitter->objectName()).toByteArray());
  }
  results_->table()->horizontalHeader()->restoreState(
      settings.value(QStringLiteral("results/tableHeader")).toByteArray());
}

MainWindow::~MainWindow() = default;

int MainWindow::addWorkspace(const QString& name, const QIcon& icon, QWidget* page) {
  const int index = stack_->addWidget(page);
  QAction* action = switcher_->addAction(icon, name);
  action->setCheckable(true);
  action->setData(index);
  action->setToolTip(tr("%1 workspace (Ctrl+%2)").arg(name).arg(index + 1));
  if (index < 9) action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + index)));
  workspaceActions_->addAction(action);
  connect(action, &QAction::triggered, this, [this, index] { showWorkspace(index); });
  if (index == 0) action->setChecked(true);
  return index;
}

void MainWindow::showWorkspace(int index) {
  if (index < 0 || index >= stack_->count()) return;
  stack_->setCurrentIndex(index);
  workspaceActions_->actions().at(index)->setChecked(true);
}

int MainWindow::currentWorkspace() const { return stack_->currentIndex(); }

QStringList MainWindow::workspaceNames() const {
  QStringList names;
  for (QAction* a : workspaceActions_->actions()) names << a->text();
  return names;
}

void MainWindow::buildMenus() {
  QMenu* file = menuBar()->addMenu(tr("&File"));
  file->addAction(tr("&Open images…"), QKeySequence::Open, explore_, &ExplorePage::openImagesDialog);
  file->addAction(tr("Open &folder…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O), explore_,
                  &ExplorePage::openFolderDialog);
  file->addAction(tr("Open &sample photos"), explore_, &ExplorePage::openSamples);
  recentMenu_ = file->addMenu(tr("Open &Recent"));
  connect(recentMenu_, &QMenu::aboutToShow, this, &MainWindow::rebuildRecentMenu);  // drops what is gone
  rebuildRecentMenu();
  file->addSeparator();
  file->addAction(tr("&Export views as PNG…"), QKeySequence(Qt::CTRL | Qt::Key_E), explore_, &ExplorePage::exportDialog);
  file->addSeparator();
  file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

  QMenu* view = menuBar()->addMenu(tr("&View"));
  ExploreControls* controls = explore_->controls();
  QAction* compare = view->addAction(tr("&Compare Com and RCom"));
  compare->setCheckable(true);
  compare->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
  compare->setChecked(controls->compareBox()->isChecked());
  connect(compare, &QAction::toggled, controls->compareBox(), &QCheckBox::setChecked);
  connect(controls->compareBox(), &QCheckBox::toggled, compare, &QAction::setChecked);
  QAction* overlay = view->addAction(tr("Mask &overlay on spectrum"));
  overlay->setCheckable(true);
  overlay->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_M));
  overlay->setChecked(controls->overlayBox()->isChecked());
  connect(overlay, &QAction::toggled, controls->overlayBox(), &QCheckBox::setChecked);
  connect(controls->overlayBox(), &QCheckBox::toggled, overlay, &QAction::setChecked);
  view->addSeparator();
  view->addAction(tr("&Next image"), QKeySequence(Qt::Key_PageDown), explore_, [this] { explore_->selectNext(1); });
  view->addAction(tr("&Previous image"), QKeySequence(Qt::Key_PageUp), explore_, [this] { explore_->selectNext(-1); });
  view->addSeparator();
  addLanguageMenu(view, this);  // View → Language (app/gui/language.cpp)

  QMenu* theme = view->addMenu(tr("&Theme"));
  themeActions_ = new QActionGroup(this);
  themeActions_->setExclusive(true);
  for (const Theme t : {Theme::System, Theme::Light, Theme::Dark}) {
    QAction* a = theme->addAction(themeLabel(t));
    a->setCheckable(true);
    a->setData(themeKey(t));
    a->setChecked(t == currentTheme());
    themeActions_->addAction(a);
    connect(a, &QAction::triggered, this, [this, t] { setTheme(t); });
  }

  QMenu* help = menuBar()->addMenu(tr("&Help"));
  QAction* keys = help->addAction(tr("&Keyboard Shortcuts"), this, [this] { showShortcuts(); });
  keys->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Slash));
  help->addAction(tr("&About FOLK Workbench"), this, [this] { showAboutDialog(this); });
}

void MainWindow::setTheme(Theme theme) {
  applyTheme(theme);
  saveTheme(theme);
  for (QAction* a : themeActions_->actions()) a->setChecked(a->data().toString() == themeKey(theme));
}

QList<ShortcutEntry> MainWindow::shortcuts() const {
  QList<ShortcutEntry> entries;
  std::function<void(const QMenu*, const QString&)> walk = [&](const QMenu* menu, const QString& group) {
    for (QAction* a : menu->actions()) {
      if (a->isSeparator()) continue;
      if (a->menu()) {
        walk(a->menu(), group);
      } else if (!a->shortcut().isEmpty()) {
        entries.append({group, withoutMnemonic(a->text()), a->shortcut()});
      }
    }
  };
  for (QAction* top : menuBar()->actions())
    if (top->menu()) walk(top->menu(), withoutMnemonic(top->text()));
  for (QAction* a : workspaceActions_->actions())
    if (!a->shortcut().isEmpty()) entries.append({tr("Workspaces"), tr("Show %1").arg(a->text()), a->shortcut()});
  // Buttons with a shortcut, by workspace (their keys work while the workspace is shown).
  const QStringList names = workspaceNames();
  for (int i = 0; i < stack_->count(); ++i) {
    for (QAbstractButton* b : stack_->widget(i)->findChildren<QAbstractButton*>()) {
      if (!b->shortcut().isEmpty()) entries.append({names.value(i), withoutMnemonic(b->text()), b->shortcut()});
    }
  }
  return entries;
}

QDialog* MainWindow::showShortcuts() { return showShortcutsDialog(this, shortcuts()); }

void MainWindow::rebuildRecentMenu() {
  fillRecentMenu();
  const QStringList listed = recentItems(QLatin1String(kRecentImages)) + recentItems(QLatin1String(kRecentRuns));
  jobs_.start(
      QStringLiteral("recentCheck"), [listed](JobControl&) { return missingPaths(listed); },
      [this](const QStringList& gone) {
        if (gone.isEmpty()) return;
        forgetRecentItems(QLatin1String(kRecentImages), gone);
        forgetRecentItems(QLatin1String(kRecentRuns), gone);
        fillRecentMenu();
      });
}

bool MainWindow::recentCheckPending() const { return jobs_.running(QStringLiteral("recentCheck")); }

void MainWindow::fillRecentMenu() {
  recentMenu_->clear();
  const QStringList images = recentItems(QLatin1String(kRecentImages));
  const QStringList runs = recentItems(QLatin1String(kRecentRuns));
  auto label = [](int n, const QString& path) {
    QString name = QDir::toNativeSeparators(path);
    name.replace(QLatin1Char('&'), QStringLiteral("&&"));
    return n < 9 ? QStringLiteral("&%1 %2").arg(n + 1).arg(name) : name;
  };
  recentMenu_->addSection(tr("Images and folders"));
  if (images.isEmpty()) recentMenu_->addAction(tr("No recent images"))->setEnabled(false);
  for (int i = 0; i < images.size(); ++i) {
    const QString path = images[i];
    QAction* a = recentMenu_->addAction(label(i, path), this, [this, path] {
      showWorkspace(0);
      explore_->openPaths({path});
    });
    a->setData(path);
    a->setToolTip(path);
  }
  recentMenu_->addSection(tr("Runs"));
  if (runs.isEmpty()) recentMenu_->addAction(tr("No recent runs"))->setEnabled(false);
  for (int i = 0; i < runs.size(); ++i) {
    const QString path = runs[i];
    QAction* a = recentMenu_->addAction(label(i, path), this, [this, path] { openRecentRun(path); });
    a->setData(path);
    a->setToolTip(path);
  }
  recentMenu_->addSeparator();
  QAction* clear = recentMenu_->addAction(tr("&Clear Recent"), this, [this] {
    clearRecentItems(QLatin1String(kRecentImages));
    clearRecentItems(QLatin1String(kRecentRuns));
    fillRecentMenu();
  });
  clear->setEnabled(!images.isEmpty() || !runs.isEmpty());
}

namespace {
// What opening a recent run needs to know of its folder, found off the GUI thread.
struct RecentRunCheck {
  bool exists = false;
  bool inRunsFolder = false;  // its runs folder is the one Results shows
  bool isRun = false;
};
}  // namespace

void MainWindow::openRecentRun(const QString& runPath) {
  showWorkspace(2);
  results_->setFilterText(QString());
  jobs_.start(
      QStringLiteral("openRun"),
      [runPath, runsFolder = train_->runsDirectory()](JobControl&) {
        RecentRunCheck check;
        const QFileInfo info(runPath);
        check.exists = info.isDir();
        if (!check.exists) return check;
        check.inRunsFolder = QFileInfo(runsFolder).canonicalFilePath() == QFileInfo(info.absolutePath()).canonicalFilePath();
        check.isRun = isRunFolder(runPath.toStdString());
        return check;
      },
      [this, runPath](const RecentRunCheck& check) {
        const QFileInfo info(runPath);  // names only, no stat
        if (!check.exists) {
          statusBar()->showMessage(tr("%1 no longer exists").arg(QDir::toNativeSeparators(runPath)), 8000);
          forgetRecentItems(QLatin1String(kRecentRuns), {runPath});
          fillRecentMenu();
          return;
        }
        if (!check.inRunsFolder)
          train_->setRunsDirectory(info.absolutePath());  // Results follows (runsDirectoryChanged) and rescans
        else
          results_->refresh();
        if (!check.isRun) {
          statusBar()->showMessage(tr("%1 is not a run folder").arg(QDir::toNativeSeparators(runPath)), 8000);
          return;
        }
        // The table names runs by the path its scan makes: the runs folder's path and the folder name.
        const QString path = QDir(results_->runsDirectory()).filePath(info.fileName());
        results_->selectRuns({path});  // at once, or when the scan under way lists it
        addRecentItem(QLatin1String(kRecentRuns), path);
      },
      [this](const QString& message) { statusBar()->showMessage(message, 8000); });
}

void MainWindow::saveGeometrySettings() const {
  QSettings settings;
  settings.setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
  settings.setValue(QStringLiteral("mainWindow/state"), saveState());
  settings.setValue(QStringLiteral("mainWindow/workspace"), currentWorkspace());
  for (QSplitter* splitter : findChildren<QSplitter*>()) {
    if (!splitter->objectName().isEmpty())
      settings.setValue(QStringLiteral("splitters/") + splitter->objectName(), splitter->saveState());
  }
  settings.setValue(QStringLiteral("results/tableHeader"), results_->table()->horizontalHeader()->saveState());
}

void MainWindow::closeEvent(QCloseEvent* event) {
  saveGeometrySettings();
  EngineController* engine = train_->controller();
  if (engine->isActive()) {
    CloseDuringTraining choice = closeChoice_;
    if (choice == CloseDuringTraining::Ask) {
      QMessageBox box(QMessageBox::Question, tr("Training is running"),
                      tr("A training run is in progress. Stop it now (a checkpoint is written, and the run "
                         "can be resumed later), or keep training in the background until it is done?"),
                      QMessageBox::NoButton, this);
      QPushButton* stop = box.addButton(tr("Stop and save"), QMessageBox::AcceptRole);
      QPushButton* keep = box.addButton(tr("Keep training"), QMessageBox::ActionRole);
      box.addButton(QMessageBox::Cancel);
      box.setDefaultButton(stop);
      box.exec();
      if (box.clickedButton() == stop) {
        choice = CloseDuringTraining::Stop;
      } else if (box.clickedButton() == keep) {
        choice = CloseDuringTraining::KeepTraining;
      } else {
        event->ignore();
        return;
      }
    }
    if (choice == CloseDuringTraining::Stop) {
      engine->stop();
      engine->waitForEnd();  // a step boundary and a checkpoint away
    } else {
      // The window goes; the process stays until the run ends, then quits.
      QApplication::setQuitOnLastWindowClosed(false);
      connect(engine, &EngineController::ended, qApp, &QCoreApplication::quit);
      hide();
      event->ignore();
      return;
    }
  }
  QMainWindow::closeEvent(event);
}

}  // namespace folk::ui
