#!/usr/bin/env bash
# CLI tests: exit codes and messages of `galley check`, the layout dump's shape, and its runs against hb-shape. Usage: run.sh PATH/TO/galley
set -u
galley="$1"
root="$(cd "$(dirname "$0")/../.." && pwd)"
fails=0 checks=0
dump="$(mktemp)"  # the layout dumps, too long for an argument
trap 'rm -f "$dump"' EXIT
expect() {  # expect NAME EXPECTED_STATUS ACTUAL_STATUS
    checks=$((checks + 1))
    if [ "$2" != "$3" ]; then echo "FAIL: $1: exit $3, expected $2"; fails=$((fails + 1)); fi
}

"$galley" check "$root/assets/sample.json" >/dev/null 2>&1; expect "sample is valid" 0 $?
for f in "$root"/tests/data/bundles/valid/*.json; do
    "$galley" check "$f" >/dev/null 2>&1; expect "valid $(basename "$f")" 0 $?
done
while IFS=$'\t' read -r file message; do
    [ -z "$file" ] && continue
    case "$file" in \#*) continue ;; esac
    err=$("$galley" check "$root/tests/data/bundles/invalid/$file" 2>&1 >/dev/null); status=$?
    expect "invalid $file" 1 $status
    checks=$((checks + 1))
    if ! grep -qF -- "error: $message" <<<"$err"; then echo "FAIL: $file: message '$message' not in: $err"; fails=$((fails + 1)); fi
done < "$root/tests/data/bundles/invalid/EXPECTED.tsv"

"$galley" check /nonexistent.json >/dev/null 2>&1; expect "missing file" 3 $?
"$galley" check >/dev/null 2>&1; expect "no arguments" 2 $?
"$galley" frobnicate >/dev/null 2>&1; expect "unknown command" 2 $?

# galley patterns compile: the compiled form (GHYB ...) of a .dic, and its errors.
compiled="$(mktemp)"
"$galley" patterns compile "${GALLEY_HYPHEN_DIR:-/usr/share/hyphen}/hyph_en_US.dic" "$compiled"; expect "patterns compile" 0 $?
checks=$((checks + 1))
if [ "$(head -c 4 "$compiled")" != GHYB ]; then echo "FAIL: patterns compile: no GHYB magic"; fails=$((fails + 1)); fi
"$galley" patterns compile /nonexistent.dic "$compiled" >/dev/null 2>&1; expect "patterns compile, missing file" 3 $?
"$galley" patterns compile "$root/assets/sample.json" "$compiled" >/dev/null 2>&1; expect "patterns compile, not patterns" 1 $?
"$galley" patterns compile "$root/assets/sample.json" >/dev/null 2>&1; expect "patterns compile, no output" 2 $?
rm -f "$compiled"
"$galley" layout "$root/assets/sample.json" >/dev/null 2>&1; expect "layout without --width" 2 $?
"$galley" layout "$root/assets/sample.json" --width -5 >/dev/null 2>&1; expect "negative width" 2 $?

out=$("$galley" layout "$root/assets/sample.json" --width 560 --json); expect "layout --json" 0 $?
checks=$((checks + 1))
printf '%s' "$out" > "$dump"; python3 - "$dump" <<'PY' || fails=$((fails + 1))
import json, sys
d = json.load(open(sys.argv[1]))
assert d["width"] == 560, d["width"]
body = [l for l in d["lines"] if l["role"] == "paragraph"]
assert len(body) > 30, len(body)
for l in d["lines"]:
    for w in l["words"]:  # hanging punctuation may end past the measure by the line's hangRight
        assert w["x"] + w["width"] <= 560.01 + l["hangRight"], (w, l["role"])
        assert w["x"] >= -0.01 - l["hangLeft"], (w, l["role"])
assert body[0]["words"][0]["text"] == "A", body[0]["words"][0]
PY

# --align auto: what it chose, in the dump; ragged on a phone's column, justified on a wide screen's (as the unit tests).
for case in "350 left" "594 justify"; do
    read -r width expected <<<"$case"
    chosen=$("$galley" layout "$root/assets/sample.json" --width "$width" --align auto --json |
             python3 -c 'import json, sys; print(json.load(sys.stdin)["align"])')
    checks=$((checks + 1))
    if [ "$chosen" != "$expected" ]; then
        echo "FAIL: --align auto at $width px chose '$chosen', expected $expected"; fails=$((fails + 1))
    fi
done
"$galley" layout "$root/assets/sample.json" --width 350 --align centre >/dev/null 2>&1; expect "unknown --align" 2 $?

# Typesetting: micro-typography fields, the drop cap, and the bench commands (figures printed, never asserted here).
out=$("$galley" layout "$root/assets/sample.json" --width 560 --drop-cap --json); expect "layout --drop-cap" 0 $?
checks=$((checks + 1))
printf '%s' "$out" > "$dump"; python3 - "$dump" <<'PY' || fails=$((fails + 1))
import json, sys
d = json.load(open(sys.argv[1]))
body = [l for l in d["lines"] if l["role"] == "paragraph"]
assert all(0.98 - 1e-6 <= l["scaleX"] <= 1.02 + 1e-6 for l in body)
# Letter spacing: at most 5% of a space wider, 2% narrower per gap between glyphs; used by some lines.
assert all(-0.02 * l["space"] - 1e-4 <= l["letterSpacing"] <= 0.05 * l["space"] + 1e-4 for l in body)
assert any(l["letterSpacing"] > 0 for l in body)
assert any(l["hangRight"] > 0 for l in body) and any(l["hangLeft"] > 0 for l in body)
caps = [l for l in d["lines"] if l["role"] == "dropcap"]
assert len(caps) == 1 and caps[0]["words"][0]["text"] == "A", caps
PY
out=$("$galley" layout "$root/assets/sample.json" --width 560 --no-letter-spacing --json); expect "layout --no-letter-spacing" 0 $?
checks=$((checks + 1))
printf '%s' "$out" > "$dump"; python3 - "$dump" <<'PY' || fails=$((fails + 1))
import json, sys
d = json.load(open(sys.argv[1]))
assert all(l["letterSpacing"] == 0 for l in d["lines"])
PY
# Every run of the layout dump, in every script, shaped as HarfBuzz's own hb-shape shapes it.
checks=$((checks + 1))
python3 "$root/tests/cli/shaping_vs_hb_shape.py" "$galley" /usr/share/fonts/truetype/noto "$root"/tests/data/scripts/*.json \
    "$root/assets/sample.json" || fails=$((fails + 1))
# Chromium's figures beside Galley's are measured in the same run (tests/bench/chromium-typesetting.mjs), or said
# to be missing: never printed from constants.
quality=$("$galley" bench quality 2>&1)
printf '%s\n' "$quality" | grep -q "^justified 560 px .* all$"; expect "bench quality" 0 $?
if [ -x /usr/lib/chromium/chromium ]; then
    printf '%s\n' "$quality" | grep -q "^Chromium justified 560 px .* all$"; expect "bench quality: Chromium's lines" 0 $?
fi
quality=$(PATH=/nonexistent "$galley" bench quality 2>&1)
printf '%s\n' "$quality" | grep -q "^Chromium not measured: "; expect "bench quality without Node" 0 $?
printf '%s\n' "$quality" | grep -q "^justified 340 px .* all$"; expect "bench quality without Node: Galley's" 0 $?
"$galley" bench layout --words 2000 --seconds 0 --label cli 2>&1 | grep -q "million words/s"; expect "bench layout" 0 $?
"$galley" bench hyphenation --label cli 2>&1 | grep -q "^cli  *hyphenation of [0-9]* words .* million words/s"
expect "bench hyphenation: its speed" 0 $?
"$galley" bench frobnicate >/dev/null 2>&1; expect "unknown bench" 2 $?

# Markdown import: each corpus file gives a bundle that passes check, and --explain says under a line what the
# bundle could not hold as written.
for f in "$root"/tests/data/import/markdown/*.md; do
    "$galley" import "$f" -o "$dump" >/dev/null 2>&1; expect "import $(basename "$f")" 0 $?
    "$galley" check "$dump" >/dev/null 2>&1; expect "check imported $(basename "$f")" 0 $?
done
explain=$("$galley" import "$root/tests/data/import/markdown/inline.md" --explain 2>&1)
printf '%s\n' "$explain" | grep -q '^ *note: link to "javascript:alert(1)" (not http, https or mailto): its text kept'
expect "import --explain notes" 0 $?
printf '%s\n' "$explain" | grep -q '^   17  keep  paragraph 3 '; expect "import --explain verdicts" 0 $?
# galley import: HTML by extension and by content, its --explain, refusals; text and Markdown still guessed.
html_dir="$root/tests/data/import/html"
work="$(mktemp -d)"
"$galley" import "$html_dir/news_jsonld_graph.html" -o "$work/news.json"; expect "import html" 0 $?
"$galley" check "$work/news.json" >/dev/null 2>&1; expect "imported html checks" 0 $?
cp "$html_dir/german_news.html" "$work/saved-page"
"$galley" import "$work/saved-page" | grep -q '"lang": "de-DE"'; expect "html guessed from the content" 0 $?
explain=$("$galley" import "$html_dir/furniture_heavy.html" --explain)
printf '%s\n' "$explain" | grep -q "^-- candidate 1: <div class=\"article-wrap\">"; expect "explain: candidates" 0 $?
printf '%s\n' "$explain" | grep -q "drop  newsletter notice (class \"inline-newsletter\")"; expect "explain: a drop and why" 0 $?
printf '%s\n' "$explain" | grep -q "^-- published from: <meta article:published_time>"; expect "explain: a field's source" 0 $?
"$galley" import "$html_dir/base_url_links.html" --base-url https://tides.example/guide/ | grep -q '"href": "https://tides.example/ports/standard.html"'
expect "import --base-url" 0 $?
"$galley" import "$html_dir/base_url_links.html" --base-url ftp://x >/dev/null 2>&1; expect "import --base-url ftp" 2 $?
printf '\x89PNG\r\n\x1a\n\0\0\0\rIHDR' > "$work/image.html"
err=$("$galley" import "$work/image.html" 2>&1 >/dev/null); expect "import binary html" 1 $?
checks=$((checks + 1))
grep -qF "image.html: not imported: binary data, not HTML (a NUL byte at offset 8)" <<<"$err" || { echo "FAIL: binary html message: $err"; fails=$((fails + 1)); }
"$galley" import "$root/tests/data/import/magazine_dek.txt" | grep -q '"title": "The Slow Death of the Paper Map"'
expect "import text still" 0 $?
# An ambiguous numeric date: --explain says which evidence decided; --base-url and --lang are evidence.
banner="$root/tests/data/import/numeric_date_cookie_banner.txt"
"$galley" import "$banner" --explain | grep -qF -- '-- date: "04/03/2025" read month-first (3 April 2025): nothing in the document decides it'
expect "explain: an ambiguous date by the default" 0 $?
"$galley" import "$banner" --base-url https://www.rivertonpost.co.uk/news/ --explain |
    grep -qF -- 'read day-first (4 March 2025): the publication'"'"'s address, www.rivertonpost.co.uk (--base-url), is in .uk'
expect "explain: an ambiguous date by the domain" 0 $?
"$galley" import "$banner" --lang en-GB | grep -q '"published": "2025-03-04T14:20"'; expect "import --lang en-GB date" 0 $?
"$galley" import "$root/tests/data/import/markdown/field_notes.md" -o "$work/md.json"; expect "import markdown still" 0 $?
mkdir -p "$work/batch"
cp "$html_dir/time_only.html" "$html_dir/arabic_rtl.html" "$root/tests/data/import/magazine_dek.txt" "$work/batch/"
"$galley" import --batch "$work/batch" -o "$work/out" --jobs 2 2>/dev/null; expect "import --batch with html" 0 $?
checks=$((checks + 1))
[ -f "$work/out/time_only.json" ] && [ -f "$work/out/arabic_rtl.json" ] && [ -f "$work/out/magazine_dek.json" ] ||
    { echo "FAIL: batch outputs: $(ls "$work/out")"; fails=$((fails + 1)); }
rm -rf "$work"

echo "cli: $((checks - fails)) passed, $fails failed"
[ "$fails" -eq 0 ]
