#pragma once
// Live training curves in stacked panels sharing the step axis: losses (log-y toggle), schedules
// (lr, EMA momentum and teacher temperature, each on its own y axis), self-distillation diagnostics
// (entropy and KL in nats against a reference line such as ln K, prototypes used, centre norm) and
// evaluation accuracies; a panel can be hidden (the others take its height). Each series is drawn twice: the raw values faintly, and a debiased exponential moving
// average on top (accuracies are not smoothed). Points are appended in batches and the plot
// redraws on a timer (at most every 100 ms, less often when a redraw is slow), never per point, so
// hundreds of thousands of points stay fluid (QCustomPlot samples dense line data adaptively).
// Clicking a legend entry hides / shows that series. A band series (a group of runs) is a mean line
// over a shaded band, e.g. the min-max of the group's runs at each step.
#include <QByteArray>
#include <QHash>
#include <QSet>
#include <QStringList>
#include <QTimer>
#include <QVector>

#include <limits>
#include <optional>

#include "widgets/qcustomplot_compat.h"

namespace folk::ui {

class TrainingCurves : public QCustomPlot {
  Q_OBJECT

 public:
  enum class Panel { Loss, Schedule, Diagnostics, Accuracy };

  explicit TrainingCurves(QWidget* parent = nullptr);

  // Declares a series; `axis` picks the y axis within the panel (0: left, 1: right, 2: second
  // right). Adding a key twice keeps the first declaration.
  void addSeries(const QString& key, const QString& label, Panel panel, int axis, const QColor& color);
  // A series drawn as its mean line over a band: the area between a lower and an upper graph,
  // filled translucently in the series' colour and smoothed like the line. Its points are replaced
  // as a whole (setBandPoints), not appended: a group's statistics change at earlier steps too
  // when one of its runs catches up.
  void addBandSeries(const QString& key, const QString& label, Panel panel, int axis, const QColor& color);
  // Replaces a band series' points (x increasing; a point with a non-finite value is skipped).
  void setBandPoints(const QString& key, const QVector<double>& x, const QVector<double>& mean,
                     const QVector<double>& lower, const QVector<double>& upper);
  // Whether `key` is a band series whose band is drawn (the upper graph filled down to the lower).
  bool hasBand(const QString& key) const;
  // A band series' raw lower and upper values (as set; empty for other series).
  QVector<double> bandLower(const QString& key) const;
  QVector<double> bandUpper(const QString& key) const;
  void removeSeries(const QString& key);

  // The title of a panel's left axis ("loss" until changed), e.g. the name of the metric it shows.
  void setPanelTitle(Panel panel, const QString& title);
  QString panelTitle(Panel panel) const;

  void setPanelVisible(Panel panel, bool visible);
  bool panelVisible(Panel panel) const;
  // A dashed horizontal line at y on the panel's axis, labelled; one per panel (a second call
  // replaces it). Automatic ranging keeps it in view.
  void setReferenceLine(Panel panel, int axis, double y, const QString& label);
  void clearReferenceLine(Panel panel);
  double referenceLine(Panel panel) const;  // NaN when there is none
  QStringList seriesKeys() const { return order_; }
  bool hasSeries(const QString& key) const { return series_.contains(key); }

  // Appends points (x increasing); non-finite values are skipped. Redraw happens later, batched.
  // Band series take setBandPoints instead.
  void appendPoint(const QString& key, double x, double y);
  void appendPoints(const QString& key, const QVector<double>& x, const QVector<double>& y);
  void clearData();
  int pointCount(const QString& key) const;
  double lastSmoothed(const QString& key) const;  // NaN when empty
  QString seriesLabel(const QString& key) const;  // as the legend shows it; empty when unknown

  // A series' raw (unsmoothed) value at a step: its last point at or before it, since a run logs
  // every few steps and evaluates every few hundred. A band series adds its band there.
  struct ValueAtStep {
    double step = std::numeric_limits<double>::quiet_NaN();  // of that point; NaN: none at or before
    double value = std::numeric_limits<double>::quiet_NaN();
    double lower = std::numeric_limits<double>::quiet_NaN();  // band series only
    double upper = std::numeric_limits<double>::quiet_NaN();
  };
  ValueAtStep valueAtStep(const QString& key, double step) const;
  double lastStep() const;  // the largest step of any series; NaN when there are no points

  // A vertical line at `step` across every panel, where the series are compared; NaN removes it.
  void setStepMarker(double step);
  double stepMarker() const { return stepMarker_; }

  // EMA weight of the past in [0, 0.999]; 0 shows the raw data only. Recomputes every series.
  void setSmoothing(double weight);
  double smoothing() const { return smoothing_; }
  void setLogLoss(bool log);
  bool logLoss() const { return logLoss_; }
  void setSeriesVisible(const QString& key, bool visible);
  bool seriesVisible(const QString& key) const;

