// The viewer without WebGL2: Chromium with no WebGL anywhere, workers included (browser.mjs's without3d: its 3D APIs,
// GPU and software rasteriser off), as a reader in Safari's Lockdown Mode or on a blocklisted GPU has it. The article is shown all the same, as the text layer made visible (in the
// shipped faces, Galley's own lines) over a Canvas 2D that draws the rest (web/canvas-2d.js): no "could not start",
// the same lines as with WebGL2 at the same width, a view that looks like the WebGL2 one (the figures are printed),
// find, a setting, the theme, the embed, printing and offline as with WebGL2.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BASE_URL, launch, blockOutOfOrder, decodePng, documentText, hideOfflineNotice, inkStats } from './browser.mjs';
import { ROOT, serveDirectory } from './local-server.mjs';
import { pdfPages } from './pdf-text.mjs';

const SAMPLE = JSON.parse(readFileSync(new URL('../../assets/sample.json', import.meta.url), 'utf8'));
const TITLE = SAMPLE.articles[0].title;
const READY_TIMEOUT = 120000;
const ICON = readFileSync(fileURLToPath(new URL('../../build/wasm/dist/icons/icon-192.png', import.meta.url)));

let withGl, withoutGl;
before(async () => {
  [withGl, withoutGl] = await Promise.all([launch(), launch({ without3d: true })]);
});
after(async () => {
  await withGl?.close();
  await withoutGl?.close();
});

// Every block kind the display list draws besides text: rules (divider, quote bars, pull quote rules, table rules),
// images (one loads, one does not), list markers, emphasis, links, an emoji, a table.
function richBundle() {
  const all = JSON.parse(readFileSync(new URL('../data/bundles/valid/all-block-types.json', import.meta.url), 'utf8'));
  const tables = JSON.parse(readFileSync(new URL('../data/bundles/valid/tables.json', import.meta.url), 'utf8'));
  const article = all.articles[0];
  const table = tables.articles[0].blocks.find((b) => b.type === 'table');
  const blocks = article.blocks.map((b) => (b.type === 'image' && b.src === 'img/photo.jpg' ? { ...b, src: 'img/icon.png' } : b));
  const marked = 'Struck words, and a note1.';
  blocks.splice(1, 0, { type: 'paragraph', text: 'An emoji 🌊 and a flag 🇳🇴 among words.', marks: [{ type: 'emphasis', start: 9, end: 10 }] }, table,
    { type: 'paragraph', text: marked, marks: [{ type: 'strikethrough', start: 0, end: 12 },
                                               { type: 'note', start: 24, end: 25, note: 'n1' }] },
    { type: 'code', text: 'const layout = new ArticleLayout(fonts, article);  // set once, broken at every width\nlayout.begin(params, display);' },
    { type: 'embed', url: 'https://example.com/harbour', title: 'The harbour at night', kind: 'video', provider: 'Example' });
  return { galley: 1, articles: [{ ...article, id: 'rich', blocks, notes: [{ id: 'n1', text: 'A note at the end.' }] }] };
}

// Opens the hosted page; query: the URL's, bundle: an object served as test-bundles/rich.json (with its image).
async function openViewer(browser, { query = '', viewport = { width: 1200, height: 900 }, bundle = null } = {}) {
  const page = await browser.newPage({ viewport });
  const errors = [], messages = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => messages.push({ type: m.type(), text: m.text() }));
  let url = `${BASE_URL}index.html${query}`;
  if (bundle) {
    await page.route('**/test-bundles/rich.json', (route) => route.fulfill({ contentType: 'application/json',
      body: JSON.stringify(bundle) }));
    await page.route('**/test-bundles/img/icon.png', (route) => route.fulfill({ contentType: 'image/png', body: ICON }));
    url += `${query ? '&' : '?'}bundle=test-bundles/rich.json`;
  }
  await page.goto(url);
  await waitReady(page);
  await hideOfflineNotice(page);
  await frames(page);
  return { page, errors, messages };
}

