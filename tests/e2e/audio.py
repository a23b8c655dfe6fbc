#!/usr/bin/env python3
"""Reads what SDL's disk audio driver wrote (raw float32 little-endian, stereo, 48 kHz: the
format safebase opens) and answers questions about it, so end-to-end tests can listen
through numbers. Standard library only (plus libebur128 through ctypes for loudness).

  audio.py stats FILE [FROM TO]      -> peak, rms, seconds, max_step (JSON)
  audio.py windows FILE MS           -> RMS of each window of MS milliseconds (JSON list)
  audio.py clicks FILE [FROM TO]     -> clicks found (JSON list of {"at", "step", "local"})
  audio.py loudness FILE [FROM TO]   -> EBU R128 integrated loudness and true peak (JSON)
  audio.py fade FILE FROM TO         -> a level change in [FROM, TO] s: levels and length (JSON)
  audio.py onsets FILE [THRESHOLD]   -> times where sound begins after 300 ms of quiet (JSON)

FROM and TO are seconds from the start of the file.
"""
import array
import ctypes
import json
import math
import sys

RATE = 48000
CHANNELS = 2

# The click detector. A click is a jump: one sample far from where the sound was heading.
# The second difference x[n] - 2x[n-1] + x[n-2] of smooth sound is tiny (a sine of amplitude
# A at f Hz gives A(2 pi f / 48000)^2: 0.014 for a 2 kHz partial at 0.2), and it changes
# slowly, so it is compared with its own typical size nearby (the mean over 8 ms around it).
# Music and chimes keep their peaks within about 5 times that mean (a Gaussian-like signal's
# peak is about 5 times its mean absolute value); a step of s adds s at one sample, far above
# it. A click is reported when the second difference exceeds CLICK_FACTOR times the local
# mean plus CLICK_FLOOR (-60 dBFS: a jump below that is not heard under anything).
CLICK_FACTOR = 12.0
CLICK_FLOOR = 0.001
CLICK_BLOCK = 128


