#!/usr/bin/env python3
"""Cut one slice of a colour bitmap font (Noto Color Emoji: CBDT/CBLC) for the viewer.

Usage: subset-emoji.py FONT OUT --unicodes RANGES [--earlier RANGES]... [-- PYFTSUBSET OPTIONS...]

The slice is what pyftsubset keeps of FONT for the code points RANGES: their glyphs and every ligature of them (a ZWJ
sequence, a flag, a skin tone is one glyph, kept when all its code points are in RANGES). Then the bitmaps of the
glyphs that an earlier slice of the same font keeps too (each --earlier, in faces.def's order) are dropped, as their
glyph ids stay: Galley sets an emoji sequence from the first slice whose ranges hold all its code points
(wasm/core/text/emoji.h), never from a later one, so a later slice would only carry them for nothing. That is what
lets the five skin-tone slices each hold the people of one tone (about 0.9 MB) without the people without a tone
(another 1.1 MB) that their code points reach as well.
"""
import argparse
import sys

from fontTools import subset
from fontTools.ttLib import TTFont


def parse_unicodes(text):
    return subset.parse_unicodes(text.replace("U+", "").replace(",", " "))


def closure(font_path, unicodes, options):
    """The glyph names pyftsubset would keep of the font for these code points."""
    font = TTFont(font_path, lazy=True)
    s = subset.Subsetter(options=options)
    s.populate(unicodes=unicodes)
    s.subset(font)
    return set(font.getGlyphOrder())


def main():
    argv = sys.argv[1:]
    extra = []
    if "--" in argv:
        k = argv.index("--")
        argv, extra = argv[:k], argv[k + 1:]
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("font")
    parser.add_argument("out")
    parser.add_argument("--unicodes", required=True)
    parser.add_argument("--earlier", action="append", default=[])
    args = parser.parse_args(argv)

    options = subset.Options()
    options.parse_opts(extra)
    options.notdef_outline = True
    earlier = set()
    for ranges in args.earlier:
        earlier |= closure(args.font, parse_unicodes(ranges), options)

    font = subset.load_font(args.font, options)
    s = subset.Subsetter(options=options)
    s.populate(unicodes=parse_unicodes(args.unicodes))
    s.subset(font)
    if "CBDT" not in font or "CBLC" not in font:
        sys.exit(f"{args.font}: no CBDT/CBLC colour bitmaps")
    drop = earlier & set(font.getGlyphOrder())
    drop.discard(font.getGlyphOrder()[0])
    kept = 0
    for strike in font["CBDT"].strikeData:
        for name in drop:
            strike.pop(name, None)
        kept += len(strike)
    for strike in font["CBLC"].strikes:
        for table in strike.indexSubTables:
            table.names = [n for n in table.names if n not in drop]
        strike.indexSubTables = [t for t in strike.indexSubTables if t.names]
    font["CBLC"].strikes = [st for st in font["CBLC"].strikes if st.indexSubTables]
    font["CBDT"].strikeData = [st for st in font["CBDT"].strikeData if st]
    if kept == 0:
        sys.exit(f"{args.out}: every bitmap is an earlier slice's (check faces.def's order)")
    subset.save_font(font, args.out, options)


if __name__ == "__main__":
    main()
