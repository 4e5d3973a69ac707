#include "app/gui/view_export.h"

#include <QCoreApplication>
#include <QSaveFile>

namespace folk::ui {

QString specTag(const folk::MaskSpec& spec) {
  const QString name = QString::fromStdString(folk::filterKindName(spec.kind));
  if (folk::isDisc(spec.kind))
    return name + QStringLiteral("_r") + QString::number(spec.radius, 'f', 1);
  QString tag = name + QStringLiteral("_rho") + QString::number(spec.ratio, 'g', 4);
  if (spec.mode == folk::ThresholdMode::Relative) tag += QStringLiteral("_relative");
  return tag;
}

QString specLabel(const folk::MaskSpec& spec) {
  const QString label = QCoreApplication::translate("FilterKind", folk::traitsOf(spec.kind).parameterLabel);
  return folk::usesRatio(spec.kind) ? label.arg(spec.ratio, 0, 'g', 4) : label.arg(spec.radius, 0, 'f', 1);
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

}  // namespace folk::ui
