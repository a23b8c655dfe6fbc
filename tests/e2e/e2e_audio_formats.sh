#!/usr/bin/env bash
# Every kind of music file people have plays, at the loudness target: WAV (16-bit, 24-bit,
# float), FLAC, Ogg Vorbis, Opus, MP3, AAC and ALAC in .m4a, WMA, AIFF; mono and stereo, 44.1
# and 48 kHz, a 5.1 file, and a music video's .m4a (a video track and cover art beside the
# sound). Each is a 4-second chord mastered at its own level (peaks from -3 to -20 dBFS) and must
# come out within 1 LU of -23 LUFS. A cut-off .m4a and random bytes named .m4a are skipped with
# one warning naming each. Three sessions of five tracks run side by side (about 25 s).
. "$(dirname "$0")/lib.sh"
. "$SRC/tests/e2e/audiolib.sh"
if ! command -v ffmpeg >/dev/null; then
  fail "the ffmpeg command makes the test files (tools/setup.sh installs it)"
  finish
  exit 1
fi
TRACK_S=4
FADE_S=0.5
TARGET=-23

# A chord (A3, C#4, E4) of TRACK_S seconds: chord FILE RATE CHANNELS PEAK_DB
chord() {
  sox -R -n -r "$2" -c 1 -b 24 "$WORK/chord.wav" synth "$TRACK_S" sine 220 synth "$TRACK_S" sine mix 277.18 \
    synth "$TRACK_S" sine mix 329.63 fade 0.05 "$TRACK_S" 0.05
  sox "$WORK/chord.wav" -c "$3" "$1" gain -n "$4"
}
# Encodes a chord with ffmpeg: encode OUT RATE CHANNELS PEAK_DB ffmpeg-output-arguments...
encode() {
  local out=$1 rate=$2 ch=$3 peak=$4; shift 4
  chord "$WORK/in.wav" "$rate" "$ch" "$peak"
  ffmpeg -nostdin -hide_banner -loglevel error -y -i "$WORK/in.wav" "$@" "$out"
}
lead() { # the first track of each session begins before it is measured: it is not listened to
  chord "$1/00-lead.wav" 48000 2 -12
}

A=$WORK/a B=$WORK/b C=$WORK/c
mkdir -p "$A" "$B" "$C"
lead "$A"; lead "$B"; lead "$C"
encode "$A/01-wav16-48k.wav" 48000 2 -3 -c:a pcm_s16le
encode "$A/02-wav24-44k.wav" 44100 2 -12 -c:a pcm_s24le
encode "$A/03-float-48k.wav" 48000 2 -20 -c:a pcm_f32le
encode "$A/04-flac-44k.flac" 44100 2 -3 -c:a flac
encode "$A/05-vorbis-44k.ogg" 44100 2 -12 -c:a libvorbis
encode "$B/01-opus.opus" 48000 2 -20 -c:a libopus -b:a 128k
encode "$B/02-mp3-44k.mp3" 44100 2 -3 -c:a libmp3lame -b:a 192k
encode "$B/03-mp3-mono-44k.mp3" 44100 1 -12 -c:a libmp3lame
encode "$B/04-aac-44k.m4a" 44100 2 -20 -c:a aac -b:a 192k
encode "$B/05-alac-48k.m4a" 48000 2 -3 -c:a alac
encode "$C/01-wma-44k.wma" 44100 2 -12 -c:a wmav2 -b:a 192k
encode "$C/02-aiff-mono-48k.aiff" 48000 1 -20 -c:a pcm_s16be
encode "$C/03-surround-51.flac" 48000 2 -3 -af "pan=5.1|FL=c0|FR=c1|FC=0.5*c0+0.5*c1|LFE=0.3*c0|BL=c0|BR=c1" -c:a flac
encode "$C/04-video-cover.m4a" 44100 2 -12 -f lavfi -i "testsrc=size=160x120:rate=10:duration=$TRACK_S" \
  -f lavfi -i "color=c=red:size=300x300:duration=1" -map 0:a -map 1:v -map 2:v -frames:v:1 1 \
  -c:a aac -c:v:0 mpeg4 -c:v:1 mjpeg -disposition:v:1 attached_pic
encode "$C/05-aac-mono-48k.m4a" 48000 1 -20 -c:a aac
# the damaged ones, between good tracks: an .m4a cut off before its index, and random bytes
head -c 30000 "$B/04-aac-44k.m4a" >"$B/02b-cut.m4a"
head -c 30000 /dev/urandom >"$B/04b-noise.m4a"
check "the music video has a video track and cover art" \
  test "$(ffprobe -v error -show_entries stream=codec_type -of csv=p=0 "$C/04-video-cover.m4a" | sort | tr '\n' ' ')" = "audio video video "
check "the surround file has 6 channels" \
  test "$(ffprobe -v error -show_entries stream=channels -of csv=p=0 "$C/03-surround-51.flac")" = 6

