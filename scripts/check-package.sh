#!/usr/bin/env bash
# Builds the Debian package from a configured build folder and checks it (scripts/run-tests.sh
# runs this after ctest, so .ci/run does too):
#   scripts/check-package.sh [BUILD_DIR]        (default: build/release, as scripts/build.sh makes)
#
#  1. cpack -G DEB  -> BUILD_DIR/packages/folk-workbench_<version>_amd64.deb (builds what is missing)
#  2. the package's Depends name the Debian runtime packages and are all installed here
#  3. desktop-file-validate and appstreamcli validate --no-net on the files the package ships
#  4. lintian on the package: no errors (E:) and no warnings (W:); every tag is printed
#  5. the package extracted into a scratch root (dpkg -x; the machine is not changed): its
#     usr/bin/folk --version, and its usr/bin/folk-workbench started offscreen, which quits by
#     itself once the window shows the sample photos (the --screenshot option of app/gui/main.cpp)
#  6. cmake --install BUILD_DIR --prefix <scratch> installs the same files as the package
# Needs the Debian packages that scripts/setup-debian.sh installs. Exits non-zero, saying why, on
# the first failed check; scratch files go to a temporary folder that is removed at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:-build/release}"
app_id="io.github.folk_workbench.FolkWorkbench"
started=$(date +%s)

fail() { echo "check-package: FAILED: $*" >&2; exit 1; }
step() { echo "check-package: [$(($(date +%s) - started)) s] $*"; }

[ -f "$build/CPackConfig.cmake" ] ||
  fail "$build/CPackConfig.cmake is missing: configure and build first (scripts/build.sh release)"
for tool in cpack dpkg-deb dpkg-shlibdeps dpkg-checkbuilddeps desktop-file-validate appstreamcli lintian file; do
  command -v "$tool" >/dev/null || fail "$tool not found: run scripts/setup-debian.sh"
done
version=$(sed -n 's/^set(CPACK_PACKAGE_VERSION "\(.*\)")$/\1/p' "$build/CPackConfig.cmake")
[ -n "$version" ] || fail "no CPACK_PACKAGE_VERSION in $build/CPackConfig.cmake"
arch=$(dpkg --print-architecture)

scratch=$(mktemp -d "${TMPDIR:-/tmp}/folk-check-package.XXXXXX")
trap 'rm -rf "$scratch"' EXIT

# The version lives in the top-level CMakeLists.txt; the hand-written release notes must follow it.
head -1 packaging/changelog | grep -q "^folk-workbench ($version) " ||
  fail "packaging/changelog does not start with an entry for version $version: add one"
grep -q "<release version=\"$version\"" "packaging/$app_id.metainfo.xml" ||
  fail "packaging/$app_id.metainfo.xml has no <release version=\"$version\">: add one"

# One licence everywhere: CPack's, the copyright file's for Files: *, the metainfo's.
licence=$(sed -n 's/^set(CPACK_RPM_PACKAGE_LICENSE "\(.*\)")$/\1/p' "$build/CPackConfig.cmake")
[ -n "$licence" ] || fail "no CPACK_RPM_PACKAGE_LICENSE in $build/CPackConfig.cmake"
copyright_licence=$(awk '/^Files: \*$/{f=1} f && /^License:/{print $2; exit}' packaging/copyright)
[ "$copyright_licence" = "$licence" ] ||
  fail "packaging/copyright says License: $copyright_licence for Files: *, CPack says $licence"
grep -q "<project_license>$licence</project_license>" "packaging/$app_id.metainfo.xml" ||
  fail "packaging/$app_id.metainfo.xml has no <project_license>$licence</project_license>"

# --- 1. the package -------------------------------------------------------------------------------
step "cpack -G DEB (version $version)"
out="$build/packages"
deb="$out/folk-workbench_${version}_${arch}.deb"
rm -f "$deb"
if ! cpack --config "$build/CPackConfig.cmake" -G DEB -B "$out" >"$scratch/cpack.log" 2>&1; then
  cat "$scratch/cpack.log" >&2
  fail "cpack -G DEB"
