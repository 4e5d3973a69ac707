#pragma once
// Marks English user-visible strings declared in core (metric and setting labels) for Qt's lupdate,
// which finds them by this macro name; core stays free of Qt. The GUI translates them with
// QCoreApplication::translate(context, text). Where a Qt header came first, Qt's identical
// definition is used.
#ifndef QT_TRANSLATE_NOOP
#define QT_TRANSLATE_NOOP(context, text) text
#endif
