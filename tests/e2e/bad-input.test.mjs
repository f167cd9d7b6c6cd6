// The bad-input corpus in the page: every invalid bundle of tests/data/bundles/invalid shows its "path: reason" in
// a visible error panel, the page keeps working (no uncaught exception, the panel is readable), and the next
// valid bundle still opens in the same tab.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { BASE_URL, launch } from './browser.mjs';

const CORPUS = new URL('../data/bundles/invalid/', import.meta.url);
const EXPECTED = readFileSync(new URL('EXPECTED.tsv', CORPUS), 'utf8').split('\n')
  .filter((l) => l && !l.startsWith('#')).map((l) => l.split('\t'));

let browser, context;
// Service workers are blocked: requests a worker makes itself would bypass page.route.
before(async () => { browser = await launch(); context = await browser.newContext({ serviceWorkers: 'block' }); });
after(async () => { await browser?.close(); });

// One page, many bundles: each served by a route, opened with ?bundle=, its error read from the panel.
test(`every one of the ${EXPECTED.length} invalid bundles shows its message in the page`, async () => {
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.route('**/bad/*', (route) => {
    const name = decodeURIComponent(new URL(route.request().url()).pathname.split('/').pop());
    route.fulfill({ contentType: 'application/json', body: readFileSync(new URL(name, CORPUS)) });
  });
  const failures = [];
  for (const [file, expected] of EXPECTED) {
    await page.goto(`${BASE_URL}index.html?bundle=bad/${encodeURIComponent(file)}`);
    await page.waitForFunction(() => ['ready', 'error'].includes(document.documentElement.dataset.galley),
                               null, { timeout: 30000 });
    const state = await page.evaluate(() => document.documentElement.dataset.galley);
    const panel = page.locator('#galley-error');
    const text = state === 'error' && await panel.isVisible() ? await panel.innerText() : '';
    // Parser and decoder messages carry positions: the corpus names only their prefix.
    if (state !== 'error' || !text.includes(expected)) failures.push(`${file}: state ${state}, wanted "${expected}", panel: ${text.slice(0, 200)}`);
  }
  assert.deepEqual(failures, []);
  assert.deepEqual(pageErrors, []);
  // After all that, a valid bundle still opens.
  await page.goto(`${BASE_URL}index.html`);
  await page.waitForFunction(() => document.documentElement.dataset.galley === 'ready', null, { timeout: 30000 });
  await page.close();
});

test('absurd and huge inputs are refused with a message, not a crash', async () => {
  const page = await context.newPage();
  const cases = {
    'deep.json': { body: '['.repeat(100000), expected: '$: nesting deeper than 64 levels' },
    'not-utf8.json': { body: Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x7d]), expected: '$: not valid UTF-8' },
    'font-size.json': {
      body: JSON.stringify({ galley: 1, articles: [{ id: 'a', lang: 'en', title: 'T', authors: [],
        blocks: [{ type: 'heading', level: 99, text: 'x' }] }] }),
      expected: 'articles[0].blocks[0].level: must be 1..6',
    },
  };
  await page.route('**/absurd/*', (route) => {
    const name = new URL(route.request().url()).pathname.split('/').pop();
    route.fulfill({ contentType: 'application/json', body: cases[name].body });
  });
  for (const [name, { expected }] of Object.entries(cases)) {
    await page.goto(`${BASE_URL}index.html?bundle=absurd/${name}`);
    await page.waitForFunction(() => document.documentElement.dataset.galley === 'error', null, { timeout: 30000 });
    assert.ok((await page.locator('#galley-error').innerText()).includes(expected), name);
  }
  await page.close();
});
