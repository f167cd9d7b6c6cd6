// The hosted viewer as a PWA, in headless Chromium with a persistent profile (an incognito one is never installable):
// it is installable; once the worker controls the page, the article reads offline, and so does a second bundle
// opened online (on another origin, with its image); a new build deployed over the old one is taken only when
// complete and only all at once: a page is served every file from one build, never a mix.
//
// The site under test is a copy of dist/ (GALLEY_DIST, default build/wasm/dist) served from a temporary directory,
// so the test can deploy new builds into it: change files, then run scripts/make-sw.py on it as a deploy would.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { decodePng, inkStats } from './browser.mjs';
import { ROOT, serveDirectory } from './local-server.mjs';

const DIST = process.env.GALLEY_DIST || join(ROOT, 'build/wasm/dist');
const READY_TIMEOUT = 120000;
// As browser.mjs's launch(), for a persistent context (launch() gives a browser whose contexts are incognito).
const CHROMIUM_PATHS = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'];
const CHROMIUM_ARGS = ['--no-sandbox', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--enable-unsafe-swiftshader', '--use-angle=swiftshader',
  '--ignore-gpu-blocklist'];

let site, library, siteDir, libraryDir, profileDir, context, origin;
// Every write gets an mtime later than the last: serve.py's Last-Modified has whole seconds, and a write within the
// second of an earlier fetch would otherwise be answered 304 from the browser's cache.
let clock = Math.floor(Date.now() / 1000) + 10;
function write(path, content) {
  writeFileSync(path, content);
  clock += 2;
  utimesSync(path, clock, clock);
}

function deploy() {
  const hash = execFileSync('/usr/bin/python3', [join(ROOT, 'scripts/make-sw.py'), siteDir], { encoding: 'utf8' }).trim();
  clock += 2;
  utimesSync(join(siteDir, 'sw.js'), clock, clock);
  return hash;
}

const SECOND_BUNDLE = {
  galley: 1,
  articles: [{ id: 'second', lang: 'en-GB', title: 'A Second Article for the Train', authors: [{ name: 'Test' }],
    blocks: [
      { type: 'paragraph', text: 'This bundle lives on another origin and was opened while online. '.repeat(8).trim() },
      { type: 'image', src: 'figure.png', alt: 'A red square with a page on it', width: 192, height: 192 },
      { type: 'paragraph', text: 'It must still open when the network is gone. '.repeat(10).trim() },
    ] }],
};

before(async () => {
  assert.ok(existsSync(join(DIST, 'sw.js')), `${DIST}/sw.js is missing: build the wasm preset first`);
  siteDir = mkdtempSync(join(tmpdir(), 'galley-pwa-site-'));
  // The files as they are, not their pre-compressed copies: a deploy here changes files in place.
  cpSync(DIST, siteDir, { recursive: true, filter: (src) => !/\.(br|gz)$/.test(src) });
  libraryDir = mkdtempSync(join(tmpdir(), 'galley-pwa-library-'));
  writeFileSync(join(libraryDir, 'second.json'), JSON.stringify(SECOND_BUNDLE));
  cpSync(join(DIST, 'icons/icon-192.png'), join(libraryDir, 'figure.png'));
  site = await serveDirectory(siteDir);
  library = await serveDirectory(libraryDir);
  origin = `http://127.0.0.1:${site.port}`;
  profileDir = mkdtempSync(join(tmpdir(), 'galley-pwa-profile-'));
  context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATHS.find((p) => existsSync(p)), headless: true, args: CHROMIUM_ARGS,
    viewport: { width: 1000, height: 800 },
  });
});

after(async () => {
  await context?.close();
  site?.stop();
  library?.stop();
  for (const dir of [siteDir, libraryDir, profileDir]) if (dir) rmSync(dir, { recursive: true, force: true });
});

async function waitReady(page) {
  await page.waitForFunction(() => ['ready', 'error'].includes(document.documentElement.dataset.galley), null,
                             { timeout: READY_TIMEOUT });
  assert.equal(await page.evaluate(() => document.documentElement.dataset.galley), 'ready');
}

const waitControlled = (page) => page.waitForFunction(() => navigator.serviceWorker.controller !== null, null,
                                                      { timeout: READY_TIMEOUT });
