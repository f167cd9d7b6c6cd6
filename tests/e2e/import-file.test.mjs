// Import in the viewer (web/file-import.js): a reader's own HTML page, Markdown or text file, opened with the
// toolbar's Open button, dropped on the page, or launched by the installed app (file_handlers), is imported in the
// browser by the import module (dist/import.js + import.wasm, in a Worker) and shown as a fetched bundle is. The
// first view fetches none of the module; a file that is not text gives an error that says what and where, and the
// page keeps working. Prints the module's transfer (brotli) and how long imports take.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { brotliCompressSync, constants } from 'node:zlib';
import { BASE_URL, documentText, launch } from './browser.mjs';

const DATA = new URL('../data/import/', import.meta.url);
const MODULE_FILES = ['import-worker.js', 'import.js', 'import.wasm'];
const fileOf = (url) => new URL(url).pathname.split('/').pop();

let browser, context;
// Service workers are blocked: the requests recorded are the page's own (a worker's precache would be its own).
before(async () => { browser = await launch(); context = await browser.newContext({ serviceWorkers: 'block' }); });
after(async () => { await browser?.close(); });

async function openViewer({ query = '' } = {}) {
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(`${BASE_URL}index.html${query}`);
  return { page, pageErrors, requests };
}

const waitState = (page, state) => page.waitForFunction((s) => document.documentElement.dataset.galley === s,
                                                        state, { timeout: 60000 });

// The title and first paragraph an .expected.json of tests/data/import holds: a bundle (Markdown's), or a summary
// (HTML's: blocks as "paragraph: TEXT"; scraped text's: first_paragraph).
function expectedArticle(expected) {
  const json = JSON.parse(readFileSync(expected, 'utf8'));
  if (json.articles) {
    const article = json.articles[0];
    const first = article.blocks.find((b) => b.type === 'paragraph');
    return { title: article.title, paragraph: typeof first.text === 'string' ? first.text : first.text.text };
  }
  const paragraph = json.first_paragraph ??
    json.blocks.find((b) => b.startsWith('paragraph: ')).slice('paragraph: '.length);
  return { title: json.title, paragraph };
}

// The article of `expected` is shown: ready, its title and its first paragraph's first words in the text layer.
async function expectShown(page, expected) {
  const { title, paragraph } = expectedArticle(expected);
  await page.waitForFunction((t) => document.documentElement.dataset.galley === 'ready' && document.title === t,
                             title, { timeout: 60000 });
  const text = await documentText(page);
  assert.ok(text.includes(title), `title "${title}" in the text layer: ${text.slice(0, 200)}`);
  const words = paragraph.split(/\s+/).slice(0, 4).join(' ');
  assert.ok(text.includes(words), `first words "${words}" in the text layer`);
}

// Through the toolbar's Open button and the file chooser it opens.
async function openFile(page, file) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('#galley-open-button')]);
  await chooser.setFiles(file);
}

const lastImportMs = (page) => page.evaluate(() => performance.getEntriesByName('galley-import').at(-1)?.duration);

