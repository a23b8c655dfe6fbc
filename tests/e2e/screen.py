#!/usr/bin/env python3
"""Reads an X screenshot (`xwd -root`, ZPixmap, 24 or 32 bits a pixel) and answers questions
about a rectangle of it, so end-to-end tests can look at the screen through numbers. Standard
library only. Colours are written R,G,B in decimal; rectangles X Y W H in root pixels. Every
second pixel of every second row is looked at (text strokes and shapes are wider than that).

  screen.py pixel FILE X Y               -> the colour there
  screen.py share FILE X Y W H COLOUR    -> the share (0..1) of the rectangle in that colour
  screen.py bbox FILE X Y W H COLOUR     -> "X0 Y0 X1 Y1": where that colour is, or "none"
  screen.py common FILE X Y W H          -> the rectangle's commonest colour

COLOUR may start with ! for every colour but that one (!R,G,B).
"""
import array
import collections
import struct
import sys

STEP = 2


class Shot:
    def __init__(self, path):
        with open(path, "rb") as f:
            data = f.read()
        head = struct.unpack(">25I", data[:100])
        (size, version, fmt, _depth, self.w, self.h, _xoff, byte_order, _unit, _bitorder, _pad,
         bpp, self.stride, _cls, self.rmask, self.gmask, self.bmask, _bits, _entries, ncolors) = head[:20]
        if version != 7 or fmt != 2 or bpp not in (24, 32):
            sys.exit("screen.py: %s: not a 24- or 32-bit ZPixmap xwd file (version %d, format %d, "
                     "%d bits)" % (path, version, fmt, bpp))
        self.bytes = bpp // 8
        self.order = "little" if byte_order == 0 else "big"
        self.data = memoryview(data)[size + 12 * ncolors: size + 12 * ncolors + self.stride * self.h]
        if self.bytes == 4:
            self.pixels = array.array("I")
            self.pixels.frombytes(self.data)
            if (self.order == "little") != (sys.byteorder == "little"):
                self.pixels.byteswap()

    def rgb(self, v):
        def part(mask):
            shift = (mask & -mask).bit_length() - 1
            return (v & mask) >> shift
        return part(self.rmask), part(self.gmask), part(self.bmask)

    def values(self, x, y, w, h):
        """The sampled pixel values of a rectangle (clipped to the screen), row by row."""
        x0, y0 = max(0, x), max(0, y)
        x1, y1 = min(self.w, x + w), min(self.h, y + h)
        for row in range(y0, y1, STEP):
            yield row, x0, self.row(row, x0, x1)

    def row(self, y, x0, x1):
        if self.bytes == 4:
            base = y * self.stride // 4
            return self.pixels[base + x0: base + x1: STEP]
        line = self.data[y * self.stride: (y + 1) * self.stride]
        return [int.from_bytes(line[i: i + 3], self.order) for i in range(3 * x0, 3 * x1, 3 * STEP)]


def colour(text):
    return tuple(int(p) for p in text.split(","))


def fmt(c):
    return "%d,%d,%d" % c


def main(argv):
    if len(argv) < 3:
        sys.exit(__doc__)
    cmd, shot = argv[1], Shot(argv[2])
    nums = [int(a) for a in argv[3:7] if a.lstrip("-").isdigit()]
    if cmd == "pixel":
        x, y = nums[:2]
        return fmt(shot.rgb(shot.row(y, x, x + 1)[0]))
    x, y, w, h = nums[:4]
    if cmd == "common":
        counts = collections.Counter()
        for _, _, row in shot.values(x, y, w, h):
            counts.update(row)
        return fmt(shot.rgb(counts.most_common(1)[0][0]))
    invert = argv[7].startswith("!")
    want = colour(argv[7].lstrip("!"))
    wanted = {}  # pixel value -> whether it is asked for

    def asked(v):
        if v not in wanted:
            wanted[v] = (shot.rgb(v) == want) != invert
        return wanted[v]
    if cmd == "share":
        total = same = 0
        for _, _, row in shot.values(x, y, w, h):
            total += len(row)
            same += sum(n for v, n in collections.Counter(row).items() if asked(v))
        return "%.4f" % (same / total if total else 0.0)
    if cmd == "bbox":
        box = None
        for row, x0, vals in shot.values(x, y, w, h):
            hits = [i for i, v in enumerate(vals) if asked(v)]
            if hits:
                a, b = x0 + hits[0] * STEP, x0 + hits[-1] * STEP
                box = [a, row, b, row] if box is None else [min(box[0], a), box[1], max(box[2], b), row]
        return "none" if box is None else "%d %d %d %d" % tuple(box)
    sys.exit("screen.py: unknown question %r\n%s" % (cmd, __doc__))


if __name__ == "__main__":
    print(main(sys.argv))
