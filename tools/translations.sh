#!/usr/bin/env bash
# The translations' housekeeping (needs Debian's gettext):
#   tools/translations.sh update   extract po/safebase.pot from src/ (xgettext: _(), N_(), P_())
#                                  and merge it into every po/LL.po (msgmerge), keeping what
#                                  is translated; new or changed messages come out untranslated
#                                  or fuzzy for a translator
#   tools/translations.sh pot FILE extracts the messages into FILE only (nothing in po/ changes)
#   tools/translations.sh check    fails unless every po/LL.po translates every message of a
#                                  fresh extraction, with nothing fuzzy, and msgfmt --check
#                                  passes (the ctest po_complete runs this)
set -euo pipefail
cd "$(dirname "$0")/.."
extract() { # OUT
  find src -name '*.c' | LC_ALL=C sort | xargs xgettext --from-code=UTF-8 --language=C \
    --keyword=_ --keyword=N_ --keyword=P_:1,2 --add-comments=TRANSLATORS: \
    --package-name=safebase --msgid-bugs-address=maintainers@safebase.invalid \
    --sort-by-file --output="$1"
}
case "${1:-}" in
pot)
  [ -n "${2:-}" ] || { echo "usage: tools/translations.sh pot FILE" >&2; exit 2; }
  extract "$2" ;;
update)
  extract po/safebase.pot
  for lang in $(grep -v '^#' po/LINGUAS); do
    if [ -f "po/$lang.po" ]; then
      msgmerge --quiet --update --backup=none --no-fuzzy-matching "po/$lang.po" po/safebase.pot
    else
      msginit --no-translator --locale="$lang" --input=po/safebase.pot --output-file="po/$lang.po"
    fi
  done ;;
check)
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  extract "$tmp/fresh.pot"
  status=0
  for lang in $(grep -v '^#' po/LINGUAS); do
    po=po/$lang.po
    [ -f "$po" ] || { echo "po/$lang.po is missing"; status=1; continue; }
    if ! msgcmp "$po" "$tmp/fresh.pot" 2>"$tmp/cmp"; then
      echo "po/$lang.po lacks messages that are in the sources now (run tools/translations.sh update, then translate):"
      head -20 "$tmp/cmp"; status=1
    fi
    stats=$(LC_ALL=C msgfmt --check --statistics --output-file=/dev/null "$po" 2>&1) || { echo "$po: $stats"; status=1; }
    case $stats in
      *fuzzy*|*untranslated*) echo "$po is not complete: $stats"; status=1 ;;
      *) echo "$po: $stats" ;;
    esac
  done
  exit $status ;;
*) echo "usage: tools/translations.sh update|check" >&2; exit 2 ;;
esac
