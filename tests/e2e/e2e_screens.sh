#!/usr/bin/env bash
# End to end, on a private X server (Xvfb) with real key presses (xdotool), clicks and drops
# (xdnd.py, the XDND protocol a file manager speaks): everything a session needs from the
# screen. Adjust a plan (E) and save it as the user's own, again in place, and a second copy;
# name a client (N) and see the log carry it; refuse a name too long; choose music from the
# music folder (M) and hear it in the recorded audio; drop a plan, a broken plan and a file
# that is neither; open a plan file given as a plain argument and keep it (K).
. "$(dirname "$0")/lib.sh"
command -v Xvfb >/dev/null && command -v xdotool >/dev/null || { echo "skip: Xvfb or xdotool is not installed"; exit 77; }
SHORT=$SRC/tests/e2e/short.plan
XDND=$SRC/tests/e2e/xdnd.py
LOG=$WORK/logs/sessions.csv
PLANS=$XDG_CONFIG_HOME/safebase/plans
Xvfb -displayfd 3 -screen 0 1280x720x24 -nolisten tcp 3>"$WORK/display" 2>/dev/null &
xpid=$!
trap 'kill $xpid 2>/dev/null; [ -n "${pid:-}" ] && kill -9 "$pid" 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 50); do [ -s "$WORK/display" ] && break; sleep 0.1; done
export DISPLAY=:$(cat "$WORK/display") SDL_VIDEODRIVER=x11
unset XDG_MUSIC_DIR