async function waitReady(page) {
  await page.waitForFunction(() => ['ready', 'error'].includes(document.documentElement.dataset.galley), null,
                             { timeout: READY_TIMEOUT });
  assert.equal(await page.evaluate(() => document.documentElement.dataset.galley), 'ready', 'viewer state');
}

const frames = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

// The text layer's lines as laid out: each line's text, whether it ends in an inserted hyphen, its place.
const layerLines = (page) => page.evaluate(() => [...document.querySelectorAll('#galley-document .line')].map((el) => {
  const r = el.getBoundingClientRect();
  return { text: el.textContent, hyphen: el.classList.contains('hy'), x: r.left, y: r.top + scrollY };
}));

const luminance = (img, i) => 0.299 * img.rgba[i] + 0.587 * img.rgba[i + 1] + 0.114 * img.rgba[i + 2];

// Two screenshots of the same page compared: their ink (dark pixels) in the column, the share of pixels whose
// luminance differs by more than 64 (of 255), and the vertical shift (within ±4 px) that best aligns their ink rows.
function compareShots(a, b) {
  const inkA = inkStats(a).ink, inkB = inkStats(b).ink;
  let differing = 0;
  for (let i = 0; i < a.rgba.length; i += 4) if (Math.abs(luminance(a, i) - luminance(b, i)) > 64) differing++;
  const rows = (img) => Array.from({ length: img.height }, (_, y) => {
    let n = 0;
    for (let x = 0; x < img.width; x++) if (luminance(img, (y * img.width + x) * 4) < 110) n++;
    return n;
  });
  const ra = rows(a), rb = rows(b);
  let shift = 0, best = -Infinity;
  for (let s = -4; s <= 4; s++) {
    let dot = 0;
    for (let y = 8; y < a.height - 8; y++) dot += ra[y] * rb[y + s];
    if (dot > best) { best = dot; shift = s; }
  }
  return { inkA, inkB, ratio: inkB / inkA, differing: differing / (a.width * a.height), shift };
}

test('without WebGL2 the article is shown, in its text, with no alarming message', async () => {
  const { page, errors, messages } = await openViewer(withoutGl);
  assert.deepEqual(errors, []);
  assert.equal(await page.title(), TITLE);
  const state = await page.evaluate(() => ({
    renderer: document.getElementById('galley-document').dataset.renderer,
    webgl2: document.createElement('canvas').getContext('webgl2') !== null,
    errorShown: !document.getElementById('galley-error').hidden,
    text: document.body.innerText,
    lineColor: getComputedStyle(document.querySelector('#galley-document p.paragraph .line')).color,
  }));
  assert.equal(state.webgl2, false, 'this browser has no WebGL2 (else the test proves nothing)');
  assert.equal(state.renderer, 'dom');
  assert.equal(state.errorShown, false, 'no error box');
  assert.doesNotMatch(state.text, /could not start|WebGL/i);
  assert.equal(state.lineColor, 'rgb(28, 27, 25)', 'the text in the light theme\'s ink');
  // At most a quiet note in the console: nothing a reader is shown, no error or warning.
  const loud = messages.filter((m) => m.type === 'error' || m.type === 'warning');
  assert.deepEqual(loud, []);
  assert.ok(messages.some((m) => m.type === 'info' && /WebGL2/.test(m.text)), 'the note says why');
  // The text is visible: ink in the column, in many rows, and none in the margins.
  const img = decodePng(await page.screenshot());
  const column = inkStats(img, 200, 1000);
  assert.ok(column.ink > 20000, `ink pixels in the text column: ${column.ink}`);
  assert.ok(column.rows > 300, `rows with ink: ${column.rows}`);
  const body = { ...img, height: img.height - 64, rgba: img.rgba.subarray(64 * img.width * 4) };
  assert.equal(inkStats(body, 0, 150).ink + inkStats(body, body.width - 150, body.width).ink, 0, 'ink outside the column');
  // Every paragraph, in order.
  const text = await documentText(page);
  const missing = blockOutOfOrder(text, SAMPLE.articles[0].blocks);
  assert.equal(missing, null, `paragraph missing or out of order: ${missing?.text.slice(0, 60)}`);
  await page.close();
});

