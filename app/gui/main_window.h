#pragma once
// The main window: a switcher of workspaces (Explore first; Train and Results join later through
// addWorkspace), the menus, the status bar, and the window geometry kept across restarts.
#include <QMainWindow>
#include <QStringList>

class QActionGroup;
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

 protected:
  void closeEvent(QCloseEvent* event) override;

 private:
  void buildMenus();
  void saveGeometrySettings() const;

  QToolBar* switcher_;
  QActionGroup* workspaceActions_;
  QStackedWidget* stack_;
  ExplorePage* explore_;
  TrainPage* train_;
  ResultsPage* results_;
  CloseDuringTraining closeChoice_ = CloseDuringTraining::Ask;
};

}  // namespace folk::ui
