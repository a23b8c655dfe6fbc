#!/usr/bin/env bash
# Builds the small static FFmpeg Safe Base links on Linux, from Debian 12's own source package:
# fetched by tools/debsource.sh (apt-get source through a private sources list; the system's
# apt configuration is left alone) into build-deps/cache, configured with tools/ffmpeg-config.txt
# only, installed in build-deps/ffmpeg-VERSION (build-deps/ffmpeg points at it; CMakeLists.txt
# prefers it to the system's shared libav*). Does nothing when that prefix is built already for
# the same version and flags. Needs tools/setup.sh's packages (nasm, dpkg-dev), the network
# once; not root.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

# Debian's version of the source package (with its epoch), pinned: a security update is a new pin.
pin=7:5.1.9-0+deb12u1
deps=$root/build-deps
cache=$deps/cache
jobs=$(nproc 2>/dev/null || echo 2)

die() {
  echo "tools/ffmpeg.sh: $*" >&2
  exit 1
}
say() { echo "== ffmpeg: $*"; }

# The shared flags, comments and blank lines dropped.
flags=()
while read -r -a words; do
  [ ${#words[@]} -gt 0 ] && flags+=("${words[@]}")
done < <(sed -e 's/#.*//' tools/ffmpeg-config.txt)
[ ${#flags[@]} -gt 0 ] || die "tools/ffmpeg-config.txt gives no flags"

# The demuxers must be the containers trackread.c accepts (formats[]: the first of each name).
accepted=$(sed -n '/formats\[\] = {/,/};/p' src/platform/sound/trackread.c |
  grep -o '"[^"]*"' | tr -d '"' | cut -d, -f1 | sort | tr '\n' ' ')
configured=$(printf '%s\n' "${flags[@]}" | sed -n 's/^--enable-demuxer=//p' | tr ',' '\n' |
  sort | tr '\n' ' ')
if [ -z "$accepted" ] || [ "$accepted" != "$configured" ]; then
  die "the demuxers in tools/ffmpeg-config.txt ($configured) are not trackread.c's formats[] ($accepted)"
fi

for tool in nasm make cc; do
  command -v "$tool" >/dev/null || die "$tool is missing: run tools/setup.sh (as root) first"
done
mkdir -p "$cache"
exec 9>"$deps/ffmpeg.lock"
flock 9 # one build at a time in this tree

# The source package, fetched and extracted by tools/debsource.sh into build-deps/cache.
# shellcheck source=tools/debsource.sh
. tools/debsource.sh
debsource_init tools/ffmpeg.sh ffmpeg "$cache"

# The version: the pin, or the one fetched in its place when the mirror no longer had it.
settle() { # settle VERSION: the prefix and the stamp that version is built with
  version=$1
  file_version=${version#*:} # the files' names have no epoch
  upstream=${file_version%-*}
  prefix=$deps/ffmpeg-$upstream
  stamp_text=$(printf '%s\n' "ffmpeg $version" --toolchain=hardened "${flags[@]}")
}
built() { # true, with a word said, when the prefix is built for this version and these flags
  [ -f "$prefix/safebase-stamp" ] && [ "$(cat "$prefix/safebase-stamp")" = "$stamp_text" ] || return 1
  ln -sfn "ffmpeg-$upstream" "$deps/ffmpeg"
  say "up to date: ffmpeg $version in $prefix"
}
debsource_pinned ffmpeg "$pin"
settle "$debsource_version"
built && exit 0
debsource_source ffmpeg "$pin"
debsource_done
settle "$debsource_version"
built && exit 0
src=$debsource_dir

# Configured and built outside the source tree, installed, then stamped (an interrupted build
# is never taken for a finished one).
build=$deps/ffmpeg-build
rm -rf "$build" "$prefix"
mkdir -p "$build"
say "configure (tools/ffmpeg-config.txt), in $build"
(cd "$build" && "$src/configure" --prefix="$prefix" --toolchain=hardened "${flags[@]}" >configure.out 2>&1) || {
  tail -n 20 "$build/ffbuild/config.log" >&2 || true
  die "FFmpeg's configure failed (its log: $build/ffbuild/config.log)"
}
say "make -j$jobs"
make -C "$build" -j"$jobs" >"$build/make.out" 2>&1 || {
  tail -n 30 "$build/make.out" >&2
  die "FFmpeg's build failed (its log: $build/make.out)"
}
make -C "$build" install >"$build/install.out" 2>&1 || {
  tail -n 30 "$build/install.out" >&2
  die "FFmpeg's install into $prefix failed"
}
# The .pc files name the prefix relative to themselves: the tree can move.
for pc in "$prefix"/lib/pkgconfig/*.pc; do
  # shellcheck disable=SC2016 # pkg-config's own variables, written as they are
  sed -i -e 's|^prefix=.*|prefix=${pcfiledir}/../..|' -e 's|^libdir=.*|libdir=${prefix}/lib|' \
    -e 's|^includedir=.*|includedir=${prefix}/include|' "$pc"
done
cp "$build/configure.out" "$prefix/configure.out"
rm -rf "$build"
echo "$stamp_text" >"$prefix/safebase-stamp"
ln -sfn "ffmpeg-$upstream" "$deps/ffmpeg"
say "installed ffmpeg $version in $prefix ($deps/ffmpeg)"
