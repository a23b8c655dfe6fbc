#!/usr/bin/env bash
# End to end: the real binary runs a four-second plan headless (dummy video, disk audio) with
# --start --exit-at-end; the log line and the audio it wrote are checked.
. "$(dirname "$0")/lib.sh"
PLAN=$SRC/tests/e2e/short.plan
LOG=$WORK/logs/sessions.csv

check "a short session runs and exits 0" run_session s1 --plan "$PLAN" --start --exit-at-end --log "$LOG"
cat "$WORK/s1.err" >&2
check "the log has a header and one record" test "$(wc -l <"$LOG")" -eq 2
check "the header is the documented one" test "$(head -1 "$LOG")" = \
  "started,ended,plan,planned_seconds,duration_seconds,paused_seconds,outcome,phases_completed,phases_total,client,rating,look_backs,extends,reconnects,note,first_separation_seconds,longest_separation_seconds,reconnect_separation_seconds"
check "the plan title is quoted (it has a comma)" grep -q '"Short test, with a comma"' "$LOG"
check "planned 4.0 s" test "$(csv_field "$LOG" 4)" = "4.0"
check "duration within 0.2 s of planned" within "$(csv_field "$LOG" 5)" 4.0 0.2
check "no pause" test "$(csv_field "$LOG" 6)" = "0.0"
check "outcome completed" test "$(csv_field "$LOG" 7)" = "completed"
check "all 3 phases completed" test "$(csv_field "$LOG" 8),$(csv_field "$LOG" 9)" = "3,3"
check "times are ISO 8601 with an offset" grep -Eq '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}[+-][0-9]{2}:[0-9]{2},' <(tail -1 "$LOG")
check "the log is private (0600)" test "$(stat -c %a "$LOG")" = 600
check "its folder is private (0700)" test "$(stat -c %a "$WORK/logs")" = 700

# the sound: present, not clipped, no clicks
check "audio was written" test -s "$WORK/s1.raw"
check "the audio is not silent (RMS above -50 dBFS)" above "$(audio_stat "$WORK/s1.raw" rms_db)" -50
check "nothing clips (peak below -1 dBFS)" below "$(audio_stat "$WORK/s1.raw" peak_db)" -1
# The loudest content here (cues at -16 dBFS, partials up to 2 kHz) moves at most about
# 2*pi*2000/48000*0.16 = 0.04 per sample; a hard cut or jump in the music steps further.
check "no click: no sample step above 0.05" below "$(audio_stat "$WORK/s1.raw" max_step)" 0.05

# a second session appends, never rewrites
check "a second session runs" run_session s2 --plan "$PLAN" --start --exit-at-end --log "$LOG"
check "the log now has two records under one header" test "$(grep -c started "$LOG"),$(wc -l <"$LOG")" = "1,3"
finish
