#pragma once
// Help menu dialogs: About (the app, its licence, and the versions and licences of the libraries it
// runs with) and Keyboard Shortcuts (generated from the window's real actions and buttons, so the list
// cannot drift from what the keys do). No torch here: this header is read by moc.
#include <QKeySequence>
#include <QList>
#include <QString>

class QWidget;
class QDialog;

namespace folk::ui {

// One "name version" line per library whose version is known here: Qt (run time and build time),
// QCustomPlot, LibTorch, OpenCV, FFTW, zlib.
QStringList libraryVersions();
// One "name version: licence" line per library the program links or loads (with the version where
// libraryVersions() knows it), the licences as Debian's copyright files give them.
QStringList libraryLicences();
// The About box's rich text (app version, what it does, libraries).
QString aboutText();
void showAboutDialog(QWidget* parent);

struct ShortcutEntry {
  QString group;   // menu or workspace, e.g. "File", "Train"
  QString action;  // without mnemonics
  QKeySequence keys;
};

// A non-modal dialog listing the entries by group (deleted on close).
QDialog* showShortcutsDialog(QWidget* parent, const QList<ShortcutEntry>& entries);

// "&Open images…" -> "Open images…" ("&&" stays a literal "&").
QString withoutMnemonic(const QString& text);

}  // namespace folk::ui
