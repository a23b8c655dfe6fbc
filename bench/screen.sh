#!/usr/bin/env bash
# The session screen's CPU (not a timed test): a 60-second session at 1920x1080 under Xvfb
# with SDL's software renderer, app plus X server CPU from /proc/PID/stat, median of RUNS runs,
# beside `mpv --no-video --ao=null` playing the same music for the same time in the same run.
# Reports the plain figure, the reduced-motion figure and the breathing guide's separately.
# Needs Xvfb and mpv (apt-get install xvfb mpv). Usage: bench/screen.sh [BUILD_DIR]
# Environment: BENCH_DISPLAY (default 99), RUNS (default 3), SECONDS_PER_RUN (default 60).
set -euo pipefail
SRC=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${1:-$SRC/build-bench}
DISPLAY_NUM=${BENCH_DISPLAY:-99}
RUNS=${RUNS:-3}
SECS=${SECONDS_PER_RUN:-60}
MUSIC=$SRC/assets/music/safebase-calm.ogg
for tool in Xvfb mpv bc; do
  command -v $tool >/dev/null || { echo "bench/screen.sh: needs $tool" >&2; exit 1; }
done
if [ ! -x "$BUILD/safebase" ]; then
  cmake -S "$SRC" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release -DSAFEBASE_WERROR=OFF -DBUILD_TESTING=OFF >/dev/null
  cmake --build "$BUILD" -j2 >/dev/null
fi
WORK=$(mktemp -d)
XPID=
cleanup() { [ -n "$XPID" ] && kill "$XPID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT
Xvfb ":$DISPLAY_NUM" -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 &
XPID=$!
sleep 1
export DISPLAY=:$DISPLAY_NUM SDL_RENDER_DRIVER=software SDL_AUDIODRIVER=disk SDL_DISKAUDIOFILE=/dev/null
export HOME=$WORK XDG_CONFIG_HOME=$WORK/config XDG_DATA_HOME=$WORK/data
TICK=$(getconf CLK_TCK)

plan() { # file breathe
  printf '[plan]\ntitle = Bench\naudience = therapist\nmusic = %s\n\n[phase Play]\nkind = play\nduration = %ss\nmusic = play\nprompt = Follow their lead: describe, delight.\n%s' \
    "$MUSIC" "$SECS" "$2" >"$1"
}
plan "$WORK/plain.plan" ""
plan "$WORK/breathe.plan" "breathe = 6"

cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; } # utime + stime, in ticks

# One run: the app and mpv side by side for SECS; prints "app+X ticks, mpv ticks".
run_once() { # plan-file extra-args
  local plan=$1; shift
  "$BUILD/safebase" --plan "$plan" --start --log "$WORK/log.csv" "$@" >/dev/null 2>&1 &
  local app=$!
  mpv --no-video --ao=null --really-quiet --loop-file=inf "$MUSIC" >/dev/null 2>&1 &
  local mpv=$!
  sleep 0.3
  local a0 x0 m0 a1 x1 m1
  a0=$(cpu $app) x0=$(cpu $XPID) m0=$(cpu $mpv)
  sleep "$SECS"
  a1=$(cpu $app) x1=$(cpu $XPID) m1=$(cpu $mpv)
  kill $app $mpv 2>/dev/null || true
  wait $app $mpv 2>/dev/null || true
  echo "$((a1 - a0 + x1 - x0)) $((m1 - m0))"
}

median() { sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
pct() { echo "scale=2; 100 * $1 / $TICK / $SECS" | bc; }

measure() { # label plan args...
  local label=$1; shift
  : >"$WORK/app" ; : >"$WORK/mpv"
  for _ in $(seq "$RUNS"); do
    read -r a m < <(run_once "$@")
    echo "$a" >>"$WORK/app"
    echo "$m" >>"$WORK/mpv"
  done
  local a m
  a=$(median <"$WORK/app") m=$(median <"$WORK/mpv")
  local ratio="n/a"
  [ "$m" -gt 0 ] && ratio=$(echo "scale=2; $a / $m" | bc)
  printf '%-28s app+X %6s%% of a core   mpv %6s%%   ratio %s   (runs: %s)\n' "$label" "$(pct "$a")" "$(pct "$m")" \
    "$ratio" "$(tr '\n' ' ' <"$WORK/app")"
}

echo "bench/screen.sh: ${SECS} s session at 1920x1080, software renderer, Xvfb :$DISPLAY_NUM, median of $RUNS runs"
measure "session" "$WORK/plain.plan"
measure "session, reduced motion" "$WORK/plain.plan" --reduced-motion
measure "session, breathing guide" "$WORK/breathe.plan"
