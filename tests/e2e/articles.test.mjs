// Bundles of many articles in headless Chromium: an edition of three (the sample in English, an article in Russian
// and one in Greek with a figure), built here and served from another origin. Each article is reached on the hosted
// page through the Articles panel (by mouse and by keyboard), by ?article=ID (with a heading: ?article=ID#heading),
// by previous and next and by back and forward, and in <galley-viewer> by its article attribute and by the protocol's
// show-article request; the bundle is fetched once whatever the switching. An unknown id is an error naming it; each
// article keeps its own reading position (an old per-bundle position is read for the first); printing prints the
// article shown; and, kept offline by the PWA after only the first was read, every article opens offline.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { BASE_URL, documentText, launch, launchOptions } from './browser.mjs';
import { ROOT, serveDirectory } from './local-server.mjs';
import { pdfPages } from './pdf-text.mjs';

const READY_TIMEOUT = 120000;
const SAMPLE = JSON.parse(readFileSync(join(ROOT, 'assets/sample.json'), 'utf8')).articles[0];

const RUSSIAN_PARAGRAPH = 'Московское метро открылось в 1935 году, и с тех пор его станции называют подземными ' +
  'дворцами: мрамор, мозаика и бронза встречают пассажиров на каждой платформе.';
const RUSSIAN = {
  id: 'metro', lang: 'ru', title: 'Подземные дворцы Москвы', authors: [{ name: 'Анна Смирнова' }],
  published: '2019-05-14',
  blocks: [
    ...Array.from({ length: 8 }, (_, i) => ({ type: 'paragraph', text: `${i + 1}. ${RUSSIAN_PARAGRAPH}` })),
    { type: 'heading', level: 2, text: 'Кольцевая линия', id: 'ring' },
    ...Array.from({ length: 10 }, (_, i) => ({ type: 'paragraph', text: `${i + 9}. ${RUSSIAN_PARAGRAPH}` })),
  ],
};
const GREEK = {
  id: 'lighthouses', lang: 'el', title: 'Οι φάροι του Αιγαίου', authors: [{ name: 'Νίκος Παπαδόπουλος' }],
  blocks: [
    { type: 'paragraph', text: 'Στα νησιά του Αιγαίου οι φάροι φυλάγουν ακόμη τα περάσματα των πλοίων τη νύχτα.' },
    { type: 'image', src: 'figure.png', alt: 'Ένα κόκκινο τετράγωνο', width: 192, height: 192 },
    { type: 'heading', level: 2, text: 'Ιστορία', id: 'history' },
    { type: 'paragraph', text: 'Ο πρώτος φάρος χτίστηκε στην Αλεξάνδρεια, και από τότε το φως του ταξιδεύει.' },
  ],
};
const EDITION = [SAMPLE, RUSSIAN, GREEK];
const [FIRST, SECOND, THIRD] = EDITION.map((a) => a.id);

let browser, library, libraryDir, editionUrl;
before(async () => {
  browser = await launch();
  libraryDir = mkdtempSync(join(tmpdir(), 'galley-edition-'));
  writeFileSync(join(libraryDir, 'edition.json'), JSON.stringify({ galley: 1, articles: EDITION }));
  cpSync(join(ROOT, 'build/wasm/dist/icons/icon-192.png'), join(libraryDir, 'figure.png'));
  // A host page for the element, on the library's origin (not Galley's).
  writeFileSync(join(libraryDir, 'host.html'), `<!doctype html><meta charset="utf-8"><title>Host</title>
<script type="module" src="${new URL('embed.js', BASE_URL).href}"></script>
<galley-viewer id="viewer" src="edition.json" article="${SECOND}" style="height: 700px"></galley-viewer>`);
  library = await serveDirectory(libraryDir);
  editionUrl = `http://127.0.0.1:${library.port}/edition.json`;
});
after(async () => {
  await browser?.close();
  library?.stop();
  if (libraryDir) rmSync(libraryDir, { recursive: true, force: true });
});

const page = (query) => `${BASE_URL}index.html?bundle=${encodeURIComponent(editionUrl)}${query}`;

// A page of the edition, with a count of the bundle's fetches.
async function openEdition(query = '', { context = browser, viewport = { width: 1200, height: 900 } } = {}) {
  const p = await context.newPage({ viewport });
  const errors = [];
  p.on('pageerror', (e) => errors.push(String(e)));
  const fetches = { bundle: 0 };
  p.on('request', (r) => { if (r.url() === editionUrl) fetches.bundle++; });
  await p.goto(page(query));
  await waitFor(p, null);
  return { page: p, errors, fetches };
}