test('an HTML page, a Markdown file and a text file, opened with Open, are shown; the first view fetched no importer',
  async (t) => {
    const { page, pageErrors, requests } = await openViewer();
    await waitState(page, 'ready');
    await page.waitForTimeout(500);   // what the page prefetches after 'ready' (print.js) is part of the first view
    const firstView = requests.map(fileOf);
    for (const file of MODULE_FILES) assert.ok(!firstView.includes(file), `the first view fetched ${file}`);
    // file-import.js itself comes once the article is shown, as print.js does.
    await page.waitForSelector('#galley-open-button', { state: 'visible' });
    assert.equal(await page.locator('#galley-open-button').isVisible(), true);

    const bodies = new Map();
    page.on('response', async (r) => {
      if (MODULE_FILES.includes(fileOf(r.url()))) bodies.set(fileOf(r.url()), await r.body().catch(() => null));
    });
    await openFile(page, new URL('html/german_news.html', DATA).pathname);
    await expectShown(page, new URL('html/german_news.expected.json', DATA));
    t.diagnostic(`first import (module fetched and compiled): ${(await lastImportMs(page)).toFixed(0)} ms`);
    for (const file of MODULE_FILES) assert.ok(requests.map(fileOf).includes(file), `${file} fetched on import`);

    await openFile(page, new URL('markdown/field_notes.md', DATA).pathname);
    await expectShown(page, new URL('markdown/field_notes.expected.json', DATA));
    await openFile(page, new URL('press_release_dateline.txt', DATA).pathname);
    await expectShown(page, new URL('press_release_dateline.expected.json', DATA));
    assert.equal(requests.filter((u) => fileOf(u) === 'import.wasm').length, 1, 'the module is fetched once');

    const sizes = MODULE_FILES.map((file) => {
      const body = bodies.get(file);
      assert.ok(body, `${file}'s body`);
      const brotli = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
      return { file, raw: body.length, brotli };
    });
    const total = sizes.reduce((s, f) => s + f.brotli, 0);
    t.diagnostic(`import module transfer, brotli: ${(total / 1024).toFixed(1)} KB (` +
                 sizes.map((f) => `${f.file} ${(f.raw / 1024).toFixed(1)} KB raw, ${(f.brotli / 1024).toFixed(1)} KB br`)
                   .join('; ') + ')');
    assert.deepEqual(pageErrors, []);
    await page.close();
  });

test('the biggest HTML test page and a 1 MB page: import time in the browser', async (t) => {
  const { page, pageErrors } = await openViewer();
  await waitState(page, 'ready');
  const dir = new URL('html/', DATA);
  const biggest = readdirSync(dir).filter((f) => f.endsWith('.html'))
    .map((f) => ({ f, size: statSync(new URL(f, dir)).size })).sort((a, b) => b.size - a.size)[0];
  await openFile(page, new URL(biggest.f, dir).pathname);   // the first import also fetches the module
  await expectShown(page, new URL(biggest.f.replace(/\.html$/, '.expected.json'), dir));
  const times = [];
  for (let i = 0; i < 5; i++) {
    await page.evaluate(() => { document.title = ''; });
    await openFile(page, new URL(biggest.f, dir).pathname);
    await expectShown(page, new URL(biggest.f.replace(/\.html$/, '.expected.json'), dir));
    times.push(await lastImportMs(page));
  }
  times.sort((a, b) => a - b);
  t.diagnostic(`${biggest.f} (${biggest.size} bytes, the biggest of tests/data/import/html): import ${times[2].toFixed(1)} ms ` +
               `(median of 5, module warm; file read, worker round trip and import)`);

  // A long page: 5,000 paragraphs of a news article (about 1 MB).
  const paragraph = '<p>The council approved the new harbour plan on Tuesday, after a debate that ran late into the ' +
    'evening; residents had asked for more time to read the drawings, and the mayor promised a second hearing.</p>\n';
  const html = `<!doctype html><html lang="en"><head><title>Harbour plan approved</title></head><body><article>` +
    `<h1>Harbour plan approved</h1>${paragraph.repeat(5000)}</article></body></html>`;
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('#galley-open-button')]);
  await chooser.setFiles({ name: 'harbour.html', mimeType: 'text/html', buffer: Buffer.from(html) });
  await page.waitForFunction(() => document.documentElement.dataset.galley === 'ready' &&
    document.title === 'Harbour plan approved', null, { timeout: 120000 });
  const longMs = await lastImportMs(page);
  t.diagnostic(`a ${(html.length / 1024).toFixed(0)} KB page of 5,000 paragraphs: import ${longMs.toFixed(0)} ms`);
  assert.ok(longMs < 30000, `importing 1 MB took ${longMs} ms`);
  assert.deepEqual(pageErrors, []);
  await page.close();
});

