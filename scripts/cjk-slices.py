#!/usr/bin/env python3
"""Work out what each CJK slice of faces.def holds: the code points of every CJK slice, for the font subsetter and
for C++'s sliceOf.

Usage: cjk-slices.py FACES_DEF UNIHAN_DIR CJK_FONT_DIR OUT_DIR

A CJK slice's ranges (faces.def) begin with its face ("SC:") and may hold "#a-b": the characters ranked a to b in
that face's order, most frequent first; and "symbols": the symbols of the face's national charset (GB 2312, Big5,
JIS X 0208, KS X 1001, as Python's codecs have them) among punctuation, letterlike and mathematical symbols, arrows,
enclosed numbers, box drawing, shapes and the enclosed and compatibility CJK forms (∼ ① ● ※ ㎞), which only articles
in the face's languages set from it. This script ranks them from Unicode's Unihan database (Debian's unicode-data:
UNIHAN_DIR/Unihan_*.txt.bz2), run by CMake at configure time (cmake/faces.cmake); nothing it reads or writes is kept
in the repository. A slice holds only what its face has (the cmaps of CJK_FONT_DIR's collections, Noto CJK's). The
orders:
  SC  the 6,763 Hanzi of GB 2312, by an estimate of their rank in running text from kHanyuPinlu (counts in a corpus of
      modern Mandarin) and kFrequency (five frequency bands of Chinese Usenet text), with GB 2312's level 1 (its
      3,755 common characters) as a weaker third; then those of kTGHZ2013 (the PRC's 2013 standard list of 8,105
      characters) that GB 2312 lacks, mostly of names and places (喆, 堃), by the same estimate;
  TC  the 13,060 Hanzi of Big5, by kFrequency, kGradeLevel (the school grade Hong Kong teaches a character in) and
      kHanyuPinlu of their simplified form, Big5's level 1 (5,401 common characters) the third;
  JP  the Jōyō kanji (kJoyoKanji), then the Jinmeiyō kanji (kJinmeiyoKanji), then the rest of JIS X 0208 (level 1,
      then level 2; kJis0), each group by the Chinese estimate of the same character or its variants;
  KR  the 2,350 Hangul syllables of KS X 1001 (Python's euc_kr codec, in its order), then its 4,888 Hanja (kKSC0):
      the 1,800 taught in Korean schools (kKoreanEducationHanja) first, each group by the Chinese estimate.
An estimate combines the ranks each source gives (the geometric mean of those it has), so that a surname that a
corpus of prose rarely holds but Usenet often does (李) still ranks high.

Writes into OUT_DIR (only files whose content changed):
  cjk-tiers.bin     for sliceOf (cjk_tiers.h: CjkTiers): for each face, in pages of 256 code points, which "#" range
                    of that face's slices each ranked character falls in (its ordinal among them, from 1; 255 for the
                    face's symbols; 0 for none), a byte each. The viewer fetches it (dist/fonts) for the articles that
                    need it, so that others do not pay for it in the wasm
  cjk_tiers.inc     the same bytes as a C++ string literal, for the programs that build them in (native ones, tests)
  <Slice>.unicodes  for each CJK slice, the code points it holds (hex ranges, one per line): the subsetter's
                    --unicodes-file. A code point goes to the first slice that holds it, as sliceOf decides
  cjk-slices.cmake  for cmake/faces.cmake: for each CJK slice, GALLEY_CJK_SLICE_<Slice>_INDEX (its face's index in the
                    collections), _UNICODES_FILE and _CSS_RANGE (coarse: the 256-code-point pages it has
                    anything in, for the page's unicode-range), _COUNT (how many code points it holds)
"""
import bz2
import codecs
import math
import os
import re
import sys

