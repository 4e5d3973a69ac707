#include "app/gui/view_export.h"

#include <QCoreApplication>
#include <QDir>
#include <QSaveFile>
#include <stdexcept>

namespace folk::ui {

QString specTag(const folk::MaskSpec& spec) {
  const QString name = QString::fromStdString(folk::filterKindName(spec.kind));
  if (folk::usesRadius(spec.kind)) {
    QString tag = name + QStringLiteral("_r") + QString::number(spec.radius, 'f', 1);
    if (folk::usesBandWidth(spec.kind)) tag += QStringLiteral("_w") + QString::number(spec.bandWidth, 'f', 1);
    if (folk::usesOrder(spec.kind)) tag += QStringLiteral("_n") + QString::number(spec.order, 'g', 3);
    return tag;
  }
  QString tag = name + QStringLiteral("_rho") + QString::number(spec.ratio, 'g', 4);
  if (spec.mode == folk::ThresholdMode::Relative) tag += QStringLiteral("_relative");
  return tag;
}

QString specLabel(const folk::MaskSpec& spec) {
  const QString label = QCoreApplication::translate("FilterKind", folk::traitsOf(spec.kind).parameterLabel);
  if (folk::usesRatio(spec.kind)) return label.arg(spec.ratio, 0, 'g', 4);
  QString text = label.arg(spec.radius, 0, 'f', 1);
  if (folk::usesBandWidth(spec.kind)) text += QCoreApplication::translate("FilterKind", " W=%L1").arg(spec.bandWidth, 0, 'f', 1);
  if (folk::usesOrder(spec.kind)) text += QCoreApplication::translate("FilterKind", " n=%L1").arg(spec.order, 0, 'g', 3);
  return text;
}

QString savePngAtomically(const QImage& image, const QString& path) {
  if (image.isNull()) return QObject::tr("%1: nothing to export (the view is empty)").arg(path);
  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly)) return QObject::tr("%1: cannot write: %2").arg(path, file.errorString());
  if (!image.save(&file, "PNG")) {
    file.cancelWriting();
    return QObject::tr("%1: PNG encoding failed").arg(path);
  }
  if (!file.commit()) return QObject::tr("%1: cannot write: %2").arg(path, file.errorString());
  return {};
}

ViewExportResult writeViewExport(const QString& folder, const QList<ViewExportFile>& files,
                                 const std::function<bool(int done, int total)>& proceed) {
  if (!QDir().mkpath(folder))
    throw std::runtime_error(QObject::tr("%1: cannot create the folder").arg(folder).toStdString());
  const QDir dir(folder);
  ViewExportResult result;
  for (const ViewExportFile& file : files) {
    if (!proceed(int(result.written.size()), int(files.size()))) {
      result.cancelled = true;
      return result;
    }
    const QString path = dir.filePath(file.name);
    const QString problem = savePngAtomically(file.image, path);
    if (!problem.isEmpty()) throw std::runtime_error(problem.toStdString());
    result.written << path;
  }
  return result;
}

}  // namespace folk::ui
