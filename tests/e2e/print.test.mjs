// Printing (web/print.js): Chromium's own PDF of the page (page.pdf(), which fires beforeprint and afterprint as a
// print from the menu does), read back by pdftotext (pdf-text.mjs). The sample on A4 and on Letter, and a
// 100,000-word article on A4: the PDF's text between the margins is exactly the lines `galley layout --json` sets at
// the printed column (so every word, in order, and Galley's line breaks), nothing of the reader chrome prints, no
// page ends with a paragraph's first line or starts with its last, and the margins hold the title and page number.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BASE_URL, decodePng, inkStats, launch } from './browser.mjs';
import { pdfImagePages, pdfPagePng, pdfPages } from './pdf-text.mjs';

const SAMPLE_PATH = fileURLToPath(new URL('../../assets/sample.json', import.meta.url));
const SAMPLE = JSON.parse(readFileSync(SAMPLE_PATH, 'utf8'));
const GALLEY = fileURLToPath(new URL('../../build/native/galley', import.meta.url));
const PAPER = { A4: { pageWidthMm: 210, pageHeightMm: 297 }, Letter: { pageWidthMm: 215.9, pageHeightMm: 279.4 } };
// Text of the reader chrome (toolbar, panels, notices) that must not print.
const CHROME = ['min read', 'Available offline', 'Reader settings', 'Contents', 'Print', 'Offline', 'Loading'];

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// The sample's paragraphs repeated to about `targetWords` words (as long-article.test.mjs makes it).
function longBundle(targetWords) {
  const article = SAMPLE.articles[0];
  const words = article.blocks.reduce((n, b) => n + b.text.split(/\s+/).length, 0);
  const blocks = Array.from({ length: Math.ceil(targetWords / words) }, () => article.blocks).flat();
  return { galley: 1, articles: [{ ...article, id: 'long', blocks }] };
}

// pageName: the hosted page (index.html, with its Print button) or the embedded viewer's frame (embed.html).
async function openBundle(body, { theme = 'dark', pageName = 'index.html' } = {}) {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.route('**/test-bundles/print.json', (route) => route.fulfill({ contentType: 'application/json', body }));
  // A dark screen theme: the paper must come out light all the same.
  await page.goto(`${BASE_URL}${pageName}?bundle=test-bundles/print.json&theme=${theme}`);
  await page.waitForFunction(() => ['ready', 'error'].includes(document.documentElement.dataset.galley), null,
                             { timeout: 240000, polling: 500 });
  assert.equal(await page.evaluate(() => document.documentElement.dataset.galley), 'ready');
  if (pageName === 'index.html') await page.waitForSelector('#galley-print-button:not([hidden])');
  // print.js is loaded once the article is ready (its mark galley-print-ready).
  await page.waitForFunction(() => performance.getEntriesByName('galley-print-ready').length > 0);
  return { page, errors };
}

// Prints the page to a PDF (page.pdf: Chromium's printing, beforeprint and afterprint included); returns it with what print.js set the article for, as it records it on the print DOM
// (read in a beforeprint listener that runs after print.js's own, which built #galley-print), the words it set in a
// face of their own (emphasis: [text, weight, style]), and how long that beforeprint took (its performance measure).
async function printToPdf(page, format) {
  await page.evaluate(() => window.addEventListener('beforeprint', () => {
    const root = document.getElementById('galley-print');
    // The heading of its list of links, in the article's language (checked for French below).
    window.__printColumn = { ...root?.dataset, linksHeading: root?.querySelector('.print-links h2')?.textContent };
    window.__printStyled = [...(root?.querySelectorAll('.print-line span[style*="font-family"]') || [])]
      .map((s) => [s.textContent, s.style.fontWeight, s.style.fontStyle]);
  }, { once: true }));
  const pdf = await page.pdf({ format });
  const { column, styled, ms } = await page.evaluate(() => ({ column: window.__printColumn,
    styled: window.__printStyled, ms: performance.getEntriesByName('galley-print').pop()?.duration }));
  assert.ok(column?.width, 'print.js built the print DOM');
  return { pdf, column, styled, ms };
}

