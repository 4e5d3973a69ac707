#!/usr/bin/env python3
"""Checks that translations/folk_workbench_<lang>.ts are complete for the current sources.

lupdate runs over the sources listed in translations/lupdate-sources.txt into a temporary copy of
every .ts file (the files in the tree are not touched), so a tr() string that is new in the sources
shows up as an unfinished message. Fails (exit 1) with the list when any message is unfinished or empty, or when a
translation loses a placeholder (%1, %L1, %n) or the & of a menu accelerator; prints per-language
figures otherwise. Strings that left the sources but are still in a .ts file are only reported
(scripts/update-translations.sh drops them). Run by ctest as `translations_complete`.
"""
import argparse
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PLACEHOLDER = re.compile(r"%L?(\d+|n)")


def placeholders(text):
    return sorted(set(m.group(1) for m in PLACEHOLDER.finditer(text)))


def has_accelerator(text):
    return re.search(r"&(?!&|amp;|nbsp;|lt;|gt;)\S", text) is not None


def lupdate_sources():
    """The folders and files lupdate scans (translations/lupdate-sources.txt), as absolute paths."""
    with open(os.path.join(ROOT, "translations", "lupdate-sources.txt"), encoding="utf-8") as f:
        lines = [line.strip() for line in f]
    return [os.path.join(ROOT, line) for line in lines if line and not line.startswith("#")]


def check(path, lupdate):
    """Returns (figures line, problems, vanished) for one .ts file after a lupdate into a copy."""
    with tempfile.TemporaryDirectory() as tmp:
        copy = os.path.join(tmp, os.path.basename(path))
        shutil.copyfile(path, copy)
        # The same sources and alias as scripts/update-translations.sh.
        subprocess.run([lupdate, "-silent", "-locations", "none",
                        "-tr-function-alias", "QT_TRANSLATE_NOOP+=FOLK_TRANSLATE_NOOP", "-I", ROOT]
                       + lupdate_sources() + ["-ts", copy],
                       check=True)
        tree = ET.parse(copy)
    problems, vanished = [], []
    total = translated = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            kind = translation.get("type", "") if translation is not None else "unfinished"
            where = "%s: \"%s\"" % (name, source)
            if kind in ("vanished", "obsolete"):
                vanished.append(where)
                continue
            total += 1
            forms = [f.text or "" for f in translation.iter("numerusform")] if message.get("numerus") == "yes" \
                else [translation.text or ""]
            if kind == "unfinished":
                problems.append("unfinished   " + where)
                continue
            if any(not f.strip() for f in forms):
                problems.append("empty        " + where)
                continue
            wanted = placeholders(source)
            if message.get("numerus") == "yes" and "n" not in wanted:
                wanted = sorted(set(wanted) | {"n"})
            for f in forms:
                # A plural form may leave out %n ("the first image" for n = 1).
                found = placeholders(f)
                if message.get("numerus") == "yes" and "n" not in found:
                    found = sorted(set(found) | {"n"})
                if found != wanted:
                    problems.append("placeholders " + where + " -> \"%s\" (has %s, wants %s)" % (f, found, wanted))
                if has_accelerator(source) and not has_accelerator(f):
                    problems.append("accelerator  " + where + " -> \"%s\" (no &)" % f)
            translated += 1
    language = tree.getroot().get("language", "?")
    figures = "%s (%s): %d source strings, %d translated, %d unfinished" % (
        os.path.basename(path), language, total, translated, total - translated)
    return figures, problems, vanished


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lupdate", default=os.environ.get("LUPDATE", "/usr/lib/qt6/bin/lupdate"),
                        help="Qt 6's lupdate (default: $LUPDATE or /usr/lib/qt6/bin/lupdate)")
    args = parser.parse_args()
    files = sorted(glob.glob(os.path.join(ROOT, "translations", "folk_workbench_*.ts")))
    if not files:
        print("no translations/folk_workbench_*.ts files")
        return 1
    failed = False
    for path in files:
        figures, problems, vanished = check(path, args.lupdate)
        print(figures)
        for v in vanished:
            print("  no longer in the sources (scripts/update-translations.sh drops it): " + v)
        for p in problems:
            print("  " + p)
        failed = failed or bool(problems)
    if failed:
        print("\nTranslations are incomplete: run scripts/update-translations.sh, translate the messages "
              "listed above in translations/*.ts (see translations/README.md), and build again.")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
