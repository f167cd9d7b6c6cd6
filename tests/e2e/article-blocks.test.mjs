// What a whole article holds (tests/data/bundles/valid/whole-article.json: code, a table, nested lists, verse,
// sub- and superscripts, struck and code text, an image with its credit, an embed card, notes) in the text layer, at a
// phone's width and a desktop's: each word where the canvas drew it, and the elements that give screen readers, copy
// and find the article's structure (ol > li > ul, pre > code, sup, sub, s, code, note references and their notes).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { BASE_URL, launch } from './browser.mjs';
import { RECORD_CHUNKS, wordErrors } from './drawn-words.mjs';

const BUNDLE = readFileSync(new URL('../data/bundles/valid/whole-article.json', import.meta.url), 'utf8');
const ARTICLE = JSON.parse(BUNDLE).articles[0];

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function openWhole(width) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.addInitScript(RECORD_CHUNKS);
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.route('**/test-bundles/whole.json', (route) => route.fulfill({ contentType: 'application/json', body: BUNDLE }));
  // The bundle's images are not there to fetch: the layer holds their alt texts all the same.
  await page.route(/\.(png|jpg)$/, (route) => route.fulfill({ status: 404, body: '' }));
  await page.goto(`${BASE_URL}index.html?bundle=test-bundles/whole.json`);
  await page.waitForFunction(() => ['ready', 'error'].includes(document.documentElement.dataset.galley), null,
                             { timeout: 60000 });
  assert.equal(await page.evaluate(() => document.documentElement.dataset.galley), 'ready');
  return { page, errors };
}

for (const width of [340, 1200]) {
  test(`at ${width} px each word of every block is where the canvas drew it`, async () => {
    const { page, errors } = await openWhole(width);
    const r = await wordErrors(page);
    const px = (w) => `${w.text} ${w.left.toFixed(2)} / ${w.right.toFixed(2)}`;
    console.log(`# whole article at ${width} px: ${r.words} words, ${r.over} off by more than 1 px; worst start ` +
                `${px(r.worstLeft)}, worst end ${px(r.worstRight)}`);
    assert.equal(r.error, undefined, r.error);
    assert.deepEqual(r.mismatches, []);
    assert.ok(r.words > 150, `words compared: ${r.words}`);
    assert.ok(Math.abs(r.worstLeft.left) <= 1, `start of ${px(r.worstLeft)}; off: ${r.overWords.join(', ')}`);
    assert.ok(Math.abs(r.worstRight.right) <= 1, `end of ${px(r.worstRight)}`);
    assert.deepEqual(r.offRow, [], 'words whose middle is outside their drawn line');
    assert.deepEqual(errors, []);
    await page.close();
  });

  test(`at ${width} px lists nest as the article nests them, numbered from their start`, async () => {
    const { page } = await openWhole(width);
    const list = await page.evaluate(() => {
      const ol = document.querySelector('#galley-document ol.block.list');
      const text = (el) => el.textContent.replace(/\s+/g, ' ').trim();
      return {
        start: ol.start,
        items: [...ol.children].map((li) => ({
          tag: li.tagName,
          own: [...li.children].filter((c) => !/^(UL|OL)$/.test(c.tagName)).map((c) => `${c.tagName}:${text(c)}`),
          nested: [...li.querySelectorAll(':scope > ul > li')].map(text),
        })),
      };
    });
    assert.equal(list.start, 3);
    assert.deepEqual(list.items.map((i) => i.tag), ['LI', 'LI', 'LI']);
    assert.deepEqual(list.items[0].own, ['DIV:Third, as the list starts there.']);
    assert.deepEqual(list.items[1].own, ['DIV:Fourth, which holds a list:', 'P:and a second paragraph of the fourth item.']);
    assert.deepEqual(list.items[1].nested, ['a nested item', 'another, with strong text']);
    assert.deepEqual(list.items[2].own, ['PRE:make check']);
    assert.equal(await page.evaluate(() => document.querySelector('#galley-document ol.block.list ul li strong')?.textContent),
                 'strong');
    await page.close();
  });

  test(`at ${width} px code, marks, the embed card and the notes have their elements`, async () => {
    const { page } = await openWhole(width);
    const found = await page.evaluate(() => {
      const doc = document.getElementById('galley-document');
      const all = (selector) => [...doc.querySelectorAll(selector)].map((el) => el.textContent);
      const code = doc.querySelector('pre.part.code > code');
      return {
        sub: all('sub'), sup: all('sup'), struck: all('s'), code: all('p code'),
        codeBlock: code && code.innerText,
        noteRefs: [...doc.querySelectorAll('a[role="doc-noteref"]')].map((a) => [a.textContent, a.getAttribute('href'), a.id]),
        notes: [...doc.querySelectorAll('section[role="doc-endnotes"] .note')].map((n) => [n.id, n.textContent.replace(/\s+/g, ' ').trim()]),
        back: [...doc.querySelectorAll('section[role="doc-endnotes"] a[role="doc-backlink"]')].map((a) => a.getAttribute('href')),
        embed: [...doc.querySelectorAll('figure.block.embed')].map((f) => ({
          link: f.querySelector('a')?.href, caption: f.querySelector('figcaption')?.textContent.replace(/\s+/g, ' ').trim() })),
      };
    });
    assert.deepEqual(found.sub, ['2']);
    assert.ok(found.sup.includes('2'), JSON.stringify(found.sup));
    assert.deepEqual(found.struck, ['£40']);
    assert.ok(found.code.includes('typeset()'), JSON.stringify(found.code));
    // Code keeps its lines and its tab (a copy of it is the code), however narrow the column wraps it.
    const codeBlock = ARTICLE.blocks.find((b) => b.type === 'code').text;
    assert.equal(found.codeBlock.split('\n').length, codeBlock.split('\n').length, found.codeBlock);
    assert.equal(found.codeBlock.replace(/\s+/g, ' '), codeBlock.replace(/\s+/g, ' '));
    assert.equal(found.noteRefs.length, 1, JSON.stringify(found.noteRefs));
    assert.deepEqual(found.noteRefs[0].slice(1), ['#article-n1', 'article-ref:n1']);
    assert.equal(found.notes.length, 1);
    assert.equal(found.notes[0][0], 'article-n1');
    assert.match(found.notes[0][1], /Once per width: the measured boxes are kept/);
    assert.deepEqual(found.back, ['#article-ref:n1']);
    assert.equal(found.embed.length, 1);
    assert.equal(found.embed[0].link, 'https://video.example.org/watch?v=knuth-plass');
    assert.match(found.embed[0].caption, /^The lecture that explains the alg/);
    await page.close();
  });
}
