#!/usr/bin/env python3
"""bench/music.sh's measuring half (standard library only): a 3-minute session with a real
44.1 kHz Vorbis track, full screen under our own Xvfb at 1920x1080 and at 3840x2160, with the
track's loudness cached and on first use, each beside mpv playing the same file for the same
time in the same run. Prints a markdown table. It measures; it never changes the app.

  musicbench.py --bin BUILD/safebase --src SRC --plan PLAN --music TRACK [--runs 3] [--seconds S]

CPU: the app's user + system time from wait4() (start-up, the session, the end cue's fade),
the X server's from /proc/PID/stat over the same span, mpv's from wait4() (started with the
app, ended when the app has exited). The app's threads (/proc/PID/task/*/stat) are sampled
every 0.2 s; the last sample of each thread counts (so up to 0.2 s of a thread's last CPU can be
missed; the threads' sum is shown beside the wait4 figure).
"""
import argparse
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench import TICK, proc_cpu  # noqa: E402  (bench.py beside this file)

GROUPS = ("main", "audio", "decoder", "loudness", "other")


def group_of(name):
    """The part of the app a thread's name says it is (SDL names its audio thread SDLAudio...)."""
    if name.startswith("safebase-decode"):  # (the kernel keeps 15 characters of a name)
        return "decoder"
    if name.startswith("safebase-loudne"):
        return "loudness"
    if name.startswith("SDLAudio"):
        return "audio"
    if name == "safebase":
        return "main"
    return "other"


class ThreadWatch:
    """Samples the CPU of each thread of pid every 0.2 s until stopped."""

    def __init__(self, pid):
        self.pid, self.stop, self.threads = pid, False, {}
        self.main_tid = str(pid)
        threading.Thread(target=self._run, daemon=True).start()

    def _run(self):
        while not self.stop:
            try:
                for tid in os.listdir("/proc/%d/task" % self.pid):
                    with open("/proc/%d/task/%s/stat" % (self.pid, tid)) as f:
                        stat = f.read()
                    name = stat[stat.index("(") + 1:stat.rindex(")")]
                    fields = stat[stat.rindex(")") + 2:].split()
                    self.threads[tid] = (name, (int(fields[11]) + int(fields[12])) / TICK)
            except (OSError, ValueError):
                pass
            time.sleep(0.2)

    def split(self):
        out = dict.fromkeys(GROUPS, 0.0)
        for tid, (name, cpu) in self.threads.items():
            out["main" if tid == self.main_tid else group_of(name)] += cpu
        return out

    def others(self):
        """The threads counted as "other", by name: CPU seconds."""
        out = {}
        for tid, (name, cpu) in self.threads.items():
            if tid != self.main_tid and group_of(name) == "other":
                out[name] = out.get(name, 0.0) + cpu
        return out


