#pragma once
// Marks a label, unit or tooltip that core declares (settings, step metrics) for translation. core
// has no Qt, so this is the plain English text; lupdate reads it as QT_TRANSLATE_NOOP
// (scripts/update-translations.sh passes -tr-function-alias) and the app translates it with
// QCoreApplication::translate(context, text).
#define FOLK_TRANSLATE_NOOP(context, text) text
