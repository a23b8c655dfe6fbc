#!/usr/bin/env bash
# The music's level changes: a session plays, goes soft, plays, falls silent and plays again,
# each change a fade of the plan's length (1.5 s), with a chime at each phase change; its last
# phase brings its own track, crossfaded in. The written sound is checked: every fade and the
# crossfade take their time, soft is 12 dB down, no click, no clip. (The first phase is long
# enough for the tone's loudness to be measured and its level settled, even on a busy machine.)
. "$(dirname "$0")/lib.sh"
. "$SRC/tests/e2e/audiolib.sh"
# A low steady tone as the music, so a low-pass filter hears the music and not the chimes
# (their lowest partial is 330 Hz). Mastered loud (-10 dBFS), so that even at the safe level
# it plays at before its loudness is measured, the chimes' remains in the band are 20 dB under.
tone "$WORK/tone.ogg" 30 sine 110 gain -10
tone "$WORK/high.ogg" 30 sine 5000 gain -20
cat >"$WORK/fades.plan" <<'PLAN'
[plan]
title = Fades
music = tone.ogg
[phase Play]
duration = 6s
music = play
[phase Soft]
duration = 4s
music = soft
[phase Again]
duration = 4s
music = play
[phase Quiet]
duration = 3.5s
music = silence
[phase Back]
duration = 3s
music = play
[phase Other]
duration = 4s
track = high.ogg
PLAN

check "the session runs and exits 0" timed_session fades --plan "$WORK/fades.plan" --start --exit-at-end --log "$WORK/log.csv"
grep -v "^safebase: timing" "$WORK/fades.err" | grep -v CRITICAL >&2
check "it completed" test "$(csv_field "$WORK/log.csv" 7)" = completed
check "every change of level is a fade of at least 1.5 s" listen fades "$WORK/fades.raw" "$WORK/fades.err" 250
check "the last phase's own track crossfades in over 1.5 s" listen crossfades "$WORK/fades.raw" "$WORK/fades.err" 1000 3000 1.5
check "soft is 12 dB under play, silence is silent" listen modes "$WORK/fades.raw" "$WORK/fades.err" 250
check "no click at any phase change" listen clicks "$WORK/fades.raw"
check "nothing clips (peak below -1 dBFS)" below "$(audio_stat "$WORK/fades.raw" peak_db)" -1
# Closing the app mid-session (here SIGTERM, as at logout) fades the sound out, never a cut.
SDL_DISKAUDIOFILE=$WORK/quit.raw "$BIN" --plan "$WORK/fades.plan" --start --log "$WORK/log.csv" 2>/dev/null &
app=$!
sleep 3
kill -TERM $app
check "a closed session exits 0" wait $app
check "it was logged as ended early" test "$(csv_field "$WORK/log.csv" 7)" = ended_early
check "the music was playing" above "$(python3 "$AUDIO_PY" stats "$WORK/quit.raw" 2 2.5 | python3 -c 'import json,sys; print(json.load(sys.stdin)["rms_db"])')" -40
check "no click as it closes" listen clicks "$WORK/quit.raw"
check "it ends in silence (the last 5 ms under -60 dBFS)" below "$(python3 - "$AUDIO_PY" "$WORK/quit.raw" <<'PY'
import importlib.util, sys
spec = importlib.util.spec_from_file_location("audio", sys.argv[1])
audio = importlib.util.module_from_spec(spec); spec.loader.exec_module(audio)
left, right = audio.load(sys.argv[2])
print(max(abs(x) for x in left[-240:] + right[-240:]))
PY
)" 0.001
check "no warnings" test "$(grep -v -e '^safebase: timing' -e CRITICAL -e 'first frame' "$WORK/fades.err" | wc -l)" -eq 0
finish