const waitKept = (page) => page.waitForFunction(() => document.documentElement.dataset.galleyOffline, null,
                                                { timeout: READY_TIMEOUT });

// The hosted page, controlled by the worker, with no article kept: where the tests of the bounds start.
async function openEmptied() {
  const page = await context.newPage();
  await page.goto(`${origin}/index.html`);
  await waitReady(page);
  await waitControlled(page);
  await removeAll(page);
  return page;
}

// Asks the page's worker through offline-client.js, as pwa.js does: keep each URL in turn, then the list.
const keepAll = (page, urls) => page.evaluate(async (urls) => {
  const client = await import('./offline-client.js');
  const results = [];
  for (const url of urls) results.push(await client.keepBundle(url));
  return { results, list: await client.listKept() };
}, urls);
const removeAll = (page) => page.evaluate(async () => {
  const client = await import('./offline-client.js');
  for (const { url } of (await client.listKept()).articles) await client.removeKept(url);
  return client.listKept();
});
const isCached = (page, url) => page.evaluate(async (url) => Boolean(await (await caches.open('galley-bundles-v1'))
  .match(url)), url);

function bundleOf(name, paragraphs) {
  return { galley: 1, articles: [{ id: name, lang: 'en', title: `Article ${name}`, authors: [{ name: 'Test' }],
    blocks: Array.from({ length: paragraphs }, (_, i) => ({ type: 'paragraph',
      text: `Paragraph ${i} of ${name}, kept for the train. `.repeat(20).trim() })) }] };
}

// What the page gets for a few shell files now (through its worker): which build each came from.
function shellSnapshot(page) {
  return page.evaluate(async () => {
    const text = async (path) => (await fetch(path)).text();
    return {
      title: document.title,
      css: (await text('galley.css')).includes('/* deploy B */') ? 'B' : 'A',
      settings: (await text('settings.js')).includes('// deploy B') ? 'B' : 'A',
      sample: JSON.parse(await text('bundles/sample.json')).articles[0].title.endsWith('(B)') ? 'B' : 'A',
      shellCaches: (await caches.keys()).filter((name) => name.startsWith('galley-shell-')),
    };
  });
}

const oneBuild = (snapshot) => new Set([snapshot.css, snapshot.settings, snapshot.sample]).size === 1;

test('the app is installable: manifest, icons drawn at 192 and 512 px, a service worker', async () => {
  const page = await context.newPage();
  await page.goto(`${origin}/index.html`);
  await waitReady(page);
  await waitControlled(page);
  const cdp = await context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  assert.deepEqual(installabilityErrors, []);
  const manifest = JSON.parse(readFileSync(join(siteDir, 'manifest.webmanifest'), 'utf8'));
  assert.equal(manifest.display, 'standalone');
  for (const icon of manifest.icons) {
    const png = readFileSync(join(siteDir, icon.src));
    const size = `${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`;
    assert.equal(size, icon.sizes, icon.src);
  }
  assert.deepEqual(manifest.icons.map((i) => i.sizes).sort(), ['192x192', '512x512', '512x512']);
  await page.close();
});

test('once the worker controls the page, the article reads offline', async () => {
  const page = await context.newPage();
  await page.goto(`${origin}/index.html`);
  await waitReady(page);
  await waitControlled(page);
  await waitKept(page);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.galleyOffline), 'kept');
  assert.match(await page.locator('#galley-pwa').innerText(), /Available offline/);
  const title = await page.title();

  await context.setOffline(true);
  try {
    await page.reload();
    await waitReady(page);
    assert.equal(await page.title(), title);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const ink = inkStats(decodePng(await page.screenshot()));
    assert.ok(ink.ink > 15000 && ink.rows > 250, `ink offline: ${JSON.stringify(ink)}`);
  } finally {
    await context.setOffline(false);
  }
  await page.close();
});