// Waits for the page to be ready (or in error) showing `id` (any article with null).
async function waitFor(p, id) {
  await p.waitForFunction((want) => {
    const { galley, galleyArticle } = document.documentElement.dataset;
    return galley === 'error' || (galley === 'ready' && (want === null || galleyArticle === want));
  }, id, { timeout: READY_TIMEOUT });
  return p.evaluate(() => document.documentElement.dataset.galley);
}

async function shows(p, article) {
  assert.equal(await waitFor(p, article.id), 'ready', `${article.id} is shown`);
  assert.equal(await p.title(), article.title);
  const text = await documentText(p);
  const first = article.blocks.find((b) => b.type === 'paragraph').text;
  assert.ok(text.includes(article.title), `${article.id}: its title in the text layer`);
  assert.ok(text.includes(first), `${article.id}: its first paragraph in the text layer`);
  for (const other of EDITION.filter((a) => a !== article)) {
    assert.ok(!text.includes(other.title), `${article.id}: no text of ${other.id}`);
  }
  assert.equal(await p.evaluate(() => document.documentElement.dataset.galleyMissingGlyphs), '0',
               `${article.id}: every character drawn in a face`);
}

const articleParam = (p) => new URL(p.url()).searchParams.get('article');

test('the Articles panel lists every article with its byline, and reaches each, by mouse and by keyboard', async () => {
  const { page: p, errors, fetches } = await openEdition();
  await shows(p, SAMPLE);
  const button = p.locator('#galley-articles-button');
  assert.ok(await button.isVisible(), 'the Articles button shows for a bundle of three');
  await button.click();
  const links = p.locator('#galley-articles-list a');
  assert.equal(await links.count(), 3);
  const entries = await links.evaluateAll((as) => as.map((a) => ({
    title: a.querySelector('.galley-article-title').textContent, lang: a.querySelector('.galley-article-title').lang,
    byline: a.querySelector('.galley-article-byline')?.textContent ?? '', current: a.getAttribute('aria-current'),
    article: new URL(a.href).searchParams.get('article') })));
  assert.deepEqual(entries.map((e) => e.title), EDITION.map((a) => a.title));
  assert.deepEqual(entries.map((e) => e.article), [FIRST, SECOND, THIRD], 'each link is the article\'s address');
  assert.deepEqual(entries.map((e) => e.lang), ['en-US', 'ru', 'el']);
  assert.deepEqual(entries.map((e) => e.current), ['page', null, null]);
  // Bylines as the articles' headers set them, in their languages.
  assert.match(entries[0].byline, /^By Faith Magbanua/);
  assert.match(entries[1].byline, /^Анна Смирнова .*14 мая 2019/);
  assert.equal(entries[2].byline, 'Νίκος Παπαδόπουλος');
  assert.equal(await p.locator('#galley-articles').getAttribute('aria-label'), 'Articles in this bundle');

  await links.nth(2).click();
  await shows(p, GREEK);
  assert.equal(articleParam(p), THIRD);
  assert.ok(await p.locator('#galley-articles').isHidden(), 'the panel closes');
  await p.waitForSelector('#galley-document .figure-image[data-state="loaded"]');   // the Greek article's figure

  // Keyboard: the button opens the panel with the article shown focused; Tab and Enter go to another.
  await button.focus();
  await p.keyboard.press('Enter');
  assert.equal(await p.evaluate(() => document.activeElement.getAttribute('aria-current')), 'page');
  assert.equal(await p.evaluate(() => new URL(document.activeElement.href).searchParams.get('article')), THIRD);
  await p.keyboard.press('Shift+Tab');
  await p.keyboard.press('Enter');
  await shows(p, RUSSIAN);
  assert.equal(articleParam(p), SECOND);
  assert.equal(fetches.bundle, 1, 'the bundle was fetched once');
  assert.deepEqual(errors, []);
  await p.close();
});

test('?article= opens each article, and ?article=ID#heading its heading', async () => {
  for (const article of EDITION) {
    const { page: p, errors } = await openEdition(`&article=${article.id}`);
    await shows(p, article);
    assert.deepEqual(errors, []);
    await p.close();
  }
  const { page: p } = await openEdition(`&article=${SECOND}#ring`);
  await shows(p, RUSSIAN);
  // At the top of the window, below the toolbar's room (galley.css: the headings' scroll-margin-top).
  const top = await p.evaluate(() => {
    const heading = document.getElementById('article-ring');
    return heading.getBoundingClientRect().top - parseFloat(getComputedStyle(heading).scrollMarginTop);
  });
  assert.ok(Math.abs(top) < 4, `the heading is at the top of the window (${top} px)`);
  assert.ok(await p.evaluate(() => window.scrollY) > 300, 'scrolled to it');
  await p.close();
});

