#include "widgets/step_comparison_panel.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>
#include <climits>
#include <cmath>
#include <limits>

#include "widgets/step_comparison_model.h"
#include "widgets/training_curves.h"

namespace folk::ui {

namespace {
constexpr int kVisibleRows = 5;  // more rows scroll: the curves keep most of the height
}

StepComparisonPanel::StepComparisonPanel(TrainingCurves* curves, QWidget* parent)
    : QWidget(parent), curves_(curves), model_(new StepComparisonModel(curves, this)) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  auto* row = new QHBoxLayout;
  toggle_ = new QCheckBox(tr("Compare at step"), this);
  toggle_->setToolTip(tr("Read every selected run and group at one step: the last value each logged at or before "
                         "it. A click on the curves picks the step."));
  stepField_ = new QSpinBox(this);
  stepField_->setRange(0, INT_MAX);
  stepField_->setGroupSeparatorShown(true);
  stepField_->setAccessibleName(tr("Step to compare at"));
  stepField_->setEnabled(false);
  copy_ = new QPushButton(tr("Copy"), this);
  copy_->setToolTip(tr("Copy the table as tab-separated text"));
  copy_->setEnabled(false);
  row->addWidget(toggle_);
  row->addWidget(stepField_);
  row->addWidget(copy_);
  row->addStretch(1);
  layout->addLayout(row);

  table_ = new QTableView(this);
  table_->setModel(model_);
  table_->setAccessibleName(tr("The selected runs and groups at the compared step"));
  table_->setSelectionBehavior(QAbstractItemView::SelectRows);
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table_->verticalHeader()->hide();
  table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  table_->setVisible(false);
  auto* copyAction = new QAction(tr("Copy"), table_);
  copyAction->setShortcut(QKeySequence::Copy);
  copyAction->setShortcutContext(Qt::WidgetShortcut);
  connect(copyAction, &QAction::triggered, this, &StepComparisonPanel::copyTable);
  table_->addAction(copyAction);
  table_->setContextMenuPolicy(Qt::ActionsContextMenu);
  layout->addWidget(table_);

  connect(toggle_, &QCheckBox::toggled, this, [this](bool on) {
    // Turned on without a step chosen: the furthest step the curves reach.
    if (on && stepField_->value() == 0) {
      const double last = curves_->lastStep();
      if (std::isfinite(last)) {
        const QSignalBlocker blocker(stepField_);
        stepField_->setValue(int(std::clamp(last, 0.0, double(INT_MAX))));
      }
    }
    apply();
  });
  connect(stepField_, qOverload<int>(&QSpinBox::valueChanged), this, [this] { apply(); });
  connect(copy_, &QPushButton::clicked, this, &StepComparisonPanel::copyTable);
  connect(curves_, &TrainingCurves::stepPicked, this, [this](double step) { setStep(std::max(0.0, step)); });
  // New points (a run that trains, a read that continues) change the values at the step.
  connect(curves_, &TrainingCurves::replotted, this, [this] {
    if (toggle_->isChecked()) model_->refresh();
  });
  connect(model_, &QAbstractItemModel::modelReset, this, &StepComparisonPanel::fitTableHeight);
}

void StepComparisonPanel::setStep(double step) {
  {
    const QSignalBlocker toggleBlocker(toggle_);
    const QSignalBlocker fieldBlocker(stepField_);
    toggle_->setChecked(std::isfinite(step));
    if (std::isfinite(step)) stepField_->setValue(int(std::clamp(std::round(step), 0.0, double(INT_MAX))));
  }
  apply();
}

double StepComparisonPanel::step() const {
  return toggle_->isChecked() ? double(stepField_->value()) : std::numeric_limits<double>::quiet_NaN();
}

void StepComparisonPanel::copyTable() const {
  if (toggle_->isChecked()) QApplication::clipboard()->setText(model_->tableText());
}

void StepComparisonPanel::apply() {
  const double at = step();
  const bool on = std::isfinite(at);
  stepField_->setEnabled(on);
  copy_->setEnabled(on);
  table_->setVisible(on);
  model_->setStep(at);
  curves_->setStepMarker(at);
  fitTableHeight();
  Q_EMIT stepChanged(at);
}

void StepComparisonPanel::fitTableHeight() {
  // As tall as its rows, up to kVisibleRows; the curves above keep the rest.
  const int rows = std::clamp(model_->rowCount(), 1, kVisibleRows);
  const int height = table_->horizontalHeader()->sizeHint().height() + rows * table_->verticalHeader()->defaultSectionSize() +
                     2 * table_->frameWidth();
  table_->setFixedHeight(height);
}

}  // namespace folk::ui
