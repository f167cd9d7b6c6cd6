// Where the canvas drew each word, and where the text layer put it: the check that find, selection and screen
// readers see the words the canvas shows (scripts.test.mjs for every script, article-blocks.test.mjs for every block).
// RECORD_CHUNKS goes in a page before it runs (page.addInitScript); wordErrors reads the layer after it is ready.

// Where the canvas drew each word: the text layer chunks (galley_text_layer_next's JSON, whose "wb" are the layout's
// word boxes, the glyphs' own positions: typesetting_test.cpp checks them against the glyphs), the chunks of the last
// layout (a new one starts again with the header's lines). They come in the viewer's worker's messages
// (viewer-core.js's 'chunk' events), or, with the core on the page's thread, as the JSON it parses there.
export const RECORD_CHUNKS = () => {
  window.__chunks = [];
  const record = (value) => {
    if (value && Array.isArray(value.lines) && Array.isArray(value.images) && 'done' in value) {
      if (value.lines[0]?.b === -1) window.__chunks = [];
      window.__chunks.push(value);
    }
  };
  const parse = JSON.parse;
  JSON.parse = function (text, reviver) {
    const value = parse.call(this, text, reviver);
    record(value);
    return value;
  };
  const PageWorker = window.Worker;
  window.Worker = class extends PageWorker {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (e) => { if (e.data?.event === 'chunk') record(e.data.chunk); });
    }
  };
};

// Each word of the text layer (a Range over its characters) against the box the canvas drew it in: errors of its
// start and end in px (the worst of each), and the words whose middle is not on their drawn line. A hyphenated line's
// last word is compared at its start only: its drawn box holds the inserted hyphen, which the text leaves out. A table
// cell's words are compared at the table's scroll (the canvas moves its drawing with it). `role`: only the words of
// lines of that role ("cell"). Also {worst, worstWord}: the largest error at either end (99 off its row).
export async function wordErrors(page, { role } = {}) {
  return page.evaluate((role) => {
    // Every chunk rendered, not only those near the viewport (content-visibility: auto skips the rest's layout).
    const sheet = new CSSStyleSheet();
    sheet.replaceSync('#galley-document .chunk { content-visibility: visible !important; }');
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    const doc = document.getElementById('galley-document');
    const origin = doc.getBoundingClientRect();
    const lines = window.__chunks.flatMap((c) => c.lines).filter((l) => l.r !== 'marker');
    const spans = [...doc.querySelectorAll('.line')];
    if (lines.length !== spans.length) return { error: `${lines.length} drawn lines, ${spans.length} in the layer` };
    const tables = new Map(window.__chunks.flatMap((c) => c.tables || []).map((t) => [t.b, t]));
    const words = [];
    lines.forEach((line, i) => {
      if (role && line.r !== role) return;
      const span = spans[i];
      const shift = line.r === 'cell' && tables.get(line.b)?.scroll ? -span.closest('.table-scroll').scrollLeft : 0;
      if (span.textContent !== line.t) { words.push({ mismatch: `${span.textContent} ≠ ${line.t}` }); return; }
      const texts = [];
      for (let walk = document.createTreeWalker(span, NodeFilter.SHOW_TEXT), n; (n = walk.nextNode());) texts.push(n);
      // The text node and offset of a character offset in the line: a word's start in the node that holds its first
      // character (a range from the end of the node before would begin before the margin of the word's own element),
      // its end in the node that holds its last.
      const at = (offset, start) => {
        for (const n of texts) { if (start ? offset < n.length : offset <= n.length) return [n, offset]; offset -= n.length; }
        return [texts[texts.length - 1], texts[texts.length - 1].length];
      };
      let start = 0;
      for (let k = 0; k * 3 < line.wb.length; k++) {
        const [length, x, width] = line.wb.slice(k * 3, k * 3 + 3);
        if (k > 0 && line.t[start] === ' ') start++;
        const range = document.createRange();
        range.setStart(...at(start, true));
        range.setEnd(...at(start + length, false));
        const r = range.getBoundingClientRect();
        const drawnLeft = line.x + shift + x / 8, drawnRight = line.x + shift + (x + width) / 8;
        const hyphenSide = line.hy && (k + 1) * 3 === line.wb.length ? (line.d === 'rtl' ? 'left' : 'right') : '';
        words.push({ text: line.t.slice(start, start + length),
                     left: hyphenSide === 'left' ? 0 : r.left - origin.left - drawnLeft,
                     right: hyphenSide === 'right' ? 0 : r.right - origin.left - drawnRight,
                     offRow: Math.abs((r.top + r.bottom) / 2 - origin.top - (line.y + line.h / 2)) > line.h / 2 });
        start += length;
      }
    });
    const worst = (key) => words.reduce((w, x) => (Math.abs(x[key]) > Math.abs(w[key]) ? x : w), words[0]);
    const measured = words.filter((w) => !w.mismatch);
    const offOf = (w) => Math.max(Math.abs(w.left), Math.abs(w.right), w.offRow ? 99 : 0);
    const worstOf = measured.reduce((w, x) => (offOf(x) > offOf(w) ? x : w), measured[0]);
    return { words: words.length, mismatches: words.filter((w) => w.mismatch).slice(0, 3),
             worst: worstOf ? offOf(worstOf) : 0, worstWord: worstOf?.text ?? '',
             worstLeft: worst('left'), worstRight: worst('right'),
             offRow: words.filter((w) => w.offRow).map((w) => w.text).slice(0, 5),
             over: words.filter((w) => Math.max(Math.abs(w.left), Math.abs(w.right)) > 1).length,
             overWords: words.filter((w) => Math.max(Math.abs(w.left), Math.abs(w.right)) > 1).slice(0, 8)
               .map((w, i) => `${w.text} ${w.left.toFixed(1)}`) };
  }, role);
}
