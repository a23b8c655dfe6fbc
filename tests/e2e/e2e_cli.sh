#!/usr/bin/env bash
# End to end: the command line. --help, --version, --list, --check and bad options behave as
# documented (exit 0, 1 or 2 with a one-line message), and so do plain plan-file arguments.
. "$(dirname "$0")/lib.sh"
cd "$WORK" || exit 1

"$BIN" --help >help.txt; check "--help exits 0" test $? -eq 0
for opt in --plan --start --exit-at-end --music --log --window --check --list --version; do
  check "--help lists $opt" grep -q -- "$opt" help.txt
done
check "--version prints the version" grep -Eq '^safebase [0-9]+\.[0-9]+\.[0-9]+$' <("$BIN" --version)

"$BIN" --list >list.txt; check "--list exits 0" test $? -eq 0
check "--list shows the six built-in plans" test "$(grep -c -E 'therapist|parent' list.txt)" -ge 6
check "--list shows Special playtime at 15 min for a parent" grep -Eq 'Special playtime +15 min +parent' list.txt
mkdir -p "$XDG_CONFIG_HOME/safebase/plans"
cp "$SRC/tests/e2e/short.plan" "$XDG_CONFIG_HOME/safebase/plans/my-short.plan"
check "a user plan is listed and marked" grep -q 'my-short.*(yours)' <("$BIN" --list)

"$BIN" --check "$SRC"/assets/plans/*.plan >check.out 2>check.err
check "--check passes every built-in plan" test $? -eq 0
printf '[plan]\ntitle = Broken\n\n[phase One]\nduration = 5x\n[phase Two]\n' >bad.plan
"$BIN" --check "$SRC/tests/e2e/short.plan" bad.plan >check.out 2>check.err
check "--check exits 1 when one file is bad" test $? -eq 1
check "--check names file and line of a bad duration" grep -q '^bad.plan:5: ' check.err
check "--check names the phase without a duration" grep -q '^bad.plan:6: ' check.err
check "--check still reports the good file" grep -q 'short.plan: ok' check.out
"$BIN" --check missing.plan 2>check.err; check "--check on a missing file exits 1" test $? -eq 1
check "... and says why" grep -q 'missing.plan: No such file' check.err
head -c 3000 /dev/urandom >binary.plan
"$BIN" --check binary.plan 2>/dev/null; check "--check refuses a binary file" test $? -eq 1

for args in "--bogus" "--window=wide" "--plan" "--check" "--start" "--list stray" "--music=" \
            "a.plan b.plan" "--plan special-playtime a.plan" "a.plan --plan=special-playtime" \
            "--start a.plan b.plan"; do
  # shellcheck disable=SC2086
  "$BIN" $args >out.txt 2>err.txt; rc=$?
  check "'$args' exits 2" test $rc -eq 2
  check "'$args' explains itself in one line" test "$(wc -l <err.txt)" -eq 1
done
# one plain argument is a plan file for the app to open (a file someone sent); two, or one
# with --plan, is a usage error that names both
"$BIN" a.plan b.plan 2>err.txt
check "two plan files: the message names both" grep -q '"a.plan" and "b.plan"' err.txt
"$BIN" --plan special-playtime a.plan 2>err.txt
check "--plan with a plan file: the message names both" grep -q '"special-playtime".*"a.plan"' err.txt
check "--help shows the plain FILE.plan argument" grep -q 'FILE.plan' help.txt
"$BIN" --check "$SRC/tests/e2e/short.plan" >check.out 2>&1
check "--check FILE keeps its meaning (checks, does not open)" grep -q 'short.plan: ok' check.out
"$BIN" --plan no-such-plan 2>err.txt; check "an unknown plan exits 2" test $? -eq 2
check "... naming it" grep -q 'no-such-plan' err.txt
finish
