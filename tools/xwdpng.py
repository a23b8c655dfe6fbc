#!/usr/bin/env python3
"""Turns an X screenshot (`xwd -root`: ZPixmap, 24 or 32 bits a pixel, 8-bit masks) into a
small PNG, for tools/make-screenshots.sh. Standard library only (zlib and struct): no
ImageMagick, no Pillow. It never changes the picture except to scale it down evenly.

  xwdpng.py IN.xwd OUT.png [WIDTH]   -> writes OUT.png (scaled to WIDTH by area averaging,
                                        only 2/3 and 1/2 of the width are offered), prints
                                        "WIDTHxHEIGHT BYTES"
"""
import struct
import sys
import zlib


def read_xwd(path):
    """Returns (width, height, rows): rows is a list of bytes objects, R G B per pixel."""
    with open(path, "rb") as f:
        data = f.read()
    head = struct.unpack(">25I", data[:100])
    (size, version, fmt, _depth, w, h, _xoff, byte_order, _unit, _bitorder, _pad,
     bpp, stride, _cls, rmask, gmask, bmask, _bits, _entries, ncolors) = head[:20]
    if version != 7 or fmt != 2 or bpp not in (24, 32):
        sys.exit("xwdpng.py: %s: not a 24- or 32-bit ZPixmap xwd file" % path)
    step = bpp // 8
    start = size + 12 * ncolors

    def byte_of(mask):  # which byte of a pixel holds this channel
        shift = (mask & -mask).bit_length() - 1
        if shift % 8 or mask >> shift != 0xFF:
            sys.exit("xwdpng.py: %s: channel mask %#x is not a whole byte" % (path, mask))
        lane = shift // 8
        return lane if byte_order == 0 else step - 1 - lane
    order = [byte_of(m) for m in (rmask, gmask, bmask)]
    rows = []
    for y in range(h):
        line = data[start + y * stride: start + y * stride + w * step]
        out = bytearray(3 * w)
        for c in range(3):
            out[c::3] = line[order[c]::step]
        rows.append(bytes(out))
    return w, h, rows


def scale_line(values, n, factor):
    """Area-averages n pixels' channel bytes (3 a pixel) by 2/3 or 1/2; returns a list of ints."""
    out = []
    if factor == 2:  # 1/2: two pixels make one
        for p in range(0, n - 1, 2):
            out.extend((x + y + 1) // 2 for x, y in zip(values[3 * p: 3 * p + 3], values[3 * p + 3: 3 * p + 6]))
        return out
    # 2/3: three source pixels make two, weights (2,1) and (1,2) in thirds
    for p in range(0, n - 2, 3):
        a, b, c = values[3 * p: 3 * p + 3], values[3 * p + 3: 3 * p + 6], values[3 * p + 6: 3 * p + 9]
        out.extend((2 * x + y + 1) // 3 for x, y in zip(a, b))
        out.extend((y + 2 * z + 1) // 3 for y, z in zip(b, c))
    return out


def scale(w, h, rows, width):
    """Rows scaled to width (2/3 or 1/2 of w), the same factor down the height."""
    if width == w:
        return w, h, rows
    if width * 3 == w * 2:
        factor = 3
    elif width * 2 == w:
        factor = 2
    else:
        sys.exit("xwdpng.py: width %d is neither 2/3 nor 1/2 of %d" % (width, w))
    across = [scale_line(r, w, factor) for r in rows]
    out = []
    if factor == 2:
        for y in range(0, h - 1, 2):
            out.append(bytes((a + b + 1) // 2 for a, b in zip(across[y], across[y + 1])))
    else:
        for y in range(0, h - 2, 3):
            a, b, c = across[y], across[y + 1], across[y + 2]
            out.append(bytes((2 * x + v + 1) // 3 for x, v in zip(a, b)))
            out.append(bytes((v + 2 * z + 1) // 3 for v, z in zip(b, c)))
    return width, len(out), out


def filtered(rows, kind):
    """The PNG scanlines with one filter for every row: 0 none, 1 sub, 2 up."""
    out = bytearray()
    prev = bytes(len(rows[0]))
    for r in rows:
        out.append(kind)
        if kind == 0:
            out += r
        elif kind == 1:
            out += r[:3] + bytes((a - b) & 255 for a, b in zip(r[3:], r))
        else:
            out += bytes((a - b) & 255 for a, b in zip(r, prev))
        prev = r
    return bytes(out)


def png(w, h, rows):
    """The smallest of the three whole-image filters, as PNG bytes (8-bit RGB)."""
    def chunk(tag, body):
        return struct.pack(">I", len(body)) + tag + body + struct.pack(">I", zlib.crc32(tag + body))
    idat = min((zlib.compress(filtered(rows, k), 9) for k in (0, 1, 2)), key=len)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", idat) + chunk(b"IEND", b""))


def main(argv):
    if len(argv) not in (3, 4):
        sys.exit(__doc__)
    w, h, rows = read_xwd(argv[1])
    w, h, rows = scale(w, h, rows, int(argv[3]) if len(argv) == 4 else w)
    data = png(w, h, rows)
    with open(argv[2], "wb") as f:
        f.write(data)
    print("%dx%d %d" % (w, h, len(data)))


if __name__ == "__main__":
    main(sys.argv)
