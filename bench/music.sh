#!/usr/bin/env bash
# The session screen and the music together, as a user runs them (not a test): a 3-minute
# plan with a real 44.1 kHz Ogg Vorbis track from a Debian package of game music, full screen
# under our own Xvfb at 1920x1080 and at 3840x2160 (software renderer, SDL's disk audio to
# /dev/null), with the track's loudness cached and on its first use, each beside mpv playing
# the same file for the same time; app + X server CPU against mpv's, medians of RUNS runs,
# and where the app's CPU went, thread by thread. Prints a markdown table. About 10 minutes
# a run (RUNS=3: half an hour). Needs Xvfb and mpv (tools/setup.sh; apt-get install mpv).
#   bench/music.sh [BUILD_DIR]      (default build-release; built Release if missing)
#   RUNS=3               runs of each case
#   SECONDS=0            cut each run short after this many seconds (0: the whole plan): for
#                        quick iterations only, the goals are for the whole plan
#   CASES=1080p-cached,1080p-first-use,4K-cached   which cases (4K-first-use is a fourth)
#   MUSIC_PKG=lincity-ng-data  MUSIC_FILE='01 - pronobozo - lincity.ogg'   the package and track
#                        (lincity-ng's is 3 min 31 s; neverball-common's bgm/track4.ogg, 1 min
#                        55 s, is another, played in a loop by both)
#   BENCH_DISPLAY=:105   the first of two free X displays (the 4K Xvfb takes the next)
#   PLAN=bench/plans/three-minutes.plan   (no built-in plan is 3 minutes long)
CUT=$SECONDS # first: bash counts SECONDS up from its value in the environment (0 when unset)
set -euo pipefail
SRC=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${1:-$SRC/build-release}
PKG=${MUSIC_PKG:-lincity-ng-data}
FILE=${MUSIC_FILE:-01 - pronobozo - lincity.ogg}
for tool in Xvfb mpv python3 dpkg-deb apt-get; do
  command -v "$tool" >/dev/null || { echo "bench/music.sh: needs $tool (apt-get install xvfb mpv)" >&2; exit 1; }
done
if [ ! -x "$BUILD/safebase" ]; then
  cmake -S "$SRC" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF >/dev/null
  cmake --build "$BUILD" -j2 >/dev/null
fi
BUILD=$(cd "$BUILD" && pwd)

# The music, from the package, unpacked once into the build folder and reused (the same file,
# size and time: the cache is keyed by them).
CACHE=$BUILD/bench-music/$PKG
TRACK=$(find "$CACHE/root" -type f -name "$FILE" -print -quit 2>/dev/null || true)
if [ -z "$TRACK" ]; then
  mkdir -p "$CACHE"
  if ! (cd "$CACHE" && apt-get download "$PKG" >"$CACHE/download.log" 2>&1); then
    echo "bench/music.sh: cannot download the Debian package $PKG (apt-get download $PKG; see $CACHE/download.log)." >&2
    echo "  Run apt-get update, or set MUSIC_PKG and MUSIC_FILE to another package of game music." >&2
    exit 1
  fi
  rm -rf "$CACHE/root"
  dpkg-deb -x "$CACHE"/"${PKG}"_*.deb "$CACHE/root"
  rm -f "$CACHE"/"${PKG}"_*.deb
  TRACK=$(find "$CACHE/root" -type f -name "$FILE" -print -quit)
  [ -n "$TRACK" ] || { echo "bench/music.sh: $PKG has no file named $FILE" >&2; exit 1; }
fi

exec python3 "$SRC/bench/lib/musicbench.py" --bin "$BUILD/safebase" --src "$SRC" \
  --plan "${PLAN:-$SRC/bench/plans/three-minutes.plan}" --music "$TRACK" --runs "${RUNS:-3}" \
  --seconds "$CUT" --cases "${CASES:-}" --display "${BENCH_DISPLAY:-:105}"
