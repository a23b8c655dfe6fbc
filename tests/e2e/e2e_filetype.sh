#!/usr/bin/env bash
# End to end: the plan file type. Installed into a temporary prefix, the shared-mime-info
# package makes *.plan application/x-safebase-plan and the desktop entry opens it, as the real
# tools (update-mime-database, update-desktop-database, xdg-mime) see them; the installed
# binary given a plan file as its one plain argument runs and logs that plan's session.
. "$(dirname "$0")/lib.sh"
for tool in xdg-mime update-mime-database; do
  if ! command -v "$tool" >/dev/null; then
    echo "SKIP: $tool is not installed (tools/setup.sh installs xdg-utils and shared-mime-info)"
    exit 77
  fi
done
BUILD=$(dirname "$BIN")
PREFIX=$WORK/prefix
SHARE=$PREFIX/share
MIME=application/x-safebase-plan

check "cmake --install into a temporary prefix" cmake --install "$BUILD" --prefix "$PREFIX" >/dev/null
check "installed: the MIME package share/mime/packages/safebase.xml" test -s "$SHARE/mime/packages/safebase.xml"
check "... declares $MIME with the *.plan glob" python3 -c '
import sys, xml.etree.ElementTree as ET
ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
t = ET.parse(sys.argv[1]).getroot().find("m:mime-type[@type=\"application/x-safebase-plan\"]", ns)
ok = (t is not None and t.find("m:comment", ns).text == "Safe Base plan"
      and t.find("m:glob[@pattern=\"*.plan\"]", ns) is not None
      and t.find("m:sub-class-of[@type=\"text/plain\"]", ns) is not None)
sys.exit(0 if ok else 1)' "$SHARE/mime/packages/safebase.xml"
DESKTOP_ID=org.safebase.SafeBase.desktop
DESKTOP=$SHARE/applications/$DESKTOP_ID
if command -v desktop-file-validate >/dev/null; then
  check "desktop-file-validate passes on the installed entry" desktop-file-validate "$DESKTOP"
else
  fail "desktop-file-validate is missing (tools/setup.sh installs desktop-file-utils)"
fi
check "the desktop entry handles $MIME" grep -qx "MimeType=$MIME;" "$DESKTOP"
check "... and passes the file on (Exec=safebase %f)" grep -qx 'Exec=safebase %f' "$DESKTOP"

# the databases, as a package's hooks would build them, seen by xdg-mime through the XDG
# folders alone: a private HOME (lib.sh), the prefix's share first, no desktop's own tools
export XDG_DATA_DIRS=$SHARE:/usr/local/share:/usr/share XDG_CONFIG_DIRS=$WORK/xdg-config
check "update-mime-database builds the prefix's MIME database" update-mime-database "$SHARE/mime"
if command -v update-desktop-database >/dev/null; then
  check "update-desktop-database builds the prefix's desktop database" \
    update-desktop-database "$SHARE/applications"
  check "... which lists $DESKTOP_ID for $MIME" \
    grep -qx "$MIME=$DESKTOP_ID;" "$SHARE/applications/mimeinfo.cache"
else
  fail "update-desktop-database is missing (tools/setup.sh installs desktop-file-utils)"
fi
cp "$SRC/tests/e2e/short.plan" "$WORK/some.plan"
xdg() {
  env -u XDG_CURRENT_DESKTOP -u DESKTOP_SESSION -u GNOME_DESKTOP_SESSION_ID -u KDE_FULL_SESSION \
    -u XDG_MENU_PREFIX xdg-mime "$@" 2>"$WORK/xdg.err"
}
type=$(xdg query filetype "$WORK/some.plan")
check "xdg-mime query filetype some.plan prints $MIME" test "$type" = "$MIME"
[ "$type" = "$MIME" ] || echo "  it printed \"$type\"$(command -v mimetype >/dev/null ||
  echo ' (no mimetype: tools/setup.sh installs libfile-mimeinfo-perl, which xdg-mime needs outside a desktop)')" >&2
default=$(xdg query default "$MIME")
check "xdg-mime query default $MIME prints $DESKTOP_ID" test "$default" = "$DESKTOP_ID"
[ "$default" = "$DESKTOP_ID" ] || echo "  it printed \"$default\"" >&2

# the installed binary, given the plan file as its plain argument, runs that plan
LOG=$WORK/log.csv
SDL_DISKAUDIOFILE=$WORK/file.raw timeout 60 env -u SAFEBASE_ASSETS "$PREFIX/bin/safebase" \
  --start --exit-at-end "$WORK/some.plan" --log "$LOG" >"$WORK/file.out" 2>"$WORK/file.err"
rc=$?
check "safebase --start --exit-at-end FILE.plan exits 0" test $rc -eq 0
[ $rc -eq 0 ] || { echo "  exit $rc; it said:" >&2; grep -v '^CRITICAL:' "$WORK/file.err" | head -5 >&2; }
check "... and logs one session" test "$( [ -f "$LOG" ] && tail -n +2 "$LOG" | wc -l)" = 1
check "... with that plan's title, completed" \
  test "$( [ -f "$LOG" ] && echo "$(csv_field "$LOG" 3),$(csv_field "$LOG" 7)")" = "Short test, with a comma,completed"
finish
