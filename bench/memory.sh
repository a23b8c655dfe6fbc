#!/usr/bin/env bash
# Where the memory goes: bench/run's 60-second session (Release build, its own Xvfb at
# 1920x1080, software renderer, SDL's disk audio), its peak RSS (VmHWM) and, before Space and
# 5, 30 and 57 s into the session, the resident memory of each kind of mapping from
# /proc/PID/smaps (libraries, the X window surface, the malloc heap, stacks, other anonymous
# blocks such as textures and sound buffers) and the libraries with the most resident.
# Takes about BENCH_RUNS x 70 s. Measures only: writes nothing. Needs tools/setup.sh's packages.
#   BENCH_RUNS=3         runs (the median peak is printed at the end)
#   BENCH_DISPLAY=:104   the X display number for its own Xvfb (must be free)
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build-release -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF >/dev/null
cmake --build build-release -j "$(nproc 2>/dev/null || echo 2)" >/dev/null
exec python3 bench/lib/memory.py --bin build-release/safebase --src . \
  --display "${BENCH_DISPLAY:-:104}" --runs "${BENCH_RUNS:-3}"
