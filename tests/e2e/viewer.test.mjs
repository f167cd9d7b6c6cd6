// The viewer in headless Chromium: the sample article is drawn on a WebGL2 canvas, the title is set, and bad or
// missing bundles show a readable error in the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { BASE_URL, launch, blockOutOfOrder, decodePng, documentText, hideOfflineNotice, inkStats } from './browser.mjs';

const ROOT = new URL('../../', import.meta.url);
const SAMPLE = JSON.parse(readFileSync(new URL('assets/sample.json', ROOT), 'utf8'));
const TITLE = SAMPLE.articles[0].title;

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function openViewer(query = '', viewport = { width: 1200, height: 900 }) {
  const page = await browser.newPage({ viewport });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${BASE_URL}index.html${query}`);
  await page.waitForFunction(() => ['ready', 'error'].includes(document.documentElement.dataset.galley),
                             null, { timeout: 30000 });
  return { page, errors };
}

test('draws the sample article on a WebGL2 canvas and sets the title', async () => {
  const { page, errors } = await openViewer();
  assert.equal(await page.evaluate(() => document.documentElement.dataset.galley), 'ready', 'viewer state');
  assert.deepEqual(errors, []);
  assert.equal(await page.title(), TITLE);
  // Drawn with WebGL2, from the viewer's worker: the canvas was handed to it (an OffscreenCanvas), so the page's
  // thread can make no context on it at all.
  assert.deepEqual(await page.evaluate(() => {
    const { renderer, thread } = document.getElementById('galley-document').dataset;
    let pageContext;
    try { pageContext = document.getElementById('galley-canvas').getContext('2d') === null ? 'none' : 'made'; }
    catch (e) { pageContext = e.name; }
    return { renderer, thread, pageContext };
  }), { renderer: 'webgl2', thread: 'worker', pageContext: 'InvalidStateError' });
  // The offline notice is page chrome, not the article: hidden so the margins show only what the canvas drew.
  await hideOfflineNotice(page);
  const img = decodePng(await page.screenshot());
  const stats = inkStats(img);
  assert.ok(stats.ink > 20000, `ink pixels: ${stats.ink}`);
  assert.ok(stats.rows > 300, `rows with ink: ${stats.rows}`);
  // Text stays within the centred column: margins left and right are blank (below the reader toolbar, top right).
  const body = { ...img, height: img.height - 64, rgba: img.rgba.subarray(64 * img.width * 4) };
  const left = inkStats(body, 0, 150), right = inkStats(body, body.width - 150, body.width);
  assert.equal(left.ink + right.ink, 0, 'ink outside the text column');
  await page.close();
});

test('the text layer holds every paragraph of the article, in order', async () => {
  const { page } = await openViewer();
  const text = await documentText(page);
  const missing = blockOutOfOrder(text, SAMPLE.articles[0].blocks);
  assert.equal(missing, null, `paragraph missing or out of order: ${missing?.text.slice(0, 60)}`);
  await page.close();
});

// The reading time comes from the core's count of the article's words (galley_article_info), so the toolbar shows it
// as the article appears, not once the text layer is built to its end ('ready').
test('the reading time is shown with the first frame, from the core\'s count of the words', async () => {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  await page.addInitScript(() => {
    new MutationObserver(() => {
      const label = document.getElementById('galley-reading-time');
      if (label?.textContent && !window.readingTimeShown) window.readingTimeShown = performance.now();
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  await page.goto(`${BASE_URL}index.html`);
  await page.waitForFunction(() => document.documentElement.dataset.galley === 'ready', null, { timeout: 30000 });
  const r = await page.evaluate(() => ({
    shown: window.readingTimeShown,
    firstFrame: performance.getEntriesByName('galley-first-frame')[0]?.startTime,
    ready: performance.getEntriesByName('galley-ready')[0]?.startTime,
    label: document.getElementById('galley-reading-time').textContent,
    layerWords: document.getElementById('galley-document').innerText.split(/\s+/).filter(Boolean).length,
  }));
  console.log(`# reading time shown at ${r.shown?.toFixed(0)} ms, first frame ${r.firstFrame?.toFixed(0)}, ready ` +
              `${r.ready?.toFixed(0)}; text layer ${r.layerWords} words, label "${r.label}"`);
  assert.ok(r.shown > r.firstFrame && r.shown < r.ready, 'shown after the first frame was drawn, before ready');
  // The text layer's words, counted by spaces (its dashes and the byline's separators among them), give the same
  // reading time within a minute.
  const minutes = Number(r.label.match(/^(\d+) min read$/)?.[1]);
  assert.ok(minutes >= 1, `label: ${r.label}`);
  assert.ok(Math.abs(minutes - r.layerWords / 230) <= 1, `${minutes} min for ${r.layerWords} words`);
  await page.close();
});

