#!/usr/bin/env python3
"""bench/run's measuring half (standard library only): runs the Release binary under Xvfb with
the software renderer and SDL's disk audio, beside mpv playing the same music, and writes the
table to docs/performance.md. It measures; it never changes the app.

  bench.py --bin BUILD/safebase --src SRC --display :104 --runs 3 --out docs/performance.md

Each figure says how it is taken in docs/performance.md ("How"). CPU and peak RSS come from
wait4() on the child (user + system time, ru_maxrss = VmHWM at exit); the X server's CPU from
/proc/PID/stat around each run; exec-to-first-frame from the moment the app's `--timing` line
("first frame after N ms", written right after the first SDL_RenderPresent) reaches our pipe;
Space-to-sound and cue onsets from the disk-audio file, whose frame count we sample against the
clock while it is written.
"""
import argparse
import array
import csv
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time

RATE = 48000
FRAME_BYTES = 8  # float32 stereo
TICK = os.sysconf("SC_CLK_TCK")


def now():
    return time.monotonic()


def proc_cpu(pid):
    """User + system CPU seconds of a live process (fields 14 and 15 of /proc/PID/stat)."""
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK


def vm_hwm(pid):
    """Peak resident memory of a live process in MiB (VmHWM: this program's own peak since its
    exec, unlike wait4's ru_maxrss, which Linux carries over from the forked parent), or 0."""
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024.0
    except OSError:
        pass
    return 0.0


class HwmWatch:
    """Samples a child's VmHWM every 10 ms until it exits; .peak is the last (highest) value."""

    def __init__(self, pid):
        self.pid, self.peak, self.stop = pid, 0.0, False
        threading.Thread(target=self._run, daemon=True).start()

    def _run(self):
        while not self.stop:
            self.peak = max(self.peak, vm_hwm(self.pid))
            time.sleep(0.01)


def wait_rusage(proc, watch=None):
    """Waits for a Popen child with wait4: (exit status, CPU seconds, peak RSS in MiB from the
    VmHWM watch; wait4's ru_maxrss would include this Python process's memory at the fork)."""
    _, status, ru = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if watch:
        watch.stop = True
    return proc.returncode, ru.ru_utime + ru.ru_stime, watch.peak if watch else 0.0


