#pragma once
// What `folk-workbench PATH...` opens: image files and image folders in Explore, a run folder in
// Results with the run selected (as File → Open Recent does), a runs folder (one holding run
// folders) in Results. Telling them apart reads the file system, which the GUI thread must not do
// once the window is up (a runs folder on a stalled network share would freeze it), so main()
// classifies the paths before the window is shown.
#include <QString>
#include <QStringList>

namespace folk::ui {

class MainWindow;

struct StartupPaths {
  QStringList images;  // files and folders for Explore (missing paths too: Explore reports them)
  QString run;         // the last run folder given, "" for none
  QString runsFolder;  // the last runs folder given, "" for none
};

// Reads the file system: call it before the window is shown (or off the GUI thread).
StartupPaths classifyStartupPaths(const QStringList& paths);

// Shows what classifyStartupPaths found for Results: the runs folder, then the run selected.
// Images are the MainWindow constructor's (Explore). A run is opened as File → Open Recent opens
// one: selected once a background check of its folder answers, or a status-bar message why not.
void openStartupRuns(MainWindow& window, const StartupPaths& paths);

}  // namespace folk::ui
