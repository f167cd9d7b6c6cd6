#!/usr/bin/env python3
"""Draw Galley's app icons as PNG files: a page of justified text on the galley red.

Usage: make-icons.py OUTDIR
Writes icon-192.png and icon-512.png (rounded square, transparent corners: purpose "any") and
icon-maskable-512.png (full bleed, the page inside the central safe circle: purpose "maskable"), plus
apple-touch-icon.png (180 px, full bleed: iOS rounds the corners itself).

Pure Python 3 and zlib (no PIL), so Debian's /usr/bin/python3 runs it at build time. Shapes are signed distance
functions, antialiased by coverage = clamp(0.5 - distance), which is exact enough for straight edges and rounded
corners and costs one evaluation per pixel and shape (no supersampling).
"""
import os
import struct
import sys
import zlib

RED = (0x8B, 0x2C, 0x1A)       # the theme's accent (themes.js): the drop of colour on the reader's page
PAPER = (0xFB, 0xFA, 0xF7)     # the light theme's background
INK = (0x1C, 0x1B, 0x19)       # the light theme's text
HEADLINE = RED                 # the headline, in the accent


def rounded_rect_distance(px, py, x0, y0, x1, y1, r):
    """Signed distance (pixels) from (px, py) to a rectangle with corner radius r; negative inside."""
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    hx, hy = (x1 - x0) / 2 - r, (y1 - y0) / 2 - r
    dx, dy = abs(px - cx) - hx, abs(py - cy) - hy
    outside = (max(dx, 0.0) ** 2 + max(dy, 0.0) ** 2) ** 0.5
    return outside + min(max(dx, dy), 0.0) - r


class Canvas:
    def __init__(self, size):
        self.size = size
        self.rgba = bytearray(size * size * 4)   # transparent

    def fill_rounded_rect(self, x0, y0, x1, y1, r, color):
        """Composites a rounded rectangle (coordinates in pixels, may be fractional) over what is there."""
        for y in range(max(0, int(y0) - 1), min(self.size, int(y1) + 2)):
            py = y + 0.5
            for x in range(max(0, int(x0) - 1), min(self.size, int(x1) + 2)):
                coverage = 0.5 - rounded_rect_distance(x + 0.5, py, x0, y0, x1, y1, r)
                if coverage <= 0:
                    continue
                self.blend(x, y, color, min(coverage, 1.0))

    def blend(self, x, y, color, alpha):
        i = (y * self.size + x) * 4
        dst_a = self.rgba[i + 3] / 255
        out_a = alpha + dst_a * (1 - alpha)
        for c in range(3):
            dst = self.rgba[i + c]
            self.rgba[i + c] = round((color[c] * alpha + dst * dst_a * (1 - alpha)) / out_a) if out_a else 0
        self.rgba[i + 3] = round(out_a * 255)

    def png(self):
        rows = b"".join(b"\x00" + bytes(self.rgba[y * self.size * 4:(y + 1) * self.size * 4])
                        for y in range(self.size))

        def chunk(kind, data):
            return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

        header = struct.pack(">IIBBBBB", self.size, self.size, 8, 6, 0, 0, 0)   # 8-bit RGBA
        return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9))
                + chunk(b"IEND", b""))


def draw_icon(size, full_bleed):
    """full_bleed: the red fills the square (maskable, Apple); otherwise a rounded square with transparent corners.
    The page always stays inside the central 80% circle, the safe zone of maskable icons."""
    s = size / 512   # the design is drawn on a 512 grid
    canvas = Canvas(size)
    if full_bleed:
        canvas.fill_rounded_rect(0, 0, size, size, 0, RED)
    else:
        canvas.fill_rounded_rect(16 * s, 16 * s, 496 * s, 496 * s, 104 * s, RED)
    # The page, x 132..380 and y 100..412: its corners lie sqrt(124² + 156²) ≈ 199 from the centre, inside the
    # safe circle's radius of 0.4 × 512 ≈ 205, so no platform mask cuts into it.
    canvas.fill_rounded_rect(132 * s, 100 * s, 380 * s, 412 * s, 14 * s, PAPER)
    # A headline, then justified lines of text, the last one short: what Galley does.
    canvas.fill_rounded_rect(164 * s, 138 * s, 332 * s, 162 * s, 6 * s, HEADLINE)
    line_top, line_height, bar = 196, 34, 13
    for i in range(6):
        y = line_top + i * line_height
        right = 348 if i < 5 else 270
        canvas.fill_rounded_rect(164 * s, y * s, right * s, (y + bar) * s, bar / 2 * s, INK)
    return canvas.png()


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__.strip().splitlines()[2])
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    icons = {"icon-192.png": (192, False), "icon-512.png": (512, False), "icon-maskable-512.png": (512, True),
             "apple-touch-icon.png": (180, True)}
    for name, (size, full_bleed) in icons.items():
        data = draw_icon(size, full_bleed)
        path = os.path.join(out, name)
        # Unchanged bytes are not rewritten: the service worker's content hash and the build stay put.
        try:
            with open(path, "rb") as f:
                if f.read() == data:
                    continue
        except OSError:
            pass
        with open(path, "wb") as f:
            f.write(data)


if __name__ == "__main__":
    main()
