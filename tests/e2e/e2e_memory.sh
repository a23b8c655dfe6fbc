#!/usr/bin/env bash
# End to end: a 30-second session (fades, a soft phase, a crossfade to another track, chimes,
# warnings, the end cue) checked for memory errors. In the sanitizer build it runs under
# AddressSanitizer + UBSan + LeakSanitizer; in the plain build under valgrind memcheck
# (--leak-check=full, definite leaks are errors). On a private Xvfb when there is one (the
# real X11 path; memcheck also through mesa's GL renderer), else SDL's dummy video.
# Known leaks in system libraries: tests/lsan.supp, tests/valgrind.supp (each with its reason).
. "$(dirname "$0")/lib.sh"
PLAN=$SRC/tests/e2e/thirty.plan
LOG=$WORK/sessions.csv
xvfb_pid=
trap '[ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null; rm -rf "$WORK"' EXIT

# A private X server on a free display number (Xvfb picks it and writes it to fd 3).
if command -v Xvfb >/dev/null; then
  Xvfb -displayfd 3 -screen 0 1280x720x24 -nolisten tcp 3>"$WORK/display" 2>/dev/null &
  xvfb_pid=$!
  for _ in $(seq 50); do [ -s "$WORK/display" ] && break; sleep 0.1; done
  if [ -s "$WORK/display" ]; then
    export DISPLAY=:$(cat "$WORK/display") SDL_VIDEODRIVER=x11
  fi
fi
echo "video: $SDL_VIDEODRIVER ${DISPLAY:-}"

if ldd "$BIN" | grep -q libasan; then
  echo "mode: AddressSanitizer + UBSan + LeakSanitizer"
  # X11's plain framebuffer (no GL): mesa's driver is unloaded before LSan looks and its
  # frames would be anonymous; the GL path is memcheck's (below).
  SDL_RENDER_DRIVER=software SDL_FRAMEBUFFER_ACCELERATION=0 \
  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
  LSAN_OPTIONS=suppressions=$SRC/tests/lsan.supp:print_suppressions=0 \
    SDL_DISKAUDIOFILE=$WORK/a.raw timeout 100 "$BIN" --plan "$PLAN" --start --exit-at-end \
      --log "$LOG" >"$WORK/out" 2>"$WORK/err"
  rc=$?
  check "the session exits 0 under the sanitizers (got $rc)" test "$rc" -eq 0
  check "no sanitizer report" bash -c "! grep -Eq 'ERROR: (Address|Leak)Sanitizer|runtime error' '$WORK/err'"
else
  echo "mode: valgrind memcheck"
  if ! command -v valgrind >/dev/null; then
    fail "valgrind is not installed (tools/setup.sh installs it)"
    finish; exit
  fi
  SDL_DISKAUDIOFILE=$WORK/a.raw timeout 240 valgrind --error-exitcode=1 --leak-check=full \
    --errors-for-leak-kinds=definite --keep-debuginfo=yes --child-silent-after-fork=yes \
    --num-callers=40 --suppressions="$SRC/tests/valgrind.supp" \
    "$BIN" --plan "$PLAN" --start --exit-at-end --log "$LOG" >"$WORK/out" 2>"$WORK/err"
  rc=$?
  check "the session exits 0 under memcheck (got $rc)" test "$rc" -eq 0
  check "memcheck: no errors" grep -q 'ERROR SUMMARY: 0 errors' "$WORK/err"
  check "memcheck: nothing definitely lost" bash -c "! grep -q 'definitely lost: [1-9]' '$WORK/err'"
fi
[ "$failed" -gt 0 ] && grep -v '^CRITICAL' "$WORK/err" | tail -60 >&2
check "the session was logged" test -s "$LOG"
check "... as completed, 7 of 7 phases" test "$(csv_field "$LOG" 7),$(csv_field "$LOG" 8),$(csv_field "$LOG" 9)" = "completed,7,7"
check "... planned 30 s" test "$(csv_field "$LOG" 4)" = "30.0"
check "... lasting 30 s (within 0.5 s)" within "$(csv_field "$LOG" 5)" 30 0.5
finish
