#!/usr/bin/env bash
# Music from files, folders and playlists. Every format plays (WAV, FLAC, Ogg Vorbis, MP3,
# Opus); a folder with a damaged file, an empty file and a text file named .mp3 plays its good
# tracks and warns once about each bad one, however often the playlist loops; a playlist names
# a missing file; music with nothing playable falls back to the built-in music.
. "$(dirname "$0")/lib.sh"
. "$SRC/tests/e2e/audiolib.sh"
cat >"$WORK/one.plan" <<'PLAN'
[plan]
title = Music files
fade = 0.5s
[phase Listen]
duration = 14s
music = play
PLAN
RUN=(--plan "$WORK/one.plan" --start --exit-at-end --log "$WORK/log.csv")
warnings() { grep -v -e '^safebase: timing' -e CRITICAL -e 'first frame' -e '^Note:' "$1"; }

# Every format, one short track each, names sorted as people sort them ("2" before "10"). Low
# and high tones take turns, so a low-pass and a high-pass filter each hear one side of every
# crossfade.
mkdir -p "$WORK/formats"
tone "$WORK/formats/1 wave.wav" 2.5 sine 220 gain -20
tone "$WORK/formats/2 flac.flac" 2.5 sine 5000 gain -20 rate 44100
tone "$WORK/formats/3 vorbis.ogg" 2.5 sine 262 gain -20
tone "$WORK/formats/4 mp3.mp3" 2.5 sine 4500 gain -20
tone "$WORK/opus.wav" 2.5 sine 330 gain -20
tone "$WORK/formats/11 wave.wav" 2.5 sine 4000 gain -20
sox "$WORK/opus.wav" -b 16 "$WORK/opus16.wav"
opusenc --quiet "$WORK/opus16.wav" "$WORK/formats/10 opus.opus"
check "a folder of every format plays" timed_session formats "${RUN[@]}" --music "$WORK/formats"
warnings "$WORK/formats.err" >&2
check "no warnings" test "$(warnings "$WORK/formats.err" | wc -l)" -eq 0
order=$(grep -o 'timing: track "[^"]*"' "$WORK/formats.err" | head -6 | cut -d'"' -f2 | tr '\n' '|')
check "all played, in name order ($order)" test "$order" = "1 wave.wav|2 flac.flac|3 vorbis.ogg|4 mp3.mp3|10 opus.opus|11 wave.wav|"
check "no click between tracks" listen clicks "$WORK/formats.raw"
check "each track change is a crossfade of the plan's fade (0.5 s)" listen crossfades "$WORK/formats.raw" "$WORK/formats.err" 1000 3000 0.5

# Good and bad together: two good tracks, a damaged Ogg, an empty file, a text file named .mp3.
mkdir -p "$WORK/mixed"
tone "$WORK/mixed/a good.ogg" 3 sine 196 gain -20
tone "$WORK/mixed/e good.flac" 3 sine 147 gain -20
head -c 6000 "$WORK/mixed/a good.ogg" >"$WORK/mixed/b damaged.ogg"
: >"$WORK/mixed/c empty.mp3"
echo "These are my notes, not music." >"$WORK/mixed/d notes.mp3"
check "a folder with bad files plays" timed_session mixed "${RUN[@]}" --music "$WORK/mixed"
warnings "$WORK/mixed.err" >&2
check "it completed" test "$(csv_field "$WORK/log.csv" 7)" = completed
for bad in "b damaged.ogg" "c empty.mp3" "d notes.mp3"; do
  check "one warning for \"$bad\"" test "$(count_lines "$WORK/mixed.err" "$bad\": ")" -eq 1
done
check "the empty file is called empty" grep -q 'c empty.mp3": the file is empty' "$WORK/mixed.err"
check "exactly three warnings" test "$(warnings "$WORK/mixed.err" | wc -l)" -eq 3
played=$(grep -o 'timing: track "[^"]*"' "$WORK/mixed.err" | cut -d'"' -f2 | sort -u | tr '\n' '|')
check "only the good tracks played ($played)" test "$played" = "a good.ogg|e good.flac|"
check "the playlist looped" test "$(count_lines "$WORK/mixed.err" 'timing: track ')" -ge 4
check "no click" listen clicks "$WORK/mixed.raw"

# A playlist naming a missing file and a bad one, beside a good one.
printf '#EXTM3U\n# a comment\nmixed/a good.ogg\r\nmissing.ogg\nmixed/d notes.mp3\nhttp://example.com/stream.mp3\n' >"$WORK/list.m3u"
check "a playlist plays" timed_session playlist "${RUN[@]}" --music "$WORK/list.m3u"
check "the missing file is named once" test "$(count_lines "$WORK/playlist.err" 'missing.ogg": the file is missing')" -eq 1
check "the web address is said to be skipped, never fetched" \
  grep -q 'list.m3u": 1 web address in it was skipped (Safe Base never fetches anything)' "$WORK/playlist.err"
check "three warnings in all" test "$(warnings "$WORK/playlist.err" | wc -l)" -eq 3
check "its good track played" grep -q 'timing: track "a good.ogg"' "$WORK/playlist.err"

# A phase's own music as a folder: it plays through once, then the session's music carries on.
mkdir -p "$WORK/phase"
tone "$WORK/phase/1 first.ogg" 2 sine 392 gain -20
tone "$WORK/phase/2 second.ogg" 2 sine 440 gain -20
cat >"$WORK/phase.plan" <<PLAN
[plan]
title = Phase music
fade = 0.5s
music = mixed/a good.ogg
[phase Before]
duration = 2s
music = play
[phase Own]
duration = 8s
track = phase
PLAN
check "a phase with a folder of its own plays" timed_session phase --plan "$WORK/phase.plan" --start --exit-at-end --log "$WORK/log.csv"
order=$(grep -o 'timing: track "[^"]*"' "$WORK/phase.err" | head -4 | cut -d'"' -f2 | tr '\n' '|')
check "the session's music, the phase's folder once, then the session's music ($order)" \
  test "$order" = "a good.ogg|1 first.ogg|2 second.ogg|a good.ogg|"

# Nothing playable: the built-in music plays instead, and the user is told.
mkdir -p "$WORK/bad"
cp "$WORK/mixed/b damaged.ogg" "$WORK/mixed/d notes.mp3" "$WORK/bad/"
check "a folder of bad files still gives a session" timed_session fallback "${RUN[@]}" --music "$WORK/bad" --music "$WORK/nowhere"
warnings "$WORK/fallback.err" >&2
check "the missing folder is named" grep -q 'nowhere": there is no such file or folder' "$WORK/fallback.err"
check "the user is told the built-in music plays" grep -q "playing Safe Base's own music" "$WORK/fallback.err"
check "the built-in music played" grep -q 'timing: track "safebase-calm.ogg"' "$WORK/fallback.err"
check "and was heard" above "$(audio_stat "$WORK/fallback.raw" rms_db)" -50
finish
