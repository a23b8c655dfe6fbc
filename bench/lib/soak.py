#!/usr/bin/env python3
"""bench/soak.sh's measuring half (standard library only): one long session with a 2,000-track
library, its resident memory sampled every 30 s and its cues' lateness read from --timing.
Prints the samples as they come and a summary table at the end."""
import argparse
import os
import re
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import library  # noqa: E402


def vm_rss(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024.0
    return 0.0


def write_plan(path, minutes):
    rounds = max(1, minutes // 4)
    with open(path, "w") as f:
        f.write("[plan]\ntitle = Soak\nfade = 1s\n")
        f.write("[repeat %d]\n[phase Together]\nkind = connect\nduration = 2m\nmusic = play\n"
                "[phase Apart]\nkind = separate\nduration = 2m\nmusic = soft\n[end repeat]\n" % rounds)
    return rounds * 4


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--minutes", type=int, default=180)
    ap.add_argument("--library-dir", required=True)
    args = ap.parse_args()
    lib = os.path.abspath(args.library_dir)
    track = library.make_track(lib)
    root = os.path.join(lib, "library-2000")
    library.make_library(root, 2000, track)
    tmp = tempfile.mkdtemp(prefix="safebase-soak-")
    plan = os.path.join(tmp, "soak.plan")
    minutes = write_plan(plan, args.minutes)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SDL_", "XDG_"))}
    env.update(HOME=tmp, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="disk", SDL_DISKAUDIOFILE=os.devnull)
    proc = subprocess.Popen([args.bin, "--plan", plan, "--start", "--exit-at-end", "--timing",
                             "--log", os.path.join(tmp, "log.csv"), "--music", root], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    cues = []
    tracks = [0]

    def read():
        for line in proc.stderr:
            m = re.search(r"timing: cue (\S+) moment=(-?\d+) asked=[-0-9.]+ started=([-0-9.]+)", line)
            if m:
                cues.append((m.group(1), int(m.group(2)), float(m.group(3)) - int(m.group(2))))
            elif 'timing: track "' in line:
                tracks[0] += 1
    threading.Thread(target=read, daemon=True).start()
    t0 = time.monotonic()
    samples = []
    while proc.poll() is None:
        try:
            samples.append(((time.monotonic() - t0) / 60.0, vm_rss(proc.pid)))
            print("%.1f min: VmRSS %.1f MiB, %d tracks, %d cues" % (samples[-1] + (tracks[0], len(cues))),
                  file=sys.stderr, flush=True)
        except OSError:
            break
        time.sleep(30)
    proc.wait()
    at5 = next((rss for t, rss in samples if t >= 5.0), samples[-1][1])
    peak_after = max(rss for t, rss in samples if t >= 5.0) if samples[-1][0] >= 5.0 else at5
    last = [late for _, _, late in cues[-10:]]
    print("| Soak, %d-minute session, 2,000-track folder | Value |" % minutes)
    print("|---|---:|")
    print("| exit status | %d |" % proc.returncode)
    print("| tracks started | %d |" % tracks[0])
    print("| VmRSS at 5 min (MiB) | %.1f |" % at5)
    print("| VmRSS at the end (MiB) | %.1f |" % samples[-1][1])
    print("| largest VmRSS after 5 min minus at 5 min (MiB) | %+.1f |" % (peak_after - at5))
    print("| cues | %d |" % len(cues))
    print("| the last 10 cues' lateness, min..max (ms) | %s |" % (
        "%.1f..%.1f" % (min(last), max(last)) if last else "none"))
    subprocess.run(["rm", "-rf", tmp], check=False)


if __name__ == "__main__":
    main()
