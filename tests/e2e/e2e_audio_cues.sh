#!/usr/bin/env bash
# The cues: a session without music sounds its start chime, an "ending soon" cue, two phase
# chimes and the end cue. Each must start within 30 ms of its moment in the session timeline
# (--timing reports both, on the same clock), be heard in the written sound where the app says
# it put it, and not click; the three sounds must be distinct and soft. Each cue is also a
# caption on screen, unless captions are off; without a sound device captions always show.
. "$(dirname "$0")/lib.sh"
. "$SRC/tests/e2e/audiolib.sh"
cat >"$WORK/cues.plan" <<'PLAN'
[plan]
title = Cues
music = none
fade = 0.5s
[phase One]
duration = 7s
warn = 3.5s
[phase Two]
duration = 4.5s
[phase Three]
duration = 4s
PLAN

check "the session runs and exits 0" timed_session cues --plan "$WORK/cues.plan" --start --exit-at-end --log "$WORK/log.csv"
check "five cues were sounded" test "$(count_lines "$WORK/cues.err" "timing: cue ")" -eq 5
check "each cue within 30 ms of its moment, heard where reported" listen cues "$WORK/cues.raw" "$WORK/cues.err"
check "no click" listen clicks "$WORK/cues.raw"
check "cues are soft: peak under -12 dBFS" below "$(audio_stat "$WORK/cues.raw" peak_db)" -12
check "and audible: peak over -30 dBFS" above "$(audio_stat "$WORK/cues.raw" peak_db)" -30

# The three cue sounds differ: their loudest frequencies are not the same.
for cue in chime ending-soon end; do
  sox "$SRC/assets/sounds/$cue.wav" -n stat -freq 2>&1 | sort -g -k2 | tail -1 | awk '{print int($1)}' >"$WORK/$cue.hz"
done
check "the three cue sounds are distinct" test "$(cat "$WORK"/*.hz | sort -u | wc -l)" -eq 3
check "each cue was captioned" test "$(count_lines "$WORK/cues.err" "timing: caption ")" -eq 5
check "captions say what sounded" grep -q 'caption at=[0-9]* .* Soft chime: now Two' "$WORK/cues.err"

# A four-second session: chimes at 0, 1.5 and 3 s and the end cue at 4 s.
SHORT=$SRC/tests/e2e/short.plan
check "with --no-captions" timed_session quiet --plan "$SHORT" --start --exit-at-end --log "$WORK/log.csv" --no-captions
check "no captions" test "$(count_lines "$WORK/quiet.err" "timing: caption ")" -eq 0
check "the cues still sound" test "$(count_lines "$WORK/quiet.err" "timing: cue ")" -eq 4

check "without a sound device" env SDL_AUDIODRIVER=no-such-driver "$BIN" --plan "$SHORT" --start --exit-at-end \
  --log "$WORK/log.csv" --no-captions --timing 2>"$WORK/deaf.err"
check "it says the session runs with visual cues only" grep -q "visual cues only" "$WORK/deaf.err"
# (the first chime's moment shows "No sound: visual cues only" instead)
check "captions carry the session (they show even when turned off)" test "$(count_lines "$WORK/deaf.err" "timing: caption ")" -eq 3
check "and it completed" test "$(csv_field "$WORK/log.csv" 7)" = completed
finish
