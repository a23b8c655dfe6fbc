#!/usr/bin/env bash
# Makes the software-centre screenshots in data/screenshots/ that
# data/org.safebase.SafeBase.metainfo.xml names: the real app, full screen on a private X
# server (Xvfb, 1920x1080) driven by real key presses (xdotool), each screen in the calm and
# the high-contrast theme, grabbed with xwd and written as PNG by tools/xwdpng.py. It never
# touches the user's own settings, plans or log: a made-up log of pseudonymous clients in a
# temporary HOME. About three minutes.
#
#   tools/make-screenshots.sh [BINARY [OUT_DIR]]   (default build/safebase, data/screenshots)
#   SHOTS="menu history" tools/make-screenshots.sh  only those screens
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=$(realpath "${1:-$ROOT/build/safebase}")
OUT=$(realpath -m "${2:-$ROOT/data/screenshots}")
SHOTS=${SHOTS:-menu ready session end history}
# The app's clock (libfaketime: from this moment on, ticking): the same Thursday for every run,
# so the History screen's week and dates do not depend on the day the shots are made.
DAY=2026-12-03
NOW="$DAY 11:30:00"
for tool in Xvfb xdotool xwd python3; do
  command -v "$tool" >/dev/null || { echo "make-screenshots.sh: $tool is missing (tools/setup.sh installs it)" >&2; exit 1; }