wait_for() { # seconds, then a command that must come true
  local n=$(($1 * 10)); shift
  for _ in $(seq "$n"); do "$@" && return 0; sleep 0.1; done
  return 1
}
# this run's window (by its pid: the last run's window can outlive its process for a moment,
# and keys sent to it are lost)
window() { xdotool search --all --pid "$pid" --name 'Safe Base' 2>/dev/null | head -1; }
has_window() { [ -n "$(window)" ]; }
# Starts safebase in the background (NAME, then its arguments) and waits for its window.
start() {
  local name=$1; shift
  SDL_DISKAUDIOFILE=$WORK/$name.raw "$BIN" --window=1280x720 --log "$LOG" "$@" >"$WORK/$name.out" 2>"$WORK/$name.err" &
  pid=$!
  wait_for 15 has_window
  sleep 0.5
  W=$(window)
}
keys() { xdotool key --window "$W" --delay 120 "$@"; sleep 0.4; }
quit() { kill -TERM "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; pid=; }
listed() { "$BIN" --list 2>/dev/null | grep -F -- "$1"; }
rows() { python3 -c 'import csv,sys; print(sum(1 for r in csv.reader(open(sys.argv[1])) if r and r[0]!="started"))' "$1" 2>/dev/null || echo 0; }
exited() { ! kill -0 "$pid" 2>/dev/null; }
plans_are() { test "$(ls "$PLANS" | wc -l)" -eq "$1"; }   # (a function: wait_for asks it afresh)

# --- Adjust: special playtime 15 -> 20 min, saved as the user's own ---------------------------
start adjust --plan special-playtime
keys e Right Return
check "E, Right, Enter: saved as the user's own plan" wait_for 5 test -s "$PLANS/special-playtime-yours.plan"
check "the saved plan passes --check" "$BIN" --check "$PLANS/special-playtime-yours.plan"
check "--list shows it with its new length" listed "Special playtime (yours)" | grep -q "20 min"
check "it says where it came from" grep -q '^# Adjusted in Safe Base on .*Special playtime' "$PLANS/special-playtime-yours.plan"
check "it keeps the prompts a person wrote" grep -q 'prompt = Follow their lead.' "$PLANS/special-playtime-yours.plan"
# the ready screen is now the saved plan's: adjusting it again changes it in place
keys e Right Return
sleep 0.5
check "adjusting one's own plan changes it in place (25 min)" listed "Special playtime (yours)" | grep -q "25 min"
check "... and makes no second file" test "$(ls "$PLANS" | grep -c '\.plan$')" -eq 1
check "... and leaves no temporary file" test "$(ls -A "$PLANS" | grep -vc '\.plan$')" -eq 0
keys e Right Right Escape
sleep 0.3
check "Esc leaves without saving" listed "Special playtime (yours)" | grep -q "25 min"
quit
start adjust2 --plan special-playtime
keys e Left Return
check "a second copy is '(yours 2)'" wait_for 5 test -s "$PLANS/special-playtime-yours-2.plan"
check "... 10 min long" listed "Special playtime (yours 2)" | grep -q "10 min"
quit

# --- nothing changed: nothing saved; the buttons by keys (Down, Enter) and by a mouse click ---
before=$(ls "$PLANS" | wc -l)
start same --plan special-playtime
keys e Return
keys Down Return Return     # Down reaches the buttons: the first is Adjust; Enter on it, Enter again
check "Enter with nothing changed saves no copy (keys and the focused button)" test "$(ls "$PLANS" | wc -l)" -eq "$before"
quit
start click --plan special-playtime
xdotool mousemove --window "$W" 473 661 click 1   # the Adjust button (1280x720: the bottom row)
sleep 1.5   # the Adjust screen opens (a Debug build beside an ASan one on two cores: not at once)
keys Right
xdotool mousemove --window "$W" 566 628 click 1   # the Save button
check "a click on Adjust, Right, a click on Save: a new copy" wait_for 5 plans_are $((before + 1))
quit

# --- a plans folder that cannot be written: said, and the adjusted plan still runs -------------
mv "$PLANS" "$WORK/plans.saved"
echo 'not a folder' >"$PLANS"
start unwritable --plan "$SHORT"
keys e Right Return
sleep 0.5
check "cannot save: said on stderr, naming the folder" grep -q "cannot save the adjusted plan: .*$PLANS" "$WORK/unwritable.err"
keys space
sleep 1
keys Escape Escape
sleep 1
quit
check "... the session ran the adjusted plan (1 min planned)" test "$(csv_field "$LOG" 4)" = 60.0
check "... and the file in the way is untouched" test "$(cat "$PLANS")" = 'not a folder'
rm "$PLANS"; mv "$WORK/plans.saved" "$PLANS"

# --- a client named on the screen, and one refused ---------------------------------------------
start client --plan "$SHORT" --exit-at-end
keys n
xdotool type --window "$W" --delay 40 'Kit B-2'
keys Return space
check "N, a pseudonym, Enter, Space: the session runs and ends" wait_for 20 exited
check "the log carries the client" test "$(csv_field "$LOG" 10)" = 'Kit B-2'
start long --plan "$SHORT" --exit-at-end
keys n
xdotool type --window "$W" --delay 15 'abcdefghijabcdefghijabcdefghijabcdefghijXYZ'
keys Return space
check "a name over 40 characters: the rest refused, the first 40 used" wait_for 20 exited
check "... exactly 40 characters" test "$(csv_field "$LOG" 10)" = abcdefghijabcdefghijabcdefghijabcdefghij
start esc --plan "$SHORT" --exit-at-end
keys n
xdotool type --window "$W" --delay 40 'emh'   # letters that are keys elsewhere (E, M, H)
keys Escape space
check "Esc leaves the field; the typed letters did nothing else" wait_for 20 exited
check "... no client on that session" test -z "$(csv_field "$LOG" 10)"

# --- music from the music folder, heard in the session ------------------------------------------
mkdir -p "$HOME/Music/Dance" "$HOME/Music/Calm"
sox -R -n -r 48000 -c 2 "$HOME/Music/Dance/tune.ogg" synth 8 sine 2500 gain -12
sox -R -n -r 48000 -c 2 "$HOME/Music/Calm/tune.ogg" synth 8 sine 600 gain -12
start music --plan "$SHORT" --exit-at-end
# rows: Safe Base's own, No music, then Calm, Dance (by name)
keys m
sleep 1
keys Down Down Down Return
sleep 0.5
keys space
check "M, the Dance folder, Space: the session runs and ends" wait_for 20 exited
cat > "$WORK/tone.py" <<'PY'
import math, sys, array
data = array.array("f"); data.frombytes(open(sys.argv[1], "rb").read())
def power(hz):  # the whole recording's left channel (the ready screen before it is silent)
    seg = data[::2]
    w = 2 * math.cos(2 * math.pi * hz / 48000); s1 = s2 = 0.0
    for x in seg: s1, s2 = x + w * s1 - s2, s1
    return s1 * s1 + s2 * s2 - w * s1 * s2
print("high" if power(2500) > 100 * power(600) else "other")
PY
check "the music heard is the Dance folder's 2.5 kHz tune" test "$(python3 "$WORK/tone.py" "$WORK/music.raw")" = high
check "the choice is remembered for the plan" grep -q "Dance" "$XDG_CONFIG_HOME/safebase/choices.tsv"
start music2 --plan "$SHORT" --exit-at-end
keys space
check "next time the plan starts with the same music" wait_for 20 exited
check "... heard again" test "$(python3 "$WORK/tone.py" "$WORK/music2.raw")" = high

# --- drops and a plan file from outside -----------------------------------------------------------
mkdir -p "$WORK/sent"
cp "$SHORT" "$WORK/sent/from a colleague.plan"
printf '[plan]\ntitle = Broken\n[phase A]\nduration = soon\ncolour = red\n' >"$WORK/sent/broken.plan"
echo 'not a plan' >"$WORK/sent/notes.pdf"
start drop
check "a dropped plan opens its ready screen (Space starts it)" python3 "$XDND" --window "$W" "$WORK/sent/from a colleague.plan"
sleep 0.5
keys space
check "... and its session is logged under its title" wait_for 15 grep -q 'Short test, with a comma' "$LOG"
quit
before=$(rows "$LOG")
start drop2
python3 "$XDND" --window "$W" "$WORK/sent/notes.pdf"
sleep 0.5
check "a dropped file that is neither: said, the app still open" kill -0 "$pid"
python3 "$XDND" --window "$W" "$WORK/sent/broken.plan"
sleep 0.5
check "a dropped plan with mistakes: each named with its line" grep -q 'broken.plan:4: ' "$WORK/drop2.err"
check "... and the app is still open" kill -0 "$pid"
keys Escape space
sleep 0.5
quit
check "... no session came of either" test "$(rows "$LOG")" -eq "$before"
# --- the History screen writes the printable report to the documents folder ------------------
start history
keys h p
report_file() { ls "$HOME"/Documents/safebase-report-everyone-*.html 2>/dev/null | head -1; }
check "History, P: a report in ~/Documents" wait_for 5 test -n "$(report_file)"
check "... a whole HTML page with its charts" grep -q '</html>' "$(report_file)"
check "... and it says where on stderr" grep -q "the report is in $HOME/Documents/safebase-report-everyone-" "$WORK/history.err"
quit

start opened "$WORK/sent/from a colleague.plan"
keys k
check "a plan opened as a plain argument is kept with K" wait_for 10 test -s "$PLANS/from-a-colleague.plan"
check "... and it passes --check" "$BIN" --check "$PLANS/from-a-colleague.plan"
quit
finish