# One phase as long as the six tracks (each crossfades into the next), then the end.
cat >"$WORK/formats.plan" <<PLAN
[plan]
title = Formats
fade = ${FADE_S}s
[phase Listen]
duration = $(echo "6 * ($TRACK_S - $FADE_S) + 0.3" | bc)s
music = play
PLAN
for s in a b c; do
  timed_session "$s" --plan "$WORK/formats.plan" --start --exit-at-end --log "$WORK/$s.csv" --music "$WORK/$s" &
  eval "pid_$s=$!"
done
for s in a b c; do
  eval "pid=\$pid_$s"
  check "session $s exits 0" wait "$pid"
done
warnings() { grep -v -e '^safebase: timing' -e CRITICAL -e 'first frame' -e '^Note:' "$1"; }
warnings "$WORK/b.err" >&2

# Each track's steady part: from the end of its crossfade in to the start of the next track.
levels() { # session names...
  local s=$1; shift
  python3 - "$AUDIO_PY" "$WORK/$s.raw" "$WORK/$s.err" "$TARGET" "$FADE_S" "$@" <<'PY'
import importlib.util, math, sys
spec = importlib.util.spec_from_file_location("audio", sys.argv[1])
audio = importlib.util.module_from_spec(spec); spec.loader.exec_module(audio)
raw, err, target, fade, names = sys.argv[2], sys.argv[3], float(sys.argv[4]), float(sys.argv[5]), sys.argv[6:]
tracks = [e for e in audio.timing(err) if e["kind"] == "track"]


def chord_share(start):
    """The part of one second's energy (left side) at the chord's three notes: the sound is the
    chord, not noise or another sound brought to the right loudness."""
    x = audio.load(raw, start, start + 1.0)[0]
    total = sum(v * v for v in x) or 1e-30
    share = 0.0
    for hz in (220.0, 277.18, 329.63):
        w = 2 * math.pi * hz / audio.RATE
        c = sum(v * math.cos(w * n) for n, v in enumerate(x))
        s = sum(v * math.sin(w * n) for n, v in enumerate(x))
        share += 2 * (c * c + s * s) / len(x) / total
    return share


bad = 0
for name in names:
    at = [i for i, e in enumerate(tracks) if e.get("name") == name]
    if not at or at[0] + 1 >= len(tracks):
        print("%s: not played through" % name)
        bad += 1
        continue
    start, end = tracks[at[0]]["frame"] / audio.RATE, tracks[at[0] + 1]["frame"] / audio.RATE
    m = audio.loudness(raw, start + fade + 0.2, end - 0.1)
    measured = tracks[at[0]]["line"].endswith(" measured")
    share = chord_share(start + fade + 0.5)
    ok = measured and abs(m["lufs"] - target) <= 1.0 and share > 0.95
    bad += not ok
    print("%s: %.2f LUFS over %.1f-%.1f s, %.1f %% of it the chord, started %s%s" % (
          name, m["lufs"], start + fade + 0.2, end - 0.1, 100 * share,
          "at its measured level" if measured else "before it was measured", "" if ok else "  <- WRONG"))
sys.exit(1 if bad else 0)
PY
}
check "session a: every WAV, FLAC and Ogg Vorbis plays at $TARGET LUFS" levels a \
  01-wav16-48k.wav 02-wav24-44k.wav 03-float-48k.wav 04-flac-44k.flac 05-vorbis-44k.ogg
check "session b: Opus, MP3 (stereo, mono), AAC and ALAC play at $TARGET LUFS" levels b \
  01-opus.opus 02-mp3-44k.mp3 03-mp3-mono-44k.mp3 04-aac-44k.m4a 05-alac-48k.m4a
check "session c: WMA, mono AIFF, 5.1 FLAC, a music video's m4a and mono AAC play at $TARGET LUFS" levels c \
  01-wma-44k.wma 02-aiff-mono-48k.aiff 03-surround-51.flac 04-video-cover.m4a 05-aac-mono-48k.m4a

check "the cut-off .m4a is skipped, said to be damaged" \
  test "$(count_lines "$WORK/b.err" '02b-cut.m4a": the file is damaged')" -eq 1
check "the random bytes are skipped, said not to be sound" \
  test "$(count_lines "$WORK/b.err" "04b-noise.m4a\": it is not a sound file Safe Base can play")" -eq 1
check "neither was played" test "$(grep -c -e 'timing: track "02b-cut' -e 'timing: track "04b-noise' "$WORK/b.err")" -eq 0
check "no other warning and nothing from FFmpeg in session b" test "$(warnings "$WORK/b.err" | wc -l)" -eq 2
for s in a c; do
  warnings "$WORK/$s.err" >&2
  check "no warning and nothing from FFmpeg in session $s" test "$(warnings "$WORK/$s.err" | wc -l)" -eq 0
done
check "no click (a)" listen clicks "$WORK/a.raw"
check "no click (c)" listen clicks "$WORK/c.raw"
finish