// `galley layout` at that column: its lines' texts (a hyphenated line's last word keeps its hyphen, as printed),
// which paragraph each belongs to, and `printed`: what the PDF holds in order, each line followed by the list marker
// that stands beside it (the print DOM draws it from its line).
function expectedLines(bundlePath, column) {
  const out = JSON.parse(execFileSync(GALLEY, ['layout', bundlePath, '--width', column.width, '--font-size',
    column.fontSize, '--line-height', column.lineHeight, '--align', 'auto', '--json'],
    { encoding: 'utf8', maxBuffer: 1 << 30 }));
  const textOf = (l) => l.words.map((w) => w.text).join(' ').replace(/\s+/g, ' ').trim();
  const lines = [], printed = [];
  let paragraph = 0, markers = [];
  for (const l of out.lines) {
    if (l.role === 'marker') { markers.push(textOf(l)); continue; }
    const prev = lines[lines.length - 1];
    if (prev && (prev.last || prev.block !== l.block || prev.role !== l.role)) paragraph++;
    lines.push({ text: textOf(l), paragraph, role: l.role, block: l.block, last: l.last });
    printed.push({ text: textOf(l), line: lines.length - 1 }, ...markers.map((text) => ({ text, line: -1 })));
    markers = [];
  }
  return { lines, printed, align: out.align };
}

// White space aside (Chinese and Thai set no spaces; the PDF's text has them where Latin words meet), a line's text.
const squeeze = (text) => text.replace(/\s+/g, '');

// Checks one PDF against the layout: returns the per-page line counts.
function checkPdf(pdf, paper, column, expected, title) {
  const [top, , bottom] = column.margins.split(' ').map(Number);
  const body = pdfPages(pdf, { ...paper, top, bottom });
  const lines = body.flat();
  // Every line as Galley set it, in order, and nothing else (no chrome, nothing lost) but the links after them.
  assert.ok(lines.length >= expected.printed.length, `the PDF has ${lines.length} of ${expected.printed.length} lines`);
  expected.printed.forEach((p, i) => assert.equal(squeeze(lines[i]), squeeze(p.text), `printed line ${i + 1}`));
  const rest = lines.slice(expected.printed.length);
  assert.ok(rest.length === 0 || rest[0] === column.linksHeading, `after the article: ${rest.slice(0, 3).join(' / ')}`);
  // The page each of the layout's lines printed on.
  const pageOfLine = [];
  let at = 0;
  body.forEach((pageLines, page) => {
    for (let k = 0; k < pageLines.length && at < expected.printed.length; k++, at++) {
      if (expected.printed[at].line >= 0) pageOfLine[expected.printed[at].line] = page;
    }
  });
  // Widows and orphans: at least two lines of a paragraph on each side of a page break. Headings keep with what
  // follows: no page ends with one.
  const countOf = new Map();
  for (const l of expected.lines) countOf.set(l.paragraph, (countOf.get(l.paragraph) || 0) + 1);
  for (let i = 1; i < expected.lines.length; i++) {
    if (pageOfLine[i] === pageOfLine[i - 1]) continue;
    const before = expected.lines[i - 1], next = expected.lines[i];
    assert.ok(!['heading', 'title'].includes(before.role), `page ending at line ${i} ends in a heading`);
    if (before.paragraph !== next.paragraph) continue;
    const firstOfIt = expected.lines.findIndex((l) => l.paragraph === before.paragraph);
    assert.ok(i - firstOfIt >= 2, `page ending at line ${i} leaves one line of paragraph ${before.paragraph}`);
    assert.ok(firstOfIt + countOf.get(before.paragraph) - i >= 2,
              `page starting at line ${i + 1} holds one line of paragraph ${before.paragraph}`);
  }
  // The margins: the title at the top of each page, its number at the bottom.
  const heads = pdfPages(pdf, { ...paper, top: 0, bottom: paper.pageHeightMm - top });
  const feet = pdfPages(pdf, { ...paper, top: paper.pageHeightMm - bottom, bottom: 0 });
  assert.equal(heads.length, body.length);
  heads.forEach((h, i) => assert.equal(h.join(' '), title, `page ${i + 1}'s running head`));
  feet.forEach((f, i) => assert.equal(f.join(' '), String(i + 1), `page ${i + 1}'s number`));
  const all = [...body, ...heads, ...feet].flat().join('\n');
  for (const chrome of CHROME) assert.ok(!all.includes(chrome), `"${chrome}" printed`);
  return body.map((p) => p.length);
}

