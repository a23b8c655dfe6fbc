#!/usr/bin/env bash
# Cross-builds Safe Base for 64-bit Windows with Debian's MinGW-w64 and writes
# dist/safebase-VERSION-windows-x64.zip: one folder holding safebase.exe, the DLLs it needs (found
# by reading each binary's imports, so none is missing and none is extra), the assets, DejaVu Sans
# (Windows has no fontconfig: the app looks in fonts\ beside itself), README.txt and the licences.
# The libraries come from tools/windows-deps.sh (Debian's own sources, built once into
# build-windows/deps and reused); the app is built in build-windows/app. The zip is the same,
# byte for byte, for the same commit: its files carry the commit's time, in a fixed order.
# Needs tools/setup.sh's packages (gcc-mingw-w64-x86-64, zip, fonts-dejavu-core); not root.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
triplet=x86_64-w64-mingw32
jobs=$(nproc 2>/dev/null || echo 2)

die() {
  echo "tools/build-windows.sh: $*" >&2
  exit 1
}
say() { echo "== build-windows: $*"; }

for tool in "$triplet-gcc" "$triplet-objdump" "$triplet-strip" cmake zip; do
  command -v "$tool" >/dev/null || die "$tool is missing: run tools/setup.sh (as root) first"
done
fonts=/usr/share/fonts/truetype/dejavu
for f in DejaVuSans.ttf DejaVuSans-Bold.ttf; do
  [ -f "$fonts/$f" ] || die "$fonts/$f is missing: install fonts-dejavu-core (tools/setup.sh does)"
done

started=$(date +%s)
./tools/windows-deps.sh
deps=$root/build-windows/deps
libs_done=$(date +%s)

version=$(sed -n 's/^project(safebase VERSION \([0-9.]*\).*/\1/p' CMakeLists.txt)
[ -n "$version" ] || die "no version in CMakeLists.txt's project()"
name=safebase-$version-windows-x64
app=$root/build-windows/app
say "safebase.exe (build-windows/app)"
export PKG_CONFIG_LIBDIR=$deps/lib/pkgconfig PKG_CONFIG_PATH=
# (the static Linux FFmpeg of tools/ffmpeg.sh is not for Windows: the prefix's DLLs are used;
# the core's tests are built too, for tests/windows/wine.sh to run under Wine)
cmake -S . -B "$app" -DCMAKE_TOOLCHAIN_FILE="$root/cmake/mingw-w64.cmake" -DCMAKE_BUILD_TYPE=Release \
  -DBUILD_TESTING=ON -DCMAKE_CROSSCOMPILING_EMULATOR=wine \
  -DSAFEBASE_FFMPEG_PREFIX="$app/no-static-ffmpeg" >"$app.configure.log" 2>&1 || {
  tail -n 30 "$app.configure.log" >&2
  die "cmake could not configure the Windows build (its log: $app.configure.log)"
}
cmake --build "$app" -j "$jobs" >"$app.build.log" 2>&1 || {
  grep -E "error|Error" "$app.build.log" | head -n 30 >&2
  die "the Windows build failed (its log: $app.build.log)"
}

# The commit's time: the zip's files carry it, and strip writes it into the DLLs' headers
# (binutils reads SOURCE_DATE_EPOCH), so the same commit gives the same bytes.
epoch=$(git log -1 --format=%ct 2>/dev/null || date +%s)
export SOURCE_DATE_EPOCH=$epoch
stage=$root/build-windows/stage
dir=$stage/$name
rm -rf "$stage"
mkdir -p "$dir/fonts" "$dir/licenses"
"$triplet-strip" -o "$dir/safebase.exe" "$app/safebase.exe"

# The DLLs: every import that is not Windows' own, from the prefix, then theirs in turn. An
# import found nowhere is an error: the zip would not start. (MinGW's runtime is linked in.)
system_dll() { # Windows' own DLLs (and the API sets it resolves itself)
  case "${1,,}" in
  kernel32.dll | user32.dll | gdi32.dll | advapi32.dll | shell32.dll | ole32.dll | oleaut32.dll | \
    imm32.dll | version.dll | setupapi.dll | winmm.dll | bcrypt.dll | msvcrt.dll | ws2_32.dll | \
    secur32.dll | cfgmgr32.dll | hid.dll | dinput8.dll | dxgi.dll | d3d9.dll | d3d11.dll | \
    uuid.dll | comdlg32.dll | shlwapi.dll | ntdll.dll | api-ms-win-*) return 0 ;;
  *) return 1 ;;
  esac
}
find_dll() { # prints the file of DLL $1 to ship, or nothing
  find "$deps/bin" -maxdepth 1 -iname "$1" -print -quit
}
todo=("$dir/safebase.exe")
while [ ${#todo[@]} -gt 0 ]; do
  bin=${todo[0]}
  todo=("${todo[@]:1}")
  while read -r dll; do
    [ -e "$dir/$dll" ] && continue
    system_dll "$dll" && continue
    file=$(find_dll "$dll")
    [ -n "$file" ] || die "$(basename "$bin") needs $dll, which is neither Windows' own nor built"
    "$triplet-strip" --strip-unneeded -o "$dir/$dll" "$file"
    todo+=("$dir/$dll")
  done < <("$triplet-objdump" -p "$bin" | sed -n 's/^\s*DLL Name: //p')
done

# The assets: the built-in plans in English (the Windows build speaks only English), the sounds
# and the music.
cp -r assets "$dir/assets"
find "$dir/assets/plans" -mindepth 1 -maxdepth 1 -type d -exec rm -rf {} +
cp "$fonts/DejaVuSans.ttf" "$fonts/DejaVuSans-Bold.ttf" "$dir/fonts/"

# The licences: Safe Base's libraries' own copyright files, from their Debian source packages
# (tools/windows-deps.sh keeps them), and the font's.
for f in "$deps"/licenses/*; do
  [ -f "$f" ] && cp "$f" "$dir/licenses/"
done
cp /usr/share/doc/fonts-dejavu-core/copyright "$dir/licenses/fonts-dejavu.txt"

# README.txt, with Windows' line ends for Notepad.
sed "s/@VERSION@/$version/g" data/windows/README.txt | sed 's/$/\r/' >"$dir/README.txt"

# The zip: fixed times and order, no extra fields.
find "$dir" -exec touch -h -d "@$epoch" {} +
mkdir -p dist
zipfile=$root/dist/$name.zip
rm -f "$zipfile"
(cd "$stage" && find "$name" -print | LC_ALL=C sort | TZ=UTC zip -X -q -9 -@ "$zipfile")
done_at=$(date +%s)
say "wrote dist/$name.zip ($(du -k "$zipfile" | cut -f1) KiB; libraries $((libs_done - started)) s, app and zip $((done_at - libs_done)) s)"