// The page loads hyphenation patterns in their compiled form (hyphen/*.bin, `galley patterns compile`); one that is
// damaged is refused by the core with its reason, and the article is set as without patterns.
test('damaged compiled patterns are refused with a message and the article is set without hyphens', async () => {
  const wordBreaks = (page) => page.evaluate(() => document.querySelectorAll('#galley-document p wbr').length);
  const narrow = { width: 380, height: 800 };
  const { page: intact } = await openViewer('', narrow);
  assert.ok(await wordBreaks(intact) > 0, 'the intact patterns hyphenate the sample at 380 px');
  await intact.close();

  const page = await browser.newPage({ viewport: narrow });
  const errors = [], warnings = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await page.route('**/hyphen/hyph_en_US.bin', async (route) => {
    const whole = await (await route.fetch()).body();
    await route.fulfill({ contentType: 'application/octet-stream', body: whole.subarray(0, 1000) });
  });
  await page.goto(`${BASE_URL}index.html`);
  await page.waitForFunction(() => ['ready', 'error'].includes(document.documentElement.dataset.galley),
                             null, { timeout: 30000 });
  assert.equal(await page.evaluate(() => document.documentElement.dataset.galley), 'ready');
  assert.deepEqual(errors, []);
  assert.ok(warnings.some((w) => /hyph_en_US\.bin: compiled hyphen patterns: level 1: truncated/.test(w)),
            `warnings: ${warnings.join(' | ')}`);
  assert.equal(await wordBreaks(page), 0, 'no line ends inside a word');
  await page.close();
});

test('a missing bundle shows an error in the page', async () => {
  const { page } = await openViewer('?bundle=bundles/does-not-exist.json');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.galley), 'error');
  const message = await page.locator('#galley-error').innerText();
  assert.match(message, /could not be loaded/);
  assert.match(message, /404/);
  await page.close();
});

test('an invalid bundle shows every "path: reason" in the page', async () => {
  const page = await browser.newPage();
  await page.route('**/test-bundles/bad.json', (route) => route.fulfill({
    contentType: 'application/json',
    body: JSON.stringify({ galley: 1, articles: [{ id: 'x', lang: 'en', title: 'T', authors: [],
      blocks: [{ type: 'heading', level: 9, text: 'H' }, { type: 'paragraph' }] }] }),
  }));
  await page.goto(`${BASE_URL}index.html?bundle=test-bundles/bad.json`);
  await page.waitForFunction(() => document.documentElement.dataset.galley === 'error', null, { timeout: 30000 });
  const message = await page.locator('#galley-error').innerText();
  assert.match(message, /articles\[0\]\.blocks\[0\]\.level: must be 1\.\.6/);
  assert.match(message, /articles\[0\]\.blocks\[1\]\.text: required/);
  await page.close();
});

test('a bundle that is not JSON shows where it broke', async () => {
  const page = await browser.newPage();
  await page.route('**/test-bundles/broken.json', (route) => route.fulfill({ body: '{"galley": 1, "articles": [' }));
  await page.goto(`${BASE_URL}index.html?bundle=test-bundles/broken.json`);
  await page.waitForFunction(() => document.documentElement.dataset.galley === 'error', null, { timeout: 30000 });
  assert.match(await page.locator('#galley-error').innerText(), /\$: not valid JSON/);
  await page.close();
});
