#!/usr/bin/env python3
"""Where Safe Base's memory goes during bench/run's 60-second session: the peak (VmHWM) of each
run, and at a few moments the resident memory of each kind of mapping, read from
/proc/PID/smaps. It measures; it never changes the app or docs/performance.md.

  memory.py --bin BUILD/safebase --src SRC --display :104 --runs 3

The session is bench/run's (bench.py's App: the same plan, music, environment, the same Space
half a second after the first frame). The kinds of mapping are told apart by name and shape,
so "other anonymous" is everything malloc hands out in blocks of its own (textures, sound
buffers); a short peak between two snapshots shows in VmHWM only.
"""
import collections
import os
import re
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench import App, arguments, close_ctx, open_ctx  # noqa: E402  (bench.py sits beside this file)

MOMENTS = (("ready", None), ("5 s", 5.0), ("30 s", 30.0), ("57 s", 57.0))
HEAP_MAX = 64 << 20  # a glibc thread arena reserves this much


def read_smaps(pid):
    maps, cur = [], None
    with open("/proc/%d/smaps" % pid) as f:
        for line in f:
            m = re.match(r"^([0-9a-f]+)-([0-9a-f]+) (\S+) \S+ \S+ \d+\s*(.*)$", line)
            if m:
                cur = {"start": int(m.group(1), 16), "end": int(m.group(2), 16), "perm": m.group(3),
                       "name": m.group(4).strip()}
                maps.append(cur)
            elif cur is not None and line.split(":")[0] in ("Rss", "Anonymous"):
                cur[line.split(":")[0]] = int(line.split()[1])
    return maps


def stack_pointers(pid):
    """Each thread's stack pointer (from /proc/PID/task/TID/syscall, as root or the owner)."""
    sps = {}
    for tid in os.listdir("/proc/%d/task" % pid):
        try:
            with open("/proc/%d/task/%s/comm" % (pid, tid)) as f:
                comm = f.read().strip()
            with open("/proc/%d/task/%s/syscall" % (pid, tid)) as f:
                fields = f.read().split()
            if len(fields) > 2:
                sps[int(fields[-2], 16)] = comm
        except (OSError, ValueError):
            pass
    return sps


def kind(maps, i, sps, exe):
    m = maps[i]
    name = m["name"]
    if name == exe:
        return "the program itself"
    if ".so" in name:
        return None  # libraries: split into file pages and their own anonymous pages
    if "SYSV" in name or name.startswith("/dev/shm") or "memfd" in name:
        return "X window surface (shared memory)"
    if name == "[heap]":
        return "malloc heap (main arena)"
    if name == "[stack]":
        return "thread stacks"
    if name.startswith("["):
        return "kernel ([vdso], [vvar]...)"
    if name:
        return "other files (locale, caches...)"
    if any(m["start"] <= sp < m["end"] for sp in sps):
        return "thread stacks"
    nxt = maps[i + 1] if i + 1 < len(maps) else None
    if nxt and not nxt["name"] and nxt["perm"] == "---p" and nxt["start"] == m["end"] and \
            nxt["end"] - m["start"] == HEAP_MAX and m["start"] % HEAP_MAX == 0:
        return "malloc thread arenas"
    return "other anonymous (textures, sound buffers...)"


def breakdown(pid, exe):
    """(KiB by kind, KiB by library, total KiB) of what is resident now."""
    maps, sps = read_smaps(pid), stack_pointers(pid)
    kinds, libs = collections.Counter(), collections.Counter()
    for i, m in enumerate(maps):
        rss, anon = m.get("Rss", 0), m.get("Anonymous", 0)
        k = kind(maps, i, sps, exe)
        if k is None:
            kinds["libraries: pages of their files"] += rss - anon
            kinds["libraries: their own pages (relocations, data)"] += anon
            libs[os.path.basename(m["name"])] += rss
        else:
            kinds[k] += rss
    return kinds, libs, sum(m.get("Rss", 0) for m in maps)


def vm_status(pid):
    out = {}
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            key = line.split(":")[0]
            if key in ("VmHWM", "VmRSS", "RssAnon", "RssFile", "RssShmem"):
                out[key] = int(line.split()[1])
    return out


def one_run(ctx, music, plan):
    app = App(ctx, plan, ["--music", music], "memory")
    app.wait_first_frame()
    time.sleep(0.5)
    snaps = [("ready", breakdown(app.proc.pid, ctx.bin), vm_status(app.proc.pid))]
    t0, _ = app.press_space()
    for label, at in MOMENTS[1:]:
        while time.monotonic() - t0 < at and app.proc.poll() is None:
            time.sleep(0.02)
        try:
            snaps.append((label, breakdown(app.proc.pid, ctx.bin), vm_status(app.proc.pid)))
        except OSError:
            break
    _, rss = app.finish(timeout=120)
    return rss, snaps


def mib(kib):
    return "%6.2f" % (kib / 1024.0)


def report(snaps, top):
    labels = [s[0] for s in snaps]
    kinds = sorted({k for _, (kd, _, _), _ in snaps for k in kd}, key=lambda k: -snaps[-1][1][0].get(k, 0))
    print("  MiB resident at each moment of the session (from /proc/PID/smaps):")
    print("  %-52s %s" % ("", " ".join("%6s" % l for l in labels)))
    for k in kinds:
        print("  %-52s %s" % (k, " ".join(mib(s[1][0].get(k, 0)) for s in snaps)))
    print("  %-52s %s" % ("total", " ".join(mib(s[1][2]) for s in snaps)))
    print("  %-52s %s" % ("VmHWM so far", " ".join(mib(s[2].get("VmHWM", 0)) for s in snaps)))
    libs = snaps[-1][1][1]
    print("  the %d libraries with most resident (%d loaded, %.2f MiB in all), at %s:" %
          (min(top, len(libs)), len(libs), sum(libs.values()) / 1024.0, labels[-1]))
    for name, kib in libs.most_common(top):
        print("    %s  %s" % (mib(kib), name))


def main():
    ap = arguments()
    ap.add_argument("--libs", type=int, default=12, help="libraries to list")
    args = ap.parse_args()
    ctx = open_ctx(args, "memory", ("Xvfb", "xdotool"))
    music = os.path.join(ctx.src, "assets/music/safebase-calm.ogg")
    plan = os.path.join(ctx.src, "bench/plans/sixty.plan")
    peaks = []
    try:
        for i in range(args.runs):
            # one HOME for all runs, as in bench/run: the first measures the music's loudness,
            # the others find it in the cache
            print("run %d/%d: the 60-s session%s" % (i + 1, args.runs, " (loudness measured)" if i == 0 else
                                                      " (loudness cached)"), flush=True)
            peak, snaps = one_run(ctx, music, plan)
            print("  peak RSS (VmHWM) %.1f MiB" % peak)
            report(snaps, args.libs)
            peaks.append(peak)
    finally:
        close_ctx(ctx)
    print("\npeak RSS (VmHWM), median of %d runs: %.1f MiB (min %.1f, max %.1f)" %
          (len(peaks), statistics.median(peaks), min(peaks), max(peaks)))


if __name__ == "__main__":
    main()
