// Colour emoji in the page: the mixed-script article's 👋🏽 👨‍👩‍👧 ❤️ 🇰🇷 are drawn from Noto Color Emoji's slices,
// fetched only for them (the people, medium skin tone, symbols and flags slices, none of the others), in their own
// colours where the text layer has them. The heart and the flag are bright saturated red, which no text colour of the
// light theme has (its link blue and accent red are dark, and their anti-aliased edges pale): found in their boxes and
// hardly anywhere else. The hand is skin-toned (too close to the accent's pale edges to count as such outside its
// box); Noto Color Emoji 2.042 draws families as grey silhouettes on a tile: both are checked for the ink they have.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { BASE_URL, launch, decodePng, hideOfflineNotice } from './browser.mjs';

const ROOT = new URL('../../', import.meta.url);
const BUNDLE = readFileSync(new URL('tests/data/scripts/en-mixed.json', ROOT), 'utf8');
const EMOJI = ['👋🏽', '👨‍👩‍👧', '❤️', '🇰🇷'];
const FETCHED = ['people', 'medium', 'symbols', 'flags'].map((s) => `NotoColorEmoji.emoji-${s}.ttf`);
const NOT_FETCHED = ['nature', 'travel', 'objects', 'subdivision-flags', 'light', 'medium-light', 'medium-dark', 'dark',
  'mixed-tones'].map((s) => `NotoColorEmoji.emoji-${s}.ttf`);

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// Bright and saturated: an emoji's colours, never those of text on the light background (dark, or pale at its edges).
const colourful = (r, g, b) => Math.max(r, g, b) > 170 && Math.max(r, g, b) - Math.min(r, g, b) > 110;
// What each emoji's box must hold: the saturated red of the heart and of the flag's circle, the skin of the
// medium-toned hand, the family's dark silhouettes.
const skin = (r, g, b) => r > g && g > b && r > 150 && r - b > 60;
const dark = (r, g, b) => 0.299 * r + 0.587 * g + 0.114 * b < 60;
const EXPECT = [['skin', skin, 40], ['dark', dark, 60], ['colourful', colourful, 40], ['colourful', colourful, 10]];

// The sans setting sets the body in Noto Sans from a face set of its own, which needs the emoji slices too.
for (const family of ['serif', 'sans']) test(`emoji are drawn in colour from the emoji slices they need (${family})`, async () => {
  const page = await browser.newPage({ viewport: { width: 900, height: 1000 } });
  const errors = [], fonts = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => { if (r.url().includes('/fonts/')) fonts.push(new URL(r.url()).pathname.split('/').pop()); });
  await page.route('**/test-bundles/en-mixed.json', (route) => route.fulfill({ contentType: 'application/json', body: BUNDLE }));
  await page.goto(`${BASE_URL}index.html?bundle=test-bundles/en-mixed.json&family=${family}`);
  await page.waitForFunction(() => ['ready', 'error'].includes(document.documentElement.dataset.galley), null,
                             { timeout: 60000 });
  assert.equal(await page.evaluate(() => document.documentElement.dataset.galley), 'ready');
  for (const file of FETCHED) assert.ok(fonts.includes(file), `fetched: ${fonts.join(', ')}`);
  for (const file of NOT_FETCHED) assert.ok(!fonts.includes(file), `${file} fetched for four emoji`);
  // No emoji is drawn as .notdef: what is missing is the article's nine Han and Hangul characters (CJK slices).
  const missing = Number(await page.evaluate(() => document.documentElement.dataset.galleyMissingGlyphs));
  assert.ok(missing <= 9, `missing glyphs: ${missing}`);

  // Where the text layer has each emoji (its lines lie over the drawn ones), with the paragraph scrolled into view.
  await hideOfflineNotice(page);
  const boxes = await page.evaluate(async (emoji) => {
    const root = document.getElementById('galley-document');
    const find = (text) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.data.indexOf(text);
        if (at >= 0) return [node, at];
      }
      return null;
    };
    find(emoji[0])[0].parentElement.scrollIntoView({ block: 'center' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    return emoji.map((text) => {
      const found = find(text);
      if (!found) return null;
      const range = document.createRange();
      range.setStart(found[0], found[1]);
      range.setEnd(found[0], found[1] + text.length);
      const r = range.getBoundingClientRect();
      return { text, x0: r.left, y0: r.top, x1: r.right, y1: r.bottom };
    });
  }, EMOJI);
  await page.waitForTimeout(300);  // the frame the scroll asked for
  const img = decodePng(await page.screenshot());
  const pad = 6;
  const boxOf = (x, y) => boxes.findIndex((b) => b && x >= b.x0 - pad && x < b.x1 + pad && y >= b.y0 - pad && y < b.y1 + pad);
  const counts = boxes.map(() => 0);
  let elsewhere = 0;
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      const i = (y * img.width + x) * 4;
      const [r, g, b] = [img.rgba[i], img.rgba[i + 1], img.rgba[i + 2]];
      const k = boxOf(x, y);
      if (k >= 0 && EXPECT[k][1](r, g, b)) counts[k]++;
      else if (k < 0 && colourful(r, g, b)) elsewhere++;
    }
  }
  boxes.forEach((b, k) => {
    assert.ok(b, `${EMOJI[k]} is in the text layer`);
    assert.ok(b.y0 >= 0 && b.y1 <= img.height, `${b.text} on screen: ${JSON.stringify(b)}`);
    assert.ok(counts[k] >= EXPECT[k][2], `${b.text}: ${counts[k]} ${EXPECT[k][0]} pixels in ${JSON.stringify(b)}`);
  });
  assert.ok(elsewhere < 40, `colourful pixels outside the emoji: ${elsewhere}`);
  assert.deepEqual(errors, []);
  await page.close();
});
