#!/usr/bin/env python3
"""Write the licences that DIST must ship: Galley's own, the fonts' and every third party's.

Usage: make-notices.py DIST --license LICENSE --font-dir DIR [--font-dir DIR] --hyphen-dir DIR --imgui-dir DIR
                       --used FILE... [--sources DIR...] [--import-sources DIR...]

Writes into DIST:
  LICENSE.txt               Galley's licence (the repository's LICENSE)
  fonts/LICENSE-<id>.txt    for each licence the shipped fonts are under (OFL-1.1 for Noto): the copyright lines of
                            each of the fonts' Debian packages and the licence's full text, from their copyright files
  THIRD-PARTY-NOTICES.txt   what in DIST comes from whom: for each Debian package the build took something from, its
                            name, version, what came from it and its copyright file (/usr/share/doc/PKG/copyright)
                            verbatim; then Dear ImGui (from Debian's source package, its LICENSE.txt)
Packages are found from the files themselves (dpkg -S): the fonts and patterns in DIST by their names in --font-dir
and --hyphen-dir, the code by the --used files (headers compiled in, the compiler whose runtime is linked in). A
file no package owns, or a copyright file that is missing or not machine-readable, is an error. Files are rewritten
only when their content changes (cmake/notices.cmake runs this at every build).
"""
import argparse
import functools
import os
import re
import subprocess
import sys


# Licence names for the identifiers DEP-5 files use (SPDX), where a font package's may be.
LICENCE_NAMES = {"OFL-1.1": "SIL Open Font License, Version 1.1"}
# Other names packages give the same licence (the copyright files of fonts-noto-color-emoji and fonts-noto-cjk say
# SIL-1.1).
LICENCE_ALIASES = {"SIL-1.1": "OFL-1.1", "SIL-OFL-1.1": "OFL-1.1"}


def fail(message):
    sys.exit(f"make-notices: {message}")


# Remembered: hundreds of font slices are cut from a few files, and each dpkg-query reads dpkg's whole file database
# (seconds each on a loaded machine).
@functools.lru_cache(maxsize=None)
def owner(path):
    """The Debian package that installed `path` (following symlinks if the link itself is not owned)."""
    for candidate in dict.fromkeys((os.path.abspath(path), os.path.realpath(path))):
        result = subprocess.run(["dpkg-query", "-S", candidate], capture_output=True, text=True)
        if result.returncode == 0:
            return result.stdout.split(":", 1)[0].strip()
    fail(f"{path}: no Debian package owns it")


@functools.lru_cache(maxsize=None)
def version(package):
    result = subprocess.run(["dpkg-query", "-W", "-f=${Version}", package], capture_output=True, text=True)
    if result.returncode != 0:
        fail(f"{package}: not installed")
    return result.stdout.strip()


def copyright_text(package):
    path = f"/usr/share/doc/{package}/copyright"
    try:
        with open(path, encoding="utf-8") as f:
            return f.read()
    except OSError as e:
        fail(f"{path}: {e.strerror}")


def paragraphs(text):
    """A machine-readable (DEP-5) copyright file as a list of {field: value} paragraphs."""
    result = []
    for block in re.split(r"\n\s*\n", text.strip()):
        fields, name = {}, None
        for line in block.splitlines():
            if line.startswith((" ", "\t")) and name:
                fields[name] += "\n" + line
            elif ":" in line:
                name, value = line.split(":", 1)
                fields[name.strip()] = value.strip()
        result.append(fields)
    return result


def unfold(value):
    """A DEP-5 multi-line value as text: the leading space of each line dropped, '.' lines blank."""
    lines = []
    for line in value.splitlines()[1:]:
        line = line[1:] if line.startswith(" ") else line
        lines.append("" if line.strip() == "." else line)
    return "\n".join(lines).strip("\n") + "\n"


