#!/usr/bin/env bash
# Builds the Windows (x86_64-w64-mingw32) libraries Safe Base links, cross-compiled with MinGW-w64
# from Debian 12's own source packages pinned below (fetched by tools/debsource.sh into
# build-windows/deps-cache): SDL2, SDL2_mixer (no codecs), FreeType and SDL2_ttf, libebur128, and
# FFmpeg with tools/ffmpeg-config.txt's flags. Each is a DLL with its import library, headers and
# a relocatable pkg-config file, in build-windows/deps (DLLs in bin/); a CMake build finds them
# with -DCMAKE_TOOLCHAIN_FILE=cmake/mingw-w64.cmake and
# PKG_CONFIG_LIBDIR=build-windows/deps/lib/pkgconfig.
# The libraries' licences go in build-windows/deps/licenses. A library already built for the
# same version and flags is kept (its stamp, written last, says so). Needs gcc-mingw-w64-x86-64,
# cmake, make, nasm, dpkg-dev, the network once; logs go in build-windows/deps-logs.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

# Debian's versions of the source packages (with any epoch), pinned: a security update is a new pin.
freetype_pin=2.12.1+dfsg-5+deb12u4
sdl2_pin=2.26.5+dfsg-1
mixer_pin=2.6.2+dfsg-2
ttf_pin=2.20.1+dfsg-2
ebur128_pin=1.2.6-1
ffmpeg_pin=7:5.1.9-0+deb12u1 # as tools/ffmpeg.sh

triplet=x86_64-w64-mingw32
out=$root/build-windows
prefix=$out/deps
cache=$out/deps-cache
work=$out/deps-build
logs=$out/deps-logs
stamps=$prefix/stamps
toolchain=$root/cmake/mingw-w64.cmake
jobs=${SAFEBASE_JOBS:-$(nproc 2>/dev/null || echo 2)}

die() {
  echo "tools/windows-deps.sh: $*" >&2
  exit 1
}
say() { echo "== windows-deps: $*"; }

for tool in "$triplet-gcc" "$triplet-objdump" cmake make nasm flock pkg-config; do
  command -v "$tool" >/dev/null || die "$tool is missing (gcc-mingw-w64-x86-64, cmake, make, nasm, pkg-config)"
done
mkdir -p "$cache" "$logs" "$stamps"
exec 9>"$out/deps.lock"
flock -n 9 || {
  say "waiting for another run of tools/windows-deps.sh in this tree"
  flock 9
}

# shellcheck source=tools/debsource.sh
. tools/debsource.sh
debsource_init tools/windows-deps.sh windows-deps "$cache"

# Only this prefix's .pc files answer pkg-config, for every library here.
export PKG_CONFIG_LIBDIR=$prefix/lib/pkgconfig PKG_CONFIG_PATH=
unset PKG_CONFIG_SYSROOT_DIR

# What every stamp starts with: the compiler and the toolchain file the libraries were built with.
base_stamp=$(printf '%s\n' "$triplet-gcc $("$triplet-gcc" -dumpfullversion) $("$triplet-gcc" -dumpmachine)" \
  "toolchain $(sha256sum <"$toolchain" | cut -d' ' -f1)")

# The CMake-based libraries: all shared, release, stripped at install; -static-libgcc comes from
# the toolchain file.
cmake_common=(-DCMAKE_TOOLCHAIN_FILE="$toolchain" -DCMAKE_BUILD_TYPE=Release
  -DCMAKE_INSTALL_PREFIX="$prefix" -DCMAKE_PREFIX_PATH="$prefix" -DBUILD_SHARED_LIBS=ON)
# FreeType for SDL2_ttf: TrueType/OpenType and the rest of its default modules, its own zlib
# for gzip'd fonts, nothing found on the machine.
freetype_flags=(-DFT_DISABLE_ZLIB=TRUE -DFT_DISABLE_BZIP2=TRUE -DFT_DISABLE_PNG=TRUE
  -DFT_DISABLE_HARFBUZZ=TRUE -DFT_DISABLE_BROTLI=TRUE)
