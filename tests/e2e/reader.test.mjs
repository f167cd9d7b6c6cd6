// The reader experience in headless Chromium: HiDPI backing store, themes, find in page over the text layer, copy,
// idle (no WebGL calls), reflow without horizontal overflow, keyboard scrolling, settings (stored and from the URL),
// the structure screen readers get (headings, lists, figures, links), deep links and the restored reading position.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { BASE_URL, launch, decodePng, inkStats } from './browser.mjs';

const ROOT = new URL('../../', import.meta.url);
const SAMPLE = JSON.parse(readFileSync(new URL('assets/sample.json', ROOT), 'utf8'));
const PARAGRAPHS = SAMPLE.articles[0].blocks.map((b) => b.text.text ?? b.text);

// A bundle with every structure the text layer maps: heading levels with and without anchors, a link, lists,
// a quote, an image that does not exist (its alt text must show).
const RICH_BUNDLE = {
  galley: 1,
  articles: [{
    id: 'rich', lang: 'en-GB', title: 'Structure Test', subtitle: 'A dek under the headline',
    authors: [{ name: 'Ada Writer' }], published: '2021-03-04', source: { name: 'Test Gazette' },
    blocks: [
      { type: 'paragraph', text: 'Read the specification at the WHATWG site before anything else today.',
        marks: [{ type: 'link', start: 9, end: 22, href: 'https://html.spec.whatwg.org/' }] },
      { type: 'heading', level: 1, text: 'First Section', id: 'first' },
      { type: 'paragraph', text: 'Some words in the first section. '.repeat(12).trim() },
      { type: 'list', ordered: true, items: ['Alpha item', 'Beta item', 'Gamma item'] },
      { type: 'list', ordered: false, items: ['Loose one', 'Loose two'] },
      { type: 'heading', level: 2, text: 'Second Part' },
      { type: 'quote', text: 'A quotation worth keeping.', attribution: 'Someone Wise' },
      { type: 'image', src: 'img/missing.png', alt: 'A lighthouse at dusk', caption: 'The lighthouse.' },
      { type: 'paragraph', text: 'Closing words of the article. '.repeat(40).trim() },
    ],
  }],
};

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function waitReady(page) {
  await page.waitForFunction(() => ['ready', 'error'].includes(document.documentElement.dataset.galley),
                             null, { timeout: 60000 });
  assert.equal(await page.evaluate(() => document.documentElement.dataset.galley), 'ready');
}

async function openViewer(query = '', { viewport = { width: 1200, height: 900 }, deviceScaleFactor = 1,
  context = null, init = null } = {}) {
  const ctx = context || await browser.newContext({ viewport, deviceScaleFactor });
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  if (init) await page.addInitScript(init);
  await page.route('**/test-bundles/rich.json', (route) => route.fulfill({
    contentType: 'application/json', body: JSON.stringify(RICH_BUNDLE) }));
  await page.goto(`${BASE_URL}index.html${query}`);
  await waitReady(page);
  return { page, errors, context: ctx };
}

// Waits until the canvas has drawn the current scroll position (two animation frames).
const settle = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

function pixel(img, x, y) {
  const i = (y * img.width + x) * 4;
  return [img.rgba[i], img.rgba[i + 1], img.rgba[i + 2]];
}
const luminance = ([r, g, b]) => 0.299 * r + 0.587 * g + 0.114 * b;

test('at device scale 2 the backing store is twice the CSS size', async () => {
  const { page, context } = await openViewer('', { deviceScaleFactor: 2 });
  const sizes = await page.evaluate(() => {
    const c = document.getElementById('galley-canvas');
    return { w: c.width, h: c.height, cw: c.clientWidth, ch: c.clientHeight, dpr: devicePixelRatio };
  });
  assert.equal(sizes.dpr, 2);
  assert.equal(sizes.w, sizes.cw * 2);
  assert.equal(sizes.h, sizes.ch * 2);
  // A change of ratio (another screen, browser zoom) is followed: here 2 → 1.5.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setDeviceMetricsOverride', { width: 1200, height: 900, deviceScaleFactor: 1.5, mobile: false });
  // Real screens and browser zoom fire 'resize' and the resolution query; emulation fires neither, so give the
  // viewer the next event a reader would (a scroll), at which it must notice the new ratio.
  await page.mouse.wheel(0, 200);
  await page.waitForFunction(() => {
    const c = document.getElementById('galley-canvas');
    return devicePixelRatio === 1.5 && c.width === Math.round(c.clientWidth * 1.5);
  }, null, { timeout: 15000 });
  await context.close();
});

