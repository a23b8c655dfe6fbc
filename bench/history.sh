#!/usr/bin/env bash
# Measures safebase --history over a 1,000,000-line log: builds Release, makes the log once
# (bench/make-log.py, kept in build-release/), then runs each case 5 times and prints the
# median wall time and the median peak memory (GNU time: %e seconds, %M KiB). The same on a
# 10,000-line log shows the memory does not grow with the log.
set -euo pipefail
cd "$(dirname "$0")/.."
LINES=${LINES:-1000000}
cmake -S . -B build-release -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF -DSAFEBASE_WERROR=OFF >/dev/null
cmake --build build-release -j2 --target safebase >/dev/null
LOG=build-release/bench-$LINES.csv
[ -s "$LOG" ] || python3 bench/make-log.py "$LOG" "$LINES"
HOME=$(mktemp -d)
export HOME XDG_DATA_HOME=$HOME/data XDG_STATE_HOME=$HOME/state
trap 'rm -rf "$HOME"' EXIT
echo "log: $LOG, $(wc -l <"$LOG") lines, $(du -m "$LOG" | cut -f1) MB"
measure() { # name args...
  local name=$1; shift
  local times=() mems=()
  for _ in 1 2 3 4 5; do
    read -r t m < <(/usr/bin/time -f '%e %M' ./build-release/safebase "$@" --log "$LOG" 2>&1 >/dev/null | tail -1)
    times+=("$t"); mems+=("$m")
  done
  printf '%-28s median %5s s   peak RSS %6s KiB   (runs: %s)\n' "$name" \
    "$(printf '%s\n' "${times[@]}" | sort -g | sed -n 3p)" "$(printf '%s\n' "${mems[@]}" | sort -g | sed -n 3p)" "${times[*]}"
}
measure "--history" --history
measure "--history --client Robin" --history --client Robin
measure "--history --csv" --history --csv
measure "--list (no log read)" --list
SMALL=build-release/bench-10000.csv
[ -s "$SMALL" ] || python3 bench/make-log.py "$SMALL" 10000
LOG=$SMALL measure "--history, 10,000 lines" --history