# SDL2: Windows' video (D3D, OpenGL and software renderers), audio (WASAPI, DirectSound, winmm),
# events, joysticks and game controllers (XInput, DirectInput, HIDAPI), threads, timers; no
# tests, no static library, no Vulkan or OpenGL ES (ANGLE) which the app does not use.
sdl2_flags=(-DSDL_SHARED=ON -DSDL_STATIC=OFF -DSDL_TEST=OFF -DSDL_TESTS=OFF -DSDL_CCACHE=OFF
  -DSDL2_DISABLE_UNINSTALL=ON -DSDL_VULKAN=OFF -DSDL_OPENGLES=OFF)
# SDL2_mixer: the app opens the device and hooks its own music (Mix_OpenAudioDevice,
# Mix_HookMusic): no codec at all beyond the built-in WAV.
mixer_flags=(-DSDL2MIXER_SAMPLES=OFF -DSDL2MIXER_VENDORED=OFF -DSDL2MIXER_DEPS_SHARED=OFF
  -DSDL2MIXER_CMD=OFF -DSDL2MIXER_FLAC=OFF -DSDL2MIXER_MOD=OFF -DSDL2MIXER_MP3=OFF
  -DSDL2MIXER_MIDI=OFF -DSDL2MIXER_OPUS=OFF -DSDL2MIXER_VORBIS= -DSDL2MIXER_WAVE=ON)
# SDL2_ttf: on the FreeType above (Debian's source has no vendored copy), no HarfBuzz.
ttf_flags=(-DSDL2TTF_SAMPLES=OFF -DSDL2TTF_VENDORED=OFF -DSDL2TTF_HARFBUZZ=OFF)
ebur128_flags=(-DBUILD_STATIC_LIBS=OFF -DENABLE_TESTS=OFF)

# FFmpeg: tools/ffmpeg-config.txt's flags (comments and blank lines dropped) without its static,
# position-independent build; DLLs instead (avformat-59.dll...), which users may replace (LGPL).
ffmpeg_flags=()
while read -r -a words; do
  for w in ${words[@]+"${words[@]}"}; do
    case $w in
    --enable-static | --disable-shared | --enable-pic) ;;
    *) ffmpeg_flags+=("$w") ;;
    esac
  done