for (const format of ['A4', 'Letter']) {
  test(`the sample prints whole on ${format}, in Galley's lines for the printed column, without chrome`, async () => {
    const { page, errors } = await openBundle(readFileSync(SAMPLE_PATH, 'utf8'));
    const scrollBefore = await page.evaluate(() => { window.scrollTo(0, 700); return window.scrollY; });
    const { pdf, column } = await printToPdf(page, format);
    const expected = expectedLines(SAMPLE_PATH, column);
    assert.equal(column.align, expected.align, 'automatic alignment chose as the CLI does');
    const perPage = checkPdf(pdf, PAPER[format], column, expected, SAMPLE.articles[0].title);
    console.log(`# ${format}: column ${column.width} px at ${column.fontSize} px, ${column.align}; ` +
                `${perPage.length} pages of ${perPage.join(', ')} lines`);
    assert.ok(perPage.length >= 2, 'the article runs on past the first page');
    // On paper in the light theme's ink, though the screen was dark: a white page with dark text.
    const png = decodePng(pdfPagePng(pdf, 1));
    const corner = [...png.rgba.subarray(0, 4)];
    assert.deepEqual(corner.slice(0, 3), [255, 255, 255], 'white paper');
    assert.ok(inkStats(png).rows > 100, 'dark ink on it');
    // The screen comes back as it was: print DOM gone, same scroll position, the text layer still there.
    const after = await page.evaluate(() => ({ print: !!document.getElementById('galley-print'),
      scrollY: window.scrollY, printing: document.documentElement.classList.contains('galley-printing') }));
    assert.deepEqual(after, { print: false, scrollY: scrollBefore, printing: false });
    assert.deepEqual(errors, []);
    await page.close();
  });
}

// The toolbar's Print button prints (window.print(): the same beforeprint and afterprint), and the screen comes back
// where it was.
test('the Print button prints the article, and the screen comes back as it was', async () => {
  const { page, errors } = await openBundle(readFileSync(SAMPLE_PATH, 'utf8'));
  const before = await page.evaluate(() => { window.scrollTo(0, 500); return { y: window.scrollY, width: innerWidth }; });
  await page.click('#galley-print-button');
  await page.waitForFunction(() => performance.getEntriesByName('galley-print').length === 1 &&
                             !document.getElementById('galley-print'), null, { timeout: 60000 });
  const after = await page.evaluate(() => ({ y: window.scrollY, width: innerWidth,
    layer: document.querySelectorAll('#galley-document .line').length }));
  assert.deepEqual({ y: after.y, width: after.width }, before);
  assert.ok(after.layer > 50, 'the text layer is still there');
  assert.deepEqual(errors, []);
  await page.close();
});