fi
[ -f "$deb" ] || { cat "$scratch/cpack.log" >&2; ls -l "$out" >&2; fail "cpack made no $deb"; }
size_kib=$(($(stat -c %s "$deb") / 1024))
installed_kib=$(dpkg-deb -f "$deb" Installed-Size)
step "built $deb: $size_kib KiB, $installed_kib KiB installed"

# --- 2. Depends -----------------------------------------------------------------------------------
depends=$(dpkg-deb -f "$deb" Depends)
echo "  Depends: $depends"
echo "  Recommends: $(dpkg-deb -f "$deb" Recommends)"
echo "  Suggests: $(dpkg-deb -f "$deb" Suggests)"
for needed in libtorch1.13 libqt6widgets6 libqt6gui6 libqt6core6 libqcustomplot2.1-qt6 libopencv-core libopencv-imgproc \
  libopencv-imgcodecs libfftw3-double3 libfftw3-single3 zlib1g libgomp1 libopenblas0-pthread qt6-qpa-plugins libqt6svg6 \
  libc6 libstdc++6; do
  grep -Fq ", $needed" <<<", $depends" || fail "Depends lacks $needed: $depends"
done
# Every dependency must be a real Debian package, installed here (so step 5 tests what a user gets).
printf 'Source: folk-workbench-depends\n\n' >"$scratch/control"
dpkg-checkbuilddeps -d "$depends" "$scratch/control" ||
  fail "the package's Depends are not satisfied on this machine (see above)"

# --- 3. desktop entry and AppStream metainfo, as shipped -----------------------------------------
root="$scratch/root"
dpkg-deb -x "$deb" "$root"
step "desktop-file-validate, appstreamcli validate --no-net"
desktop="$root/usr/share/applications/$app_id.desktop"
metainfo="$root/usr/share/metainfo/$app_id.metainfo.xml"
[ -f "$desktop" ] || fail "the package has no usr/share/applications/$app_id.desktop"
[ -f "$metainfo" ] || fail "the package has no usr/share/metainfo/$app_id.metainfo.xml"
desktop-file-validate "$desktop" >"$scratch/dfv.log" 2>&1 || { cat "$scratch/dfv.log" >&2; fail "desktop-file-validate"; }
if grep -Eq "error|warning" "$scratch/dfv.log"; then cat "$scratch/dfv.log" >&2; fail "desktop-file-validate warns"; fi
cat "$scratch/dfv.log"
appstreamcli validate --no-net "$metainfo" >"$scratch/as.log" 2>&1 || { cat "$scratch/as.log" >&2; fail "appstreamcli validate --no-net"; }
sed 's/^/  /' "$scratch/as.log"
icon=$(sed -n 's/^Icon=//p' "$desktop")
[ "$icon" = "$app_id" ] || fail "desktop Icon=$icon, expected $app_id"
[ -f "$root/usr/share/icons/hicolor/scalable/apps/$icon.svg" ] || fail "no scalable icon $icon.svg in the package"
for size in 16 32 48 64 128 256; do
  png="$root/usr/share/icons/hicolor/${size}x${size}/apps/$icon.png"
  [ -f "$png" ] || fail "no ${size}x${size} icon in the package"
  file -b "$png" | grep -q "PNG image data, $size x $size," || fail "$png is not a ${size}x${size} PNG: $(file -b "$png")"
done
for page in folk folk-workbench; do
  [ -f "$root/usr/share/man/man1/$page.1.gz" ] || fail "no man page usr/share/man/man1/$page.1.gz in the package"
done