SLICE_LINE = re.compile(r'^GALLEY_SLICE\(([A-Za-z0-9]+), "([.a-z0-9-]*)", "([^"]*)"((?:, "[A-Za-z-]*"){4})\)$')
CJK_LINE = re.compile(r'^GALLEY_CJK\(([A-Z]+), ([0-9]+), "([^"]*)", "([^"]*)"\)$')
RANGE_ITEM = re.compile(r'^U\+([0-9A-F]+)(?:-([0-9A-F]+))?$')
RANK_ITEM = re.compile(r'^#([0-9]+)-([0-9]+)$')
SYMBOLS_ITEM = "symbols"
# The ordinal cjk_tiers.inc gives a face's symbols ("symbols" in a slice's ranges): above any # range's.
SYMBOLS_ORDINAL = 255
# Where the symbols a face's charset holds are looked for: general punctuation to miscellaneous symbols and arrows,
# and the enclosed and compatibility CJK forms (㈜, ㎞).
SYMBOL_BLOCKS = [(0x2000, 0x2BFF), (0x3200, 0x33FF)]
# Each face's national charset (Python's codecs), for its symbols.
CHARSETS = {"SC": "gb2312", "TC": "big5", "JP": "euc_jp", "KR": "euc_kr"}


def fail(message):
    sys.exit(f"cjk-slices: {message}")


def parse_ranges(text, symbols=None):
    """"U+3000-303F,#1-1000,symbols" -> ([(first, last)], [(rank first, rank last)]); symbols[0] set if "symbols"."""
    ranges, ranks = [], []
    for item in text.split(",") if text else []:
        if item == SYMBOLS_ITEM and symbols is not None:
            symbols[0] = True
            continue
        m = RANGE_ITEM.match(item)
        if m:
            first = int(m.group(1), 16)
            ranges.append((first, int(m.group(2), 16) if m.group(2) else first))
            continue
        m = RANK_ITEM.match(item)
        if not m:
            fail(f"faces.def: cannot read range `{item}`")
        ranks.append((int(m.group(1)), int(m.group(2))))
    return ranges, ranks


def read_faces_def(path):
    faces, slices = {}, []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("GALLEY_CJK("):
                m = CJK_LINE.match(line)
                if not m:
                    fail(f"faces.def: cannot read `{line}`")
                own, ranks = parse_ranges(m.group(4))
                if ranks:
                    fail(f"faces.def: {m.group(1)}: a face's own code points are ranges only")
                faces[m.group(1)] = {"index": int(m.group(2)), "own": own, "order": len(faces)}
            elif line.startswith("GALLEY_SLICE("):
                m = SLICE_LINE.match(line)
                if not m:
                    fail(f"faces.def: cannot read `{line}`")
                spec = m.group(3)
                face = None
                if ":" in spec:
                    face, spec = spec.split(":", 1)
                symbols = [False]
                ranges, ranks = parse_ranges(spec, symbols)
                if len(ranks) > 1:
                    fail(f"faces.def: {m.group(1)}: one # range a slice")
                slices.append({"name": m.group(1), "face": face, "ranges": ranges, "rank": ranks[0] if ranks else None,
                               "symbols": symbols[0], "sources": re.findall(r'"([A-Za-z-]*)"', m.group(4))})
    for s in slices:
        if s["face"] is not None and s["face"] not in faces:
            fail(f"faces.def: {s['name']}: no GALLEY_CJK line for face {s['face']}")
        if (s["rank"] or s["symbols"]) and s["face"] is None:
            fail(f"faces.def: {s['name']}: # ranges and symbols need a CJK face")
    return faces, slices


def read_unihan(folder, name, keys):
    out = {k: {} for k in keys}
    path = os.path.join(folder, f"Unihan_{name}.txt.bz2")
    try:
        with bz2.open(path, "rt", encoding="utf-8") as f:
            for line in f:
                if line.startswith("#") or not line.strip():
                    continue
                cp, key, value = line.rstrip("\n").split("\t", 2)
                if key in out:
                    out[key][int(cp[2:], 16)] = value
    except OSError as e:
        fail(f"{path}: {e.strerror} (Debian's unicode-data installs it)")
    return out


def codes(value):
    """"U+5F35 U+5F20<kMatthews" -> [0x5F35, 0x5F20]."""
    return [int(m, 16) for m in re.findall(r"U\+([0-9A-F]+)", value)]