  // Fits every axis to the visible data (also what a double click does).
  void rescaleToData();
  // Redraws now if points arrived since the last redraw; returns the milliseconds it took (0 if
  // nothing was pending). The timer calls this; tests and benchmarks may too.
  double flushReplot();
  // The shortest time between timer redraws; a redraw that takes t ms delays the next by 5 t.
  void setReplotIntervalMs(int ms) {
    minReplotIntervalMs_ = ms;
    timer_.setInterval(ms);
  }

  // Raw data of every series as CSV: step,<key>,... with empty cells where a series has no point;
  // a band series adds the columns "<key> min" and "<key> max" (its band's lower and upper values).
  bool exportCsv(const QString& path, QString* error = nullptr) const;
  bool exportImage(const QString& path, QString* error = nullptr);  // .png or .pdf by suffix
  // exportCsv for a .csv name, else exportImage.
  bool exportFile(const QString& path, QString* error = nullptr);
  // What exportFile writes to `path` (CSV, PNG or PDF by its suffix), drawn now without touching the
  // destination: the pages write these bytes off the GUI thread (writeBytes). Empty with the reason
  // for another suffix.
  std::optional<QByteArray> exportBytes(const QString& path, QString* error = nullptr);
  // Writes atomically (a failed write leaves no partial file); false with the reason.
  static bool writeBytes(const QString& path, const QByteArray& bytes, QString* error = nullptr);

  QSize sizeHint() const override { return {640, 520}; }

  // Shown over the empty panels while no series is declared (e.g. "select runs to compare").
  void setPlaceholderText(const QString& text);
  QString placeholderText() const { return placeholder_; }

 Q_SIGNALS:
  void replotted(double milliseconds);
  // A click inside a panel (pressed and released in place, not a drag): the step under the
  // pointer, rounded to a whole step.
  void stepPicked(double step);

 protected:
  void changeEvent(QEvent* event) override;  // follows palette changes (light / dark)
  void paintEvent(QPaintEvent* event) override;  // the placeholder text

 private:
  QByteArray csvBytes() const;
  struct Series {
    QString label;
    Panel panel = Panel::Loss;
    QCPGraph* raw = nullptr;
    QCPGraph* smooth = nullptr;
    QCPGraph* lower = nullptr;  // a band series' band: upper is filled down to lower
    QCPGraph* upper = nullptr;
    double ema = 0.0;     // biased EMA state
    double weightPow = 1.0;  // smoothing^n, for the debiasing 1 - smoothing^n
    QVector<double> xs, ys;  // raw copy, for export and re-smoothing
    QVector<double> lows, highs;  // a band series' raw band
  };
  // The debiased exponential moving average of `ys` with the weight a series of `panel` gets.
  QVector<double> smoothed(Panel panel, const QVector<double>& ys) const;
  void declare(const QString& key, const QString& label, Panel panel, int axis, const QColor& color, bool band);
  struct Reference {
    QCPItemStraightLine* line = nullptr;
    QCPItemText* text = nullptr;
    QCPAxis* axis = nullptr;
    double y = 0.0;
  };
  QCPAxisRect* panelRect(Panel panel) const;
  void relayout();
  QCPAxis* valueAxis(Panel panel, int axis);
  double smoothNext(Series& s, double y) const;
  void resmooth(Series& s);
  void onLegendClick(QCPLegend* legend, QCPAbstractLegendItem* item);
  void placeLegend();
  void setAxisTitle(QCPAxis* axis, const QString& title);
  bool fitAxesToPanels();

  QCPAxisRect* lossRect_;
  QCPAxisRect* scheduleRect_;
  QCPAxisRect* diagnosticsRect_;
  QCPAxisRect* accuracyRect_;
  QCPAxis* scheduleRight2_ = nullptr;
  QCPAxis* diagnosticsRight2_ = nullptr;
  QSet<int> hiddenPanels_;
  QHash<QCPAxis*, QString> axisTitles_;  // in full; the axis shows it elided to its panel's height
  QHash<int, Reference> references_;
  QVector<QCPItemStraightLine*> stepLines_;  // the step marker, one line per panel
  double stepMarker_ = std::numeric_limits<double>::quiet_NaN();
  QPoint pressedAt_{-1, -1};  // where the left button went down, for telling a click from a drag
  QHash<QString, Series> series_;
  QStringList order_;
  double smoothing_ = 0.9;
  bool logLoss_ = false;
  bool dirty_ = false;
  int minReplotIntervalMs_ = 100;
  bool autoRange_ = true;  // until the user zooms or pans
  QString placeholder_;
  QTimer timer_;
};

}  // namespace folk::ui
