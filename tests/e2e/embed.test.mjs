// Embedding in headless Chromium: the demo host page (demo/host.html) on one origin shows two <galley-viewer>s and a
// plain iframe from Galley's origin (GALLEY_URL). Both elements draw their article, the dark one in the dark theme;
// the host page's own inputs keep their keys; the element's API and events work; the frame and the element ignore
// messages from any other origin or window, and malformed ones.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { BASE_URL, launch, launchOptions, decodePng, inkStats } from './browser.mjs';
import { ROOT, serveDirectory } from './local-server.mjs';

const GALLEY = new URL(BASE_URL);
const READY_TIMEOUT = 120000;

let browser, demo, hostOrigin, otherOrigin;
before(async () => {
  browser = await launch();
  demo = await serveDirectory(`${ROOT}demo`);
  // Two origins on the one demo server: "localhost" and "127.0.0.1" differ, and both differ from Galley's port.
  hostOrigin = `http://localhost:${demo.port}`;
  otherOrigin = `http://127.0.0.1:${demo.port}`;
  assert.notEqual(hostOrigin, GALLEY.origin);
});
after(async () => {
  await browser?.close();
  demo?.stop();
});

async function openHost(viewport = { width: 1100, height: 1800 }) {
  const page = await browser.newPage({ viewport });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  // The host page's own configuration names Galley's origin (demo/galley-config.json; here the one under test).
  await page.route('**/galley-config.json', (route) => route.fulfill({ contentType: 'application/json',
    body: JSON.stringify({ galley: GALLEY.href }) }));
  await page.goto(`${hostOrigin}/host.html`);
  await page.waitForFunction(() => {
    const log = document.getElementById('events').textContent;
    return /viewer-light (ready|error)/.test(log) && /viewer-dark (ready|error)/.test(log);
  }, null, { timeout: READY_TIMEOUT });
  return { page, errors };
}

async function frameOf(page, selector) {
  const frame = await (await page.locator(`${selector} iframe`).elementHandle()).contentFrame();
  assert.ok(frame, `${selector} has a frame`);
  return frame;
}

function meanLuminance(img) {
  let sum = 0;
  for (let i = 0; i < img.rgba.length; i += 4) {
    sum += 0.299 * img.rgba[i] + 0.587 * img.rgba[i + 1] + 0.114 * img.rgba[i + 2];
  }
  return sum / (img.width * img.height);
}

function brightPixels(img) {
  let n = 0;
  for (let i = 0; i < img.rgba.length; i += 4) {
    if (0.299 * img.rgba[i] + 0.587 * img.rgba[i + 1] + 0.114 * img.rgba[i + 2] > 170) n++;
  }
  return n;
}

const settle = (frame) => frame.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

test('a host page on another origin shows two viewers, each drawing its article in its own theme', async () => {
  const { page, errors } = await openHost();
  const log = await page.locator('#events').innerText();
  assert.match(log, /viewer-light ready: The Last Keepers of the Harbour Lights/);
  assert.match(log, /viewer-dark ready: North Korean Man/);
  const light = await frameOf(page, '#viewer-light'), dark = await frameOf(page, '#viewer-dark');
  for (const frame of [light, dark]) {
    assert.equal(new URL(frame.url()).origin, GALLEY.origin, 'the frame is on Galley\'s origin');
    // Drawn with WebGL2 by the viewer's worker (the canvas is the worker's OffscreenCanvas).
    assert.deepEqual(await frame.evaluate(() => {
      const { renderer, thread } = document.getElementById('galley-document').dataset;
      return { renderer, thread };
    }), { renderer: 'webgl2', thread: 'worker' }, 'WebGL2 from a worker in the frame');
    await settle(frame);
  }
  // src="articles/harbour-lights.json" was resolved against the host page, not against Galley.
  assert.equal(new URL(light.url()).searchParams.get('bundle'), `${hostOrigin}/articles/harbour-lights.json`);

  const lightImg = decodePng(await page.locator('#viewer-light').screenshot());
  const darkImg = decodePng(await page.locator('#viewer-dark').screenshot());
  const lightInk = inkStats(lightImg);
  assert.ok(meanLuminance(lightImg) > 200, `light viewer background: ${meanLuminance(lightImg)}`);
  assert.ok(lightInk.ink > 3000 && lightInk.rows > 80, `light viewer ink: ${JSON.stringify(lightInk)}`);
  assert.ok(meanLuminance(darkImg) < 60, `dark viewer background: ${meanLuminance(darkImg)}`);
  assert.ok(brightPixels(darkImg) > 3000, `dark viewer light text pixels: ${brightPixels(darkImg)}`);
  assert.equal(await dark.evaluate(() => getComputedStyle(document.documentElement).colorScheme), 'dark');
  assert.deepEqual(errors, []);
  await page.close();
});

