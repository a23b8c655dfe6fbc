#!/usr/bin/env bash
# End to end, on a private X server with two monitors (Xorg's dummy driver, configured by
# tests/e2e/two-displays.conf): --presenter shows the child view full screen on the first
# display (the phase colour and the disk, no words) and the adult's view in a window on the
# second (the same colour, with text); the session completes and is logged. Looks at the
# screen through tests/e2e/screen.py. Skips (77) where Xorg cannot run: not installed
# (tools/setup.sh installs it) or not root (Xorg takes a config file only from root).
. "$(dirname "$0")/lib.sh"
skip() { echo "SKIP: $*"; exit 77; }
command -v Xorg >/dev/null || skip "no Xorg (tools/setup.sh installs xserver-xorg-core)"
[ -e /usr/lib/xorg/modules/drivers/dummy_drv.so ] ||
  skip "no Xorg dummy driver (tools/setup.sh installs xserver-xorg-video-dummy)"
command -v xwd >/dev/null || skip "no xwd (tools/setup.sh installs x11-apps)"
[ "$(id -u)" -eq 0 ] || skip "Xorg with a test configuration needs root"

mkdir -p "$WORK/xorg.d"
Xorg -displayfd 3 -config "$SRC/tests/e2e/two-displays.conf" -configdir "$WORK/xorg.d" \
  -logfile "$WORK/xorg.log" -nolisten tcp -noreset -br -novtswitch -sharevts \
  3>"$WORK/display" >"$WORK/xorg.out" 2>&1 &
xpid=$!
trap 'kill $xpid 2>/dev/null; wait $xpid 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 100); do
  { [ -s "$WORK/display" ] || ! kill -0 $xpid 2>/dev/null; } && break
  sleep 0.1
done
if [ ! -s "$WORK/display" ]; then
  fail "Xorg with two dummy monitors did not start:"; tail -5 "$WORK/xorg.out" >&2
  finish; exit 1
fi
export DISPLAY=:$(cat "$WORK/display") SDL_VIDEODRIVER=x11 SDL_RENDER_DRIVER=software
# (the sanitizer build: leaks are still looked for, past the system libraries' known ones)
export LSAN_OPTIONS=suppressions=$SRC/tests/lsan.supp:print_suppressions=0

wait_for() { # seconds, then a command that must come true
  local n=$(($1 * 10)); shift
  for _ in $(seq "$n"); do "$@" && return 0; sleep 0.1; done
  return 1
}
shot() { python3 "$SRC/tests/e2e/screen.py" "$1" "$WORK/shot.xwd" "${@:2}"; }
between() { above "$1" "$2" && below "$1" "$3"; }

PLAN=$WORK/two.plan
LOG=$WORK/sessions.csv
printf '[plan]\ntitle = Two displays\naudience = therapist\nfade = 0.5s\n\n[phase Together]\nkind = connect\nduration = 3s\nmusic = play\nprompt = Sit close\nnote = Watch how the child arrives today.\n\n[phase Apart]\nkind = separate\nduration = 1s\nmusic = soft\nprompt = Stay where they can see you\n' >"$PLAN"
SDL_DISKAUDIOFILE=$WORK/p.raw timeout 60 "$BIN" --plan "$PLAN" --start --exit-at-end --presenter --timing \
  --log "$LOG" >"$WORK/p.out" 2>"$WORK/p.err" &
pid=$!
check "the first frame comes" wait_for 10 grep -q "first frame" "$WORK/p.err"
sleep 2 # the phase colour fades in over 1.5 s; the first phase lasts 3 s
xwd -root -silent >"$WORK/shot.xwd"
wait $pid
status=$?
check "the session runs to its end and the app exits cleanly" test $status -eq 0
[ $status -eq 0 ] || tail -30 "$WORK/p.err" >&2
check "SDL saw two displays (no one-display message)" bash -c "! grep -q 'second display' '$WORK/p.err'"
check "the session is logged as completed" test "$(csv_field "$LOG" 7)" = completed

# display 0 (1920x1080 at 0,0): the child view, full screen
BG=$(shot common 0 0 1920 1080)
check "the child's display has a colour ($BG), not the bare screen" test "$BG" != 0,0,0
for corner in "2 2" "1916 2" "2 1076" "1916 1076"; do
  check "... right into its corner $corner" test "$(shot pixel $corner)" = "$BG"
done
check "the disk: a large shape in another colour" between "$(shot share 0 0 1920 1080 "!$BG")" 0.05 0.5
check "no words: the left side is plain colour" test "$(shot share 0 0 290 1080 "$BG")" = 1.0000
check "... the right side" test "$(shot share 1630 0 290 1080 "$BG")" = 1.0000
check "... the top band" test "$(shot share 0 0 1920 80 "$BG")" = 1.0000
check "... the bottom band (no captions)" test "$(shot share 0 1000 1920 80 "$BG")" = 1.0000

# display 1 (1280x800 at 1920,0): the adult's window, in the same phase colour, with text
WIN=$(shot bbox 1920 0 1280 800 "$BG")
[ "$WIN" = none ] && WIN="0 0 0 0"
read -r x0 y0 x1 y1 <<<"$WIN"
w=$((x1 - x0)) h=$((y1 - y0))
check "the adult's window is on the second display ($WIN)" test "$x0" -ge 1920
check "... a window, not the whole display: its width" between "$w" 640 1270
check "... and height" between "$h" 400 790
check "... with text in its top half (phase, time, prompt)" above "$(shot share "$x0" "$y0" "$w" $((h / 2)) "!$BG")" 0.02
check "... and in its bottom half (the keys)" above "$(shot share "$x0" $((y0 + h / 2)) "$w" $((h / 2)) "!$BG")" 0.005
finish
