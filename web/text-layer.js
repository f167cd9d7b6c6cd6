// text-layer.js — the transparent DOM copy of the drawn article, as PDF.js does it: every drawn line is transparent
// text placed exactly over it and spaced to its drawn width, inside elements with the article's real structure
// (header > h1, dek, byline; h2..h6 by heading level; p; blockquote; ul/ol > li; figure > img role + figcaption).
// That keeps selection, copy, find in page, links, anchors and screen readers native while the canvas draws.
//
// Why this shape (each measured in Chromium): absolutely placed line spans are blocks to find-in-page, so a phrase
// across a line break is not found, and absolutely placed paragraphs lose their breaks in a copy. So blocks stay in
// normal flow, each given its height and a top margin that puts it where layout put it; inside a block, lines are
// inline spans in a zero-width element, separated by a space (or <wbr> where a word breaks), so every separator
// wraps and each span gets a row of its own: one inline run per paragraph, as find and copy need. Relative offsets
// place each span on its drawn line. Inside it every word lands within a pixel of where Galley drew it (the bridge
// sends each word's drawn box, "wb"), although the browser shapes and spaces text its own way: the line's font size
// and word spacing are fitted to the drawn words, and a word still off gets a span of its own size and left margin
// (placeWords). Those stay inline (inline-block would again be a block to find) and are few: most lines remain one
// text node.
//
// Without WebGL2 (viewer.js's 'dom' renderer, `visible`) the same layer is the article's visible text: the CSS of
// #galley-document[data-renderer="dom"] (galley.css) gives each line its theme colour ("c", as data-color), shows
// the inserted hyphen of a hyphenated line (class hy: generated content, so find and copy see the word whole, as
// with WebGL2) and a wrapped code line's continuation mark (data-cont, "cm"), and the list markers, which the layer otherwise leaves to the canvas, come as aria-hidden elements
// whose text is generated content too (data-marker). The words are already where Galley drew them; each line is also
// moved down or up to put its baseline on the device pixel where the canvas draws it ("bl": round(baseline × dpr)),
// from where the browser puts the baseline of its row (measured once for each font, size and line height: a few per
// article); its own line-height is 0 there (galley.css), so a line set a little larger to fit Galley's width never
// pushes its row's baseline down.
//
// Bundle text only ever goes in with textContent; hrefs only as http:, https: or mailto: (checked again here, though
// the loader already refuses others). Ids that come from a bundle (heading anchors, or slugs of heading text) are
// the article's, not the page's: their elements carry them behind ARTICLE_ID_PREFIX, so no bundle can give an
// element an id the page uses (the page's own ids all start with galley-). Headings keep the bundle's id in the
// API (headings, scrollToHeading, #fragments), which the pages map to the element.

export const ARTICLE_ID_PREFIX = 'article-';

import { COLOR_FAMILY, FACES } from './faces.js';
import { createTableElement } from './table-layer.js';

const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