// Where each line prints: its left and right edges on the page, from the column's left, are those of the words
// `galley layout --json` places (within a pixel: the browser sets the words, fitted to Galley's as the text layer
// fits them), in a right-to-left article with a list and a quote too (the marker beside its item, not over it).
test('lines print where Galley set them, right-to-left ones and list markers too', async () => {
  const path = fileURLToPath(new URL('../data/scripts/ar.json', import.meta.url));
  const { page, errors } = await openBundle(readFileSync(path, 'utf8'), { theme: 'light' });
  await page.emulateMedia({ media: 'print' });
  const printed = await page.evaluate(() => {
    window.dispatchEvent(new Event('beforeprint'));
    const root = document.getElementById('galley-print');
    const left = root.getBoundingClientRect().left;
    const boxes = [...root.querySelectorAll('.print-line')].map((el) => {
      const r = el.getBoundingClientRect();
      return { left: r.left - left, right: r.right - left, beside: el.classList.contains('beside') };
    });
    const column = { ...root.dataset };
    window.dispatchEvent(new Event('afterprint'));
    return { boxes, column };
  });
  await page.emulateMedia({ media: 'screen' });
  const out = JSON.parse(execFileSync(GALLEY, ['layout', path, '--width', printed.column.width, '--font-size',
    printed.column.fontSize, '--line-height', printed.column.lineHeight, '--align', 'auto', '--json'],
    { encoding: 'utf8' }));
  // The CLI lists a marker before its item's line; the print DOM puts it inside that line's element, after it.
  const lines = out.lines.filter((l) => l.role !== 'marker');
  const markers = out.lines.filter((l) => l.role === 'marker');
  const inFlow = printed.boxes.filter((b) => !b.beside), beside = printed.boxes.filter((b) => b.beside);
  assert.equal(inFlow.length, lines.length);
  assert.equal(beside.length, markers.length);
  assert.ok(markers.length > 0 && lines.some((l) => l.role === 'quote'), 'the article has a list and a quote');
  const extent = (l) => ({ left: Math.min(...l.words.map((w) => w.x)), right: Math.max(...l.words.map((w) => w.x + w.width)) });
  const check = (box, line, what) => {
    const want = extent(line);
    assert.ok(Math.abs(box.left - want.left) <= 1 && Math.abs(box.right - want.right) <= 1,
              `${what}: printed ${box.left.toFixed(1)}-${box.right.toFixed(1)}, set ${want.left.toFixed(1)}-${want.right.toFixed(1)}`);
  };
  lines.forEach((line, i) => check(inFlow[i], line, `line ${i + 1}`));
  markers.forEach((marker, i) => check(beside[i], marker, `marker ${i + 1}`));
  assert.deepEqual(errors, []);
  await page.close();
});

// Other scripts print in the shipped faces (the slices the viewer registered, by unicode-range): the PDF's text is
// the CLI's lines for Chinese (its frequency slices), Hindi and Thai. (Right to left, pdftotext gives a line's
// words in the order they are drawn: the Arabic article's lines are checked by their place instead, below.)
for (const lang of ['zh-Hans', 'hi', 'th']) {
  test(`a ${lang} article prints in Galley's lines`, async () => {
    const path = fileURLToPath(new URL(`../data/scripts/${lang}.json`, import.meta.url));
    const bundle = JSON.parse(readFileSync(path, 'utf8'));
    const { page, errors } = await openBundle(JSON.stringify(bundle), { theme: 'light' });
    const { pdf, column } = await printToPdf(page, 'A4');
    checkPdf(pdf, PAPER.A4, column, expectedLines(path, column), bundle.articles[0].title);
    assert.deepEqual(errors, []);
    await page.close();
  });
}

// The embedded viewer's frame printed by itself (its context menu's Print): the same article, the same lines.
test('the embedded viewer\'s frame prints the whole article in Galley\'s lines', async () => {
  const { page, errors } = await openBundle(readFileSync(SAMPLE_PATH, 'utf8'), { pageName: 'embed.html' });
  const { pdf, column } = await printToPdf(page, 'A4');
  checkPdf(pdf, PAPER.A4, column, expectedLines(SAMPLE_PATH, column), SAMPLE.articles[0].title);
  assert.deepEqual(errors, []);
  await page.close();
});