class App:
    """One run of safebase: stderr lines time-stamped as they arrive, the disk-audio file's
    size sampled against the clock."""

    def __init__(self, ctx, plan, extra=(), name="run", record=True):
        """record=False: the disk driver writes to /dev/null, as mpv's --ao=null writes nothing."""
        self.ctx = ctx
        self.raw = os.path.join(ctx.tmp, name + ".raw") if record else os.devnull
        self.log = os.path.join(ctx.tmp, name + ".csv")
        for f in (self.raw, self.log) if record else (self.log,):
            if os.path.exists(f):
                os.unlink(f)
        self.record = record
        env = dict(ctx.env, SDL_DISKAUDIOFILE=self.raw)
        self.first_frame = threading.Event()
        self.lines = []
        self.samples = []
        self.done = False
        self.x_cpu0 = proc_cpu(ctx.xvfb.pid)
        self.t_spawn = now()
        self.proc = subprocess.Popen([ctx.bin, "--plan", plan, "--exit-at-end", "--log", self.log,
                                      "--timing"] + list(extra), env=env, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.PIPE, text=True)
        ctx.children.append(self.proc)
        self.hwm = HwmWatch(self.proc.pid)
        threading.Thread(target=self._read, daemon=True).start()
        if record:
            threading.Thread(target=self._sample, daemon=True).start()

    def _read(self):
        for line in self.proc.stderr:
            t = now()
            self.lines.append((t, line.rstrip("\n")))
            if "first frame after" in line:
                self.t_first_frame = t
                self.app_first_frame_ms = float(re.search(r"after ([0-9.]+) ms", line).group(1))
                self.first_frame.set()

    def _sample(self):
        while not self.done:
            try:
                self.samples.append((now(), os.path.getsize(self.raw) // FRAME_BYTES))
            except OSError:
                pass
            time.sleep(0.01)

    def wait_first_frame(self, timeout=15):
        if not self.first_frame.wait(timeout):
            self.kill()
            raise RuntimeError("no first frame within %d s:\n%s" % (timeout, self.stderr()))
        return (self.t_first_frame - self.t_spawn) * 1000.0

    def press_space(self):
        """Sends Space through the X server (XTest). Returns (time just before xdotool starts,
        audio frames written by then): the key reaches the app a few ms later, so times measured
        from here are upper bounds."""
        subprocess.run(["xdotool", "mousemove", "960", "540"], env=self.ctx.env, check=True)
        t = now()
        frames = os.path.getsize(self.raw) // FRAME_BYTES if self.record else 0
        subprocess.run(["xdotool", "key", "space"], env=self.ctx.env, check=True)
        return t, frames

    def wait_sound(self, frames_before, timeout=5.0):
        """Waits until the disk writer has written a non-zero sample after frames_before; returns
        the frame, or None after timeout s."""
        t_end = now() + timeout
        while now() < t_end:
            time.sleep(0.05)
            with open(self.raw, "rb") as f:
                f.seek(frames_before * FRAME_BYTES)
                first = first_nonzero_frame(array.array("f", f.read()))
            if first is not None:
                return frames_before + first
        return None

    def finish(self, timeout):
        timer = threading.Timer(timeout, self.kill)
        timer.daemon = True
        timer.start()
        status, cpu, rss = wait_rusage(self.proc, self.hwm)
        timer.cancel()
        self.done = True
        self.x_cpu = proc_cpu(self.ctx.xvfb.pid) - self.x_cpu0
        if status != 0:
            raise RuntimeError("safebase exited with %d:\n%s" % (status, self.stderr()))
        return cpu, rss

    def kill(self):
        try:
            self.proc.send_signal(signal.SIGTERM)
        except ProcessLookupError:
            pass

    def stderr(self):
        return "\n".join(l for _, l in self.lines if not l.startswith("CRITICAL"))

    def logged(self):
        with open(self.log, newline="") as f:
            return list(csv.DictReader(f))[-1]


def read_audio(path):
    a = array.array("f")
    with open(path, "rb") as f:
        a.frombytes(f.read())
    return a


def first_nonzero_frame(samples):
    for i, v in enumerate(samples):
        if v != 0.0:
            return i // 2
    return None


def onsets(samples, threshold=1e-3, quiet_s=2.0):
    """Frames where sound starts after at least quiet_s of near-silence (cue onsets)."""
    block = 480  # 10 ms of frames
    found, quiet_blocks = [], int(quiet_s * 100)
    silent_run = quiet_blocks
    nblocks = len(samples) // (2 * block)
    for b in range(nblocks):
        chunk = samples[2 * block * b: 2 * block * (b + 1)]
        peak = max(max(chunk), -min(chunk))
        if peak > threshold:
            if silent_run >= quiet_blocks:
                start = next(i for i, v in enumerate(chunk) if abs(v) > threshold)
                found.append(block * b + start // 2)
            silent_run = 0
        else:
            silent_run += 1
    return found


def time_of_frame(samples, frame):
    """When the disk writer had written past frame: the first (time, frames) sample beyond it
    (sampled every 10 ms, so at most 10 ms late, the same for every cue)."""
    lo, hi = 0, len(samples) - 1
    if samples[hi][1] <= frame:
        return samples[hi][0]
    while lo < hi:
        mid = (lo + hi) // 2
        if samples[mid][1] > frame:
            hi = mid
        else:
            lo = mid + 1
    return samples[lo][0]


def fit(samples):
    """Least squares frames = a + r * t over (t, frames) samples: the disk writer's clock."""
    ts = [t for t, _ in samples]
    fs = [f for _, f in samples]
    mt, mf = statistics.fmean(ts), statistics.fmean(fs)
    r = sum((t - mt) * (f - mf) for t, f in zip(ts, fs)) / sum((t - mt) ** 2 for t in ts)
    return mf - r * mt, r


class Ctx:
    pass


def start_xvfb(display):
    lock = "/tmp/.X%s-lock" % display.lstrip(":")
    if os.path.exists(lock):
        sys.exit("bench: display %s is taken (%s); set BENCH_DISPLAY" % (display, lock))
    xvfb = subprocess.Popen(["Xvfb", display, "-screen", "0", "1920x1080x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(100):
        if os.path.exists(lock):
            break
        time.sleep(0.05)
    time.sleep(0.3)
    return xvfb


def session_minute(ctx, music, plan=None):
    plan = plan or os.path.join(ctx.src, "bench/plans/sixty.plan")
    app = App(ctx, plan, ["--music", music], "minute", record=False)
    ff = app.wait_first_frame()
    time.sleep(0.5)
    app.press_space()
    cpu, rss = app.finish(timeout=120)
    row = app.logged()
    if row["outcome"] != "completed":
        raise RuntimeError("the one-minute session did not complete: %s" % row)
    return {"app_cpu": cpu, "x_cpu": app.x_cpu, "cpu": cpu + app.x_cpu, "rss": rss,
            "first_frame_ms": ff, "app_first_frame_ms": app.app_first_frame_ms}


def startup_windowed(ctx, music):
    """First frame in a 1920x1080 window, then Space and the time to the first sound written."""
    app = App(ctx, os.path.join(ctx.src, "bench/plans/sixty.plan"), ["--window=1920x1080", "--music", music],
              "window")
    ff = app.wait_first_frame()
    time.sleep(0.5)
    t_key, before = app.press_space()
    first = app.wait_sound(before)
    sound_ms = (time_of_frame(app.samples, first) - t_key) * 1000.0 if first is not None else float("nan")
    app.kill()
    wait_rusage(app.proc, app.hwm)
    app.done = True
    os.unlink(app.raw)
    return {"first_frame_window_ms": ff, "app_first_frame_window_ms": app.app_first_frame_ms,
            "space_to_sound_ms": sound_ms}


def mpv_minute(ctx, music):
    """mpv plays the music (looped: the track is 59 s) for 60 s of the clock, then is asked to
    quit (SIGTERM: mpv quits cleanly, exit status 4)."""
    t0 = now()
    proc = subprocess.Popen(["mpv", "--no-config", "--no-video", "--ao=null", "--loop-file=inf",
                             "--really-quiet", music], env=ctx.env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    ctx.children.append(proc)
    watch = HwmWatch(proc.pid)
    timer = threading.Timer(60.0, proc.send_signal, (signal.SIGTERM,))
    timer.daemon = True
    timer.start()
    status, cpu, rss = wait_rusage(proc, watch)
    timer.cancel()
    if status not in (0, 4):
        raise RuntimeError("mpv exited with %d" % status)
    return {"mpv_cpu": cpu, "mpv_rss": rss, "mpv_wall": now() - t0}


def five_minutes(ctx, plan=None, step=20.0, phases=15):
    plan = plan or os.path.join(ctx.src, "bench/plans/five-minutes.plan")
    app = App(ctx, plan, [], "five")
    app.wait_first_frame()
    time.sleep(0.5)
    t_key, _ = app.press_space()
    app.finish(timeout=400)
    row = app.logged()
    samples = read_audio(app.raw)
    _, r = fit(app.samples)
    times = [time_of_frame(app.samples, f) for f in onsets(samples)]
    os.unlink(app.raw)
    expected = [step * k for k in range(phases + 1)]  # start chime, the changes, the end cue
    matched = []
    for e in expected:
        near = [t - t_key for t in times if abs((t - t_key) - e) < 1.0]
        if near:
            matched.append((e, near[0]))
    if len(matched) < 3:
        raise RuntimeError("found only %d cue onsets in the five-minute audio" % len(matched))
    # each cue's lateness after its moment on the timeline (Space = 0)
    errors = [(t - e) * 1000.0 for e, t in matched]
    es = [e for e, _ in matched]
    me, mx = statistics.fmean(es), statistics.fmean(errors)
    sxx = sum((e - me) ** 2 for e in es)
    slope = sum((e - me) * (x - mx) for e, x in zip(es, errors)) / sxx
    resid = [x - (mx + slope * (e - me)) for e, x in zip(es, errors)]
    slope_se = (sum(r * r for r in resid) / max(len(es) - 2, 1) / sxx) ** 0.5
    span = es[-1] - es[0]
    return {"logged_minus_plan_s": float(row["duration_seconds"]) - float(row["planned_seconds"]),
            "planned_s": float(row["planned_seconds"]), "cues_found": len(matched),
            "cue_span_s": span, "cue_latency_ms": statistics.median(errors),
            "cue_spread_ms": max(errors) - min(errors), "cue_drift_ms": slope * span, "cue_drift_se_ms": slope_se * span, "disk_rate": r,
            "expected_cues": len(expected),
            "cue_errors_ms": ["%.0f" % x for x in errors],
            "wall_minus_plan_s": _iso_seconds(row["ended"]) - _iso_seconds(row["started"]) - phases * step}


def _iso_seconds(stamp):
    t = time.strptime(stamp[:19], "%Y-%m-%dT%H:%M:%S")
    return time.mktime(t)


def history(ctx):
    """--history over a generated 1,000,000-line log, when the app has --history."""
    data = os.path.join(ctx.tmp, "data", "safebase")
    os.makedirs(data, exist_ok=True)
    log = os.path.join(data, "sessions.csv")
    plans = ["Special playtime", "Connect, separate, connect", "Safe-base dance", "Gentle: a sense of self"]
    outcomes = ["completed"] * 8 + ["ended_early", "interrupted"]
    start = int(time.time()) - 1_000_000 * 97
    with open(log, "w") as f:
        f.write("started,ended,plan,planned_seconds,duration_seconds,paused_seconds,outcome,"
                "phases_completed,phases_total\n")
        for i in range(1_000_000):
            t = start + i * 97
            plan = plans[i % 4]
            planned = 600 + 60 * (i % 7)
            dur = planned - (i % 13) * 10
            a = time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime(t))
            b = time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime(t + dur))
            q = '"%s"' % plan if "," in plan else plan
            f.write("%s,%s,%s,%d.0,%d.0,0.0,%s,%d,%d\n" % (a, b, q, planned, dur, outcomes[i % 10],
                                                         5 - i % 2, 5))
    env = dict(ctx.env, XDG_DATA_HOME=os.path.join(ctx.tmp, "data"))
    t0 = now()
    proc = subprocess.Popen([ctx.bin, "--history", "--log", log], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)
    watch = HwmWatch(proc.pid)
    err = proc.stderr.read()
    status, cpu, rss = wait_rusage(proc, watch)
    wall = now() - t0
    os.unlink(log)
    if status != 0:
        return {"history_skipped": err.strip().splitlines()[-1] if err.strip() else "exit %d" % status}
    return {"history_s": wall, "history_cpu": cpu, "history_rss": rss}


def machine(src):
    cpu = "?"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo") as f:
        mem = int(f.readline().split()[1]) / 1024 / 1024
    rev = subprocess.run(["git", "-C", src, "describe", "--always", "--dirty"], capture_output=True,
                         text=True).stdout.strip() or "?"
    mpv = subprocess.run(["mpv", "--version"], capture_output=True, text=True).stdout.split("\n")[0]
    return {"nproc": os.cpu_count(), "cpu": cpu, "mem_gib": mem, "rev": rev,
            "date": time.strftime("%Y-%m-%d %H:%M %Z"), "kernel": platform.release(), "mpv": mpv}


def stat(values):
    values = [v for v in values if v == v]  # drop NaN
    if not values:
        return None
    return statistics.median(values), min(values), max(values)


def fmt(x, digits):
    return "%.*f" % (digits, x)


def table(runs, windowed, five, hist, m, nruns):
    def col(key, src=runs):
        return stat([r[key] for r in src])

    ratio_cpu = stat([r["cpu"] / r["mpv_cpu"] for r in runs])
    ratio_rss = stat([r["rss"] / r["mpv_rss"] for r in runs])
    rows = []

    def add(name, s, digits, goal="", met=None):
        if s is None:
            rows.append((name, "n/a", "", "", goal, ""))
            return
        rows.append((name, fmt(s[0], digits), fmt(s[1], digits), fmt(s[2], digits), goal,
                     "" if met is None else ("yes" if met(s[0]) else "**no**")))

    add("CPU of a 60-s session, app + X server (s)", col("cpu"), 2)
    add("... the app alone (s)", col("app_cpu"), 2)
    add("... the X server (s)", col("x_cpu"), 2)
    add("CPU of mpv playing the same music 60 s, audio only (s)", col("mpv_cpu"), 2)
    add("CPU ratio (app + X) / mpv", ratio_cpu, 2, "< 1", lambda v: v < 1)
    add("Peak RSS of the app (MiB)", col("rss"), 1)
    add("Peak RSS of mpv (MiB)", col("mpv_rss"), 1)
    add("RSS ratio app / mpv", ratio_rss, 2, "<= 0.5", lambda v: v <= 0.5)
    add("Exec to first frame, full screen (ms)", col("first_frame_ms"), 0, "< 100", lambda v: v < 100)
    add("... as the app's --timing counts it (ms)", col("app_first_frame_ms"), 0)
    add("Exec to first frame, 1920x1080 window (ms)", col("first_frame_window_ms", windowed), 0,
        "< 100", lambda v: v < 100)
    add("... as the app's --timing counts it (ms)", col("app_first_frame_window_ms", windowed), 0)
    add("Space to first sound, at most (ms)", col("space_to_sound_ms", windowed), 0)
    one = lambda k: (five[k], five[k], five[k])
    add("5-min session: logged duration - plan (s)", one("logged_minus_plan_s"), 1, "0.0",
        lambda v: abs(v) < 0.05)
    add("5-min session: cue onset after its moment, median of the cues (ms)", one("cue_latency_ms"), 0)
    add("5-min session: spread of the cues' lateness, max - min (ms)", one("cue_spread_ms"), 0)
    limit = max(21.4, 2 * five["cue_drift_se_ms"])
    add("5-min session: drift over %.0f s, the slope fitted to the cues' lateness, +-%.0f (ms)"
        % (five["cue_span_s"], five["cue_drift_se_ms"]), one("cue_drift_ms"), 1,
        "none: within one 21-ms block or 2 standard errors", lambda v: abs(v) <= limit)
    if "history_s" in hist:
        add("--history over 1,000,000 lines: time (s)", (hist["history_s"],) * 3, 2)
        add("--history over 1,000,000 lines: peak RSS (MiB)", (hist["history_rss"],) * 3, 1)
    else:
        rows.append(("--history over 1,000,000 lines", "skipped", "", "", "",
                     "not available yet: %s" % hist.get("history_skipped", "?")))
    out = ["| Measure | Median | Min | Max | Goal | Met |", "|---|---:|---:|---:|---|---|"]
    out += ["| %s |" % " | ".join(r) for r in rows]
    head = ("Machine: %d CPUs (%s), %.1f GiB memory, Linux %s; %s; safebase %s; %s. "
            "Medians of %d runs (the 5-minute session and --history once)."
            % (m["nproc"], m["cpu"], m["mem_gib"], m["kernel"], m["mpv"], m["rev"], m["date"], nruns))
    return head, "\n".join(out)


HOW = """## How

`bench/run` builds a Release binary in `build-release`, starts its own Xvfb (1920x1080x24, no
window manager; `BENCH_DISPLAY`, default `:104`) and runs, with `SDL_VIDEODRIVER=x11`,
`SDL_RENDER_DRIVER=software` and `SDL_AUDIODRIVER=disk`, its files (the disk-audio output, the
logs, a fresh `HOME`) in a folder on `/dev/shm` when there is one:

- **A 60-second session with music and animations** (`bench/plans/sixty.plan`: three phases of
  different kinds, music full, soft and full again, turning prompts, a breathing guide, a warning,
  the end cue; `--music assets/music/safebase-calm.ogg`), started with Space through the X server
  (`xdotool key space`). Its disk audio goes to `/dev/null`: the baseline's `--ao=null` writes
  nothing either, so neither pays for a recording (writing the minute's 22 MiB of float samples
  to a file on `/dev/shm` cost the app about 0.07 s more, measured on 2026-11-26).
  CPU is user + system time of the whole process from `wait4()` (start-up,
  the session and the 4 s it waits for the end cue to fade) plus the X server's CPU over the same
  run (`/proc/PID/stat`); peak RSS is the process's VmHWM (`/proc/PID/status`, sampled every
  10 ms; not `ru_maxrss`, which Linux carries over from the forked parent, here Python).
- **The baseline**: `mpv --no-config --no-video --ao=null --loop-file=inf` playing the same
  file for 60 s of the clock (then SIGTERM), measured the same way. The ratios are taken run by run, then the median.
- **Exec to first frame**: from just before `exec` until the app's `--timing` line ("first frame
  after N ms", printed right after the first `SDL_RenderPresent`) reaches the bench through a pipe.
  The app's own figure, counted from the start of `app_run()`, is beside it. Full screen as a user
  starts it, and in a 1920x1080 window.
- **Space to first sound**, in the windowed run (the same plan and music, recorded this time;
  stopped once the sound is found): from just before `xdotool key space` starts (an upper bound: it
  includes xdotool's own start-up) to the moment the disk writer had written the
  first non-zero sample (the file's length is sampled every 10 ms; the writer mixes and writes
  1024-frame blocks, 21 ms, so this is the time to the end of the first block with sound).
- **Timing accuracy**: a 5-minute plan with no music (`bench/plans/five-minutes.plan`), so the only
  sounds are the chimes at the start and at each phase change and the end cue, 20 s apart. Cue onsets (first sample
  above -60 dBFS after 2 s of quiet) are turned into times by when the disk writer had written
  them (the file's length is sampled every 10 ms while it is written: the disk driver paces itself
  with sleeps and does not catch up after a stall, so its sample count is not a clock), and
  compared with the plan's timeline from the Space press. Each cue is a little late (the app's
  wake-up, one 1024-frame mixer buffer, one disk-writer block, our 10 ms sampling: up to about
  50 ms, varying from cue to cue); the drift is the slope of that lateness fitted over the
  timeline, times its span. Also: the logged duration against the plan.
- **`--history`** over a generated 1,000,000-line log (wall time and peak RSS), when the app has it.
- **Where the memory goes** (not part of `bench/run`): `bench/memory.sh` runs the same 60-second
  session (`BENCH_RUNS` times, about 70 s each) and prints its peak RSS (VmHWM) and, before
  Space and 5, 30 and 57 s in, the resident memory by kind of mapping from `/proc/PID/smaps`
  (libraries' file pages and their own pages, the X window surface, the malloc heap, thread
  stacks, other anonymous blocks such as textures and sound buffers) and the libraries with
  the most resident. A peak shorter than the time between two snapshots shows in VmHWM only.
"""


def open_ctx(args, name, tools):
    """Checks that tools are there, then sets up what every run shares: the binary and source
    (args.bin, args.src), a temporary HOME, the environment (args.display, software drawing,
    SDL's disk audio) and an Xvfb of our own. The caller ends it with close_ctx in a finally."""
    for tool in tools:
        if not shutil.which(tool):
            sys.exit("%s: %s is missing (tools/setup.sh installs it)" % (name, tool))
    ctx = Ctx()
    ctx.children = []
    # stopped with Ctrl-C or kill: end what we started (close_ctx)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("%s: stopped" % name))
    ctx.bin = os.path.abspath(args.bin)
    ctx.src = os.path.abspath(args.src)
    # in memory when there is a tmpfs: the disk-audio file is the bench's measuring device, and
    # mpv's --ao=null writes nothing, so a file system's journal should not count against the app
    ctx.tmp = tempfile.mkdtemp(prefix="safebase-%s-" % name, dir="/dev/shm" if os.path.isdir("/dev/shm") else None)
    ctx.env = {k: v for k, v in os.environ.items() if not k.startswith(("SDL_", "XDG_"))}
    ctx.env.update(DISPLAY=args.display, SDL_VIDEODRIVER="x11", SDL_RENDER_DRIVER="software",
                   SDL_AUDIODRIVER="disk", HOME=os.path.join(ctx.tmp, "home"))
    os.makedirs(ctx.env["HOME"])
    ctx.xvfb = start_xvfb(args.display)
    return ctx


def close_ctx(ctx):
    """Ends every child still running, the Xvfb, and removes the temporary files."""
    for child in ctx.children:
        if child.returncode is None and child.poll() is None:
            child.kill()
    ctx.xvfb.terminate()
    ctx.xvfb.wait()
    shutil.rmtree(ctx.tmp, ignore_errors=True)


def arguments():
    """The options every bench script takes: --bin, --src, --display, --runs."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--src", required=True)
    ap.add_argument("--display", default=":104")
    ap.add_argument("--runs", type=int, default=3)
    return ap


def main():
    ap = arguments()
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    ctx = open_ctx(args, "bench", ("Xvfb", "xdotool", "mpv"))
    music = os.path.join(ctx.src, "assets/music/safebase-calm.ogg")
    try:
        runs, windowed = [], []
        for i in range(args.runs):
            print("run %d/%d: a 60-s session, then mpv for 60 s" % (i + 1, args.runs), flush=True)
            r = session_minute(ctx, music)
            r.update(mpv_minute(ctx, music))
            windowed.append(startup_windowed(ctx, music))
            print("  app+X %.2f s CPU, %.1f MiB; mpv %.2f s, %.1f MiB; first frame %.0f ms; "
                  "Space to sound %.0f ms" % (r["cpu"], r["rss"], r["mpv_cpu"], r["mpv_rss"],
                                              r["first_frame_ms"], windowed[-1]["space_to_sound_ms"]),
                  flush=True)
            runs.append(r)
        print("the 5-minute session", flush=True)
        five = five_minutes(ctx)
        print("  %s" % five, flush=True)
        print("--history over 1,000,000 lines", flush=True)
        hist = history(ctx)
        print("  %s" % hist, flush=True)
    finally:
        close_ctx(ctx)
    m = machine(ctx.src)
    head, tab = table(runs, windowed, five, hist, m, args.runs)
    print("\n" + head + "\n\n" + tab)
    kept = ""  # the sections other bench scripts' figures go in (from "## Music at any scale" on)
    if os.path.exists(args.out):
        with open(args.out) as f:
            old = f.read()
        at = old.find("\n## Music at any scale")
        kept = old[at:] if at >= 0 else ""
    with open(args.out, "w") as f:
        f.write("# Performance\n\nThe latest table from `bench/run` (run it again after a change "
                "that matters; `BENCH_RUNS` sets the number of runs, default 3).\n\n")
        f.write(head + "\n\n" + tab + "\n\n")
        f.write("5-minute session: %d of %d cue onsets found (the start chime, the phase changes, "
                "the end cue), each one's lateness after its moment (ms): %s; the disk-audio writer "
                "ran at %.1f frames/s of the clock; the log's wall-clock span minus the plan: "
                "%.0f s (whole seconds).\n\n"
                % (five["cues_found"], five["expected_cues"], ", ".join(five["cue_errors_ms"]), five["disk_rate"],
                   five["wall_minus_plan_s"]))
        f.write(HOW)
        f.write(kept)
    print("\nwritten to %s" % args.out)


if __name__ == "__main__":
    main()
