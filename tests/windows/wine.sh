#!/usr/bin/env bash
# The Windows build, tested under Wine: the zip tools/build-windows.sh wrote is unpacked into a
# fresh Wine prefix and its safebase.exe run as a user would. --version, --help, --list,
# --check on good and broken plans (exit codes, FILE:LINE), a headless session (SDL's dummy
# video, disk audio) whose row lands in %APPDATA%\safebase\sessions.csv with LF line ends and the
# Linux build's columns, sound that is not silence, a session killed and recovered as
# interrupted at the next start, paths outside ASCII and Windows paths in a plan, sound through
# WASAPI (Wine's, on a private PulseAudio server), a window closed (taskkill, a real window under
# Xvfb) and a log off (wineboot --end-session) recorded as on Linux.
# With a Windows build folder, the core's own tests (built there by tools/build-windows.sh) run
# under Wine first: the core is one code for Linux and Windows, and this proves it on Windows'
# C runtime (its printf, strtod, time functions).
# Usage: tests/windows/wine.sh ZIP [LINUX_BINARY [WINDOWS_BUILD_DIR]]
#   LINUX_BINARY: the build whose log row the Windows one is compared with
# Exits 77 (skipped) only when Wine is not there or cannot start a prefix, and says why.
set -u
ZIP=$(realpath "$1")
LINUX_BIN=${2:+$(realpath "$2")}
CORE_TESTS=${3:+$(realpath "$3")}
SRC=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$(mktemp -d)
export WINEPREFIX=$WORK/prefix WINEDEBUG=-all WINEARCH=win64
# no Mono or Gecko download dialogs (no network, ever), no desktop integration in the prefix
export WINEDLLOVERRIDES="mscoree,mshtml,winemenubuilder.exe=d"
export LC_ALL=C.UTF-8 LANGUAGE=
xvfb_pid=
cleanup() {
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null
  wineserver -k 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT
passed=0
failed=0
ok() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*" >&2; }
check() { # description, then a command that must succeed
  local what=$1
  shift
  if "$@"; then ok; else fail "$what"; fi
}

command -v wine >/dev/null || { echo "SKIP: wine is not installed (tools/setup.sh installs wine64)"; exit 77; }
if ! timeout 300 wineboot --init >"$WORK/wineboot.log" 2>&1 || ! wineserver -w 2>/dev/null; then
  tail -n 5 "$WORK/wineboot.log"
  echo "SKIP: Wine cannot make a prefix here (wineboot --init failed)"
  exit 77
fi
echo "Wine: $(wine --version), prefix made"

# --- the core's tests, on Windows' C runtime -------------------------------------------------
if [ -n "$CORE_TESTS" ]; then
  n=$(cd "$CORE_TESTS" && ctest -N | sed -n 's/^Total Tests: //p')
  # (a test that fails is run once more: 1 run in 6 here, one of these pure programs failed
  # once in a fresh prefix and never again, which is Wine starting, not the test; the first
  # failure's output stays in the log and is shown)
  if (cd "$CORE_TESTS" && ctest -j 2 --output-on-failure --repeat until-pass:2 >"$WORK/core.log" 2>&1); then
    ok
    if grep -q 'Failed' "$WORK/core.log"; then
      echo "note: passed only when run again under Wine:"
      grep -v '^ *Start ' "$WORK/core.log" | grep -v 'Passed' | tail -n 40
    fi
  else
    grep -v '^ *Start ' "$WORK/core.log" | grep -v 'Passed' | tail -n 40
    fail "the core's tests under Wine (ctest in $CORE_TESTS)"
  fi
  echo "core tests under Wine: $(grep -E 'tests passed' "$WORK/core.log" || echo "none ran") ($n tests)"
fi

unzip -q "$ZIP" -d "$WORK/app" || { echo "FAIL: cannot unzip $ZIP"; exit 1; }
APP=$(find "$WORK/app" -maxdepth 2 -name safebase.exe -print -quit)
[ -n "$APP" ] || { echo "FAIL: no safebase.exe in $ZIP"; exit 1; }
winpath() { winepath -w "$1" 2>/dev/null; }
APPDATA_UNIX=$(winepath -u "$(wine cmd /c echo %APPDATA% 2>/dev/null | tr -d '\r')" 2>/dev/null)
LOG=$APPDATA_UNIX/safebase/sessions.csv
check "%APPDATA% is in the prefix" test -d "$APPDATA_UNIX"
export SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=disk
sb() { # runs safebase.exe with args; its stdout, stderr in $WORK/out, $WORK/err (their CRs,
  # the console's line ends, taken out); returns its code
  local rc=0
  timeout 120 wine "$APP" "$@" >"$WORK/out.crlf" 2>"$WORK/err.crlf" || rc=$?
  tr -d '\r' <"$WORK/out.crlf" >"$WORK/out"
  tr -d '\r' <"$WORK/err.crlf" >"$WORK/err"
  return "$rc"
}
rows() { [ -f "$1" ] && python3 -c 'import csv,sys; print(len(list(csv.reader(open(sys.argv[1], newline=""))))-1)' "$1" || echo 0; }
field() { # file column: the last row's field
  python3 -c 'import csv,sys; print(list(csv.reader(open(sys.argv[1], newline="")))[-1][int(sys.argv[2])-1])' "$1" "$2"
}

# --- the command line ------------------------------------------------------------------
sb --version
check "--version exits 0" test $? -eq 0
check "--version prints the version" grep -Eq '^safebase [0-9]+\.[0-9]+\.[0-9]+$' "$WORK/out"
sb --help
check "--help exits 0 and lists --plan" sh -c "[ $? -eq 0 ] && grep -q -- --plan '$WORK/out'"
sb --list
check "--list exits 0" test $? -eq 0
check "--list shows the six built-in plans" test "$(grep -c -E 'therapist|parent' "$WORK/out")" -eq 6
check "--list shows Special playtime at 15 min" grep -Eq 'Special playtime +15 min +parent' "$WORK/out"

mkdir -p "$WORK/plans"
cp "$SRC/tests/e2e/short.plan" "$WORK/plans/short.plan"
printf '[plan]\r\ntitle = Broken\r\n\r\n[phase One]\r\nduration = 5x\r\n[phase Two]\r\n' >"$WORK/plans/bad.plan"
(cd "$WORK/plans" && sb --check short.plan bad.plan)
check "--check exits 1 when one file is bad" test $? -eq 1
check "--check names the file and line (CRLF plan)" grep -q '^bad.plan:5: ' "$WORK/err"
check "--check names the phase without a duration" grep -q '^bad.plan:6: ' "$WORK/err"
check "--check still reports the good file" grep -q 'short.plan: ok' "$WORK/out"
sb --check "$(winpath "$WORK/plans/short.plan")"
check "--check takes a Windows path (C:\\... style)" test $? -eq 0
sb --check "$(winpath "$WORK/plans/missing.plan")"
check "--check on a missing file exits 1" test $? -eq 1
check "... and says why" grep -q 'missing.plan: No such file' "$WORK/err"

# --- a session, headless: the row in %APPDATA%\safebase\sessions.csv, the sound --------------
export SDL_DISKAUDIOFILE=$WORK/session.raw
sb --plan "$(winpath "$WORK/plans/short.plan")" --start --exit-at-end --client "Zoë"
check "a session exits 0" test $? -eq 0
check "the log is in %APPDATA%\\safebase" test -f "$LOG"
check "one session logged" test "$(rows "$LOG")" -eq 1
check "... completed" test "$(field "$LOG" 7)" = completed
check "... for the client, in UTF-8" test "$(field "$LOG" 10)" = "Zoë"
check "the log has LF line ends, no CR" sh -c "! grep -q \$'\\r' '$LOG'"
check "the log ends with a line end" test "$(tail -c 1 "$LOG" | od -An -c | tr -d ' ')" = '\n'
if [ -n "$LINUX_BIN" ]; then
  SDL_DISKAUDIOFILE=$WORK/linux.raw HOME=$WORK/linux-home XDG_DATA_HOME=$WORK/linux-home/data \
    XDG_CONFIG_HOME=$WORK/linux-home/config XDG_STATE_HOME=$WORK/linux-home/state \
    timeout 60 "$LINUX_BIN" --plan "$WORK/plans/short.plan" --start --exit-at-end --log "$WORK/linux.csv" \
    --client "Zoë" >/dev/null 2>&1
  check "the header is the Linux build's, byte for byte" cmp -s <(head -n 1 "$LOG") <(head -n 1 "$WORK/linux.csv")
  # the same session on both: every column but the times and the device's clock agrees
  same_columns() {
    python3 - "$LOG" "$WORK/linux.csv" <<'EOF'
import csv, re, sys
w, l = (list(csv.reader(open(p, newline="")))[-1] for p in sys.argv[1:3])
same = [2, 3, 6, 7, 8, 9, 10, 11, 12, 13]  # plan, planned, outcome, phases, client...: 0-based
shape = [0, 1]  # the times: the same form, digit for digit
diff = [(i, w[i], l[i]) for i in same if i < len(w) and w[i] != l[i]]
diff += [(i, w[i], l[i]) for i in shape if re.sub("[0-9]", "9", w[i]) != re.sub("[0-9]", "9", l[i])]
for d in diff:
    print("column %d: Windows %r, Linux %r" % d, file=sys.stderr)
sys.exit(1 if len(w) != len(l) or diff else 0)
EOF
  }
  check "the Windows row has the Linux row's columns and values" same_columns
fi
# (SDL's disk driver: 32-bit float stereo at 48 kHz, as on Linux)
stats=$(python3 "$SRC/tests/e2e/audio.py" stats "$WORK/session.raw" 2>/dev/null)
rms=$(python3 -c 'import json,sys; print(round(json.loads(sys.argv[1])["rms_db"], 1))' "$stats" 2>/dev/null || echo -999)
secs=$(python3 -c 'import json,sys; print(round(json.loads(sys.argv[1])["seconds"], 1))' "$stats" 2>/dev/null || echo 0)
check "the sound is not silence (rms $rms dBFS)" python3 -c "import sys; sys.exit(0 if $rms > -45 else 1)"
check "the sound lasts the session (${secs} s for a 4-s plan)" python3 -c "import sys; sys.exit(0 if 3.5 < $secs < 15 else 1)"

# --- killed mid-session: recovered as interrupted at the next start --------------------------
cp "$SRC/tests/e2e/long.plan" "$WORK/plans/long.plan"
before=$(rows "$LOG")
export SDL_DISKAUDIOFILE=$WORK/kill.raw
(timeout 120 wine "$APP" --plan "$(winpath "$WORK/plans/long.plan")" --start >"$WORK/kill.out" 2>&1) &
disown
# the journal is written when the session starts, then every 5 s; Wine may take a while to
# start the program when its server is still busy with the last one, so wait up to 90 s
for _ in $(seq 180); do
  ls "$LOG".journal-* >/dev/null 2>&1 && break
  sleep 0.5
done
sleep 6
if ! ls "$LOG".journal-* >/dev/null 2>&1; then # say why, for the record
  echo "no journal beside $LOG after 96 s; the app said:"
  tail -n 20 "$WORK/kill.out"
  ls -la "$(dirname "$LOG")"
fi
check "a running session keeps a journal beside the log" sh -c "ls '$LOG'.journal-* >/dev/null 2>&1"
pkill -KILL -f 'safebase\.exe' 2>/dev/null
wait 2>/dev/null
sleep 1
check "killed: nothing logged yet" test "$(rows "$LOG")" -eq "$before"
sb --list
check "the next start recovers it" test "$(rows "$LOG")" -eq $((before + 1))
check "... as interrupted" test "$(field "$LOG" 7)" = interrupted
check "... and says so" grep -q 'a session cut off on' "$WORK/err"
check "... and the journal is gone" sh -c "! ls '$LOG'.journal-* >/dev/null 2>&1"

# --- paths outside ASCII: a plan and a log in a folder named with accents and a heart ---------
odd="$WORK/Übungen ♥ Zoë"
mkdir -p "$odd"
cp "$SRC/tests/e2e/short.plan" "$odd/kurz ü.plan"
sb --check "$(winpath "$odd/kurz ü.plan")"
check "--check reads a plan in a non-ASCII folder" test $? -eq 0
export SDL_DISKAUDIOFILE=$WORK/odd.raw
sb --plan "$(winpath "$odd/kurz ü.plan")" --start --exit-at-end --log "$(winpath "$odd/log ü.csv")"
check "a session logs into a non-ASCII path" test "$(rows "$odd/log ü.csv")" -eq 1
sb --history --log "$(winpath "$odd/log ü.csv")"
check "--history reads it back" sh -c "[ $? -eq 0 ] && grep -q 'Short test' '$WORK/out'"

# --- a plan's music named as Windows names it: an absolute C:\ path, and a relative one with \
mkdir -p "$WORK/plans/tunes"
cp "$WORK/app"/*/assets/music/safebase-drift.ogg "$WORK/plans/tunes/drift.ogg"
calm=$(winpath "$(find "$WORK/app" -name safebase-calm.ogg -print -quit)")
python3 - "$SRC/tests/e2e/short.plan" "$WORK/plans/music.plan" "$calm" <<'EOF'
import sys
text = open(sys.argv[1], encoding="utf-8").read().replace("fade = 0.5s\n", "fade = 0.5s\nmusic = %s\n" % sys.argv[3])
text += "\n[phase Track]\nkind = connect\nduration = 2s\nmusic = play\ntrack = tunes\\drift.ogg\n"
open(sys.argv[2], "w", encoding="utf-8", newline="\r\n").write(text)  # as Notepad saves it
EOF
export SDL_DISKAUDIOFILE=$WORK/music.raw
sb --check "$(winpath "$WORK/plans/music.plan")"
check "a plan with Windows music paths checks" test $? -eq 0
sb --plan "$(winpath "$WORK/plans/music.plan")" --start --exit-at-end --log "$(winpath "$WORK/music.csv")"
check "... and plays to its end" test "$(field "$WORK/music.csv" 7)" = completed
check "... both files found (no music skipped)" sh -c "! grep -qi 'skipping music\|no such file\|cannot' '$WORK/err'"
rms=$(python3 "$SRC/tests/e2e/audio.py" stats "$WORK/music.raw" 6.5 8 2>/dev/null |
  python3 -c 'import json,sys; print(round(json.load(sys.stdin)["rms_db"], 1))' 2>/dev/null || echo -999)
check "... the relative track is heard in its phase ($rms dBFS)" python3 -c "import sys; sys.exit(0 if $rms > -45 else 1)"

# --- sound through Windows' own audio API (WASAPI), which Wine plays on a private PulseAudio ---
if command -v pulseaudio >/dev/null && command -v parec >/dev/null; then
  pa=$WORK/pulse
  mkdir -p "$pa/run" "$pa/state"
  wineserver -k 2>/dev/null # (a new server, to find the sound server below)
  wineserver -w 2>/dev/null
  PULSE_RUNTIME_PATH=$pa/run PULSE_STATE_PATH=$pa/state pulseaudio -n --daemonize=no --exit-idle-time=-1 \
    --disable-shm --realtime=no --high-priority=no --no-cpu-limit \
    -L "module-null-sink sink_name=t rate=48000 format=float32le channels=2" \
    -L "module-native-protocol-unix socket=$pa/native auth-anonymous=1" --log-target="file:$pa/log" >/dev/null 2>&1 &
  pa_pid=$!
  export PULSE_SERVER=unix:$pa/native
  for _ in $(seq 50); do pactl info >/dev/null 2>&1 && break; sleep 0.1; done
  if pactl info >/dev/null 2>&1; then
    parec -d t.monitor --raw --format=float32le --rate=48000 --channels=2 >"$WORK/wasapi.raw" &
    rec_pid=$!
    SDL_AUDIODRIVER=wasapi sb --plan "$(winpath "$WORK/plans/short.plan")" --start --exit-at-end \
      --log "$(winpath "$WORK/wasapi.csv")"
    check "WASAPI: the session runs" test "$(field "$WORK/wasapi.csv" 7)" = completed
    sleep 0.5
    kill "$rec_pid" 2>/dev/null
    rms=$(python3 "$SRC/tests/e2e/audio.py" stats "$WORK/wasapi.raw" 2>/dev/null |
      python3 -c 'import json,sys; print(round(json.load(sys.stdin)["rms_db"], 1))' 2>/dev/null || echo -999)
    check "WASAPI: heard on the sound server ($rms dBFS)" python3 -c "import sys; sys.exit(0 if $rms > -45 else 1)"
  else
    echo "note: PulseAudio cannot start here: WASAPI not tried"
  fi
  kill "$pa_pid" 2>/dev/null
  unset PULSE_SERVER
fi

# --- a real window under Xvfb: closed by the user (WM_CLOSE), and a log off --------------------
if command -v Xvfb >/dev/null; then
  wineserver -k 2>/dev/null # (a new server, whose desktop has the display; the last had none)
  wineserver -w 2>/dev/null
  display=:$((90 + RANDOM % 100))
  Xvfb "$display" -screen 0 1280x720x24 -nolisten tcp >/dev/null 2>&1 &
  xvfb_pid=$!
  sleep 1
  ends_early() { # what: starts a session in a window, does what, then checks the record
    local what=$1 n
    n=$(rows "$LOG")
    DISPLAY=$display SDL_VIDEODRIVER=windows SDL_DISKAUDIOFILE=$WORK/$what.raw \
      timeout 120 wine "$APP" --plan "$(winpath "$WORK/plans/long.plan")" --start --window >"$WORK/$what.out" 2>&1 &
    local pid=$!
    sleep 8
    case $what in
    close) wine taskkill /im safebase.exe >/dev/null 2>&1 ;;
    logoff) wineboot --end-session >/dev/null 2>&1 ;;
    esac
    for _ in $(seq 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    check "$what: the app has ended" sh -c "! kill -0 $pid 2>/dev/null"
    pkill -KILL -f 'safebase\.exe' 2>/dev/null
    check "$what: the session is logged at once" test "$(rows "$LOG")" -eq $((n + 1))
    check "$what: as ended_early, as SIGTERM on Linux (got $(field "$LOG" 7))" test "$(field "$LOG" 7)" = ended_early
  }
  ends_early close
  ends_early logoff
else
  echo "note: no Xvfb: the window close and log off were not tried"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
