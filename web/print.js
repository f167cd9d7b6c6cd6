// print.js — printing an article as Galley sets it. A browser prints the page's DOM, and a WebGL canvas only as the
// one screenful it last drew; the text layer holds every line but is transparent and placed for the screen's column.
// So for paper the article is laid out again (viewer.printLayout: the core, whole, at the printed column's width and
// body size) and a print-only DOM is built from those lines: each line a block of Galley's words at Galley's positions
// (the text layer's own fitting, text-layer.js's fillLine), in the shipped faces (the FontFaces the viewer registered,
// each slice with its unicode-range: the same files it draws from, so every character the screen drew prints), in
// the light theme's ink whatever the screen's theme. `@media print` (PRINT_CSS) shows only that DOM.
//
// Pagination is the browser's, steered by the layout's own knowledge of which lines make a paragraph: the first two
// lines of every paragraph (list item, quote, caption) and its last two are each a `break-inside: avoid` group, so a
// page never ends after a paragraph's first line or starts with its last (a paragraph of two or three lines stays
// whole); headings and the article's header keep with what follows (`break-after: avoid`), a figure keeps its image
// and caption together, an attribution its quote. The browser still splits a group taller than a page.
//
// Links: the lines keep their <a> elements (live links in the PDF), and a list after the article gives each link's
// text and address, footnote style; the lines themselves stay as Galley set them (an address after the link text
// would change their width).
//
// beforeprint builds the print DOM and afterprint removes it, so the browser's own menu, Ctrl+P and the toolbar's
// Print button (window.print) give the same pages; the screen's layout, scroll position and width are not touched
// (the viewer's resize handling pauses while the page is laid out for paper).
import { THEMES } from './themes.js';
import { DEFAULT_SETTINGS, LINE_HEIGHT, MEASURE_EM } from './settings.js';
import { FACES } from './faces.js';
import { createMeasure, fillLine, safeHref } from './text-layer.js';

// The printed page. The reader's printer may hold A4 or US Letter, and a page's script cannot know which before the
// browser lays the page out for it (beforeprint comes first), so the column is set for the narrower, A4 (210 mm;
// Letter is 215.9), and centred on either. Margins leave room for the running title and the page number.
export const PRINT_PAGE = Object.freeze({ widthMm: 210, marginMm: Object.freeze({ top: 20, right: 20, bottom: 22, left: 20 }) });
const CSS_PX_PER_MM = 96 / 25.4;
// Paper is read nearer than a screen: the default 18 px body prints at 11 pt (a book's size; 1 pt is 96/72 CSS px),
// other sizes in proportion.
const PRINT_BODY_PT = 11;

// The column for `settings` (the reader's): {width: CSS px, fontSize: CSS px, lineHeight}. As on a screen (viewer.cpp's
// measure), the width is the page's less its margins, at most the reader's measure in ems of the body size.
export function printColumn(settings) {
  const { left, right } = PRINT_PAGE.marginMm;
  const printable = (PRINT_PAGE.widthMm - left - right) * CSS_PX_PER_MM;
  // Hundredths: the layout reports sizes so, and a test sets the same column with `galley layout --font-size`.
  const fontSize = Math.round(settings.size * (PRINT_BODY_PT * 96 / 72) / DEFAULT_SETTINGS.size * 100) / 100;
  return { width: Math.floor(Math.min(printable, MEASURE_EM[settings.width] * fontSize)), fontSize,
           lineHeight: LINE_HEIGHT[settings.spacing] };
}

const INK = THEMES.light;
const SANS = FACES.findIndex((face) => face.style === 'Sans');
const CONTAINER_TAG = { header: 'header', quote: 'blockquote', pullquote: 'aside', image: 'figure' };
const PART_TAG = { title: 'h1', subtitle: 'p', byline: 'p', paragraph: 'p', quote: 'p', pullquote: 'p', list: 'li',
                   caption: 'figcaption', attribution: 'p' };
// Lines that stand beside another line rather than below it: placed from the line they belong to.
const BESIDE = new Set(['marker', 'dropcap']);
// Lines kept together at each end of a paragraph: no widows, no orphans.
const KEEP_LINES = 2;

