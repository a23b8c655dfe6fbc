#!/usr/bin/env bash
# End to end: `cmake --install` into a temporary prefix puts the app in place like a desktop
# app (binary, plans, sounds, music, .desktop file, AppStream metainfo, icon, man page,
# README); the installed binary, even after its prefix is moved, finds its own assets without
# environment variables and runs a short headless session that is logged.
. "$(dirname "$0")/lib.sh"
BUILD=$(dirname "$BIN")
PREFIX=$WORK/prefix

check "cmake --install into a temporary prefix" cmake --install "$BUILD" --prefix "$PREFIX" >/dev/null
for f in bin/safebase share/safebase/sounds/chime.wav share/safebase/sounds/ending-soon.wav \
         share/safebase/sounds/end.wav share/safebase/music/safebase-calm.ogg \
         share/applications/org.safebase.SafeBase.desktop share/metainfo/org.safebase.SafeBase.metainfo.xml \
         share/icons/hicolor/scalable/apps/safebase.svg \
         share/man/man1/safebase.1 share/doc/safebase/README.md share/doc/safebase/plan-format.md; do
  check "installed: $f" test -s "$PREFIX/$f"
done
check "installed: the six built-in plans" test "$(ls "$PREFIX"/share/safebase/plans/*.plan | wc -l)" -eq 6
check "the binary is executable" test -x "$PREFIX/bin/safebase"

# the desktop file and the icon
if command -v desktop-file-validate >/dev/null; then
  check "desktop-file-validate passes" desktop-file-validate "$PREFIX/share/applications/org.safebase.SafeBase.desktop"
else
  fail "desktop-file-validate is missing (tools/setup.sh installs desktop-file-utils)"
fi
check "the desktop entry runs safebase with the safebase icon" \
  grep -qx 'Exec=safebase %f' "$PREFIX/share/applications/org.safebase.SafeBase.desktop"
check "... and names the icon" grep -qx 'Icon=safebase' "$PREFIX/share/applications/org.safebase.SafeBase.desktop"
check "the icon is a square SVG" python3 -c '
import sys, xml.etree.ElementTree as ET
r = ET.parse(sys.argv[1]).getroot()
vb = r.get("viewBox").split()
sys.exit(0 if r.tag.endswith("svg") and vb[2] == vb[3] else 1)' "$PREFIX/share/icons/hicolor/scalable/apps/safebase.svg"

# the man page: renders without warnings and lists every option --help lists
MAN=$PREFIX/share/man/man1/safebase.1
if command -v man >/dev/null; then
  check "the man page renders without warnings" test -z "$(man --warnings -l "$MAN" 2>&1 >/dev/null)"
fi
for opt in $("$BIN" --help | grep -Eo -- '--[a-z][a-z-]+' | sort -u); do
  check "the man page lists $opt" grep -q -- "${opt//-/\\\\-}" "$MAN"
done

# --version is CMake's project version
version=$(sed -nE 's/^project\(safebase VERSION ([0-9.]+).*/\1/p' "$SRC/CMakeLists.txt")
check "--version prints $version (CMakeLists.txt)" test "$("$PREFIX/bin/safebase" --version)" = "safebase $version"

# moved elsewhere, the installed binary still finds its own assets (a plan only it has)
mv "$PREFIX" "$WORK/moved"
PREFIX=$WORK/moved
sed 's/^title = .*/title = Installed only/' "$SRC/tests/e2e/short.plan" >"$PREFIX/share/safebase/plans/installed-only.plan"
check "the moved install lists its own plans" grep -q '^installed-only .*Installed only' <(env -u SAFEBASE_ASSETS "$PREFIX/bin/safebase" --list)
SDL_DISKAUDIOFILE=$WORK/inst.raw timeout 60 env -u SAFEBASE_ASSETS "$PREFIX/bin/safebase" \
  --plan installed-only --start --exit-at-end --log "$WORK/log.csv" >"$WORK/inst.out" 2>"$WORK/inst.err"
check "a headless session runs from the installed binary" test $? -eq 0
check "... and is logged as completed" test "$(csv_field "$WORK/log.csv" 3),$(csv_field "$WORK/log.csv" 7)" = "Installed only,completed"
check "... with no warning about missing sounds or music" bash -c "! grep -Eq 'Cannot load|Skipping|Music \"' '$WORK/inst.err'"
check "... and the installed cue sounds and music were heard" above "$(audio_stat "$WORK/inst.raw" rms_db)" -50

# assets that are not there: said, not silent
mkdir -p "$WORK/empty"
SAFEBASE_ASSETS=$WORK/empty "$PREFIX/bin/safebase" --list >/dev/null 2>"$WORK/empty.err"
check "missing built-in plans are reported with the folder" grep -q "no built-in plans in $WORK/empty/plans" "$WORK/empty.err"
finish