test('a bundle image is drawn in its box, relative to the bundle URL', async () => {
  const ctx = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  const maker = await ctx.newPage();
  // A 320×180 PNG, half red, half blue, made by the browser itself.
  const png = Buffer.from(await maker.evaluate(async () => {
    const c = new OffscreenCanvas(320, 180), g = c.getContext('2d');
    g.fillStyle = '#d01010'; g.fillRect(0, 0, 160, 180); g.fillStyle = '#1030d0'; g.fillRect(160, 0, 160, 180);
    const bytes = new Uint8Array(await (await c.convertToBlob({ type: 'image/png' })).arrayBuffer());
    return Array.from(bytes);
  }));
  await maker.close();
  await ctx.route('**/test-bundles/pictures/photo.png', (route) => route.fulfill({ contentType: 'image/png', body: png }));
  await ctx.route('**/test-bundles/pictured.json', (route) => route.fulfill({ contentType: 'application/json',
    body: JSON.stringify({ galley: 1, articles: [{ id: 'p', lang: 'en', title: 'Pictured', authors: [],
      blocks: [{ type: 'image', src: 'pictures/photo.png', alt: 'Red and blue', caption: 'Two colours.' },
               { type: 'paragraph', text: 'After the picture.' }] }] }) }));
  const { page } = await openViewer('?bundle=test-bundles/pictured.json', { context: ctx });
  await page.waitForSelector('.figure-image[data-state="loaded"]', { state: 'attached', timeout: 15000 });
  await settle(page);
  const box = await page.evaluate(() => {
    const r = document.querySelector('.figure-image').getBoundingClientRect();
    return { x: r.x, y: r.y, w: r.width, h: r.height };
  });
  const img = decodePng(await page.screenshot());
  const left = pixel(img, Math.round(box.x + box.w * 0.25), Math.round(box.y + box.h / 2));
  const right = pixel(img, Math.round(box.x + box.w * 0.75), Math.round(box.y + box.h / 2));
  assert.ok(left[0] > 180 && left[2] < 60, `left half red: ${left}`);
  assert.ok(right[2] > 180 && right[0] < 60, `right half blue: ${right}`);
  assert.equal(await page.locator('.figure-image .alt').isVisible(), false, 'no alt text over a loaded image');
  await ctx.close();
});

test('?theme=dark draws a dark page with light text', async () => {
  const { page, context } = await openViewer('?theme=dark');
  const img = decodePng(await page.screenshot());
  assert.ok(luminance(pixel(img, 20, 450)) < 40, `background ${pixel(img, 20, 450)}`);
  assert.ok(luminance(pixel(img, img.width - 20, img.height - 20)) < 40, 'background, bottom right');
  // Light ink in the text column.
  let light = 0;
  for (let y = 240; y < 880; y++) for (let x = 300; x < 900; x++) if (luminance(pixel(img, x, y)) > 150) light++;
  assert.ok(light > 5000, `light text pixels: ${light}`);
  await context.close();
});

test('find in page finds a phrase of the 17th paragraph where the canvas drew it', async () => {
  const { page, context } = await openViewer();
  const phrase = 'urge the Chinese authorities';
  assert.ok(PARAGRAPHS[16].includes(phrase));
  assert.equal(await page.evaluate((p) => window.find(p), phrase), true, 'window.find');
  // Find scrolls the match into view.
  await page.waitForFunction(() => {
    const r = getSelection().getRangeAt(0).getBoundingClientRect();
    return r.top >= 0 && r.bottom <= innerHeight;
  }, null, { timeout: 15000 });
  await settle(page);
  const rect = await page.evaluate(() => {
    const r = getSelection().getRangeAt(0).getBoundingClientRect();
    return { x: r.x, y: r.y, w: r.width, h: r.height, text: getSelection().toString(),
             vw: innerWidth, vh: innerHeight, scrollY };
  });
  assert.equal(rect.text, phrase);
  assert.ok(rect.scrollY > 0, 'find scrolled the page');
  assert.ok(rect.w > 100 && rect.h > 10, `selection box ${JSON.stringify(rect)}`);
  assert.ok(rect.x >= 0 && rect.y >= 0 && rect.x + rect.w <= rect.vw && rect.y + rect.h <= rect.vh,
            `selection within the viewport: ${JSON.stringify(rect)}`);
  // The canvas drew ink inside that box, spread over its width (the words are there, not a blank band).
  await page.evaluate(() => getSelection().removeAllRanges());
  await settle(page);
  const img = decodePng(await page.screenshot());
  const x0 = Math.floor(rect.x), x1 = Math.ceil(rect.x + rect.w), y0 = Math.floor(rect.y), y1 = Math.ceil(rect.y + rect.h);
  const columns = new Set();
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if (luminance(pixel(img, x, y)) < 110) columns.add(x);
  assert.ok(columns.size > (x1 - x0) * 0.4, `ink columns in the match box: ${columns.size} of ${x1 - x0}`);
  // Ink starts at the box's left edge and ends at its right edge, within a letter's side bearing and the pixel the
  // layer may be off (scripts.test.mjs compares every word's ends with the drawn boxes).
  const first = Math.min(...columns), last = Math.max(...columns);
  assert.ok(first - x0 <= 2 && x1 - last <= 3, `ink ${first}..${last} vs box ${x0}..${x1}`);
  await context.close();
});

