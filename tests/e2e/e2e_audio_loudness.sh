#!/usr/bin/env bash
# Equal loudness: two tracks mastered 20 LU apart (a loud FLAC at 44.1 kHz and a quiet Ogg)
# play one after the other and must come out within 1 LU of each other and of the target,
# with nothing clipping. The first run measures them (over a damaged cache file, which must be
# ignored and replaced); the second finds them in the cache. A third run checks the master
# volume cap and another loudness target.
. "$(dirname "$0")/lib.sh"
. "$SRC/tests/e2e/audiolib.sh"
tone "$WORK/loud.flac" 9 pinknoise gain -n -2 rate 44100
sox "$WORK/loud.flac" -r 48000 "$WORK/quiet.ogg" gain -20
for f in loud.flac quiet.ogg; do sox "$WORK/$f" -r 48000 -t f32 "$WORK/$f.raw"; done
loud_in=$(audio_json lufs loudness "$WORK/loud.flac.raw")
quiet_in=$(audio_json lufs loudness "$WORK/quiet.ogg.raw")
check "the two tracks are mastered 20 LU apart" within "$(python3 -c "print($loud_in - $quiet_in)")" 20 0.5
cat >"$WORK/loudness.plan" <<'PLAN'
[plan]
title = Loudness
music = none
fade = 0.5s
[phase Loud]
duration = 7s
music = play
track = loud.flac
[phase Quiet]
duration = 7s
track = quiet.ogg
PLAN
cache=$XDG_CACHE_HOME/safebase/loudness.txt
mkdir -p "$(dirname "$cache")"
printf 'safebase loudness cache 1\n12 34 -2300 nonsense\n\001\002\377 garbage\n' >"$cache"

# Each phase's steady part: from 3 s after its chime (the dip under the chime is over) to its end.
levels() { # name target
  local p1 p2
  p1=$(moment_s "$WORK/$1.err" cue 1)
  p2=$(moment_s "$WORK/$1.err" cue 2)
  check "$1: the loud track plays at $2 LUFS" listen level "$WORK/$1.raw" "$(echo "$p1 + 3" | bc)" "$(echo "$p2 - 0.1" | bc)" "$2" 1
  check "$1: the quiet track plays at $2 LUFS" listen level "$WORK/$1.raw" "$(echo "$p2 + 3" | bc)" "$(echo "$p2 + 6.8" | bc)" "$2" 1
  python3 - "$AUDIO_PY" "$WORK/$1.raw" "$p1" "$p2" >"$WORK/$1.diff" <<'PY'
import importlib.util, sys
spec = importlib.util.spec_from_file_location("audio", sys.argv[1])
audio = importlib.util.module_from_spec(spec); spec.loader.exec_module(audio)
p1, p2 = float(sys.argv[3]), float(sys.argv[4])
a = audio.loudness(sys.argv[2], p1 + 3, p2 - 0.1)["lufs"]
b = audio.loudness(sys.argv[2], p2 + 3, p2 + 6.8)["lufs"]
print(abs(a - b))
PY
  check "$1: the two come out within 1 LU of each other ($(cat "$WORK/$1.diff"))" below "$(cat "$WORK/$1.diff")" 1
}

check "first run (measuring) exits 0" timed_session cold --plan "$WORK/loudness.plan" --start --exit-at-end --log "$WORK/log.csv"
check "both tracks were measured" test "$(grep -c 'timing: loudness .* measured ' "$WORK/cold.err")" -eq 2
levels cold -23
check "nothing clips" below "$(audio_stat "$WORK/cold.raw" peak_db)" -1
check "no click" listen clicks "$WORK/cold.raw"
check "the damaged cache was replaced by a good one" test "$(head -1 "$cache")" = "safebase loudness cache 1"
check "the cache holds both tracks" test "$(grep -c -e 'loud.flac$' -e 'quiet.ogg$' "$cache")" -eq 2
check "no warnings (a damaged cache is not worth one)" test "$(grep -v -e '^safebase: timing' -e CRITICAL -e 'first frame' "$WORK/cold.err" | wc -l)" -eq 0

check "second run (cached) exits 0" timed_session warm --plan "$WORK/loudness.plan" --start --exit-at-end --log "$WORK/log.csv"
check "both tracks start at their level, known from the cache" test "$(grep -c 'timing: track .* measured$' "$WORK/warm.err")" -eq 2
check "nothing was measured again" test "$(grep -c 'timing: loudness .* measured ' "$WORK/warm.err")" -eq 0
levels warm -23

# The master volume cap at 50 %: nothing above half of -1 dBFS, and the music 6 dB down.
check "a capped run exits 0" timed_session capped --plan "$WORK/loudness.plan" --start --exit-at-end --log "$WORK/log.csv" --volume 50 --loudness-target -16
levels capped -22
check "nothing goes over the cap (50 % of -1 dBFS)" below "$(audio_stat "$WORK/capped.raw" peak)" "$(python3 -c 'print(0.5 * 10 ** (-1 / 20))')"
finish
