#!/usr/bin/env bash
# Screenshots of the main screens in every language, to look at: the real app full screen on a
# private X server (Xvfb) at each size, driven by real key presses (xdotool), in English and in
# each language of po/LINGUAS whose locale is installed: the ready screen, Adjust, the music,
# the client field, the help, the session (running and paused), the end screen, the plans and
# the History of a made-up log. PNGs in BUILD/language-shots/LANG-SCREEN-WxH.png (not
# committed). It never touches the user's settings, plans or log (a temporary HOME). About a
# minute a language and size.
#
#   tools/language-shots.sh [BUILD_DIR]        (default build; its safebase and locale/)
#   LANGS="de fr" SIZES=800x480 tools/language-shots.sh build-h15
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=$(realpath "${1:-$ROOT/build}")
BIN=$BUILD/safebase
OUT=$BUILD/language-shots
LANGS=${LANGS:-en $(grep -v '^#' "$ROOT/po/LINGUAS" | tr '\n' ' ')}
SIZES=${SIZES:-1280x720 800x480}
DAY=2026-12-03              # the app's clock (libfaketime): the History's week is the same every run
NOW="$DAY 11:30:00"
for tool in Xvfb xdotool xwd python3; do
  command -v "$tool" >/dev/null || { echo "language-shots.sh: $tool is missing (tools/setup.sh installs it)" >&2; exit 1; }
done
FAKETIME_LIB=
for f in /usr/lib/*/faketime/libfaketimeMT.so.1; do [ -f "$f" ] && FAKETIME_LIB=$f; done
[ -n "$FAKETIME_LIB" ] || { echo "language-shots.sh: libfaketime is missing (tools/setup.sh installs it)" >&2; exit 1; }
[ -x "$BIN" ] || { echo "language-shots.sh: no binary $BIN (build it first)" >&2; exit 1; }
mkdir -p "$OUT"

WORK=$(mktemp -d)
pid=''
xpid=''
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; [ -n "$xpid" ] && kill "$xpid" 2>/dev/null; rm -rf "$WORK"' EXIT
export SDL_VIDEODRIVER=x11 SDL_AUDIODRIVER=dummy TZ=UTC
export HOME=$WORK/home XDG_CONFIG_HOME=$WORK/home/.config XDG_DATA_HOME=$WORK/home/.local/share
export XDG_CACHE_HOME=$WORK/home/.cache
unset XDG_MUSIC_DIR SAFEBASE_ASSETS LC_ALL LC_MESSAGES
mkdir -p "$HOME/Music/Kinderlieder zum Tanzen und Ausruhen am Nachmittag" "$HOME/Music/Ruhige Musik"

# Three weeks of sessions up to this morning: Robin's connect-separate-connect growing, Kit's
# dance (pseudonyms, as the app asks).
python3 - "$WORK/sessions.csv" "$DAY" <<'PY'
import datetime as dt, sys
HEADER = ("started,ended,plan,planned_seconds,duration_seconds,paused_seconds,outcome,"
          "phases_completed,phases_total,client,rating,look_backs,extends,reconnects,note,"
          "first_separation_seconds,longest_separation_seconds,reconnect_separation_seconds")
today = dt.date.fromisoformat(sys.argv[2])
with open(sys.argv[1], "w") as f:
    f.write(HEADER + "\n")
    for ago in range(20, -1, -2):
        csc = ago % 4 == 0
        plan, client = ("Connect, separate, connect", "Robin") if csc else ("Safe-base dance", "Kit")
        start = dt.datetime.combine(today - dt.timedelta(days=ago), dt.time(10, 0), dt.timezone.utc)
        minutes = 10 + (20 - ago) / 4
        end = start + dt.timedelta(minutes=minutes)
        first = 20 + (20 - ago) * 2 if csc else None
        sep = lambda v: "" if v is None else "%.1f" % v
        row = [start.isoformat(timespec="seconds"), end.isoformat(timespec="seconds"), '"%s"' % plan if csc else plan,
               "%.1f" % (minutes * 60), "%.1f" % (minutes * 60), "0.0", "completed", "9", "9", client,
               str(1 + ago % 5), str(ago % 6), "0", "0", "", sep(first), sep(first and first + 40), ""]
        f.write(",".join(row) + "\n")
PY

wait_for() { # seconds, then a command that must come true
  local n=$(($1 * 10)); shift
  for _ in $(seq "$n"); do "$@" && return 0; sleep 0.1; done
  return 1
}
window() { xdotool search --pid "$pid" --name 'Safe Base' 2>/dev/null | head -1; }
has_window() { [ -n "$(window)" ]; }
keys() { xdotool key --window "$W" --delay 250 "$@"; }
# Grabs the screen once its fades are over: OUT/LANG-NAME-SIZE.png.
shot() {
  sleep "${2:-2.5}"
  xwd -root -silent >"$WORK/shot.xwd"
  python3 "$ROOT/tools/xwdpng.py" "$WORK/shot.xwd" "$OUT/$lang-$1-$size.png" >/dev/null
  echo "$lang-$1-$size.png"
}

for size in $SIZES; do
  rm -f "$WORK/display"
  Xvfb -displayfd 3 -screen 0 "${size}x24" -nolisten tcp 3>"$WORK/display" 2>/dev/null &
  xpid=$!
  wait_for 5 test -s "$WORK/display" || { echo "language-shots.sh: Xvfb did not start" >&2; exit 1; }
  DISPLAY=:$(cat "$WORK/display")
  export DISPLAY
  for lang in $LANGS; do
    if [ "$lang" = en ]; then
      export LANGUAGE='' LANG=C.UTF-8
    else
      loc=$(locale -a | grep -i "^${lang}_.*utf-\?8$" | head -1 || true)
      [ -n "$loc" ] || { echo "skipped $lang: no UTF-8 locale of it is installed (tools/setup.sh makes them)"; continue; }
      [ -f "$BUILD/locale/$lang/LC_MESSAGES/safebase.mo" ] || { echo "skipped $lang: no $BUILD/locale/$lang (build the translations)"; continue; }
      export LANGUAGE=$lang LANG=$loc
    fi
    cp "$WORK/sessions.csv" "$WORK/log.csv"
    LD_PRELOAD=$FAKETIME_LIB FAKETIME="@$NOW" "$BIN" --log "$WORK/log.csv" --plan connect-separate-connect \
      --client Robin >"$WORK/app.out" 2>"$WORK/app.err" &
    pid=$!
    wait_for 15 has_window || { echo "language-shots.sh: no window; it said:" >&2; cat "$WORK/app.err" >&2; exit 1; }
    W=$(window)
    shot ready 3
    keys e; shot adjust
    keys Escape m; shot music
    keys Escape n
    xdotool type --window "$W" --delay 60 'Robin-Maximilian'
    shot client
    keys Escape F1; shot help
    keys F1 space; sleep 2
    keys Right Right; shot session 5
    keys space; shot paused
    keys space Escape Escape; sleep 2
    keys 4
    xdotool type --window "$W" --delay 40 'Went to the far corner and came back laughing'
    shot end 1
    keys Return; shot menu
    keys h; shot history
    kill -TERM "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; pid=
  done
  kill "$xpid" 2>/dev/null; wait "$xpid" 2>/dev/null || true; xpid=
done
echo "language-shots.sh: the pictures are in $OUT"