done < <(sed -e 's/#.*//' tools/ffmpeg-config.txt)
[ ${#ffmpeg_flags[@]} -gt 0 ] || die "tools/ffmpeg-config.txt gives no flags"
ffmpeg_flags+=(--cross-prefix="$triplet-" --target-os=mingw32 --arch=x86_64
  --enable-shared --disable-static --extra-ldflags=-static-libgcc)

step() { # step NAME WHAT COMMAND...: the command's output goes to a log, its tail shown on failure
  local name=$1 what=$2 log=$logs/$1-$2.log
  shift 2
  "$@" >"$log" 2>&1 || {
    tail -n 30 "$log" >&2
    die "$name: $what failed (its log: $log)"
  }
}

cmake_build() { # cmake_build NAME SRC FLAGS...: configure, build, install in the prefix
  local name=$1 src=$2 build=$work/$1
  shift 2
  rm -rf "$build"
  step "$name" configure cmake -S "$src" -B "$build" "${cmake_common[@]}" "$@"
  step "$name" build cmake --build "$build" -j "$jobs"
  step "$name" install cmake --install "$build" --strip
  rm -rf "$build"
}

ffmpeg_build() { # ffmpeg_build NAME SRC FLAGS...
  local name=$1 src=$2 build=$work/$1
  shift 2
  rm -rf "$build"
  mkdir -p "$build"
  (cd "$build" && "$src/configure" --prefix="$prefix" "$@" >"$logs/$name-configure.log" 2>&1) || {
    tail -n 20 "$build/ffbuild/config.log" >&2 || true
    die "$name: configure failed (its logs: $logs/$name-configure.log, $build/ffbuild/config.log)"
  }
  step "$name" build make -C "$build" -j"$jobs"
  step "$name" install make -C "$build" install
  rm -rf "$build"
}

# The .pc files name the prefix relative to themselves: the tree can move.
relocate_pc() {
  local pc quoted
  quoted=$(printf '%s' "$prefix" | sed 's/[][\.*^$|/]/\\&/g')
  for pc in "$prefix"/lib/pkgconfig/*.pc; do
    # shellcheck disable=SC2016 # pkg-config's own variables, written as they are
    sed -i -e 's|^prefix=.*|prefix=${pcfiledir}/../..|' -e "/^prefix=/!s|$quoted|\${prefix}|g" "$pc"
    ! grep -qF "$prefix" "$pc" || die "$pc still names $prefix"
  done
}

# The licences shipped beside the DLLs, kept in build-windows/deps/licenses as NAME-FILE.txt: each
# source package's debian/copyright and these upstream files.
declare -A licenses=([freetype]="LICENSE.TXT docs/FTL.TXT" [sdl2]=LICENSE.txt
  [sdl2_mixer]=LICENSE.txt [sdl2_ttf]=LICENSE.txt [ebur128]=COPYING
  [ffmpeg]="LICENSE.md COPYING.LGPLv2.1")
keep_licenses() { # keep_licenses NAME SRC
  local f base
  mkdir -p "$prefix/licenses"
  for f in debian/copyright ${licenses[$1]}; do
    [ -f "$2/$f" ] || [ "$f" = debian/copyright ] || die "$1: no $f in $2"
    base=${f##*/}
    [[ ${base,,} == *.txt ]] || base=$base.txt
    [ ! -f "$2/$f" ] || cp "$2/$f" "$prefix/licenses/$1-$base"
  done
}

# Debian's libebur128 1.2.6-1 patches nothing (its debian.tar is packaging only): a mirror without
# that tarball still gives the same source (tools/debsource.sh checks the rest against the .dsc).
upstream_ok_packages=" libebur128 "

built_any=false
# library NAME PACKAGE PIN BUILDER "DEPENDENCIES" FLAGS...: builds it unless its stamp says it is
# built for this version, these flags and its dependencies' own stamps.
library() {
  local name=$1 pkg=$2 pin=$3 builder=$4 deps=$5
  shift 5
  local stamp=$stamps/$name upstream_ok=
  stamp_text() { # stamp_text VERSION FLAGS...: the stamp's text
    printf '%s\n' "$pkg $1" "$base_stamp" "${@:2}" "licenses ${licenses[$name]}"
    local d
    for d in $deps; do echo "after $d $(sha256sum <"$stamps/$d" | cut -d' ' -f1)"; done
  }
  debsource_pinned "$pkg" "$pin"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$(stamp_text "$debsource_version" "$@")" ]; then
    say "up to date: $name ($pkg $debsource_version)"
    return 0
  fi
  rm -f "$stamp"
  [[ $upstream_ok_packages != *" $pkg "* ]] || upstream_ok=upstream-ok
  debsource_source "$pkg" "$pin" $upstream_ok
  say "building $name ($pkg $debsource_version), logs in $logs/$name-*.log"
  "$builder" "$name" "$debsource_dir" "$@"
  relocate_pc
  keep_licenses "$name" "$debsource_dir"
  stamp_text "$debsource_version" "$@" >"$stamp"
  rm -rf "$debsource_dir" # extracted again (from the cache, offline) should the flags change
  built_any=true
}

start=$SECONDS
library freetype freetype "$freetype_pin" cmake_build "" "${freetype_flags[@]}"
library sdl2 libsdl2 "$sdl2_pin" cmake_build "" "${sdl2_flags[@]}"
library sdl2_mixer libsdl2-mixer "$mixer_pin" cmake_build "sdl2" "${mixer_flags[@]}"
library sdl2_ttf libsdl2-ttf "$ttf_pin" cmake_build "sdl2 freetype" "${ttf_flags[@]}"
library ebur128 libebur128 "$ebur128_pin" cmake_build "" "${ebur128_flags[@]}"
library ffmpeg ffmpeg "$ffmpeg_pin" ffmpeg_build "" "${ffmpeg_flags[@]}"
debsource_done

if ! "$built_any"; then
  say "up to date: all in $prefix"
  exit 0
fi

# No DLL here may need one of MinGW's runtime DLLs (they would have to ship beside the app).
for dll in "$prefix"/bin/*.dll; do
  for needed in $("$triplet-objdump" -p "$dll" | sed -n 's/^\tDLL Name: //p'); do
    case $needed in
    libgcc_s_* | libwinpthread-* | libstdc++-* | libssp-*)
      die "${dll##*/} needs MinGW's $needed: link it statically (-static-libgcc)" ;;
    esac
  done
done
say "built in $((SECONDS - start)) s: $prefix (DLLs in $prefix/bin)"
