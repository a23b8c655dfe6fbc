#!/usr/bin/env bash
# The music chooser with a big music folder (not a timed test): 10,000 empty .ogg files in
# 100 folders and 20 playlists under a private ~/Music, the app at 1920x1080 under Xvfb with
# SDL's software renderer; M opens the chooser while the scan runs, Down is pressed every
# 50 ms for 3 s, Esc, quit. safebase --timing reports the longest turn of its loop on each
# screen: the goal is under 50 ms on the music screen. Median, min and max of RUNS runs, with
# the ready screen's own longest turn in the same runs as the baseline (a window of the screen's
# size: the switch to full screen is a start-up cost, not a stall).
# Needs Xvfb and xdotool. Usage: bench/chooser.sh [BUILD_DIR]   Environment: RUNS (default 5),
# BENCH_DISPLAY (default 98), FILES (default 10000).
set -euo pipefail
SRC=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${1:-$SRC/build-release}
DISPLAY_NUM=${BENCH_DISPLAY:-98}
RUNS=${RUNS:-5}
FILES=${FILES:-10000}
for tool in Xvfb xdotool; do
  command -v $tool >/dev/null || { echo "bench/chooser.sh: needs $tool" >&2; exit 1; }
done
if [ ! -x "$BUILD/safebase" ]; then
  cmake -S "$SRC" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF >/dev/null
  cmake --build "$BUILD" -j2 >/dev/null
fi
WORK=$(mktemp -d)
XPID=
cleanup() { [ -n "$XPID" ] && kill "$XPID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT
Xvfb ":$DISPLAY_NUM" -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 &
XPID=$!
sleep 1
export DISPLAY=:$DISPLAY_NUM SDL_VIDEODRIVER=x11 SDL_RENDER_DRIVER=software SDL_AUDIODRIVER=disk SDL_DISKAUDIOFILE=/dev/null
export HOME=$WORK/home XDG_CONFIG_HOME=$WORK/home/.config XDG_DATA_HOME=$WORK/home/.local/share
unset XDG_MUSIC_DIR
python3 - "$HOME/Music" "$FILES" <<'PY'
import os, sys
root, files = sys.argv[1], int(sys.argv[2])
for i in range(files):
    d = os.path.join(root, "Artist %02d" % (i % 50), "Album %d" % (i % 100 // 50))
    os.makedirs(d, exist_ok=True)
    open(os.path.join(d, "%05d track.ogg" % i), "w").close()
for p in range(20):
    with open(os.path.join(root, "list %02d.m3u" % p), "w") as f:
        f.write("\n".join("Artist %02d/Album 0/%05d track.ogg" % (k % 50, k) for k in range(p * 10, p * 10 + 50)))
PY
music=() ready=()
for run in $(seq "$RUNS"); do
  "$BUILD/safebase" --window=1920x1080 --plan special-playtime --timing --log "$WORK/log.csv" 2>"$WORK/err" >/dev/null &
  pid=$!
  for _ in $(seq 100); do W=$(xdotool search --name 'Safe Base' 2>/dev/null | head -1) && [ -n "$W" ] && break; sleep 0.1; done
  sleep 1
  xdotool key --window "$W" m
  for _ in $(seq 60); do xdotool key --window "$W" Down; sleep 0.05; done
  xdotool key --window "$W" Escape
  sleep 0.5
  kill -TERM "$pid"; wait "$pid" || true
  music+=("$(sed -n 's/.*on the music screen: \([0-9.]*\) ms/\1/p' "$WORK/err")")
  ready+=("$(sed -n 's/.*on the ready screen: \([0-9.]*\) ms/\1/p' "$WORK/err")")
done
python3 - "$FILES" "${music[*]}" "${ready[*]}" <<'PY'
import statistics, sys
files, music, ready = sys.argv[1], [float(x) for x in sys.argv[2].split()], [float(x) for x in sys.argv[3].split()]
def row(name, v):
    print("| %s | %.1f | %.1f | %.1f |" % (name, statistics.median(v), min(v), max(v)))
print("Longest turn of the loop, ms, %d runs, music folder of %s files (goal: under 50 on the music screen)" % (len(music), files))
print("| Screen | median | min | max |")
print("|---|---|---|---|")
row("music chooser, scanning and scrolling", music)
row("ready screen (baseline, same runs)", ready)
PY
