"""Writes a small log around today for the history tests, and prints what --history should
say about this week. Usage: make_history_log.py LOG > expected-week-line"""
import datetime as dt
import sys

HEADER9 = "started,ended,plan,planned_seconds,duration_seconds,paused_seconds,outcome,phases_completed,phases_total"
HEADER = HEADER9 + ",client,rating,look_backs,extends,reconnects,note"
today = dt.date.today()
# (days ago, plan, minutes, client, rating, look_backs, old 9-column row?)
SESSIONS = [
    (40, "Safe-base dance", 10, "", "", 0, True),
    (20, "Special playtime", 12, "Robin", "2", 1, False),
    (9, "Safe-base dance", 14, "Robin", "3", 2, False),
    (2, "Special playtime", 16, "Robin", "4", 4, False),
    (0, "Special playtime", 18, "Robin", "5", 6, False),
    (0, "Connect, separate, connect", 20, "Sam", "", 1, False),
]

def row(ago, plan, minutes, client, rating, look_backs, old):
    day = today - dt.timedelta(days=ago)
    start = dt.datetime.combine(day, dt.time(9, 0))
    end = start + dt.timedelta(minutes=minutes)
    fmt = "%Y-%m-%dT%H:%M:%S+00:00"
    plan_field = '"%s"' % plan if "," in plan else plan
    base = f"{start.strftime(fmt)},{end.strftime(fmt)},{plan_field},900.0,{minutes * 60}.0,0.0,completed,3,3"
    return base if old else f"{base},{client},{rating},{look_backs},0,0,a note, \"quoted\"".replace('a note, "quoted"', '"a note, ""quoted"""')

with open(sys.argv[1], "w") as f:
    f.write(HEADER9 + "\n")
    for s in SESSIONS:
        f.write(row(*s) + "\n")

monday = today - dt.timedelta(days=today.weekday())
marked = {(today - dt.timedelta(days=s[0])).weekday() for s in SESSIONS
          if monday <= today - dt.timedelta(days=s[0]) <= today}
names = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
print("This week   " + "  ".join(f"{n} {'●' if i in marked else '·'}" for i, n in enumerate(names)))
