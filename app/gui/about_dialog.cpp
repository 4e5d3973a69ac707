#include "app/gui/about_dialog.h"

#include <fftw3.h>
#include <torch/version.h>
#include <zlib.h>

#include <QApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <opencv2/core/utility.hpp>
#include <opencv2/core/version.hpp>

#include "widgets/qcustomplot_compat.h"

namespace folk::ui {

namespace {

// The libraries folk-workbench links or loads and the licence of each, as Debian's copyright file
// of its package says (/usr/share/doc/<package>/copyright; SPDX identifiers where one exists).
// Kept in step with packaging/copyright.
struct LibraryLicence {
  const char* library;  // as libraryVersions() names it, without the version
  const char* licence;
};
constexpr LibraryLicence kLibraryLicences[] = {
    {"Qt", "LGPL-3.0-only or GPL-2.0-only"},                       // libqt6core6, libqt6widgets6, libqt6svg6
    {"QCustomPlot", "GPL-3.0-or-later"},                       // libqcustomplot2.1-qt6
    {"LibTorch", "BSD-3-Clause"},                              // libtorch1.13
    {"OpenCV", "Apache-2.0 AND BSD-3-Clause"},                 // libopencv-core406, libopencv-imgcodecs406
    {"FFTW", "GPL-2.0-or-later"},                              // libfftw3-double3, libfftw3-single3
    {"zlib", "Zlib"},                                          // zlib1g
    {"OpenBLAS", "BSD-3-Clause"},                              // libopenblas0-pthread
    {"libjpeg-turbo", "IJG AND BSD-3-Clause AND Zlib"},        // libjpeg62-turbo
    {"libtiff", "libtiff"},                                    // libtiff6 (Debian calls it Hylafax)
    {"libpng", "Libpng"},                                      // libpng16-16, through OpenCV
    {"libwebp", "BSD-3-Clause"},                               // libwebp7, through OpenCV
    {"nlohmann/json", "MIT"},                                  // nlohmann-json3-dev (Debian: Expat)
};

}  // namespace

QStringList libraryVersions() {
  QStringList lines;
  const QString qtRuntime = QString::fromLatin1(qVersion());
  const QString qtBuild = QStringLiteral(QT_VERSION_STR);
  lines << (qtRuntime == qtBuild ? QObject::tr("Qt %1").arg(qtRuntime)
                                 : QObject::tr("Qt %1 (built with %2)").arg(qtRuntime, qtBuild));
  lines << QObject::tr("QCustomPlot %1").arg(QStringLiteral(QCUSTOMPLOT_VERSION_STR));
  lines << QObject::tr("LibTorch %1").arg(QStringLiteral(TORCH_VERSION));
  const QString cvRuntime = QString::fromStdString(cv::getVersionString());
  const QString cvBuild = QStringLiteral(CV_VERSION);
  lines << (cvRuntime == cvBuild ? QObject::tr("OpenCV %1").arg(cvRuntime)
                                 : QObject::tr("OpenCV %1 (built with %2)").arg(cvRuntime, cvBuild));
  // fftw_version reads like "fftw-3.3.10-sse2-avx": the build flags matter for timings.
  lines << QObject::tr("FFTW %1").arg(QString::fromLatin1(fftw_version).remove(QStringLiteral("fftw-")));
  lines << QObject::tr("zlib %1").arg(QString::fromLatin1(zlibVersion()));
  return lines;
}

QStringList libraryLicences() {
  const QStringList versions = libraryVersions();
  QStringList lines;
  for (const LibraryLicence& entry : kLibraryLicences) {
    const QString library = QString::fromLatin1(entry.library);
    QString name = library;
    for (const QString& version : versions)
      if (version.startsWith(library + QLatin1Char(' '))) name = version;
    lines << QObject::tr("%1: %2").arg(name, QString::fromLatin1(entry.licence));
  }
  return lines;
}

QString aboutText() {
  QString libraries;
  for (const QString& line : libraryLicences()) libraries += QStringLiteral("<li>%1</li>").arg(line.toHtmlEscaped());
  return QObject::tr("<h3>FOLK Workbench %1</h3>"
                     "<p>Frequency-guided masking (Com / RCom) for self-supervised learning: explore spectra and "
                     "masks, train and compare runs.</p>"
                     "<p>Views: wheel to zoom, drag to pan, double-click to fit; zoom is shared by the image views "
                     "and by the spectrum and mask.</p>"
                     "<p>FOLK Workbench is free software: you can redistribute it and/or modify it under the terms "
                     "of the GNU General Public License, version 3 or (at your option) any later version "
                     "(GPL-3.0-or-later). It comes with ABSOLUTELY NO WARRANTY. The full text is in the file "
                     "LICENSE of the sources and in /usr/share/common-licenses/GPL-3 on Debian.</p>"
                     "<p>Built with these libraries, under these licences:</p><ul>%2</ul>")
      .arg(QApplication::applicationVersion().toHtmlEscaped(), libraries);
}

void showAboutDialog(QWidget* parent) {
  QMessageBox::about(parent, QObject::tr("About FOLK Workbench"), aboutText());
}

QString withoutMnemonic(const QString& text) {
  QString out;
  out.reserve(text.size());
  for (qsizetype i = 0; i < text.size(); ++i) {
    if (text[i] == QLatin1Char('&')) {
      if (i + 1 < text.size() && text[i + 1] == QLatin1Char('&')) out += QLatin1Char('&'), ++i;
      continue;
    }
    out += text[i];
  }
  return out;
}

QDialog* showShortcutsDialog(QWidget* parent, const QList<ShortcutEntry>& entries) {
  auto* dialog = new QDialog(parent);
  dialog->setObjectName(QStringLiteral("shortcutsDialog"));
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  dialog->setWindowTitle(QObject::tr("Keyboard Shortcuts"));
  auto* tree = new QTreeWidget(dialog);
  tree->setObjectName(QStringLiteral("shortcutsTree"));
  tree->setAccessibleName(QObject::tr("Keyboard shortcuts"));
  tree->setColumnCount(2);
  tree->setHeaderLabels({QObject::tr("Action"), QObject::tr("Shortcut")});
  tree->setRootIsDecorated(false);
  tree->setSelectionMode(QAbstractItemView::NoSelection);
  QTreeWidgetItem* group = nullptr;
  for (const ShortcutEntry& e : entries) {
    if (!group || group->text(0) != e.group) {
      group = new QTreeWidgetItem(tree, {e.group});
      QFont bold = group->font(0);
      bold.setBold(true);
      group->setFont(0, bold);
      group->setFirstColumnSpanned(true);
    }
    new QTreeWidgetItem(group, {e.action, e.keys.toString(QKeySequence::NativeText)});
  }
  tree->expandAll();
  tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
  tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
  auto* note = new QLabel(QObject::tr("In the image views and plots: mouse wheel zooms, dragging pans, a double "
                                      "click fits."),
                          dialog);
  note->setWordWrap(true);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
  QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::close);
  auto* layout = new QVBoxLayout(dialog);
  layout->addWidget(tree, 1);
  layout->addWidget(note);
  layout->addWidget(buttons);
  dialog->resize(460, 520);
  dialog->show();
  return dialog;
}

}  // namespace folk::ui
