#!/usr/bin/env bash
# The long session (a soak, not a test: MINUTES of the clock, 180 by default): one session of
# MINUTES minutes, a phase change (with its chime) every 2 minutes, music from a 2,000-track
# folder of 4-second tracks (a track change every 4 s, each track new to the loudness cache),
# SDL's dummy video and disk audio to /dev/null. Samples the app's resident memory (VmRSS) every
# 30 s and reads every cue's lateness from --timing (the mixer's sample position of each cue
# against its moment). Goals: resident memory grows < 1 MB after the first 5 minutes; cues within
# 30 ms at the end. Usage: bench/soak.sh [BUILD_DIR]   Environment: MINUTES (default 180)
set -euo pipefail
SRC=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${1:-$SRC/build-release}
if [ ! -x "$BUILD/safebase" ]; then
  cmake -S "$SRC" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF >/dev/null
  cmake --build "$BUILD" -j2 >/dev/null
fi
exec python3 "$SRC/bench/lib/soak.py" --bin "$BUILD/safebase" --minutes "${MINUTES:-180}" \
  --library-dir "$BUILD/bench-library"
