// chromium-typesetting.mjs — Chromium's own typesetting of the paragraphs `galley bench` gives it, in the same run as
// Galley's, with the same font file: its line boxes (for `galley bench quality`, which judges them by
// layout_quality.h as it judges Galley's) and its reflow speed (for `galley bench layout`).
//
//   node tests/bench/chromium-typesetting.mjs REQUEST.json
//
// REQUEST, written by wasm/cli/bench_command.cpp:
//   {font: TTF path, fontSize, lineHeight, lang, paragraphs: [{block, text}],
//    layouts?: [{width, align: 'justify' | 'ragged'}], reflow?: {copies, widths: [px], seconds}}
// Prints one JSON object on stdout:
//   {chromium: version, space: the font's natural space, px,
//    layouts: [{width, align, lines}]  (lines as line-boxes.mjs gives them: the layout dump's terms),
//    reflow: {words, runs, firstMs, bestMs, meanMs}}
// or {error} with exit status 1 when Chromium cannot be started or the font cannot be loaded: never figures from
// another font or from anywhere else.
//
// Justified is `text-align: justify; hyphens: auto` with the article's lang, ragged `text-align: left; text-wrap:
// pretty; hyphens: auto`: what a page would ask of the browser. Debian's Chromium has no hyphenation dictionaries
// (they come by component update), so `hyphens: auto` does nothing here. Line boxes are read with Range
// getClientRects over each word; reflow is the time of a forced synchronous layout (offsetHeight) after each width
// change, in the page, of the paragraphs repeated `copies` times: what Galley's relayout figure measures (breaking
// and placing lines, the words already measured), without painting.
import { readFileSync } from 'node:fs';
import { linesFromWordBoxes } from './line-boxes.mjs';

const ORIGIN = 'http://chromium-typesetting.galley.test';

const PAGE = (request) => `<!doctype html>
<html lang="${request.lang}"><head><meta charset="utf-8"><style>
  body { margin: 0; }
  #column { font-family: PeerBody; font-size: ${request.fontSize}px; line-height: ${request.lineHeight};
            hyphens: auto; font-kerning: normal; }
  #column.justify { text-align: justify; }
  #column.ragged { text-align: left; text-wrap: pretty; }
  #column p { margin: 0 0 1em; }
  #space { font-family: PeerBody; font-size: ${request.fontSize}px; white-space: pre; position: absolute; }
</style></head><body><div id="column"></div><span id="space"></span></body></html>`;

// In the page: loads the font file as PeerBody (refusing to go on without it) and measures its natural space.
const LOAD_FONT = async () => {
  const face = new FontFace('PeerBody', 'url(/font.ttf)');
  await face.load();
  document.fonts.add(face);
  const probe = document.getElementById('space');
  const count = 100;
  probe.textContent = ' '.repeat(count);
  const space = probe.getBoundingClientRect().width / count;
  probe.remove();
  return space;
};

// In the page: sets the paragraphs (`copies` times) in the column.
const SET_TEXT = ({ paragraphs, copies }) => {
  const column = document.getElementById('column');
  const blocks = [];
  for (let c = 0; c < copies; c++) {
    for (const { block, text } of paragraphs) {
      const p = document.createElement('p');
      p.dataset.block = block;
      p.textContent = text;
      blocks.push(p);
    }
  }
  column.replaceChildren(...blocks);
};

