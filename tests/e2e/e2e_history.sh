#!/usr/bin/env bash
# End to end: safebase --history over a small log around today (week marks, totals, plans,
# the last sessions, one client's trend, ranges, filters, --csv), over damaged and old-format
# logs (bad lines named by file and line, skipped, the file never changed), and its mistakes.
. "$(dirname "$0")/lib.sh"
LOG=$WORK/sessions.csv
week=$(python3 "$SRC/tests/e2e/make_history_log.py" "$LOG")
cp "$LOG" "$WORK/before.csv"

cd "$WORK" || exit 1
"$BIN" --history --log "$LOG" >out.txt 2>err.txt; rc=$?
check "--history exits 0" test "$rc" -eq 0
check "nothing to warn about in a good log" test ! -s err.txt
check "this week's days with a session are marked, Monday first" grep -qxF "$week" out.txt
check "sessions this week counted (today's two and any this week)" grep -Eq '^ +[0-9]+ sessions?, [0-9]+ min$' out.txt
check "sessions, minutes in all and on average" grep -qF "Sessions    6 · 90 min in all · 15.0 min on average" out.txt
check "minutes per plan" grep -Eq '^By plan +Safe-base dance +2 sessions +24 min$' out.txt
check "a plan title with a comma" grep -Eq '^ +Connect, separate, connect +1 session +20 min$' out.txt
check "the last sessions, newest first" test "$(grep -A1 '^Last sessions' out.txt | tail -1 | grep -c 'Special playtime.*18 min.*★★★★★.*Robin')" -eq 1
check "an old 9-column row is listed too" grep -q 'Safe-base dance *10 min *completed' out.txt
check "no word of streaks or missed days" test "$(grep -ciE 'streak|missed|fail' out.txt)" -eq 0

"$BIN" --history --log "$LOG" --client robin >robin.txt
check "--client: only that client (case does not matter)" grep -qF "Sessions    4 · 60 min in all" robin.txt
check "--client: the trend of rating" grep -Eq '^  rating +2\.5 → 4\.5$' robin.txt
check "--client: the trend of minutes" grep -Eq '^  minutes +13\.0 → 17\.0$' robin.txt
check "--client: the trend of look-backs" grep -Eq '^  look-backs +1\.5 → 5\.0$' robin.txt

since=$(date -d '-10 days' +%F); until=$(date -d '-1 day' +%F)
"$BIN" --history --log "$LOG" --since "$since" --until "$until" >range.txt
check "--since/--until: the sessions 9 and 2 days ago" grep -qF "Sessions    2 · 30 min in all" range.txt
"$BIN" --history --log "$LOG" --plan special-playtime >plan.txt
check "--plan takes a built-in id" grep -qF "Sessions    3 · 46 min in all" plan.txt
"$BIN" --history --log "$LOG" --since 2001-01-01 --until 2001-01-31 >none.txt
check "an empty range is said kindly" grep -qx "No sessions in this range." none.txt

"$BIN" --history --csv --log "$LOG" >all.csv
check "--csv: the header and every row" test "$(head -1 all.csv | tr ',' '\n' | wc -l),$(wc -l <all.csv)" = "18,7"
check "--csv: old rows gain empty new columns" python3 -c '
import csv,sys; rows=list(csv.reader(open("all.csv")))
sys.exit(0 if all(len(r)==18 for r in rows) and rows[1][9:]==[""]*9 and rows[2][14]=="a note, \"quoted\"" else 1)'
"$BIN" --history --csv --log "$LOG" --client Sam >sam.csv
check "--csv with a filter: only those rows" test "$(wc -l <sam.csv)" -eq 2
check "reading never changes the log" cmp -s "$LOG" "$WORK/before.csv"

# damaged logs: each bad line named by file and line, skipped; good lines still count
DMG=$WORK/damaged.csv
{
  echo "date,what,minutes"
  sed -n 2,3p "$LOG"
  echo "2024-03-04T09:30:00+01:00,2024-03-04T09:45:00+01:00,Too few,900.0"
  printf '2024-03-05T09:30:00+01:00,2024-03-05T09:45:00+01:00,Caf\xe9,900.0,900.0,0.0,completed,3,3\n'
  sed -n 4p "$LOG"
  printf '2024-03-06T09:30:00+01:00,2024-03-06T09:45:00+01:00,"Torn'
} >"$DMG"
cp "$DMG" "$WORK/damaged.before"
"$BIN" --history --log "$DMG" >dmg.txt 2>dmg.err; rc=$?
check "a damaged log is still read (exit 0)" test "$rc" -eq 0
check "a different header is named" grep -q "$DMG:1: neither the header" dmg.err
check "a line with too few fields is named" grep -q "$DMG:4: 4 fields" dmg.err
check "invalid UTF-8 is named" grep -q "$DMG:5: invalid UTF-8" dmg.err
check "a torn last line is named" grep -q "$DMG:7: .*not closed" dmg.err
check "the good lines still count" grep -qF "Sessions    3 ·" dmg.txt
check "the damaged log is left exactly as it was" cmp -s "$DMG" "$WORK/damaged.before"
run_session after --plan "$SRC/tests/e2e/short.plan" --start --exit-at-end --log "$DMG"
check "a session appended to it keeps every old byte" cmp -s "$WORK/damaged.before" <(head -c "$(stat -c %s "$WORK/damaged.before")" "$DMG")
"$BIN" --history --log "$DMG" >dmg2.txt 2>/dev/null
check "... and counts as a fourth session" grep -qF "Sessions    4 ·" dmg2.txt

# mistakes
"$BIN" --history --log "$LOG" --since 2024-02-30 2>bad.err; rc=$?
check "a bad date exits 2" test "$rc" -eq 2
check "... naming the option and the value" grep -q -- '--since: "2024-02-30" is not a date' bad.err
"$BIN" --history --log "$LOG" --since 2024-03-02 --until 2024-03-01 2>bad.err
check "since after until exits 2" test $? -eq 2
"$BIN" --history --log "$WORK/none.csv" >missing.txt; rc=$?
check "no log yet: exit 0 and a kind word" test "$rc" -eq 0 -a "$(grep -c 'No sessions logged yet' missing.txt)" -eq 1
"$BIN" --history --log "$WORK" 2>dir.err; rc=$?
check "a log that is a folder: exit 1 with the reason" test "$rc" -eq 1 -a "$(grep -c 'folder' dir.err)" -eq 1
"$BIN" --client "" --history 2>/dev/null
check "an empty --client exits 2" test $? -eq 2
finish
