#!/usr/bin/env python3
"""A clock for the PulseAudio tests: ties a recording of a sink's monitor (parec's raw float32
stereo at 48 kHz) to CLOCK_MONOTONIC, so a sound in it can be dated on the clock the app's
--timing uses. Standard library only (libpulse-simple through ctypes).

  pulseclock.py click              -> plays one reference click through the server and sink of
                                      the environment (PULSE_SERVER) and prints the monotonic
                                      second it is played at
  pulseclock.py starts REC CLICKS ERR...
                                   -> for each ERR (a --start session's --timing output, the
                                      sessions played in turn between the clicks, whose moments
                                      are in the file CLICKS one a line) the start chime's onset
                                      in REC and how late it was heard (JSON). With music (a
                                      low tone: under HIGHPASS Hz), the chime is heard above it.

How a click is dated: a playback stream writes silence until the server has taken more than
its buffer (the stream runs), then the click (one sample up, the next down), then more silence;
after each write the stream's latency (pa_simple_get_latency: how long until the last sample
written is played, by the sink's own clock, interpolated) gives the moment the click plays.
The median of 40 such readings is taken (each read within 0.5 ms of the monotonic clock; the
stream's 200 ms buffer never runs dry meanwhile, which would move the rest).
Each click gives a tie: the monotonic second of the recording's first sample, had it run at
exactly 48 kHz of CLOCK_MONOTONIC. The null sink keeps its own time by the samples it renders
(here 65 to 120 ppm fast), so the ties drift in a straight line; sample n is heard at
fit(n) + n / 48000, the line fitted to the clicks' ties (least squares), and the clicks' largest
distance from that line is this method's own uncertainty (tie_residual_ms).
"""
import array
import ctypes
import json
import os
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import audio  # noqa: E402

RATE = 48000
BLOCK = 480                 # 10 ms written at a time
CLICK = 0.9                 # the click's two samples are +CLICK and -CLICK
SOUND = 0.001               # a sound begins where it first reaches -60 dBFS
HIGHPASS = 400              # with music: the chime (E5, 659 Hz) is looked for above this
PA_SAMPLE_FLOAT32LE = 5
PA_STREAM_PLAYBACK = 1


class Spec(ctypes.Structure):
    _fields_ = [("format", ctypes.c_int), ("rate", ctypes.c_uint32), ("channels", ctypes.c_uint8)]


class Attr(ctypes.Structure):
    _fields_ = [(n, ctypes.c_uint32) for n in ("maxlength", "tlength", "prebuf", "minreq", "fragsize")]


def simple():
    pa = ctypes.CDLL("libpulse-simple.so.0")
    pa.pa_simple_new.restype = ctypes.c_void_p
    pa.pa_simple_new.argtypes = [ctypes.c_char_p, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_char_p,
                                 ctypes.POINTER(Spec), ctypes.c_void_p, ctypes.POINTER(Attr),
                                 ctypes.POINTER(ctypes.c_int)]
    pa.pa_simple_write.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_size_t, ctypes.POINTER(ctypes.c_int)]
    pa.pa_simple_get_latency.restype = ctypes.c_uint64
    pa.pa_simple_get_latency.argtypes = [ctypes.c_void_p, ctypes.POINTER(ctypes.c_int)]
    pa.pa_simple_drain.argtypes = [ctypes.c_void_p, ctypes.POINTER(ctypes.c_int)]
    pa.pa_simple_free.argtypes = [ctypes.c_void_p]
    return pa


def click():
    """Plays the reference click; returns the monotonic second it is played at."""
    pa = simple()
    err = ctypes.c_int(0)
    spec = Spec(PA_SAMPLE_FLOAT32LE, RATE, 2)
    buffer = 20 * BLOCK * 8  # 200 ms: a test machine's hiccup never empties it (the readings hold)
    attr = Attr(0xFFFFFFFF, buffer, 0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF)
    s = pa.pa_simple_new(None, b"pulseclock", PA_STREAM_PLAYBACK, None, b"reference click", ctypes.byref(spec),
                         None, ctypes.byref(attr), ctypes.byref(err))
    if not s:
        raise SystemExit("pulseclock.py: cannot play through the server (error %d)" % err.value)
    silence = array.array("f", [0.0]) * (BLOCK * 2)
    block = array.array("f", silence)
    block[0] = block[1] = CLICK
    block[2] = block[3] = -CLICK
    quiet, loud = silence.tobytes(), block.tobytes()
    written, running = 0, None
    # until the server has taken more than the buffer holds (a new stream can wait 2 s), then 0.2 s
    while running is None or time.monotonic() - running < 0.2:
        pa.pa_simple_write(s, quiet, len(quiet), ctypes.byref(err))
        written += len(quiet)
        if running is None and written > buffer + len(quiet):
            running = time.monotonic()
    pa.pa_simple_write(s, loud, len(loud), ctypes.byref(err))
    after, moments = BLOCK, []
    for _ in range(40):
        t1 = time.monotonic()
        latency = pa.pa_simple_get_latency(s, ctypes.byref(err)) / 1e6
        t2 = time.monotonic()
        if t2 - t1 < 0.0005:
            moments.append((t1 + t2) / 2 + latency - after / RATE)
        pa.pa_simple_write(s, quiet, len(quiet), ctypes.byref(err))
        after += BLOCK
    pa.pa_simple_drain(s, ctypes.byref(err))
    pa.pa_simple_free(s)
    if len(moments) < 10:
        raise SystemExit("pulseclock.py: the clock was too busy to read the latency")
    moment = statistics.median(moments)
    spread = (max(moments) - min(moments)) * 1000
    if spread > 1:
        print("pulseclock.py: the click's readings spread over %.1f ms" % spread, file=sys.stderr)
    return moment


