#pragma once
// Gives a QCustomPlot the colours of a QPalette (background, axes, ticks, labels, grid, legend,
// title text), so plots stay readable with light and dark palettes. The plot widgets call it when
// they are built and on every QEvent::PaletteChange.
#include <QPalette>

class QCustomPlot;

namespace folk::ui {

void applyPlotPalette(QCustomPlot* plot, const QPalette& palette);

// True when the palette's window colour is dark.
bool isDarkPlotPalette(const QPalette& palette);

}  // namespace folk::ui
