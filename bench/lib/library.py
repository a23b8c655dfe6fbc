#!/usr/bin/env python3
"""bench/library.sh's measuring half: a 30-second session (bench/plans/thirty-library.plan)
started with Space as soon as the first frame shows, on its first use of the music (an empty
loudness cache, a new process), with --music on one track, on a folder of 2,000 tracks and on
one of 10,000 (100 sub-folders; one 4-second Ogg Vorbis track hard-linked under every name, so
each is a new file to the cache), in turns, RUNS times. For each: CPU of the app + X server,
peak RSS (VmHWM), Space to the first sound, and the tracks measured. Prints a markdown table of
medians, with each library's ratios to the one-track session of the same run."""
import os
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench  # noqa: E402


def make_library(root, count, track):
    """count hard links of track under root, 100 to a sub-folder; reused when already there."""
    done = os.path.join(root, ".done")
    if os.path.exists(done):
        return
    for i in range(count):
        folder = os.path.join(root, "Album %03d" % (i // 100))
        os.makedirs(folder, exist_ok=True)
        os.link(track, os.path.join(folder, "%03d song.ogg" % (i % 100)))
    open(done, "w").close()


def make_track(lib):
    """The library's one 4-second Ogg Vorbis track (a chord), made once in lib; its path."""
    os.makedirs(lib, exist_ok=True)
    track = os.path.join(lib, "one.ogg")
    if not os.path.exists(track):
        subprocess.run(["sox", "-R", "-n", "-r", "44100", "-c", "2", track + ".wav", "synth", "4",
                        "sine", "262", "sine", "392", "gain", "-22"], check=True)
        subprocess.run(["sox", track + ".wav", "-C", "3", track], check=True)
        os.unlink(track + ".wav")
    return track


def drop_caches():
    """Empties the page cache when allowed (root, not in a container that forbids it)."""
    try:
        subprocess.run(["sync"], check=False)
        with open("/proc/sys/vm/drop_caches", "w") as f:
            f.write("3\n")
        return True
    except OSError:
        return False


def session(ctx, plan, music, name):
    cache = os.path.join(ctx.tmp, "cache-" + name)
    subprocess.run(["rm", "-rf", cache], check=True)
    saved = dict(ctx.env)
    ctx.env["XDG_CACHE_HOME"] = cache
    try:
        app = bench.App(ctx, plan, ["--window=1920x1080", "--music", music], name)
    finally:
        ctx.env.clear()
        ctx.env.update(saved)
    app.wait_first_frame()
    for _ in range(500):  # the sound device opens just after the first frame: its file appears
        if os.path.exists(app.raw):
            break
        time.sleep(0.01)
    t_key, before = app.press_space()
    first = app.wait_sound(before, timeout=10)
    sound_ms = (bench.time_of_frame(app.samples, first) - t_key) * 1000.0 if first is not None else float("nan")
    cpu, rss = app.finish(timeout=90)
    measured = sum(1 for _, l in app.lines if "timing: loudness" in l and " measured " in l)
    played = sum(1 for _, l in app.lines if 'timing: track "' in l)
    os.unlink(app.raw)
    return {"cpu": cpu + app.x_cpu, "app_cpu": cpu, "rss": rss, "sound_ms": sound_ms,
            "measured": measured, "played": played}


def main():
    ap = bench.arguments()
    ap.add_argument("--library-dir", required=True)
    args = ap.parse_args()
    ctx = bench.open_ctx(args, "library", ("Xvfb", "xdotool", "sox"))
    try:
        lib = os.path.abspath(args.library_dir)
        track = make_track(lib)
        cases = [("one track", track)]
        for n in (2000, 10000):
            root = os.path.join(lib, "library-%d" % n)
            make_library(root, n, track)
            cases.append(("%d tracks" % n, root))
        plan = os.path.join(ctx.src, "bench/plans/thirty-library.plan")
        runs = {name: [] for name, _ in cases}
        dropped = False
        for r in range(args.runs):
            for name, music in cases:
                dropped = drop_caches() or dropped
                runs[name].append(session(ctx, plan, music, name.replace(" ", "-")))
                print("run %d %s: %s" % (r + 1, name, runs[name][-1]), file=sys.stderr)
        med = lambda name, key: statistics.median(x[key] for x in runs[name])
        print("| Music (first use, 30-s session) | CPU app + X (s) | ratio to one track | peak RSS (MiB) "
              "| RSS above one track (MiB) | Space to first sound (ms) | tracks played | loudness measured |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|")
        for name, _ in cases:
            ratio = statistics.median(runs[name][i]["cpu"] / runs["one track"][i]["cpu"] for i in range(args.runs))
            extra = statistics.median(runs[name][i]["rss"] - runs["one track"][i]["rss"] for i in range(args.runs))
            print("| %s | %.2f | %.2f | %.1f | %+.1f | %.0f | %.0f | %.0f |" % (
                name, med(name, "cpu"), ratio, med(name, "rss"), extra, med(name, "sound_ms"),
                med(name, "played"), med(name, "measured")))
        print("\nMedians of %d runs (ratios taken run by run); page cache %s before each run." % (
            args.runs, "dropped" if dropped else "NOT dropped (not allowed here)"))
    finally:
        bench.close_ctx(ctx)


if __name__ == "__main__":
    main()