test('previous and next go through the bundle in order; back and forward come back', async () => {
  const { page: p, fetches } = await openEdition();
  await shows(p, SAMPLE);
  const previous = p.locator('#galley-previous-article'), next = p.locator('#galley-next-article');
  assert.ok(await previous.isHidden(), 'no previous before the first');
  assert.equal(await next.getAttribute('aria-label'), `Next article: ${RUSSIAN.title}`);
  await next.click();
  await shows(p, RUSSIAN);
  assert.equal(await previous.getAttribute('aria-label'), `Previous article: ${SAMPLE.title}`);
  await next.click();
  await shows(p, GREEK);
  assert.ok(await next.isHidden(), 'no next after the last');
  await previous.click();
  await shows(p, RUSSIAN);
  await p.goBack();
  await shows(p, GREEK);
  await p.goBack();
  await shows(p, RUSSIAN);
  await p.goBack();
  await shows(p, SAMPLE);
  assert.equal(articleParam(p), null);
  await p.goForward();
  await shows(p, RUSSIAN);
  assert.equal(fetches.bundle, 1, 'the bundle was fetched once');
  await p.close();
});

test('an unknown ?article= id is an error that names it and lists the articles to go on from', async () => {
  const { page: p, errors } = await openEdition('&article=no-such-article');
  assert.equal(await p.evaluate(() => document.documentElement.dataset.galley), 'error');
  const error = p.locator('#galley-error');
  assert.equal(await error.locator('h1').textContent(), 'No article “no-such-article” in this bundle');
  assert.match(await error.textContent(), /holds 3 articles, none with the id “no-such-article”/);
  assert.doesNotMatch(await error.textContent(), /not valid|stopped/i, 'nothing said broken');
  const links = error.locator('a');
  assert.deepEqual(await error.locator('a .galley-article-title').allTextContents(), EDITION.map((a) => a.title));
  await links.nth(1).click();
  await shows(p, RUSSIAN);
  assert.ok(await error.isHidden(), 'the error goes');
  assert.deepEqual(errors, []);
  await p.close();
});

test('each article keeps its own reading position; a position kept per bundle is read for the first', async () => {
  const context = await browser.newContext();
  const bundleKey = `galley.position:${editionUrl}`;
  const key = (id) => `${bundleKey}#article=${encodeURIComponent(id)}`;
  // A position saved before bundles of many articles: one per bundle, the first article's.
  const setup = await context.newPage();
  await setup.goto(`${BASE_URL}index.html?bundle=bundles/does-not-exist.json`);
  await setup.evaluate((k) => localStorage.setItem(k, JSON.stringify({ block: 9, offset: 0, atEnd: false })),
                       bundleKey);
  await setup.close();

  const { page: p } = await openEdition('', { context });
  await shows(p, SAMPLE);
  const stored = (id) => p.evaluate((k) => JSON.parse(localStorage.getItem(k) || 'null'), key(id));
  const scrollY = () => p.evaluate(() => window.scrollY);
  // Scrolls by `dy`, and once the scroll has ended, what the page kept (400 ms after the last scroll event).
  async function readOn(id, dy) {
    await p.waitForTimeout(600);   // the saves of earlier scrolls are done
    await p.mouse.wheel(0, dy);
    let y = -1;
    while (y !== await scrollY()) { y = await scrollY(); await p.waitForTimeout(250); }
    await p.waitForTimeout(600);
    return { position: await stored(id), y };
  }
  assert.ok(await scrollY() > 300, 'the old per-bundle position scrolled the first article down');

  const first = await readOn(FIRST, 900);
  assert.ok(first.position.block > 9, `saved further down: ${JSON.stringify(first.position)}`);
  assert.equal(await p.evaluate((k) => localStorage.getItem(k), bundleKey), null, 'the old key is moved');
  await p.locator('#galley-next-article').click();
  await shows(p, RUSSIAN);
  assert.ok(await scrollY() < 2, 'the second article starts at its top');
  const second = await readOn(SECOND, 700);
  assert.ok(second.position.block > 0, `the second's own position: ${JSON.stringify(second.position)}`);
  assert.deepEqual(await stored(FIRST), first.position, 'the first article\'s position stays its own');

  // Each comes back where it was left: by previous, and on a new visit.
  await p.locator('#galley-previous-article').click();
  await shows(p, SAMPLE);
  assert.ok(Math.abs(await scrollY() - first.y) < 4, `the first back where it was (${await scrollY()}, ${first.y})`);
  await p.goto(page(`&article=${SECOND}`));
  await shows(p, RUSSIAN);
  assert.ok(Math.abs(await scrollY() - second.y) < 4, `the second after a reload (${await scrollY()}, ${second.y})`);
  await context.close();
});

