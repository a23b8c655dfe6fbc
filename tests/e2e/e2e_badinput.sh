#!/usr/bin/env bash
# End to end: the bad inputs of docs/bad-input.md that no other test covers, each checked
# for what the user sees: a clear message naming the file, value or missing thing; no crash;
# and where a session can still run, it runs and is logged (or says why it is not).
. "$(dirname "$0")/lib.sh"
cd "$WORK" || exit 1
printf '[plan]\ntitle = One second\nfade = 0.5s\n[phase Only]\nduration = 1s\nmusic = play\n' >one.plan
PLAN=$WORK/one.plan
plain() { grep -v '^CRITICAL:' "$WORK/$1.err"; } # stderr without SDL's disk-audio banner
says() { # name pattern: the session's stderr says it
  grep -Eq -- "$2" <(plain "$1") || { echo "  $1 said: $(plain "$1" | head -3)" >&2; return 1; }
}
logged() { test "$(csv_field "$1" 7)" = completed; }
music_heard() { # name: the second half-second (music faded in, before the end cue) is not silent
  python3 "$SRC/tests/e2e/audio.py" windows "$WORK/$1.raw" 500 |
    python3 -c 'import json,math,sys; w=json.load(sys.stdin); sys.exit(0 if len(w) > 1 and w[1] > 10**(-50/20) else 1)'
}