test('the import module, fetched on a first import, is kept: a file imports offline afterwards', async () => {
  const page = await context.newPage();
  await page.goto(`${origin}/index.html`);
  await waitReady(page);
  await waitControlled(page);
  const importNotes = async (title) => {
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('#galley-open-button')]);
    await chooser.setFiles({ name: 'notes.md', mimeType: 'text/markdown',
                             buffer: Buffer.from(`# ${title}\n\nA paragraph of notes to read on the train.\n`) });
    await page.waitForFunction((t) => document.documentElement.dataset.galley === 'ready' && document.title === t,
                               title, { timeout: READY_TIMEOUT });
  };
  const moduleCached = () => page.evaluate(async () => {
    const cached = await Promise.all(['import-worker.js', 'import.js', 'import.wasm']
      .map(async (file) => Boolean(await caches.match(new URL(file, location.href).href))));
    return cached.every(Boolean);
  });
  assert.equal(await moduleCached(), false, 'not precached at install');
  await importNotes('Notes read online');
  await page.waitForFunction(async () => {
    const files = ['import-worker.js', 'import.js', 'import.wasm'];
    return (await Promise.all(files.map((f) => caches.match(new URL(f, location.href).href)))).every(Boolean);
  }, null, { timeout: READY_TIMEOUT });

  await context.setOffline(true);
  try {
    await page.reload();
    await waitReady(page);
    await importNotes('Notes read offline');
  } finally {
    await context.setOffline(false);
  }
  await page.close();
});

test('a second bundle opened online, from another origin, opens offline too, with its image', async () => {
  const bundleUrl = `http://127.0.0.1:${library.port}/second.json`;
  const page = await context.newPage();
  await page.goto(`${origin}/index.html?bundle=${encodeURIComponent(bundleUrl)}`);
  await waitReady(page);
  await waitControlled(page);
  await waitKept(page);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.galleyOffline), 'kept');
  assert.equal(await page.evaluate(async (url) => Boolean(await (await caches.open('galley-bundles-v1')).match(url)),
                                   new URL('figure.png', bundleUrl).href), true, 'the image is kept');

  await context.setOffline(true);
  try {
    await page.reload();
    await waitReady(page);
    assert.equal(await page.title(), SECOND_BUNDLE.articles[0].title);
    await page.waitForFunction(() => document.querySelector('[data-state]')?.dataset.state === 'loaded', null,
                               { timeout: 30000 });
  } finally {
    await context.setOffline(false);
  }
  await page.close();
});

// The font slices and patterns an article needs are cached on demand, not at install: a Russian article opened on a
// first visit (its slices fetched before any worker controlled the page) reads offline with its Cyrillic all there.
test('an article in another script, opened on a first visit, reads offline with its font slices', async () => {
  writeFileSync(join(libraryDir, 'ru.json'), readFileSync(join(ROOT, 'tests/data/scripts/ru.json')));
  const bundleUrl = `http://127.0.0.1:${library.port}/ru.json`;
  const freshProfile = mkdtempSync(join(tmpdir(), 'galley-pwa-profile-'));
  const fresh = await chromium.launchPersistentContext(freshProfile, {
    executablePath: CHROMIUM_PATHS.find((p) => existsSync(p)), headless: true, args: CHROMIUM_ARGS,
    viewport: { width: 1000, height: 800 },
  });
  try {
    const page = await fresh.newPage();
    await page.goto(`${origin}/index.html?bundle=${encodeURIComponent(bundleUrl)}`);
    await waitReady(page);
    await waitKept(page);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.galleyOffline), 'kept');
    const cached = await page.evaluate(async () => {
      const names = [];
      for (const key of await caches.keys()) {
        if (!key.startsWith('galley-shell-')) continue;
        for (const request of await (await caches.open(key)).keys()) names.push(new URL(request.url).pathname);
      }
      return names;
    });
    assert.ok(cached.some((p) => p.endsWith('/fonts/NotoSerif-Regular.cyrillic.ttf')), 'the slice is cached');
    assert.ok(cached.some((p) => p.endsWith('/hyphen/hyph_ru_RU.bin')), 'the patterns are cached');
    assert.ok(!cached.some((p) => p.endsWith('/hyphen/hyph_de_DE.bin')), 'other languages are not precached');
    await fresh.setOffline(true);
    await page.reload();
    await waitReady(page);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.galleyMissingGlyphs), '0');
  } finally {
    await fresh.close();
    rmSync(freshProfile, { recursive: true, force: true });
    rmSync(join(libraryDir, 'ru.json'), { force: true });
  }
});

