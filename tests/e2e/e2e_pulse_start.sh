#!/usr/bin/env bash
# --start on a real PulseAudio server: a private server (a null sink, recorded through its
# monitor) where a new stream waits up to two seconds before the sink takes it. The session's
# start chime must be heard within 30 ms of the session's start as --timing reports it (the
# app waits for the device to run, then starts), with and without music; the log keeps the
# plan's exact length; and a device that never runs holds the session up three seconds at most.
# The recording is tied to CLOCK_MONOTONIC by reference clicks played between the sessions
# (tests/e2e/pulseclock.py; how far the clicks lie from one straight line of the sink's clock
# is the method's own uncertainty).
. "$(dirname "$0")/lib.sh"
. "$SRC/tests/e2e/audiolib.sh"
CLOCK_PY=$SRC/tests/e2e/pulseclock.py
for tool in pulseaudio parec pactl; do
  command -v "$tool" >/dev/null || { echo "FAIL: $tool is missing (tools/setup.sh installs it)" >&2; exit 1; }
done

# The server: ours alone (its socket, state and runtime folders in $WORK), no configuration
# file (-n), never idle-exits; as root it warns but runs (CI runs as root).
PA=$WORK/pulse
mkdir -p "$PA/run" "$PA/state"
export PULSE_RUNTIME_PATH=$PA/run PULSE_STATE_PATH=$PA/state PULSE_SERVER=unix:$PA/native
export SDL_AUDIODRIVER=pulseaudio
unset PULSE_SINK PULSE_SOURCE
# (under ASan: libpulse keeps 88 bytes that SDL 2.26's PulseAudio backend never gives back)
echo "leak:libpulse.so" >"$WORK/lsan.supp"
export LSAN_OPTIONS=${LSAN_OPTIONS:+$LSAN_OPTIONS:}suppressions=$WORK/lsan.supp
pulseaudio -n --daemonize=no --exit-idle-time=-1 --disable-shm --realtime=no --high-priority=no --no-cpu-limit \
  -L "module-null-sink sink_name=t rate=48000 format=float32le channels=2" \
  -L "module-native-protocol-unix socket=$PA/native auth-anonymous=1" \
  --log-target="file:$PA/server.log" >/dev/null 2>&1 &
server=$!
recorder=
stop() {
  [ -n "$recorder" ] && kill "$recorder" 2>/dev/null
  kill "$server" 2>/dev/null
  wait 2>/dev/null
  rm -rf "$WORK"
}
trap stop EXIT
for _ in $(seq 50); do pactl info >/dev/null 2>&1 && break; sleep 0.1; done
if ! pactl info >/dev/null 2>&1; then
  echo "SKIP: PulseAudio cannot start here: $(tail -3 "$PA/server.log" 2>/dev/null | tr '\n' ' ')" >&2
  exit 77
fi

# The monitor at parec's own (large) latency on purpose: a low one (--latency-msec=5) would
# make the idle sink run in small blocks, and new streams would start at once.
parec -d t.monitor --raw --format=float32le --rate=48000 --channels=2 >"$WORK/rec.raw" &
recorder=$!

tone "$WORK/low.ogg" 20 sine 110 gain -12
for music in none low.ogg; do
  cat >"$WORK/start-$music.plan" <<PLAN
[plan]
title = Start
music = $music
fade = 0.5s
[phase One]
duration = 2s
[phase Two]
duration = 1s
PLAN
done

click() { python3 "$CLOCK_PY" click >>"$WORK/clicks"; }
session() { # name plan: a --start session, its --timing in NAME.err
  timeout -k 5 60 "$BIN" --plan "$2" --start --exit-at-end --timing \
    --log "$WORK/$1.csv" >"$WORK/$1.out" 2>"$WORK/$1.err"
}

check "a reference click plays" click
runs=()
for name in quiet-1 quiet-2 quiet-3 music; do
  plan=$WORK/start-none.plan
  case $name in music*) plan=$WORK/start-low.ogg.plan ;; esac
  check "$name: the session runs and exits 0" session "$name" "$plan"
  check "$name: it waited for the sound device, which ran" grep -q "session start at=.* sound=running" "$WORK/$name.err"
  check "$name: the log has the plan's exact length" test "$(csv_field "$WORK/$name.csv" 5)" = "3.0"
  check "$name: completed" test "$(csv_field "$WORK/$name.csv" 7)" = completed
  case $name in music*) check "music: the music played" grep -q 'timing: track "low.ogg"' "$WORK/$name.err" ;; esac
  check "$name: a reference click plays after it" click
  runs+=("$WORK/$name.err")
done
sleep 2.5 # parec hands on what the server has recorded in its own time
kill "$recorder"
wait "$recorder" 2>/dev/null
recorder=

python3 "$CLOCK_PY" starts "$WORK/rec.raw" "$WORK/clicks" "${runs[@]}" >"$WORK/starts.json"
cat "$WORK/starts.json"
figure() { # KEY [RUN]: a figure of the analysis, or of its RUN-th session (from 0)
  python3 - "$WORK/starts.json" "$@" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
d = d["runs"][int(sys.argv[3])] if len(sys.argv) > 3 else d
print(d.get(sys.argv[2], "none"))
PY
}
check "the reference clicks lie on one line of the sink's clock within 1 ms" below "$(figure tie_residual_ms)" 1
for k in 0 1 2 3; do
  late=$(figure heard_late_ms "$k")
  check "run $((k + 1)): the start chime is heard (${late} ms after the session's start)" test "$late" != none
  check "run $((k + 1)): within 30 ms of the session's start" within "$late" 0 30
done

# A device that never runs (the sink suspended): the session starts after three seconds
# anyway and carries on; the sink comes back once it has started (SDL 2.26 cannot close a
# PulseAudio stream that never ran).
pactl suspend-sink t 1
timeout -k 5 60 "$BIN" --plan "$WORK/start-none.plan" --start --exit-at-end --timing \
  --log "$WORK/deaf.csv" >"$WORK/deaf.out" 2>"$WORK/deaf.err" &
app=$!
for _ in $(seq 100); do grep -q "session start" "$WORK/deaf.err" && break; sleep 0.1; done
pactl suspend-sink t 0
check "a device that never runs: the app exits 0" wait "$app"
check "it said the device was not running" grep -q "session start at=.* sound=not-running" "$WORK/deaf.err"
waited=$(python3 "$AUDIO_PY" timing "$WORK/deaf.err" | python3 -c \
  'import json,sys; print([e["waited"] for e in json.load(sys.stdin) if e["kind"] == "device"][0])')
check "it waited three seconds for it (${waited} ms), no more" within "$waited" 3050 100
check "the session completed, its length exact" \
  test "$(csv_field "$WORK/deaf.csv" 5),$(csv_field "$WORK/deaf.csv" 7)" = "3.0,completed"
finish
