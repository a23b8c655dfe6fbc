#!/usr/bin/env bash
# The drag-and-drop source the end-to-end tests use (tests/e2e/xdnd.py), checked against SDL
# itself: on a private X server (Xvfb), tool_dropcheck (tests/platform/sys/tool_dropcheck.c)
# opens a window and prints each drop event SDL gives it; xdnd.py drops a plan file, a folder
# whose name has spaces and non-ASCII characters, and text, as a file manager would (XDND), and
# each must arrive exactly: the paths as SDL_DROPFILE events between DROPBEGIN and DROPCOMPLETE.
# Skips (77) only without Xvfb or python3-xlib.
. "$(dirname "$0")/lib.sh"
XDND=$SRC/tests/e2e/xdnd.py
TOOL=$(dirname "$BIN")/tests/tool_dropcheck
[ -x "$TOOL" ] || TOOL=$(dirname "$BIN")/tool_dropcheck
command -v Xvfb >/dev/null || { echo "skipped: no Xvfb (Debian package xvfb)"; exit 77; }
python3 "$XDND" --check || { echo "skipped: no python3-xlib (Debian package python3-xlib)"; exit 77; }
command -v xdotool >/dev/null || { echo "FAIL: no xdotool (Debian package xdotool)" >&2; exit 1; }
[ -x "$TOOL" ] || { echo "FAIL: no tool_dropcheck beside $BIN (build the tests)" >&2; exit 1; }

Xvfb -displayfd 3 -screen 0 1280x720x24 -nolisten tcp 3>"$WORK/display" 2>/dev/null &
xpid=$!
tpid=
cpid=
trap 'kill $cpid $tpid $xpid 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 50); do [ -s "$WORK/display" ] && break; sleep 0.1; done
export DISPLAY=:$(cat "$WORK/display") SDL_VIDEODRIVER=x11

wait_for() { # seconds, then a command that must come true
  local n=$(($1 * 10)); shift
  for _ in $(seq "$n"); do "$@" && return 0; sleep 0.1; done
  return 1
}
OUT=$WORK/drops.out
"$TOOL" >"$OUT" 2>"$WORK/drops.err" &
tpid=$!
check "tool_dropcheck opens its window" wait_for 10 grep -qx READY "$OUT"
W=$(xdotool search --name '^dropcheck$' | head -1)
check "xdotool finds the window" test -n "$W"

lines() { grep -c '' "$OUT"; }
completed_after() { test "$(lines)" -gt "$1" && test "$(tail -n 1 "$OUT")" = DROPCOMPLETE; }
# xdnd.py ARGS..., then the lines tool_dropcheck printed for it, up to DROPCOMPLETE, into $WORK/got
drop() { # args...
  local before
  before=$(lines)
  if ! python3 "$XDND" "$@" 2>"$WORK/xdnd.err"; then
    fail "xdnd.py $*: $(cat "$WORK/xdnd.err")"
    return 1
  fi
  if ! wait_for 5 completed_after "$before"; then
    fail "no DROPCOMPLETE after xdnd.py $*"
    return 1
  fi
  ok
  tail -n +$((before + 1)) "$OUT" >"$WORK/got"
}
expect() { # description, then the expected lines
  local what=$1; shift
  printf '%s\n' "$@" >"$WORK/want"
  if cmp -s "$WORK/want" "$WORK/got"; then ok; else
    fail "$what: got"; sed 's/^/    /' "$WORK/got" >&2; echo "  wanted" >&2; sed 's/^/    /' "$WORK/want" >&2
  fi
}

# one file, by decimal window id
drop --window "$W" /some/file.plan &&
  expect "a plan file arrives as one SDL_DROPFILE" DROPBEGIN "DROPFILE /some/file.plan" DROPCOMPLETE

# a folder whose name has spaces, a percent sign and non-ASCII letters, by hex window id
NAME="Mes plans – été 100% ünï"
DIR="$WORK/$NAME/Ωμέγα 日本"
mkdir -p "$DIR"
drop --window "$(printf '0x%x' "$W")" "$DIR" &&
  expect "a folder with spaces and non-ASCII arrives intact" DROPBEGIN "DROPFILE $DIR" DROPCOMPLETE

# two paths in one drop, the second relative (made absolute from the current folder)
cd "$WORK" || exit 1
drop --window "$W" /some/file.plan "$NAME" &&
  expect "two paths in one drop, in order" DROPBEGIN "DROPFILE /some/file.plan" \
    "DROPFILE $WORK/$NAME" DROPCOMPLETE
cd - >/dev/null || exit 1

# text instead of files
drop --window "$W" --text "hello, wörld" &&
  expect "--text arrives as SDL_DROPTEXT" DROPBEGIN "DROPTEXT hello, wörld" DROPCOMPLETE

# the id given may be a child of the window with XdndAware: xdnd.py walks up to it. (Debian's
# python3 has python3-xlib when a python3 of its own comes first on PATH without it.)
PY=python3
python3 -c 'import Xlib' 2>/dev/null || PY=/usr/bin/python3
cat >"$WORK/child.py" <<'EOF'
import sys, time
from Xlib import X, display
d = display.Display()
parent = d.create_resource_object("window", int(sys.argv[1]))
c = parent.create_window(10, 10, 50, 50, 0, X.CopyFromParent, X.InputOutput, X.CopyFromParent)
c.map()
d.sync()
print(c.id, flush=True)
time.sleep(30)
EOF
"$PY" "$WORK/child.py" "$W" >"$WORK/child" &
cpid=$!
wait_for 5 test -s "$WORK/child"
C=$(cat "$WORK/child")
check "a child window to drop on" test -n "$C"
[ -n "$C" ] && drop --window "$C" /some/file.plan &&
  expect "a drop on a child window reaches the top-level" DROPBEGIN "DROPFILE /some/file.plan" \
    DROPCOMPLETE
kill "$cpid" 2>/dev/null

# a window that takes no drops (the root window): a failure, said at once
root=$("$PY" -c 'from Xlib import display; print(display.Display().screen().root.id)')
if python3 "$XDND" --window "$root" /x 2>"$WORK/xdnd.err"; then
  fail "a drop on the root window (no XdndAware) succeeded"
else
  check "a drop on a window without XdndAware fails, saying why" grep -q XdndAware "$WORK/xdnd.err"
fi

check "no drop event came of it" test "$(tail -n 1 "$OUT")" = DROPCOMPLETE
check "tool_dropcheck is still running" kill -0 "$tpid"
kill -TERM "$tpid" 2>/dev/null
wait "$tpid" 2>/dev/null
finish