test('a new build is taken only when complete, and only whole: never a mix of old and new files', async () => {
  const page = await context.newPage();
  await page.goto(`${origin}/index.html`);
  await waitReady(page);
  await waitControlled(page);
  const before = await shellSnapshot(page);
  assert.equal(before.shellCaches.length, 1);
  assert.ok(oneBuild(before) && before.css === 'A');

  // Build B changes three files.
  const cssA = readFileSync(join(siteDir, 'galley.css'), 'utf8');
  const cssB = `${cssA}\n/* deploy B */\n`;
  write(join(siteDir, 'settings.js'), `${readFileSync(join(siteDir, 'settings.js'), 'utf8')}\n// deploy B\n`);
  const sample = JSON.parse(readFileSync(join(siteDir, 'bundles/sample.json'), 'utf8'));
  sample.articles[0].title += ' (B)';
  write(join(siteDir, 'bundles/sample.json'), JSON.stringify(sample));
  write(join(siteDir, 'galley.css'), cssB);
  const hashB = deploy();
  assert.ok(!before.shellCaches.includes(`galley-shell-${hashB}`));

  // A deploy caught half-way: B's worker is up but galley.css is still A's. The new worker must not install.
  write(join(siteDir, 'galley.css'), cssA);
  const halfway = await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    await registration.update();
    const worker = registration.installing || registration.waiting;
    if (!worker) return 'no new worker';
    if (worker.state !== 'installing') return worker.state;
    return new Promise((resolve) => worker.addEventListener('statechange', () => {
      if (worker.state !== 'installing') resolve(worker.state);
    }));
  });
  assert.equal(halfway, 'redundant', 'the half-deployed build was refused');
  await page.reload();
  await waitReady(page);
  const stillA = await shellSnapshot(page);
  assert.ok(oneBuild(stillA) && stillA.css === 'A', JSON.stringify(stillA));
  assert.deepEqual(stillA.shellCaches, before.shellCaches);

  // The deploy completes. The new build installs in the background and waits: the page still gets A, whole.
  write(join(siteDir, 'galley.css'), cssB);
  const installed = await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    await registration.update();
    const worker = registration.installing || registration.waiting;
    if (!worker) return 'no new worker';
    if (worker.state !== 'installing') return worker.state;
    return new Promise((resolve) => worker.addEventListener('statechange', () => {
      if (worker.state !== 'installing') resolve(worker.state);
    }));
  });
  assert.equal(installed, 'installed');
  await page.waitForFunction(() => document.documentElement.dataset.galleyUpdate === 'ready', null, { timeout: 30000 });
  assert.match(await page.locator('#galley-pwa').innerText(), /new version of Galley is ready/);
  const waiting = await shellSnapshot(page);
  assert.ok(oneBuild(waiting) && waiting.css === 'A', JSON.stringify(waiting));

  // A second tab on the old build; the reader takes the update in the first: both reload into B, whole.
  const other = await context.newPage();
  await other.goto(`${origin}/index.html`);
  await waitReady(other);
  assert.ok(oneBuild(await shellSnapshot(other)) && (await shellSnapshot(other)).css === 'A');
  const reloaded = page.waitForEvent('load', { timeout: READY_TIMEOUT });
  const otherReloaded = other.waitForEvent('load', { timeout: READY_TIMEOUT });
  await page.getByRole('button', { name: 'Update' }).click();
  await Promise.all([reloaded, otherReloaded]);
  for (const p of [page, other]) {
    await waitReady(p);
    const after = await shellSnapshot(p);
    assert.ok(oneBuild(after) && after.css === 'B', JSON.stringify(after));
    assert.match(after.title, /\(B\)$/);
    assert.deepEqual(after.shellCaches, [`galley-shell-${hashB}`], 'the old build\'s cache is gone');
  }
  await other.close();
  await page.close();
});

