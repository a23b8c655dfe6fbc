#!/usr/bin/env python3
"""Makes the Windows icon (.ico) from data/safebase.svg: rsvg-convert draws it at 16, 24, 32,
48, 64 and 256 pixels and each PNG is stored as it is (an .ico may hold PNG images since Windows
Vista), largest last. tools/build-windows.sh runs it; the icon goes into safebase.exe.
Usage: windows-icon.py SVG OUT.ico"""
import struct
import subprocess
import sys

SIZES = (16, 24, 32, 48, 64, 256)


def main(argv):
    if len(argv) != 3:
        sys.exit(__doc__)
    svg, out = argv[1], argv[2]
    images = []
    for size in SIZES:
        png = subprocess.run(["rsvg-convert", "-w", str(size), "-h", str(size), svg],
                             check=True, capture_output=True).stdout
        if png[:8] != b"\x89PNG\r\n\x1a\n":
            sys.exit(f"windows-icon.py: rsvg-convert gave no PNG at {size} px")
        images.append((size, png))
    offset = 6 + 16 * len(images)
    head = struct.pack("<HHH", 0, 1, len(images))  # reserved, type 1 (icon), count
    entries, data = b"", b""
    for size, png in images:
        side = 0 if size == 256 else size  # 0 means 256
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset + len(data))
        data += png
    with open(out, "wb") as f:
        f.write(head + entries + data)


if __name__ == "__main__":
    main(sys.argv)
