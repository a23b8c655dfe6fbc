# shellcheck shell=bash
# Fetches Debian 12 (bookworm) source packages pinned by exact version and extracts them: apt runs
# with a private sources list (deb-src only, signed by Debian's archive keyring), lists and cache
# kept in the caller's cache folder, so the system's apt configuration is left alone. Sourced by
# tools/ffmpeg.sh and tools/windows-deps.sh; it defines debsource_* functions and runs nothing:
#   debsource_init WHO TAG CACHE   messages start with "WHO: " (errors) and "== TAG: " (progress);
#                                  the downloads and the extracted trees go in CACHE
#   debsource_pinned PKG PIN       sets debsource_version: PIN, or the version fetched in its
#                                  place when Debian's mirror no longer had it (no network)
#   debsource_source PKG PIN [upstream-ok]
#                                  fetches (once) and extracts (once) that version; sets
#                                  debsource_version and debsource_dir (the extracted tree)
#   debsource_done                 drops the apt lists (read again, fresh, by the next fetch)
# A pin the mirror no longer has is a warning: the version apt offers is taken and remembered.
# upstream-ok is for a package whose Debian revision patches nothing (no debian/patches): when
# the mirror lacks its debian.tar, the upstream tarball, checked against the .dsc, is used.

debsource_init() {
  debsource_who=$1
  debsource_tag=$2
  debsource_cache=$3
  debsource_apt=$3/apt
  debsource_log=$3/apt.log
  debsource_updated=false
  debsource_mirror=${SAFEBASE_DEBIAN_MIRROR:-http://deb.debian.org/debian}
  debsource_security=${SAFEBASE_DEBIAN_SECURITY:-http://deb.debian.org/debian-security}
  debsource_opts=(-q -o "Dir::Etc::SourceList=$debsource_apt/sources.list"
    -o "Dir::Etc::SourceParts=$debsource_apt/parts" -o "Dir::State::Lists=$debsource_apt/lists"
    -o "Dir::Cache=$debsource_apt/cache")
  # as root, apt would hand the download to its _apt user, who may not write in the cache
  [ "$(id -u)" -ne 0 ] || debsource_opts+=(-o APT::Sandbox::User=root)
  local tool
  for tool in apt-get apt-cache dpkg-source sha256sum; do
    command -v "$tool" >/dev/null || debsource_die "$tool is missing: run tools/setup.sh (as root) first"
  done
  mkdir -p "$debsource_cache"
}

debsource_die() {
  echo "$debsource_who: $*" >&2
  exit 1
}

debsource_pinned() {
  local pkg=$1 record
  debsource_version=$2
  for _ in 1 2 3 4 5 6 7 8; do # a chain of replacements, each remembered when it was fetched
    record=$debsource_cache/in-place-of-${pkg}_${debsource_version#*:}
    [ -f "$record" ] || return 0
    debsource_version=$(cat "$record")
  done
}

debsource_source() {
  local pkg=$1 pin=$2 upstream_ok=${3:-}
  debsource_pinned "$pkg" "$pin"
  local file_version=${debsource_version#*:} # the files' names have no epoch
  debsource_dir=$debsource_cache/$pkg-$file_version
  [ -f "$debsource_dir/.extracted" ] && return 0
  if [ ! -f "$debsource_cache/.fetched-${pkg}_$file_version" ]; then
    debsource_fetch "$pkg" "$debsource_version" "$upstream_ok"
    if [ "$debsource_got" != "$debsource_version" ]; then
      echo "$debsource_got" >"$debsource_cache/in-place-of-${pkg}_$file_version"
      debsource_version=$debsource_got
      file_version=${debsource_version#*:}
      debsource_dir=$debsource_cache/$pkg-$file_version
      [ -f "$debsource_dir/.extracted" ] && return 0
    fi
  fi
  debsource_extract "$pkg" "$file_version"
}

debsource_update() { # the lists, once per run
  "$debsource_updated" && return 0
  mkdir -p "$debsource_apt/parts" "$debsource_apt/lists/partial" "$debsource_apt/cache"
  local key=/usr/share/keyrings/debian-archive-keyring.gpg # the lists must be signed by Debian
  {
    echo "deb-src [signed-by=$key] $debsource_mirror bookworm main"
    echo "deb-src [signed-by=$key] $debsource_mirror bookworm-updates main"
    echo "deb-src [signed-by=$key] $debsource_security bookworm-security main"
  } >"$debsource_apt/sources.list"
  echo "== $debsource_tag: apt-get update (Debian's source lists, kept in $debsource_apt)"
  apt-get "${debsource_opts[@]}" update >"$debsource_log" 2>&1 || {
    tail -n 20 "$debsource_log" >&2
    debsource_die "apt-get update failed: is $debsource_mirror reachable? (its log: $debsource_log)"
  }
  debsource_updated=true
}

debsource_fetch() { # debsource_fetch PKG VERSION [upstream-ok]: sets debsource_got
  local pkg=$1 want=$2 upstream_ok=$3 versions offered
  debsource_update
  versions=$(apt-cache "${debsource_opts[@]}" showsrc --only-source "$pkg" | sed -n 's/^Version: //p')
  # what `apt-get source PKG` would take (its .dsc's name has no epoch)
  offered=$(apt-get "${debsource_opts[@]}" source --print-uris "$pkg" 2>/dev/null |
    awk -v p="${pkg}_" '$2 ~ /\.dsc$/ && index($2, p) == 1 {
      print substr($2, length(p) + 1, length($2) - length(p) - 4); exit }')
  offered=$(awk -v f="$offered" '{ v = $0; sub(/^[0-9]+:/, "", v) } v == f { print; exit }' <<<"$versions")
  [ -n "$offered" ] ||
    debsource_die "no $pkg source package found: are $debsource_mirror and $debsource_security reachable?"
  if ! grep -qxF "$want" <<<"$versions"; then
    echo "$debsource_who: $pkg $want is no longer on Debian's mirror: building $offered," \
      "the version apt offers (update the pin in $debsource_who)" >&2
    want=$offered
  fi
  echo "== $debsource_tag: apt-get source --download-only $pkg=$want"
  if ! (cd "$debsource_cache" &&
    apt-get "${debsource_opts[@]}" source --download-only "$pkg=$want" >>"$debsource_log" 2>&1) &&
    ! { [ -n "$upstream_ok" ] && debsource_upstream_only "$pkg" "${want#*:}"; }; then
    tail -n 20 "$debsource_log" >&2
    debsource_die "apt-get source $pkg=$want failed (its log: $debsource_log)"
  fi
  touch "$debsource_cache/.fetched-${pkg}_${want#*:}"
  debsource_got=$want
}

# The mirror lacks the Debian part of a package that patches nothing: every other file the .dsc
# names (which apt checked against Debian's signed index) must be there with its SHA-256.
debsource_upstream_only() {
  local pkg=$1 file_version=$2 dsc sum name missing=0
  dsc=$debsource_cache/${pkg}_$file_version.dsc
  [ -f "$dsc" ] || return 1
  while read -r sum _ name; do
    case $name in
    *.debian.tar.*) [ -f "$debsource_cache/$name" ] || missing=1 ;;
    *.orig-*) return 1 ;; # extra upstream tarballs: not handled here
    *) echo "$sum  $debsource_cache/$name" | sha256sum -c --status - || return 1 ;;
    esac
  done < <(sed -n '/^Checksums-Sha256:/,/^[^ ]/{/^ /p}' "$dsc")
  [ "$missing" -eq 1 ] || return 1
  echo "$debsource_who: the mirror lacks ${pkg}_$file_version's debian.tar (Debian's packaging" \
    "only, no patches; see $debsource_log): building its upstream tarball, checked against the .dsc" >&2
  touch "$debsource_cache/.upstream-only-${pkg}_$file_version"
}

# dpkg-source checks the files against the .dsc (apt checked the .dsc against Debian's signed
# index) and applies Debian's patches.
debsource_extract() {
  local pkg=$1 file_version=$2 log
  log=$debsource_cache/$pkg-extract.log
  rm -rf "$debsource_dir"
  if [ -f "$debsource_cache/.upstream-only-${pkg}_$file_version" ]; then
    local orig
    orig=$(find "$debsource_cache" -maxdepth 1 -name "${pkg}_${file_version%-*}.orig.tar.*" \
      ! -name '*.asc' | head -n 1)
    echo "== $debsource_tag: tar -x ${orig##*/} (upstream only)"
    mkdir -p "$debsource_dir"
    tar -xf "$orig" -C "$debsource_dir" --strip-components=1 >"$log" 2>&1 || {
      cat "$log" >&2
      debsource_die "could not extract $orig (delete $debsource_cache to fetch it again)"
    }
  else
    echo "== $debsource_tag: dpkg-source -x ${pkg}_$file_version.dsc"
    (cd "$debsource_cache" && dpkg-source -x "${pkg}_$file_version.dsc" "$debsource_dir" >"$log" 2>&1) || {
      cat "$log" >&2
      debsource_die "dpkg-source could not extract ${pkg}_$file_version.dsc" \
        "(delete $debsource_cache to fetch it again)"
    }
  fi
  touch "$debsource_dir/.extracted"
}

debsource_done() {
  rm -rf "$debsource_apt"
  debsource_updated=false
}
