# Shared helpers for the end-to-end tests: a private temporary HOME, counters, and the
# closing "N passed, N failed" line. Source it with the binary and source dir as $1 and $2.
set -u
BIN=$1
SRC=$2
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export HOME=$WORK/home XDG_CONFIG_HOME=$WORK/home/.config XDG_DATA_HOME=$WORK/home/.local/share
export XDG_CACHE_HOME=$WORK/home/.cache
mkdir -p "$HOME"
export SDL_VIDEODRIVER=${SDL_VIDEODRIVER:-dummy} SDL_AUDIODRIVER=${SDL_AUDIODRIVER:-disk}
passed=0
failed=0

ok() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*" >&2; }
check() { # description, then a command that must succeed
  local what=$1; shift
  if "$@"; then ok; else fail "$what"; fi
}
finish() {
  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
}
# Runs safebase headless with disk audio into $WORK/NAME.raw; extra args follow.
run_session() { # name args...
  local name=$1; shift
  SDL_DISKAUDIOFILE=$WORK/$name.raw timeout 60 "$BIN" "$@" >"$WORK/$name.out" 2>"$WORK/$name.err"
}
# The journals beside a log (LOG.journal-ID), never the PATH.tmp a save is writing: a test
# that reads one mid-save would see text the app has not yet made its journal.
journal_files() { # log
  local f
  for f in "$1".journal-*; do
    case $f in *.tmp) ;; *) [ -e "$f" ] && printf '%s\n' "$f" ;; esac
  done
}
# A field of the last line of a CSV log (no quoted commas before it in our test plans).
csv_field() { # file column-number
  python3 -c 'import csv,sys; rows=list(csv.reader(open(sys.argv[1]))); print(rows[-1][int(sys.argv[2])-1])' "$1" "$2"
}
audio_stat() { # raw-file key
  python3 "$SRC/tests/e2e/audio.py" stats "$1" | python3 -c 'import json,sys; print(json.load(sys.stdin)[sys.argv[1]])' "$2"
}
within() { # value target tolerance
  python3 -c 'import sys; v,t,e=map(float,sys.argv[1:]); sys.exit(0 if abs(v-t)<=e else 1)' "$1" "$2" "$3"
}
above() { python3 -c 'import sys; sys.exit(0 if float(sys.argv[1]) > float(sys.argv[2]) else 1)' "$1" "$2"; }
below() { python3 -c 'import sys; sys.exit(0 if float(sys.argv[1]) < float(sys.argv[2]) else 1)' "$1" "$2"; }
