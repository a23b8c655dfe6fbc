#!/usr/bin/env bash
# End to end: safebase --report over a log of two clients (and a session without one): one
# self-contained HTML page on stdout, with nothing that runs or fetches (no script, no URL, no
# src or href), the note escaped, only the client asked for; its mistakes exit as --history's
# do. Then headless Chromium, with every network request sent to a closed port, renders it to
# a PNG and a PDF: both must be there and not blank.
. "$(dirname "$0")/lib.sh"
LOG=$WORK/sessions.csv
# The rows, by column name, under this build's header (read from record.h): the separation
# columns are filled when the log has them.
python3 - "$SRC/src/core/log/record.h" "$LOG" <<'PY'
import csv, datetime as dt, re, sys
text = open(sys.argv[1]).read().replace("\\\n", " ")
defs = dict(re.findall(r'#define (RECORD_HEADER\w*) (.*)', text))
def expand(v):
    return "".join(expand(defs[t]) if t in defs else t.strip('"') for t in re.findall(r'"[^"]*"|\w+', v))
header = expand(defs["RECORD_HEADER"]).split(",")
today = dt.date.today()
NOTE = '<b>"quoted" & émoji 🙂</b>'
# days ago, client, plan, minutes, rating, look-backs, note, longest separation
S = [(30, "Robin", "Special playtime", 12, "3", 1, "a quiet start", 20),
     (23, "Robin", "Safe-base dance", 14, "", 2, "", 35),
     (16, "Robin", "Safe-base dance", 15, "4", 3, NOTE, 50),
     (9, "Robin", "Connect, separate, connect", 18, "4", 5, "she led, I followed", 70),
     (2, "Robin", "Safe-base dance", 16, "5", 6, "", 95),
     (12, "Sam", "Special playtime", 20, "2", 1, "SAM-SECRET note", 10),
     (5, "", "Special playtime", 10, "", 0, "nobody's", 5)]
