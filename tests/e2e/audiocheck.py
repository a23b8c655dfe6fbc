#!/usr/bin/env python3
"""Checks on a session's sound for the end-to-end tests: each prints what it measured, one line
per item, and exits 1 when something a listener would notice is wrong. RAW is what SDL's disk
driver wrote; ERR is safebase's standard error with --timing (its "timing:" lines say at which
output frame each change began, so every check knows where to listen).

  audiocheck.py fades RAW ERR LOWPASS_HZ    every music change takes at least its fade
  audiocheck.py cues RAW ERR                every cue within 30 ms of its moment, and heard there
  audiocheck.py clicks RAW                  no click anywhere
  audiocheck.py level RAW FROM TO LUFS TOL  loudness of [FROM, TO] s within TOL of LUFS
  audiocheck.py modes RAW ERR LOWPASS_HZ    the steady level each music mode settles at
  audiocheck.py held RAW ERR                a paused sweep resumes at the pitch it paused at
  audiocheck.py crossfades RAW ERR LOW HIGH FADE  tracks low and high in turn: each track
                                            change is a crossfade of FADE s (one out, one in)
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import audio  # noqa: E402

RATE = audio.RATE
CUE_LATENCY_MS = 30.0
LIMITER_DELAY = 63 / RATE          # the output limiter's look-ahead, in seconds
FADE_TOLERANCE = 0.95              # the fitted length is good to a few hundredths of a second


def cue_spans(events):
    """(start s, length s) of each cue, for taking the music's dip out of a measurement."""
    lengths = {"chime": 2.5, "ending-soon": 3.05, "end": 3.9}
    return [(e["frame"] / RATE, lengths.get(e.get("name"), 3.0)) for e in events if e["kind"] == "cue"]


def check_fades(raw, err, lowpass):
    events = audio.timing(err)
    ducks = cue_spans(events)
    seen, bad, n = set(), 0, 0
    changes = [e for e in events if e["kind"] == "music"]
    changes += [dict(e, fade=1000.0) for e in events if e["kind"] in ("pause", "resume")]
    for e in sorted(changes, key=lambda e: e["frame"]):
        if e["frame"] in seen:
            continue  # the same change asked twice in one moment (session start)
        seen.add(e["frame"])
        start = e["frame"] / RATE + LIMITER_DELAY
        fade_s = e["fade"] / 1000.0
        before = max(0.0, start - 0.15)
        chans = audio.band(audio.load(raw, before, start + fade_s + 0.45), lowpass=lowpass)
        f = audio.fade(chans, before, ducks, start)
        if "error" in f or max(f["from_db"], f["to_db"]) < -80.0:
            continue  # nothing of the music in this band (another track plays)
        n += 1
        ok = f["length"] >= FADE_TOLERANCE * fade_s or abs(f["to_db"] - f["from_db"]) < 1.0
        bad += not ok
        print("%s %s at %.3f s: %.1f -> %.1f dB over %.3f s (asked %.3f s)%s" % (
            e["kind"], e.get("name", ""), start, f["from_db"], f["to_db"], f["length"], fade_s,
            "" if ok else "  <- TOO QUICK"))
    return bad == 0 and n > 0


def check_cues(raw, err):
    events = [e for e in audio.timing(err) if e["kind"] == "cue"]
    heard = audio.onsets(audio.load(raw), 0.001)
    bad = 0
    offsets = []
    for e in events:
        late = e["started"] - e["moment"]
        at = e["frame"] / RATE
        near = [t for t in heard if abs(t - at) < 0.05]
        if near:
            offsets.append(near[0] - at)
        ok = -1.0 <= late <= CUE_LATENCY_MS and near
        bad += not ok
        print("cue %s: moment %.0f ms, sounded %.1f ms (%+.1f ms), heard at %s s%s" % (
            e["name"], e["moment"], e["started"], late, "%.4f" % near[0] if near else "-",
            "" if ok else "  <- LATE OR NOT HEARD"))
    # the frames the app reports and the sound in the file must agree, to within a millisecond
    spread = max(offsets) - min(offsets) if offsets else 1.0
    print("report-to-file offset: %s (spread %.2f ms)" % (
        ", ".join("%.2f ms" % (o * 1000) for o in offsets), spread * 1000))
    return bad == 0 and len(events) > 0 and len(heard) >= len(events) and spread < 0.002


def check_clicks(raw):
    found = audio.clicks(audio.load(raw))
    for c in found[:10]:
        print("click at %.4f s: step %.4f against a local %.5f" % (c["at"], c["step"], c["local"]))
    print("%d clicks" % len(found))
    return not found


def check_level(raw, start, end, lufs, tol):
    m = audio.loudness(raw, start, end)
    ok = abs(m["lufs"] - float(lufs)) <= float(tol)
    print("loudness %.2f LUFS (want %s +- %s), true peak %.2f dBTP" % (m["lufs"], lufs, tol, m["true_peak_db"]))
    return ok


