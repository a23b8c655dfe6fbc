#!/usr/bin/env bash
# End to end: separations that grow with a client, from the log alone. A plan whose
# separations grow (1 s, 2 s, 3 s) run headless with --start for Robin: the next session for
# Robin starts where the last reached (3 s: 3, 4, 5 s), a session for another client or for
# none runs the plan as written, and the log's new columns say what each session did.
. "$(dirname "$0")/lib.sh"
LOG=$WORK/sessions.csv
PLAN=$WORK/grow.plan
printf '[plan]\ntitle = Growing\nfade = 0.5s\n[repeat 3]\n[phase Together]\nkind = connect\nduration = 1s\n[phase Apart]\nkind = separate\nduration = 1s\ngrow = 1s\n[end repeat]\n' >"$PLAN"
session() { run_session "$1" --plan "$PLAN" --start --exit-at-end --log "$LOG" "${@:2}"; }
col() { python3 -c 'import csv,sys; r=list(csv.DictReader(open(sys.argv[1])))[-1]; print(r[sys.argv[2]])' "$LOG" "$1"; }

session first --client Robin
check "first session: the plan as written (9 s planned)" test "$(col planned_seconds)" = 9.0
check "... its first separation 1 s" test "$(col first_separation_seconds)" = 1.0
check "... the longest reached 3 s, no reconnect" test "$(col longest_separation_seconds),$(col reconnect_separation_seconds)" = "3.0,"
session second --client Robin
check "next time for Robin: separations start at 3 s (3, 4, 5 s: 15 s planned)" test "$(col planned_seconds)" = 15.0
check "... its first separation 3 s" test "$(col first_separation_seconds)" = 3.0
session other --client Sam
check "another client: the plan as written" test "$(col first_separation_seconds)" = 1.0
session nobody
check "no client: the plan as written" test "$(col first_separation_seconds)" = 1.0
session third --client Robin
check "Robin again: from where the last Robin session reached (5 s)" test "$(col first_separation_seconds)" = 5.0
finish