class Unihan:
    def __init__(self, folder):
        readings = read_unihan(folder, "Readings", ["kHanyuPinlu", "kTGHZ2013"])
        dictionary = read_unihan(folder, "DictionaryLikeData", ["kFrequency", "kGradeLevel"])
        mappings = read_unihan(folder, "OtherMappings", ["kGB0", "kBigFive", "kJis0", "kKSC0", "kJoyoKanji",
                                                          "kJinmeiyoKanji", "kKoreanEducationHanja"])
        variants = read_unihan(folder, "Variants", ["kSimplifiedVariant", "kTraditionalVariant"])
        self.pinlu = {c: sum(int(n) for n in re.findall(r"\((\d+)\)", v)) for c, v in readings["kHanyuPinlu"].items()}
        self.frequency = {c: int(v) for c, v in dictionary["kFrequency"].items()}
        self.grade = {c: int(v) for c, v in dictionary["kGradeLevel"].items()}
        self.gb = mappings["kGB0"]            # "RRCC", rows 16-55 level 1, 56-87 level 2
        self.tghz = set(readings["kTGHZ2013"])  # 通用规范汉字表 (2013): the 8,105 characters of today's PRC standard
        self.big5 = mappings["kBigFive"]      # "A440"-"C67E" level 1
        self.jis = mappings["kJis0"]          # "RRCC", rows 16-47 level 1, 48-84 level 2
        self.ksc = mappings["kKSC0"]
        # kJoyoKanji and kJinmeiyoKanji list the year of the list (and, for a few, the code point of the form the
        # list uses instead): the characters with a year are in it.
        self.joyo = {c for c, v in mappings["kJoyoKanji"].items() if not v.startswith("U+")}
        self.jinmeiyo = {c for c, v in mappings["kJinmeiyoKanji"].items() if not v.startswith("U+")}
        self.education = set(mappings["kKoreanEducationHanja"])
        self.simplified = {c: codes(v) for c, v in variants["kSimplifiedVariant"].items()}
        self.traditional = {c: codes(v) for c, v in variants["kTraditionalVariant"].items()}
        # Ranks by each source. kHanyuPinlu: by count. kFrequency: the middle rank of the character's band.
        by_count = sorted(self.pinlu, key=lambda c: (-self.pinlu[c], c))
        self.pinlu_rank = {c: i + 1 for i, c in enumerate(by_count)}
        bands = {}
        for band in sorted(set(self.frequency.values())):
            before = sum(1 for v in self.frequency.values() if v < band)
            size = sum(1 for v in self.frequency.values() if v == band)
            bands[band] = before + size / 2
        self.frequency_rank = {c: bands[v] for c, v in self.frequency.items()}
        grades = {}
        for grade in sorted(set(self.grade.values())):
            before = sum(1 for v in self.grade.values() if v < grade)
            size = sum(1 for v in self.grade.values() if v == grade)
            grades[grade] = before + size / 2
        self.grade_rank = {c: grades[v] for c, v in self.grade.items()}

    @staticmethod
    def combine(ranks, fallback):
        ranks = [r for r in ranks if r is not None]
        if not ranks:
            return fallback
        return math.exp(sum(math.log(r) for r in ranks) / len(ranks))

    def simplified_estimate(self, c, fallback):
        """The rank of c in Simplified Chinese text: kHanyuPinlu and kFrequency (of c, else of its traditional form)."""
        frequency = self.frequency_rank.get(c)
        if frequency is None:
            frequency = min((self.frequency_rank[t] for t in self.traditional.get(c, []) if t in self.frequency_rank),
                            default=None)
        return self.combine([self.pinlu_rank.get(c), frequency], fallback)

    def traditional_estimate(self, c, fallback):
        """The rank of c in Traditional Chinese text: kFrequency, kGradeLevel, kHanyuPinlu of its simplified form."""
        pinlu = self.pinlu_rank.get(c)
        if pinlu is None:
            pinlu = min((self.pinlu_rank[s] for s in self.simplified.get(c, []) if s in self.pinlu_rank), default=None)
        return self.combine([self.frequency_rank.get(c), self.grade_rank.get(c), pinlu], fallback)

    def any_estimate(self, c, fallback):
        """For Japanese and Korean: the best Chinese estimate of c or of its simplified and traditional forms."""
        forms = [c] + self.simplified.get(c, []) + self.traditional.get(c, [])
        return min(min(self.simplified_estimate(f, fallback), self.traditional_estimate(f, fallback)) for f in forms)


def gb_level(value):
    return 1 if int(value[:2]) < 56 else 2


def jis_level(value):
    return 1 if int(value[:2]) < 48 else 2


def big5_level(value):
    return 1 if "A440" <= value <= "C67E" else 2


