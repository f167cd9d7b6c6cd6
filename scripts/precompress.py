#!/usr/bin/env python3
"""Write pre-compressed copies next to each file of a static site: FILE.br (brotli, quality 11) and FILE.gz (gzip -9).

Usage: precompress.py DIR [--brotli PATH]

Static hosts (and scripts/serve.py) send FILE.br or FILE.gz with Content-Encoding when the browser accepts it, so the
site pays for the strongest compression once, at build time, instead of a fast one per request. A copy is written
again only when its file is newer; copies of files that are gone are removed. Without --brotli, only .gz copies.
"""
import argparse
import gzip
import os
import subprocess
import sys

# Text and binary formats that compress; images are compressed already.
COMPRESSIBLE = (".html", ".js", ".mjs", ".css", ".json", ".webmanifest", ".wasm", ".ttf", ".dic", ".svg", ".txt",
                ".bin")


def stale(copy, original):
    return not os.path.exists(copy) or os.path.getmtime(copy) < os.path.getmtime(original)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dir")
    parser.add_argument("--brotli", default="", help="path of the brotli command (empty: no .br copies)")
    args = parser.parse_args()
    written = 0
    for root, _, files in os.walk(args.dir):
        for name in files:
            path = os.path.join(root, name)
            if name.endswith((".br", ".gz")):
                if not os.path.exists(path[:-3]):
                    os.remove(path)
                continue
            if not name.endswith(COMPRESSIBLE):
                continue
            # Each copy is written under a temporary name and renamed into place, so that a host (or a second build
            # running at the same time) never sees a half-written one.
            temp = f"{path}.{os.getpid()}.tmp"
            if stale(path + ".gz", path):
                with open(path, "rb") as f:
                    data = f.read()
                # mtime=0: the same input gives the same bytes (reproducible builds, stable ETags).
                with open(temp, "wb") as f:
                    f.write(gzip.compress(data, compresslevel=9, mtime=0))
                os.replace(temp, path + ".gz")
                written += 1
            if args.brotli and stale(path + ".br", path):
                subprocess.run([args.brotli, "-f", "-q", "11", "-o", temp, path], check=True)
                os.replace(temp, path + ".br")
                written += 1
    print(f"precompress: {written} copies written in {args.dir}", file=sys.stderr)


if __name__ == "__main__":
    main()