test('the lines are those of the WebGL2 view at the same width, and look like it', async (t) => {
  for (const [name, viewport, bundle] of [['sample 340', { width: 340, height: 800 }, null],
                                          ['sample 1200', { width: 1200, height: 900 }, null],
                                          ['all block kinds 1200', { width: 1200, height: 900 }, richBundle()],
                                          ['all block kinds 340', { width: 340, height: 800 }, richBundle()]]) {
    const gl = await openViewer(withGl, { viewport, bundle });
    const dom = await openViewer(withoutGl, { viewport, bundle });
    assert.equal(await gl.page.evaluate(() => document.getElementById('galley-document').dataset.renderer), 'webgl2');
    const [glLines, domLines] = await Promise.all([layerLines(gl.page), layerLines(dom.page)]);
    assert.ok(glLines.length > 20, `${name}: ${glLines.length} lines`);
    assert.deepEqual(domLines.map((l) => l.text), glLines.map((l) => l.text), `${name}: the same lines`);
    assert.deepEqual(domLines.map((l) => l.hyphen), glLines.map((l) => l.hyphen), `${name}: the same hyphens`);
    // Where each line starts, within a pixel. (Vertically the visible lines are put on the canvas's baselines, which
    // the transparent layer of the WebGL2 view only comes within a pixel or two of: the screenshots compare that.)
    const moved = domLines.filter((l, i) => Math.abs(l.x - glLines[i].x) > 1);
    assert.deepEqual(moved, [], `${name}: lines not where the WebGL2 view's are`);
    if (bundle) {
      // The image that loads is drawn (not the placeholder): some pixel of the icon's own colours in its box.
      await dom.page.evaluate(() => document.querySelector('#galley-document .figure-image').scrollIntoView());
      await frames(dom.page);
      await dom.page.waitForFunction(() => document.querySelector('#galley-document .figure-image')?.dataset.state === 'loaded');
      await frames(dom.page);
    }
    for (const { page } of [gl, dom]) await page.evaluate(() => window.scrollTo(0, 0));
    await Promise.all([frames(gl.page), frames(dom.page)]);
    const [a, b] = [decodePng(await gl.page.screenshot()), decodePng(await dom.page.screenshot())];
    const c = compareShots(a, b);
    const ready = (page) => page.evaluate(() => Math.round(performance.getEntriesByName('galley-ready')[0].startTime));
    t.diagnostic(`${name}: ink WebGL2 ${c.inkA}, DOM ${c.inkB} (×${c.ratio.toFixed(3)}), pixels differing ` +
                 `${(c.differing * 100).toFixed(2)}%, row shift ${c.shift} px; ready WebGL2 ${await ready(gl.page)} ms, ` +
                 `DOM ${await ready(dom.page)} ms`);
    assert.ok(c.ratio > 0.8 && c.ratio < 1.25, `${name}: ink ratio ${c.ratio}`);
    assert.ok(Math.abs(c.shift) <= 1, `${name}: rows shifted by ${c.shift} px`);
    assert.ok(c.differing < 0.03, `${name}: ${(c.differing * 100).toFixed(2)}% of pixels differ`);
    assert.deepEqual([...gl.errors, ...dom.errors], []);
    await gl.page.close();
    await dom.page.close();
  }
});

