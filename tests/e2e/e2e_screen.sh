#!/usr/bin/env bash
# End to end: the screen's settings and options. Mistakes in safebase.ini are named with file
# and line and the session still runs on the defaults; every view option runs a whole session;
# --display past the last monitor and --presenter on one display say so and carry on.
. "$(dirname "$0")/lib.sh"
PLAN=$SRC/tests/e2e/short.plan
LOG=$WORK/sessions.csv
mkdir -p "$XDG_CONFIG_HOME/safebase"
INI=$XDG_CONFIG_HOME/safebase/safebase.ini
printf '# screen\ntheme = loud\nreduced_motion = perhaps\nhide_time = yes\ndisplay = -2\n' >"$INI"

check "a session runs with mistakes in the settings" run_session bad --plan "$PLAN" --start --exit-at-end --log "$LOG"
check "the bad theme is named with file and line" grep -q "safebase.ini:2: " "$WORK/bad.err"
check "the bad yes/no is named with its line" grep -q "safebase.ini:3: " "$WORK/bad.err"
check "the bad display is named with its line" grep -q "safebase.ini:5: " "$WORK/bad.err"
check "the good line is not complained about" bash -c "! grep -q 'safebase.ini:4:' '$WORK/bad.err'"
check "the session completed anyway" test "$(csv_field "$LOG" 7)" = "completed"

printf 'theme = contrast\nreduced_motion = yes\nchild_view = yes\n' >"$INI"
check "high contrast, reduced motion, child view from the file" run_session good --plan "$PLAN" --start --exit-at-end --log "$LOG"
check "... with nothing to complain about" bash -c "! grep -q 'safebase' '$WORK/good.err'"
check "... and the session completed" test "$(csv_field "$LOG" 7)" = "completed"
rm "$INI"

check "every view option on the command line" run_session opts --plan "$PLAN" --start --exit-at-end --log "$LOG" \
  --theme contrast --reduced-motion --child-view --hide-time --window=640x400
check "... completes the session" test "$(csv_field "$LOG" 7),$(wc -l <"$LOG")" = "completed,4"

check "--display past the last monitor runs" run_session disp --plan "$PLAN" --start --exit-at-end --log "$LOG" --display 5
check "... and says it uses the first" grep -q "no display 5" "$WORK/disp.err"
check "--presenter with one display runs" run_session pres --plan "$PLAN" --start --exit-at-end --log "$LOG" --presenter
check "... and says a second display is needed" grep -q "needs a second display" "$WORK/pres.err"
check "... and the session completed" test "$(csv_field "$LOG" 7),$(wc -l <"$LOG")" = "completed,6"

"$BIN" --config "$WORK/missing.ini" --plan "$PLAN" --start --exit-at-end --log "$LOG" 2>"$WORK/miss.err" >/dev/null
check "a missing --config file is named" grep -q "missing.ini: cannot read the settings" "$WORK/miss.err"
finish
