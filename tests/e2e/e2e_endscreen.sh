#!/usr/bin/env bash
# End to end, on a private X server (Xvfb) driven by xdotool: after a session the end screen
# takes a rating (key 4) and a typed note, and Enter writes them into the same record; a
# crash while the end screen is open still leaves the session (with its rating) in the log.
. "$(dirname "$0")/lib.sh"
SHORT=$SRC/tests/e2e/short.plan
LOG=$WORK/logs/sessions.csv
Xvfb -displayfd 3 -screen 0 1280x720x24 -nolisten tcp 3>"$WORK/display" 2>/dev/null &
xpid=$!
trap 'kill $xpid 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 50); do [ -s "$WORK/display" ] && break; sleep 0.1; done
export DISPLAY=:$(cat "$WORK/display") SDL_VIDEODRIVER=x11

rows() { python3 -c 'import csv,sys; print(sum(1 for r in csv.reader(open(sys.argv[1])) if r and r[0]!="started"))' "$1"; }
wait_for() { # seconds, then a command that must come true
  local n=$(($1 * 10)); shift
  for _ in $(seq "$n"); do "$@" && return 0; sleep 0.1; done
  return 1
}
in_journal() { local f; for f in $(journal_files "$LOG"); do grep -qs "$1" "$f" && return 0; done; return 1; }
held() { in_journal '^held '; }
# this run's window (by its pid: the last run's window can outlive its process for a moment)
window() { xdotool search --all --pid "$pid" --name 'Safe Base' | head -1; }

# rating and note, then Enter
SDL_DISKAUDIOFILE=$WORK/a.raw "$BIN" --window=1280x720 --plan "$SHORT" --start --log "$LOG" --client Robin \
  >"$WORK/a.out" 2>"$WORK/a.err" &
pid=$!
check "the session ends on the end screen (its record held in the journal)" wait_for 20 held
check "nothing is in the log while the question is open" test "$(rows "$LOG")" -eq 0
W=$(window)
xdotool key --window "$W" 4
xdotool type --window "$W" --delay 30 'Fun, "big" dayX'
xdotool key --window "$W" BackSpace Return
check "Enter writes the record" wait_for 5 test -s "$LOG"
check "one record" test "$(rows "$LOG")" -eq 1
check "with the rating" test "$(csv_field "$LOG" 11)" = 4
check "with the note (Backspace took one character)" test "$(csv_field "$LOG" 15)" = 'Fun, "big" day'
check "and the client" test "$(csv_field "$LOG" 10)" = Robin
check "the app is still open (back at the menu)" kill -0 "$pid"
kill -TERM "$pid"; wait "$pid"
check "no journal left" test "$(ls "$WORK/logs" | grep -c journal)" -eq 0

# a crash while the end screen is open: the record and its rating survive
SDL_DISKAUDIOFILE=$WORK/b.raw "$BIN" --window=1280x720 --plan "$SHORT" --start --log "$LOG" \
  >"$WORK/b.out" 2>"$WORK/b.err" &
pid=$!
wait_for 20 held
xdotool key --window "$(window)" 2
check "the rating reaches the journal at once" wait_for 5 in_journal ',2,0,0,0,,1.5,1.5,$'
kill -KILL "$pid"; wait "$pid" 2>/dev/null
"$BIN" --list --log "$LOG" >/dev/null 2>&1
check "after the crash: the session is in the log" test "$(rows "$LOG")" -eq 2
check "... as completed, with its rating" test "$(csv_field "$LOG" 7),$(csv_field "$LOG" 11)" = "completed,2"
finish