done
FAKETIME_LIB=
for f in /usr/lib/*/faketime/libfaketimeMT.so.1; do [ -f "$f" ] && FAKETIME_LIB=$f; done
[ -n "$FAKETIME_LIB" ] || { echo "make-screenshots.sh: libfaketime is missing (tools/setup.sh installs it)" >&2; exit 1; }
[ -x "$BIN" ] || { echo "make-screenshots.sh: no binary $BIN (build it first)" >&2; exit 1; }
mkdir -p "$OUT"

WORK=$(mktemp -d)
pid=
Xvfb -displayfd 3 -screen 0 1920x1080x24 -nolisten tcp 3>"$WORK/display" 2>/dev/null &
xpid=$!
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; kill "$xpid" 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 50); do [ -s "$WORK/display" ] && break; sleep 0.1; done
DISPLAY=:$(cat "$WORK/display")
export DISPLAY SDL_VIDEODRIVER=x11 SDL_AUDIODRIVER=dummy
export HOME=$WORK/home XDG_CONFIG_HOME=$WORK/home/.config XDG_DATA_HOME=$WORK/home/.local/share
export XDG_CACHE_HOME=$WORK/home/.cache LANG=C.UTF-8 TZ=UTC
unset XDG_MUSIC_DIR SAFEBASE_ASSETS
mkdir -p "$HOME"

# Four weeks of sessions up to this morning ($DAY), for the History screen and the ready screen's
# separations: Robin's connect-separate-connect growing (two reconnects on the way), Kit's dance,
# Sam's calm sessions. Pseudonyms, as the app asks.
python3 - "$WORK/sessions.csv" "$DAY" <<'PY'
import datetime as dt, sys
HEADER = ("started,ended,plan,planned_seconds,duration_seconds,paused_seconds,outcome,"
          "phases_completed,phases_total,client,rating,look_backs,extends,reconnects,note,"
          "first_separation_seconds,longest_separation_seconds,reconnect_separation_seconds")
CSC = "Connect, separate, connect"
PLANNED = {CSC: None, "Safe-base dance": 12, "Gentle: safety and calm": 10.5}   # minutes
PHASES = {CSC: 9, "Safe-base dance": 10, "Gentle: safety and calm": 9}
# days ago, hour, plan, active minutes (0: the whole plan), client, rating, look-backs,
# reconnects, note, first separation, longest separation, the separation of the reconnect
# (seconds or None); connect-separate-connect's length follows its first separation
S = [
    (27, 10, CSC, 0, "Robin", 3, 2, 0, "Stayed close, watched me", 20, 60, None),
    (26, 16, "Safe-base dance", 12, "Kit", 4, 5, 0, "", None, None, None),
    (24, 9, "Gentle: safety and calm", 8, "Sam", 3, 0, 0, "Tired today", None, None, None),
    (23, 10, CSC, 0, "Robin", 2, 1, 1, "Upset in the second round", 60, 60, 80),
    (20, 10, CSC, 0, "Robin", 4, 4, 0, "", 40, 80, None),
    (19, 16, "Safe-base dance", 12, "Kit", 5, 7, 0, "Danced to the window and back", None, None, None),
    (17, 9, "Gentle: safety and calm", 10.5, "Sam", 4, 1, 0, "", None, None, None),
    (16, 10, CSC, 0, "Robin", 4, 5, 0, "", 60, 100, None),
    (13, 10, CSC, 0, "Robin", 3, 3, 1, "A hard morning at school", 60, 60, 80),
    (12, 16, "Safe-base dance", 12, "Kit", 4, 6, 0, "", None, None, None),
    (10, 9, "Gentle: safety and calm", 10.5, "Sam", 4, 2, 0, "", None, None, None),
    (9, 10, CSC, 0, "Robin", 4, 5, 0, "Went to the far corner", 60, 100, None),
    (5, 16, "Safe-base dance", 12, "Kit", 5, 8, 0, "Looked back at every turn", None, None, None),
    (3, 10, CSC, 0, "Robin", 5, 6, 0, "Came back laughing", 40, 80, None),
    (2, 16, "Safe-base dance", 9, "Kit", 4, 5, 0, "", None, None, None),
    (0, 9, "Gentle: safety and calm", 10.5, "Sam", 5, 3, 0, "Breathed with me", None, None, None),
]
tz = dt.datetime.now().astimezone().tzinfo
today = dt.date.fromisoformat(sys.argv[2])
def q(s):
    return '"%s"' % s.replace('"', '""') if ("," in s or '"' in s) else s
def sec(v):
    return "" if v is None else "%.1f" % v
with open(sys.argv[1], "w") as f:
    f.write(HEADER + "\n")
    for ago, hour, plan, active, client, rating, lb, rc, note, first, longest, rcsep in S:
        planned = PLANNED[plan] or (540 + 3 * first) / 60
        active = active or planned
        start = dt.datetime.combine(today - dt.timedelta(days=ago), dt.time(hour, 0), tz)
        end = start + dt.timedelta(minutes=active)
        phases = PHASES[plan]
        outcome = "completed" if active == planned else "ended_early"
        done = phases if outcome == "completed" else phases - 2
        row = [start.isoformat(timespec="seconds"), end.isoformat(timespec="seconds"), q(plan),
               sec(planned * 60), sec(active * 60), "0.0", outcome, str(done), str(phases),
               client, str(rating), str(lb), "0", str(rc), q(note), sec(first), sec(longest), sec(rcsep)]
        f.write(",".join(row) + "\n")
PY

wait_for() { # seconds, then a command that must come true
  local n=$(($1 * 10)); shift
  for _ in $(seq "$n"); do "$@" && return 0; sleep 0.1; done
  return 1
}
window() { xdotool search --pid "$pid" --name 'Safe Base' 2>/dev/null | head -1; }
has_window() { [ -n "$(window)" ]; }
# Starts safebase full screen on a fresh copy of the made-up log (theme, then arguments).
start() {
  local theme=$1; shift
  cp "$WORK/sessions.csv" "$WORK/log.csv"
  LD_PRELOAD=$FAKETIME_LIB FAKETIME="@$NOW ${SPEED:-}" "$BIN" --theme "$theme" --log "$WORK/log.csv" "$@" >"$WORK/app.out" 2>"$WORK/app.err" &
  pid=$!
  wait_for 15 has_window || { echo "make-screenshots.sh: no window; it said:" >&2; cat "$WORK/app.err" >&2; exit 1; }
  W=$(window)
  sleep 3   # the first fades
}
keys() { xdotool key --window "$W" --delay 300 "$@"; }
quit() { kill -TERM "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; pid=; }
# Grabs the screen once its fades are over (NAME): OUT/NAME.png.
shot() {
  sleep "${2:-2.5}"
  xwd -root -silent >"$WORK/shot.xwd"
  printf '%s: %s bytes\n' "$1.png" "$(python3 "$ROOT/tools/xwdpng.py" "$WORK/shot.xwd" "$OUT/$1.png" | cut -d' ' -f2)"
}
# The session is over and its record held for the end screen's rating (in the journal).
ended() { local f; for f in "$WORK"/log.csv.journal-*; do grep -qs '^held ' "$f" && return 0; done; return 1; }
wanted() { [[ " $SHOTS " == *" $1 "* ]]; }

for theme in calm contrast; do
  if wanted menu; then
    start "$theme"
    keys Down Down Down Down     # Safe-base dance
    shot "menu-$theme"
    quit
  fi
  if wanted history; then
    start "$theme"
    keys h
    shot "history-$theme"
    quit
  fi
  if wanted ready; then
    start "$theme" --plan connect-separate-connect --client Robin
    shot "ready-$theme"
    quit
  fi
  if wanted session; then
    start "$theme" --plan connect-separate-connect --client Robin
    keys space
    sleep 2
    keys Right Right            # Arrive, Together, then Apart: the first separation
    sleep 6
    keys l                      # the child looked back: "Look-back noted" for 1.5 s
    shot "session-$theme" 0.4
    quit
  fi
  if wanted end; then
    # the whole 13-minute plan, its clock twenty times as fast: the end screen of a session
    # that ran to its end (libfaketime speeds up the monotonic clock the app's loop reads)
    SPEED=x20 start "$theme" --plan connect-separate-connect --client Robin
    keys space
    wait_for 100 ended || { echo "make-screenshots.sh: the session did not end" >&2; exit 1; }
    sleep 2
    keys 4
    xdotool type --window "$W" --delay 60 'Went to the far corner and came back laughing'
    shot "end-$theme" 1
    quit
  fi
done
