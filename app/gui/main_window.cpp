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
#include <QStyle>
#include <QToolBar>

#include "app/gui/explore_controls.h"
#include "app/gui/engine_controller.h"
#include "app/gui/explore_page.h"
#include "app/gui/language.h"
#include "app/gui/results_page.h"
#include "app/gui/train_page.h"

namespace folk::ui {

MainWindow::MainWindow(const QStringList& paths, QWidget* parent) : QMainWindow(parent) {
  setWindowTitle(tr("FOLK Workbench"));
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
  connect(train_, &TrainPage::runsDirectoryChanged, results_, &ResultsPage::setRunsDirectory);
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
  buildMenus();

  QSettings settings;
  if (!restoreGeometry(settings.value(QStringLiteral("mainWindow/geometry")).toByteArray())) {
    const QRect avail = screen() ? screen()->availableGeometry() : QRect(0, 0, 1600, 1000);
    resize(std::min(1600, avail.width()), std::min(1000, avail.height()));
  }
  restoreState(settings.value(QStringLiteral("mainWindow/state")).toByteArray());

  if (paths.isEmpty())
    explore_->openSamples();
  else
    explore_->openPaths(paths);
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

  QMenu* help = menuBar()->addMenu(tr("&Help"));
  help->addAction(tr("&About FOLK Workbench"), this, [this] {
    QMessageBox::about(this, tr("About FOLK Workbench"),
                       tr("<b>FOLK Workbench</b> %1<p>Frequency-guided masking (Com / RCom) for self-supervised "
                          "learning: explore spectra and masks, train and compare runs.</p>"
                          "<p>Views: wheel to zoom, drag to pan, double-click to fit; zoom is shared by the image "
                          "views and by the spectrum and mask.</p>")
                           .arg(QApplication::applicationVersion()));
  });
}

void MainWindow::saveGeometrySettings() const {
  QSettings settings;
  settings.setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
  settings.setValue(QStringLiteral("mainWindow/state"), saveState());
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
