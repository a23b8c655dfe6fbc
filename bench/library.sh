#!/usr/bin/env bash
# Music at any scale (not a test: run it by hand, about RUNS x 2 minutes): a 30-second session
# on its first use of one track, of a 2,000-track folder and of a 10,000-track folder, under
# Xvfb with SDL's software renderer and disk audio; CPU (app + X), peak RSS, Space to the first
# sound and the tracks measured, medians of RUNS runs with ratios to the one-track session.
# Goals (docs/performance.md): CPU <= 1.5 x one track; 10,000 tracks < 5 MB above one track;
# first sound < 300 ms after Space. The library is made once under build-release/bench-library.
# Usage: bench/library.sh [BUILD_DIR]   Environment: RUNS (default 3), BENCH_DISPLAY (default :105)
set -euo pipefail
SRC=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${1:-$SRC/build-release}
if [ ! -x "$BUILD/safebase" ]; then
  cmake -S "$SRC" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF >/dev/null
  cmake --build "$BUILD" -j2 >/dev/null
fi
exec python3 "$SRC/bench/lib/library.py" --bin "$BUILD/safebase" --src "$SRC" \
  --display "${BENCH_DISPLAY:-:105}" --runs "${RUNS:-3}" --library-dir "$BUILD/bench-library"
