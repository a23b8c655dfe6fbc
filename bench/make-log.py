#!/usr/bin/env python3
"""Writes a session log of N lines (default 1,000,000) for bench/history.sh: a header, then
sessions a few minutes apart going back from today, in the real 15-column format with some
old 9-column rows, plan titles with commas, ratings, notes with quotes and commas.
Deterministic (fixed seed). Usage: make-log.py OUT [LINES]"""
import datetime as dt
import random
import sys

HEADER = ("started,ended,plan,planned_seconds,duration_seconds,paused_seconds,outcome,"
          "phases_completed,phases_total,client,rating,look_backs,extends,reconnects,note")
PLANS = ["Special playtime", '"Connect, separate, connect"', "Safe-base dance",
         "Gentle dance for a cautious child", "Closeness first", "Calm and steady"]
CLIENTS = ["", "Robin", "Sam", "Alex", "Kim", "Jo"]
NOTES = ["", "", "", "lovely", '"She led, I followed"', '"a ""big"" laugh"', "tired today"]
OUTCOMES = ["completed"] * 8 + ["ended_early", "interrupted"]


def main():
    out, lines = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
    rnd = random.Random(5)
    now = dt.datetime.combine(dt.date.today(), dt.time(18, 0))
    step = dt.timedelta(minutes=7)
    start = now - step * lines
    fmt = "%Y-%m-%dT%H:%M:%S+01:00"
    with open(out, "w") as f:
        f.write(HEADER + "\n")
        for i in range(lines - 1):
            t = start + step * i
            minutes = rnd.randint(5, 45)
            head = (f"{t.strftime(fmt)},{(t + dt.timedelta(minutes=minutes)).strftime(fmt)},"
                    f"{rnd.choice(PLANS)},900.0,{minutes * 60 - rnd.randint(0, 9)}.{rnd.randint(0, 9)},"
                    f"0.0,{rnd.choice(OUTCOMES)},{rnd.randint(0, 7)},7")
            if i % 50 == 0:
                f.write(head + "\n")  # an old 9-column row
            else:
                f.write(f"{head},{rnd.choice(CLIENTS)},{rnd.choice(['', '1', '2', '3', '4', '5'])},"
                        f"{rnd.randint(0, 9)},{rnd.randint(0, 2)},{rnd.randint(0, 2)},{rnd.choice(NOTES)}\n")


if __name__ == "__main__":
    main()