test('a file dropped on the page is imported; its relative images are said, not fetched', async () => {
  const { page, pageErrors, requests } = await openViewer();
  await waitState(page, 'ready');
  const text = readFileSync(new URL('markdown/field_notes.md', DATA), 'utf8');
  // Dropping is set up with Open, once the first article is shown (app.js).
  await page.waitForSelector('#galley-open-button', { state: 'visible' });
  await page.evaluate((md) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([md], 'field_notes.md', { type: 'text/markdown' }));
    for (const type of ['dragenter', 'dragover', 'drop']) {
      document.body.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }
  }, text);
  await expectShown(page, new URL('markdown/field_notes.expected.json', DATA));
  assert.equal(await page.evaluate(() => document.documentElement.classList.contains('galley-dropping')), false);
  const note = page.locator('#galley-import-note');
  assert.equal(await note.isVisible(), true);
  assert.match(await note.innerText(), /Its image is a file beside field_notes\.md on your device/);
  await page.waitForSelector('#galley-document .figure-image[data-state="missing"]');
  assert.deepEqual(requests.filter((u) => u.includes('swifts')), [], 'no request for the image beside the file');
  await note.locator('button').click();
  assert.equal(await note.isVisible(), false);
  assert.deepEqual(pageErrors, []);
  await page.close();
});

test('binary garbage gives an error that says what and where, and the page keeps working', async () => {
  const { page, pageErrors } = await openViewer();
  await waitState(page, 'ready');
  const garbage = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('#galley-open-button')]);
  await chooser.setFiles({ name: 'photo.txt', mimeType: 'text/plain', buffer: garbage });
  await waitState(page, 'error');
  const panel = await page.locator('#galley-error').innerText();
  assert.match(panel, /photo\.txt could not be imported/);
  assert.match(panel, /photo\.txt: not imported: binary data, not text \(a NUL byte at offset 8\)/);
  // Open is still there, and the next file opens.
  assert.equal(await page.locator('#galley-open-button').isVisible(), true);
  await openFile(page, new URL('markdown/field_notes.md', DATA).pathname);
  await expectShown(page, new URL('markdown/field_notes.expected.json', DATA));
  assert.equal(await page.locator('#galley-error').isVisible(), false);
  assert.deepEqual(pageErrors, []);
  await page.close();
});

test('an import module that cannot be fetched is an error too, and the next import tries again', async () => {
  const { page, pageErrors } = await openViewer();
  await waitState(page, 'ready');
  let refuse = true;
  await page.route('**/import.wasm', (route) => (refuse ? route.fulfill({ status: 404, body: '' }) : route.continue()));
  await openFile(page, new URL('markdown/field_notes.md', DATA).pathname);
  await waitState(page, 'error');
  const panel = await page.locator('#galley-error').innerText();
  assert.match(panel, /field_notes\.md could not be imported/);
  assert.match(panel, /The import module did not run: \/import\.wasm: HTTP 404/);
  refuse = false;
  await openFile(page, new URL('markdown/field_notes.md', DATA).pathname);
  await expectShown(page, new URL('markdown/field_notes.expected.json', DATA));
  assert.deepEqual(pageErrors, []);
  await page.close();
});

test('the installed app registers file handlers, and a launched file is shown instead of the sample', async () => {
  const manifest = await (await fetch(`${BASE_URL}manifest.webmanifest`)).json();
  const [handler] = manifest.file_handlers;
  assert.deepEqual(Object.values(handler.accept).flat().sort(), ['.htm', '.html', '.markdown', '.md', '.txt']);
  const action = new URL(handler.action, `${BASE_URL}manifest.webmanifest`);

  // The launch as Chromium hands it to the page: launchQueue's consumer called with file handles.
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  const md = readFileSync(new URL('markdown/field_notes.md', DATA), 'utf8');
  await page.addInitScript((text) => {
    const launchQueue = { setConsumer(consumer) {
      setTimeout(() => consumer({ files: [{ kind: 'file', getFile: async () => new File([text], 'field_notes.md') }] }));
    } };
    Object.defineProperty(window, 'launchQueue', { value: launchQueue, configurable: true });
  }, md);
  await page.goto(action.href);
  await expectShown(page, new URL('markdown/field_notes.expected.json', DATA));
  assert.deepEqual(requests.filter((u) => u.endsWith('sample.json')), [], 'the sample is not fetched');
  await page.close();
});