test('Backspace, typing and Tab in the host page\'s own inputs keep working', async () => {
  const { page } = await openHost();
  // Focus inside a viewer first, as a reader would, then back to the host's input.
  await page.locator('#viewer-light').click({ position: { x: 200, y: 200 } });
  await page.locator('#search').click();
  await page.keyboard.press('End');
  for (let i = 0; i < 6; i++) await page.keyboard.press('Backspace');
  await page.keyboard.type('house');
  assert.equal(await page.locator('#search').inputValue(), 'harbour house');
  await page.locator('#comment').focus();
  await page.keyboard.press('End');
  await page.keyboard.press('Backspace');
  assert.match(await page.locator('#comment').inputValue(), /as usual in the host page$/);
  await page.locator('#search').focus();
  await page.keyboard.press('Tab');
  assert.notEqual(await page.evaluate(() => document.activeElement?.id), 'search', 'Tab moved the focus on');
  await page.close();
});

test('the element\'s API: scrollToHeading, settings attributes, load(object), navigate and resize events', async () => {
  const { page, errors } = await openHost();
  const light = await frameOf(page, '#viewer-light');
  const frameElement = await page.locator('#viewer-light iframe').elementHandle();

  const navigated = page.evaluate(() => new Promise((resolve) => {
    document.getElementById('viewer-light').addEventListener('navigate', (e) => resolve(e.detail), { once: true });
  }));
  assert.equal(await page.evaluate(() => document.getElementById('viewer-light').scrollToHeading('automatic')), true);
  assert.deepEqual(await navigated, { href: '#automatic', kind: 'heading' });
  await light.waitForFunction(() => window.scrollY > 100, null, { timeout: 10000 });
  assert.equal(await page.evaluate(() => document.getElementById('viewer-light').scrollToHeading('nowhere')), false);
  assert.deepEqual(await page.evaluate(() => document.getElementById('viewer-light').headings.map((h) => h.id)),
                   ['weekends', 'automatic']);

  // A setting attribute goes over the protocol: bigger text, a taller article, the same frame.
  const before = await light.evaluate(() => document.getElementById('galley-document').offsetHeight);
  const resized = page.evaluate(() => new Promise((resolve) => {
    document.getElementById('viewer-light').addEventListener('resize', (e) => resolve(e.detail), { once: true });
  }));
  await page.evaluate(() => document.getElementById('viewer-light').setAttribute('font-size', '26'));
  const { height } = await resized;
  assert.ok(height > before * 1.2, `article height ${before} → ${height} at 26 px`);

  // A bundle object, then a URL relative to the host page, both without reloading the frame.
  const title = await page.evaluate(() => document.getElementById('viewer-light').load({ galley: 1, articles: [{
    id: 'o', lang: 'en', title: 'An Object Bundle', authors: [],
    blocks: [{ type: 'paragraph', text: 'Sent by postMessage, not fetched.' }] }] }).then((r) => r.title));
  assert.equal(title, 'An Object Bundle');
  assert.equal(await page.evaluate(() => document.getElementById('viewer-light').articleTitle), 'An Object Bundle');
  await page.evaluate(() => document.getElementById('viewer-light').setAttribute('src', 'articles/harbour-lights.json'));
  await light.waitForFunction(() => document.title.startsWith('The Last Keepers'), null, { timeout: 30000 });
  assert.equal(await (await page.locator('#viewer-light iframe').elementHandle()).evaluate((f, old) => f === old,
                                                                                          frameElement), true);
  // A missing bundle: the promise rejects and an 'error' event carries the reasons.
  const failure = await page.evaluate(() => {
    const viewer = document.getElementById('viewer-light');
    const event = new Promise((resolve) => viewer.addEventListener('error', (e) => resolve(e.detail), { once: true }));
    return viewer.load('articles/missing.json').then(() => null, (e) => e.title).then(async (rejected) =>
      ({ rejected, event: await event }));
  });
  assert.match(failure.rejected, /could not be loaded/);
  assert.match(failure.event.lines.join(' '), /404/);
  assert.deepEqual(errors, []);
  await page.close();
});

