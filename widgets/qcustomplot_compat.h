#pragma once
// QCustomPlot's header uses Qt's lower-case keywords (signals, slots, emit, foreach), which the
// project turns off with QT_NO_KEYWORDS because LibTorch uses `slots` as an identifier. Include
// QCustomPlot through this header only: the keywords exist just while qcustomplot.h is read.
#include <QtGlobal>

#if defined(QT_NO_KEYWORDS)
#define signals Q_SIGNALS
#define slots Q_SLOTS
#define emit Q_EMIT
#define foreach Q_FOREACH
#include <qcustomplot.h>
#undef signals
#undef slots
#undef emit
#undef foreach
#else
#include <qcustomplot.h>
#endif
