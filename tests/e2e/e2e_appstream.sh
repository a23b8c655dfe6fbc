#!/usr/bin/env bash
# End to end: Safe Base as software centres see it. The AppStream metainfo passes
# `appstreamcli validate --no-net --pedantic` (the one issue allowed is said below), the
# desktop file passes desktop-file-validate, and they agree: the metainfo's <id> is the
# desktop file's stem, its <launchable> the installed desktop file, its categories, binary and
# MIME type the desktop file's, its newest release CMakeLists.txt's version, and every
# screenshot it names is in data/screenshots/ with the size it claims. Installed into a
# temporary prefix, `appstreamcli validate-tree` finds the pair where software centres look.
. "$(dirname "$0")/lib.sh"
ID=org.safebase.SafeBase
META=$SRC/data/$ID.metainfo.xml
DESKTOP=$SRC/data/$ID.desktop
SHOTS=$SRC/data/screenshots
# The component ID is fixed (the brief's reverse-DNS name, with the capitals of the app's
# name, as Flathub's ids have them); only --pedantic minds it.
ALLOWED='cid-contains-uppercase-letter'

for tool in appstreamcli desktop-file-validate; do
  command -v "$tool" >/dev/null || { fail "$tool is missing (tools/setup.sh installs appstream and desktop-file-utils)"; finish; exit 1; }
done
check "the metainfo and the desktop file are in data/" test -s "$META" -a -s "$DESKTOP"

# appstreamcli: passes, and says nothing but the allowed issue (and its own summary line)
appstreamcli validate --no-net --pedantic "$META" >"$WORK/validate.out" 2>&1
rc=$?
check "appstreamcli validate --no-net --pedantic passes" test $rc -eq 0
unexpected=$(grep -E '^ *[EWIP]: ' "$WORK/validate.out" | grep -Ev " ($ALLOWED)( |$)")
check "... with no issue but $ALLOWED" test -z "$unexpected"
if [ $rc -ne 0 ] || [ -n "$unexpected" ]; then
  appstreamcli validate --no-net --pedantic --explain "$META" >&2
fi
check "desktop-file-validate passes on the desktop file" desktop-file-validate "$DESKTOP"

# the two files agree, and the screenshots are there with the sizes claimed
python3 - "$META" "$DESKTOP" "$SHOTS" "$SRC/CMakeLists.txt" >"$WORK/agree.out" 2>&1 <<'PY'
import configparser, os, re, struct, sys
import xml.etree.ElementTree as ET
meta, desktop, shots, cmake = sys.argv[1:]
bad = []
def need(ok, what):
    if not ok:
        bad.append(what)
c = ET.parse(meta).getroot()
d = configparser.ConfigParser(interpolation=None)
d.optionxform = str
d.read(desktop, encoding="utf-8")
entry = d["Desktop Entry"]
stem = os.path.basename(desktop)[:-len(".desktop")]
need(c.get("type") == "desktop-application", "the component is a desktop-application")
need(c.findtext("id") == stem, "<id> %r is the desktop file's stem %r" % (c.findtext("id"), stem))
launch = c.find("launchable[@type='desktop-id']")
need(launch is not None and launch.text == os.path.basename(desktop),
     "<launchable type=desktop-id> names %s" % os.path.basename(desktop))
need(c.findtext("name") == entry.get("Name"), "<name> is the desktop file's Name")
cats = [e.text for e in c.findall("categories/category")]
need(cats == [x for x in entry.get("Categories", "").split(";") if x],
     "<categories> %s are the desktop file's Categories" % cats)
binary = c.findtext("provides/binary")
need(binary == entry.get("Exec", "").split()[0], "<provides><binary> is what Exec runs")
mimes = [e.text for e in c.findall("provides/mediatype")]
need(mimes == [x for x in entry.get("MimeType", "").split(";") if x],
     "<provides><mediatype> %s is the desktop file's MimeType" % mimes)
need(c.find("content_rating[@type='oars-1.1']") is not None, "an OARS 1.1 content rating")
version = re.search(r"project\(safebase VERSION ([0-9.]+)", open(cmake).read()).group(1)
releases = c.findall("releases/release")
need(releases and releases[0].get("version") == version and
     re.fullmatch(r"\d{4}-\d\d-\d\d", releases[0].get("date") or ""),
     "the newest <release> is CMakeLists.txt's version %s, with a date" % version)
screens = c.findall("screenshots/screenshot")
need(len(screens) >= 1 and [s.get("type") for s in screens].count("default") == 1,
     "screenshots, one of them the default")
for s in screens:
    img = s.find("image")
    name = os.path.basename(img.text.strip())
    path = os.path.join(shots, name)
    need(bool(s.findtext("caption")), "%s has a caption" % name)
    if not os.path.isfile(path):
        bad.append("screenshot %s is in data/screenshots/" % name)
        continue
    with open(path, "rb") as f:
        head = f.read(24)
    ok = head[:8] == b"\x89PNG\r\n\x1a\n" and head[12:16] == b"IHDR"
    w, h = struct.unpack(">II", head[16:24]) if ok else (0, 0)
    need(ok and (str(w), str(h)) == (img.get("width"), img.get("height")),
         "%s is a PNG of the size claimed (%s x %s; it is %d x %d)" % (name, img.get("width"), img.get("height"), w, h))
    need(os.path.getsize(path) <= 300 * 1024, "%s is at most 300 KB" % name)
    need(w >= 620 and abs(w * 9 - h * 16) <= 16, "%s is 16:9 and at least 620 px wide" % name)
for b in bad:
    print("  not so: " + b)
print("%d screenshots" % len(screens))
sys.exit(1 if bad else 0)
PY
rc=$?
check "the metainfo, the desktop file and data/screenshots/ agree ($(tail -1 "$WORK/agree.out"))" test $rc -eq 0
[ $rc -eq 0 ] || grep -v '^[0-9]* screenshots$' "$WORK/agree.out" >&2

# installed: the pair where software centres look, checked together
BUILD=$(dirname "$BIN")
PREFIX=$WORK/prefix
check "cmake --install into a temporary prefix" cmake --install "$BUILD" --prefix "$PREFIX" >/dev/null
check "installed: share/metainfo/$ID.metainfo.xml" test -s "$PREFIX/share/metainfo/$ID.metainfo.xml"
check "installed: share/applications/$ID.desktop" test -s "$PREFIX/share/applications/$ID.desktop"
appstreamcli validate-tree --no-net --pedantic "$PREFIX" >"$WORK/tree.out" 2>&1
rc=$?
check "appstreamcli validate-tree finds the metainfo and its desktop file" test $rc -eq 0
unexpected=$(grep -E '^ *[EWIP]: ' "$WORK/tree.out" | grep -Ev " ($ALLOWED)( |$)")
check "... with no issue but $ALLOWED" test -z "$unexpected"
if [ $rc -ne 0 ] || [ -n "$unexpected" ]; then cat "$WORK/tree.out" >&2; fi
finish
