#pragma once
// Help menu dialogs: About (the app and the versions of Qt, LibTorch, OpenCV and FFTW it runs
// with) and Keyboard Shortcuts (generated from the window's real actions and buttons, so the list
// cannot drift from what the keys do). No torch here: this header is read by moc.
#include <QKeySequence>
#include <QList>
#include <QString>

class QWidget;
class QDialog;

namespace folk::ui {

// One "name: version" line per library: Qt (run time and build time), LibTorch, OpenCV, FFTW.
QStringList libraryVersions();
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
