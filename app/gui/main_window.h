#pragma once
// The main window: a switcher of workspaces (Explore first; Train and Results join later through
// addWorkspace), the menus, the status bar, and the window geometry kept across restarts.
#include <QMainWindow>
#include <QStringList>

#include "app/gui/about_dialog.h"
#include "app/gui/background_jobs.h"
#include "app/gui/desktop_theme.h"

class QActionGroup;
class QMenu;
class QStackedWidget;
class QToolBar;

namespace folk::ui {

class ExplorePage;
class TrainPage;
class ResultsPage;

class MainWindow : public QMainWindow {
  Q_OBJECT

 public:
  // Opens `paths` (files or folders) in Explore, or the embedded sample photos when empty.
  explicit MainWindow(const QStringList& paths = {}, QWidget* parent = nullptr);
  ~MainWindow() override;

  ExplorePage* explorePage() const { return explore_; }
  TrainPage* trainPage() const { return train_; }
  ResultsPage* resultsPage() const { return results_; }

  // What closing the window does while a session trains: ask (the default), stop it with a
  // checkpoint, or hide the window and let the run finish before the program quits.
  enum class CloseDuringTraining { Ask, Stop, KeepTraining };
  void setCloseDuringTraining(CloseDuringTraining choice) { closeChoice_ = choice; }

  // Adds a page to the switcher (in order); returns its index.
  int addWorkspace(const QString& name, const QIcon& icon, QWidget* page);
  void showWorkspace(int index);
  int currentWorkspace() const;
  QStringList workspaceNames() const;

  // File → Open Recent: image files / folders (Explore) and runs (Results), newest first.
  // Fills it from the settings at once, then checks in the background which entries are gone and
  // drops them (recentCheckPending() until that answers).
  QMenu* recentMenu() const { return recentMenu_; }
  void rebuildRecentMenu();
  bool recentCheckPending() const;
  // Shows Results at once; then, once a background check of the folder answers, makes the run's
  // runs folder the runs folder and selects the run, or says in the status bar why not.
  void openRecentRun(const QString& runPath);

  // Every shortcut of the window's actions and buttons, grouped by menu / workspace: what
  // Help → Keyboard Shortcuts lists.
  QList<ShortcutEntry> shortcuts() const;
  QDialog* showShortcuts();

  // View → Theme: System (the platform's palette), Light or Dark; stored in the settings.
  void setTheme(Theme theme);

 protected:
  void closeEvent(QCloseEvent* event) override;

 private:
  void buildMenus();
  void fillRecentMenu();
  void saveGeometrySettings() const;
  void restoreLayoutSettings();

  QToolBar* switcher_;
  QActionGroup* workspaceActions_;
  QStackedWidget* stack_;
  ExplorePage* explore_;
  TrainPage* train_;
  ResultsPage* results_;
  QMenu* recentMenu_ = nullptr;
  QActionGroup* themeActions_ = nullptr;
  CloseDuringTraining closeChoice_ = CloseDuringTraining::Ask;
  BackgroundJobs jobs_;  // the window's own file checks; declared last, so destroyed first
};

}  // namespace folk::ui
