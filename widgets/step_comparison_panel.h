#pragma once
// "Compare at step" under a TrainingCurves: a check box and a step field that put the curves' step
// marker at a step, and the table of every run and group plotted, read at that step
// (StepComparisonModel). A click in a panel of the curves picks the step under the pointer. The
// table is copied with Ctrl+C or its Copy button (tab-separated, for a spreadsheet or a paper's
// notes). While the check box is off the panel is one row of controls.
#include <QWidget>

class QCheckBox;
class QPushButton;
class QSpinBox;
class QTableView;

namespace folk::ui {

class StepComparisonModel;
class TrainingCurves;

class StepComparisonPanel : public QWidget {
  Q_OBJECT

 public:
  explicit StepComparisonPanel(TrainingCurves* curves, QWidget* parent = nullptr);

  // Compares at `step` (the check box on, the marker there); NaN turns the comparison off.
  void setStep(double step);
  double step() const;  // NaN while off
  StepComparisonModel* model() const { return model_; }
  QTableView* table() const { return table_; }
  QCheckBox* toggle() const { return toggle_; }
  QSpinBox* stepField() const { return stepField_; }
  // Puts the table on the clipboard (StepComparisonModel::tableText).
  void copyTable() const;

 Q_SIGNALS:
  void stepChanged(double step);  // NaN: the comparison was turned off

 private:
  void apply();  // the check box and field -> the model and the marker
  void fitTableHeight();

  TrainingCurves* curves_;
  StepComparisonModel* model_;
  QCheckBox* toggle_;
  QSpinBox* stepField_;
  QPushButton* copy_;
  QTableView* table_;
};

}  // namespace folk::ui