// A CSS string literal of any text (the article's title in the page's running head).
function cssString(text) {
  return `"${text.replace(/[\\"]/g, '\\$&').replace(/[\u0000-\u001f\u007f]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}

// The blocks of the layout, in order: {key, block (-1: header), type, top, bottom, items: lines, beside lines and the
// image, in layout order}.
function blocksOf(layout) {
  const blocks = [], byKey = new Map();
  const blockOf = (b) => {
    let entry = byKey.get(b);
    if (!entry) {
      entry = { block: b, type: b < 0 ? 'header' : layout.info.blocks[b]?.type || 'paragraph', top: Infinity,
                bottom: -Infinity, lines: [], image: null };
      byKey.set(b, entry);
      blocks.push(entry);
    }
    return entry;
  };
  for (const line of layout.lines) {
    const entry = blockOf(line.b);
    entry.lines.push(line);
    entry.top = Math.min(entry.top, line.y);
    entry.bottom = Math.max(entry.bottom, line.y + line.h);
  }
  for (const im of layout.images) {
    const entry = blockOf(im.b);
    entry.image = im;
    entry.top = Math.min(entry.top, im.y);
    entry.bottom = Math.max(entry.bottom, im.y + im.h);
  }
  for (const table of layout.tables || []) {
    const entry = blockOf(table.b);
    entry.table = table;
    entry.top = Math.min(entry.top, table.y);
    entry.bottom = Math.max(entry.bottom, table.y + table.h);
  }
  return blocks.sort((a, b) => a.block - b.block);
}

// A block's parts: runs of lines of one role (a new one for each list item), each holding its beside lines with
// the line they stand by; the image as a part of its own, where layout put it.
function partsOf(entry) {
  const parts = [];
  let pendingBeside = [], listItem = 0, part = null;
  for (const line of entry.lines) {
    if (line.r === 'cell') continue;   // the table's part places its cells' lines
    if (BESIDE.has(line.r)) { pendingBeside.push(line); continue; }
    const key = line.r === 'list' ? `list${listItem}` : line.r;
    if (!part || part.key !== key) {
      part = { key, role: line.r, lines: [], top: line.y };
      parts.push(part);
    }
    part.lines.push({ line, beside: pendingBeside });
    pendingBeside = [];
    if (line.r === 'list' && line.last) listItem++;
  }
  if (entry.image) parts.push({ image: entry.image, top: entry.image.y });
  if (entry.table) parts.push({ table: entry.table, top: entry.table.y });
  return parts.sort((a, b) => a.top - b.top);
}

// Builds the print DOM for `layout` (viewer.printLayout's): a new <article>, the link list at its end.
function buildPrintDocument(layout, { imageBitmap }) {
  const measure = createMeasure();
  const root = document.createElement('article');
  root.id = 'galley-print';
  if (layout.lang) root.lang = layout.lang;
  if (layout.info.dir) root.dir = layout.info.dir;
  root.style.width = `${layout.width}px`;
  const flow = { bottom: 0 };
  // Each leaf (line, image, rule) gets the top margin that puts it where layout did, below the one before; containers
  // have none of their own (their first leaf's collapses through them), so the browser truncates the gap at a page's
  // top as it does any margin.
  const placeLeaf = (el, top, height) => {
    el.style.marginTop = `${(top - flow.bottom).toFixed(2)}px`;
    el.style.height = `${height.toFixed(2)}px`;
    flow.bottom = top + height;
  };
  const links = [];
  let openLink = null;   // the link the last line ended in: it may go on in the next

  const makeLine = (line, { beside = false } = {}) => {
    const el = document.createElement('span');
    el.className = 'print-line';
    const { font, placed } = fillLine(el, line, layout.hrefs, measure);
    if (line.hy) el.append('-');   // drawn by the canvas on screen; on paper it is the line's own text
    el.style.cssText = `margin-left:${line.x.toFixed(2)}px;line-height:${line.h.toFixed(2)}px;` +
      `font-size:${placed.size.toFixed(3)}px;font-family:${font.family};font-weight:${font.weight};` +
      `font-style:${font.style};word-spacing:${placed.wordSpacing.toFixed(3)}px;color:${INK[line.c || 'text']}`;
    if (beside) el.classList.add('beside');
    for (const a of el.querySelectorAll('a')) a.style.color = INK.link;
    if (!beside) collectLinks(line);
    return el;
  };
  // The article's links in order, a link broken across lines as one: {text, href}.
  const collectLinks = (line) => {
    let link = null;
    (line.k || []).forEach(([text, hrefIndex], i) => {
      const href = hrefIndex >= 0 ? safeHref(layout.hrefs[hrefIndex]) : null;
      if (!href) link = null;
      else if (link?.href === href) link.text += text;   // one link, in runs of its marks
      else if (i === 0 && openLink?.href === href) { link = openLink; link.text += text; }
      else links.push(link = { href, text });
    });
    openLink = link;   // the line ended in it
    if (link && !line.iw) link.text += ' ';
  };

  // A line in flow, with the lines that stand beside it (a list marker, a drop cap) placed from it.
  const lineWithBeside = ({ line, beside }) => {
    const el = makeLine(line);
    placeLeaf(el, line.y, line.h);
    for (const other of beside) {
      const b = makeLine(other, { beside: true });
      b.style.left = `${(other.x - line.x).toFixed(2)}px`;
      b.style.top = `${(other.y - line.y).toFixed(2)}px`;
      b.style.height = `${other.h.toFixed(2)}px`;
      b.style.marginLeft = '0';
      el.append(b);
    }
    return el;
  };
  const keepGroup = (lines) => {
    const group = document.createElement('span');
    group.className = 'print-keep';
    for (const l of lines) group.append(lineWithBeside(l));
    return group;
  };
  // A part's lines, paragraph by paragraph (each ends with a "last" line): the first and last KEEP_LINES of each
  // kept together (all of it when those overlap).
  const fillRun = (el, lines) => {
    for (let start = 0; start < lines.length;) {
      let end = start;
      while (end < lines.length - 1 && !lines[end].line.last) end++;
      const paragraph = lines.slice(start, end + 1);
      start = end + 1;
      if (paragraph.length <= 2 * KEEP_LINES - 1) { el.append(keepGroup(paragraph)); continue; }
      el.append(keepGroup(paragraph.slice(0, KEEP_LINES)));
      for (const l of paragraph.slice(KEEP_LINES, -KEEP_LINES)) el.append(lineWithBeside(l));
      el.append(keepGroup(paragraph.slice(-KEEP_LINES)));
    }
  };
  const makeImage = (im, block) => {
    const el = document.createElement('div');
    el.className = 'print-image';
    placeLeaf(el, im.y, im.h);
    el.style.marginLeft = `${im.x.toFixed(2)}px`;
    el.style.width = `${im.w.toFixed(2)}px`;
    const bitmap = imageBitmap(block);
    if (bitmap) {
      const canvas = document.createElement('canvas');
      canvas.width = bitmap.width;
      canvas.height = bitmap.height;
      canvas.getContext('2d').drawImage(bitmap, 0, 0);
      if (im.alt) { canvas.setAttribute('role', 'img'); canvas.setAttribute('aria-label', im.alt); }
      el.append(canvas);
    } else {
      el.classList.add('missing');
      el.textContent = im.alt || 'Image not available';
    }
    return el;
  };
  // A rule as a border, which prints where a background would not (browsers leave backgrounds out by default).
  const makeRule = (rule, style) => {
    const el = document.createElement('div');
    el.className = 'print-rule';
    el.style.cssText = `${style};box-sizing:border-box;width:${rule.w.toFixed(2)}px;` +
      `border-top:${rule.h.toFixed(2)}px solid ${INK[rule.c] || INK.rule}`;
    return el;
  };

  // A table, row by row (a page may break between rows): each row a leaf holding the lines of the cells that start
  // in it and the rules on it, placed from its top. A table wider than the paper's column (one that scrolls on a
  // screen, laid out at its minimum widths) is scaled down to the column: paper cannot scroll, and every cell stays
  // whole and legible at the scale of a data table (an 8-column one at about four fifths).
  const makeTableRows = (table, lines, rules) => {
    const scale = table.cw > layout.width ? layout.width / table.cw : 1;
    const tops = [table.top];
    for (const h of table.rows) tops.push(tops[tops.length - 1] + h);
    const rowOf = (y) => {
      let r = 0;
      while (r + 1 < table.rows.length && y >= tops[r + 1] - 0.5) r++;
      return r;
    };
    const rows = table.rows.map(() => ({ lines: [], rules: [] }));
    for (const line of lines) rows[rowOf(line.y)].lines.push(line);
    for (const rule of rules) rows[rowOf(rule.y)].rules.push(rule);
    return rows.map((row, r) => {
      const top = r === 0 ? table.y : tops[r];
      const bottom = r + 1 === rows.length ? table.y + table.h : tops[r + 1];
      const el = document.createElement('div');
      el.className = 'print-table-row';
      placeLeaf(el, top, bottom - top);
      el.style.height = `${((bottom - top) * scale).toFixed(2)}px`;
      const inner = document.createElement('div');
      inner.className = 'print-table-content';
      inner.style.cssText = `width:${table.cw.toFixed(2)}px;height:${(bottom - top).toFixed(2)}px;` +
        (scale < 1 ? `transform:scale(${scale.toFixed(4)})` : `margin-left:${table.cx.toFixed(2)}px`);
      for (const line of row.lines) {
        const lineEl = makeLine(line);
        lineEl.classList.add('beside');
        lineEl.style.left = `${(line.x - table.cx).toFixed(2)}px`;
        lineEl.style.top = `${(line.y - top).toFixed(2)}px`;
        lineEl.style.height = `${line.h.toFixed(2)}px`;
        lineEl.style.marginLeft = '0';
        inner.append(lineEl);
      }
      for (const rule of row.rules) {
        const ruleEl = makeRule(rule, `left:${(rule.x - table.cx).toFixed(2)}px;top:${(rule.y - top).toFixed(2)}px`);
        ruleEl.classList.add('beside');
        inner.append(ruleEl);
      }
      el.append(inner);
      return el;
    });
  };

  const blocks = blocksOf(layout);
  // A rule that starts within a block's lines (a quote's bar) is drawn in that block, from its top; the others
  // (dividers, a pull quote's rules above and below it) are leaves of their own between blocks.
  const inside = new Map(), between = [];
  for (const rule of layout.rules) {
    const entry = blocks.find((e) => rule.y >= e.top - 0.5 && rule.y < e.bottom);
    if (entry) (inside.get(entry) || inside.set(entry, []).get(entry)).push(rule);
    else between.push(rule);
  }
  const sequence = [...blocks.map((entry) => ({ entry, top: entry.top })), ...between.map((rule) => ({ rule, top: rule.y }))]
    .sort((a, b) => a.top - b.top);

  for (const { entry, rule } of sequence) {
    if (rule) {
      const el = makeRule(rule, `margin-left:${rule.x.toFixed(2)}px`);
      placeLeaf(el, rule.y, rule.h);
      root.append(el);
      continue;
    }
    const info = entry.block >= 0 ? layout.info.blocks[entry.block] : null;
    let container = null;
    if (CONTAINER_TAG[entry.type]) container = document.createElement(CONTAINER_TAG[entry.type]);
    else if (entry.type === 'list') container = document.createElement(info?.ordered ? 'ol' : 'ul');
    if (container) {
      container.className = `print-block ${entry.type}`;
      root.append(container);
    }
    // A table's own rules go with its rows.
    const table = entry.table;
    const ownRules = table ? (inside.get(entry) || []).filter((r) => r.y >= table.y - 0.5 && r.y <= table.y + table.h) : [];
    if (table) inside.set(entry, (inside.get(entry) || []).filter((r) => !ownRules.includes(r)));
    for (const part of partsOf(entry)) {
      if (part.image) { (container || root).append(makeImage(part.image, entry.block)); continue; }
      if (part.table) {
        (container || root).append(...makeTableRows(part.table, entry.lines.filter((l) => l.r === 'cell'), ownRules));
        continue;
      }
      let tag = PART_TAG[part.role] || 'p';
      if (part.role === 'heading') tag = `h${Math.min(6, Math.max(2, (info?.level || 1) + 1))}`;
      const el = document.createElement(tag);
      el.className = `print-part ${part.role}`;
      if (info?.dir) el.dir = info.dir;
      (container || root).append(el);
      // A heading is kept whole and with what follows; a paragraph's lines as fillRun says.
      if (part.role === 'heading' || part.role === 'title') el.append(keepGroup(part.lines));
      else fillRun(el, part.lines);
    }
    for (const r of inside.get(entry) || []) {
      const el = makeRule(r, `left:${r.x.toFixed(2)}px;top:${(r.y - entry.top).toFixed(2)}px;height:${r.h.toFixed(2)}px`);
      el.classList.add('beside');
      (container || root.lastElementChild).append(el);
    }
  }

  if (links.length) root.append(linkList(links, layout.linksHeading));
  return root;
}

// The links after the article, numbered in order of appearance: each one's text and its address, under `title` (the
// layout's, in the article's language).
function linkList(links, title) {
  const section = document.createElement('section');
  section.className = 'print-links';
  const font = FACES[SANS] || FACES[0];
  section.style.fontFamily = `"${font.family}", ${font.generic}`;
  section.style.color = INK.text;
  const heading = document.createElement('h2');
  heading.textContent = title;
  const list = document.createElement('ol');
  for (const { text, href } of links) {
    const item = document.createElement('li');
    const label = document.createElement('span');
    label.textContent = `${text.trim()}: `;
    const address = document.createElement('a');
    address.href = href;
    address.textContent = href;
    address.style.color = INK.link;
    item.append(label, address);
    list.append(item);
  }
  section.append(heading, list);
  return section;
}

// The print DOM's styles, adopted with print.js (not in galley.css: not a byte of them on the first view's path).
// On paper #galley-print is the only thing shown, in the light theme's ink on white whatever the screen's theme. Each
// line is a block placed by its own top margin (containers have none: their first line's collapses through them, and
// the browser truncates it at a page's top); lines beside another (list markers) and quote bars are placed from it.
// The break rules are the groups buildPrintDocument makes: .print-keep (a paragraph's first and last two lines, a
// heading), break-after: avoid after headings and the header, figures whole, an attribution with its quote.
const PRINT_CSS = `
#galley-print { display: none; }
@media print {
  html.galley-printing, html.galley-printing body { background: #fff !important; color: ${INK.text}; }
  html.galley-printing body > :not(#galley-print) { display: none !important; }
  #galley-print * { margin: 0; padding: 0; border: 0; font-size: inherit; font-weight: inherit; }
  /* Centred: the column is set for A4 and may print on wider paper (PRINT_PAGE). */
  #galley-print, #galley-print > .print-article { display: block; margin: 0 auto; padding: 0;
    text-spacing-trim: space-all; text-autospace: no-autospace; }
  #galley-print > .print-article + .print-article { break-before: page; }
  #galley-print ul, #galley-print ol { list-style: none; }
  #galley-print .print-block, #galley-print .print-part { display: block; position: relative; }
  /* Each line as wide as its text, its left edge where layout put it, whatever the article's direction (the elements
     keep their dir for the PDF's readers; a right-to-left line orders its own words): as the text layer does. */
  #galley-print, #galley-print .print-block, #galley-print .print-part, #galley-print .print-keep { direction: ltr; }
  #galley-print .print-line { display: block; width: max-content; position: relative; white-space: pre; }
  #galley-print .print-line[dir="rtl"] { direction: rtl; unicode-bidi: isolate; }
  /* A run's marks are elements for the PDF's structure; the words stay in the faces and places Galley set them. */
  #galley-print :is(strong, em, s, code, sup, sub) { font: inherit; vertical-align: baseline; text-decoration: none; }
  #galley-print .print-links:dir(rtl) { direction: rtl; }
  #galley-print .beside { position: absolute; }
  #galley-print .print-keep { display: block; break-inside: avoid; }
  #galley-print header, #galley-print .heading { break-inside: avoid; break-after: avoid; }
  #galley-print figure { break-inside: avoid; }
  #galley-print .print-table-row { display: block; position: relative; break-inside: avoid; }
  #galley-print .print-table-content { position: relative; transform-origin: 0 0; }
  #galley-print .attribution { break-before: avoid; }
  #galley-print a { text-decoration: none; }
  #galley-print .print-image canvas { display: block; width: 100%; height: 100%; }
  #galley-print .print-image.missing { display: flex; align-items: center; justify-content: center;
    box-sizing: border-box; outline: 1px solid ${INK.rule}; font: italic 9pt/1.4 "Noto Sans", sans-serif;
    color: ${INK.muted}; }
  /* Positioned like the article's blocks, so that it paints after them: a PDF's text follows the paint order. */
  #galley-print .print-links { position: relative; margin-top: 2.5em; font-size: 8.5pt; line-height: 1.45; }
  #galley-print .print-links h2 { font-size: 10pt; font-weight: 600; margin-bottom: 0.5em; break-after: avoid; }
  #galley-print .print-links ol { list-style: decimal; padding-left: 2em; }
  #galley-print .print-links li { break-inside: avoid; overflow-wrap: anywhere; }
}`;

// The page box: margins, the running title and the page number, in a constructed sheet (the page's CSP allows no
// inline <style>), and only while printing: the title is the article's. An edition's articles each have pages of
// their own (named pages, galley-article-N), headed by their own titles.
function pageSheet(title, editionTitles = []) {
  const { top, right, bottom, left } = PRINT_PAGE.marginMm;
  const serif = FACES[0];
  const marginText = `font: italic 8.5pt "${serif.family}", ${serif.generic}; color: ${INK.muted}`;
  const page = (name, heading) => `@page ${name} { margin: ${top}mm ${right}mm ${bottom}mm ${left}mm;
    @top-center { content: ${cssString(heading || '')}; ${marginText} }
    @bottom-center { content: counter(page); ${marginText}; font-style: normal } }`;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync([page('', title), ...editionTitles.map((t, i) => page(`galley-article-${i + 1}`, t)),
    ...editionTitles.map((t, i) => `#galley-print > .print-article:nth-child(${i + 1}) { page: galley-article-${i + 1}; }`)]
    .join('\n'));
  return sheet;
}