def font_licences(package):
    """(licence id, copyright lines, licence text) for the fonts of a font package: its 'Files: fonts/*' paragraph
    where the upstream keeps code beside them under another licence (fonts-noto-color-emoji), else 'Files: *'."""
    text = copyright_text(package)
    if not text.startswith("Format:"):
        fail(f"/usr/share/doc/{package}/copyright is not machine-readable (DEP-5)")
    paras = paragraphs(text)
    files = next((p for p in paras if any(f.startswith("fonts/") for f in p.get("Files", "").split())), None) or \
        next((p for p in paras if p.get("Files", "").split() == ["*"]), None)
    if not files or "License" not in files:
        fail(f"/usr/share/doc/{package}/copyright: no 'Files: *' paragraph with a License")
    declared = files["License"].splitlines()[0].strip()
    standalone = next((p for p in paras if "Files" not in p and p.get("License", "").startswith(declared)), None)
    body = unfold(files["License"]) if "\n" in files["License"] else (unfold(standalone["License"]) if standalone else "")
    if not body.strip():
        fail(f"/usr/share/doc/{package}/copyright: no text for licence {declared}")
    holders = "\n".join(f"Copyright {l.strip()}" for l in files.get("Copyright", "").splitlines() if l.strip())
    return LICENCE_ALIASES.get(declared, declared), holders, body


