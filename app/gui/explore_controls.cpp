#include "app/gui/explore_controls.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
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
                         "Low/high-pass keep/remove a centred disc of the given radius.\n"
                         "Gaussian and Butterworth filters weight each coefficient by a smooth function of its "
                         "distance D from the centre: low-pass and high-pass around the cut-off D₀ = the radius, "
                         "band-pass and band-stop around a ring of that radius and the band width."));
  // Hard masks first, then the soft families, each its own group.
  for (int i = 1; i < filter_->count(); ++i)
    if (folk::traitsOf(folk::FilterKind(filter_->itemData(i).toInt())).selection !=
        folk::traitsOf(folk::FilterKind(filter_->itemData(i - 1).toInt())).selection &&
        folk::isSoft(folk::FilterKind(filter_->itemData(i).toInt())))
      filter_->insertSeparator(i++);

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
  radius_->setToolTip(tr("In frequency bins: the disc's radius, the soft filters' cut-off D₀, or the centre C₀ of "
                         "a band; auto = 16·min(H,W)/224 (MFM's 16 at 224 px)"));

  order_ = new QDoubleSpinBox(this);
  order_->setRange(folk::kMinOrder, folk::kMaxOrder);
  order_->setDecimals(1);
  order_->setSingleStep(0.5);
  order_->setPrefix(tr("n ", "the Butterworth order's symbol before its value"));
  order_->setToolTip(tr("Order n of the Butterworth filters, 1 / (1 + (D/D₀)^2n): higher is a sharper edge, "
                        "closer to the disc"));
  bandWidth_ = new QDoubleSpinBox(this);
  bandWidth_->setRange(0.0, 8192.0);
  bandWidth_->setDecimals(1);
  bandWidth_->setSingleStep(0.5);
  bandWidth_->setSpecialValueText(tr("W auto", "the band width's symbol, then that it is chosen automatically"));
  bandWidth_->setPrefix(tr("W ", "the band width's symbol before its value"));
  bandWidth_->setToolTip(tr("The band's width W in frequency bins for band-pass and band-stop; auto = half the "
                            "radius"));

  brush_ = new QComboBox(this);
  brush_->addItem(tr("Off"), int(Brush::Off));
  brush_->addItem(tr("Pass"), int(Brush::Pass));
  brush_->addItem(tr("Stop"), int(Brush::Stop));
  brush_->addItem(tr("Erase"), int(Brush::Erase));
  brush_->setToolTip(tr("Draw on the spectrum with the left button: Pass keeps the coefficients under the brush, "
                        "Stop removes them, Erase gives them back to the filter. The conjugate partner of each "
                        "coefficient follows, so the filtered image stays real. Off: the left button pans"));
  brushRadius_ = new QDoubleSpinBox(this);
  brushRadius_->setRange(0.5, 512.0);
  brushRadius_->setDecimals(1);
  brushRadius_->setSingleStep(0.5);
  brushRadius_->setSuffix(tr(" bins"));
  brushRadius_->setToolTip(tr("The brush's radius in frequency bins"));
  clearDrawing_ = new QPushButton(tr("Clear"), this);
  clearDrawing_->setToolTip(tr("Remove every drawn region"));
  clearDrawing_->setEnabled(false);

  mode_ = new QComboBox(this);
  mode_->addItem(tr("Top ⌈ρ·N⌉"), int(folk::ThresholdMode::Top));
  mode_->addItem(tr("Relative ρ·max|F|"), int(folk::ThresholdMode::Relative));

  compare_ = new QCheckBox(tr("Compare Com and RCom"), this);
  compare_->setToolTip(tr("Show Com(ρ) and RCom(ρ) of the same image side by side"));
  overlay_ = new QCheckBox(tr("Mask overlay"), this);
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
  // The radius and the soft filters' shape in one row, the overlay beside the colour map, so the
  // panel keeps its height with the drawing row (the window fits a 768-pixel screen).
  auto* radiusRow = new QHBoxLayout;
  radiusRow->setContentsMargins(0, 0, 0, 0);
  radiusRow->addWidget(radius_, 1);
  radiusRow->addWidget(order_, 1);
  radiusRow->addWidget(bandWidth_, 1);
  form->addRow(tr("Radius"), radiusRow);
  auto* drawRow = new QHBoxLayout;
  drawRow->setContentsMargins(0, 0, 0, 0);
  drawRow->addWidget(brush_, 1);
  drawRow->addWidget(brushRadius_, 1);
  drawRow->addWidget(clearDrawing_);
  form->addRow(tr("Draw"), drawRow);
  form->addRow(QString(), compare_);
  auto* colourRow = new QHBoxLayout;
  colourRow->setContentsMargins(0, 0, 0, 0);
  colourRow->addWidget(colorMap_, 1);
  colourRow->addWidget(overlay_);
  form->addRow(tr("Colour map"), colourRow);
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
  radius_->setAccessibleName(tr("Radius"));
  order_->setAccessibleName(tr("Butterworth order"));
  bandWidth_->setAccessibleName(tr("Band width"));
  brush_->setAccessibleName(tr("Brush"));
  brushRadius_->setAccessibleName(tr("Brush radius"));
  clearDrawing_->setAccessibleName(tr("Clear the drawn regions"));
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
  connect(order_, &QDoubleSpinBox::valueChanged, this, spec);
  connect(bandWidth_, &QDoubleSpinBox::valueChanged, this, spec);
  auto brush = [this] {
    if (!applying_) Q_EMIT brushChanged();
  };
  connect(brush_, &QComboBox::currentIndexChanged, this, brush);
  connect(brushRadius_, &QDoubleSpinBox::valueChanged, this, brush);
  connect(clearDrawing_, &QPushButton::clicked, this, &ExploreControls::clearDrawingRequested);
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
  order_->setValue(s.order);
  bandWidth_->setValue(s.bandWidth > 0.0 ? s.bandWidth : 0.0);
  brushRadius_->setValue(s.brushRadius);
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
  s.order = order_->value();
  s.bandWidth = bandWidth_->value();
  s.brushRadius = brushRadius_->value();
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
  spec.order = s.order;
  spec.bandWidth = s.bandWidth > 0.0 ? s.bandWidth : -1.0;
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

ExploreControls::Brush ExploreControls::brush() const { return Brush(brush_->currentData().toInt()); }

double ExploreControls::brushRadius() const { return brushRadius_->value(); }

void ExploreControls::setDrawnCount(std::int64_t forced) {
  clearDrawing_->setEnabled(forced > 0);
  clearDrawing_->setToolTip(forced > 0 ? tr("Remove every drawn region (%Ln coefficient(s) forced now)", "", int(forced))
                                       : tr("Nothing is drawn"));
}

void ExploreControls::updateEnabled() {
  const bool compare = compare_->isChecked();
  const auto kind = folk::FilterKind(filter_->currentData().toInt());
  const bool ratioBased = compare || folk::usesRatio(kind);
  filter_->setEnabled(!compare);
  rho_->setEnabled(ratioBased);
  mode_->setEnabled(ratioBased);
  radius_->setEnabled(!ratioBased);
  order_->setEnabled(!compare && folk::usesOrder(kind));
  bandWidth_->setEnabled(!compare && folk::usesBandWidth(kind));
  const bool top = folk::ThresholdMode(mode_->currentData().toInt()) == folk::ThresholdMode::Top;
  rhoHint_->setText(!ratioBased ? QString()
                    : top       ? tr("keep the ⌈ρ·N⌉ strongest (ties kept)")
                                : tr("keep |F| ≥ ρ·max|F|"));
}

}  // namespace folk::ui
