#!/usr/bin/env bash
# End to end, with a game controller only: the app as main.c starts it (tests/platform/app/
# tool_events.c) with a thread that presses the buttons of SDL's virtual joystick, which the app
# opens like any controller (there is no /dev/uinput here for a real virtual gamepad). On the
# ready screen: Down reaches the buttons, Left/Right move along them, A presses, B goes back;
# Adjust and save, Adjust and leave, music from the chooser, the client field; A starts a
# session; a plan dropped on the menu opens and runs, a file that is neither changes nothing.
. "$(dirname "$0")/lib.sh"
TOOL=${TOOL:-$(dirname "$BIN")/tests/tool_events}
[ -x "$TOOL" ] || { echo "skip: $TOOL is not built (tests/platform/app/tool_events.c)"; exit 77; }
SHORT=$SRC/tests/e2e/short.plan
LOG=$WORK/logs/sessions.csv
PLANS=$XDG_CONFIG_HOME/safebase/plans
export SDL_VIDEODRIVER=dummy
# the dummy video driver never gives its window the keyboard focus, and SDL drops a
# controller's buttons while no window of the app has it; on a desktop the focused app has it
export SDL_JOYSTICK_ALLOW_BACKGROUND_EVENTS=1
unset XDG_MUSIC_DIR
PUSH=

# Runs the tool (NAME, the event script, then the app's arguments) in the background.
start() {
  local name=$1 events=$2; shift 2
  SAFEBASE_EVENTS=$events SAFEBASE_EVENTS_PUSH=${PUSH:-} SDL_DISKAUDIOFILE=$WORK/$name.raw timeout 60 "$TOOL" --window=1280x720 --log "$LOG" "$@" \
    >"$WORK/$name.out" 2>"$WORK/$name.err" &
  pid=$!
}
# Waits for the tool (NAME) to end; true when it ended with status 0.
ended() {
  wait "$pid"
  local rc=$?
  pid=
  [ "$rc" -eq 0 ] || { echo "$1: exit status $rc" >&2; cat "$WORK/$1.err" >&2; return 1; }
}
run() { start "$@"; ended "$1"; }
wait_for() { # seconds, then a command that must come true
  local n=$(($1 * 10)); shift
  for _ in $(seq "$n"); do "$@" && return 0; sleep 0.1; done
  return 1
}
said() { grep -q "tool_events: $2" "$WORK/$1.err"; }
listed() { "$BIN" --list 2>/dev/null | grep -F -- "$1"; }
rows() { python3 -c 'import csv,sys; print(sum(1 for r in csv.reader(open(sys.argv[1])) if r and r[0]!="started"))' "$1" 2>/dev/null || echo 0; }
plans() { ls "$PLANS" 2>/dev/null | wc -l; }
trap '[ -n "${pid:-}" ] && kill -9 "$pid" 2>/dev/null; rm -rf "$WORK"' EXIT
# the first frame takes up to a second, then the controller is plugged in: 1.5 s before the first press
GO='wait 1500'

# --- Adjust with the pad: Down, A (Adjust), Right (15 -> 20 min), A (save) ------------------
check "adjust: the tool runs the script and ends" \
  run adjust "$GO; pad dpad_down; wait 300; pad a; wait 500; pad dpad_right; wait 300; pad a; wait 800; quit" \
  --plan special-playtime
check "... the app opened the virtual controller" said adjust "virtual controller attached and opened by the app"
check "... every press was made" test "$(grep -c 'tool_events: pad ' "$WORK/adjust.err")" -eq 4
check "... saved as the user's own plan" test -s "$PLANS/special-playtime-yours.plan"
check "... which passes --check" "$BIN" --check "$PLANS/special-playtime-yours.plan"
check "... and is listed 20 min long" listed "Special playtime (yours)" | grep -q "20 min"

# --- Adjust, Right, then B: nothing saved; A on the ready screen then starts the plan as it was
before=$(plans)
rows_before=$(rows "$LOG")
check "adjust, B: the tool runs the script and ends" \
  run leave "$GO; pad dpad_down; wait 300; pad a; wait 500; pad dpad_right; wait 300; pad b; wait 500; pad a; wait 1500; quit" \
  --plan special-playtime