class Recording:
    """parec's raw file, read a stretch at a time (a minute is 23 MB)."""

    def __init__(self, path):
        self.path = path
        self.frames = os.path.getsize(path) // 8

    def read(self, first, count):
        first = max(0, first)
        count = max(0, min(count, self.frames - first))
        data = array.array("f")
        with open(self.path, "rb") as f:
            f.seek(first * 8)
            data.frombytes(f.read(count * 8))
        if sys.byteorder != "little":
            data.byteswap()
        return data

    def find_click(self, first, count):
        """The frame of the first click in [first, first + count), or None."""
        step = RATE * 2
        for at in range(max(0, first), min(self.frames, first + count), step):
            data = self.read(at, min(step + 1, first + count - at))
            left = data[0::2]
            for i in range(len(left) - 1):
                if left[i] > CLICK / 2 and left[i + 1] < -CLICK / 2:
                    return at + i
        return None

    def onset(self, first, count, highpass=None):
        """The first frame in [first, first + count) where sound reaches SOUND (after a
        high-pass filter when asked), or None."""
        data = self.read(first, count)
        chans = [data[0::2], data[1::2]]
        if highpass:
            chans = audio.band(chans, highpass=highpass)
        for i in range(len(chans[0])):
            if abs(chans[0][i]) >= SOUND or abs(chans[1][i]) >= SOUND:
                return first + i
        return None


def session_start(err):
    """The --start session's moment (at, on the app's clock) and its monotonic second. (Before
    the app said it, from the first cue's moment and the first sound's two clocks.)"""
    events = audio.timing(err)
    for e in events:
        if e["kind"] == "session" and e.get("name") == "start":
            return e
    cue = [e for e in events if e["kind"] == "cue"]
    sound = [e for e in events if e["kind"] == "sound"]
    if cue and sound:
        at = cue[0]["moment"]
        return {"at": at, "monotonic": sound[0]["monotonic"] - (sound[0]["at"] - at) / 1000, "sound": "?"}
    raise SystemExit("pulseclock.py: no 'session start' timing line in " + err)


def starts(rec_path, clicks_path, errs):
    rec = Recording(rec_path)
    with open(clicks_path) as f:
        moments = [float(line) for line in f if line.strip()]
    # the first click is looked for from the start; the rest where the first click's tie says
    frames = []
    tie = None
    for t in moments:
        if tie is None:
            found = rec.find_click(0, rec.frames)
        else:
            guess = int((t - tie) * RATE)
            found = rec.find_click(guess - RATE // 10, RATE // 5)
        if found is None:
            raise SystemExit("pulseclock.py: a reference click is missing from the recording")
        frames.append(found)
        if tie is None:
            tie = t - found / RATE
    ties = [t - n / RATE for t, n in zip(moments, frames)]
    xs = [n / RATE for n in frames]
    mx, my = statistics.fmean(xs), statistics.fmean(ties)
    sxx = sum((x - mx) ** 2 for x in xs)
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ties)) / sxx if sxx > 0 else 0.0

    def fit(n):
        return my + slope * (n / RATE - mx)

    residual = max(abs(t - fit(n)) for t, n in zip(ties, frames)) * 1000
    runs = []
    for k, err in enumerate(errs):
        start = session_start(err)
        run = {"err": os.path.basename(err), "sound": start.get("sound")}
        before, after = frames[k], frames[k + 1]
        cue = [e for e in audio.timing(err) if e["kind"] == "cue" and e.get("moment") == start["at"]]
        device = [e for e in audio.timing(err) if e["kind"] == "device"]
        if device:
            run["device_waited_ms"] = device[0].get("waited")
        if cue:
            run["app_started_late_ms"] = round(cue[0]["started"] - start["at"], 1)
        music = any(e["kind"] == "track" for e in audio.timing(err))
        highpass = HIGHPASS if music else None
        run["music"] = music
        due = int((start["monotonic"] - fit(before)) * RATE)
        first = max(before + 8, due - RATE // 2)  # from half a second before its moment
        found = rec.onset(first, min(after, due + 3 * RATE) - first, highpass)
        if found is not None:
            heard = fit(found) + found / RATE
            run["heard_late_ms"] = round((heard - start["monotonic"]) * 1000, 1)
        runs.append(run)
    return {"tie_residual_ms": round(residual, 2), "sink_ppm": round(-slope * 1e6, 1),
            "ties_ms": [round((t - ties[0]) * 1000, 2) for t in ties], "runs": runs}


def main(argv):
    if len(argv) >= 2 and argv[1] == "click":
        print("%.6f" % click())
        return 0
    if len(argv) >= 5 and argv[1] == "starts":
        print(json.dumps(starts(argv[2], argv[3], argv[4:])))
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