test('select all, then copy, yields every paragraph with paragraph breaks', async () => {
  const { page, context } = await openViewer();
  await page.keyboard.press('Control+A');
  const copied = await page.evaluate(() => document.getSelection().toString());
  let at = 0;
  for (const p of PARAGRAPHS) {
    const found = copied.indexOf(p, at);
    assert.ok(found >= 0, `paragraph missing from the copy or out of order: ${p.slice(0, 60)}`);
    if (at > 0) assert.match(copied.slice(at, found), /\n/, 'paragraphs are separated by a line break');
    at = found + p.length;
  }
  await context.close();
});

// WebGL2's draw calls, counted from now on in `scope` (the page's window, or the viewer's worker).
const COUNT_DRAWS = () => {
  self.__drawCalls = 0;
  for (const name of ['drawElements', 'drawArrays', 'drawElementsInstanced', 'drawArraysInstanced', 'clear']) {
    const original = WebGL2RenderingContext.prototype[name];
    WebGL2RenderingContext.prototype[name] = function (...args) { self.__drawCalls++; return original.apply(this, args); };
  }
};

for (const query of ['', '?thread=main']) {
  test(`no WebGL draw calls while idle for 2 s${query ? ' (core on the page\'s thread)' : ''}`, async () => {
    const { page, context } = await openViewer(query, { init: query ? COUNT_DRAWS : null });
    // The core's worker draws (viewer-core-worker.js); with ?thread=main, the page does.
    const worker = page.workers().find((w) => w.url().endsWith('/viewer-core-worker.js'));
    assert.equal(Boolean(worker), !query, 'where the core runs');
    const scope = worker || page;
    if (worker) await worker.evaluate(COUNT_DRAWS);
    const draws = () => scope.evaluate(() => self.__drawCalls);
    await page.waitForTimeout(500);   // let images, fonts and the first frames settle
    if (!worker) assert.ok(await draws() > 0, 'the wrapper sees the draws');
    const before = await draws();
    await page.waitForTimeout(2000);
    assert.equal(await draws() - before, 0, 'draw calls while idle');
    // Input wakes it (and shows that the wrapper sees the draws).
    await page.mouse.wheel(0, 300);
    await page.waitForTimeout(400);
    assert.ok(await draws() > before, 'scrolling draws');
    await context.close();
  });
}

test('resizing from 1200 to 380 px reflows without horizontal overflow', async () => {
  const { page, context } = await openViewer();
  const wideHeight = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: 380, height: 800 });
  await page.waitForFunction((h) => document.documentElement.scrollHeight > h * 1.3, wideHeight, { timeout: 20000 });
  await settle(page);
  const m = await page.evaluate(() => ({ sw: document.documentElement.scrollWidth, iw: innerWidth,
    cw: document.getElementById('galley-canvas').width }));
  assert.ok(m.sw <= m.iw, `scrollWidth ${m.sw} > innerWidth ${m.iw}`);
  assert.equal(m.cw, 380);
  const img = decodePng(await page.screenshot());
  const stats = inkStats(img, 0, img.width);
  assert.ok(stats.ink > 10000 && stats.rows > 300, `ink after reflow: ${JSON.stringify(stats)}`);
  // Margins stay blank: text was re-broken to the new width, not clipped.
  const left = inkStats(img, 0, 14), right = inkStats(img, img.width - 14, img.width);
  assert.equal(left.ink + right.ink, 0, 'ink in the side margins');
  // Text layer lines stay within the viewport.
  const widest = await page.evaluate(() => Math.max(...[...document.querySelectorAll('#galley-document .line')]
    .map((s) => s.getBoundingClientRect().right)));
  assert.ok(widest <= 380, `text layer line ends at ${widest}`);
  await context.close();
});

