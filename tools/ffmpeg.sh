#!/usr/bin/env bash
# Builds the small static FFmpeg Safe Base links on Linux, from Debian 12's own source package:
# fetched with apt-get source through a private sources list (the system's apt configuration is
# left alone) into build-deps/cache, configured with tools/ffmpeg-config.txt only, installed in
# build-deps/ffmpeg-VERSION (build-deps/ffmpeg points at it; CMakeLists.txt prefers it to the
# system's shared libav*). Does nothing when that prefix is built already for the same version
# and flags. Needs tools/setup.sh's packages (nasm, dpkg-dev), the network once; not root.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

# Debian's version of the source package (with its epoch), pinned: a security update is a new pin.
pin=7:5.1.9-0+deb12u1
mirror=${SAFEBASE_DEBIAN_MIRROR:-http://deb.debian.org/debian}
security=${SAFEBASE_DEBIAN_SECURITY:-http://deb.debian.org/debian-security}
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

for tool in nasm dpkg-source apt-get make cc; do
  command -v "$tool" >/dev/null || die "$tool is missing: run tools/setup.sh (as root) first"
done
mkdir -p "$cache"
exec 9>"$deps/ffmpeg.lock"
flock 9 # one build at a time in this tree

# apt with a private sources list (deb-src only), lists and cache, all in build-deps/cache/apt.
aptdir=$cache/apt
apt_opts=(-q -o "Dir::Etc::SourceList=$aptdir/sources.list" -o "Dir::Etc::SourceParts=$aptdir/parts"
  -o "Dir::State::Lists=$aptdir/lists" -o "Dir::Cache=$aptdir/cache")
fetch() { # fetch VERSION: downloads the source package; prints the version it got
  mkdir -p "$aptdir/parts" "$aptdir/lists/partial" "$aptdir/cache"
  local key=/usr/share/keyrings/debian-archive-keyring.gpg # the lists must be signed by Debian
  {
    echo "deb-src [signed-by=$key] $mirror bookworm main"
    echo "deb-src [signed-by=$key] $mirror bookworm-updates main"
    echo "deb-src [signed-by=$key] $security bookworm-security main"
  } >"$aptdir/sources.list"
  say "apt-get update (Debian's source lists, kept in $aptdir)" >&2
  apt-get "${apt_opts[@]}" update >&2 || die "apt-get update failed: is $mirror reachable?"
  local want=$1 versions offered
  versions=$(apt-cache "${apt_opts[@]}" showsrc --only-source ffmpeg | sed -n 's/^Version: //p')
  # what `apt-get source ffmpeg` would take (its .dsc's name has no epoch)
  offered=$(apt-get "${apt_opts[@]}" source --print-uris ffmpeg 2>/dev/null |
    sed -nE "s/^'[^']*' ffmpeg_([^ ]+)\.dsc .*/\1/p" | head -n 1)
  offered=$(awk -v f="$offered" '{ v = $0; sub(/^[0-9]+:/, "", v) } v == f { print; exit }' <<<"$versions")
  [ -n "$offered" ] || die "no ffmpeg source package found: are $mirror and $security reachable?"
  if ! grep -qxF "$want" <<<"$versions"; then
    echo "tools/ffmpeg.sh: ffmpeg $want is no longer on Debian's mirror: building $offered," \
      "the version apt offers (update the pin in tools/ffmpeg.sh)" >&2
    want=$offered
  fi
  # as root, apt would hand the download to its _apt user, who may not write here
  local sandbox=()
  [ "$(id -u)" -ne 0 ] || sandbox=(-o APT::Sandbox::User=root)
  (cd "$cache" && apt-get "${apt_opts[@]}" "${sandbox[@]}" source --download-only "ffmpeg=$want" >&2) ||
    die "apt-get source ffmpeg=$want failed"
  rm -rf "$aptdir" # the lists are read again, fresh, for the next version
  echo "$want"
}

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
settle "$pin"
[ -f "$cache/in-place-of-${pin#*:}" ] && settle "$(cat "$cache/in-place-of-${pin#*:}")"
built && exit 0

# The source, extracted once (dpkg-source checks it against the .dsc; apt checked the .dsc
# against Debian's signed index).
if [ ! -f "$cache/ffmpeg_$file_version.dsc" ]; then
  got=$(fetch "$version")
  settle "$got"
  [ "$version" = "$pin" ] || echo "$version" >"$cache/in-place-of-${pin#*:}"
  built && exit 0
fi
src=$cache/ffmpeg-$file_version
if [ ! -f "$src/.extracted" ]; then
  say "dpkg-source -x ffmpeg_$file_version.dsc"
  rm -rf "$src"
  (cd "$cache" && dpkg-source -x "ffmpeg_$file_version.dsc" "$src" >"$cache/extract.log" 2>&1) || {
    cat "$cache/extract.log" >&2
    die "dpkg-source could not extract ffmpeg_$file_version.dsc (delete $cache to fetch it again)"
  }
  touch "$src/.extracted"
fi

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