// In the page: each word's boxes at this width and alignment, one piece per line it spans (a word broken across
// lines is split where its characters' boxes change line).
const COLLECT = ({ width, align }) => {
  const column = document.getElementById('column');
  column.className = align;
  column.style.width = `${width}px`;
  const columnLeft = column.getBoundingClientRect().left;
  const range = document.createRange();
  const rectsOf = (node, start, end) => {
    range.setStart(node, start);
    range.setEnd(node, end);
    return [...range.getClientRects()].filter((r) => r.width > 0);
  };
  const paragraphs = [];
  for (const p of column.children) {
    const node = p.firstChild, pieces = [];
    for (const m of node.data.matchAll(/\S+/g)) {
      const end = m.index + m[0].length;
      const rects = rectsOf(node, m.index, end);
      if (rects.length === 0) continue;  // not drawn: the word goes missing, which keepsEveryWord reports (LOST)
      if (rects.length === 1) {
        const r = rects[0];
        pieces.push({ text: m[0], left: r.left, right: r.right, top: r.top, bottom: r.bottom, continues: false });
        continue;
      }
      let piece = null;
      for (let i = m.index; i < end;) {
        const next = i + (node.data.codePointAt(i) > 0xffff ? 2 : 1);
        const r = rectsOf(node, i, next)[0];
        if (r && (!piece || r.top >= (piece.top + piece.bottom) / 2)) {
          if (piece) piece.continues = true;
          piece = { text: '', left: r.left, right: r.right, top: r.top, bottom: r.bottom, continues: false };
          pieces.push(piece);
        }
        piece.text += node.data.slice(i, next);
        if (r) piece.right = Math.max(piece.right, r.right);
        i = next;
      }
    }
    paragraphs.push({ block: Number(p.dataset.block), pieces });
  }
  return { columnLeft, paragraphs };
};

// In the page: justified relayout after each width change, for `seconds` and at least three times.
const REFLOW = ({ widths, seconds }) => {
  const column = document.getElementById('column');
  column.className = 'justify';
  column.style.width = `${widths[0]}px`;
  let start = performance.now();
  void column.offsetHeight;
  const firstMs = performance.now() - start;
  const times = [];
  start = performance.now();
  while (times.length < 3 || performance.now() - start < seconds * 1000) {
    column.style.width = `${widths[(times.length + 1) % widths.length]}px`;
    const t = performance.now();
    void column.offsetHeight;
    times.push(performance.now() - t);
  }
  let words = 0;  // per paragraph: the column's textContent runs one paragraph's last word into the next's first
  for (const p of column.children) words += p.textContent.match(/\S+/g)?.length ?? 0;
  return { words, runs: times.length, firstMs, bestMs: Math.min(...times),
           meanMs: times.reduce((s, x) => s + x, 0) / times.length };
};

async function main() {
  const request = JSON.parse(readFileSync(process.argv[2], 'utf8'));
  const font = readFileSync(request.font);
  let browser;
  try {
    const { launch } = await import('../e2e/browser.mjs');
    browser = await launch();
  } catch (e) {
    throw new Error(`Chromium cannot be started: ${e.message.split('\n')[0]}`);
  }
  try {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    await context.route(`${ORIGIN}/**`, (route) => {
      const path = new URL(route.request().url()).pathname;
      if (path === '/font.ttf') return route.fulfill({ contentType: 'font/ttf', body: font });
      if (path === '/') return route.fulfill({ contentType: 'text/html', body: PAGE(request) });
      return route.fulfill({ status: 404, body: '' });
    });
    const page = await context.newPage();
    await page.goto(`${ORIGIN}/`);
    const space = await page.evaluate(LOAD_FONT).catch((e) => {
      throw new Error(`the font ${request.font} did not load in Chromium: ${e.message.split('\n')[0]}`);
    });
    const out = { chromium: browser.version(), space, layouts: [] };
    if (request.layouts?.length) {
      await page.evaluate(SET_TEXT, { paragraphs: request.paragraphs, copies: 1 });
      for (const { width, align } of request.layouts) {
        const { columnLeft, paragraphs } = await page.evaluate(COLLECT, { width, align });
        out.layouts.push({ width, align, ...linesFromWordBoxes({ paragraphs, columnLeft, width, space }) });
      }
    }
    if (request.reflow) {
      await page.evaluate(SET_TEXT, { paragraphs: request.paragraphs, copies: request.reflow.copies });
      out.reflow = await page.evaluate(REFLOW, request.reflow);
    }
    console.log(JSON.stringify(out));
  } finally {
    await browser.close();
  }
}

main().catch((e) => {
  console.log(JSON.stringify({ error: e.message }));
  process.exit(1);
});