// print(): the frame prints the whole article set for paper (print.js's beforeprint builds it, afterprint removes it).
test('the element\'s print() prints the article from its frame', async () => {
  const { page, errors } = await openHost();
  const frame = await frameOf(page, '#viewer-light');
  await frame.waitForFunction(() => performance.getEntriesByName('galley-print-ready').length > 0, null,
                              { timeout: READY_TIMEOUT });
  assert.equal(await page.evaluate(() => document.getElementById('viewer-light').print()), true);
  await frame.waitForFunction(() => !document.getElementById('galley-print'), null, { timeout: READY_TIMEOUT });
  const printed = await frame.evaluate(() => performance.getEntriesByName('galley-print').length);
  assert.equal(printed, 1, 'the frame set its article for paper once');
  assert.deepEqual(errors, []);
  await page.close();
});

test('auto-height sizes the element to the article', async () => {
  const { page } = await openHost({ width: 900, height: 900 });
  const size = await page.evaluate(async (galley) => {
    const viewer = document.createElement('galley-viewer');
    viewer.setAttribute('auto-height', '');
    viewer.setAttribute('src', new URL('articles/harbour-lights.json', location.href).href);
    const ready = new Promise((resolve) => viewer.addEventListener('ready', resolve, { once: true }));
    document.querySelector('main').prepend(viewer);
    await ready;
    await new Promise((r) => setTimeout(r, 300));
    return { element: viewer.getBoundingClientRect().height,
             frame: viewer.shadowRoot.querySelector('iframe').getBoundingClientRect().height };
  }, GALLEY.href);
  const frame = await frameOf(page, 'galley-viewer[auto-height]');
  const article = await frame.evaluate(() => document.getElementById('galley-document').offsetHeight);
  assert.ok(article > 900, `article height ${article}`);
  assert.ok(Math.abs(size.frame - article) <= 2, `frame ${size.frame} vs article ${article}`);
  assert.ok(size.element >= size.frame, `element ${size.element}`);
  assert.equal(await frame.evaluate(() => document.documentElement.scrollHeight <= innerHeight + 1), true,
               'nothing to scroll inside the frame');
  await page.close();
});

