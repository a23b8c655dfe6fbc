#!/usr/bin/env python3
"""Reads what SDL's disk audio driver wrote (raw float32 little-endian, stereo, 48 kHz: the
format safebase opens) and answers questions about it, so end-to-end tests can listen
through numbers. Standard library only.

  audio.py stats FILE            -> peak, rms, seconds, max_step (JSON)
  audio.py windows FILE MS       -> RMS of each window of MS milliseconds (JSON list)
"""
import json
import math
import struct
import sys

RATE = 48000
CHANNELS = 2


def load(path):
    with open(path, "rb") as f:
        data = f.read()
    n = len(data) // 4
    samples = struct.unpack("<%df" % n, data[: n * 4])
    return [samples[c::CHANNELS] for c in range(CHANNELS)]


def stats(chans):
    peak = max((max(abs(v) for v in ch) for ch in chans if ch), default=0.0)
    total = sum(v * v for ch in chans for v in ch)
    count = sum(len(ch) for ch in chans)
    step = 0.0
    step_at = 0
    for ch in chans:
        for i in range(1, len(ch)):
            d = abs(ch[i] - ch[i - 1])
            if d > step:
                step, step_at = d, i
    return {
        "seconds": len(chans[0]) / RATE,
        "peak": peak,
        "peak_db": 20 * math.log10(peak) if peak > 0 else -200.0,
        "rms_db": 10 * math.log10(total / count) if total > 0 else -200.0,
        "max_step": step,
        "max_step_at": step_at / RATE,
    }


def windows(chans, ms):
    w = RATE * ms // 1000
    out = []
    left = chans[0]
    right = chans[1]
    for i in range(0, len(left) - w + 1, w):
        s = sum(left[j] * left[j] + right[j] * right[j] for j in range(i, i + w))
        out.append(math.sqrt(s / (2 * w)))
    return out


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    chans = load(argv[2])
    if argv[1] == "stats":
        print(json.dumps(stats(chans)))
    elif argv[1] == "windows":
        print(json.dumps(windows(chans, int(argv[3]))))
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