# ---- sessions that must still run: started together (each mostly waits), checked after
mkdir -p emptydir nosounds/plans
touch afile
head -c 20000 /dev/urandom >junk.ogg
printf '#EXTM3U\nhttp://example.com/stream.mp3\nhttps://example.com/b.ogg\n' >urls.m3u
printf 'gone-1.ogg\ngone-2.ogg\n' >gone.m3u
cp "$SRC"/assets/plans/*.plan nosounds/plans/
run_session m_missing --plan "$PLAN" --start --exit-at-end --log "$WORK/m.csv" --music "$WORK/no-such.ogg" &
run_session m_empty --plan "$PLAN" --start --exit-at-end --log "$WORK/m.csv" --music "$WORK/emptydir" &
run_session m_junk --plan "$PLAN" --start --exit-at-end --log "$WORK/m.csv" --music "$WORK/junk.ogg" &
run_session m_urls --plan "$PLAN" --start --exit-at-end --log "$WORK/m.csv" --music "$WORK/urls.m3u" &
run_session m_gone --plan "$PLAN" --start --exit-at-end --log "$WORK/m.csv" --music "$WORK/gone.m3u" &
SDL_AUDIODRIVER=nonexistent run_session no_audio --plan "$PLAN" --start --exit-at-end --log "$WORK/na.csv" &
SAFEBASE_ASSETS=$WORK/nosounds run_session no_sounds --plan "$PLAN" --start --exit-at-end --log "$WORK/ns.csv" &
run_session log_file_parent --plan "$PLAN" --start --exit-at-end --log "$WORK/afile/x/s.csv" &
run_session log_dir --plan "$PLAN" --start --exit-at-end --log "$WORK/emptydir" &
mkfifo "$WORK/fifo"
run_session log_fifo --plan "$PLAN" --start --exit-at-end --log "$WORK/fifo" &
env -u HOME -u XDG_DATA_HOME -u XDG_CONFIG_HOME -u XDG_CACHE_HOME \
  bash -c 'SDL_DISKAUDIOFILE=$0/no_home.raw timeout 60 "$1" --plan "$2" --start --exit-at-end >"$0/no_home.out" 2>"$0/no_home.err"' "$WORK" "$BIN" "$PLAN" &
env -u HOME -u XDG_DATA_HOME -u XDG_CONFIG_HOME -u XDG_CACHE_HOME \
  bash -c 'SDL_DISKAUDIOFILE=$0/no_home_log.raw timeout 60 "$1" --plan "$2" --start --exit-at-end --log "$0/nh.csv" >"$0/no_home_log.out" 2>"$0/no_home_log.err"' "$WORK" "$BIN" "$PLAN" &
# a read-only home (as root chmod does not stop writes: a read-only tmpfs in a private mount namespace)
rohome=no
if unshare -m true 2>/dev/null; then
  rohome=yes
  unshare -m bash -c 'mount -t tmpfs -o ro tmpfs "$HOME" && SDL_DISKAUDIOFILE=$0/ro_home.raw timeout 60 "$1" --plan "$2" --start --exit-at-end >"$0/ro_home.out" 2>"$0/ro_home.err"; echo $? >"$0/ro_home.rc"' "$WORK" "$BIN" "$PLAN" &
fi
# settings: mistakes named by line, defaults kept, the session still runs
printf 'volume = loud\ncolour = blue\n' >bad.ini
head -c 70000 /dev/zero | tr '\0' '#' >big.ini
run_session ini_bad --config bad.ini --plan "$PLAN" --start --exit-at-end --log "$WORK/ini.csv" &
run_session ini_none --config "$WORK/none.ini" --plan "$PLAN" --start --exit-at-end --log "$WORK/ini.csv" &
run_session ini_big --config big.ini --plan "$PLAN" --start --exit-at-end --log "$WORK/ini.csv" &
wait

for m in m_missing m_empty m_junk m_urls m_gone; do
  check "bad music ($m): the session still runs" test -s "$WORK/$m.raw"
  check "bad music ($m): built-in music plays instead" music_heard "$m"
done
check "a missing music file is named" says m_missing 'Music ".*no-such.ogg": (No such file|there is no such file)'
check "a folder without music says so" says m_empty 'Music ".*emptydir": no music files in the folder'
check "a file that is not audio is skipped by name" says m_junk 'Skipping music ".*junk.ogg"'
check "a playlist of URLs only says it lists no files" says m_urls 'Music ".*urls.m3u": the playlist lists no files'
check "a playlist's missing entries are each named" says m_gone 'gone-1.ogg' && check "... both" says m_gone 'gone-2.ogg'
check "bad music: every session was logged" test "$(grep -c ',completed,' "$WORK/m.csv")" -eq 5

check "no audio device: the session runs" test "$(csv_field "$WORK/na.csv" 7)" = completed
check "no audio device: stderr says visual cues only" says no_audio 'no audio.*nonexistent.*visual cues only'
check "missing cue sounds are named" says no_sounds 'Cannot load the cue sound ".*nosounds/sounds/chime.wav"'
check "missing cue sounds: the session still runs and is logged" logged "$WORK/ns.csv"

check "log folder under a file: said with the folder" says log_file_parent 'cannot create the log folder .*afile/x: Not a directory'
check "... and the session still ran" test -s "$WORK/log_file_parent.raw"
check "log path is a folder: said" says log_dir 'cannot write the log .*emptydir: it is a folder, not a file'
check "... and the session is kept to be written later" says log_dir 'kept safe'
check "log path is a FIFO: said, and no hang" says log_fifo 'cannot write the log .*fifo: it is not a regular file'
timeout 10 "$BIN" --history --log /dev/zero >/dev/null 2>zero.err
check "--history on a device (/dev/zero): exit 1 at once" test $? -eq 1
check "... saying it is not a regular file" grep -q 'cannot read the log /dev/zero: it is not a regular file' zero.err
check "no HOME: says sessions will not be logged and how to log" says no_home 'HOME is not set: sessions will not be logged \(use --log FILE\)'
check "no HOME: the session still runs" test -s "$WORK/no_home.raw"
check "no HOME with --log: the session is logged" logged "$WORK/nh.csv"
if [ "$rohome" = yes ]; then
  check "read-only home: the session runs to its end" test "$(cat "$WORK/ro_home.rc")" = 0
  check "read-only home: says the log cannot be written, and why" says ro_home 'cannot create the log folder .*/home/.local/share/safebase: the disk is read-only'
else
  echo "note: unshare -m is not available here: the read-only home is not tested" >&2
fi