with open(sys.argv[2], "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(header)
    for ago, client, plan, mins, rating, lb, note, sep in S:
        start = dt.datetime.combine(today - dt.timedelta(days=ago), dt.time(9, 30))
        fmt = "%Y-%m-%dT%H:%M:%S+00:00"
        v = dict(started=start.strftime(fmt), ended=(start + dt.timedelta(minutes=mins)).strftime(fmt),
                 plan=plan, planned_seconds="900.0", duration_seconds=f"{mins * 60}.0", paused_seconds="0.0",
                 outcome="completed", phases_completed="3", phases_total="3", client=client, rating=rating,
                 look_backs=lb, extends=0, reconnects=1, note=note)
        for name in header:
            if "sep" in name:
                v[name] = f"{sep / 2 if 'first' in name else sep:.1f}"
        w.writerow([v.get(name, "") for name in header])
PY
cp "$LOG" "$WORK/before.csv"
cd "$WORK" || exit 1

"$BIN" --report --client robin --log "$LOG" >robin.html 2>err.txt; rc=$?
check "--report exits 0" test "$rc" -eq 0
check "nothing to warn about in a good log" test ! -s err.txt
check "an HTML page in UTF-8" grep -q '^<!DOCTYPE html>' robin.html
check "... saying its charset" grep -qF '<meta charset="utf-8">' robin.html
check "no script" test "$(grep -ci '<script' robin.html)" -eq 0
check "no URL at all" test "$(grep -ciE 'https?:|//[a-z]' robin.html)" -eq 0
check "no src= or href=" test "$(grep -ciE 'src=|href=|@import|url\([^#]' robin.html)" -eq 0
check "the note, escaped (accents and emoji as UTF-8)" \
  grep -qF '&lt;b&gt;&quot;quoted&quot; &amp; émoji 🙂&lt;/b&gt;' robin.html
check "the note never as markup" test "$(grep -c '<b>' robin.html)" -eq 0
check "the client's name" grep -qF '<h1>Robin</h1>' robin.html
check "not the other client" test "$(grep -c 'Sam' robin.html)" -eq 0
check "... nor their note" test "$(grep -c 'SAM-SECRET' robin.html)" -eq 0
check "nor the session without a client" test "$(grep -c 'nobody' robin.html)" -eq 0
check "the summary in words" grep -qF '<strong>5 sessions</strong> over ' robin.html
check "minutes per week, look-backs and ratings charts" \
  test "$(grep -oE 'Minutes per week|Look-backs, per session|Ratings, per session' robin.html | sort -u | wc -l)" -eq 3
if grep -q 'sep' <(head -1 "$LOG"); then
  check "the separations, from the log's columns" grep -qF 'Separations from <strong>20 s</strong> to <strong>1 min 35 s</strong>' robin.html
  check "... and their chart" grep -qF 'Separation reached, per session' robin.html
else
  check "no separation chart while the log has no such columns" test "$(grep -c 'Separation' robin.html)" -eq 0
fi
check "the table: one row a session" test "$(grep -o '<tr><td class="n">' robin.html | wc -l)" -eq 5

"$BIN" --report --log "$LOG" >all.html; rc=$?
check "every client: exit 0" test "$rc" -eq 0
check "every client: a section each, and one without a client" \
  test "$(grep -o '<section class="client">' all.html | wc -l)" -eq 3
check "every client: Sam's note is there" grep -qF 'SAM-SECRET' all.html
since=$(date -d '-10 days' +%F); until=$(date -d '-1 day' +%F)
"$BIN" --report --log "$LOG" --client Robin --since "$since" --until "$until" >range.html
check "--since/--until choose the sessions" test "$(grep -o '<tr><td class="n">' range.html | wc -l)" -eq 2
"$BIN" --report --log "$LOG" --plan special-playtime >plan.html
check "--plan takes a built-in id" test "$(grep -o '<tr><td class="n">' plan.html | wc -l)" -eq 3
"$BIN" --report --log "$LOG" --client Nobody >nobody.html
check "no sessions: a page that says so" grep -qF 'There are no sessions in this period.' nobody.html
"$BIN" --report --log "$WORK/none.csv" >missing.html; rc=$?
check "no log yet: exit 0 and a page that says so" test "$rc" -eq 0 -a "$(grep -c 'No sessions logged yet' missing.html)" -eq 1
"$BIN" --report --log "$WORK" >dir.html 2>dir.err; rc=$?
check "a log that cannot be read: exit 1" test "$rc" -eq 1
check "... naming it" grep -qF "$WORK" dir.err
check "... and no page" test ! -s dir.html
"$BIN" --report --log "$LOG" --since 2024-02-30 >/dev/null 2>bad.err; rc=$?
check "a bad date exits 2, naming it" test "$rc" -eq 2 -a "$(grep -c -- '--since: "2024-02-30" is not a date' bad.err)" -eq 1
check "reading never changes the log" cmp -s "$LOG" "$WORK/before.csv"

# Rendering: Chromium headless, offline (a proxy on a closed port, no name resolves).
CHROMIUM=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$CHROMIUM" ]; then
  echo "SKIP: the rendering checks need chromium (apt-get install chromium); $passed passed, $failed failed before it"
  [ "$failed" -eq 0 ] || exit 1
  exit 77
fi
render() { # what args...
  timeout 90 "$CHROMIUM" --headless --no-sandbox --disable-gpu --user-data-dir="$WORK/chromium" \
    --proxy-server=127.0.0.1:9 --host-resolver-rules="MAP * ~NOTFOUND" --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    "$@" "file://$WORK/all.html" >>"$WORK/chromium.log" 2>&1
}
render --window-size=1240,1754 --screenshot="$WORK/out.png"
render --no-pdf-header-footer --print-to-pdf="$WORK/out.pdf"
check "Chromium made a PNG" test -s out.png
check "Chromium made a PDF" test -s out.pdf
check "the PDF is a PDF" test "$(head -c 4 out.pdf 2>/dev/null)" = "%PDF"
pages=$(python3 -c 'import re,sys; print(len(re.findall(rb"/Type\s*/Page[^s]", open(sys.argv[1],"rb").read())))' out.pdf 2>/dev/null)
check "the PDF has pages (one at least per client section: $pages)" test "${pages:-0}" -ge 3
colours=$(python3 - out.png <<'PY' 2>/dev/null
import struct, sys, zlib
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n"
pos, idat, w = 8, b"", 0
while pos < len(data):
    n, kind = struct.unpack(">I4s", data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + n]
    if kind == b"IHDR":
        w, h, depth, ctype = struct.unpack(">IIBB", body[:10])
    elif kind == b"IDAT":
        idat += body
    pos += 12 + n
bpp = {2: 3, 6: 4}[ctype]
raw, stride, prev, seen = zlib.decompress(idat), w * bpp, bytearray(w * bpp), set()
for y in range(h):
    f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
    for i in range(stride):
        a = line[i - bpp] if i >= bpp else 0
        b, c = prev[i], prev[i - bpp] if i >= bpp else 0
        if f == 1: line[i] = (line[i] + a) & 255
        elif f == 2: line[i] = (line[i] + b) & 255
        elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
        elif f == 4:
            p = a + b - c; pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    if y % 4 == 0:
        for i in range(0, stride, bpp * 2):
            seen.add(bytes(line[i:i + 3]))
    prev = line
print(len(seen))
PY
)
check "the screenshot is not blank (${colours:-0} colours)" test "${colours:-0}" -ge 20
# Once more through a proxy that answers nothing but writes down every request: the page asks
# for nothing. (Chromium itself calls its own Google services for updates and the time: those
# hosts are left out, except the ones that serve web fonts.)
python3 - "$WORK/requests" <<'PY' &
import os, socket, sys
s = socket.socket(); s.bind(("127.0.0.1", 0)); s.listen(16); s.settimeout(0.3)
with open(sys.argv[1] + ".port", "w") as f:
    f.write(str(s.getsockname()[1]))
log = open(sys.argv[1], "w")
while not os.path.exists(sys.argv[1] + ".stop"):
    try:
        c, _ = s.accept()
    except OSError:
        continue
    c.settimeout(2)
    try:
        line = c.recv(4096).split(b"\r\n")[0].decode("latin-1")
    except OSError:
        line = "(nothing said)"
    log.write(line + "\n"); log.flush(); c.close()
PY
recorder=$!
for _ in $(seq 50); do [ -s "$WORK/requests.port" ] && break; sleep 0.1; done
timeout 90 "$CHROMIUM" --headless --no-sandbox --disable-gpu --user-data-dir="$WORK/chromium2" \
  --proxy-server="127.0.0.1:$(cat "$WORK/requests.port")" --no-first-run --window-size=1240,1754 \
  --screenshot="$WORK/recorded.png" "file://$WORK/all.html" >>"$WORK/chromium.log" 2>&1
touch "$WORK/requests.stop"; wait "$recorder"
page_requests=$(grep -vE '^(GET|POST|CONNECT) (https?://)?[a-z0-9.-]*\.(google\.com|googleapis\.com|gstatic\.com|gvt1\.com)[:/ ]' \
  "$WORK/requests" | grep -cE 'fonts\.|.' )
fonts=$(grep -cE 'fonts\.(googleapis|gstatic)' "$WORK/requests")
check "the page made no network request (Chromium's own: $(grep -c . "$WORK/requests"))" \
  test "$page_requests" -eq 0 -a "$fonts" -eq 0 -a -s "$WORK/recorded.png"
finish
