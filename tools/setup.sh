#!/usr/bin/env bash
# Installs everything Safe Base needs to build, run and test on Debian 12, as root.
# Safe to run again: apt-get skips what is already there.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
packages=(
  # build
  cmake make gcc libc6-dev pkg-config
  # the app: SDL2, mixer, ttf; fonts through fontconfig; decoding; loudness
  libsdl2-dev libsdl2-mixer-dev libsdl2-ttf-dev libfontconfig-dev fonts-dejavu-core
  libsndfile1-dev libebur128-dev
  # the tests: sound analysis, tools/make-assets.sh
  python3 sox libsox-fmt-all bc
  # the shared log folder's test: a real Syncthing pair on 127.0.0.1
  syncthing
  # the log's tests: a private X server and keys for the end screen, mounts in a namespace;
  # bench/history.sh: GNU time for peak memory
  xvfb xdotool python3-xlib util-linux time
  # the presenter's test: an X server with two monitors (Xorg's dummy driver)
  xserver-xorg-core xserver-xorg-video-dummy
  # the sound tests: Opus files to play
  opus-tools
  # quality gates: fuzzing (clang's libFuzzer), static analysis, memcheck, the desktop file
  clang libclang-rt-14-dev clang-tidy cppcheck valgrind desktop-file-utils
  # the plan file type's test: the MIME database and xdg-mime
  shared-mime-info xdg-utils libfile-mimeinfo-perl
  # bench/run: the mpv baseline; looking at the icon; screenshots
  mpv librsvg2-bin x11-apps
  # safebase --report's test: rendering the page to PNG and PDF offline
  chromium
)
if [ "$(id -u)" -ne 0 ]; then
  echo "tools/setup.sh: run as root (it installs Debian packages with apt-get)" >&2
  exit 1
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -q
  apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