export function safeHref(href) {
  try {
    const url = new URL(href);
    return SAFE_PROTOCOLS.has(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

// The face a line was drawn in (its "f", an index into FACES), for measuring its words' natural widths.
function fontOf(faceIndex) {
  const face = FACES[faceIndex] || FACES[0];
  return { family: `"${face.family}", "${COLOR_FAMILY}", ${face.generic}`, weight: String(face.weight),
           style: face.italic ? 'italic' : 'normal' };
}

// A text's width in a CSS font, as the browser sets it (a canvas's measureText): (font, text) => px. Remembered, as
// an article says its words many times over and the layer measures every one; forgotten past MEASURE_CACHE_SIZE.
// A canvas trims the space of adjacent full-width punctuation (「、」 then 「「」 set half an em narrower: Chromium's
// text-spacing-trim: normal), which the layer's text does not (space-all, as Galley draws it): such text is measured
// in pieces cut between the two.
const MEASURE_CACHE_SIZE = 50000;
const CJK_PUNCTUATION = '[\\u3000-\\u303F\\uFF01-\\uFF0F\\uFF1A-\\uFF20\\uFF3B-\\uFF40\\uFF5B-\\uFF65]';
const CJK_PUNCTUATION_PAIR = new RegExp(`${CJK_PUNCTUATION}(?=${CJK_PUNCTUATION})`, 'g');
export function createMeasure() {
  const context = document.createElement('canvas').getContext('2d');
  let widths = new Map(), contextFont = '';
  const untrimmed = (text) => {
    let width = 0, at = 0;
    for (const m of text.matchAll(CJK_PUNCTUATION_PAIR)) {
      width += context.measureText(text.slice(at, m.index + 1)).width;
      at = m.index + 1;
    }
    return width + context.measureText(text.slice(at)).width;
  };
  return (font, text) => {
    const key = `${font}|${text}`;
    let width = widths.get(key);
    if (width !== undefined) return width;
    if (contextFont !== font) context.font = contextFont = font;
    width = untrimmed(text);
    if (widths.size >= MEASURE_CACHE_SIZE) widths = new Map();
    widths.set(key, width);
    return width;
  };
}

// How far from the line's median ratio of drawn to natural width a word's may be and still tell the line's scale.
const FIT_OUTLIER = 0.12;
// How far (px) a word of the layer may be from where Galley drew it, at its start or end, before it gets an element
// of its own that puts it there. Half the pixel the layer promises: what is left for the browser's rounding.
const ALIGN_TOLERANCE = 0.5;
// Kana, CJK punctuation, Han and full-width forms: text whose joined words placeWords measures together.
const CJK_TEXT = /[\u3000-\u30FF\u3400-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]/;

// A line's words as drawn: their characters in its text ("t": [start, end)) and boxes from the line's x (px), from
// "wb" (eighths of a px). A hyphenated line's last box loses the inserted hyphen, which is drawn but not in the text
// (at the line's end: the right on a left-to-right line, the left on a right-to-left one).
function drawnWords(line, hyphenWidth) {
  const words = [];
  const wb = line.wb || [];
  const faces = new Map();   // "wf": words drawn in another face than the line's
  for (let i = 0; i + 1 < (line.wf || []).length; i += 2) faces.set(line.wf[i], line.wf[i + 1]);
  let start = 0;
  for (let i = 0; i + 2 < wb.length; i += 3) {
    if (i > 0 && line.t[start] === ' ') start++;
    words.push({ start, end: start + wb[i], x: wb[i + 1] / 8, w: wb[i + 2] / 8, spaceBefore: i > 0 && line.t[start - 1] === ' ',
                 face: faces.get(i / 3) });
    start += wb[i];
  }
  if (line.hy && words.length) {
    const last = words[words.length - 1], hyphen = Math.min(last.w, hyphenWidth);
    last.w -= hyphen;
    if (line.d === 'rtl') last.x += hyphen;
  }
  return words;
}

// Where the browser will put each word, and what moves the ones it would put elsewhere. The line as a whole is set
// at a font size scaled to Galley's (which letter-spaces and expands justified lines) and a word spacing, the two
// fitted by least squares to the drawn words' starts and ends; then, from the left (the browser places a line's
// words in visual order, Galley's too, whatever their direction), each word that would still be more than
// ALIGN_TOLERANCE from its drawn start or width is moved: its own font size for its width (letter-spacing would do
// for Latin, but Chromium does not letter-space Arabic) and a left margin for its start (physical, so the same on
// right-to-left lines). Those words are rare on a line set as Galley set it (none on most), so the layer keeps one
// text node per line where it can. A word drawn in a face of its own (its "face", from "wf": an emphasis) is always
// given its span, in that face. widthAt(size, text, face): the text's width at that size in a face (the line's when
// undefined). Returns {size, wordSpacing, width, moved: [{start, end, size, margin, font?}]}.
// cuts: offsets in the line's text where its runs (links, marks) start, each an element of its own: a word cut by one
// is measured as its pieces (the browser shapes each piece alone: no kerning or ligature across an element).
function placeWords(line, words, widthAt, cuts = []) {
  const wordWidth = (size, w) => {
    let width = 0, at = w.start;
    for (const cut of cuts) {
      if (cut <= at || cut >= w.end) continue;
      width += widthAt(size, line.t.slice(at, cut), w.face);
      at = cut;
    }
    return width + widthAt(size, line.t.slice(at, w.end), w.face);
  };
  const target = line.w - (line.hy ? widthAt(line.s, '-') : 0);
  const space = widthAt(line.s, ' ');
  const spaces = (line.t.match(/ /g) || []).length;
  const fallback = { size: line.s, width: target, moved: [],
                     wordSpacing: spaces > 0 ? (target - widthAt(line.s, line.t)) / spaces : 0 };
  if (!words.length || words.some((w) => w.end > line.t.length)) return fallback;
  for (const w of words) w.natural = wordWidth(line.s, w);
  // Visual order, and whether a space separates each word from the one left of it: between neighbours in the
  // text, whether the text has one (joined words, Thai or glue-joined Han, have none); between words that bidi
  // reordering brought side by side (the comma of a Latin "Watch," in a Hebrew line, left of the Latin run), whether
  // Galley drew a gap there.
  const visual = words.map((w, i) => i).sort((a, b) => words[a].x - words[b].x);
  const spaced = visual.map((i, v) => {
    if (v === 0) return false;
    const left = visual[v - 1];
    if (Math.abs(i - left) === 1) return words[Math.max(i, left)].spaceBefore;
    return words[i].x - (words[left].x + words[left].w) > space / 3;
  });
  // Least squares for scale k and space width W: start = k·A + n·W, end = k·(A + natural) + n·W, where A is the
  // natural width of the words left of it and n the spaces. A word drawn far wider or narrower than the others for its
  // natural width (code in the mono face, a superscript, an emoji: FIT_OUTLIER from the line's median ratio) is no
  // evidence of the line's scale: it is left out of the sums, and counts in A for the width it was drawn at (it is
  // placed by an element of its own below).
  const ratios = words.filter((w) => w.natural > 0).map((w) => w.w / w.natural).sort((a, b) => a - b);
  const median = ratios.length ? ratios[ratios.length >> 1] : 1;
  const outlier = (w) => w.natural > 0 && median > 0 && Math.abs(w.w / w.natural / median - 1) > FIT_OUTLIER;
  const leftOut = words.filter((w) => !outlier(w)).length >= 2 ? outlier : () => false;   // unless too few remain
  let saa = 0, san = 0, snn = 0, say = 0, sny = 0, before = 0, n = 0;
  visual.forEach((i, v) => {
    const w = words[i];
    if (spaced[v]) n++;
    if (leftOut(w)) { before += w.w / median; return; }
    for (const [a, y] of [[before, w.x], [before + w.natural, w.x + w.w]]) {
      saa += a * a; san += a * n; snn += n * n; say += a * y; sny += n * y;
    }
    before += w.natural;
  });
  const det = saa * snn - san * san;
  const fitted = det > 1e-6 ? (say * snn - sny * san) / det : saa > 0 ? say / saa : 1;
  let W = det > 1e-6 ? (saa * sny - san * say) / det : space;
  if (!(fitted > 0.5 && fitted < 2) || !Number.isFinite(W)) return fallback;
  W = Math.max(W, 0);   // the browser sets no space narrower than nothing
  // The words again at the line's size (in thousandths of a px, as the style gives it; lines share sizes, and so
  // measurements): the browser's advances are not quite proportional to the size.
  const size = Math.round(line.s * fitted * 1000) / 1000;
  for (const w of words) w.scaled = wordWidth(size, w);
  const scaledSpace = widthAt(size, ' ');
  if (!n) W = scaledSpace;
  // In CJK text, a word joined to the one before it (no space between them, in text order) is where the browser puts
  // it after the joined text before it, measured whole: Chromium's advances across the joins of kana, kanji and
  // full-width punctuation differ from the sum of the words' own (by up to 1.5 px a line in Japanese). Only there:
  // each measurement is new text, for the measure cache too.
  const joinedRuns = CJK_TEXT.test(line.t);
  const moved = [];
  let pos = 0, run = null;  // the joined run the word may continue: its first character and where it starts
  visual.forEach((i, v) => {
    const w = words[i];
    if (spaced[v]) pos += W;
    // CSS word spacing widens no-break spaces too (word separators): a word that holds one ("1\u00A0Once") is wider.
    let width = w.scaled + (line.t.slice(w.start, w.end).split('\u00A0').length - 1) * (W - scaledSpace);
    if (joinedRuns && run && !spaced[v] && v > 0 && i === visual[v - 1] + 1) {
      pos = run.x + widthAt(size, line.t.slice(run.start, w.start));
      width = run.x + widthAt(size, line.t.slice(run.start, w.end)) - pos;
    } else {
      run = { start: w.start, x: pos };
    }
    if (w.face === undefined && Math.abs(pos - w.x) <= ALIGN_TOLERANCE && Math.abs(width - w.w) <= ALIGN_TOLERANCE) {
      pos += width;
      return;
    }
    moved.push({ start: w.start, end: w.end, margin: w.x - pos,
                 size: w.natural > 0 ? line.s * (w.w / w.natural) : size,
                 ...(w.face !== undefined ? { font: fontOf(w.face) } : {}) });
    pos = w.x + w.w;
    run = null;  // the text after a word of its own is laid out from its end
  });
  moved.sort((a, b) => a.start - b.start);
  return { size, wordSpacing: W - scaledSpace, width: target, moved };
}

// Appends text[from, to) to parent: plain text, and the parts of moved words (sorted, within the text) as spans of
// their own size, the word's margin on its first part (its last on a right-to-left line, where that one is leftmost).
function appendPlaced(parent, text, from, to, moved, rightToLeft) {
  let at = from;
  for (const m of moved) {
    if (m.end <= from || m.start >= to) continue;
    const start = Math.max(m.start, from), end = Math.min(m.end, to);
    if (start > at) parent.append(text.slice(at, start));
    const part = document.createElement('span');
    part.textContent = text.slice(start, end);
    // No word spacing inside a word: its no-break spaces are as wide as measured.
    let style = `font-size:${m.size.toFixed(3)}px;word-spacing:0`;
    if (m.font) style += `;font-family:${m.font.family};font-weight:${m.font.weight};font-style:${m.font.style}`;
    if ((rightToLeft ? end === m.end : start === m.start) && Math.abs(m.margin) > 0.005) {
      style += `;margin-left:${m.margin.toFixed(3)}px`;
    }
    part.style.cssText = style;
    parent.append(part);
    at = end;
  }
  if (to > at) parent.append(text.slice(at, to));
}

// Fills `span` with one line of a chunk: its runs (links as <a>), its words where Galley drew them (placeWords).
// measureWidth: createMeasure()'s. Returns {font: fontOf the line's face, placed: placeWords's answer}, for the
// caller's style (font size and word spacing from placed).
export function fillLine(span, line, hrefs, measureWidth) {
  const font = fontOf(line.f);
  const widthAt = (size, text, face) => {
    const f = face === undefined ? font : fontOf(face);
    return measureWidth(`${f.style} ${f.weight} ${size}px ${f.family}`, text);
  };
  const runs = line.k && line.k.reduce((n, [text]) => n + text.length, 0) === line.t.length ? line.k : [[line.t, -1]];
  const cuts = [];
  for (let i = 0, at = 0; i + 1 < runs.length; i++) cuts.push(at += runs[i][0].length);
  const words = drawnWords(line, widthAt(line.s, '-'));
  const placed = placeWords(line, words, widthAt, cuts);
  // A right-to-left line (its paragraph's direction, "d"): the browser orders its words as Galley drew them.
  if (line.d === 'rtl') span.dir = 'rtl';
  let runStart = 0, link = null;   // the <a> of the run before, while the next goes on in the same link
  for (const [text, hrefIndex, marks = ''] of runs) {
    const names = marks ? marks.split(' ') : [];
    const target = hrefIndex >= 0 ? hrefs[hrefIndex] : null;
    const inArticle = typeof target === 'string' && target.startsWith('#');
    const href = inArticle ? `#${ARTICLE_ID_PREFIX}${target.slice(1)}` : target !== null ? safeHref(target) : null;
    if (!href) link = null;
    else if (!link || link.getAttribute('href') !== href) {
      link = document.createElement('a');
      link.href = href;
      if (inArticle) {
        // A note reference (to "#id") is where its note links back to ("#ref:id"): the first one gets that id.
        const back = `${ARTICLE_ID_PREFIX}ref:${target.slice(1)}`;
        if (target.startsWith('#ref:')) link.setAttribute('role', 'doc-backlink');
        else if (!document.getElementById(back)) link.id = back;
      } else {
        link.target = '_blank';
        link.rel = 'noopener noreferrer';
      }
      span.append(link);
    }
    if (link && names.includes('noteref')) link.setAttribute('role', 'doc-noteref');
    // The marks' elements, outermost first (as the bridge names them), in the link (or the line).
    let parent = link || span;
    for (const tag of names) {
      if (!MARK_ELEMENTS.has(tag)) continue;
      const el = document.createElement(tag);
      parent.append(el);
      parent = el;
    }
    appendPlaced(parent, line.t, runStart, runStart + text.length, placed.moved, line.d === 'rtl');
    runStart += text.length;
  }
  return { font, placed };
}

// The elements a run's marks ("k": its third field, line_runs.h's runMarkNames) may make: no other tag is made.
const MARK_ELEMENTS = new Set(['strong', 'em', 's', 'code', 'sup', 'sub']);

function slugify(text) {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'section';
}

// A part's text as find and copy see it: lines joined by a space, except where a word breaks or a drop cap ends.
function textOf(lines) {
  return lines.map((l, i) => l.t + (i + 1 < lines.length && !l.iw && l.r !== 'dropcap' ? ' ' : '')).join('').trim();
}

// Groups lines into a tree: blocks (header, or one per article block) of parts (elements holding lines). `carry`:
// the block the last chunk ended in, when this chunk's first lines continue it. In a list,
// a marker line starts an item: the next part is its first, with `item` {level: its depth, number: in an ordered
// list}; the marker itself is drawn, and ul/ol give screen readers the numbering.
function groupLines(lines, blocks, carry) {
  const groups = [];
  const byKey = new Map();
  let startsItem = null;
  for (const line of lines) {
    if (line.r === 'marker') {
      startsItem = { level: line.l || 0, number: line.n };
      continue;
    }
    const key = line.b < 0 ? 'header' : `b${line.b}`;
    let group = byKey.get(key);
    if (!group) {
      const continued = !groups.length && carry?.block === line.b;
      // Notes come after the last block, in a block index of their own.
      const type = line.b < 0 ? 'header' : line.r === 'note' && line.b >= blocks.length ? 'notes'
        : blocks[line.b]?.type || 'paragraph';
      group = { block: line.b, type, parts: [], continued };
      byKey.set(key, group);
      groups.push(group);
    }
    // A new part when the role changes, and for each list item and table cell.
    const partKey = line.r === 'cell' ? `cell${line.i}`
      : line.r === 'dropcap' ? 'paragraph' : line.r;
    let part = group.parts[group.parts.length - 1];
    if (!part || part.key !== partKey || startsItem) {
      part = { key: partKey, role: line.r === 'dropcap' ? 'paragraph' : line.r, level: line.l || 0, lines: [] };
      if (group.type === 'list' && startsItem) part.item = startsItem;
      startsItem = null;
      group.parts.push(part);
    }
    part.lines.push(line);
  }
  return groups;
}

const CONTAINER_TAG = { header: 'header', quote: 'blockquote', pullquote: 'aside', image: 'figure', embed: 'figure',
                        notes: 'section' };
const PART_TAG = { title: 'h1', subtitle: 'p', byline: 'p', paragraph: 'p', quote: 'p', pullquote: 'p', list: 'div', code: 'pre',
                   caption: 'figcaption', attribution: 'p' };

function boxOf(lines, extra = []) {
  let top = Infinity, bottom = -Infinity;
  for (const l of lines) { top = Math.min(top, l.y); bottom = Math.max(bottom, l.y + l.h); }
  for (const b of extra) { top = Math.min(top, b.y); bottom = Math.max(bottom, b.y + b.h); }
  return { top, height: Math.max(0, bottom - top) };
}

// In normal flow: the top margin takes the element from where the previous one ended to where layout put it.
function place(el, box, flow) {
  el.style.marginTop = `${box.top - flow.bottom}px`;
  el.style.height = `${box.height}px`;
  flow.bottom = box.top + box.height;
}

// Creates an empty layer in `container` and returns it; the layout's lines arrive in chunks of whole blocks
// (galley_text_layer_next) and append() adds each after the ones before, so a long article's layer is built in
// slices that never hold the page for long. A long paragraph or list comes in parts: each part is an element of its
// own (a second p, or ul/ol numbered on), in the next chunk's section. info: galley_article_info()'s JSON (blocks,
// lang). imageState(block): 'loaded', 'missing' or 'loading'. The layer: {append(chunk), headings: [{id, text,
// level, element}], blockBoxes: Map(block → {top, bottom}, where layout put it, from the container's top; a block in
// several parts spans them all), figures: Map(block → image
// element), words, lead (the text of the dek, or else of the first paragraph: what describes the article)}.
// onTableScroll(block, scrollLeft): a table that scrolls sideways was scrolled (table-layer.js).
export function createTextLayer(container, info, { imageState = () => 'loading', onTableScroll = () => {},
                                                  visible = false } = {}) {
  container.replaceChildren();
  if (info.lang) container.lang = info.lang;
  if (info.dir) container.dir = info.dir;
  const measureWidth = createMeasure();
  const blocks = info.blocks || [];
  const usedIds = new Set(blocks.map((b) => b.anchor).filter(Boolean));
  const rootFlow = { bottom: 0 };
  const dpr = window.devicePixelRatio || 1;
  // Where the browser puts the baseline of a row of this font ({family, weight, style}), size and line height (px),
  // below the row's top: a probe in the layer, once each (visible layer only).
  const baselines = new Map();
  const baselineOffset = (font, size, lineHeight) => {
    const key = `${font.style} ${font.weight} ${size}/${lineHeight} ${font.family}`;
    let offset = baselines.get(key);
    if (offset !== undefined) return offset;
    const probe = document.createElement('div');
    probe.className = 'baseline-probe';
    probe.style.cssText = `font-family:${font.family};font-weight:${font.weight};font-style:${font.style};` +
      `font-size:${size}px;line-height:${lineHeight}px`;
    const mark = document.createElement('span');
    probe.append('x', mark);
    container.append(probe);
    offset = mark.getBoundingClientRect().bottom - probe.getBoundingClientRect().top;
    probe.remove();
    baselines.set(key, offset);
    return offset;
  };
  // How far to move a line (or marker) whose box the browser puts at `top`, with its baseline `offset` below it, so
  // that its baseline lands on the device pixel the canvas draws it on.
  const baselineShift = (line, top, offset) => Math.round((line.y + line.bl) * dpr) / dpr - (top + offset);
  const layer = { headings: [], blockBoxes: new Map(), figures: new Map(), lead: '', append };
  let carry = null;   // the block the last chunk ended in, while it may go on in the next

  // One drawn line, flowX where the inline flow puts the span in its row (0, except after a drop cap), rowTop where
  // its row starts.
  // rowBaseline: where the browser puts its row's baseline, below rowTop (visible layer only).
  const makeLine = (line, hrefs, flowX, rowTop, rowBaseline) => {
    const span = document.createElement('span');
    span.className = 'line';
    const { font, placed } = fillLine(span, line, hrefs, measureWidth);
    const top = visible && line.bl !== undefined ? baselineShift(line, rowTop, rowBaseline) : line.y - rowTop;
    span.style.cssText = `left:${(line.x - flowX).toFixed(2)}px;top:${top.toFixed(3)}px;` +
      `font-size:${placed.size.toFixed(3)}px;font-family:${font.family};font-weight:${font.weight};` +
      `font-style:${font.style};word-spacing:${placed.wordSpacing.toFixed(3)}px`;
    if (line.hy) span.classList.add('hy');
    if (line.c) span.dataset.color = line.c;
    // A wrapped line of code: its continuation mark where Galley draws it (generated content, galley.css).
    if (visible && line.cm !== undefined) {
      span.dataset.cont = '';
      span.style.setProperty('--galley-mark-x', `${line.cm.toFixed(2)}px`);
    }
    return { span, width: placed.width };
  };

  // The lines of one part as rows of a zero-width element: a space after a line that ends between words, <wbr>
  // after one that ends inside a word ("accor-" / "dance": find and copy see "accordance").
  const fillPart = (partEl, part, hrefs, partTop) => {
    const rowHeight = part.lines.find((l) => l.r !== 'dropcap')?.h || part.lines[0].h;
    const body = part.lines.find((l) => l.r !== 'dropcap') || part.lines[0];
    const font = fontOf(body.f);
    partEl.style.fontSize = `${body.s}px`;
    partEl.style.lineHeight = `${rowHeight}px`;
    partEl.style.fontFamily = font.family;
    const rowBaseline = visible ? baselineOffset({ family: font.family, weight: 'normal', style: 'normal' }, body.s, rowHeight) : 0;
    let row = 0, flowX = 0;
    part.lines.forEach((line, i) => {
      const { span, width } = makeLine(line, hrefs, flowX, partTop + row * rowHeight, rowBaseline);
      partEl.append(span);
      if (line.r === 'dropcap') { flowX += width; return; }   // the rest of its word follows on the same row
      flowX = 0;
      row++;
      if (i + 1 < part.lines.length) {
        // Code keeps its own lines (a copy has them); a wrapped one goes on ("cm") as text does.
        if (part.role === 'code' && part.lines[i + 1].cm === undefined) partEl.append(document.createElement('br'));
        else if (line.iw) partEl.append(document.createElement('wbr'));
        else partEl.append(' ');
      }
    });
  };

  // A table block: its caption in flow, then the table (table-layer.js) in the box layout gave it.
  const makeTable = (group, table, groupBox, flow, hrefs) => {
    const el = document.createElement('div');
    el.className = 'block table';
    place(el, groupBox, flow);
    const innerFlow = { bottom: groupBox.top };
    const cells = new Map();
    let caption = null;
    for (const part of group.parts) {
      if (part.role === 'cell') { cells.set(part.lines[0].i, part); continue; }
      const box = boxOf(part.lines);
      caption = document.createElement('p');
      caption.className = `part text ${part.role}`;
      if (blocks[group.block]?.dir) caption.dir = blocks[group.block].dir;
      place(caption, box, innerFlow);
      fillPart(caption, part, hrefs, box.top);
      el.append(caption);
    }
    const tableEl = createTableElement(table, cells, { caption, fillPart, hrefs, onScroll: onTableScroll });
    place(tableEl, { top: table.y, height: table.h }, innerFlow);
    el.append(tableEl);
    return el;
  };

  // A part's element (PART_TAG's, a heading's by its level), placed in `flow` and filled with its lines; code's lines
  // are in a <code> in the <pre>.
  const makePart = (part, blockInfo, box, flow, hrefs) => {
    let tag = PART_TAG[part.role] || 'p';
    if (part.role === 'heading') tag = `h${Math.min(6, Math.max(2, (blockInfo?.level || 1) + 1))}`;
    const partEl = document.createElement(tag);
    partEl.className = `part text ${part.role}`;
    if (blockInfo?.dir) partEl.dir = blockInfo.dir;
    place(partEl, box, flow);
    if (part.role === 'code') {
      const code = document.createElement('code');
      partEl.append(code);
      fillPart(code, part, hrefs, box.top);
    } else {
      fillPart(partEl, part, hrefs, box.top);
    }
    return partEl;
  };

  // An image's box (its alt text, for find and screen readers; the canvas draws the picture).
  const makeImage = (im, box, flow) => {
    const imageEl = document.createElement('div');
    imageEl.className = 'part figure-image';
    place(imageEl, box, flow);
    imageEl.style.marginLeft = `${im.x}px`;
    imageEl.style.width = `${im.w}px`;
    if (im.alt) { imageEl.setAttribute('role', 'img'); imageEl.setAttribute('aria-label', im.alt); }
    else imageEl.setAttribute('role', 'presentation');
    const alt = document.createElement('span');
    alt.className = 'alt';
    alt.setAttribute('aria-hidden', 'true');   // the role=img label already says it
    alt.textContent = im.alt || 'Image not available';
    imageEl.append(alt);
    imageEl.dataset.state = imageState(im.b);
    layer.figures.set(im.b, imageEl);
    return imageEl;
  };

  // A list block as the article nests it: ul/ol > li, an item's text and blocks in its li, a list in an item inside
  // its li. Each element is placed in the flow of the one holding it, from its parts' boxes. An ordered list starts at
  // its first item's number (a list, or a list the last chunk began, numbered on). A chunk that goes on inside an
  // item nests its lines in items without a marker of their own. An image in an item (`images`: the block's, which
  // share its index) goes in the item of the part before it.
  const makeList = (group, blockInfo, groupBox, flow, hrefs, images) => {
    const newList = (depth, ordered) => ({ depth, ordered, items: [], start: undefined });
    const root = newList(0, !!blockInfo?.ordered);
    const lists = [root];   // the open list at each depth
    const itemOf = (list) => {
      if (!list.items.length) list.items.push({ children: [] });   // the chunk goes on inside an item
      return list.items[list.items.length - 1];
    };
    const openList = (depth, ordered) => {
      lists.length = Math.min(lists.length, depth + 1);
      while (lists.length <= depth) {
        const inner = newList(lists.length, ordered);
        itemOf(lists[lists.length - 1]).children.push({ list: inner });
        lists.push(inner);
      }
      return lists[depth];
    };
    const pending = [...images].sort((a, b) => a.y - b.y);
    let current = null;   // the item the last part went in
    const imagesBefore = (top) => {
      while (pending.length && pending[0].y < top) (current || itemOf(root)).children.push({ image: pending.shift() });
    };
    for (const part of group.parts) {
      imagesBefore(boxOf(part.lines).top);
      if (part.item) {
        const list = openList(part.item.level, part.item.number !== undefined);
        if (list.start === undefined && part.item.number !== undefined) list.start = part.item.number;
        current = { children: [{ part }] };
        list.items.push(current);
      } else {
        current = itemOf(openList(part.level, false));
        current.children.push({ part });
      }
    }
    imagesBefore(Infinity);
    const boxOfChildren = (children) => {
      const lines = [], extra = [];
      const walk = (c) => {
        if (c.part) lines.push(...c.part.lines);
        else if (c.image) extra.push(c.image);
        else for (const it of c.list.items) it.children.forEach(walk);
      };
      children.forEach(walk);
      return boxOf(lines, extra);
    };
    const render = (list, box, outerFlow) => {
      const el = document.createElement(list.ordered ? 'ol' : 'ul');
      el.className = list.depth === 0 ? 'block list' : 'list';
      if (list.ordered && list.start !== undefined && list.start !== 1) el.start = list.start;
      place(el, box, outerFlow);
      const listFlow = { bottom: box.top };
      for (const item of list.items) {
        const li = document.createElement('li');
        li.className = 'item';
        const itemBox = boxOfChildren(item.children);
        place(li, itemBox, listFlow);
        const itemFlow = { bottom: itemBox.top };
        for (const child of item.children) {
          if (child.list) { li.append(render(child.list, boxOfChildren([child]), itemFlow)); continue; }
          if (child.image) {
            li.append(makeImage(child.image, { top: child.image.y, height: child.image.h }, itemFlow));
            continue;
          }
          const { part } = child;
          li.append(makePart(part, blockInfo, boxOf(part.lines), itemFlow, hrefs));
        }
        el.append(li);
      }
      return el;
    };
    return render(root, groupBox, flow);
  };

  // A list marker, shown (visible layer only) where Galley drew it: from the top of its chunk's section, which the
  // section's containment makes the box it is placed in. Its text is generated content: screen readers have the
  // list's own numbering, and find and copy never see it, as with WebGL2.
  const makeMarker = (line, sectionTop) => {
    const el = document.createElement('span');
    el.className = 'marker';
    el.setAttribute('aria-hidden', 'true');
    el.dataset.marker = line.t;
    if (line.c) el.dataset.color = line.c;
    const font = fontOf(line.f);
    const x = line.x + ((line.wb || [])[1] || 0) / 8;
    const top = line.y + (line.bl !== undefined ? baselineShift(line, line.y, baselineOffset(font, line.s, line.h)) : 0);
    el.style.cssText = `left:${x.toFixed(2)}px;top:${(top - sectionTop).toFixed(3)}px;` +
      `height:${line.h.toFixed(2)}px;line-height:${line.h.toFixed(2)}px;font-size:${line.s.toFixed(3)}px;` +
      `font-family:${font.family};font-weight:${font.weight};font-style:${font.style}`;
    return el;
  };

  // chunk: {lines, hrefs, images, tables}: whole blocks, after those appended before.
  function append(chunk) {
    const hrefs = chunk.hrefs || [];
    const lines = chunk.lines;
    const groups = groupLines(lines, blocks, carry);
    const lastGroup = groups[groups.length - 1];
    carry = lastGroup && lastGroup.block >= 0 ? { block: lastGroup.block } : null;
    const imagesByBlock = new Map(chunk.images.map((im) => [im.b, im]));
    const tablesByBlock = new Map((chunk.tables || []).map((t) => [t.b, t]));
    // Figures without a caption have no lines, nor tables of empty cells: give them a group of their own, in order.
    for (const im of chunk.images) {
      if (!groups.some((g) => g.block === im.b)) groups.push({ block: im.b, type: 'image', parts: [] });
    }
    for (const t of chunk.tables || []) {
      if (!groups.some((g) => g.block === t.b)) groups.push({ block: t.b, type: 'table', parts: [] });
    }
    groups.sort((a, b) => a.block - b.block);
    if (!groups.length) return;
    // Each chunk sits in a section of its own that the browser may skip while it is off screen
    // (content-visibility: auto): a long article's layer then costs style, layout and paint only where the reader
    // is. Skipped text stays in the accessibility tree, find in page and selection (which make it relevant again).
    const chunkBox = boxOf(groups.flatMap((g) => g.parts.flatMap((p) => p.lines)),
                           [...chunk.images, ...(chunk.tables || [])].map((box) => ({ y: box.y, h: box.h })));
    const section = document.createElement('div');
    section.className = 'chunk';
    place(section, chunkBox, rootFlow);
    const chunkFlow = { bottom: chunkBox.top };
    const frag = document.createDocumentFragment();

    for (const group of groups) {
      const blockInfo = group.block >= 0 ? blocks[group.block] : null;
      const image = imagesByBlock.get(group.block), table = tablesByBlock.get(group.block);
      const allLines = group.parts.flatMap((p) => p.lines);
      const blockImages = group.type === 'list' ? chunk.images.filter((im) => im.b === group.block) : image ? [image] : [];
      const groupBox = boxOf(allLines, table ? [...blockImages, table] : blockImages);
      // Layout's own coordinates, not the elements': a section the browser skips (content-visibility) has only its
      // placeholder size, so the offsets of what follows it are not where layout put them until it is rendered.
      const known = layer.blockBoxes.get(group.block);
      const bottom = groupBox.top + groupBox.height;
      layer.blockBoxes.set(group.block, known ? { top: Math.min(known.top, groupBox.top), bottom: Math.max(known.bottom, bottom) }
        : { top: groupBox.top, bottom });

      if (group.type === 'list') {
        frag.append(makeList(group, blockInfo, groupBox, chunkFlow, hrefs, blockImages));
        continue;
      }
      if (table) {
        frag.append(makeTable(group, table, groupBox, chunkFlow, hrefs));
        continue;
      }
      let containerEl = null;
      if (CONTAINER_TAG[group.type]) containerEl = document.createElement(CONTAINER_TAG[group.type]);
      // Parts inside a container flow from the container's top; the container itself from the previous block.
      const innerFlow = { bottom: groupBox.top };
      if (containerEl) {
        containerEl.className = `block ${group.type}`;
        place(containerEl, groupBox, chunkFlow);
        if (group.type === 'pullquote') containerEl.setAttribute('aria-label', 'Pull quote');
        if (group.type === 'notes') containerEl.setAttribute('role', 'doc-endnotes');
        frag.append(containerEl);
      }
      const parts = group.parts.map((part) => ({ part, box: boxOf(part.lines) }));
      if (image) parts.push({ image, box: { top: image.y, height: image.h } });
      parts.sort((a, b) => a.box.top - b.box.top);

      for (const { part, image: im, box } of parts) {
        if (im) {
          (containerEl || frag).append(makeImage(im, box, containerEl ? innerFlow : chunkFlow));
          continue;
        }
        const partEl = makePart(part, blockInfo, box, containerEl ? innerFlow : chunkFlow, hrefs);
        if (part.role === 'note') {
          // A note's id, from its label's link back to its reference ("#ref:id"): what references link to.
          const back = partEl.querySelector(`a[href^="#${ARTICLE_ID_PREFIX}ref:"]`);
          if (back) partEl.id = ARTICLE_ID_PREFIX + back.getAttribute('href').slice(`#${ARTICLE_ID_PREFIX}ref:`.length);
        }
        if (!layer.lead && (part.role === 'subtitle' || part.role === 'paragraph')) {
          layer.lead = textOf(part.lines);
        }
        if (part.role === 'heading' && !group.continued) {
          let id = blockInfo?.anchor;
          if (!id) {
            const base = slugify(part.lines.map((l) => l.t).join(' '));
            id = base;
            for (let n = 2; usedIds.has(id); n++) id = `${base}-${n}`;
            usedIds.add(id);
          }
          partEl.id = ARTICLE_ID_PREFIX + id;
          layer.headings.push({ id, level: blockInfo?.level || 1, text: part.lines.map((l) => l.t).join(' ').trim(),
                                element: partEl });
        }
        (containerEl || frag).append(partEl);
      }
    }
    if (visible) {
      for (const line of lines) if (line.r === 'marker') frag.append(makeMarker(line, chunkBox.top));
    }
    section.append(frag);
    container.append(section);
  }

  return layer;
}