check "... nothing was saved" test "$(plans)" -eq "$before"
check "... listed as before (20 min)" listed "Special playtime (yours)" | grep -q "20 min"
check "... B went back to the ready screen: A started the session, logged" test "$(rows "$LOG")" -eq $((rows_before + 1))
check "... with the plan unchanged (900 s planned)" test "$(csv_field "$LOG" 4)" = 900.0

# --- Music: Down, Right (Music), A (the chooser), Down (No music), A ------------------------
check "music: the tool runs the script and ends" \
  run music "$GO; pad dpad_down; wait 300; pad dpad_right; wait 300; pad a; wait 800; pad dpad_down; wait 300; pad a; wait 800; quit" \
  --plan special-playtime
check "... no music remembered for the plan" \
  grep -qP '^plan\tspecial-playtime\tmusic\tnone$' "$XDG_CONFIG_HOME/safebase/choices.tsv"
check "... the choices file is private (0600)" test "$(stat -c %a "$XDG_CONFIG_HOME/safebase/choices.tsv")" = 600

# --- Client: Down, Right, Right (Client), A (the field), B (leaves); the app runs on ------------
rows_before=$(rows "$LOG")
start client "$GO; pad dpad_down; wait 300; pad dpad_right; wait 300; pad dpad_right; wait 300; pad a; wait 500; pad b; wait 2500; pad a" \
  --plan "$SHORT" --exit-at-end
check "client: B pressed in the field" wait_for 15 said client "pad b"
sleep 1
check "... the app still runs after it" kill -0 "$pid"
check "... A then starts the session on the ready screen, which ends by itself" ended client
check "... one session logged" test "$(rows "$LOG")" -eq $((rows_before + 1))
check "... with no client" test -z "$(csv_field "$LOG" 10)"

# --- A on the ready screen, no button chosen: the session starts --------------------------------
rows_before=$(rows "$LOG")
check "start: A runs the short plan to its end (--exit-at-end)" run start "$GO; pad a" --plan "$SHORT" --exit-at-end
check "... a row in the log" test "$(rows "$LOG")" -eq $((rows_before + 1))
check "... completed" test "$(csv_field "$LOG" 7)" = completed
check "... its title" test "$(csv_field "$LOG" 3)" = "Short test, with a comma"
# the same with the button events pushed from a controller never opened (which = 0)
PUSH=1
check "start, pushed events: the session runs to its end" run push "$GO; pad a" --plan "$SHORT" --exit-at-end
PUSH=
check "... they were pushed" said push "pad a (pushed)"
check "... a row in the log" test "$(rows "$LOG")" -eq $((rows_before + 2))

# --- drops: a plan dropped on the menu opens (A starts it); a file that is neither does nothing --
mkdir -p "$WORK/sent"
cp "$SHORT" "$WORK/sent/from a colleague.plan"
sed -i 's/^title = .*/title = Sent by a colleague/' "$WORK/sent/from a colleague.plan"
echo 'not a plan' >"$WORK/sent/notes.txt"
rows_before=$(rows "$LOG")
check "drop: a dropped plan, then A: the session runs to its end" \
  run drop "$GO; drop $WORK/sent/from a colleague.plan; wait 800; pad a" --exit-at-end
check "... its title is in the log" test "$(csv_field "$LOG" 3)" = "Sent by a colleague"
check "... one row" test "$(rows "$LOG")" -eq $((rows_before + 1))
rows_before=$(rows "$LOG")
start drop2 "$GO; drop $WORK/sent/notes.txt; wait 2500; quit" --exit-at-end
check "drop of a text file: done" wait_for 15 said drop2 "drop "
sleep 0.5
check "... the app still runs" kill -0 "$pid"
check "... and ends when asked" ended drop2
check "... no session came of it" test "$(rows "$LOG")" -eq "$rows_before"
finish
