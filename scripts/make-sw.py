#!/usr/bin/env python3
"""Write DIST/sw.js: Galley's service worker for exactly the files now in DIST.

Usage: make-sw.py DIST [--template scripts/sw.template.js]

Every file under DIST (except sw.js itself, dot files and pre-compressed .br/.gz copies) goes into the worker's list
with its SHA-256 as a Subresource Integrity string; the worker precaches them at install but those matched by
--on-demand (less --precache), which it caches when a page first asks for them, and the build is named by a hash of those hashes plus the template, so that any change
to any file, or to the worker's own code, gives a new sw.js and a new cache name. Run it after everything else is in
DIST (cmake/pwa.cmake does, at every build); to deploy a change made by hand, run it again on the deployed copy.
sw.js is rewritten only when its content changes. Prints the build hash (stdout) and what the install precaches (stderr).
"""
import argparse
import fnmatch
import base64
import hashlib
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
MARKER = re.compile(r"/\*@galley-build\*/.*?/\*@end\*/", re.S)
SKIPPED = {"sw.js"}
# Pre-compressed copies (scripts/precompress.py) are other encodings of listed files, not URLs of their own.
SKIPPED_SUFFIXES = (".tmp", ".br", ".gz")


def shell_files(dist):
    """Paths relative to DIST, with '/' separators, sorted (so the hash does not depend on directory order)."""
    found = []
    for root, dirs, files in os.walk(dist):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            rel = os.path.relpath(os.path.join(root, name), dist).replace(os.sep, "/")
            if not name.startswith(".") and not name.endswith(SKIPPED_SUFFIXES) and rel not in SKIPPED:
                found.append(rel)
    return sorted(found)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dist")
    parser.add_argument("--template", default=os.path.join(HERE, "sw.template.js"))
    parser.add_argument("--on-demand", nargs="*", default=[], metavar="GLOB",
                        help="files of the build the worker caches when a page first fetches them, not at install "
                             "(font slices and patterns that only some articles need)")
    parser.add_argument("--precache", nargs="*", default=[], metavar="GLOB",
                        help="exceptions to --on-demand: precached all the same")
    args = parser.parse_args()

    with open(args.template, encoding="utf-8") as f:
        template = f.read()
    if not MARKER.search(template):
        sys.exit(f"{args.template}: no /*@galley-build*/ ... /*@end*/ marker")

    files = {}
    build = hashlib.sha256(template.encode("utf-8"))
    for rel in shell_files(args.dist):
        with open(os.path.join(args.dist, rel), "rb") as f:
            digest = hashlib.sha256(f.read()).digest()
        files[rel] = "sha256-" + base64.b64encode(digest).decode("ascii")
        build.update(f"{rel}\0{digest.hex()}\n".encode("utf-8"))
    build_hash = build.hexdigest()[:16]
    on_demand = sorted(rel for rel in files if any(fnmatch.fnmatchcase(rel, g) for g in args.on_demand)
                       and not any(fnmatch.fnmatchcase(rel, g) for g in args.precache))

    payload = json.dumps({"hash": build_hash, "files": files, "onDemand": on_demand}, indent=1, ensure_ascii=True)
    script = MARKER.sub(lambda _: payload, template, count=1)
    target = os.path.join(args.dist, "sw.js")
    try:
        with open(target, encoding="utf-8") as f:
            unchanged = f.read() == script
    except OSError:
        unchanged = False
    if not unchanged:
        tmp = target + ".tmp"
        with open(tmp, "w", encoding="utf-8") as f:
            f.write(script)
        os.replace(tmp, target)   # a server never sees half a worker
    precached = [rel for rel in files if rel not in on_demand]
    precached_bytes = sum(os.path.getsize(os.path.join(args.dist, rel)) for rel in precached)
    print(build_hash)   # alone on stdout: deploy scripts read it
    print(f"make-sw: precached at install: {len(precached)} of {len(files)} files, {precached_bytes} bytes; the rest "
          f"when a page first asks", file=sys.stderr)


if __name__ == "__main__":
    main()
