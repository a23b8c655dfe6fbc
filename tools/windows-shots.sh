#!/usr/bin/env bash
# Screenshots of the Windows build under Wine, to look at: the zip's safebase.exe on a private X
# server (Xvfb) with Wine's own display driver, full screen at 1920x1080 and in a 1280x720
# window, the calm and the high-contrast theme: the menu, a plan's ready screen, a session.
# Grabbed with xwd, written as PNG by tools/xwdpng.py into OUT_DIR (not committed: the
# software-centre pictures are tools/make-screenshots.sh's). About a minute.
#   tools/windows-shots.sh [ZIP [OUT_DIR]]   (default dist/safebase-*-windows-x64.zip, build-windows/shots)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
ZIP=$(realpath "${1:-$(ls "$ROOT"/dist/safebase-*-windows-x64.zip | head -n 1)}")
OUT=$(realpath -m "${2:-$ROOT/build-windows/shots}")
for tool in Xvfb xdotool xwd wine python3 unzip; do
  command -v "$tool" >/dev/null || { echo "windows-shots.sh: $tool is missing (tools/setup.sh installs it)" >&2; exit 1; }
done
WORK=$(mktemp -d)
export WINEPREFIX=$WORK/prefix WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml,winemenubuilder.exe=d"
xpid=
trap '[ -n "$xpid" ] && kill "$xpid" 2>/dev/null; wineserver -k 2>/dev/null; rm -rf "$WORK"' EXIT
mkdir -p "$OUT"
unzip -q "$ZIP" -d "$WORK/app"
APP=$(find "$WORK/app" -maxdepth 2 -name safebase.exe -print -quit)
Xvfb -displayfd 3 -screen 0 1920x1080x24 -nolisten tcp 3>"$WORK/display" 2>/dev/null &
xpid=$!
for _ in $(seq 50); do [ -s "$WORK/display" ] && break; sleep 0.1; done
export DISPLAY=:$(cat "$WORK/display") SDL_VIDEODRIVER=windows SDL_AUDIODRIVER=dummy
wineboot --init >/dev/null 2>&1
wineserver -w

shot() { # name: the whole X screen into OUT/name.png
  xwd -root -silent -out "$WORK/shot.xwd"
  python3 "$ROOT/tools/xwdpng.py" "$WORK/shot.xwd" "$OUT/$1.png"
  echo "$OUT/$1.png"
}
session() { # name theme args...: starts the app, shoots its screens, quits it
  local name=$1 theme=$2
  shift 2
  (wine "$APP" --theme "$theme" "$@" >"$WORK/$name.log" 2>&1) &
  disown
  sleep 6
  shot "$name-menu"
  xdotool key Return # the first plan's ready screen
  sleep 2
  shot "$name-ready"
  xdotool key space # its session
  sleep 5
  shot "$name-session"
  wine taskkill /im safebase.exe >/dev/null 2>&1 || true
  sleep 2
  pkill -KILL -f 'safebase\.exe' 2>/dev/null || true
}
session full calm
session full-contrast contrast
session window calm --window=1280x720