test('printing prints the article shown', async () => {
  const { page: p } = await openEdition();
  await shows(p, SAMPLE);
  await p.locator('#galley-next-article').click();
  await shows(p, RUSSIAN);
  await p.waitForSelector('#galley-print-button:not([hidden])');
  const pdf = await p.pdf({ format: 'A4' });
  const text = pdfPages(pdf, { pageWidthMm: 210, pageHeightMm: 297 }).flat().join(' ');
  assert.ok(text.includes(RUSSIAN.title), 'the Russian article\'s title is printed');
  assert.ok(text.includes('Кольцевая линия'), 'and its heading');
  assert.ok(!text.includes(SAMPLE.title) && !text.includes(GREEK.title), 'no other article is printed');
  await p.close();
});

// Asked for, the whole edition prints: every article in bundle order, each from a new page, its figure drawn; and the
// screen comes back to the article the reader was at, where they were.
test('"Print all articles" prints the whole edition, each article from a new page, and gives the screen back', async () => {
  const { page: p, errors } = await openEdition(`&article=${SECOND}`);
  await shows(p, RUSSIAN);
  await p.evaluate(() => window.scrollTo(0, 900));
  await p.waitForFunction(() => window.scrollY >= 900);
  const before = await p.evaluate(() => window.scrollY);
  // The page's own print (the dialog) is the test's page.pdf() here.
  await p.evaluate(() => { window.print = () => { window.__printed = (window.__printed || 0) + 1; }; });
  await p.locator('#galley-articles-button').click();
  await p.locator('#galley-print-edition').click();
  await p.waitForFunction(() => window.__printed === 1, null, { timeout: READY_TIMEOUT });
  assert.equal(await p.evaluate(() => document.documentElement.dataset.galleyArticle), SECOND);
  const pages = pdfPages(await p.pdf({ format: 'A4' }), { pageWidthMm: 210, pageHeightMm: 297, top: 20, bottom: 22 });
  const text = pages.map((lines) => lines.join(' '));
  const firstPageOf = (title) => text.findIndex((t) => t.includes(title));
  const starts = EDITION.map((a) => firstPageOf(a.title));
  assert.ok(starts.every((n) => n >= 0), `every title printed: pages ${starts}`);
  assert.ok(starts[0] === 0 && starts[0] < starts[1] && starts[1] < starts[2], `in bundle order: pages ${starts}`);
  // Each article from a new page: the page before one's title holds none of its words.
  for (const [i, a] of EDITION.entries()) {
    if (i > 0) assert.ok(!text[starts[i] - 1].includes(a.title), `${a.id} starts a page`);
    assert.ok(text[starts[i]].indexOf(a.title) < 200, `${a.id}'s title at the top of its page`);
  }
  assert.ok(text.join(' ').includes('Кольцевая линия') && text.join(' ').includes('Ιστορία'));
  // The screen: the article the reader was at, where they were (within a line), its text layer whole.
  await p.waitForFunction(() => document.documentElement.dataset.galley === 'ready');
  assert.equal(await p.evaluate(() => document.documentElement.dataset.galleyArticle), SECOND);
  const after = await p.evaluate(() => window.scrollY);
  assert.ok(Math.abs(after - before) < 40, `scrolled to ${after}, was ${before}`);
  assert.ok((await documentText(p)).includes(RUSSIAN.blocks[8].text), 'the Russian article is shown');
  // A print after it is the article shown again, not the edition.
  const single = pdfPages(await p.pdf({ format: 'A4' }), { pageWidthMm: 210, pageHeightMm: 297 }).flat().join(' ');
  assert.ok(single.includes(RUSSIAN.title) && !single.includes(GREEK.title));
  assert.deepEqual(errors, []);
  await p.close();
});

