#!/usr/bin/env bash
# A big music library costs no more than one track: --music on a folder of 2,000 tracks in
# 20 sub-folders (one short Ogg Vorbis track hard-linked under 2,000 names: each is a new file
# to the loudness cache) plays them in order, sub-folders too, and measures the loudness of only
# what plays or plays next, never the whole library; the session's CPU stays near that of the
# same session with one track (a loose bound here, against a one-track run in the same test:
# bench/library.sh measures the figure). Also: the first sound comes while the folder is listed.
. "$(dirname "$0")/lib.sh"
. "$SRC/tests/e2e/audiolib.sh"
cat >"$WORK/thirty.plan" <<'PLAN'
[plan]
title = Thirty seconds of a library
fade = 1s
[phase Listen]
duration = 12s
music = play
[phase Soft]
kind = separate
duration = 6s
music = soft
[phase Again]
duration = 12s
music = play
PLAN
RUN=(--plan "$WORK/thirty.plan" --start --exit-at-end --log "$WORK/log.csv")

tone "$WORK/t.wav" 4 sine 262 sine 392 gain -22
sox "$WORK/t.wav" -C 3 "$WORK/one.ogg"
for f in $(seq -w 1 20); do
  mkdir -p "$WORK/library/Album $f"
  for t in $(seq -w 1 100); do ln "$WORK/one.ogg" "$WORK/library/Album $f/$t song.ogg"; done
done
ln "$WORK/one.ogg" "$WORK/library/0 first.ogg"

# CPU time (user + system, seconds) of a session: cpu_of NAME ARGS...
cpu_of() {
  local name=$1; shift
  SDL_DISKAUDIOFILE=$WORK/$name.raw /usr/bin/time -f '%U %S' -o "$WORK/$name.cpu" timeout 90 "$BIN" "$@" \
    >"$WORK/$name.out" 2>"$WORK/$name.err"
  awk '{ print $1 + $2 }' "$WORK/$name.cpu"
}
rm -rf "$XDG_CACHE_HOME"
one=$(cpu_of one "${RUN[@]}" --timing --music "$WORK/one.ogg")
rm -rf "$XDG_CACHE_HOME"
lib=$(cpu_of library "${RUN[@]}" --timing --music "$WORK/library")
echo "CPU: one track ${one} s, 2,001-track library ${lib} s" >&2
check "the session completed" test "$(csv_field "$WORK/log.csv" 7)" = completed
played=$(grep -c 'timing: track "' "$WORK/library.err" || true)
measured=$(grep -c 'timing: loudness .* measured' "$WORK/library.err" || true)
echo "tracks started: $played, loudness measured: $measured" >&2
first=$(grep -o 'timing: track "[^"]*"' "$WORK/library.err" | head -3 | cut -d'"' -f2 | tr '\n' '|')
check "the folder's own file first, then the first sub-folder's in order ($first)" \
  test "$first" = "0 first.ogg|001 song.ogg|002 song.ogg|"
check "several tracks played ($played)" test "$played" -ge 6
check "only what plays or plays next is measured ($measured for $played played)" \
  test "$measured" -le $((played + 3))
check "the loudness cache holds only those" \
  test "$(($(wc -l <"$XDG_CACHE_HOME/safebase/loudness.txt") - 1))" -le $((played + 3))
check "the library's CPU is within 3 times one track's (${lib} s against ${one} s)" \
  awk -v a="$lib" -v b="$one" 'BEGIN { exit !(a <= 3 * b) }'
check "no warnings" test "$(grep -v -e '^safebase: timing' -e CRITICAL -e 'first frame' -e '^Note:' "$WORK/library.err" | wc -l)" -eq 0
finish