// The print DOM of a whole edition: each article's (buildPrintDocument's) from a new page, in bundle order.
function editionDocument(roots) {
  const edition = document.createElement('div');
  edition.id = 'galley-print';
  for (const root of roots) {
    root.removeAttribute('id');
    root.classList.add('print-article');
    edition.append(root);
  }
  return edition;
}

// How long after a reflow the layout for paper is made again (the last of a burst of reflows: a window resized).
const PREPARE_DELAY_MS = 500;
// Up to how many words an article's layout for paper is made as soon as it is laid out. A longer one's takes seconds
// and its size in the wasm heap (a 100,000-word article's: 60 MB more), which a reader who never prints should not
// pay: it is made when printing looks near (Ctrl or Cmd pressed, the pointer or focus on Print), and by Print itself.
const EAGER_PRINT_WORDS = 20000;

// Prints `viewer`'s article whenever the page is printed (beforeprint/afterprint), and makes `button` (optional) a
// Print button. Marks galley-print-ready (performance) once set up and the article's layout for paper is made; each print measures galley-print (the layout
// for paper and its DOM, in beforeprint). Returns {print(), printEdition()}.
//
// The whole edition (a bundle's every article) prints when asked for: beforeprint cannot wait for other articles'
// faces, patterns and images, so prepareEdition shows each article in turn and sets it for paper, then shows the
// reader's article again where they were, and the next print (printEdition's own, or the browser's) prints them
// all. `edition` {begin(), end()}: the page's own state kept out of it meanwhile (the hosted page saves no reading
// position of the articles passed through; the embed tells its host nothing).
export function setupPrinting(viewer, { button = null, edition: page = { begin() {}, end() {} } } = {}) {
  let printed = null;   // {root, sheet, scrollX, scrollY} while printing
  let edition = null;   // {layouts, roots}: a whole edition set for paper, for the next print
  const styles = new CSSStyleSheet();
  styles.replaceSync(PRINT_CSS);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, styles];

  const before = () => {
    if (printed) return;
    const start = performance.now();
    const column = printColumn(viewer.settings);
    const layout = edition ? edition.layouts[0] : viewer.printLayout(column.width, column.fontSize);
    if (!layout) return;   // nothing loaded yet: the page prints as it is
    const root = edition ? editionDocument(edition.roots) : buildPrintDocument(layout, { imageBitmap: viewer.imageBitmap });
    const sheet = pageSheet(layout.title, edition ? edition.layouts.map((l) => l.title) : []);
    edition = null;   // printed once
    // What the page was set for, for whoever checks the print (tests set the same column with `galley layout`).
    Object.assign(root.dataset, { width: String(layout.width), fontSize: String(layout.fontSize),
      lineHeight: String(column.lineHeight), align: layout.align,
      margins: Object.values(PRINT_PAGE.marginMm).join(' ') });
    printed = { root, sheet, scrollX: window.scrollX, scrollY: window.scrollY };
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    document.body.append(root);
    document.documentElement.classList.add('galley-printing');
    viewer.pauseResize(true);   // until afterprint: the page is laid out for paper meanwhile
    performance.measure('galley-print', { start });   // the layout for paper and its DOM
  };
  const after = () => {
    if (!printed) return;
    const { root, sheet, scrollX, scrollY } = printed;
    printed = null;
    root.remove();
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    document.documentElement.classList.remove('galley-printing');
    window.scrollTo({ left: scrollX, top: scrollY, behavior: 'instant' });
    viewer.pauseResize(false);
  };
  window.addEventListener('beforeprint', before);
  window.addEventListener('afterprint', after);
  // window.print() returns once the print is done or cancelled; afterprint has come by then in browsers, but not
  // always (headless Chromium sends none): the screen is given back here too.
  // The layout for paper is made ahead, in the viewer's core (viewer.preparePrint): beforeprint cannot wait for it.
  // Once the article is laid out, and again a moment after each reflow (a window being resized reflows many times);
  // for a long article (EAGER_PRINT_WORDS) only when printing looks near.
  let preparing = null;
  const prepareNow = () => {
    const column = printColumn(viewer.settings);
    return viewer.preparePrint(column.width, column.fontSize).catch(() => {});
  };
  const eager = () => viewer.stats.words <= EAGER_PRINT_WORDS;
  viewer.on('resize', () => {
    clearTimeout(preparing);
    if (eager()) preparing = setTimeout(prepareNow, PREPARE_DELAY_MS);
  });
  const near = () => { if (!eager()) prepareNow(); };
  window.addEventListener('keydown', (e) => { if (e.key === 'Control' || e.key === 'Meta') near(); });
  button?.addEventListener('pointerenter', near);
  button?.addEventListener('focus', near);
  const print = async () => {
    const column = printColumn(viewer.settings);
    await viewer.preparePrint(column.width, column.fontSize).catch(() => {});
    window.print();
    after();
  };
  const prepareEdition = async () => {
    const back = viewer.article, position = viewer.readingPosition();
    const column = printColumn(viewer.settings);
    const layouts = [], roots = [];
    page.begin();
    try {
      for (const { id } of viewer.articles) {
        await viewer.showArticle(id);
        await viewer.imagesSettled();   // printed from the bitmaps the canvas draws
        await viewer.preparePrint(column.width, column.fontSize);
        const layout = viewer.printLayout(column.width, column.fontSize);
        if (!layout) continue;
        layouts.push(layout);
        roots.push(buildPrintDocument(layout, { imageBitmap: viewer.imageBitmap }));
      }
    } finally {
      if (back) await viewer.showArticle(back.id, { position });
      page.end();
    }
    edition = layouts.length ? { layouts, roots } : null;
  };
  const printEdition = async () => {
    await prepareEdition();
    print();
  };
  if (button) button.addEventListener('click', print);
  // Ready once the article shown can print (its layout for paper made).
  (eager() ? prepareNow() : Promise.resolve()).then(() => performance.mark('galley-print-ready'));
  return { print, printEdition };
}
