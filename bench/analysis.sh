#!/usr/bin/env bash
# The loudness analysis's CPU per minute of audio (not a test: run it by hand; about 6 minutes):
# for real music (Neverball's Ogg Vorbis at 44.1 kHz from Debian's neverball-common, fetched
# with apt-get download into a cache under the build folder; a 3-minute Vorbis, an MP3 and a
# FLAC made from it with sox), tests/platform/sound/tool_loudness measures each file
#   new:  as the loudness thread does now (the file's own rate, libebur128 for the integrated
#         loudness, core/sound/truepeak's gated true peak)
#   old:  as it did before (resampled to 48 kHz, libebur128's true peak on every sample)
#   full: the file's own rate, libebur128's true peak on every sample (what the gate saves)
#   read: decoding alone (the floor)
# beside mpv --no-config --no-video --ao=null playing the same file in the same run (its whole
# process, from GNU time; mpv plays in real time, so only its first BENCH_MPV_SECONDS).
# The analysis's CPU is the tool's own clock around the measurement (CLOCK_PROCESS_CPUTIME_ID),
# as the loudness thread pays it. Medians of RUNS runs, runs interleaved. Prints a markdown table.
#   bench/analysis.sh [BUILD_DIR]      (default build-bench; configured Release here)
#   RUNS=5 BENCH_MPV_SECONDS=60
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build-bench}
RUNS=${RUNS:-5}
MPV_SECONDS=${BENCH_MPV_SECONDS:-60}
for tool in mpv sox apt-get dpkg-deb python3 /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "bench/analysis.sh: $tool is missing (tools/setup.sh installs it)" >&2; exit 1; }
done
cmake -S "$here" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" -j "$(nproc 2>/dev/null || echo 2)" --target tool_loudness >/dev/null
tool=$build/tests/tool_loudness

# The music: a Debian game's own Vorbis files, kept between runs.
cache=$build/bench-music
mkdir -p "$cache"
vorbis=$cache/neverball/usr/share/games/neverball/bgm/track4.ogg
if [ ! -f "$vorbis" ]; then
  deb=$(cd "$cache" && apt-get download neverball-common 2>"$cache/apt.err" >/dev/null && ls neverball-common_*.deb 2>/dev/null | head -1) || true
  if [ -z "$deb" ]; then
    echo "bench/analysis.sh: could not fetch Debian's neverball-common (apt-get download neverball-common" >&2
    echo "in $cache failed; run 'apt-get update' first, or check the network):" >&2
    cat "$cache/apt.err" >&2
    exit 1
  fi
  dpkg-deb -x "$cache/$deb" "$cache/neverball"
  rm -f "$cache/$deb"
fi
bgm=$(dirname "$vorbis")
long=$cache/long-vorbis.ogg mp3=$cache/long.mp3 flac=$cache/long.flac
# a 3-minute track (two of the game's, back to back, 3 dB down so that no format clips its
# peaks) for the case users measured, and the same music as MP3 (LAME, 192 kbit/s) and FLAC
# (16-bit), all at 44.1 kHz
[ -f "$long" ] || sox -V1 "$bgm/track4.ogg" "$bgm/track1.ogg" -C 5 "$long" gain -3
[ -f "$mp3" ] || sox -V1 "$long" -C 192 "$mp3"
[ -f "$flac" ] || sox -V1 "$long" -b 16 "$flac"
files=("$vorbis" "$long" "$mp3" "$flac")

results=$(mktemp)
trap 'rm -f "$results"' EXIT
echo "bench/analysis.sh: $RUNS runs of ${#files[@]} files (mpv plays ${MPV_SECONDS} s of each per run)..." >&2
for run in $(seq "$RUNS"); do
  for f in "${files[@]}"; do
    name=$(basename "$f")
    for way in new old full read; do
      case $way in new) opt=() ;; old) opt=(--old) ;; full) opt=(--native-full) ;; read) opt=(--decode) ;; esac
      line=$("$tool" "${opt[@]}" "$f")
      echo "$name $way $line" >>"$results"
    done
    secs=$(/usr/bin/time -f '%U %S' mpv --no-config --no-video --ao=null --end="$MPV_SECONDS" "$f" 2>&1 >/dev/null | tail -1)
    echo "$name mpv $secs" >>"$results"
  done
  echo "  run $run done" >&2
done

python3 - "$results" "$MPV_SECONDS" <<'EOF'
import re, statistics, sys
rows, order = {}, []
mpv_seconds = float(sys.argv[2])
for line in open(sys.argv[1]):
    name, way, rest = line.split(" ", 2)
    if name not in rows:
        rows[name] = {}
        order.append(name)
    r = rows[name].setdefault(way, [])
    if way == "mpv":
        user, sys_ = rest.split()
        r.append({"cpu": float(user) + float(sys_)})
    else:
        r.append({k: float(v.rstrip("%")) for k, v in re.findall(r"(\w+)=(-?[\d.]+%?)", rest)})
def med(name, way, key):
    return statistics.median(x[key] for x in rows[name][way])
print("| file | length | mpv | old analysis | new analysis | of which reading | new / mpv | new / old "
      "| at own rate, every sample interpolated | interpolated | integrated old / new | true peak old / new |")
print("|---|---|---|---|---|---|---|---|---|---|---|---|")
for name in order:
    minutes = med(name, "new", "seconds") / 60.0
    mpv = med(name, "mpv", "cpu") / (min(mpv_seconds, minutes * 60.0) / 60.0)
    old, new, full, read = (med(name, w, "cpu") / minutes for w in ("old", "new", "full", "read"))
    print("| %s | %d:%02d, %d Hz | %.3f | %.3f | %.3f | %.3f | %.2f | %.2f | %.3f | %.1f%% | %.2f / %.2f LUFS | %.2f / %.2f dBTP |" % (
        name, int(minutes * 60) // 60, int(minutes * 60) % 60, med(name, "new", "rate"), mpv, old, new, read,
        new / mpv, new / old, full, med(name, "new", "interpolated"),
        med(name, "old", "integrated"), med(name, "new", "integrated"),
        med(name, "old", "true_peak"), med(name, "new", "true_peak")))
print()
print("CPU seconds per minute of audio, medians of %d runs (mpv: user + system of the whole "
      "process over its first %g s, start-up included; the analysis: the tool's process CPU "
      "clock around the measurement)." % (len(rows[order[0]]["new"]), mpv_seconds))
EOF