// Resolves once scrollY has not changed for 250 ms.
async function scrollSettled(page) {
  await page.evaluate(() => new Promise((resolve) => {
    let last = scrollY, since = performance.now();
    const check = () => {
      if (scrollY !== last) { last = scrollY; since = performance.now(); }
      if (performance.now() - since >= 250) resolve();
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  }));
}

test('keyboard scrolling: Space and Page Down go down, End reaches the end, Home returns', async () => {
  const { page, context } = await openViewer('', { viewport: { width: 1000, height: 700 } });
  await page.mouse.click(20, 400);   // focus the page, as a reader would, on the margin
  await page.keyboard.press('Space');
  await page.waitForFunction(() => scrollY > 200, null, { timeout: 15000 });
  // Keyboard scrolling is animated: a key pressed as the animation ends was seen to be dropped by Chromium (the
  // keydown reached the body, unprevented, and nothing scrolled), so the next key waits until scrolling has settled.
  await scrollSettled(page);
  await page.keyboard.press('PageDown');
  await page.waitForFunction(() => scrollY > 700, null, { timeout: 15000 });
  await scrollSettled(page);
  await page.keyboard.press('End');
  await page.waitForFunction(() => scrollY + innerHeight >= document.documentElement.scrollHeight - 2, null,
                             { timeout: 15000 });
  await settle(page);
  await scrollSettled(page);
  // The canvas drew the end of the article: the last paragraph's words are on screen.
  const img = decodePng(await page.screenshot());
  assert.ok(inkStats(img).ink > 2000, 'the end of the article is drawn');
  await page.keyboard.press('Home');
  await page.waitForFunction(() => scrollY === 0, null, { timeout: 15000 });
  await context.close();
});

test('settings persist across reload, URL parameters override them, reset restores the defaults', async () => {
  const { page, context } = await openViewer();
  await page.click('#galley-settings-button');
  await page.click('#galley-settings label:has(input[value="sepia"])');
  await page.click('#galley-settings label:has(input[value="sans"])');
  await page.locator('#galley-size').fill('22');
  await settle(page);
  const bg = () => page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--galley-background').trim());
  assert.equal(await bg(), '#f4ecd8');
  await page.reload();
  await waitReady(page);
  assert.equal(await bg(), '#f4ecd8', 'theme after reload');
  assert.equal(await page.locator('#galley-size').inputValue(), '22');
  assert.ok(await page.locator('#galley-settings input[value="sans"]').isChecked());
  // The paragraph's size: its lines' are fitted to the drawn words (text-layer.js, placeWords).
  const fontSize = await page.evaluate(() => parseFloat(document.querySelector('#galley-document p.paragraph').style.fontSize));
  assert.equal(fontSize, 22, 'body size after reload');
  const img = decodePng(await page.screenshot());
  assert.deepEqual(pixel(img, 10, 450), [0xf4, 0xec, 0xd8], 'sepia background drawn');

  await page.goto(`${BASE_URL}index.html?theme=dark&size=16`);
  await waitReady(page);
  assert.equal(await bg(), '#18191b', 'URL overrides the stored theme');
  assert.equal(await page.locator('#galley-size').inputValue(), '16');

  await page.goto(`${BASE_URL}index.html`);
  await waitReady(page);
  assert.equal(await bg(), '#f4ecd8', 'the URL did not overwrite what was stored');
  await page.click('#galley-settings-button');
  await page.click('#galley-reset');
  await settle(page);
  assert.equal(await page.locator('#galley-size').inputValue(), '18');
  await page.reload();
  await waitReady(page);
  assert.notEqual(await bg(), '#f4ecd8', 'reset cleared the stored theme');
  await context.close();
});

// The right edges of the body's lines that are not the last of their paragraph, as the text layer placed them over
// the drawn ones: one edge (give or take hanging punctuation) when justified, a spread when ragged.
async function bodyLineEdges(page) {
  return page.evaluate(() => [...document.querySelectorAll('#galley-document p.paragraph')].flatMap((p) => {
    const lines = [...p.querySelectorAll('.line')];
    return lines.slice(0, -1).map((l) => l.getBoundingClientRect().right);
  }));
}
const spread = (xs) => Math.max(...xs) - Math.min(...xs);

test('on a phone the sample is set ragged by default, and justified when the reader asks for it', async () => {
  const phone = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 };
  const { page, context, errors } = await openViewer('?theme=dark', phone);
  assert.equal(await page.evaluate(() => document.getElementById('galley-document').dataset.align), 'left',
               'automatic alignment chose ragged for a 350 px column');
  const ragged = await bodyLineEdges(page);
  assert.ok(spread(ragged) > 40, `ragged right edges spread ${spread(ragged).toFixed(1)} px`);

  await page.click('#galley-settings-button');
  assert.ok(await page.locator('#galley-settings input[name="align"][value="auto"]').isChecked(), 'Auto shown');
  assert.deepEqual(await page.locator('#galley-settings input[name="align"] + span').allTextContents(),
                   ['Auto', 'Justified', 'Ragged']);
  await page.click('#galley-settings label:has(input[name="align"][value="justify"])');
  await page.waitForFunction(() => document.getElementById('galley-document').dataset.align === 'justify', null,
                             { timeout: 15000 });
  const justified = await bodyLineEdges(page);
  assert.ok(spread(justified) < 12, `justified right edges spread ${spread(justified).toFixed(1)} px`);
  assert.deepEqual(errors, []);
  await context.close();

  // On a wide screen the default justifies.
  const { page: wide, context: wideContext } = await openViewer();
  assert.equal(await wide.evaluate(() => document.getElementById('galley-document').dataset.align), 'justify');
  assert.ok(spread(await bodyLineEdges(wide)) < 12);
  await wideContext.close();
});

