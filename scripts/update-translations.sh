#!/usr/bin/env bash
# Collects every translatable string (tr(), QT_TR_NOOP, QCoreApplication::translate) of app/gui
# and widgets/, and the labels that core declares with FOLK_TRANSLATE_NOOP (the settings registry,
# the step metrics: the sources listed in translations/lupdate-sources.txt), into translations/folk_workbench_<lang>.ts: new strings are
# added unfinished, strings gone from the sources are dropped, translations of the others are
# kept. Then translate the new ones (Qt Linguist: `linguist translations/folk_workbench_de.ts`, or
# any editor) and check with scripts/check-translations.py. Also the build target `update_translations`.
#   scripts/update-translations.sh            # every language in translations/
#   scripts/update-translations.sh fr         # also start translations/folk_workbench_fr.ts
# LUPDATE may name Qt 6's lupdate (Debian's /usr/bin/lupdate is qtchooser's, which picks Qt 5).
set -euo pipefail
cd "$(dirname "$0")/.."
LUPDATE=${LUPDATE:-/usr/lib/qt6/bin/lupdate}
[ -x "$LUPDATE" ] || LUPDATE=$(command -v lupdate6 || command -v lupdate)

shopt -s nullglob
ts_files=(translations/folk_workbench_*.ts)
for lang in "$@"; do
  new="translations/folk_workbench_${lang}.ts"
  [[ " ${ts_files[*]} " == *" $new "* ]] || ts_files+=("$new")
done
# No source locations in the .ts files: edits elsewhere in a file then never touch them.
mapfile -t sources < <(grep -vE '^[[:space:]]*(#|$)' translations/lupdate-sources.txt)
# Core (no Qt) marks its labels with FOLK_TRANSLATE_NOOP (core/util/translatable.h).
"$LUPDATE" -silent -locations none -no-obsolete -tr-function-alias QT_TRANSLATE_NOOP+=FOLK_TRANSLATE_NOOP \
  -I . "${sources[@]}" -ts "${ts_files[@]}"
for ts in "${ts_files[@]}"; do
  total=$(grep -c '<source>' "$ts" || true)
  unfinished=$(grep -c 'type="unfinished"' "$ts" || true)
  echo "$ts: $total source strings, $unfinished unfinished"
done
