#!/usr/bin/env bash
# The app built without its sound room (tests/stub/sound.c in its place, 26 lines: the whole of
# platform/sound/audio.h) links, so nothing outside the sound room reaches past that header;
# and it runs a whole session with visual cues only, logged as completed.
. "$(dirname "$0")/../e2e/lib.sh"
LOG=$WORK/sessions.csv
check "a session runs to its end without the sound room" \
  run_session s1 --plan "$SRC/tests/e2e/short.plan" --start --exit-at-end --log "$LOG"
check "it says the session has visual cues only" grep -q "visual cues only" "$WORK/s1.err"
check "the session is logged as completed" test "$(csv_field "$LOG" 7)" = completed
check "no sound was written" test ! -s "$WORK/s1.raw"
finish
