#include "app/gui/about_dialog.h"

#include <fftw3.h>
#include <torch/version.h>

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

namespace folk::ui {

QStringList libraryVersions() {
  QStringList lines;
  const QString qtRuntime = QString::fromLatin1(qVersion());
  const QString qtBuild = QStringLiteral(QT_VERSION_STR);
  lines << (qtRuntime == qtBuild ? QObject::tr("Qt %1").arg(qtRuntime)
                                 : QObject::tr("Qt %1 (built with %2)").arg(qtRuntime, qtBuild));
  lines << QObject::tr("LibTorch %1").arg(QStringLiteral(TORCH_VERSION));
  const QString cvRuntime = QString::fromStdString(cv::getVersionString());
  const QString cvBuild = QStringLiteral(CV_VERSION);
  lines << (cvRuntime == cvBuild ? QObject::tr("OpenCV %1").arg(cvRuntime)
                                 : QObject::tr("OpenCV %1 (built with %2)").arg(cvRuntime, cvBuild));
  // fftw_version reads like "fftw-3.3.10-sse2-avx": the build flags matter for timings.
  lines << QObject::tr("FFTW %1").arg(QString::fromLatin1(fftw_version).remove(QStringLiteral("fftw-")));
  return lines;
}

QString aboutText() {
  QString libraries;
  for (const QString& line : libraryVersions()) libraries += QStringLiteral("<li>%1</li>").arg(line.toHtmlEscaped());
  return QObject::tr("<h3>FOLK Workbench %1</h3>"
                     "<p>Frequency-guided masking (Com / RCom) for self-supervised learning: explore spectra and "
                     "masks, train and compare runs.</p>"
                     "<p>Views: wheel to zoom, drag to pan, double-click to fit; zoom is shared by the image views "
                     "and by the spectrum and mask.</p>"
                     "<p>Built with:</p><ul>%2</ul>")
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