def check_modes(raw, err, lowpass):
    """Soft sits about 12 dB under play; silence is silent. Each mode's level is measured over
    the 0.8 s before the next change (by then fades and dips under cues are over)."""
    events = audio.timing(err)
    changes = sorted({e["frame"]: e for e in events if e["kind"] == "music"}.values(),
                     key=lambda e: e["frame"])
    switches = [e for e in events if e["kind"] == "track" and e["crossfade"] >= 100]
    levels = {}
    for e, nxt in zip(changes, changes[1:]):
        # a new track (heard in another band) ends what this band can tell
        nxt = min([nxt] + [t for t in switches if e["frame"] < t["frame"] < nxt["frame"]], key=lambda t: t["frame"])
        end = nxt["frame"] / RATE
        rms = audio.windows(audio.band(audio.load(raw, end - 0.8, end), lowpass=lowpass), 100)
        db = 20 * audio.math.log10(max(sorted(rms)[len(rms) // 2], 1e-10))
        levels.setdefault(e["name"], []).append(db)
        print("%s: %.1f dB" % (e["name"], db))
    play, soft, quiet = levels.get("play", []), levels.get("soft", []), levels.get("silence", [])
    ok = bool(play) and bool(soft) and all(abs(s - max(play) + 12.0) <= 1.0 for s in soft)
    return ok and all(q < max(play) - 60.0 for q in quiet) and max(play) - min(play) < 0.5


def pitch(raw, start, seconds):
    """The frequency of a tone over [start, start + seconds): half-periods between its first
    and last zero crossings (each placed between samples by interpolation)."""
    left = audio.load(raw, start, start + seconds)[0]
    at = [i + x / (x - y) for i, (x, y) in enumerate(zip(left, left[1:])) if (x < 0) != (y < 0)]
    return (len(at) - 1) * RATE / (2.0 * (at[-1] - at[0])) if len(at) > 2 else 0.0


def check_held(raw, err):
    """Pause holds the music's place: a rising sweep sounds, as it fades back in, at the pitch
    it had when it fell silent (had it run on, it would be higher; had it restarted, lower)."""
    events = audio.timing(err)
    pauses = [e for e in events if e["kind"] == "pause"]
    resumes = [e for e in events if e["kind"] == "resume"]
    if not pauses or not resumes:
        print("no pause and resume in the timing lines")
        return False
    silent = pauses[0]["frame"] / RATE + 0.85     # the last 150 ms of the 1 s fade out
    back = resumes[0]["frame"] / RATE + 0.1
    before, after = pitch(raw, silent, 0.15), pitch(raw, back, 0.15)
    paused_for = back - silent
    print("pitch as it fell silent %.1f Hz, as it came back %.1f Hz (%.1f s apart)" % (before, after, paused_for))
    return abs(after - before) < 5.0 and paused_for > 1.0


def check_crossfades(raw, err, low, high, fade):
    """Tracks alternate between a tone under LOW Hz and one over HIGH Hz, so each band hears
    one side of a crossfade: the outgoing track must fade out and the incoming fade in, each
    over at least the crossfade's length, which must be the plan's fade."""
    events = audio.timing(err)
    ducks = cue_spans(events)
    ends = [e["frame"] / RATE for e in events if e["kind"] == "music" and e.get("name") == "silence"]
    end = max(ends) if ends else float("inf")
    tracks = [e for e in events if e["kind"] == "track"][1:]  # the first has nothing to follow
    bad = n = 0
    for e in tracks:
        start = e["frame"] / RATE + LIMITER_DELAY
        fade_s = e["crossfade"] / 1000.0
        if start + fade_s + 0.3 > end:
            continue  # the session's end fades over it
        if fade_s < FADE_TOLERANCE * fade:
            print("track %s at %.3f s: a crossfade of %.3f s, not %.3f s  <- TOO QUICK" % (e["name"], start, fade_s, fade))
            bad += 1
            continue
        window = (max(0.0, start - 0.15), start + fade_s + 0.3)
        sides = {}
        for name, cut in (("low", {"lowpass": low}), ("high", {"highpass": high})):
            f = audio.fade(audio.band(audio.load(raw, *window), **cut), window[0], ducks, start)
            sides["in" if f["to_db"] > f["from_db"] else "out"] = (name, f)
        if set(sides) != {"in", "out"}:
            print("track %s at %.3f s: no crossfade heard" % (e["name"], start))
            bad += 1
            continue
        for way, (name, f) in sorted(sides.items()):
            n += 1
            ok = f["length"] >= FADE_TOLERANCE * fade_s
            bad += not ok
            print("track %s at %.3f s: %s (%s band) %.1f -> %.1f dB over %.3f s (crossfade %.3f s)%s" % (
                e["name"], start, way, name, f["from_db"], f["to_db"], f["length"], fade_s,
                "" if ok else "  <- TOO QUICK"))
    return bad == 0 and n > 0


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    cmd, args = argv[1], argv[2:]
    if cmd == "fades":
        ok = check_fades(args[0], args[1], float(args[2]))
    elif cmd == "cues":
        ok = check_cues(args[0], args[1])
    elif cmd == "clicks":
        ok = check_clicks(args[0])
    elif cmd == "crossfades":
        ok = check_crossfades(args[0], args[1], float(args[2]), float(args[3]), float(args[4]))
    elif cmd == "held":
        ok = check_held(args[0], args[1])
    elif cmd == "modes":
        ok = check_modes(args[0], args[1], float(args[2]))
    elif cmd == "level":
        ok = check_level(*args[:5])
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