# --- 4. lintian -----------------------------------------------------------------------------------
step "lintian"
# Exit status 1 with E: or W: tags means errors or warnings; any other failure means lintian itself
# did not run.
set +e
lintian --tag-display-limit 0 --display-info --fail-on error,warning "$deb" >"$scratch/lintian.log" 2>&1
rc=$?
set -e
grep -v '^running with root privileges is not recommended!$' "$scratch/lintian.log" | sed 's/^/  /'
if grep -q '^[EW]: ' "$scratch/lintian.log"; then fail "lintian reports errors (E:) or warnings (W:) on $deb"; fi
[ "$rc" -eq 0 ] || fail "lintian exited $rc without reporting an error or warning tag (it did not run properly)"
echo "  lintian: $(grep -c '^E: ' "$scratch/lintian.log" || true) errors, $(grep -c '^W: ' "$scratch/lintian.log" || true) warnings, $(grep -c '^I: ' "$scratch/lintian.log" || true) info"

# --- 5. the installed programs run ----------------------------------------------------------------
for prog in folk folk-workbench; do
  f="$root/usr/bin/$prog"
  [ -x "$f" ] || fail "the package has no usr/bin/$prog"
  if readelf -d "$f" | grep -Eq 'R(UN)?PATH'; then fail "usr/bin/$prog has an RPATH: $(readelf -d "$f" | grep -E 'R(UN)?PATH')"; fi
  file -b "$f" | grep -q ', stripped' || fail "usr/bin/$prog is not stripped: $(file -b "$f")"
done
step "usr/bin/folk --version"
# A fresh HOME: nothing of the user's settings is read or written.
export HOME="$scratch/home" XDG_CONFIG_HOME="$scratch/home/.config" XDG_RUNTIME_DIR="$scratch/runtime"
mkdir -p "$HOME" "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
v=$("$root/usr/bin/folk" --version) || fail "usr/bin/folk --version exited $?"
echo "$v" | sed 's/^/  /'
[ "$(head -1 <<<"$v")" = "folk $version" ] || fail "usr/bin/folk --version printed '$(head -1 <<<"$v")', expected 'folk $version'"

step "usr/bin/folk-workbench, offscreen, until it quits by itself"
# --screenshot waits (up to 60 s) until Explore shows the sample photos, saves the window and exits
# 0 through QApplication::exit. The timeout only guards against a hang: it counts as a failure.
set +e
(cd "$scratch" && QT_QPA_PLATFORM=offscreen timeout -k 10 180 "$root/usr/bin/folk-workbench" --screenshot "$scratch/window.png") \
  >"$scratch/gui.log" 2>&1
rc=$?
set -e
sed 's/^/  /' "$scratch/gui.log"
[ "$rc" -ne 124 ] && [ "$rc" -ne 137 ] || fail "usr/bin/folk-workbench did not quit within 180 s (killed)"
[ "$rc" -eq 0 ] || fail "usr/bin/folk-workbench exited $rc"
file -b "$scratch/window.png" | grep -q '^PNG image data' || fail "usr/bin/folk-workbench saved no window image"
echo "  window: $(file -b "$scratch/window.png")"

# --- 6. cmake --install: the same files -----------------------------------------------------------
step "cmake --install $build --prefix <scratch>"
cmake --install "$build" --prefix "$scratch/prefix" >"$scratch/install.log" 2>&1 ||
  { cat "$scratch/install.log" >&2; fail "cmake --install"; }
(cd "$root/usr" && find . -mindepth 1 \( -type f -o -type l \) | sort) >"$scratch/deb.files"
(cd "$scratch/prefix" && find . -mindepth 1 \( -type f -o -type l \) | sort) >"$scratch/install.files"
if ! diff -u "$scratch/deb.files" "$scratch/install.files" >"$scratch/files.diff"; then
  cat "$scratch/files.diff" >&2
  fail "cmake --install and the package install different files (- package, + cmake --install)"
fi
echo "  $(wc -l <"$scratch/deb.files") files, the same in both:"
sed 's/^\./  \/usr/' "$scratch/deb.files"

step "all package checks passed: $deb ($size_kib KiB)"
