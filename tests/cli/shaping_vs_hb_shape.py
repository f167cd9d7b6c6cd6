#!/usr/bin/env python3
"""The layout dump's runs against HarfBuzz's own hb-shape (issue #13 item 9).

For each article given, `galley layout --json` at two widths; every run of every word is shaped again by `hb-shape`
(Debian's libharfbuzz-bin) with the font file the dump names (found in GALLEY_FONT_DIR's folders), the article's
language and the run's direction, and its glyph ids must be the same. Words hyphenated at a
line end are skipped (the inserted hyphen is not in the run). Prints one line per article and exits 1 on a mismatch.
Usage: shaping_vs_hb_shape.py GALLEY FONT_DIR[:FONT_DIR...] ARTICLE.json...
"""
import json, os, subprocess, sys

galley, font_dirs, articles = sys.argv[1], sys.argv[2].split(':'), sys.argv[3:]
cache = {}


def font_path(name):
    for d in font_dirs + ['/usr/share/fonts/opentype/noto', '/usr/share/fonts/truetype/noto']:
        if os.path.exists(os.path.join(d, name)):
            return os.path.join(d, name)
    return None


def hb_shape(font, face, lang, text, rtl):
    key = (font, face, lang, text, rtl)
    if key not in cache:
        cmd = ['hb-shape', '--no-glyph-names', '--no-positions', '--no-clusters', f'--language={lang}',
               f'--face-index={face}', f'--direction={"rtl" if rtl else "ltr"}', font, text]
        out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout.strip()
        cache[key] = [int(g) for g in out.strip('[]').split('|') if g]
    return cache[key]


failed = 0
for path in articles:
    lang = json.load(open(path))['articles'][0]['lang']
    runs = mismatches = 0
    for width in (300, 560):
        dump = json.loads(subprocess.run([galley, 'layout', path, '--width', str(width), '--json'],
                                         capture_output=True, text=True, check=True).stdout)
        for line in dump['lines']:
            for i, word in enumerate(line['words']):
                if line['hyphenated'] and i == len(line['words']) - 1:
                    continue
                for run in word['runs']:
                    font = font_path(run['font'])
                    if font is None:
                        print(f'{path}: no file {run["font"]}')
                        mismatches += 1
                        continue
                    rtl = run['direction'] == 'rtl'  # its bidi level's
                    want = hb_shape(font, run.get('face', 0), lang, run['text'], rtl)
                    runs += 1
                    if want != run['glyphs']:
                        mismatches += 1
                        if mismatches <= 5:
                            print(f'{path} {width}px: {run["text"]!r} in {run["font"]}: galley {run["glyphs"]}, '
                                  f'hb-shape {want}')
    print(f'{os.path.basename(path)}: {runs} runs, {mismatches} differ from hb-shape')
    failed += mismatches > 0 or runs == 0
sys.exit(1 if failed else 0)
