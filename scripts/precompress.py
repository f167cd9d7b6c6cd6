#!/usr/bin/env python3
"""Write pre-compressed copies next to each file of a static site: FILE.br (brotli, quality 11; 5 for
files over 2 MB) and FILE.gz (gzip -9).

Usage: precompress.py DIR [--brotli PATH]

Static hosts (and scripts/serve.py) send FILE.br or FILE.gz with Content-Encoding when the browser accepts it, so the
site pays for the strongest compression once, at build time, instead of a fast one per request. A copy is written
again only when its file is newer; copies of files that are gone are removed. Without --brotli, only .gz copies.
"""
import argparse
import concurrent.futures
import gzip
import os
import subprocess
import sys
import threading

# Text and binary formats that compress; images are compressed already.
COMPRESSIBLE = (".html", ".js", ".mjs", ".css", ".json", ".webmanifest", ".wasm", ".ttf", ".dic", ".svg", ".txt",
                ".bin")


# Brotli's quality 11 packs best but runs at well under 1 MB/s; the largest files (the rarest CJK characters' slices,
# 6-11 MB each, 143 MB in all) would take most of an hour on this machine's two cores. Above LARGE_FILE they get
# quality 5 instead: Noto Serif CJK's Korean Hanja slice (11.0 MB) packs to 7.39 MB in 5 s instead of 6.27 MB in 240 s.
# Only an article with such a character fetches one; what every CJK article fetches is far smaller than this.
LARGE_FILE = 2_000_000
LARGE_FILE_QUALITY = "5"


def stale(copy, original):
    return not os.path.exists(copy) or os.path.getmtime(copy) < os.path.getmtime(original)


def compress(path, brotli):
    """Writes the stale copies of one file; returns how many."""
    written = 0
    # Each copy is written under a temporary name and renamed into place, so that a host (or a second build running
    # at the same time) never sees a half-written one.
    temp = f"{path}.{os.getpid()}.{threading.get_ident()}.tmp"
    if stale(path + ".gz", path):
        with open(path, "rb") as f:
            data = f.read()
        # mtime=0: the same input gives the same bytes (reproducible builds, stable ETags).
        with open(temp, "wb") as f:
            f.write(gzip.compress(data, compresslevel=9, mtime=0))
        os.replace(temp, path + ".gz")
        written += 1
    if brotli and stale(path + ".br", path):
        quality = LARGE_FILE_QUALITY if os.path.getsize(path) > LARGE_FILE else "11"
        # -n: the copy's own time, not its file's. brotli would copy the file's time in whole seconds, older than the
        # file's own, and every build would find the copy stale and write it again.
        subprocess.run([brotli, "-f", "-n", "-q", quality, "-o", temp, path], check=True)
        os.replace(temp, path + ".br")
        written += 1
    return written


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dir")
    parser.add_argument("--brotli", default="", help="path of the brotli command (empty: no .br copies)")
    args = parser.parse_args()
    paths = []
    for root, _, files in os.walk(args.dir):
        for name in files:
            path = os.path.join(root, name)
            if name.endswith((".br", ".gz")):
                if not os.path.exists(path[:-3]):
                    os.remove(path)
                continue
            if name.endswith(COMPRESSIBLE):
                paths.append(path)
    # One file per core at a time (zlib and the brotli processes run outside Python's lock): the CJK slices alone are
    # some 165 MB, minutes of brotli at quality 11 on one core. Largest first, so that no big file starts last.
    paths.sort(key=os.path.getsize, reverse=True)
    with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        written = sum(pool.map(lambda p: compress(p, args.brotli), paths))
    print(f"precompress: {written} copies written in {args.dir}", file=sys.stderr)


if __name__ == "__main__":
    main()
