#!/usr/bin/env python3
"""Reads what SDL's disk audio driver wrote (raw float32 little-endian, stereo, 48 kHz: the
format safebase opens) and answers questions about it, so end-to-end tests can listen
through numbers. Standard library only (plus libebur128 through ctypes for loudness).

  audio.py stats FILE [FROM TO]      -> peak, rms, seconds, max_step (JSON)
  audio.py windows FILE MS           -> RMS of each window of MS milliseconds (JSON list)
  audio.py clicks FILE [FROM TO]     -> clicks found (JSON list of {"at", "step", "local"})
  audio.py loudness FILE [FROM TO]   -> EBU R128 integrated loudness and true peak (JSON)
  audio.py fade FILE FROM TO [--lowpass HZ] [--highpass HZ] [--duck START LENGTH]...
                                     -> a level change in [FROM, TO] s: levels and length (JSON)
  audio.py onsets FILE [THRESHOLD]   -> times where sound begins after 300 ms of quiet (JSON)
  audio.py timing ERRFILE            -> safebase's --timing lines as JSON objects

FROM and TO are seconds from the start of the file. fade can look at one band only (so the
music can be told from the cues), and can take out the music's 10 dB dip under a cue that
began at START seconds and lasts LENGTH seconds (200 ms raised-cosine ramps, as specified);
it reports the raised-cosine fade that best fits the level's course.
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


def biquad(x, hz, kind):
    """A 2nd-order Butterworth low- or high-pass (RBJ cookbook), run over the list x."""
    w = 2 * math.pi * hz / RATE
    alpha = math.sin(w) / math.sqrt(2)
    cw = math.cos(w)
    if kind == "lowpass":
        b = [(1 - cw) / 2, 1 - cw, (1 - cw) / 2]
    else:
        b = [(1 + cw) / 2, -(1 + cw), (1 + cw) / 2]
    a0, a1, a2 = 1 + alpha, -2 * cw, 1 - alpha
    b0, b1, b2 = b[0] / a0, b[1] / a0, b[2] / a0
    a1, a2 = a1 / a0, a2 / a0
    y = array.array("f", [0.0]) * len(x)
    x1 = x2 = y1 = y2 = 0.0
    for i, v in enumerate(x):
        out = b0 * v + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2
        x2, x1, y2, y1 = x1, v, y1, out
        y[i] = out
    return y


def band(chans, lowpass=None, highpass=None):
    """The channels through a 4th-order filter (two biquads) for each limit given."""
    out = []
    for ch in chans:
        for hz, kind in ((lowpass, "lowpass"), (highpass, "highpass")):
            if hz:
                ch = biquad(biquad(ch, hz, kind), hz, kind)
        out.append(ch)
    return out


def duck_db(t, ducks):
    """The music's dip (dB) at time t under cues (start, length) in seconds."""
    db = 0.0
    for start, length in ducks:
        ramp = 0.2
        if t < start or t > start + length:
            continue
        down = min(1.0, (t - start) / ramp)
        up = min(1.0, max(0.0, (start + length - t) / ramp))
        s = min(0.5 - 0.5 * math.cos(math.pi * down), 0.5 - 0.5 * math.cos(math.pi * up))
        db = min(db, 20 * math.log10(1 - s * (1 - 10 ** (-10 / 20))))
    return db


FADE_WINDOW_MS = 10


def fade_model(times, a, b, t0, length):
    """A raised-cosine move from level a to level b starting at t0, at the given times."""
    out = []
    for t in times:
        x = min(1.0, max(0.0, (t - t0) / length))
        out.append(a + (b - a) * (0.5 - 0.5 * math.cos(math.pi * x)))
    return out


def fade(chans, start, ducks=(), begins=None):
    """A level change: the RMS (10 ms windows, any dip under cues taken out) at the start and
    end of the span, and the raised-cosine fade that fits it best (least squares over its
    length, and its start unless begins gives it), so the windows' ripple averages out."""
    w = FADE_WINDOW_MS / 1000.0
    rms = windows(chans, FADE_WINDOW_MS)
    times = [start + (i + 0.5) * w for i in range(len(rms))]
    rms = [v / 10 ** (duck_db(t, ducks) / 20) for v, t in zip(rms, times)]
    if len(rms) < 20:
        return {"error": "too short"}
    edge = 5
    a = sorted(rms[:edge])[edge // 2]
    b = sorted(rms[-edge:])[edge // 2]

    def cost(t0, length):
        return sum((e - m) ** 2 for e, m in zip(rms, fade_model(times, a, b, t0, length)))

    span = times[-1] - times[0]
    starts = [begins] if begins is not None else frange(times[0] - 0.1, times[-1], 0.02)
    best = min(((cost(t0, n), t0, n) for n in frange(0.05, span, 0.05) for t0 in starts))
    _, t0, n = best
    near = [begins] if begins is not None else frange(t0 - 0.02, t0 + 0.02, 0.002)
    best = min(((cost(x, m), x, m) for m in frange(max(0.01, n - 0.05), n + 0.05, 0.005) for x in near))
    return {"from_db": 20 * math.log10(a) if a > 0 else -200.0,
            "to_db": 20 * math.log10(b) if b > 0 else -200.0,
            "starts": best[1], "length": best[2]}


def frange(lo, hi, step):
    n = int((hi - lo) / step) + 1
    return [lo + i * step for i in range(max(n, 0))]


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


def timing(path):
    """safebase: timing: KIND [NAME] key=value... lines as dicts (numbers where they are)."""
    events = []
    with open(path, errors="replace") as f:
        for line in f:
            if not line.startswith("safebase: timing: "):
                continue
            words = line[len("safebase: timing: "):].split()
            event = {"kind": words[0], "line": line.strip()}
            for w in words[1:]:
                if "=" in w:
                    k, v = w.split("=", 1)
                    try:
                        event[k] = float(v)
                    except ValueError:
                        event[k] = v
                elif "name" not in event:
                    event["name"] = w.strip('"')
            events.append(event)
    return events


def options(rest):
    """--lowpass HZ, --highpass HZ and --duck START LENGTH (repeatable) from rest."""
    opts = {"lowpass": None, "highpass": None, "ducks": []}
    i = 0
    while i < len(rest):
        if rest[i] in ("--lowpass", "--highpass"):
            opts[rest[i][2:]] = float(rest[i + 1])
            i += 2
        elif rest[i] == "--duck":
            opts["ducks"].append((float(rest[i + 1]), float(rest[i + 2])))
            i += 3
        else:
            i += 1
    return opts


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    cmd, path, rest = argv[1], argv[2], argv[3:]
    span = (rest[0], rest[1]) if len(rest) >= 2 and not rest[0].startswith("--") else (None, None)
    if cmd == "stats":
        result = stats(load(path, *span))
    elif cmd == "windows":
        result = windows(load(path), int(rest[0]))
    elif cmd == "clicks":
        result = clicks(load(path, *span), float(span[0] or 0.0))
    elif cmd == "loudness":
        result = loudness(path, *span)
    elif cmd == "fade" and len(rest) >= 2:
        o = options(rest[2:])
        chans = band(load(path, *span), o["lowpass"], o["highpass"])
        result = fade(chans, float(span[0]), o["ducks"])
    elif cmd == "timing":
        result = timing(path)
    elif cmd == "onsets":
        result = onsets(load(path), float(rest[0]) if rest else 0.001)
    else:
        print(__doc__, file=sys.stderr)
        return 2
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
