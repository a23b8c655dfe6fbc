#!/usr/bin/env bash
# The Debian package on a fresh Debian 12: in a debootstrap'd minbase bookworm chroot, apt installs
# the .deb with what it needs, `safebase --list` shows the six built-in plans, a headless session
# is logged as completed, dpkg's triggers (no maintainer script) take its MIME type, desktop entry
# and icon into the desktop's caches and out again, and a purge leaves none of its files. Root
# only; it must not touch the host beyond build-package/ (its /proc mount is undone on any exit).
# Usage: tests/package/chroot.sh [DEB]   (default: dist/safebase_VERSION_ARCH.deb)
# Exit 77 (skip) only when the Debian mirror cannot be reached.
set -euo pipefail
SRC=$(cd "$(dirname "$0")/../.." && pwd)
MIRROR=${SAFEBASE_MIRROR:-http://deb.debian.org/debian}
CACHE=${SAFEBASE_CHROOT_CACHE:-$SRC/build-package/chroot-cache}
version=$(sed -nE 's/^project\(safebase VERSION ([0-9.]+).*/\1/p' "$SRC/CMakeLists.txt")
DEB=$(realpath "${1:-$SRC/dist/safebase_${version}_$(dpkg --print-architecture).deb}")
# check, fail, finish and csv_field as in the end-to-end tests (lib.sh's private HOME is unused)
set -- "" "$SRC"
# shellcheck source=tests/e2e/lib.sh
. "$SRC/tests/e2e/lib.sh"
set -eo pipefail

start=$(date +%s)
seconds_since() { echo $(($(date +%s) - $1)); }
[ "$(id -u)" -eq 0 ] || { echo "chroot.sh: run as root (debootstrap, chroot, mount)" >&2; exit 1; }
[ -s "$DEB" ] || { echo "chroot.sh: no package at $DEB (run tools/package.sh)" >&2; exit 1; }
command -v debootstrap >/dev/null || { echo "chroot.sh: debootstrap is missing (tools/setup.sh)" >&2; exit 1; }
mirror_unreachable() {
  ! wget -q -T 20 -t 2 -O /dev/null "$MIRROR/dists/bookworm/Release"
}

# The chroot lives under build-package/, one per run; its /proc must be unmounted before
# anything is deleted (and rm stays on this file system too).
mkdir -p "$CACHE/apt-archives"
ROOT=$(mktemp -d "$SRC/build-package/chroot.XXXXXX")
unmount_all() {
  local m
  awk -v r="$ROOT/" 'index($2, r) == 1 { print $2 }' /proc/mounts | sort -r | while read -r m; do
    umount "$m" 2>/dev/null || umount -l "$m"
  done
}
cleanup() {
  unmount_all
  if awk -v r="$ROOT/" 'index($2, r) == 1 { found = 1 } END { exit !found }' /proc/mounts; then
    echo "chroot.sh: $ROOT still has mounts; left in place" >&2
  else
    rm -rf --one-file-system "$ROOT"
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM HUP
in_root() { # command... : runs in the chroot with a clean environment
  chroot "$ROOT" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 \
    DEBIAN_FRONTEND=noninteractive "$@"
}

# A minbase bookworm, made once per machine and kept as a tarball (apt's lists and archives
# emptied first); each run unpacks it afresh.
base=$CACHE/bookworm-minbase.tar.gz
if [ -s "$base" ]; then
  debootstrap_s="cached ($base)"
  tar -C "$ROOT" --numeric-owner -xzf "$base"
else
  t=$(date +%s)
  if ! debootstrap --variant=minbase bookworm "$ROOT" "$MIRROR" >"$WORK/debootstrap.log" 2>&1; then
    if mirror_unreachable; then
      echo "SKIP: $MIRROR cannot be reached, so no Debian 12 chroot can be made" >&2
      exit 77
    fi
    tail -20 "$WORK/debootstrap.log" >&2
    echo "chroot.sh: debootstrap failed with the mirror reachable" >&2
    exit 1
  fi
  debootstrap_s="$(seconds_since "$t") s"
  in_root apt-get clean
  rm -rf "$ROOT"/var/lib/apt/lists/*
  tar -C "$ROOT" --numeric-owner -czf "$base.$$.tmp" . && mv "$base.$$.tmp" "$base"
fi
cp /etc/resolv.conf "$ROOT/etc/resolv.conf"
mount -t proc proc "$ROOT/proc"
# apt's downloads are kept beside the tarball, so a later run on this machine fetches only what
# changed (apt still resolves and checks every package)
find "$CACHE/apt-archives" -name '*.deb' -exec cp -t "$ROOT/var/cache/apt/archives/" {} +
cp "$DEB" "$ROOT/tmp/"
pkg=/tmp/$(basename "$DEB")

t=$(date +%s)
if ! in_root apt-get update -q >"$WORK/update.log" 2>&1; then
  if mirror_unreachable; then
    echo "SKIP: $MIRROR cannot be reached, so apt cannot fetch the package's dependencies" >&2
    exit 77
  fi
  cat "$WORK/update.log" >&2
  fail "apt-get update in the chroot"
  finish
  exit 1
fi
update_s=$(seconds_since "$t")
t=$(date +%s)
rc=0
in_root apt-get install -y -q "$pkg" >"$WORK/install.log" 2>&1 || rc=$?
install_s=$(seconds_since "$t")
find "$ROOT/var/cache/apt/archives" -maxdepth 1 -name '*.deb' -exec cp -n -t "$CACHE/apt-archives/" {} +
check "apt-get install -y ./$(basename "$DEB") pulls in what it needs" test $rc -eq 0
[ $rc -eq 0 ] || tail -30 "$WORK/install.log" >&2
check "safebase is installed" \
  test "$(in_root dpkg-query -W -f="\${db:Status-Status}" safebase 2>/dev/null)" = installed
check "... with the font the app asks fontconfig for (fonts-dejavu-core)" \
  test "$(in_root dpkg-query -W -f="\${db:Status-Status}" fonts-dejavu-core 2>/dev/null)" = installed
in_root dpkg -L safebase >"$WORK/files" 2>/dev/null || true
check "dpkg -L safebase lists its files" grep -qx /usr/bin/safebase "$WORK/files"

# --list shows the six built-in plans: one line starting with each plan file's stem
in_root safebase --list >"$WORK/list.out" 2>"$WORK/list.err" || true
check "safebase --list runs" test -s "$WORK/list.out"
plans=0
for plan in "$SRC"/assets/plans/*.plan; do
  stem=$(basename "$plan" .plan)
  plans=$((plans + 1))
  check "safebase --list shows the built-in plan $stem" grep -q "^${stem}[[:space:]]" "$WORK/list.out"
done
check "... six of them, and no other" test "$plans,$(grep -c . "$WORK/list.out")" = "6,6"

# a short headless session from the installed binary, logged as completed
mkdir -p "$ROOT/tmp/session/home"
cat >"$ROOT/tmp/session/short.plan" <<'PLAN'
[plan]
title = Chroot check
audience = parent
fade = 0.5s

[phase Connect]
kind = connect
duration = 1.5s
music = play
prompt = Sit close

[phase Separate]
kind = separate
duration = 1.5s
music = soft
prompt = Stay where they can see you
PLAN
rc=0
in_root HOME=/tmp/session/home SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=disk SDL_DISKAUDIOFILE=/dev/null \
  timeout 60 safebase --plan /tmp/session/short.plan --start --exit-at-end --log /tmp/session/log.csv \
  >"$WORK/session.out" 2>"$WORK/session.err" || rc=$?
check "a headless session runs from the installed package (exit $rc)" test $rc -eq 0
[ $rc -eq 0 ] || tail -20 "$WORK/session.err" >&2
if [ -s "$ROOT/tmp/session/log.csv" ]; then
  check "... and is logged as completed" \
    test "$(csv_field "$ROOT/tmp/session/log.csv" 3),$(csv_field "$ROOT/tmp/session/log.csv" 7)" = "Chroot check,completed"
else
  fail "... and is logged (no log at /tmp/session/log.csv)"
fi
check "... with no warning about missing sounds or music" \
  bash -c "! grep -Eq 'Cannot load|Skipping|Music \"' '$WORK/session.err'"

# No maintainer script: the dpkg triggers of the desktop's caches take in (and drop) the plan
# file type, the desktop entry and the icon. With those caches' packages present, the purge
# below must drop safebase from each, and an install must put it back.
check "the package has no maintainer scripts" \
  test -z "$(find "$ROOT/var/lib/dpkg/info" -regextype egrep -regex '.*/safebase\.(pre|post)(inst|rm)')"
mimetype=$(sed -nE 's/.*<mime-type type="([^"]+)".*/\1/p' \
           "$ROOT$(grep -m1 '^/usr/share/mime/packages/.*\.xml$' "$WORK/files")" || true)
desktop=$(basename "$(grep -m1 '^/usr/share/applications/.*\.desktop$' "$WORK/files")")
icon=$(basename "$(grep -m1 '^/usr/share/icons/hicolor/.*\.svg$' "$WORK/files")" .svg)
check "it brings a MIME type ($mimetype), a desktop entry ($desktop) and an icon ($icon)" \
  test -n "$mimetype" -a -n "$desktop" -a -n "$icon"
in_caches() { # prints which caches name safebase's MIME type, desktop entry and icon
  [ -e "$ROOT/usr/share/mime/$mimetype.xml" ] && echo mime
  grep -qs "^$mimetype=.*$desktop" "$ROOT/usr/share/applications/mimeinfo.cache" && echo desktop
  grep -qas "$icon" "$ROOT/usr/share/icons/hicolor/icon-theme.cache" && echo icon
  true
}
check "apt-get installs the caches' packages (shared-mime-info, desktop-file-utils, hicolor-icon-theme)" \
  in_root apt-get install -y -q --no-install-recommends shared-mime-info desktop-file-utils \
  hicolor-icon-theme gtk-update-icon-cache >"$WORK/caches.log" 2>&1
check "... and their caches hold safebase's MIME type, desktop entry and icon" \
  test "$(in_caches | paste -sd,)" = "mime,desktop,icon"

# purged, nothing of it stays: no file it listed, no folder but those other packages own too
check "apt-get purge -y safebase" in_root apt-get purge -y -q safebase >"$WORK/purge.log" 2>&1
check "... whose triggers drop it from the caches (left in: $(in_caches | paste -sd,))" \
  test -z "$(in_caches)"
check "... and dpkg no longer knows it" bash -c "! chroot '$ROOT' dpkg-query -W safebase >/dev/null 2>&1"
left=()
while IFS= read -r path; do
  case $path in /.|"") continue ;; esac
  if [ -d "$ROOT$path" ] && [ ! -L "$ROOT$path" ]; then
    in_root dpkg-query -S "$path" >/dev/null 2>&1 && continue
    left+=("$path/ ($(find "$ROOT$path" -mindepth 1 -maxdepth 1 -printf '%f ' | head -c 80))")
  elif [ -e "$ROOT$path" ] || [ -L "$ROOT$path" ]; then
    left+=("$path")
  fi
done <"$WORK/files"
check "the purge leaves none of its files (left: ${left[*]:-none})" test ${#left[@]} -eq 0
check "... nor /usr/share/safebase nor /usr/share/doc/safebase" \
  test ! -e "$ROOT/usr/share/safebase" -a ! -e "$ROOT/usr/share/doc/safebase"

# installed again, dpkg's triggers alone put it back into the caches
check "apt-get install -y ./$(basename "$DEB") again" in_root apt-get install -y -q "$pkg" >"$WORK/again.log" 2>&1
check "... and the triggers put it back in the caches (in: $(in_caches | paste -sd,))" \
  test "$(in_caches | paste -sd,)" = "mime,desktop,icon"

echo "times: debootstrap $debootstrap_s, apt-get update ${update_s} s," \
     "apt-get install ${install_s} s, the whole check $(seconds_since "$start") s"
finish
