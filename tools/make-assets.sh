#!/usr/bin/env bash
# Synthesises every sound Safe Base ships: the three cue sounds (assets/sounds/*.wav) and the
# built-in music (assets/music/*.ogg). Needs sox with Vorbis (Debian: sox libsox-fmt-all).
# Deterministic: run it again and you get the same sounds. Usage: tools/make-assets.sh [ASSETS_DIR]
set -euo pipefail
export SOX_OPTS="-R"   # repeatable: the same sounds every run
out=${1:-$(dirname "$0")/../assets}
sounds=$out/sounds music=$out/music
mkdir -p "$sounds" "$music"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
R=48000

# One soft bell-like note: a few sine partials (weights w1..w3), a 20 ms rounded attack and a
# long logarithmic decay, so it starts without a click and dies away gently.
note() { # file seconds freq delay
  local f=$1 len=$2 hz=$3 delay=$4
  sox -n -r $R -c 3 "$tmp/n.wav" synth "$len" sine "$hz" sine "$(echo "$hz*2" | bc -l)" sine "$(echo "$hz*3.01" | bc -l)"
  sox "$tmp/n.wav" "$f" remix 1v0.62,2v0.22,3v0.06 fade q 0.02 "$len" "$(echo "$len-0.05" | bc -l)" \
      fade l 0 "$len" "$(echo "$len*0.9" | bc -l)" pad "$delay"
}

# Mixes note files, adds a little room, and levels the peak to $2 dBFS (soft: cues stay well
# under the music's ceiling).
finish_cue() { # out peak_db inputs...
  local f=$1 peak=$2; shift 2
  if [ $# -gt 1 ]; then sox -m "$@" "$tmp/mix.wav"; else cp "$1" "$tmp/mix.wav"; fi
  sox "$tmp/mix.wav" -c 2 "$tmp/room.wav" gain -6 reverb 35 50 60
  sox "$tmp/room.wav" -D -b 16 "$f" gain -n "$peak"
}

# Transition chime: one warm note (E5), 2.5 s.
note "$tmp/c1.wav" 2.5 659.26 0
finish_cue "$sounds/chime.wav" -16 "$tmp/c1.wav"

# Ending soon: two gentle falling notes (A4, E4), lower and softer than the chime.
note "$tmp/e1.wav" 2.2 440.00 0
note "$tmp/e2.wav" 2.6 329.63 0.45
finish_cue "$sounds/ending-soon.wav" -18 "$tmp/e1.wav" "$tmp/e2.wav"

# End of session: a slow rising C-E-G that rests, 4 s.
note "$tmp/f1.wav" 3.2 523.25 0
note "$tmp/f2.wav" 3.0 659.26 0.35
note "$tmp/f3.wav" 3.2 783.99 0.70
finish_cue "$sounds/end.wav" -16 "$tmp/f1.wav" "$tmp/f2.wav" "$tmp/f3.wav"

# Built-in music: slow pads, one chord every 7 s overlapping by 3 s, soft tremolo, room.
chord() { # out seconds delay freqs...
  local f=$1 len=$2 delay=$3; shift 3
  local n=$# synth=() mix="" i
  for hz in "$@"; do synth+=(sine "$hz"); done
  for i in $(seq 1 "$n"); do mix+="${mix:+,}${i}v$(echo "0.8/$n" | bc -l)"; done
  sox -n -r $R -c "$n" "$tmp/ch.wav" synth "$len" "${synth[@]}"
  sox "$tmp/ch.wav" "$f" remix "$mix" fade h 3 "$len" 4 tremolo 0.15 25 pad "$delay"
}

track() { # out.ogg chords... (each chord a quoted list of frequencies)
  local f=$1; shift
  local i=0 parts=()
  for c in "$@"; do
    # shellcheck disable=SC2086
    chord "$tmp/p$i.wav" 10 $((i * 7)) $c
    parts+=("$tmp/p$i.wav"); i=$((i + 1))
  done
  sox -m "${parts[@]}" "$tmp/t.wav"
  # (the fade runs in its own pass: after a mono-to-stereo change in one chain, sox's fade
  # measures the length in the wrong unit and halves the track)
  sox "$tmp/t.wav" -c 2 "$tmp/t2.wav" gain -6 reverb 60 50 80 lowpass 3000
  sox "$tmp/t2.wav" -D -C 4 "$f" fade q 2 -0 4 gain -n -14
}

# "Calm": Cmaj7 Am7 Fmaj7 G6 twice (about 60 s)
track "$music/safebase-calm.ogg" \
  "130.81 196.00 246.94 329.63" "110.00 164.81 261.63 329.63" "87.31 174.61 220.00 329.63" "98.00 196.00 246.94 329.63" \
  "130.81 196.00 246.94 329.63" "110.00 164.81 261.63 329.63" "87.31 174.61 220.00 329.63" "98.00 196.00 246.94 293.66"
# "Drift": Dm9 Bbmaj7 Fmaj7 C6 twice
track "$music/safebase-drift.ogg" \
  "146.83 220.00 261.63 329.63" "116.54 174.61 220.00 293.66" "87.31 174.61 220.00 261.63" "130.81 196.00 220.00 329.63" \
  "146.83 220.00 261.63 329.63" "116.54 174.61 220.00 293.66" "87.31 174.61 220.00 261.63" "130.81 196.00 220.00 261.63"
echo "made: $(ls "$sounds" "$music" | tr '\n' ' ')"