test('kept articles stay within their count, least recently opened out first; the Offline panel lists and removes', async () => {
  const page = await openEmptied();
  const urls = [];
  for (let i = 0; i < 33; i++) {
    writeFileSync(join(libraryDir, `count-${i}.json`), JSON.stringify(bundleOf(`count-${i}`, 1)));
    urls.push(`http://127.0.0.1:${library.port}/count-${i}.json`);
  }
  const first = await keepAll(page, urls.slice(0, 30));
  assert.ok(first.results.every((r) => r.offline), JSON.stringify(first.results));
  assert.equal(first.list.articles.length, 30);
  // Opening the first again makes it the most recently opened: the second is now the oldest.
  await keepAll(page, [urls[0]]);
  const { results, list } = await keepAll(page, urls.slice(30));
  assert.ok(results.every((r) => r.offline));
  const limit = list.limits.articles;
  assert.equal(limit, 30);
  assert.equal(list.articles.length, limit);
  const listed = list.articles.map((a) => a.url);
  // 33 kept, 30 stay: out went count-1, count-2 and count-3, the three least recently opened.
  assert.deepEqual(listed, [...urls.slice(4, 30), urls[0], ...urls.slice(30)]);
  for (const url of urls.slice(1, 4)) assert.equal(await isCached(page, url), false, `${url} was removed`);
  assert.equal(await isCached(page, urls[32]), true);
  assert.equal(list.articles[29].title, 'Article count-32');
  assert.ok(list.articles.every((a) => a.bytes > 100));

  // The reader's list: the newest first, the open article marked; Remove takes one out, there and in the cache.
  await page.goto(`${origin}/index.html?bundle=${encodeURIComponent(urls[32])}`);
  await waitReady(page);
  await waitKept(page);
  await page.click('#galley-offline-button');
  await page.waitForFunction(() => document.querySelectorAll('#galley-offline-list li').length === 30);
  const titles = await page.locator('#galley-offline-list a').allTextContents();
  assert.equal(titles[0], 'Article count-32');
  assert.equal(await page.locator('#galley-offline-list a[aria-current="page"]').textContent(), 'Article count-32');
  assert.match(await page.locator('#galley-offline-summary').textContent(), /^30 of at most 30 articles/);
  await page.getByRole('button', { name: 'Remove “Article count-31” from offline reading' }).click();
  await page.waitForFunction(() => document.querySelectorAll('#galley-offline-list li').length === 29);
  assert.equal(await isCached(page, urls[31]), false);
  assert.ok(!(await page.locator('#galley-offline-list a').allTextContents()).includes('Article count-31'));
  await page.getByRole('button', { name: 'Remove “Article count-32” from offline reading' }).click();
  await page.waitForFunction(() => document.documentElement.dataset.galleyOffline === 'removed');
  assert.equal(await isCached(page, urls[32]), false);
  await removeAll(page);
  await page.close();
});

test('kept articles stay within their bytes: the least recently opened make room, one too large is refused', async () => {
  const page = await openEmptied();
  const url = (name) => `http://127.0.0.1:${library.port}/${name}.json`;
  // Three of 40 MB: two fit in the 100 MB bound, the third pushes the first out.
  const paragraph = 'Forty megabytes of words for the bound. '.repeat(1000);
  for (const name of ['big-0', 'big-1', 'big-2']) {
    const bundle = bundleOf(name, 1);
    bundle.articles[0].blocks = Array.from({ length: 1000 }, () => ({ type: 'paragraph', text: paragraph }));
    writeFileSync(join(libraryDir, `${name}.json`), JSON.stringify(bundle));
  }
  try {
    const { results, list } = await keepAll(page, ['big-0', 'big-1', 'big-2'].map(url));
    assert.ok(results.every((r) => r.offline), JSON.stringify(results));
    assert.deepEqual(list.articles.map((a) => a.url), [url('big-1'), url('big-2')]);
    const total = list.articles.reduce((sum, a) => sum + a.bytes, 0);
    assert.ok(total > 80e6 && total <= list.limits.bytes, `${total} bytes kept`);
    assert.equal(await isCached(page, url('big-0')), false);
    // More than the whole bound at once (112 MB): refused before anything is evicted, and nothing of it stays.
    const huge = bundleOf('huge', 1);
    huge.articles[0].blocks = Array.from({ length: 2800 }, () => ({ type: 'paragraph', text: paragraph }));
    writeFileSync(join(libraryDir, 'huge.json'), JSON.stringify(huge));
    const refused = await keepAll(page, [url('huge')]);
    assert.deepEqual(refused.results, [{ offline: false, reason: 'not enough storage for this article' }]);
    assert.equal(await isCached(page, url('huge')), false);
    assert.deepEqual(refused.list.articles.map((a) => a.url), [url('big-1'), url('big-2')], 'nothing evicted for it');
  } finally {
    await removeAll(page);
    for (const name of ['big-0', 'big-1', 'big-2', 'huge']) rmSync(join(libraryDir, `${name}.json`));
  }
  await page.close();
});