test('messages from another origin, another window or of the wrong shape are ignored', async () => {
  const { page, errors } = await openHost();
  const light = await frameOf(page, '#viewer-light'), dark = await frameOf(page, '#viewer-dark');
  const channel = new URLSearchParams(new URL(light.url()).hash.slice(1)).get('channel');
  assert.match(channel, /^[0-9a-f]{32}$/);
  const forgedEvents = await page.evaluate(() => {
    window.__forged = [];
    const viewer = document.getElementById('viewer-light');
    for (const type of ['ready', 'error', 'resize', 'navigate']) {
      viewer.addEventListener(type, (e) => window.__forged.push([type, e.detail]));
    }
    return true;
  });
  assert.ok(forgedEvents);

  // A page on a third origin posts well-formed messages on the right channel, with '*', to the window that framed
  // or opened it: once framed by the host page (the element must ignore them), once opened by the light viewer's
  // frame (which must ignore them too; its CSP lets it frame nothing). Frames in shadow roots are not in
  // window.frames, so it cannot reach them otherwise.
  await page.context().route(`${otherOrigin}/attacker.html`, (route) => route.fulfill({ contentType: 'text/html', body: `
    <script>
      const base = { protocol: 'galley-embed', version: 1, channel: ${JSON.stringify(channel)} };
      for (const m of [{ ...base, type: 'welcome', version: 1 },
        { ...base, type: 'load', request: 1, bundle: ${JSON.stringify(`${otherOrigin}/forged.json`)} },
        { ...base, type: 'set-settings', request: 2, settings: { theme: 'dark' } },
        { ...base, type: 'ready', title: 'Forged', headings: [] },
        { ...base, type: 'navigate', href: 'https://evil.example/', kind: 'link' },
        { ...base, type: 'resize', width: 1, height: 1 }]) (opener || parent).postMessage(m, '*');
      document.title = 'sent';
    </script>` }));
  const addAttacker = (src) => new Promise((resolve) => {
    const frame = Object.assign(document.createElement('iframe'), { src, className: 'attacker' });
    frame.addEventListener('load', resolve, { once: true });
    document.body.append(frame);
  });
  await page.evaluate(addAttacker, `${otherOrigin}/attacker.html`);
  const [popup] = await Promise.all([page.context().waitForEvent('page'),
    light.evaluate((src) => { window.open(src); }, `${otherOrigin}/attacker.html`)]);
  const attackers = page.frames().filter((f) => f.url() === `${otherOrigin}/attacker.html`);
  assert.equal(attackers.length, 1);
  attackers.push(popup.mainFrame());
  for (const attacker of attackers) {
    await attacker.waitForFunction(() => document.title === 'sent');
  }

  // Galley's own origin, but the wrong window: the dark viewer's frame forges a message on the light one's channel.
  await dark.evaluate((channel) => {
    parent.postMessage({ protocol: 'galley-embed', version: 1, channel, type: 'ready', title: 'Forged too',
                         headings: [] }, '*');
  }, channel);
  // The host page itself (the right origin for the frame, but not for the element) and malformed messages.
  await page.evaluate((channel) => {
    const base = { protocol: 'galley-embed', version: 1, channel };
    for (const m of [{ ...base, type: 'ready', title: 'Forged three', headings: [] }, null, 'ready', 42, [],
      { ...base, type: 'ready' }, { ...base, version: 2, type: 'ready', title: 'v2', headings: [] },
      { ...base, type: '__proto__' }, { ...base, type: 'toString' }]) {
      window.postMessage(m, '*');
    }
  }, channel);
  // In the light frame, from the right origin but not the parent window, and malformed ones from the parent.
  await light.evaluate((channel) => {
    window.postMessage({ protocol: 'galley-embed', version: 1, channel, type: 'load', request: 9,
                         bundle: 'bundles/sample.json' }, '*');
  }, channel);
  await page.evaluate(() => {
    const frame = document.querySelector('#viewer-light').shadowRoot.querySelector('iframe').contentWindow;
    for (const m of [null, 'load', { protocol: 'galley-embed' }, { protocol: 'galley-embed', version: 1, type: 'load' }]) {
      frame.postMessage(m, '*');
    }
  });
  // A real request after all that still works (and its answer arrives after the forged messages were handled).
  await new Promise((r) => setTimeout(r, 500));
  assert.equal(await page.evaluate(() => document.getElementById('viewer-light').scrollToHeading('weekends')), true);

  const forged = await page.evaluate(() => window.__forged);
  assert.deepEqual(forged.filter(([type]) => type !== 'navigate' && type !== 'resize'), [], JSON.stringify(forged));
  assert.deepEqual(forged.filter(([type, d]) => type === 'navigate' && d.href !== '#weekends'), []);
  assert.ok(!forged.some(([type, d]) => type === 'resize' && d.width === 1));
  assert.equal(await light.evaluate(() => document.title), 'The Last Keepers of the Harbour Lights');
  assert.equal(await light.evaluate(() => document.documentElement.dataset.galley), 'ready');
  assert.notEqual(await light.evaluate(() => getComputedStyle(document.documentElement).colorScheme), 'dark');
  assert.equal(await page.evaluate(() => document.getElementById('viewer-light').articleTitle),
               'The Last Keepers of the Harbour Lights');
  assert.deepEqual(errors, []);
  await page.close();
});