def write_if_changed(path, content):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    try:
        with open(path, encoding="utf-8") as f:
            if f.read() == content:
                return
    except OSError:
        pass
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(content)
    os.replace(tmp, path)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dist")
    parser.add_argument("--license", required=True, help="Galley's LICENSE")
    parser.add_argument("--font-dir", required=True, action="append",
                        help="where the shipped fonts' sources are (again for each other folder: Noto CJK's)")
    parser.add_argument("--hyphen-dir", required=True)
    parser.add_argument("--imgui-dir", required=True)
    parser.add_argument("--used", nargs="+", default=[], help="other files the build compiled or linked in")
    parser.add_argument("--sources", nargs="*", default=[],
                        help="folders of Debian source packages compiled in (scripts/fetch-debian-source.sh's, with "
                             "their .debian-source line and licence files)")
    parser.add_argument("--import-sources", nargs="*", default=[],
                        help="the same, compiled into the import module (import.wasm) only: md4c, gumbo")
    args = parser.parse_args()

    with open(args.license, encoding="utf-8") as f:
        write_if_changed(os.path.join(args.dist, "LICENSE.txt"), f.read())

    # What came from where: package → the names in DIST (or the file used) that came from it.
    uses = {}
    def add(package, what):
        uses.setdefault(package, []).append(what)
    shipped = {"fonts": args.font_dir, "hyphen": [args.hyphen_dir]}
    font_packages = set()
    for folder, source_dirs in shipped.items():
        found = sorted(n for n in os.listdir(os.path.join(args.dist, folder))
                       if n.endswith((".ttf", ".otf", ".dic")) or (folder == "hyphen" and n.endswith(".bin")))
        if not found:
            fail(f"{args.dist}/{folder}: nothing shipped there")
        for name in found:
            # A font slice (faces.def: "NotoSans-Bold.cyrillic.ttf") is cut from its face's file ("NotoSans-Bold.ttf"),
            # or from a collection ("NotoSerifCJK-Bold.sc-1.ttf" from "NotoSerifCJK-Bold.ttc").
            sources = [name]
            if folder == "hyphen":  # a compiled pattern file (hyph_en_US.bin) is made from its .dic
                sources = [os.path.splitext(name)[0] + ".dic"]
            if folder == "fonts":
                sources = [name.split(".")[0] + ext for ext in (os.path.splitext(name)[1], ".ttc")]
            paths = [os.path.join(d, s) for s in sources for d in source_dirs]
            path = next((p for p in paths if os.path.exists(p)), paths[0])
            package = owner(path)
            add(package, f"{folder}/{name}")
            if folder == "fonts":
                font_packages.add(package)
    for path in args.used:
        add(owner(path), path)

    # One file per licence, naming every font under it by package (Noto's text faces and Noto Color Emoji are both
    # OFL-1.1), with each package's copyright lines and the licence's text once.
    by_licence = {}
    for package in sorted(font_packages):
        licence_id, holders, body = font_licences(package)
        by_licence.setdefault(licence_id, []).append((package, holders, body))
    for licence_id, packages in by_licence.items():
        parts = []
        for package, holders, _ in packages:
            fonts = ", ".join(n.split("/", 1)[1] for n in uses[package] if n.startswith("fonts/"))
            parts.append(f"The fonts in this folder ({fonts}) are from Debian's {package} {version(package)},\n"
                         f"subset at build time.\n\n{holders}\n")
        write_if_changed(os.path.join(args.dist, "fonts", f"LICENSE-{licence_id}.txt"),
                         "\n".join(parts) + f"\nThey are under the {LICENCE_NAMES.get(licence_id, licence_id)}"
                         f" ({licence_id}):\n\n{packages[0][2]}")

    imgui_version_file = os.path.join(args.imgui_dir, ".debian-version")
    imgui_license = os.path.join(args.imgui_dir, "LICENSE.txt")
    for path in (imgui_version_file, imgui_license):
        if not os.path.isfile(path):
            fail(f"{path} is missing (scripts/fetch-imgui.sh writes it)")
    with open(imgui_version_file, encoding="utf-8") as f:
        imgui_version = f.read().strip()
    with open(imgui_license, encoding="utf-8") as f:
        imgui_text = f.read()

    rule = "=" * 100
    out = ["Third-party software and data in this site (Galley's own licence: LICENSE.txt)", "",
           "galley-core.wasm and galley-core.js, and the import module import.wasm and import.js, are compiled",
           "from Galley's sources together with the code listed below (headers, and the Emscripten runtime and",
           "system libraries the compiler links in); fonts/ and",
           "hyphen/ hold files taken from the Debian packages named below (each hyphen/*.bin compiled at build time",
           "from the unmodified .dic beside it).", ""]
    # Packages built from one source share its copyright file (the hyphen-* patterns: LibreOffice's dictionaries,
    # some 170 KB each): each text once, under every package that has it.
    by_text = {}
    for package in sorted(uses):
        by_text.setdefault(copyright_text(package).rstrip("\n"), []).append(package)
    for text, packages in by_text.items():
        for package in packages:
            out += [rule, f"{package} {version(package)} (Debian package)", "Used: " + ", ".join(uses[package])]
        out += [rule, "", text, ""]
    out += [rule, f"Dear ImGui (Debian source package imgui {imgui_version})",
            "Used: compiled into galley-core.wasm", rule, "", imgui_text.rstrip("\n"), ""]
    # The source packages compiled into the wasm (HarfBuzz, fribidi, libunibreak, libthai, libdatrie): each one's
    # Debian copyright file when the package came with one, and its upstream licence file.
    lgpl = []
    for folder, wasm in [(f, "galley-core.wasm") for f in args.sources] + [(f, "import.wasm") for f in args.import_sources]:
        marker = os.path.join(folder, ".debian-source")
        if not os.path.isfile(marker):
            fail(f"{marker} is missing (scripts/fetch-debian-source.sh writes it)")
        with open(marker, encoding="utf-8") as f:
            name, deb_version, suite = f.read().split()[:3]
        texts = []
        for licence in ("debian/copyright", "COPYING", "LICENCE", "LICENSE", "LICENSE.md", "doc/COPYING"):
            path = os.path.join(folder, licence)
            if os.path.isfile(path):
                with open(path, encoding="utf-8", errors="replace") as f:
                    texts.append(f"--- {licence} ---\n" + f.read().rstrip("\n"))
        if not texts:
            fail(f"{folder}: no copyright or licence file")
        if any("GNU LESSER GENERAL PUBLIC LICENSE" in t or "GNU Library General Public" in t for t in texts):
            lgpl.append(f"{name} {deb_version}")
        out += [rule, f"{name} (Debian source package {name} {deb_version}, {suite})",
                f"Used: compiled into {wasm}", rule, ""] + texts + [""]
    if lgpl:
        out += [rule, "Relinking (LGPL-2.1, section 6): " + ", ".join(lgpl) + " are compiled into galley-core.wasm.",
                "Galley's complete sources, and the scripts that fetch these libraries' sources from Debian and build",
                "this site from them (scripts/setup.sh), are published with it; anyone may rebuild galley-core.wasm",
                "with a modified library from those.", rule, ""]
    write_if_changed(os.path.join(args.dist, "THIRD-PARTY-NOTICES.txt"), "\n".join(out))


if __name__ == "__main__":
    main()
