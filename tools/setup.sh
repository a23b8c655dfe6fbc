#!/usr/bin/env bash
# Installs everything Safe Base needs to build, run and test on Debian 12, as root.
# Safe to run again: apt-get skips what is already there.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
packages=(
  # build
  cmake make gcc libc6-dev pkg-config
  # tools/ffmpeg.sh (run last): the small static FFmpeg from Debian's source: its assembly
  # (nasm); dpkg-dev's dpkg-source unpacks the source package
  nasm
  # the app: SDL2, mixer, ttf; fonts through fontconfig; decoding (FFmpeg's libraries); loudness
  libsdl2-dev libsdl2-mixer-dev libsdl2-ttf-dev libfontconfig-dev fonts-dejavu-core
  libavformat-dev libavcodec-dev libswresample-dev libavutil-dev libebur128-dev
  # the tests: sound analysis, tools/make-assets.sh
  python3 sox libsox-fmt-all bc
  # the shared log folder's test: a real Syncthing pair on 127.0.0.1
  syncthing
  # the log's tests: a private X server and keys for the end screen, mounts in a namespace;
  # bench/history.sh: GNU time for peak memory
  xvfb xdotool python3-xlib util-linux time
  # the presenter's test: an X server with two monitors (Xorg's dummy driver)
  xserver-xorg-core xserver-xorg-video-dummy
  # the sound tests: Opus files to play; every other format (AAC, ALAC, WMA...) made by ffmpeg
  opus-tools ffmpeg
  # --start on a real sound server (tests/e2e/e2e_pulse_start.sh): a private PulseAudio with a
  # null sink, recorded with parec (libpulse-simple, which pulseclock.py loads, comes with them)
  pulseaudio pulseaudio-utils
  # quality gates: fuzzing (clang's libFuzzer), static analysis, memcheck, the desktop file;
  # the AppStream metainfo's test (appstreamcli)
  clang libclang-rt-14-dev clang-tidy cppcheck valgrind desktop-file-utils appstream
  # tools/make-screenshots.sh and tools/language-shots.sh: the app's clock set to one day (and
  # sped up) with libfaketime
  libfaketime
  # the plan file type's test: the MIME database and xdg-mime
  shared-mime-info xdg-utils libfile-mimeinfo-perl
  # bench/run: the mpv baseline; looking at the icon; screenshots
  mpv librsvg2-bin x11-apps
  # safebase --report's test: rendering the page to PNG and PDF offline
  chromium
  # tools/package.sh: Debian's build flags and the Depends from the binary (dpkg-dev's
  # dpkg-buildflags, dpkg-shlibdeps; CPack writes the .deb itself), lintian; the package's check
  # in a fresh Debian 12 chroot (tests/package/chroot.sh): debootstrap, wget to probe the mirror
  dpkg-dev lintian debootstrap wget
  # the screen kept awake (tests/e2e/e2e_screensaver.sh): a private D-Bus session bus and a
  # stand-in org.freedesktop.ScreenSaver written with Debian's python3-dbus and GLib bindings
  dbus-daemon python3-dbus python3-gi
  # the translations: msgfmt at build time, xgettext/msgmerge/msgcmp in tools/translations.sh
  gettext
  # the Windows build (tools/build-windows.sh, tools/windows-deps.sh): MinGW-w64's compilers
  # (SDL2's CMake asks for C++ too), zip; its test under Wine (tests/windows/wine.sh)
  gcc-mingw-w64-x86-64 g++-mingw-w64-x86-64 zip unzip wine wine64
  # the built-in plans in the user's language (tests/platform/sys/platform_catalog.c): the
  # locales gettext needs installed before it follows LANGUAGE/LANG (made below)
  locales
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
# The locales the language tests run in (English, German, Spanish, French): uncommented in
# /etc/locale.gen, then made once; nothing happens when locale -a lists them already.
need_gen=false
for l in en_US de_DE es_ES fr_FR; do
  grep -q "^$l\.UTF-8 UTF-8" /etc/locale.gen ||
    sed -i "s/^# *$l\.UTF-8 UTF-8/$l.UTF-8 UTF-8/" /etc/locale.gen
  grep -q "^$l\.UTF-8 UTF-8" /etc/locale.gen || echo "$l.UTF-8 UTF-8" >>/etc/locale.gen
  locale -a | grep -qx "$l\.utf8" || need_gen=true
done
if $need_gen; then
  locale-gen
fi
# The small static FFmpeg the app links (tools/ffmpeg.sh: Debian's ffmpeg source, built once into
# build-deps/, then reused), built as the user who ran sudo, so build-deps/ stays theirs.
if [ -n "${SUDO_USER:-}" ] && [ "$SUDO_USER" != root ]; then
  runuser -u "$SUDO_USER" -- "$(dirname "$0")/ffmpeg.sh"
else
  "$(dirname "$0")/ffmpeg.sh"
fi
