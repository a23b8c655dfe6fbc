#!/usr/bin/env bash
# Pause and resume with real key presses (Xvfb and xdotool, as a user would): the music fades
# out over a second, holds its place, and fades back in where it was; nothing clicks; the log
# counts the pause.
. "$(dirname "$0")/lib.sh"
. "$SRC/tests/e2e/audiolib.sh"
for tool in Xvfb xdotool; do
  command -v "$tool" >/dev/null || { echo "FAIL: $tool is missing (tools/setup.sh installs it)" >&2; exit 1; }
done
# A private X server on a free display (Xvfb picks it and tells us).
Xvfb -displayfd 3 -screen 0 1280x720x24 -nolisten tcp 3>"$WORK/display" 2>/dev/null &
xvfb=$!
trap 'kill $xvfb 2>/dev/null' EXIT
for _ in $(seq 50); do [ -s "$WORK/display" ] && break; sleep 0.1; done
export DISPLAY=:$(cat "$WORK/display") SDL_VIDEODRIVER=x11
# X11's helpers (D-Bus, GL) keep some memory until exit; our own leaks are caught headless.
export ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0
# A slowly rising sweep: where the music is, is heard as its pitch. Loud (-10 dBFS), so the
# chimes stay 20 dB under it in the low band even before its loudness is measured.
tone "$WORK/sweep.ogg" 30 sine 100-400 gain -10
cat >"$WORK/pause.plan" <<'PLAN'
[plan]
title = Pause
music = sweep.ogg
fade = 0.5s
[phase Listen]
duration = 9s
music = play
PLAN
press() { # key: to the Safe Base window
  local w
  w=$(xdotool search --name "Safe Base" | head -1)
  [ -n "$w" ] && xdotool windowfocus --sync "$w" key "$1"
}
SDL_DISKAUDIOFILE=$WORK/pause.raw timeout 60 "$BIN" --window --plan "$WORK/pause.plan" --start --exit-at-end \
  --log "$WORK/log.csv" --timing >"$WORK/pause.out" 2>"$WORK/pause.err" &
app=$!
sleep 3
check "Space pauses" press space
sleep 2.5
check "Space resumes" press space
check "the session ends and exits 0" wait $app
paused=$(python3 - "$AUDIO_PY" "$WORK/pause.err" <<'PY'
import importlib.util, sys
spec = importlib.util.spec_from_file_location("audio", sys.argv[1])
audio = importlib.util.module_from_spec(spec); spec.loader.exec_module(audio)
asked = {e["kind"]: e["asked"] for e in audio.timing(sys.argv[2]) if e["kind"] in ("pause", "resume")}
print((asked["resume"] - asked["pause"]) / 1000.0)
PY
)
check "the log counts the pause (${paused} s)" within "$(csv_field "$WORK/log.csv" 6)" "$paused" 0.1
check "pause and resume each fade over at least a second" listen fades "$WORK/pause.raw" "$WORK/pause.err" 250
check "the music holds its place while paused" listen held "$WORK/pause.raw" "$WORK/pause.err"
check "no click at pause or resume" listen clicks "$WORK/pause.raw"

finish