test('the text layer has the article structure: headings, lists, quote, figure, links', async () => {
  const { page, context, errors } = await openViewer('?bundle=test-bundles/rich.json');
  assert.deepEqual(errors, []);
  const s = await page.evaluate(() => {
    const doc = document.getElementById('galley-document');
    const text = (sel) => [...doc.querySelectorAll(sel)].map((e) => e.textContent.trim());
    return {
      lang: doc.lang,
      h1: text('header h1'), dek: text('header p.subtitle'), byline: text('header p.byline'),
      h2: [...doc.querySelectorAll('h2')].map((h) => [h.id, h.textContent.trim()]),
      h3: [...doc.querySelectorAll('h3')].map((h) => [h.id, h.textContent.trim()]),
      ol: text('ol > li'), ul: text('ul > li'),
      quote: text('blockquote'),
      figure: [...doc.querySelectorAll('figure')].map((f) => ({
        label: f.querySelector('[role="img"]')?.getAttribute('aria-label'),
        caption: f.querySelector('figcaption')?.textContent.trim() })),
      links: [...doc.querySelectorAll('a')].map((a) => ({ href: a.href, text: a.textContent, target: a.target,
                                                          rel: a.rel })),
    };
  });
  assert.equal(s.lang, 'en-GB');
  assert.deepEqual(s.h1, ['Structure Test']);
  assert.deepEqual(s.dek, ['A dek under the headline']);
  assert.match(s.byline[0], /Ada Writer.*Test Gazette/);
  assert.deepEqual(s.h2, [['article-first', 'First Section']]);
  assert.deepEqual(s.h3, [['article-second-part', 'Second Part']]);
  assert.deepEqual(s.ol, ['Alpha item', 'Beta item', 'Gamma item']);
  assert.deepEqual(s.ul, ['Loose one', 'Loose two']);
  assert.match(s.quote[0], /A quotation worth keeping\.\s*— Someone Wise/);
  assert.deepEqual(s.figure, [{ label: 'A lighthouse at dusk', caption: 'The lighthouse.' }]);
  assert.deepEqual(s.links, [{ href: 'https://html.spec.whatwg.org/', text: 'specification', target: '_blank',
                               rel: 'noopener noreferrer' }]);
  // The missing image shows its alt text, visibly.
  await page.waitForSelector('.figure-image[data-state="missing"] .alt', { state: 'visible', timeout: 10000 });
  // The link is keyboard-focusable, and sits where the canvas drew it.
  await page.keyboard.press('Tab');   // first: the toolbar's buttons (Contents, Print, Open, settings)
  let focused = '';
  for (let i = 0; i < 6 && focused !== 'A'; i++) {
    focused = await page.evaluate(() => document.activeElement.tagName);
    if (focused !== 'A') await page.keyboard.press('Tab');
  }
  assert.equal(focused, 'A', 'a link can be reached with Tab');
  // Contents list the headings.
  assert.deepEqual(await page.locator('#galley-toc-list a').allTextContents(), ['First Section', 'Second Part']);
  // Activating the link opens it in a new tab without a handle back to the article (noopener).
  await context.route('https://html.spec.whatwg.org/**', (route) => route.fulfill({ contentType: 'text/html',
    body: '<title>spec</title>' }));
  const [popup] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('Enter')]);
  await popup.waitForLoadState();
  assert.equal(popup.url(), 'https://html.spec.whatwg.org/');
  assert.equal(await popup.evaluate(() => window.opener), null);
  await context.close();
});

