#!/usr/bin/env bash
# Builds the libFuzzer harnesses (tests/fuzz/fuzz_*.c) with clang in build-fuzz and runs each
# for a bounded time from its committed seed corpus; exits non-zero if any of them finds a
# crash, a leak, undefined behaviour or a broken invariant. New inputs go to a scratch corpus
# (build-fuzz/corpus/NAME), never into the committed one; a crashing input is kept as
# build-fuzz/crash-NAME-* to be added to tests/fuzz/NAME/ once fixed.
# Usage: tools/fuzz.sh [NAME...]   (default: every harness)   FUZZ_SECONDS=60 per harness
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-60}
dir=build-fuzz
CC=${FUZZ_CC:-clang} cmake -S . -B "$dir" -DSAFEBASE_FUZZ=ON -DBUILD_TESTING=OFF \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$dir" --target fuzzers -j "$(nproc 2>/dev/null || echo 2)" >/dev/null
if [ $# -gt 0 ]; then names=("$@"); else
  names=()
  for f in tests/fuzz/fuzz_*.c; do n=${f##*/fuzz_}; names+=("${n%.c}"); done
fi
failed=()
for name in "${names[@]}"; do
  scratch=$dir/corpus/$name
  mkdir -p "$scratch"
  dict=()
  [ -f "tests/fuzz/$name.dict" ] && dict=(-dict="tests/fuzz/$name.dict")
  echo "== fuzz_$name for ${seconds}s"
  start=$(date +%s)
  # -max_len past the 1000-byte line limit; -timeout: one input taking 10 s is a hang.
  if ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
     "$dir/tests/fuzz/fuzz_$name" "$scratch" "tests/fuzz/$name" "${dict[@]}" -max_total_time="$seconds" \
       -max_len=8192 -timeout=10 -rss_limit_mb=1024 -artifact_prefix="$dir/crash-$name-" \
       -print_final_stats=1 >"$dir/fuzz_$name.log" 2>&1; then
    runs=$(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$dir/fuzz_$name.log" | grep -Eo '[0-9]+$' || echo '?')
    cov=$(grep -Eo 'cov: [0-9]+' "$dir/fuzz_$name.log" | tail -1 || true)
    echo "   ok: $runs inputs in $(( $(date +%s) - start ))s, ${cov:-cov: ?}, corpus $(ls "$scratch" | wc -l) files"
  else
    failed+=("$name")
    echo "   FAILED: see $dir/fuzz_$name.log" >&2
    grep -E 'ERROR|SUMMARY|runtime error|Test unit written' "$dir/fuzz_$name.log" | head -8 >&2 || true
  fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: failures in: ${failed[*]}" >&2
  exit 1
fi