test('the rule, table rules, list markers, code and images are drawn', async () => {
  const { page, errors } = await openViewer(withoutGl, { bundle: richBundle(), viewport: { width: 340, height: 800 } });
  const counts = await page.evaluate(() => ({
    markers: [...document.querySelectorAll('#galley-document .marker')].map((m) => getComputedStyle(m, '::before').content),
    emphasis: [...document.querySelectorAll('#galley-document .line span')].filter((s) => s.style.fontStyle === 'italic').length,
    continued: [...document.querySelectorAll('#galley-document .line[data-cont]')].map((l) => getComputedStyle(l, '::before').content),
    code: document.querySelector('#galley-document pre.code')?.textContent || '',
  }));
  // A wrapped line of code shows its continuation mark, which is not in its text.
  assert.ok(counts.continued.length > 0 && counts.continued.every((c) => c === '"→"'), `continuation marks: ${counts.continued}`);
  assert.ok(!counts.code.includes('→'), 'the mark is not in the code\'s text');
  assert.ok(counts.markers.length >= 6, `markers: ${counts.markers}`);
  assert.ok(counts.markers.every((c) => c !== 'none' && c !== '""'), `marker text: ${counts.markers}`);
  assert.ok(counts.emphasis > 0, 'emphasis in its own face');
  // Colour emoji show in colour (the colour face of the text layer's font stack), one in an emphasis too.
  const emoji = await page.evaluate(() => {
    const range = document.createRange();
    const node = [...document.querySelectorAll('#galley-document .line')].flatMap((l) => [...l.querySelectorAll('*'), l])
      .flatMap((e) => [...e.childNodes]).find((n) => n.nodeType === 3 && n.data.includes('🌊'));
    const at = node.data.indexOf('🌊');
    range.setStart(node, at);
    range.setEnd(node, at + 2);
    const r = range.getBoundingClientRect();
    return { x: Math.round(r.left), y: Math.round(r.top), w: Math.round(r.width), h: Math.round(r.height) };
  });
  const shot = decodePng(await page.screenshot());
  let coloured = 0;
  for (let y = emoji.y; y < emoji.y + emoji.h; y++) {
    for (let x = emoji.x; x < emoji.x + emoji.w; x++) {
      const i = (y * shot.width + x) * 4, [r, g, b] = shot.rgba.subarray(i, i + 3);
      if (Math.max(r, g, b) - Math.min(r, g, b) > 80) coloured++;
    }
  }
  assert.ok(coloured > 30, `coloured pixels of the emphasised emoji: ${coloured} in ${JSON.stringify(emoji)}`);
  // The image: the icon's box holds pixels of neither the background nor the placeholder.
  const box = await page.evaluate(() => {
    const el = document.querySelector('#galley-document .figure-image');
    el.scrollIntoView({ block: 'center' });
    const r = el.getBoundingClientRect();
    return { x: Math.round(r.left), y: Math.round(r.top), w: Math.round(r.width), h: Math.round(r.height) };
  });
  await page.waitForFunction(() => document.querySelector('#galley-document .figure-image').dataset.state === 'loaded');
  await frames(page);
  const img = decodePng(await page.screenshot());
  const colours = new Set();
  for (let y = box.y; y < box.y + box.h; y += 2) {
    for (let x = box.x; x < box.x + box.w; x += 2) {
      const i = (y * img.width + x) * 4;
      colours.add((img.rgba[i] >> 4) << 8 | (img.rgba[i + 1] >> 4) << 4 | img.rgba[i + 2] >> 4);
    }
  }
  assert.ok(colours.size > 4, `colours in the image's box: ${colours.size}`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('find in page finds a phrase across a line break, and selection selects the visible words', async () => {
  const { page } = await openViewer(withoutGl);
  const lines = await layerLines(page);
  const k = lines.findIndex((l, i) => i > 3 && !l.hyphen && lines[i + 1] && /\w$/.test(l.text));
  const phrase = `${lines[k].text.split(' ').pop()} ${lines[k + 1].text.split(' ')[0]}`;
  const found = await page.evaluate((p) => {
    getSelection().removeAllRanges();
    const ok = window.find(p);
    return { ok, selected: getSelection().toString().replace(/\s+/g, ' ') };
  }, phrase);
  assert.ok(found.ok, `window.find("${phrase}")`);
  assert.equal(found.selected, phrase);
  await page.close();
});

test('a setting (size) lays the article out again, and the dark theme colours the text', async () => {
  // A phone's width, where the column is the screen's (on a wide one the measure grows with the size, in ems).
  const { page } = await openViewer(withoutGl, { viewport: { width: 400, height: 800 } });
  const before = await layerLines(page);
  await page.click('#galley-settings-button');
  await page.locator('#galley-size').fill('24');
  await page.waitForFunction(() => document.querySelector('#galley-document p.paragraph')?.style.fontSize === '24px' &&
                             document.documentElement.dataset.galley === 'ready', null, { timeout: READY_TIMEOUT });
  await page.waitForFunction(() => performance.getEntriesByName('galley-layout-complete').length > 1);
  const after = await layerLines(page);
  assert.ok(after.length > before.length * 1.1, `lines at 18 px ${before.length}, at 24 px ${after.length}`);
  await page.click('#galley-settings-button');
  await frames(page);
  const ink = inkStats(decodePng(await page.screenshot()));
  assert.ok(ink.ink > 15000, `ink at 24 px: ${ink.ink}`);
  await page.close();

  const dark = await openViewer(withoutGl, { query: '?theme=dark' });
  const colours = await dark.page.evaluate(() => ({
    text: getComputedStyle(document.querySelector('#galley-document p.paragraph .line')).color,
    byline: getComputedStyle(document.querySelector('#galley-document [data-color="muted"]')).color,
  }));
  assert.equal(colours.text, 'rgb(222, 219, 212)', 'dark theme text');
  assert.equal(colours.byline, 'rgb(161, 157, 149)', 'dark theme muted (the byline)');
  const img = decodePng(await dark.page.screenshot());
  const i = (450 * img.width + 10) * 4;
  assert.deepEqual([...img.rgba.subarray(i, i + 3)], [0x18, 0x19, 0x1b], 'the dark background, drawn by the canvas');
  await dark.page.close();
});

test('the embedded viewer shows its article without WebGL2', async () => {
  const demo = await serveDirectory(`${ROOT}demo`);
  try {
    const page = await withoutGl.newPage({ viewport: { width: 1100, height: 1800 } });
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.route('**/galley-config.json', (route) => route.fulfill({ contentType: 'application/json',
      body: JSON.stringify({ galley: new URL(BASE_URL).href }) }));
    await page.goto(`http://localhost:${demo.port}/host.html`);
    await page.waitForFunction(() => {
      const log = document.getElementById('events').textContent;
      return /viewer-light (ready|error)/.test(log) && /viewer-dark (ready|error)/.test(log);
    }, null, { timeout: READY_TIMEOUT });
    const log = await page.locator('#events').textContent();
    assert.match(log, /viewer-light ready/);
    assert.doesNotMatch(log, /error/);
    const frame = await (await page.locator('#viewer-light iframe').elementHandle()).contentFrame();
    assert.equal(await frame.evaluate(() => document.getElementById('galley-document').dataset.renderer), 'dom');
    await frames(page);
    const ink = inkStats(decodePng(await page.locator('#viewer-light').screenshot()));
    assert.ok(ink.ink > 5000, `ink in the embedded viewer: ${ink.ink}`);
    assert.deepEqual(errors, []);
    await page.close();
  } finally {
    demo.stop();
  }
});

test('printing and reading offline work without WebGL2', async () => {
  const context = await withoutGl.newContext({ viewport: { width: 1200, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(`${BASE_URL}index.html`);
    await waitReady(page);
    await page.waitForFunction(() => performance.getEntriesByName('galley-print-ready').length > 0, null,
                               { timeout: READY_TIMEOUT });
    const pdf = await page.pdf({ format: 'A4' });
    const printed = pdfPages(pdf, { pageWidthMm: 210, pageHeightMm: 297 }).flat().join(' ');
    assert.ok(printed.includes(SAMPLE.articles[0].blocks[0].text.slice(0, 40)), 'the first paragraph printed');

    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: READY_TIMEOUT });
    await page.waitForFunction(() => document.documentElement.dataset.galleyOffline === 'kept', null,
                               { timeout: READY_TIMEOUT });
    await context.setOffline(true);
    await page.reload();
    await waitReady(page);
    await hideOfflineNotice(page);
    await frames(page);
    assert.equal(await page.title(), TITLE);
    const ink = inkStats(decodePng(await page.screenshot()), 200, 1000);
    assert.ok(ink.ink > 20000, `ink offline: ${ink.ink}`);
  } finally {
    await context.close();
  }
});