// Storage pressure: the worker keeps within STORAGE_SHARE (80%) of the quota navigator.storage.estimate() grants. The
// estimate is set in the worker itself (Chromium's quota cannot be lowered from outside here): room for one more
// article only once the oldest goes, then not even with none kept.
test('kept articles stay within the storage the browser grants: the oldest make room, or nothing goes', async () => {
  const page = await openEmptied();
  const url = (name) => `http://127.0.0.1:${library.port}/${name}.json`;
  const names = ['quota-a', 'quota-b', 'quota-c', 'quota-d', 'quota-e'];
  for (const name of names) writeFileSync(join(libraryDir, `${name}.json`), JSON.stringify(bundleOf(name, 40)));
  // In every worker of the origin: an earlier test's deploy may have left the one that answers beside an old one.
  const workers = () => context.serviceWorkers().filter((w) => w.url().startsWith(origin));
  assert.ok(workers().length, 'the page\'s service worker');
  const setEstimate = (estimate) => Promise.all(workers().map((w) => w.evaluate((estimate) => {
    navigator.storage.estimate = async () => estimate;
  }, estimate)));
  try {
    const kept = await keepAll(page, names.slice(0, 3).map(url));
    assert.ok(kept.results.every((r) => r.offline), JSON.stringify(kept.results));
    const [a] = kept.list.articles;
    const usage = 10e6;
    // One more fits once `a` (the least recently opened) releases its bytes, not before.
    await setEstimate({ usage, quota: (usage + a.bytes * 0.5) / 0.8 });
    const roomed = await keepAll(page, [url('quota-d')]);
    assert.deepEqual(roomed.results, [{ offline: true }]);
    assert.deepEqual(roomed.list.articles.map((x) => x.url), [url('quota-b'), url('quota-c'), url('quota-d')]);
    assert.equal(await isCached(page, url('quota-a')), false);
    // Usage past the share even with every article gone: refused, and nothing is evicted for it.
    const keptBytes = roomed.list.articles.reduce((sum, x) => sum + x.bytes, 0);
    await setEstimate({ usage, quota: (usage - keptBytes) / 0.8 });
    const refused = await keepAll(page, [url('quota-e')]);
    assert.deepEqual(refused.results, [{ offline: false, reason: 'not enough storage for this article' }]);
    assert.deepEqual(refused.list.articles.map((x) => x.url), roomed.list.articles.map((x) => x.url));
  } finally {
    await Promise.all(workers().map((w) => w.evaluate(() => { delete navigator.storage.estimate; })));
    await removeAll(page);
    for (const name of names) rmSync(join(libraryDir, `${name}.json`));
  }
  await page.close();
});

test('a shell file the cache lost is fetched again only if it is this build\'s, never a newer one', async () => {
  const page = await context.newPage();
  await page.goto(`${origin}/index.html`);
  await waitReady(page);
  await waitControlled(page);
  const drop = (path) => page.evaluate(async (path) => {
    const name = (await caches.keys()).find((n) => n.startsWith('galley-shell-'));
    return (await caches.open(name)).delete(new URL(path, location.href).href);
  }, path);
  const get = (path) => page.evaluate(async (path) => {
    try { return (await fetch(path)).text(); } catch (e) { return `failed: ${e.name}`; }
  }, path);
  const themes = readFileSync(join(siteDir, 'themes.js'), 'utf8');
  assert.equal(await drop('themes.js'), true);
  assert.equal(await get('themes.js'), themes, 'the same build\'s file comes back from the network');
  assert.equal(await drop('themes.js'), true);
  write(join(siteDir, 'themes.js'), `${themes}\n// a newer build\n`);
  try {
    assert.equal(await get('themes.js'), 'failed: TypeError', 'a newer build\'s file is refused');
  } finally {
    write(join(siteDir, 'themes.js'), themes);
  }
  await page.close();
});