# ---- no display, no font: a clear message and exit 1, nothing else
env -u DISPLAY -u WAYLAND_DISPLAY SDL_VIDEODRIVER=x11 "$BIN" --plan "$PLAN" --start --exit-at-end --log "$WORK/x.csv" 2>x11.err
check "no DISPLAY (x11): exit 1" test $? -eq 1
check "no DISPLAY (x11): says so in one line" grep -q 'cannot open the display: .*DISPLAY and WAYLAND_DISPLAY are not set' x11.err
env -u DISPLAY -u WAYLAND_DISPLAY -u SDL_VIDEODRIVER "$BIN" --plan "$PLAN" --start --exit-at-end --log "$WORK/x.csv" 2>any.err
check "no display at all (SDL would draw off screen): exit 1" test $? -eq 1
check "... saying there is no display" grep -q 'no display to show the session on' any.err
DISPLAY=:99999 SDL_VIDEODRIVER=x11 "$BIN" --plan "$PLAN" 2>dead.err
check "DISPLAY naming no server: exit 1 naming it" bash -c "test $? -eq 1 && grep -q 'cannot open the display :99999' dead.err"
check "no session was logged without a display" test ! -e "$WORK/x.csv"
printf '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig></fontconfig>\n' >nofonts.conf
FONTCONFIG_FILE=$WORK/nofonts.conf "$BIN" --plan "$PLAN" --start --exit-at-end --log "$WORK/x.csv" 2>nofont.err
check "no font on the system: exit 1" test $? -eq 1
check "... saying what to install" grep -q 'no font found: install fonts-dejavu-core or pass --font FILE' nofont.err
"$BIN" --font "$WORK/none.ttf" --plan "$PLAN" 2>font.err
check "--font naming a missing file: exit 1 naming it" bash -c "test $? -eq 1 && grep -q 'cannot open the font $WORK/none.ttf' font.err"
"$BIN" --font "$PLAN" --plan "$PLAN" 2>font2.err
check "--font naming a file that is not a font: exit 1 naming it" bash -c "test $? -eq 1 && grep -q 'cannot open the font $PLAN' font2.err"

# ---- options with values out of range: exit 2, one line naming the value
for args in "--volume 101" "--volume loud" "--loudness-target -5" "--display 64" "--theme neon" "--since 2024-01-01" "--window=100x100" "--window=99999999999x1"; do
  # shellcheck disable=SC2086
  "$BIN" $args >out.txt 2>err.txt; rc=$?
  check "'$args' exits 2" test $rc -eq 2
  check "'$args' explains itself in one line" test "$(wc -l <err.txt)" -eq 1
  value=${args##*[ =]}
  [ "$value" = 2024-01-01 ] && value=--history # (--since alone: the message says what it goes with)
  check "'$args' names the value" grep -qF -- "$value" err.txt
done

# ---- plan files: too large, a folder, a bad plan among the user's own
head -c 300000 /dev/zero | tr '\0' '#' >huge.plan
"$BIN" --check huge.plan 2>huge.err; check "a plan over 256 KiB is refused: exit 1" test $? -eq 1
check "... saying it is too large" grep -q 'huge.plan: file is too large for a plan' huge.err
"$BIN" --plan "$WORK/emptydir" 2>dir.err; check "--plan naming a folder: exit 2" test $? -eq 2
check "... saying it is not a plan file" grep -q 'emptydir: not a regular file' dir.err
mkdir -p "$XDG_CONFIG_HOME/safebase/plans"
printf '[plan]\ntitle = Mine\n[phase A]\nduration = soon\n' >"$XDG_CONFIG_HOME/safebase/plans/broken.plan"
cp "$SRC/tests/e2e/short.plan" "$XDG_CONFIG_HOME/safebase/plans/fine.plan"
"$BIN" --list >list.out 2>list.err
check "a broken plan of the user's is reported at its line" grep -q 'broken.plan:4: bad duration "soon"' list.err
check "... and the other plans are still listed" test "$(grep -c . list.out)" -eq 7

check "a settings mistake is named by file and line" grep -q '^bad.ini:1: bad value for volume' ini_bad.err
check "an unknown setting is named" grep -q '^bad.ini:2: unknown setting "colour"' ini_bad.err
check "... and the session still runs with the defaults" logged "$WORK/ini.csv"
check "--config naming a missing file: said, defaults used" grep -q 'none.ini: cannot read the settings (No such file or directory); using the defaults' ini_none.err
check "a settings file over 64 KiB: said, defaults used" grep -q 'big.ini: too large for a settings file; using the defaults' ini_big.err
finish