test('the host page takes Galley from its own configuration, never from ?galley= in its URL', async () => {
  const page = await browser.newPage();
  const asked = [];
  await page.route('http://attacker.example/**', (route) => { asked.push(route.request().url()); return route.abort(); });
  await page.route('**/galley-config.json', (route) => route.fulfill({ contentType: 'application/json',
    body: JSON.stringify({ galley: GALLEY.href }) }));
  await page.goto(`${hostOrigin}/host.html?galley=${encodeURIComponent('http://attacker.example/')}`);
  await page.waitForFunction(() => /viewer-light (ready|error)/.test(document.getElementById('events').textContent),
                             null, { timeout: READY_TIMEOUT });
  assert.match(await page.locator('#events').textContent(), /viewer-light ready/);
  assert.deepEqual(asked, []);
  await page.close();
});

// Chromium gives a frame of another site a service worker (its storage partitioned by the host's site) only where
// third-party cookies are allowed: Debian's Chromium 156 blocks them by default, so the reader's setting is made
// here in the profile, as chrome://settings/cookies "Allow third-party cookies" writes it.
test('embedded viewers keep their articles for reading offline where the browser gives the frame a worker', async () => {
  const profile = mkdtempSync(join(tmpdir(), 'galley-embed-profile-'));
  mkdirSync(join(profile, 'Default'));
  writeFileSync(join(profile, 'Default', 'Preferences'), JSON.stringify({ profile: { cookie_controls_mode: 0 } }));
  const context = await chromium.launchPersistentContext(profile, { ...launchOptions(),
                                                                    viewport: { width: 1100, height: 1800 } });
  try {
    const page = await context.newPage();
    await page.route('**/galley-config.json', (route) => route.fulfill({ contentType: 'application/json',
      body: JSON.stringify({ galley: GALLEY.href }) }));
    await page.goto(`${hostOrigin}/host.html`);
    await page.waitForFunction(() => /viewer-light offline: /.test(document.getElementById('events').textContent),
                               null, { timeout: READY_TIMEOUT });
    assert.match(await page.locator('#events').textContent(), /viewer-light offline: kept/);
    // The frame's own storage (Galley's origin, partitioned by the host's site) holds the host's bundle.
    const light = await frameOf(page, '#viewer-light');
    const bundle = `${hostOrigin}/articles/harbour-lights.json`;
    assert.equal(await light.evaluate(async (url) => Boolean(await (await caches.open('galley-bundles-v1'))
      .match(url)), bundle), true);
    // A bundle object is shown, not kept: the element says why.
    const detail = await page.evaluate(() => new Promise((resolve) => {
      const viewer = document.getElementById('viewer-light');
      viewer.addEventListener('offline', (e) => resolve(e.detail), { once: true });
      viewer.load({ galley: 1, articles: [{ id: 'o', lang: 'en', title: 'Given as an object',
        authors: [{ name: 'T' }], blocks: [{ type: 'paragraph', text: 'Not from a URL.' }] }] });
    }));
    assert.deepEqual(detail, { available: false, reason: 'only bundles opened by URL are kept' });
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});

test('where the browser refuses the frame a worker, the element says so (offline event)', async () => {
  const { page } = await openHost();   // Chromium's default: third-party cookies blocked
  await page.waitForFunction(() => /viewer-light offline: /.test(document.getElementById('events').textContent),
                             null, { timeout: READY_TIMEOUT });
  assert.match(await page.locator('#events').textContent(),
               /viewer-light offline: the browser refused this frame a service worker \(.+\)/);
  await page.close();
});
