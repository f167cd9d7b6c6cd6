// Tables (tests/data/bundles/valid/tables.json, tables-rtl.json) at a phone's width and a desktop's: the page never
// scrolls sideways, a table too wide for the column scrolls in its own box (and the canvas moves its drawing with
// it), the text layer holds real tables (table, rows, column and row headers, cells) whose words lie over the drawn
// ones, and selecting a table copies its rows as lines of tab-separated cells.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { BASE_URL, launch, decodePng } from './browser.mjs';
import { RECORD_CHUNKS, wordErrors } from './drawn-words.mjs';

const ROOT = new URL('../../', import.meta.url);
const bundleText = (name) => readFileSync(new URL(`tests/data/bundles/valid/${name}.json`, ROOT), 'utf8');

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function openTables(name, width) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.addInitScript(RECORD_CHUNKS);
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.route(`**/test-bundles/${name}.json`, (route) => route.fulfill({ contentType: 'application/json',
    body: bundleText(name) }));
  await page.goto(`${BASE_URL}index.html?bundle=test-bundles/${name}.json`);
  await page.waitForFunction(() => ['ready', 'error'].includes(document.documentElement.dataset.galley),
                             null, { timeout: 30000 });
  assert.equal(await page.evaluate(() => document.documentElement.dataset.galley), 'ready');
  assert.deepEqual(errors, []);
  // Every chunk rendered (content-visibility: auto skips the layout of those off screen).
  await page.evaluate(() => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync('#galley-document .chunk { content-visibility: visible !important; }');
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  });
  return page;
}

// Each word of the tables' cells in the text layer against the box the canvas drew it in, at the tables' current
// scroll: the worst error at either end, in px (drawn-words.mjs).
const cellWordErrors = (page) => wordErrors(page, { role: 'cell' });

// The page cannot be scrolled sideways: nothing is wider than the viewport, and a try to scroll does nothing.
async function assertNoSidewaysScroll(page) {
  const m = await page.evaluate(() => {
    window.scrollTo({ left: 500, top: window.scrollY, behavior: 'instant' });
    return { sw: document.documentElement.scrollWidth, iw: innerWidth, x: window.scrollX };
  });
  assert.ok(m.sw <= m.iw, `page scrollWidth ${m.sw} > innerWidth ${m.iw}`);
  assert.equal(m.x, 0, 'the page scrolled sideways');
}

for (const width of [340, 1200]) {
  test(`tables at ${width} px: real tables in the text layer over the drawn ones, the page never wider`, async () => {
    const page = await openTables('tables', width);
    await assertNoSidewaysScroll(page);
    assert.equal(await page.getByRole('table').count(), 4);
    const first = page.getByRole('table').first();
    assert.deepEqual(await first.getByRole('columnheader').allTextContents(), ['Typesetter', 'Mean', 'Worst']);
    assert.deepEqual(await first.getByRole('rowheader').allTextContents(),
                     ['Galley', 'Chromium, see its bug tracker', 'Both at 340 px']);
    assert.deepEqual(await first.getByRole('cell').allTextContents(), ['0.107', '1.53', '0.711', '4.45']);
    assert.equal(await first.getByRole('row').count(), 4);
    // The link in a cell is a link of the layer.
    assert.equal(await first.getByRole('link').getAttribute('href'), 'https://example.org/bugs');
    // The rainfall table scrolls in a phone's column, not on a desktop.
    const scrolls = await page.evaluate(() => [...document.querySelectorAll('.table-scroll')].map((s) => ({
      scrolls: s.scrollWidth > s.clientWidth + 1, region: s.getAttribute('role') })));
    assert.deepEqual(scrolls.map((s) => s.scrolls), [false, width < 400, false, false]);
    if (width < 400) assert.equal(scrolls[1].region, 'region');
    const r = await cellWordErrors(page);
    assert.equal(r.error, undefined, r.error);
    assert.deepEqual(r.mismatches, [], 'cell lines whose text is not the drawn one');
    assert.ok(r.words > 100, `words compared: ${r.words}`);
    assert.ok(r.worst <= 1, `cell word off by ${r.worst.toFixed(2)} px: ${r.worstWord}`);
    await page.close();
  });
}

test('selecting a table copies its rows, cells apart by tabs', async () => {
  const page = await openTables('tables', 1200);
  const text = await page.evaluate(() => {
    const table = document.querySelector('#galley-document table');
    getSelection().selectAllChildren(table);
    return getSelection().toString();
  });
  const rows = text.split('\n').map((row) => row.trim()).filter(Boolean);
  assert.deepEqual(rows.slice(0, 3).map((row) => row.split('\t').map((cell) => cell.trim())),
                   [['Typesetter', 'Mean', 'Worst'], ['Galley', '0.107', '1.53'],
                    ['Chromium, see its bug tracker', '0.711', '4.45']]);
  await page.close();
});