// The element on a host page of another origin: its article attribute, and the protocol's show-article.
test('<galley-viewer> shows the article its attribute names, switches when it changes, and by show-article', async () => {
  const p = await browser.newPage({ viewport: { width: 1000, height: 900 } });
  let bundleFetches = 0;
  p.on('request', (r) => { if (r.url() === editionUrl) bundleFetches++; });
  await p.addInitScript(() => {
    window.readyEvents = [];
    window.errorEvents = [];
    document.addEventListener('DOMContentLoaded', () => {
      const viewer = document.getElementById('viewer');
      viewer.addEventListener('ready', (e) => window.readyEvents.push(e.detail));
      viewer.addEventListener('error', (e) => window.errorEvents.push(e.detail));
    });
  });
  await p.goto(`http://127.0.0.1:${library.port}/host.html`);
  const readyCount = (n) => p.waitForFunction((k) => window.readyEvents.length >= k, n, { timeout: READY_TIMEOUT });
  const frameText = async () => {
    const frame = await (await p.locator('#viewer iframe').elementHandle()).contentFrame();
    return documentText(frame);
  };
  await readyCount(1);
  let detail = (await p.evaluate(() => window.readyEvents))[0];
  assert.equal(detail.article, SECOND, 'the article attribute\'s article first');
  assert.equal(detail.title, RUSSIAN.title);
  assert.deepEqual(detail.articles.map((a) => a.id), [FIRST, SECOND, THIRD]);
  assert.deepEqual(detail.articles.map((a) => a.title), EDITION.map((a) => a.title));
  assert.deepEqual(detail.articles[1].authors, ['Анна Смирнова']);
  assert.ok((await frameText()).includes(RUSSIAN_PARAGRAPH));
  assert.equal(await p.evaluate(() => document.getElementById('viewer').articleId), SECOND);

  await p.evaluate((id) => document.getElementById('viewer').setAttribute('article', id), THIRD);
  await readyCount(2);
  detail = (await p.evaluate(() => window.readyEvents))[1];
  assert.equal(detail.article, THIRD);
  assert.equal(detail.title, GREEK.title);
  assert.ok((await frameText()).includes(GREEK.blocks[0].text));

  const result = await p.evaluate((id) => document.getElementById('viewer').showArticle(id), FIRST);
  assert.equal(result.article, FIRST, 'show-article answers with the article shown');
  assert.equal(result.title, SAMPLE.title);
  await readyCount(3);
  assert.ok((await frameText()).includes(SAMPLE.blocks[0].text));

  // An id the bundle lacks: the request fails, and 'error' names the id.
  const failure = await p.evaluate(() => document.getElementById('viewer').showArticle('nope')
    .then(() => null, (e) => e.title));
  assert.equal(failure, 'No article “nope” in this bundle');
  assert.equal((await p.evaluate(() => window.errorEvents)).at(-1).title, 'No article “nope” in this bundle');
  // And the bundle is still there for the next one.
  await p.evaluate((id) => document.getElementById('viewer').setAttribute('article', id), SECOND);
  await readyCount(4);
  assert.equal((await p.evaluate(() => window.readyEvents))[3].article, SECOND);
  assert.equal(bundleFetches, 1, 'the frame fetched the bundle once');
  await p.close();
});

// As pwa.test.mjs: a persistent profile (service workers), the site as served.
test('kept offline after reading only the first article, every article of the bundle opens offline', async () => {
  const profile = mkdtempSync(join(tmpdir(), 'galley-edition-profile-'));
  const { executablePath, args } = launchOptions();
  const context = await chromium.launchPersistentContext(profile, { executablePath, args, headless: true,
    viewport: { width: 1100, height: 900 } });
  try {
    const { page: p } = await openEdition('', { context });
    await shows(p, SAMPLE);
    await p.waitForFunction(() => document.documentElement.dataset.galleyOffline, null, { timeout: READY_TIMEOUT });
    assert.equal(await p.evaluate(() => document.documentElement.dataset.galleyOffline), 'kept');
    const kept = await p.evaluate(async () => {
      const channel = new MessageChannel();
      const answer = new Promise((resolve) => { channel.port1.onmessage = (e) => resolve(e.data); });
      navigator.serviceWorker.controller.postMessage({ type: 'list-kept' }, [channel.port2]);
      return answer;
    });
    assert.equal(kept.articles.length, 1);
    await context.setOffline(true);
    for (const article of EDITION) {
      await p.goto(page(`&article=${article.id}`));
      await shows(p, article);
    }
    await p.waitForSelector('#galley-document .figure-image[data-state="loaded"]');   // its figure, kept too
    // And through the Articles panel, offline.
    await p.locator('#galley-articles-button').click();
    await p.locator('#galley-articles-list a').nth(1).click();
    await shows(p, RUSSIAN);
    await p.close();
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});
