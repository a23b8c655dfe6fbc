# Helpers for the sound tests, sourced after lib.sh: test music made with sox, sessions with
# --timing, and the listening checks of audiocheck.py (which print what they measured).
AUDIO_PY=$SRC/tests/e2e/audio.py
CHECK_PY=$SRC/tests/e2e/audiocheck.py

# A stereo test track: tone FILE SECONDS then sox synth arguments and effects.
tone() {
  local f=$1 len=$2; shift 2
  sox -R -n -r 48000 -c 2 "$f" synth "$len" "$@"
}
# Runs a session with --timing (its moments are in NAME.err) into NAME.raw.
timed_session() { # name args...
  local name=$1; shift
  run_session "$name" "$@" --timing
}
# Runs an audiocheck.py check, showing what it measured.
listen() {
  python3 "$CHECK_PY" "$@"
}
# A value from audio.py's JSON answer: audio_json KEY command args...
audio_json() {
  local key=$1; shift
  python3 "$AUDIO_PY" "$@" | python3 -c 'import json,sys; print(json.load(sys.stdin)[sys.argv[1]])' "$key"
}
# The output frame (as seconds) of the Nth (1-based) timing line of a kind: moment_s NAME.err KIND N
moment_s() {
  python3 - "$AUDIO_PY" "$1" "$2" "$3" <<'PY'
import importlib.util, sys
spec = importlib.util.spec_from_file_location("audio", sys.argv[1])
audio = importlib.util.module_from_spec(spec); spec.loader.exec_module(audio)
events = [e for e in audio.timing(sys.argv[2]) if e["kind"] == sys.argv[3]]
n = int(sys.argv[4])
print(events[n - 1]["frame"] / audio.RATE if len(events) >= n else -1)
PY
}
# Counts the lines of a file that contain a string.
count_lines() { grep -cF -- "$2" "$1" || true; }