def ks_x_1001_hangul():
    out = []
    for lead in range(0xB0, 0xC9):
        for trail in range(0xA1, 0xFF):
            try:
                c = bytes([lead, trail]).decode("euc_kr")
            except UnicodeDecodeError:
                continue
            if 0xAC00 <= ord(c) <= 0xD7A3:
                out.append(ord(c))
    return out


# The rank a source gives characters it does not list: after all it lists.
UNLISTED = 10000.0


def orders(u):
    """Each face's order of characters, most frequent first."""
    def by(estimate, candidates, level=None, weight=1.0):
        # The charset's level as a third, weaker source: its common level ranks in the middle of its size.
        def key(c):
            r = estimate(c, UNLISTED)
            if level is not None:
                r = math.exp((math.log(r) * 2 + math.log(level(c)) * weight) / (2 + weight))
            return (r, c)
        return sorted(candidates, key=key)
    gb_level_rank = lambda c: 1900.0 if gb_level(u.gb[c]) == 1 else 5300.0
    big5_level_rank = lambda c: 2700.0 if big5_level(u.big5[c]) == 1 else 9200.0
    sc = by(u.simplified_estimate, list(u.gb), gb_level_rank)
    sc += by(u.simplified_estimate, sorted(u.tghz - set(u.gb)))  # names and places' characters GB 2312 lacks
    tc = by(u.traditional_estimate, list(u.big5), big5_level_rank)
    joyo = by(u.any_estimate, sorted(u.joyo))
    jinmeiyo = by(u.any_estimate, sorted(u.jinmeiyo - u.joyo))
    listed = u.joyo | u.jinmeiyo
    jis1 = by(u.any_estimate, [c for c, v in u.jis.items() if jis_level(v) == 1 and c not in listed])
    jis2 = by(u.any_estimate, [c for c, v in u.jis.items() if jis_level(v) == 2 and c not in listed])
    education = by(u.any_estimate, sorted(c for c in u.ksc if c in u.education))
    other_hanja = by(u.any_estimate, sorted(c for c in u.ksc if c not in u.education))
    return {"SC": sc, "TC": tc, "JP": joyo + jinmeiyo + jis1 + jis2,
            "KR": ks_x_1001_hangul() + education + other_hanja}


def charset_symbols(codec):
    """The symbols of a CJK charset (double-byte codes) in SYMBOL_BLOCKS."""
    out = set()
    for lead in range(0x81, 0xFF):
        for trail in range(0x40, 0xFF):
            try:
                c = bytes([lead, trail]).decode(codec)
            except UnicodeDecodeError:
                continue
            if len(c) == 1 and any(a <= ord(c) <= b for a, b in SYMBOL_BLOCKS):
                out.add(ord(c))
    return out


def cmap_of(path, index):
    """The code points face `index` of an OpenType collection (or font) maps to a glyph: its Unicode cmap (format 4 or
    12), read here so that the script needs nothing but Python."""
    import struct
    with open(path, "rb") as f:
        data = f.read()
    offset = 0
    if data[:4] == b"ttcf":
        count = struct.unpack_from(">I", data, 8)[0]
        if index >= count:
            fail(f"{path}: no face {index}")
        offset = struct.unpack_from(">I", data, 12 + 4 * index)[0]
    tables = {}
    for i in range(struct.unpack_from(">H", data, offset + 4)[0]):
        tag, _, table_offset, _ = struct.unpack_from(">4sIII", data, offset + 12 + 16 * i)
        tables[tag] = table_offset
    if b"cmap" not in tables:
        fail(f"{path}: face {index} has no cmap")
    cmap = tables[b"cmap"]
    subtables = {}
    for i in range(struct.unpack_from(">H", data, cmap + 2)[0]):
        platform, encoding, sub = struct.unpack_from(">HHI", data, cmap + 4 + 8 * i)
        subtables[(platform, encoding)] = cmap + sub
    out = set()
    for key in ((3, 10), (0, 4), (0, 6)):
        if key in subtables and struct.unpack_from(">H", data, subtables[key])[0] == 12:
            at = subtables[key]
            for g in range(struct.unpack_from(">I", data, at + 12)[0]):
                first, last, glyph = struct.unpack_from(">III", data, at + 16 + 12 * g)
                out.update(c for c in range(first, last + 1) if glyph + c - first != 0)
            return out
    for key in ((3, 1), (0, 3)):
        if key in subtables and struct.unpack_from(">H", data, subtables[key])[0] == 4:
            at = subtables[key]
            segments = struct.unpack_from(">H", data, at + 6)[0] // 2
            ends = struct.unpack_from(f">{segments}H", data, at + 14)
            starts = struct.unpack_from(f">{segments}H", data, at + 16 + 2 * segments)
            deltas = struct.unpack_from(f">{segments}h", data, at + 16 + 4 * segments)
            range_at = at + 16 + 6 * segments
            offsets = struct.unpack_from(f">{segments}H", data, range_at)
            for i in range(segments):
                for c in range(starts[i], ends[i] + 1):
                    if c == 0xFFFF:
                        continue
                    if offsets[i] == 0:
                        glyph = (c + deltas[i]) & 0xFFFF
                    else:
                        glyph = struct.unpack_from(">H", data, range_at + 2 * i + offsets[i] + 2 * (c - starts[i]))[0]
                        glyph = (glyph + deltas[i]) & 0xFFFF if glyph else 0
                    if glyph:
                        out.add(c)
            return out
    fail(f"{path}: face {index} has no Unicode cmap of format 4 or 12")


