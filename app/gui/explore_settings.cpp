#include "app/gui/explore_settings.h"

#include <QSettings>
#include <cmath>

#include "widgets/color_map.h"
#include "widgets/spectrum_view.h"

namespace folk::ui {

ExploreSettings ExploreSettings::load() {
  ExploreSettings s;
  QSettings q;
  q.beginGroup(QStringLiteral("explore"));
  if (auto f = folk::parseFilterKind(q.value(QStringLiteral("filter")).toString().toStdString())) s.filter = *f;
  bool ok = false;
  const double rho = q.value(QStringLiteral("rho")).toDouble(&ok);
  if (ok && rho > 0.0 && rho <= 1.0) s.rho = rho;
  const double radius = q.value(QStringLiteral("radius")).toDouble(&ok);
  if (ok && std::isfinite(radius) && radius >= 0.0) s.radius = radius;
  const double order = q.value(QStringLiteral("order")).toDouble(&ok);
  if (ok && order >= folk::kMinOrder && order <= folk::kMaxOrder) s.order = order;
  const double bandWidth = q.value(QStringLiteral("bandWidth")).toDouble(&ok);
  if (ok && std::isfinite(bandWidth) && bandWidth >= 0.0) s.bandWidth = bandWidth;
  const double brush = q.value(QStringLiteral("brushRadius")).toDouble(&ok);
  if (ok && std::isfinite(brush) && brush > 0.0) s.brushRadius = brush;
  if (auto m = folk::parseThresholdMode(q.value(QStringLiteral("thresholdMode")).toString().toStdString())) s.mode = *m;
  s.compare = q.value(QStringLiteral("compare"), s.compare).toBool();
  s.overlay = q.value(QStringLiteral("overlay"), s.overlay).toBool();
  const QString map = q.value(QStringLiteral("colorMap")).toString();
  if (ColorMap::parse(map)) s.colorMap = map;
  const QString scale = q.value(QStringLiteral("spectrumScale")).toString();
  if (parseSpectrumScale(scale)) s.spectrumScale = scale;
  s.hannWindow = q.value(QStringLiteral("hannWindow"), s.hannWindow).toBool();
  s.lastFolder = q.value(QStringLiteral("lastFolder")).toString();
  return s;
}

void ExploreSettings::save() const {
  QSettings q;
  q.beginGroup(QStringLiteral("explore"));
  q.setValue(QStringLiteral("filter"), QString::fromStdString(folk::filterKindName(filter)));
  q.setValue(QStringLiteral("rho"), rho);
  q.setValue(QStringLiteral("radius"), radius);
  q.setValue(QStringLiteral("order"), order);
  q.setValue(QStringLiteral("bandWidth"), bandWidth);
  q.setValue(QStringLiteral("brushRadius"), brushRadius);
  q.setValue(QStringLiteral("thresholdMode"), QString::fromStdString(folk::thresholdModeName(mode)));
  q.setValue(QStringLiteral("compare"), compare);
  q.setValue(QStringLiteral("overlay"), overlay);
  q.setValue(QStringLiteral("colorMap"), colorMap);
  q.setValue(QStringLiteral("spectrumScale"), spectrumScale);
  q.setValue(QStringLiteral("hannWindow"), hannWindow);
  q.setValue(QStringLiteral("lastFolder"), lastFolder);
}

}  // namespace folk::ui