def load(path, start=None, end=None):
    """The two channels (arrays of floats) of the file, or of [start, end) seconds of it."""
    data = array.array("f")
    with open(path, "rb") as f:
        raw = f.read()
    first = 0 if start is None else int(float(start) * RATE) * CHANNELS * 4
    last = len(raw) if end is None else int(float(end) * RATE) * CHANNELS * 4
    raw = raw[first:min(last, len(raw))]
    data.frombytes(raw[: len(raw) // 8 * 8])
    if sys.byteorder != "little":
        data.byteswap()
    return [data[c::CHANNELS] for c in range(CHANNELS)]


def stats(chans):
    peak = max((max(abs(v) for v in ch) for ch in chans if ch), default=0.0)
    total = sum(v * v for ch in chans for v in ch)
    count = sum(len(ch) for ch in chans) or 1
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


def clicks(chans, offset=0.0):
    """Every block whose largest second difference stands out from its neighbourhood."""
    found = []
    for ch in chans:
        n = len(ch)
        d2 = [0.0, 0.0] + [abs(ch[i] - 2 * ch[i - 1] + ch[i - 2]) for i in range(2, n)]
        blocks = [(max(d2[i:i + CLICK_BLOCK]), sum(d2[i:i + CLICK_BLOCK]) / CLICK_BLOCK)
                  for i in range(0, n, CLICK_BLOCK)]
        for b, (peak, _) in enumerate(blocks):
            near = [blocks[k][1] for k in range(max(0, b - 1), min(len(blocks), b + 2))]
            # the neighbourhood's typical size, leaving out the peak's own share
            local = (sum(near) * CLICK_BLOCK - peak) / (len(near) * CLICK_BLOCK - 1)
            if peak > CLICK_FACTOR * local + CLICK_FLOOR:
                at = b * CLICK_BLOCK + d2[b * CLICK_BLOCK:(b + 1) * CLICK_BLOCK].index(peak)
                found.append({"at": round(offset + at / RATE, 4), "step": peak, "local": local})
    found.sort(key=lambda c: c["at"])
    merged = []  # one click heard in both channels is one click
    for c in found:
        if merged and c["at"] - merged[-1]["at"] < 0.002:
            merged[-1]["step"] = max(merged[-1]["step"], c["step"])
        else:
            merged.append(c)
    return merged


def loudness(path, start=None, end=None):
    """Integrated loudness (LUFS) and true peak (dBTP) through libebur128."""
    lib = ctypes.CDLL("libebur128.so.1")
    lib.ebur128_init.restype = ctypes.c_void_p
    lib.ebur128_init.argtypes = [ctypes.c_uint, ctypes.c_ulong, ctypes.c_int]
    lib.ebur128_add_frames_float.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_size_t]
    lib.ebur128_loudness_global.argtypes = [ctypes.c_void_p, ctypes.POINTER(ctypes.c_double)]
    lib.ebur128_true_peak.argtypes = [ctypes.c_void_p, ctypes.c_uint, ctypes.POINTER(ctypes.c_double)]
    lib.ebur128_destroy.argtypes = [ctypes.POINTER(ctypes.c_void_p)]
    mode_i, mode_true_peak = (1 << 2) | 1, (1 << 5) | (1 << 4) | 1
    left, right = load(path, start, end)
    data = array.array("f", [0.0]) * (2 * len(left))
    data[0::2] = left
    data[1::2] = right
    st = ctypes.c_void_p(lib.ebur128_init(2, RATE, mode_i | mode_true_peak))
    buf = (ctypes.c_float * len(data)).from_buffer(data)
    lib.ebur128_add_frames_float(st, buf, len(left))
    lufs = ctypes.c_double()
    lib.ebur128_loudness_global(st, ctypes.byref(lufs))
    peak = 0.0
    for c in range(2):
        tp = ctypes.c_double()
        lib.ebur128_true_peak(st, c, ctypes.byref(tp))
        peak = max(peak, tp.value)
    lib.ebur128_destroy(ctypes.byref(st))
    return {"lufs": lufs.value if math.isfinite(lufs.value) else -200.0,
            "true_peak_db": 20 * math.log10(peak) if peak > 0 else -200.0}


def fade(chans, start):
    """A level change: the RMS (10 ms windows) at the start and end of the span, and how long
    the move between them took. A raised-cosine fade covers its middle 1%..99% of the change
    in 0.873 of its length, so length = that span / 0.873."""
    rms = windows(chans, 10)
    if len(rms) < 20:
        return {"error": "too short"}
    edge = 5
    a = sorted(rms[:edge])[edge // 2]
    b = sorted(rms[-edge:])[edge // 2]
    lo, hi = a + 0.01 * (b - a), a + 0.99 * (b - a)
    rising = b > a

    def crossed(v, level):
        return v >= level if rising else v <= level

    t1 = next((i for i, v in enumerate(rms) if crossed(v, lo)), None)
    t2 = next((i for i, v in enumerate(rms) if crossed(v, hi)), None)
    span = (t2 - t1) * 0.010 if t1 is not None and t2 is not None else 0.0
    return {"from_db": 20 * math.log10(a) if a > 0 else -200.0,
            "to_db": 20 * math.log10(b) if b > 0 else -200.0,
            "starts": start + (t1 or 0) * 0.010, "span": span, "length": span / 0.873}


def onsets(chans, threshold=0.001):
    """Times where sound rises above threshold after at least 300 ms below it."""
    quiet_needed = int(0.3 * RATE)
    out = []
    quiet = quiet_needed
    left, right = chans
    for i in range(len(left)):
        if abs(left[i]) >= threshold or abs(right[i]) >= threshold:
            if quiet >= quiet_needed:
                out.append(i / RATE)
            quiet = 0
        else:
            quiet += 1
    return out


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    cmd, path, rest = argv[1], argv[2], argv[3:]
    span = (rest[0], rest[1]) if len(rest) >= 2 else (None, None)
    if cmd == "stats":
        result = stats(load(path, *span))
    elif cmd == "windows":
        result = windows(load(path), int(rest[0]))
    elif cmd == "clicks":
        result = clicks(load(path, *span), float(span[0] or 0.0))
    elif cmd == "loudness":
        result = loudness(path, *span)
    elif cmd == "fade" and len(rest) >= 2:
        result = fade(load(path, *span), float(span[0]))
    elif cmd == "onsets":
        result = onsets(load(path), float(rest[0]) if rest else 0.001)
    else:
        print(__doc__, file=sys.stderr)
        return 2
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