def in_ranges(cp, ranges):
    return any(a <= cp <= b for a, b in ranges)


def compact(cps):
    """Sorted code points -> [(first, last)] runs."""
    out = []
    for c in sorted(cps):
        if out and out[-1][1] == c - 1:
            out[-1][1] = c
        else:
            out.append([c, c])
    return [tuple(r) for r in out]


def write_if_changed(path, content):
    try:
        with open(path, encoding="utf-8") as f:
            if f.read() == content:
                return
    except OSError:
        pass
    with open(path + ".tmp", "w", encoding="utf-8") as f:
        f.write(content)
    os.replace(path + ".tmp", path)


def main():
    if len(sys.argv) != 5:
        fail("usage: cjk-slices.py FACES_DEF UNIHAN_DIR CJK_FONT_DIR OUT_DIR")
    faces_def, unihan_dir, font_dir, out_dir = sys.argv[1:]
    faces, slices = read_faces_def(faces_def)
    # What each face has, in any of the collections its slices are cut from: a slice holds nothing its face lacks, so
    # that no article fetches a file for a code point it would still draw as .notdef.
    collections = sorted({f for s in slices if s["face"] for f in s["sources"] if f})
    coverage = {}
    for name, face in faces.items():
        coverage[name] = set()
        for c in collections:
            coverage[name] |= cmap_of(os.path.join(font_dir, f"{c}.ttc"), face["index"])
    os.makedirs(out_dir, exist_ok=True)
    order = orders(Unihan(unihan_dir))
    for name in faces:
        if name not in order:
            fail(f"faces.def: no order for CJK face {name} (scripts/cjk-slices.py knows {', '.join(order)})")

    # The ordinal of each slice's # range among its face's, from 1, and each face's ranked characters' ordinals.
    ordinal = {}
    tiers = {name: {} for name in faces}
    for s in slices:
        if s["rank"]:
            ordinal[s["name"]] = sum(1 for t in slices[:slices.index(s)] if t["rank"] and t["face"] == s["face"]) + 1
            if ordinal[s["name"]] >= SYMBOLS_ORDINAL:
                fail(f"faces.def: {s['name']}: at most {SYMBOLS_ORDINAL - 1} # ranges a face")
            first, last = s["rank"]
            for c in order[s["face"]][first - 1:last]:
                if c in coverage[s["face"]]:
                    tiers[s["face"]].setdefault(c, ordinal[s["name"]])
    symbol_slices = {}
    for s in slices:
        if s["symbols"]:
            if s["face"] in symbol_slices:
                fail(f"faces.def: {s['name']}: face {s['face']}'s symbols are in {symbol_slices[s['face']]} already")
            symbol_slices[s["face"]] = s["name"]
            for c in charset_symbols(CHARSETS[s["face"]]) & coverage[s["face"]]:
                tiers[s["face"]].setdefault(c, SYMBOLS_ORDINAL)

    # sliceOf, for an article in each face's language: the face a code point is set from (its own language's, else
    # the article's), then the first slice that holds it. A slice of face F holds what sliceOf gives it for F's
    # articles (other articles give it only F's own code points, which F's articles give it too).
    def expand(ranges):
        out = set()
        for a, b in ranges:
            out.update(range(a, b + 1))
        return out

    held = {}
    for name in faces:
        others_own = set().union(*(expand(f["own"]) for n, f in faces.items() if n != name))
        taken = set()
        for s in slices:
            if s["face"] is not None and s["face"] != name:
                continue
            mine = expand(s["ranges"])
            if s["rank"]:
                mine.update(c for c, o in tiers[name].items() if o == ordinal[s["name"]])
            if s["symbols"]:
                mine.update(c for c, o in tiers[name].items() if o == SYMBOLS_ORDINAL)
            mine -= taken
            if s["face"] is not None:
                mine -= others_own
                mine &= coverage[name]
                held[s["name"]] = mine
            taken |= mine

    lines = ["# cjk-slices.cmake - written by scripts/cjk-slices.py from faces.def and Unihan; read by faces.cmake"]
    for s in slices:
        if not s["face"]:
            continue
        cps = sorted(held[s["name"]])
        runs = compact(cps)
        path = os.path.join(out_dir, f"{s['name']}.unicodes")
        write_if_changed(path, "".join(f"{a:X}-{b:X}\n" if a != b else f"{a:X}\n" for a, b in runs))
        # The page's unicode-range: coarse, since a face serves only what its cmap has (CSS Fonts 4, 4.5): the
        # 256-code-point pages the slice has anything in, gaps of up to 8 pages bridged. A slice of ranks alone gets
        # those of all its face's ranked slices, so that faces.js writes a run of them as one line.
        if s["rank"] and not s["ranges"] and not s["symbols"]:
            cps = sorted(set().union(*(held[t["name"]] for t in slices
                                       if t["face"] == s["face"] and t["rank"] and not t["ranges"] and not t["symbols"])))
        pages = []
        for page in sorted({c >> 8 for c in cps}):
            if pages and page - pages[-1][1] <= 9:
                pages[-1][1] = page
            else:
                pages.append([page, page])
        css = ",".join(f"U+{a << 8:04X}-{(b << 8) | 0xFF:04X}" for a, b in pages)
        lines.append(f'set(GALLEY_CJK_SLICE_{s["name"]}_INDEX {faces[s["face"]]["index"]})')
        lines.append(f'set(GALLEY_CJK_SLICE_{s["name"]}_UNICODES_FILE "{path}")')
        lines.append(f'set(GALLEY_CJK_SLICE_{s["name"]}_CSS_RANGE "{css}")')
        lines.append(f'set(GALLEY_CJK_SLICE_{s["name"]}_COUNT {len(held[s["name"]])})')
    write_if_changed(os.path.join(out_dir, "cjk-slices.cmake"), "\n".join(lines) + "\n")

    # cjk-tiers.bin: "GCJK", version 2, the number of faces, the number of pages (16 bits, little-endian), then each
    # page: its face (GALLEY_CJK's order), 0, its first code point / 256 (16 bits), 256 bytes of tiers.
    blob = bytearray(b"GCJK\x02" + bytes([len(faces)]))
    pages = [(f, page) for f, name in enumerate(faces) for page in sorted({c >> 8 for c in tiers[name]})]
    blob += len(pages).to_bytes(2, "little")
    names = list(faces)
    for f, page in pages:
        blob += bytes([f, 0]) + page.to_bytes(2, "little")
        blob += bytes(tiers[names[f]].get((page << 8) + i, 0) for i in range(256))
    path = os.path.join(out_dir, "cjk-tiers.bin")
    try:
        with open(path, "rb") as f:
            same = f.read() == bytes(blob)
    except OSError:
        same = False
    if not same:
        with open(path + ".tmp", "wb") as f:
            f.write(blob)
        os.replace(path + ".tmp", path)
    # The same bytes for the programs that build them in (cjk_tiers_builtin.cpp), as a string literal in lines.
    lines_inc = ["// cjk_tiers.inc - written by scripts/cjk-slices.py: cjk-tiers.bin as a string literal (build tree only)."]
    for i in range(0, len(blob), 64):
        lines_inc.append('"' + "".join(f"\\x{b:02x}" for b in blob[i:i + 64]) + '"')
    write_if_changed(os.path.join(out_dir, "cjk_tiers.inc"), "\n".join(lines_inc) + "\n")


if __name__ == "__main__":
    main()
