#!/usr/bin/env bash
# The sound path's costs, measured (not a test: run it by hand; it takes about 12 minutes):
#  1. CPU over a 60-second session with a crossfade between two Ogg Vorbis tracks at 44.1 kHz
#     (so resampling is included): the audio thread, the decoder thread and the loudness
#     thread, read from /proc per thread; beside mpv --no-video --ao=null playing the same
#     files in the same run (its whole process). Runs alternate; medians of RUNS runs.
#  2. Peak memory (RSS) of a session over two 10-minute tracks against one over two 1-minute
#     tracks (cold loudness cache, so each track is also measured in full): streaming keeps
#     it flat.
#  3. The time from pressing Space on the ready screen to the first sound, on a virtual X
#     screen (Xvfb) with xdotool: the key's moment is taken just before xdotool is started
#     (so xdotool's own start-up counts against us); the sound's moment is when the audio
#     thread first writes a sample over -60 dBFS (--timing reports it on CLOCK_MONOTONIC).
#     SDL's disk driver has no device buffer: on real hardware add the device's latency.
# Needs, beyond tools/setup.sh: apt-get install -y --no-install-recommends mpv
# (Xvfb, xdotool and sox come with tools/setup.sh). Usage: bench/audio.sh [BUILD_DIR] [DISPLAY]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build}
display=${2:-:103}
bin=$build/safebase
RUNS=${RUNS:-3}
work=$(mktemp -d)
xvfb=
cleanup() { [ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
for tool in mpv sox Xvfb xdotool python3; do
  command -v "$tool" >/dev/null || { echo "bench/audio.sh: $tool is missing" >&2; exit 1; }
done
[ -x "$bin" ] || { echo "bench/audio.sh: build safebase first ($bin)" >&2; exit 1; }
export HOME=$work/home XDG_CONFIG_HOME=$work/home/.config XDG_DATA_HOME=$work/home/.local/share
export XDG_CACHE_HOME=$work/home/.cache
mkdir -p "$HOME"

# Music-like test tracks: slow chords of a few partials with a little noise, at 44.1 kHz.
track() { # file seconds root-hz
  sox -R -n -r 44100 -c 2 "$work/t.wav" synth "$2" sine "$3" sine "$(echo "$3*1.5" | bc -l)" \
    sine "$(echo "$3*2.52" | bc -l)" pinknoise remix 1v0.3,2v0.2,3v0.1,4v0.02 1v0.1,2v0.3,3v0.1,4v0.02 \
    tremolo 0.2 40 gain -n -14
  sox "$work/t.wav" -C 4 "$1"
}
echo "making test tracks (two of 31 s, two of 1 min, two of 10 min)..."
track "$work/a.ogg" 31 196
track "$work/b.ogg" 31 147
track "$work/short1.ogg" 60 220
track "$work/short2.ogg" 60 165
track "$work/long1.ogg" 600 220
track "$work/long2.ogg" 600 165

cat >"$work/cpu.plan" <<'PLAN'
[plan]
title = Bench
fade = 3s
[phase Listen]
duration = 60s
music = play
PLAN
printf '%s\n' "$work/a.ogg" "$work/b.ogg" >"$work/ab.m3u"

# Runs a command, sampling its threads' CPU (utime + stime, from /proc) until it exits, and
# prints JSON: the total and each thread name's CPU seconds, and peak RSS (kB).
cat >"$work/probe.py" <<'PY'
import json, os, subprocess, sys, time
tick = os.sysconf("SC_CLK_TCK")
proc = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
threads, peak = {}, 0
while proc.poll() is None:
    try:
        for tid in os.listdir("/proc/%d/task" % proc.pid):
            with open("/proc/%d/task/%s/stat" % (proc.pid, tid)) as f:
                stat = f.read()
            name = stat[stat.index("(") + 1:stat.rindex(")")]
            fields = stat[stat.rindex(")") + 2:].split()
            threads[tid] = (name, (int(fields[11]) + int(fields[12])) / tick)
        with open("/proc/%d/status" % proc.pid) as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    peak = max(peak, int(line.split()[1]))
    except (FileNotFoundError, ProcessLookupError, ValueError):
        pass
    time.sleep(0.2)
by_name = {}
for name, cpu in threads.values():
    by_name[name] = by_name.get(name, 0.0) + cpu
print(json.dumps({"total": sum(by_name.values()), "threads": by_name, "peak_kb": peak, "status": proc.returncode}))
PY
probe() { python3 "$work/probe.py" "$@"; }
median() { # format values...
  python3 -c 'import statistics,sys; print(sys.argv[1] % statistics.median(map(float, sys.argv[2:])))' "$@"
}
field() { python3 -c 'import json,sys; d=json.loads(sys.argv[1]); v=eval(sys.argv[2], {}, d); print(round(v, 3) if isinstance(v, float) else v)' "$1" "$2"; }

session=(env SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=disk SDL_DISKAUDIOFILE=/dev/null "$bin" --plan "$work/cpu.plan"
         --start --exit-at-end --log "$work/log.csv" --music "$work/ab.m3u")
echo "a first run measures the tracks' loudness (cold cache)..."
cold=$(probe "${session[@]}")
echo "  the loudness thread measured both 31 s tracks in $(field "$cold" "threads.get('safebase-loudne', 0.0)") s of CPU"
audio=() total=() mpv=()
for i in $(seq "$RUNS"); do
  r=$(probe "${session[@]}")
  # the audio path: SDL's audio thread, the decoder and the loudness thread
  audio+=("$(field "$r" "sum(v for k, v in threads.items() if k.startswith(('SDLAudio', 'safebase-')))")")
  total+=("$(field "$r" total)")
  m=$(probe mpv --no-config --no-video --ao=null --really-quiet "$work/a.ogg" "$work/b.ogg")
  mpv+=("$(field "$m" total)")
  echo "run $i: safebase audio path ${audio[-1]} s (whole process ${total[-1]} s), mpv ${mpv[-1]} s"
done
a=$(median %.2f "${audio[@]}") t=$(median %.2f "${total[@]}") m=$(median %.2f "${mpv[@]}")
echo "CPU over 62 s of music with a 3 s crossfade, median of $RUNS:"
echo "  safebase audio path $a s ($(python3 -c "print('%.2f' % ($a / 62 * 100))") % of one core), whole process $t s"
echo "  mpv --no-video --ao=null $m s; ratio safebase audio path / mpv = $(python3 -c "print('%.2f' % ($a / $m))")"

echo "peak memory: a session over two 1-minute tracks, and one over two 10-minute tracks..."
cat >"$work/mem.plan" <<'PLAN'
[plan]
title = Memory
music = none
fade = 2s
[phase One]
duration = 15s
music = play
track = first.ogg
[phase Two]
duration = 15s
track = second.ogg
PLAN
mem_run() { # first second -> peak RSS kB
  rm -rf "$XDG_CACHE_HOME"
  ln -sf "$1" "$work/first.ogg"
  ln -sf "$2" "$work/second.ogg"
  field "$(probe env SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=disk SDL_DISKAUDIOFILE=/dev/null "$bin" --plan "$work/mem.plan" \
    --start --exit-at-end --log "$work/log.csv")" peak_kb
}
short=() long=()
for i in $(seq "$RUNS"); do
  short+=("$(mem_run "$work/short1.ogg" "$work/short2.ogg")")
  long+=("$(mem_run "$work/long1.ogg" "$work/long2.ogg")")
  echo "run $i: peak RSS over 1-minute tracks ${short[-1]} kB, over 10-minute tracks ${long[-1]} kB"
done
s=$(median %.0f "${short[@]}") l=$(median %.0f "${long[@]}")
echo "peak RSS, median of $RUNS: 1-minute tracks $s kB, 10-minute tracks $l kB, difference $(python3 -c "print('%.0f' % ($l - $s))") kB (limit 5120)"

echo "time from Space to the first sound..."
Xvfb "$display" -screen 0 1280x720x24 -nolisten tcp 2>/dev/null &
xvfb=$!
sleep 1
cat >"$work/ready.plan" <<'PLAN'
[plan]
title = Ready
fade = 1.5s
[phase Listen]
duration = 3s
music = play
PLAN
lat=()
for i in 1 2 3 4 5; do
  DISPLAY=$display SDL_VIDEODRIVER=x11 SDL_AUDIODRIVER=disk SDL_DISKAUDIOFILE=/dev/null "$bin" --window \
    --plan "$work/ready.plan" --exit-at-end --log "$work/log.csv" --timing 2>"$work/space.err" &
  app=$!
  w=
  for _ in $(seq 50); do w=$(DISPLAY=$display xdotool search --name "Safe Base" 2>/dev/null | head -1) && [ -n "$w" ] && break; sleep 0.1; done
  DISPLAY=$display xdotool windowfocus --sync "$w"
  sleep 1.5 # the ready screen is up and the first track is loaded
  t0=$(python3 -c 'import time; print("%.4f" % time.clock_gettime(time.CLOCK_MONOTONIC))')
  DISPLAY=$display xdotool key space
  wait $app
  t1=$(grep -o 'timing: sound .*monotonic=[0-9.]*' "$work/space.err" | head -1 | sed 's/.*monotonic=//')
  lat+=("$(python3 -c "print('%.1f' % (($t1 - $t0) * 1000))")")
  echo "run $i: Space to first sound ${lat[-1]} ms"
done
echo "Space to first sound, median of 5: $(median %.1f "${lat[@]}") ms (the start chime's first sample over -60 dBFS)"