test('a table wider than a phone scrolls in its box: the canvas moves its drawing with the layer', async () => {
  const page = await openTables('tables', 340);
  const box = await page.evaluate(() => {
    const scroller = document.querySelectorAll('.table-scroll')[1];
    scroller.scrollIntoView({ block: 'center', behavior: 'instant' });
    const r = scroller.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height, range: scroller.scrollWidth - scroller.clientWidth };
  });
  assert.ok(box.range > 50, `scroll range ${box.range}`);
  const clip = { x: Math.floor(box.x), y: Math.floor(box.y), width: Math.floor(box.width), height: Math.floor(box.height) };
  const before = decodePng(await page.screenshot({ clip }));
  // Shift and the wheel over the table, as a mouse scrolls it sideways; the page stays where it is.
  const scrollY = await page.evaluate(() => window.scrollY);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.keyboard.down('Shift');
  await page.mouse.wheel(0, 300);
  await page.keyboard.up('Shift');
  await page.waitForFunction(() => document.querySelectorAll('.table-scroll')[1].scrollLeft > 0, null, { timeout: 5000 });
  await page.waitForTimeout(300);
  const after = decodePng(await page.screenshot({ clip }));
  assert.equal(await page.evaluate(() => window.scrollX), 0);
  assert.ok(Math.abs(await page.evaluate(() => window.scrollY) - scrollY) < 2, 'the page scrolled');
  let changed = 0;
  for (let i = 0; i < before.rgba.length; i += 4) changed += before.rgba[i] !== after.rgba[i] ? 1 : 0;
  assert.ok(changed > 500, `pixels changed by scrolling the table: ${changed}`);
  // The keyboard scrolls it too, once it has the focus (a region in the tab order).
  const scrolled = await page.evaluate(() => document.querySelectorAll('.table-scroll')[1].scrollLeft);
  await page.focus('.table-scroll.scrolls');
  await page.keyboard.press('ArrowLeft');
  await page.waitForFunction((x) => document.querySelectorAll('.table-scroll')[1].scrollLeft < x, scrolled,
                             { timeout: 5000 });
  // Find in page reaches a cell scrolled out of view.
  assert.ok(await page.evaluate(() => window.find('382.5')), 'find: 382.5');
  await page.waitForTimeout(300);
  // Where it scrolled to, the layer's words still lie over the drawn ones, and nothing spills out of the column.
  const r = await cellWordErrors(page);
  assert.deepEqual(r.mismatches, [], 'cell lines whose text is not the drawn one');
  assert.ok(r.worst <= 1, `cell word off by ${r.worst.toFixed(2)} px after scrolling: ${r.worstWord}`);
  await assertNoSidewaysScroll(page);
  await page.close();
});

for (const width of [340, 1200]) {
  test(`a right-to-left table at ${width} px starts at the right, its words over the drawn ones`, async () => {
    const page = await openTables('tables-rtl', width);
    await assertNoSidewaysScroll(page);
    assert.equal(await page.getByRole('table').count(), 2);
    assert.deepEqual(await page.getByRole('table').first().getByRole('columnheader').allTextContents(),
                     ['المدينة', 'كانون الثاني', 'شباط']);
    const layout = await page.evaluate(() => {
      const scroller = document.querySelector('.table-scroll');
      const doc = document.getElementById('galley-document').getBoundingClientRect();
      const table = window.__chunks.flatMap((c) => c.tables)[0];
      return { dir: scroller.dir, right: scroller.getBoundingClientRect().right - doc.left, drawnRight: table.x + table.w,
               contentRight: table.cx + table.cw };
    });
    assert.equal(layout.dir, 'rtl');
    assert.ok(Math.abs(layout.contentRight - layout.drawnRight) < 0.5, JSON.stringify(layout));
    const r = await cellWordErrors(page);
    assert.equal(r.error, undefined, r.error);
    assert.deepEqual(r.mismatches, [], 'cell lines whose text is not the drawn one');
    assert.ok(r.words > 20, `words compared: ${r.words}`);
    assert.ok(r.worst <= 1, `cell word off by ${r.worst.toFixed(2)} px: ${r.worstWord}`);
    await page.close();
  });
}

// On paper (print.js): every row of every table, its cells' text and rules, within the printed column; a table
// wider than it (the rainfall table at a narrow print column) scaled down to it.
test('tables print row by row within the printed column', async () => {
  const page = await openTables('tables', 1200);
  await page.waitForFunction(() => performance.getEntriesByName('galley-print-ready').length > 0, null, { timeout: 30000 });
  await page.emulateMedia({ media: 'print' });
  const printed = await page.evaluate(() => {
    window.dispatchEvent(new Event('beforeprint'));
    const root = document.getElementById('galley-print');
    const width = root.getBoundingClientRect().width;
    const rows = [...root.querySelectorAll('.print-table-row')];
    const widest = Math.max(...[...root.querySelectorAll('.print-table-content')].map((c) => c.getBoundingClientRect().width));
    const result = { rows: rows.length, width, widest, text: rows.map((r) => r.textContent).join(' | '),
                     rules: root.querySelectorAll('.print-table-content .print-rule').length };
    window.dispatchEvent(new Event('afterprint'));
    return result;
  });
  await page.emulateMedia({ media: 'screen' });
  assert.equal(printed.rows, 4 + 6 + 5 + 4);
  for (const word of ['Typesetter', 'Aberdeen', '382.5', 'Noto Serif', 'Hanging', 'punctuation']) {
    assert.ok(printed.text.includes(word), `${word} missing from the printed tables: ${printed.text.slice(0, 200)}`);
  }
  assert.ok(printed.widest <= printed.width + 1, `a table ${printed.widest} px wide in a ${printed.width} px column`);
  assert.ok(printed.rules >= 4 * 3, `rules printed: ${printed.rules}`);
  await page.close();
});
