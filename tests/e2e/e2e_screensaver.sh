#!/usr/bin/env bash
# The screen stays awake during a session, the way the desktop expects: on a private X server
# and a private D-Bus session bus, a stand-in screen saver (fake_screensaver.py) owns
# org.freedesktop.ScreenSaver and records its calls. A session holds an Inhibit from its start
# and gives it back (UnInhibit with the same cookie) when it ends and the app closes; a session
# killed with SIGTERM gives it back too.
. "$(dirname "$0")/lib.sh"
for tool in Xvfb dbus-daemon; do
  command -v "$tool" >/dev/null || { echo "SKIP: $tool is missing (tools/setup.sh installs it)" >&2; exit 77; }
done
/usr/bin/python3 -c "import dbus, gi" 2>/dev/null || { echo "SKIP: python3-dbus or python3-gi missing (tools/setup.sh installs them)" >&2; exit 77; }
Xvfb -displayfd 3 -screen 0 1280x720x24 -nolisten tcp 3>"$WORK/display" 2>/dev/null &
xpid=$!
for _ in $(seq 50); do [ -s "$WORK/display" ] && break; sleep 0.1; done
dbus-daemon --session --nofork --print-address=4 4>"$WORK/bus" 2>/dev/null &
bpid=$!
trap 'kill $spid $bpid $xpid 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 50); do [ -s "$WORK/bus" ] && break; sleep 0.1; done
[ -s "$WORK/display" ] || { echo "SKIP: Xvfb did not start" >&2; exit 77; }
[ -s "$WORK/bus" ] || { echo "SKIP: dbus-daemon did not start" >&2; exit 77; }
export DISPLAY=:$(cat "$WORK/display") SDL_VIDEODRIVER=x11
export DBUS_SESSION_BUS_ADDRESS=$(head -1 "$WORK/bus")
/usr/bin/python3 "$SRC/tests/e2e/fake_screensaver.py" "$WORK/calls" &
spid=$!
for _ in $(seq 50); do grep -q ready "$WORK/calls" 2>/dev/null && break; sleep 0.1; done
grep -q ready "$WORK/calls" || { echo "SKIP: the stand-in screen saver did not start" >&2; exit 77; }

cat >"$WORK/six.plan" <<'PLAN'
[plan]
title = Six seconds awake
[phase Together]
kind = connect
duration = 6s
PLAN
inhibits() { grep -c '^Inhibit ' "$WORK/calls" || true; }
uninhibits() { grep -c '^UnInhibit ' "$WORK/calls" || true; }
# Every Inhibit's cookie was given back.
all_given_back() {
  local c
  for c in $(awk '/^Inhibit /{print $2}' "$WORK/calls"); do grep -qx "UnInhibit $c" "$WORK/calls" || return 1; done
}

# A session to its end, then the app closes by itself.
SDL_DISKAUDIOFILE=/dev/null "$BIN" --plan "$WORK/six.plan" --start --exit-at-end --log "$WORK/log.csv" \
  --window=640x360 2>"$WORK/one.err" &
pid=$!
sleep 3
check "the app asks in its own name, saying why" grep -q '^Inhibit [0-9]* Safe_Base ' "$WORK/calls"
check "during the session the screen saver is inhibited ($(inhibits) Inhibit, $(uninhibits) UnInhibit)" \
  test "$(inhibits)" -gt "$(uninhibits)"
grep '^Inhibit ' "$WORK/calls" | head -1 >&2
wait "$pid"
check "the session ended and was logged" test "$(csv_field "$WORK/log.csv" 7)" = completed
check "after it every Inhibit was given back" all_given_back
check "... and at least one was made" test "$(inhibits)" -ge 1
cat "$WORK/calls" >&2

# A session that ends while the app stays open (its end screen): the screen may sleep again.
: >"$WORK/calls"
SDL_DISKAUDIOFILE=/dev/null "$BIN" --plan "$WORK/six.plan" --start --log "$WORK/log.csv" \
  --window=640x360 2>"$WORK/open.err" &
pid=$!
sleep 9
check "the app is still open after its session" kill -0 "$pid"
check "the session's Inhibit was given back when it ended" all_given_back
check "... and there was one" test "$(inhibits)" -ge 1
kill -TERM "$pid"
wait "$pid" || true

# A session killed with SIGTERM halfway.
: >"$WORK/calls"
SDL_DISKAUDIOFILE=/dev/null "$BIN" --plan "$WORK/six.plan" --start --exit-at-end --log "$WORK/log.csv" \
  --window=640x360 2>"$WORK/two.err" &
pid=$!
sleep 3
check "the second session is inhibited too" test "$(inhibits)" -gt "$(uninhibits)"
kill -TERM "$pid"
wait "$pid" || true
sleep 0.3
check "after SIGTERM every Inhibit was given back" all_given_back
check "the stopped session was logged as ended early" test "$(csv_field "$WORK/log.csv" 7)" = ended_early
cat "$WORK/calls" >&2
finish
