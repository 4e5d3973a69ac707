#include "app/gui/explore_controls.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>
#include <QVBoxLayout>

#include "widgets/color_map.h"
#include "widgets/log_slider.h"
#include "widgets/spectrum_view.h"

namespace folk::ui {

ExploreControls::ExploreControls(QWidget* parent) : QWidget(parent) {
  filter_ = new QComboBox(this);
  for (const folk::FilterKindTraits& kind : folk::filterKinds())
    filter_->addItem(QCoreApplication::translate("FilterKind", kind.label), int(kind.kind));
  filter_->setToolTip(tr("Com keeps the coefficients with the largest |F(y)|; RCom removes exactly those.\n"
                         "Low/high-pass keep/remove a centred disc of the given radius."));

  rho_ = new LogSlider(this, 1e-4, 1.0, 1000);
  rho_->setToolTip(tr("ρ: the fraction of coefficients Com keeps (top mode), or the fraction of the largest "
                      "magnitude used as threshold (relative mode)"));
  rhoHint_ = new QLabel(this);
  rhoHint_->setForegroundRole(QPalette::PlaceholderText);

  radius_ = new QDoubleSpinBox(this);
  radius_->setRange(0.0, 8192.0);
  radius_->setDecimals(1);
  radius_->setSingleStep(1.0);
  radius_->setSpecialValueText(tr("auto"));
  radius_->setSuffix(tr(" bins"));
  radius_->setToolTip(tr("Disc radius in frequency bins; auto = 16·min(H,W)/224 (MFM's 16 at 224 px)"));

  mode_ = new QComboBox(this);
  mode_->addItem(tr("Top ⌈ρ·N⌉"), int(folk::ThresholdMode::Top));
  mode_->addItem(tr("Relative ρ·max|F|"), int(folk::ThresholdMode::Relative));

  compare_ = new QCheckBox(tr("Compare Com and RCom"), this);
  compare_->setToolTip(tr("Show Com(ρ) and RCom(ρ) of the same image side by side"));
  overlay_ = new QCheckBox(tr("Mask overlay on spectrum"), this);
  overlay_->setToolTip(tr("Dim the removed coefficients on the spectrum"));
  colorMap_ = new QComboBox(this);
  for (const QString& name : ColorMap::names()) colorMap_->addItem(ColorMap::displayName(name), name);
  spectrumScale_ = new QComboBox(this);
  for (const auto& scale : spectrumScales())
    spectrumScale_->addItem(spectrumScaleLabel(scale.scale), QString::fromLatin1(scale.name));
  hann_ = new QCheckBox(tr("Hann window"), this);
  hann_->setToolTip(tr("Show the spectrum of the image tapered to zero at its borders, without the cross its "
                       "edges draw through the spectrum. For viewing only: the masks are computed on the "
                       "image as it is"));
  spectrumScale_->setToolTip(tr("How the spectrum's magnitudes become colours: log(1 + |F|) shows the whole range, "
                                "√|F| the strong coefficients, decibels the level below the largest one"));

  auto* form = new QFormLayout(this);
  form->setContentsMargins(0, 0, 0, 0);
  form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
  form->addRow(tr("Filter"), filter_);
  form->addRow(tr("ρ"), rho_);
  form->addRow(QString(), rhoHint_);
  form->addRow(tr("Threshold"), mode_);
  form->addRow(tr("Radius"), radius_);
  form->addRow(QString(), compare_);
  form->addRow(QString(), overlay_);
  form->addRow(tr("Colour map"), colorMap_);
  // One row for both, so the panel keeps its height (the window fits a 768-pixel screen).
  auto* spectrumRow = new QHBoxLayout;
  spectrumRow->setContentsMargins(0, 0, 0, 0);
  spectrumRow->addWidget(spectrumScale_, 1);
  spectrumRow->addWidget(hann_);
  form->addRow(tr("Spectrum scale"), spectrumRow);

  // Names for screen readers (the form's labels are not part of the controls).
  filter_->setAccessibleName(tr("Filter"));
  rho_->setAccessibleName(tr("Rho"));
  rho_->slider()->setAccessibleName(tr("Rho, logarithmic slider"));
  rho_->slider()->setAccessibleDescription(tr("The fraction of coefficients Com keeps"));
  rho_->spinBox()->setAccessibleName(tr("Rho"));
  radius_->setAccessibleName(tr("Disc radius"));
  mode_->setAccessibleName(tr("Threshold mode"));
  colorMap_->setAccessibleName(tr("Colour map of the spectrum"));
  spectrumScale_->setAccessibleName(tr("Scale of the spectrum"));

  auto spec = [this] {
    updateEnabled();
    if (!applying_) Q_EMIT specChanged();
  };
  auto display = [this] {
    if (!applying_) Q_EMIT displayChanged();
  };
  connect(filter_, &QComboBox::currentIndexChanged, this, spec);
  connect(rho_, &LogSlider::valueChanged, this, spec);
  connect(radius_, &QDoubleSpinBox::valueChanged, this, spec);
  connect(mode_, &QComboBox::currentIndexChanged, this, spec);
  connect(compare_, &QCheckBox::toggled, this, spec);
  connect(overlay_, &QCheckBox::toggled, this, display);
  connect(colorMap_, &QComboBox::currentIndexChanged, this, display);
  connect(spectrumScale_, &QComboBox::currentIndexChanged, this, display);
  connect(hann_, &QCheckBox::toggled, this, spec);  // a new spectrum is computed
  updateEnabled();
}

void ExploreControls::setSettings(const ExploreSettings& s) {
  applying_ = true;
  filter_->setCurrentIndex(filter_->findData(int(s.filter)));
  rho_->setValue(s.rho);
  radius_->setValue(s.radius > 0.0 ? s.radius : 0.0);
  mode_->setCurrentIndex(mode_->findData(int(s.mode)));
  compare_->setChecked(s.compare);
  overlay_->setChecked(s.overlay);
  const int map = colorMap_->findData(s.colorMap);
  colorMap_->setCurrentIndex(map >= 0 ? map : 0);
  const int scale = spectrumScale_->findData(s.spectrumScale);
  spectrumScale_->setCurrentIndex(scale >= 0 ? scale : 0);
  hann_->setChecked(s.hannWindow);
  applying_ = false;
  updateEnabled();
}

ExploreSettings ExploreControls::settings(const ExploreSettings& base) const {
  ExploreSettings s = base;
  s.filter = folk::FilterKind(filter_->currentData().toInt());
  s.rho = rho_->value();
  s.radius = radius_->value();
  s.mode = folk::ThresholdMode(mode_->currentData().toInt());
  s.compare = compare_->isChecked();
  s.overlay = overlay_->isChecked();
  s.colorMap = colorMap_->currentData().toString();
  s.spectrumScale = spectrumScale_->currentData().toString();
  s.hannWindow = hann_->isChecked();
  return s;
}

std::vector<folk::MaskSpec> ExploreControls::specs() const {
  const ExploreSettings s = settings();
  folk::MaskSpec spec;
  spec.kind = s.filter;
  spec.ratio = s.rho;
  spec.radius = s.radius > 0.0 ? s.radius : -1.0;
  spec.mode = s.mode;
  if (!s.compare) return {spec};
  spec.kind = folk::FilterKind::Com;
  folk::MaskSpec reverse = spec;
  reverse.kind = folk::FilterKind::RCom;
  return {spec, reverse};
}

void ExploreControls::setDefaultRadiusHint(double radius) {
  radius_->setSpecialValueText(tr("auto (%L1)").arg(radius, 0, 'f', 1));
}

void ExploreControls::updateEnabled() {
  const bool compare = compare_->isChecked();
  const auto kind = folk::FilterKind(filter_->currentData().toInt());
  const bool ratioBased = compare || folk::usesRatio(kind);
  filter_->setEnabled(!compare);
  rho_->setEnabled(ratioBased);
  mode_->setEnabled(ratioBased);
  radius_->setEnabled(!ratioBased);
  const bool top = folk::ThresholdMode(mode_->currentData().toInt()) == folk::ThresholdMode::Top;
  rhoHint_->setText(!ratioBased ? QString()
                    : top       ? tr("keep the ⌈ρ·N⌉ strongest (ties kept)")
                                : tr("keep |F| ≥ ρ·max|F|"));
}

}  // namespace folk::ui