test('a deep link scrolls to its heading; the reading position comes back after a reload', async () => {
  const { page, context } = await openViewer('?bundle=test-bundles/rich.json#first',
                                             { viewport: { width: 900, height: 400 } });
  await settle(page);
  const top = await page.evaluate(() => document.getElementById('article-first').getBoundingClientRect().top);
  assert.ok(top >= 0 && top < 120, `heading top after #first: ${top}`);
  assert.ok(await page.evaluate(() => scrollY) > 0);

  // Reading position: scroll into the last paragraph, reload without the fragment.
  await page.goto(`${BASE_URL}index.html?bundle=test-bundles/rich.json`);
  await waitReady(page);
  await page.evaluate(() => window.scrollTo({ top: 700, behavior: 'instant' }));
  await page.waitForTimeout(700);   // saved after scrolling stops
  await page.reload();
  await waitReady(page);
  const y = await page.evaluate(() => scrollY);
  assert.ok(Math.abs(y - 700) < 30, `restored scrollY ${y}`);
  await context.close();
});

// Headings whose ids are the page's own: an anchor equal to the toolbar's id, and text whose slug is the document's.
const CAPTURING_BUNDLE = {
  galley: 1,
  articles: [{
    id: 'capture', lang: 'en', title: 'Namespace Test', authors: [{ name: 'Mallory' }],
    blocks: [
      { type: 'paragraph', text: 'Words before the headings. '.repeat(30).trim() },
      { type: 'heading', level: 1, text: 'Toolbar', id: 'galley-toolbar' },
      { type: 'paragraph', text: 'Words under the first heading. '.repeat(30).trim() },
      { type: 'heading', level: 1, text: 'Galley document' },
      { type: 'paragraph', text: 'Words under the second heading. '.repeat(60).trim() },
    ],
  }],
};

test('a bundle cannot duplicate or capture an id of the page; deep links to its headings still work', async () => {
  const context = await browser.newContext({ viewport: { width: 900, height: 400 } });
  await context.route('**/test-bundles/capture.json', (route) => route.fulfill({
    contentType: 'application/json', body: JSON.stringify(CAPTURING_BUNDLE) }));
  const { page } = await openViewer('?bundle=test-bundles/capture.json#galley-toolbar', { context });
  await settle(page);
  const ids = await page.evaluate(() => {
    const all = [...document.querySelectorAll('[id]')].map((e) => e.id);
    const article = [...document.querySelectorAll('#galley-document [id]')].map((e) => e.id);
    return { all, article, toolbar: document.getElementById('galley-toolbar').tagName,
             documentEl: document.getElementById('galley-document').tagName,
             headingTop: document.getElementById('article-galley-toolbar').getBoundingClientRect().top };
  });
  assert.equal(new Set(ids.all).size, ids.all.length, `duplicate ids: ${ids.all}`);
  assert.equal(ids.toolbar, 'NAV');
  assert.equal(ids.documentEl, 'MAIN');
  assert.deepEqual(ids.article, ['article-galley-toolbar', 'article-galley-document']);
  assert.ok(ids.all.filter((id) => !ids.article.includes(id)).every((id) => id.startsWith('galley-')), `${ids.all}`);
  // #galley-toolbar names the article's heading (the fragment is the bundle's id), not the page's toolbar.
  assert.ok(ids.headingTop >= 0 && ids.headingTop < 120, `heading top after #galley-toolbar: ${ids.headingTop}`);
  assert.deepEqual(await page.locator('#galley-toc-list a').evaluateAll((as) => as.map((a) => a.hash)),
                   ['#galley-toolbar', '#galley-document']);
  await context.close();
});