// A heading before each of many short paragraphs (the sample's paragraphs' first sentences, three times over, two
// heading levels), so that pages would often end after one: none does, and paragraphs still keep two lines on each
// side of a break.
test('headings print kept with what follows them', async () => {
  const article = SAMPLE.articles[0];
  const blocks = [0, 1, 2].flatMap((round) => article.blocks.flatMap((b, i) => [
    { type: 'heading', level: 1 + ((i + round) % 2), text: `Part ${round * 18 + i + 1}` },
    { type: 'paragraph', text: b.text.split(/(?<=\.) /)[0] }]));
  const bundle = { galley: 1, articles: [{ ...article, id: 'headings', blocks }] };
  const dir = mkdtempSync(join(tmpdir(), 'galley-print-'));
  try {
    const bundlePath = join(dir, 'headings.json');
    writeFileSync(bundlePath, JSON.stringify(bundle));
    const { page, errors } = await openBundle(JSON.stringify(bundle));
    for (const format of ['A4', 'Letter']) {
      const { pdf, column } = await printToPdf(page, format);
      const perPage = checkPdf(pdf, PAPER[format], column, expectedLines(bundlePath, column), article.title);
      console.log(`# headings, ${format}: ${perPage.length} pages of ${perPage.join(', ')} lines`);
    }
    assert.deepEqual(errors, []);
    await page.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// A figure prints its image (from the bitmap the viewer decoded) on the page of its caption. After the sample's
// ninth paragraph, on A4, the image would end page 1 and its caption start page 2 if the figure were not kept whole.
test('figures print their image with its caption', async () => {
  const article = SAMPLE.articles[0];
  const icon = readFileSync(fileURLToPath(new URL('../../build/wasm/dist/icons/icon-192.png', import.meta.url)));
  const blocks = [...article.blocks.slice(0, 9),
    { type: 'image', src: 'img/icon.png', alt: 'Galley\'s icon', width: 192, height: 192, caption: 'The figure caption.' },
    ...article.blocks.slice(9)];
  const bundle = { galley: 1, articles: [{ ...article, id: 'figure', blocks }] };
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  await page.route('**/test-bundles/img/icon.png', (route) => route.fulfill({ contentType: 'image/png', body: icon }));
  await page.route('**/test-bundles/print.json', (route) => route.fulfill({ contentType: 'application/json',
    body: JSON.stringify(bundle) }));
  await page.goto(`${BASE_URL}index.html?bundle=test-bundles/print.json`);
  await page.waitForFunction(() => performance.getEntriesByName('galley-print-ready').length > 0, null,
                             { timeout: 120000 });
  for (const format of ['A4', 'Letter']) {
    const { pdf, column } = await printToPdf(page, format);
    const [top, , bottom] = column.margins.split(' ').map(Number);
    const pages = pdfPages(pdf, { ...PAPER[format], top, bottom });
    const captionPage = pages.findIndex((lines) => lines.includes('The figure caption.')) + 1;
    assert.ok(captionPage > 0, 'the caption printed');
    assert.deepEqual(pdfImagePages(pdf), [captionPage], `${format}: the image on its caption's page`);
  }
  await page.close();
});

// The 100,000-word article: set for paper in the page's beforeprint (layout and print DOM at once: how long that
// takes is printed and bounded), and the whole of it in the PDF, every line as the CLI sets it.
test('a 100,000-word article prints whole, in Galley\'s lines, without widows or orphans', async () => {
  const bundle = longBundle(100000);
  const dir = mkdtempSync(join(tmpdir(), 'galley-print-'));
  try {
    const bundlePath = join(dir, 'long.json');
    writeFileSync(bundlePath, JSON.stringify(bundle));
    const { page, errors } = await openBundle(JSON.stringify(bundle));
    // So long an article is set for paper only when printing looks near (print.js's EAGER_PRINT_WORDS): Ctrl, as
    // before Ctrl+P.
    assert.equal(await page.evaluate(() => performance.getEntriesByName('galley-print-prepared').length), 0,
                 'not set for paper before printing looks near');
    await page.keyboard.press('Control');
    await page.waitForFunction(() => performance.getEntriesByName('galley-print-prepared').length > 0, null,
                               { timeout: 120000, polling: 200 });
    const preparedMs = Math.round(await page.evaluate(() => performance.getEntriesByName('galley-print-prepared')[0].duration));
    const started = Date.now();
    const { pdf, column, ms } = await printToPdf(page, 'A4');
    const pdfMs = Date.now() - started;
    const beforePrintMs = Math.round(ms);
    const expected = expectedLines(bundlePath, column);
    const perPage = checkPdf(pdf, PAPER.A4, column, expected, bundle.articles[0].title);
    console.log(`# 100,000 words: ${expected.lines.length} lines on ${perPage.length} A4 pages; set for paper in the ` +
                `viewer's core in ${preparedMs} ms, beforeprint ${beforePrintMs} ms, page.pdf() ${pdfMs} ms, ` +
                `${(pdf.length / 1e6).toFixed(1)} MB`);
    // Bounds for a loaded 2-core machine; measured figures are in the README.
    assert.ok(beforePrintMs < 30000, `beforeprint took ${beforePrintMs} ms`);
    assert.deepEqual(errors, []);
    await page.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// Every block type (tests/data/bundles/valid/all-block-types.json): headings, quotes, pull quotes, lists (their
// markers print), figures (images that do not load print their alt text), links listed after the article.
test('every block type prints, its links listed with their addresses after the article', async () => {
  const path = fileURLToPath(new URL('../data/bundles/valid/all-block-types.json', import.meta.url));
  const { page } = await openBundle(readFileSync(path, 'utf8'), { theme: 'light' });
  const { pdf, column, styled } = await printToPdf(page, 'A4');
  const expected = expectedLines(path, column);
  // Emphasis prints in its own face: the quote's strong "curly" in bold italic.
  assert.ok(styled.some(([text, weight, style]) => text === 'curly' && weight === '700' && style === 'italic'),
            JSON.stringify(styled));
  const [top, , bottom] = column.margins.split(' ').map(Number);
  const text = pdfPages(pdf, { ...PAPER.A4, top, bottom }).flat().join('\n');
  // Each line of the layout, in order (markers and alt texts come between them).
  let at = 0;
  for (const line of expected.lines) {
    if (!line.text) continue;
    const found = text.indexOf(line.text, at);
    assert.ok(found >= 0, `"${line.text}" printed after what comes before it`);
    at = found + line.text.length;
  }
  assert.match(text, /Links\n.*Galley home page: https:\/\/example\.org\/galley/);
  assert.match(text, /a website: http:\/\/example\.org\//);
  for (const marker of ['1.', '2.', '3.']) assert.ok(text.includes(`${marker}\n`) || text.includes(`${marker} `));
  assert.ok(text.includes('A photo') && text.includes('A chart'), 'alt texts of images that did not load');
  await page.close();
});

// The list of links is headed in the article's language, as its byline is (byline.cpp's linksHeading).
test('the printed list of links is headed in the article\'s language', async () => {
  const bundle = { galley: 1, articles: [{ id: 'fr', lang: 'fr', title: 'Un article', authors: [{ name: 'Anne Martin' }],
    blocks: [{ type: 'paragraph', text: 'Lisez la page d\'accueil de Galley pour en savoir plus.',
               marks: [{ type: 'link', start: 9, end: 33, href: 'https://example.org/galley' }] }] }] };
  const { page } = await openBundle(JSON.stringify(bundle), { theme: 'light' });
  const { pdf, column } = await printToPdf(page, 'A4');
  const [top, , bottom] = column.margins.split(' ').map(Number);
  const text = pdfPages(pdf, { ...PAPER.A4, top, bottom }).flat().join('\n');
  assert.match(text, /Liens\n.*page d.accueil de Galley: https:\/\/example\.org\/galley/);
  assert.ok(!/\bLinks\b/.test(text), text);
  await page.close();
});
