#!/usr/bin/env bash
# Builds the Debian package dist/safebase_VERSION_amd64.deb (VERSION: project() in CMakeLists.txt):
# a Release build in build-package/build with Debian's hardening flags, installed under /usr and
# packed by CPack (cmake/package.cmake), then checked with lintian (it fails on any error or
# warning; overrides, if ever needed, go with the package). Needs tools/setup.sh's packages, not root.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
umask 022
jobs=$(nproc 2>/dev/null || echo 2)
version=$(sed -nE 's/^project\(safebase VERSION ([0-9.]+).*/\1/p' CMakeLists.txt)
arch=$(dpkg --print-architecture)
deb=dist/safebase_${version}_${arch}.deb
# The changelog's date: the last commit's, so one commit always gives the same changelog.
SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}
export SOURCE_DATE_EPOCH
# Debian's build flags (stack protector, _FORTIFY_SOURCE, RELRO, bind-now), as dh would set them.
export DEB_BUILD_MAINT_OPTIONS=hardening=+all
CFLAGS="$(dpkg-buildflags --get CPPFLAGS) $(dpkg-buildflags --get CFLAGS)"
LDFLAGS=$(dpkg-buildflags --get LDFLAGS)
export CFLAGS LDFLAGS

build="build-package/build"
echo "== package: Release build in $build"
# The package links Debian's own shared FFmpeg (not tools/ffmpeg.sh's static copy, which the
# source build uses for its memory and start-up): Debian's security updates then reach it, no
# library is bundled (lintian's embedded-library error), and FFmpeg's LGPL is met by linking.
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr \
      -DSAFEBASE_FFMPEG_PREFIX=/nonexistent -DSAFEBASE_PACKAGE=ON -DBUILD_TESTING=OFF >/dev/null
cmake --build "$build" -j "$jobs"
echo "== package: cpack -G DEB"
rm -rf build-package/cpack
(cd "$build" && cpack -G DEB -B "$root/build-package/cpack" >/dev/null)
mkdir -p dist
rm -f dist/safebase_*.deb   # one package in dist/, so `apt-get install ./dist/safebase_*.deb` finds it
mv "build-package/cpack/$(basename "$deb")" "$deb"
echo "== package: lintian $deb"
lintian --info --display-info --fail-on error,warning "$deb"
echo "$deb"