def start_xvfb(display, size):
    lock = "/tmp/.X%s-lock" % display.lstrip(":")
    if os.path.exists(lock):
        sys.exit("bench/music.sh: display %s is taken (%s); set BENCH_DISPLAY" % (display, lock))
    xvfb = subprocess.Popen(["Xvfb", display, "-screen", "0", size + "x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(100):
        if os.path.exists(lock):
            break
        time.sleep(0.05)
    time.sleep(0.3)
    return xvfb


class Ctx:
    pass


def environment(ctx, display, cache):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SDL_", "XDG_"))}
    home = tempfile.mkdtemp(prefix="home-", dir=ctx.tmp)
    env.update(DISPLAY=display, SDL_VIDEODRIVER="x11", SDL_RENDER_DRIVER="software",
               SDL_AUDIODRIVER="disk", SDL_DISKAUDIOFILE=os.devnull, HOME=home,
               XDG_CONFIG_HOME=os.path.join(home, ".config"), XDG_DATA_HOME=os.path.join(home, ".local/share"),
               XDG_CACHE_HOME=cache)
    return env


def app_args(ctx, home):
    return [ctx.bin, "--plan", ctx.plan, "--music", ctx.music, "--start", "--exit-at-end",
            "--log", os.path.join(home, "log.csv")]


def warm(ctx, display):
    """Runs the app until the track's loudness is in the cache folder's file and the loudness
    thread has rested for 3 s (it goes on to Safe Base's own music, the fallback), then stops
    it: a cache folder for the 'cached' runs."""
    cache = os.path.join(ctx.tmp, "warm-cache")
    os.makedirs(cache, exist_ok=True)
    env = environment(ctx, display, cache)
    proc = subprocess.Popen(app_args(ctx, env["HOME"]), env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    ctx.children.append(proc)
    want = os.path.join(cache, "safebase", "loudness.txt")
    watch = ThreadWatch(proc.pid)
    t_end = time.monotonic() + 600
    last, still = -1.0, 0
    while time.monotonic() < t_end and proc.poll() is None:
        time.sleep(0.5)
        busy = watch.split()["loudness"]
        still = still + 1 if busy == last else 0
        last = busy
        try:
            with open(want) as f:
                if os.path.basename(ctx.music) in f.read() and still >= 6:
                    break
        except OSError:
            pass
    watch.stop = True
    proc.send_signal(signal.SIGTERM)
    proc.wait()
    if not os.path.exists(want):
        sys.exit("bench/music.sh: the loudness cache was not written (%s)" % want)
    return cache


def one_run(ctx, display, xvfb, cache):
    """The app and mpv side by side, from the app's start until it exits (or SECONDS)."""
    env = environment(ctx, display, cache)
    x0 = proc_cpu(xvfb.pid)
    app = subprocess.Popen(app_args(ctx, env["HOME"]), env=env, stdout=subprocess.DEVNULL,
                           stderr=subprocess.PIPE, text=True)
    mpv = subprocess.Popen(["mpv", "--no-config", "--no-video", "--ao=null", "--loop-file=inf",
                            "--really-quiet", ctx.music], env=env,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    ctx.children += [app, mpv]
    watch = ThreadWatch(app.pid)
    timer = None
    if ctx.seconds:
        timer = threading.Timer(ctx.seconds, app.send_signal, (signal.SIGTERM,))
        timer.daemon = True
        timer.start()
    err = []
    reader = threading.Thread(target=lambda: err.extend(app.stderr), daemon=True)
    reader.start()
    _, status, ru = os.wait4(app.pid, 0)
    app.returncode = os.waitstatus_to_exitcode(status)
    x_cpu = proc_cpu(xvfb.pid) - x0
    watch.stop = True
    if timer:
        timer.cancel()
    mpv.send_signal(signal.SIGTERM)
    _, mstatus, mru = os.wait4(mpv.pid, 0)
    mpv.returncode = os.waitstatus_to_exitcode(mstatus)
    reader.join(1)
    if app.returncode != 0 and not ctx.seconds:
        raise RuntimeError("safebase exited with %d:\n%s" % (app.returncode, "".join(err)))
    app_cpu = ru.ru_utime + ru.ru_stime
    mpv_cpu = mru.ru_utime + mru.ru_stime
    r = {"app": app_cpu, "x": x_cpu, "total": app_cpu + x_cpu, "mpv": mpv_cpu,
         "ratio": (app_cpu + x_cpu) / mpv_cpu if mpv_cpu > 0 else float("nan")}
    r.update({"t_" + k: v for k, v in watch.split().items()})
    r["others"] = watch.others()
    return r


CASES = (  # name (CASES= picks by it), size, cached
    ("1080p-cached", "1920x1080", True),
    ("1080p-first-use", "1920x1080", False),
    ("4K-cached", "3840x2160", True),
    ("4K-first-use", "3840x2160", False),
)
DEFAULT_CASES = "1080p-cached,1080p-first-use,4K-cached"


def med(runs, key):
    vals = [r[key] for r in runs if r[key] == r[key]]
    return statistics.median(vals) if vals else float("nan")


def report(ctx, results):
    runs_1080 = results.get("1080p-cached")
    lines = ["| Case | app (s) | X server (s) | app + X (s) | mpv (s) | (app + X) / mpv | runs | Goal | Met |",
             "|---|---:|---:|---:|---:|---:|---|---|---|"]
    goals = {"1080p-cached": ("<= 0.5", lambda v: v <= 0.5), "1080p-first-use": ("<= 1.0", lambda v: v <= 1.0)}
    for name, _, _ in CASES:
        runs = results.get(name)
        if not runs:
            continue
        ratio = med(runs, "ratio")
        goal, test = goals.get(name, ("", None))
        lines.append("| %s | %.2f | %.2f | %.2f | %.2f | %.2f | %s | %s | %s |" % (
            name, med(runs, "app"), med(runs, "x"), med(runs, "total"), med(runs, "mpv"), ratio,
            " ".join("%.2f" % r["ratio"] for r in runs), goal,
            "" if test is None else ("yes" if test(ratio) else "**no**")))
    runs_4k = results.get("4K-cached")
    if runs_4k and runs_1080:
        pairs = [b["ratio"] / a["ratio"] for a, b in zip(runs_1080, runs_4k)]
        q = statistics.median(pairs)
        lines.append("| 4K-cached / 1080p-cached (run by run) | | | | | %.2f | %s | <= 1.2 | %s |" % (
            q, " ".join("%.2f" % p for p in pairs), "yes" if q <= 1.2 else "**no**"))
    lines += ["", "Where the app's CPU went (s, medians; threads sampled every 0.2 s):", "",
              "| Case | main (events, drawing) | SDL audio (mixing) | safebase-decoder | safebase-loudness | other | sum |",
              "|---|---:|---:|---:|---:|---:|---:|"]
    for name, _, _ in CASES:
        runs = results.get(name)
        if not runs:
            continue
        parts = [med(runs, "t_" + g) for g in GROUPS]
        lines.append("| %s | %s | %.2f |" % (name, " | ".join("%.2f" % p for p in parts), sum(parts)))
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--src", required=True)
    ap.add_argument("--plan", required=True)
    ap.add_argument("--music", required=True)
    ap.add_argument("--display", default=":105")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--seconds", type=float, default=0, help="stop each run after this long (0: the whole plan)")
    ap.add_argument("--cases", default="", help="comma-separated case names to run (default %s)" % DEFAULT_CASES)
    args = ap.parse_args()
    for tool in ("Xvfb", "mpv"):
        if not shutil.which(tool):
            sys.exit("bench/music.sh: %s is missing (apt-get install xvfb mpv)" % tool)
    ctx = Ctx()
    ctx.bin, ctx.plan, ctx.music = os.path.abspath(args.bin), os.path.abspath(args.plan), os.path.abspath(args.music)
    ctx.seconds = args.seconds
    ctx.children = []
    ctx.tmp = tempfile.mkdtemp(prefix="safebase-music-", dir="/dev/shm" if os.path.isdir("/dev/shm") else None)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("bench/music.sh: stopped"))
    names = (args.cases or DEFAULT_CASES).split(",")
    unknown = set(names) - {c[0] for c in CASES}
    if unknown:
        sys.exit("bench/music.sh: no case named %s (there are %s)" % (", ".join(sorted(unknown)),
                                                                     ", ".join(c[0] for c in CASES)))
    wanted = [c for c in CASES if c[0] in names]
    num = int(args.display.lstrip(":"))
    displays = {"1920x1080": ":%d" % num, "3840x2160": ":%d" % (num + 1)}
    xvfbs = {}
    results = {}
    try:
        for size in sorted({c[1] for c in wanted}):
            xvfbs[size] = start_xvfb(displays[size], size)
        cache = None
        if any(c[2] for c in wanted):
            print("warming the loudness cache...", flush=True)
            cache = warm(ctx, displays[wanted[0][1]])
        for i in range(args.runs):
            for name, size, cached in wanted:
                use = cache if cached else tempfile.mkdtemp(prefix="cache-", dir=ctx.tmp)
                r = one_run(ctx, displays[size], xvfbs[size], use)
                results.setdefault(name, []).append(r)
                print("run %d/%d %-16s app %.2f s + X %.2f s = %.2f s; mpv %.2f s; ratio %.2f; threads: %s" % (
                    i + 1, args.runs, name, r["app"], r["x"], r["total"], r["mpv"], r["ratio"],
                    ", ".join("%s %.2f" % (g, r["t_" + g]) for g in GROUPS)), flush=True)
                if sum(r["others"].values()) >= 0.01:
                    print("    other: %s" % ", ".join("%s %.2f" % kv for kv in sorted(r["others"].items())), flush=True)
    finally:
        for child in ctx.children:
            if child.returncode is None and child.poll() is None:
                child.kill()
        for x in xvfbs.values():
            x.terminate()
            x.wait()
        shutil.rmtree(ctx.tmp, ignore_errors=True)
    head = ("safebase with %s (%s), plan %s%s, software renderer under Xvfb, full screen, "
            "SDL disk audio to /dev/null; medians of %d runs, ratios run by run." % (
                os.path.basename(ctx.music), "first %.0f s of each run" % ctx.seconds if ctx.seconds else "whole plan",
                os.path.relpath(ctx.plan, args.src), "", args.runs))
    print("\n" + head + "\n\n" + report(ctx, results))


if __name__ == "__main__":
    main()
