#include "app/gui/view_export.h"

#include <QSaveFile>

namespace folk::ui {

QString specTag(const folk::MaskSpec& spec) {
  const QString name = QString::fromStdString(folk::filterKindName(spec.kind));
  if (spec.kind == folk::FilterKind::LowPass || spec.kind == folk::FilterKind::HighPass)
    return name + QStringLiteral("_r") + QString::number(spec.radius, 'f', 1);
  QString tag = name + QStringLiteral("_rho") + QString::number(spec.ratio, 'g', 4);
  if (spec.mode == folk::ThresholdMode::Relative) tag += QStringLiteral("_relative");
  return tag;
}

QString specLabel(const folk::MaskSpec& spec) {
  switch (spec.kind) {
    case folk::FilterKind::Com: return QObject::tr("Com ρ=%L1").arg(spec.ratio, 0, 'g', 4);
    case folk::FilterKind::RCom: return QObject::tr("RCom ρ=%L1").arg(spec.ratio, 0, 'g', 4);
    case folk::FilterKind::LowPass: return QObject::tr("Low-pass r=%L1").arg(spec.radius, 0, 'f', 1);
    case folk::FilterKind::HighPass: return QObject::tr("High-pass r=%L1").arg(spec.radius, 0, 'f', 1);
  }
  return {};
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
