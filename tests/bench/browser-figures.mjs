// browser-figures.mjs — the viewer's figures in headless Chromium, printed (never asserted: figures vary by machine).
//
//   node tests/bench/browser-figures.mjs [--url http://127.0.0.1:8080/] [--runs 5]
//
// - first frame: navigation start to performance.mark('galley-first-frame'), median of cold loads (fresh context,
//   empty cache each time; nothing reads from the page until it is ready), of the viewer as it runs (its core in a
//   worker, drawing on an OffscreenCanvas) and, interleaved, with its core on the page's thread (?thread=main: what
//   browsers that cannot draw from a worker get);
// - for scale, interleaved with those loads: the sample as a plain HTML page set by Chromium with the same font files
//   (plain-article.mjs): both pages' first paint and first contentful paint, the ratio of the viewer's first frame to
//   the plain page's first contentful paint (when each shows the article's text), and each one's main-thread long
//   tasks (the viewer's until its first frame and until 'ready', the plain page's until its load event and fonts);
// - bytes for the first view: every response of a cold load, each compressed with brotli (quality 11, as a
//   pre-compressing static host would serve it), summed; the same for the Chinese, Japanese and Korean test articles,
//   both what was asked for before their first frame (a request started before performance.mark('galley-first-frame'))
//   and all until 'ready' (their bold and sans CJK faces come after the first frame);
// - wasm heap: the size of the module's WebAssembly.Memory after the sample and after a 100,000-word article, and the
//   most of it malloc has held (read in the viewer's worker: viewer-core-worker.js's galleyDiagnostics);
// - a second visit: the first frame of a load in a profile that has loaded the page once (its HTTP cache, service
//   worker and Chrome's code cache for the wasm), against the cold loads above;
// - V8's lazy compilation: interleaved cold loads in this browser and in one started with
//   --js-flags=--no-wasm-lazy-compilation, which compiles every wasm function while the file streams in (a browser
//   flag: no page can ask for it, V8's compilation hints section being experimental): the first frame, and the
//   worker's steps that run wasm for the first time (the bundle's parse, the first screen made ready, its first draw);
// - idle frames: WebGL draw calls during 2 s with no input after 'ready' (counted in the worker, whose WebGL2
//   prototype is wrapped then);
// - the WebGL2 floor: a page that only draws one triangle (webgl-floor.html), on the main thread and from a worker,
//   for scale: no viewer drawing with WebGL2 can show its first frame before that page does;
// - Lighthouse (tests/bench/package.json's pinned version, in the same Chromium, desktop, no throttling), if it is
//   installed (npm ci in tests/bench): the hosted page's and the plain page's best practices, accessibility and SEO
//   scores, with every audit that did not pass (goals for the viewer: 100, 100, 90), and its performance figures
//   (first contentful paint, largest contentful paint, total blocking time).
// `--only lighthouse` runs that last part alone.
// The page is not modified for this: its thread's WebAssembly.instantiate* and WebGL2 draw calls are observed through
// an init script, its worker's through Playwright's handle on it.
import { brotliCompressSync, constants } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { launch } from '../e2e/browser.mjs';
import { servePlainArticle } from './plain-article.mjs';

const args = process.argv.slice(2);
const arg = (name, fallback) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : fallback; };
const BASE = arg('--url', process.env.GALLEY_URL || 'http://127.0.0.1:8080/');
const RUNS = Number(arg('--runs', 5));
const ONLY = arg('--only', null);
if (ONLY !== null && ONLY !== 'lighthouse') throw new Error(`--only: unknown part ${ONLY} (only 'lighthouse')`);
const LIGHTHOUSE_CATEGORIES = ['best-practices', 'accessibility', 'seo'];
const LIGHTHOUSE_TIMES = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time'];

const freePort = () => new Promise((resolve, reject) => {
  const server = createServer().listen(0, '127.0.0.1', () => {
    const { port } = server.address();
    server.close(() => resolve(port));
  }).on('error', reject);
});

// Lighthouse drives its own tab over the DevTools protocol: a Chromium launched as the tests launch it, plus a
// debugging port. Cold load of `url`, as a first visitor sees it; `name` says which page in the output.
async function lighthouseScores(url, name) {
  let lighthouse;
  try {
    lighthouse = (await import('lighthouse')).default;
  } catch {
    console.log(`Lighthouse not measured (${name}): not installed (npm ci in tests/bench)`);
    return;
  }
  const port = await freePort();
  const browser = await launch({ extraArgs: [`--remote-debugging-port=${port}`] });
  try {
    const { lhr } = await lighthouse(url, {
      port, output: 'json', logLevel: 'error', onlyCategories: ['performance', ...LIGHTHOUSE_CATEGORIES],
      formFactor: 'desktop', screenEmulation: { disabled: true }, throttlingMethod: 'provided',
      disableStorageReset: false,
    });
    if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const score = (id) => Math.round(lhr.categories[id].score * 100);
    const ms = (id) => `${lhr.audits[id].numericValue?.toFixed(0) ?? '?'} ms`;
    console.log(`Lighthouse ${lhr.lighthouseVersion} (Chromium ${lhr.environment.hostUserAgent.match(/Chrome\/([\d.]+)/)?.[1]}), ${name}:` +
                ` best practices ${score('best-practices')}, accessibility ${score('accessibility')}, SEO ${score('seo')}` +
                (name === 'viewer' ? '  [goals 100, 100, 90]' : '') +
                `; performance ${score('performance')}: ${LIGHTHOUSE_TIMES.map((id) => `${lhr.audits[id].title.toLowerCase()} ${ms(id)}`).join(', ')}`);
    for (const id of LIGHTHOUSE_CATEGORIES) {
      for (const ref of lhr.categories[id].auditRefs) {
        const audit = lhr.audits[ref.id];
        if (ref.weight > 0 && audit.score !== null && audit.score < 1) {
          console.log(`  ${id}: ${ref.id} (${audit.title}) score ${audit.score}`);
        }
      }
    }
  } finally {
    await browser.close();
  }
}

const OBSERVE = () => {
  window.__galleyDraws = 0;
  for (const proto of [WebGL2RenderingContext.prototype]) {
    for (const name of ['drawElements', 'drawArrays', 'drawElementsInstanced', 'drawArraysInstanced', 'drawRangeElements']) {
      const original = proto[name];
      if (!original) continue;
      proto[name] = function (...a) { window.__galleyDraws++; return original.apply(this, a); };
    }
  }
};

// Readiness is reported by the page itself through a binding, polled with a cheap timer: Playwright's
// waitForFunction would inject its own large script into the page while it loads (measured: two 600 ms tasks on
// the main thread of the 2-core machine, inside the very time being measured).
// The binding is given the main thread's long tasks so far (LONG_TASKS), read when the page is ready.
const READY_HOOK = () => {
  const poll = () => {
    const state = document.documentElement && document.documentElement.dataset.galley;
    if (state === 'ready' || state === 'error') window.__galleyBenchReady({ ...window.__longTasks });
    else setTimeout(poll, 20);
  };
  poll();
};
// The plain page is ready once loaded with its fonts and its first contentful paint reported.
const PLAIN_READY_HOOK = () => {
  const painted = new Promise((resolve) => new PerformanceObserver((list, observer) => {
    if (list.getEntriesByName('first-contentful-paint').length) { observer.disconnect(); resolve(); }
  }).observe({ type: 'paint', buffered: true }));
  const poll = () => {
    if (document.readyState !== 'complete') { setTimeout(poll, 20); return; }
    Promise.all([document.fonts.ready, painted]).then(() => window.__galleyBenchReady({ ...window.__longTasks }));
  };
  poll();
};
// Main-thread long tasks from navigation on (buffered: those before the observer too): their total and count, and
// each one's [start, duration] (to tell those before the first frame).
const LONG_TASKS = () => {
  window.__longTasks = { ms: 0, count: 0, each: [] };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      window.__longTasks.ms += e.duration;
      window.__longTasks.count++;
      window.__longTasks.each.push([e.startTime, e.duration]);
    }
  }).observe({ type: 'longtask', buffered: true });
};
// Resolves with what the page passed to the binding.
async function installReadyHook(page, hook = READY_HOOK) {
  let resolve;
  const ready = new Promise((r) => { resolve = r; });
  await page.exposeBinding('__galleyBenchReady', (source, state) => resolve(state));
  await page.addInitScript(LONG_TASKS);
  await page.addInitScript(hook);
  return () => Promise.race([ready, new Promise((_, reject) => setTimeout(() => reject(new Error('not ready in 60 s')), 60000))]);
}

// The viewer's worker (viewer-core-worker.js), if its core runs in one.
const coreWorker = (page) => page.workers().find((w) => w.url().endsWith('/viewer-core-worker.js')) || null;
// The wasm heap's size and the most of it malloc has held, as text in MB, from the viewer's worker.
async function wasmHeap(page) {
  const worker = coreWorker(page);
  if (!worker) return 'not measured (no worker)';
  const { heapBytes, heapFootprint } = await worker.evaluate(() => self.galleyDiagnostics());
  const mb = (bytes) => (bytes / 1048576).toFixed(1);
  return `${mb(heapBytes)} MB (malloc's most ${mb(heapFootprint)} MB)`;
}
// WebGL draw calls counted from now on, where the viewer draws: returns a function that reads the count.
async function countDraws(page) {
  const worker = coreWorker(page);
  if (!worker) {
    const start = await page.evaluate(() => window.__galleyDraws);
    return async () => (await page.evaluate(() => window.__galleyDraws)) - start;
  }
  await worker.evaluate(() => {
    self.__galleyDraws = 0;
    const proto = WebGL2RenderingContext.prototype;
    for (const name of ['drawElements', 'drawArrays', 'drawElementsInstanced', 'drawArraysInstanced', 'drawRangeElements']) {
      const original = proto[name];
      if (original) proto[name] = function (...a) { self.__galleyDraws++; return original.apply(this, a); };
    }
  });
  return () => worker.evaluate(() => self.__galleyDraws);
}

// First paint and first contentful paint, ms from navigation start.
const PAINTS = () => Object.fromEntries(performance.getEntriesByType('paint').map((p) => [p.name, p.startTime]));

function median(xs) { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; }

// A load in a fresh context (empty cache). Response bodies are collected only when asked (for the transfer figure):
// reading them goes through the browser while the page loads.
async function coldLoad(browser, { query = '', routes = null, collectBodies = false } = {}) {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(OBSERVE);
  const waitReady = await installReadyHook(page);
  if (routes) await routes(page);
  const bodies = [];
  if (collectBodies) {
    // Once a URL: a second request for it (the worker's import of a module the page preloaded) is the HTTP cache's.
    const seen = new Set();
    page.on('response', async (r) => {
      if (seen.has(r.url())) return;
      seen.add(r.url());
      try { bodies.push({ url: r.url(), bytes: await r.body() }); } catch { /* redirects, aborted */ }
    });
  }
  await page.goto(`${BASE}index.html${query}`, { waitUntil: 'commit' });
  const longTasks = await waitReady();
  return { context, page, bodies, longTasks };
}

// A cold load of the plain page (plain-article.mjs): its paints and long tasks.
async function plainColdLoad(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  const waitReady = await installReadyHook(page, PLAIN_READY_HOOK);
  await page.goto(url, { waitUntil: 'commit' });
  const longTasks = await waitReady();
  const paints = await page.evaluate(PAINTS);
  await context.close();
  return { ...paints, longTasks };
}

// Every response of a cold load until the page is ready and half a second after, each compressed with brotli, and
// whether it was asked for before the first frame, and after 'ready' (what the page prefetches once the article is
// shown, print.js: not the first view's; the page itself has no resource timing entry).
async function firstViewTransfer(options = {}) {
  const { context, page, bodies } = await coldLoad(browser, { ...options, collectBodies: true });
  await page.waitForTimeout(500);
  const requestedAt = new Map(await page.evaluate(() => performance.getEntriesByType('resource')
    .map((r) => [r.name, r.startTime])));
  const firstFrame = await page.evaluate(() => performance.getEntriesByName('galley-first-frame')[0]?.startTime ?? NaN);
  const ready = await page.evaluate(() => performance.getEntriesByName('galley-ready')[0]?.startTime ?? Infinity);
  const files = bodies.map(({ url, bytes }) => ({
    file: url.replace(BASE, ''), raw: bytes.length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    beforeFirstFrame: !requestedAt.has(url) || requestedAt.get(url) < firstFrame,
    afterReady: requestedAt.has(url) && requestedAt.get(url) > ready,
  }));
  await context.close();
  return files;
}

// The test articles in Chinese, Japanese and Korean (tests/data/scripts/), served at the viewer's origin.
const CJK_ARTICLES = ['zh-Hans', 'zh-Hant', 'ja', 'ko'];
const routeBundle = (name) => (page) => page.route(`**/bench/${name}.json`, (route) => route.fulfill({
  contentType: 'application/json',
  body: readFileSync(new URL(`../data/scripts/${name}.json`, import.meta.url), 'utf8'),
}));

const sample = JSON.parse(readFileSync(new URL('../../assets/sample.json', import.meta.url), 'utf8'));
const plain = await servePlainArticle({ article: sample.articles[0], viewerBase: BASE });
const browser = ONLY ? null : await launch();
if (ONLY) {
  await lighthouseScores(BASE, 'viewer');
  await lighthouseScores(plain.url, 'plain page');
} else try {
  // First frame and transfer; and, interleaved with the viewer's loads, the viewer with its core on the page's thread
  // and the plain page.
  const modes = [{ name: 'viewer', query: '' }, { name: 'viewer, core on the page\'s thread', query: '?thread=main' }];
  const loads = new Map(modes.map((m) => [m.name, []]));
  const breakdowns = [], plainLoads = [];
  for (let i = 0; i < RUNS; i++) {
    for (const mode of modes) {
      const { context, page, longTasks } = await coldLoad(browser, { query: mode.query });
      const firstFrame = await page.evaluate(() => performance.getEntriesByName('galley-first-frame')[0]?.startTime ?? NaN);
      const beforeFirst = longTasks.each.filter(([start]) => start < firstFrame);
      loads.get(mode.name).push({ ...(await page.evaluate(PAINTS)), longTasks, firstFrame,
        beforeFirst: { ms: beforeFirst.reduce((sum, [, d]) => sum + d, 0), count: beforeFirst.length,
                       longest: Math.max(0, ...beforeFirst.map(([, d]) => d)) } });
      if (mode.query === '') breakdowns.push(await page.evaluate(() => {
        const out = {};
        for (const m of performance.getEntriesByType('mark')) if (m.name.startsWith('galley-')) out[m.name] = m.startTime;
        for (const r of performance.getEntriesByType('resource')) {
          const file = new URL(r.name).pathname.split('/').pop();
          if (/\.(wasm|ttf|dic|bin|json)$/.test(file)) out[`${file} arrived`] = r.responseEnd;
        }
        const nav = performance.getEntriesByType('navigation')[0];
        if (nav) out['page loaded (DOMContentLoaded)'] = nav.domContentLoadedEventEnd;
        return out;
      }));
      await context.close();
    }
    plainLoads.push(await plainColdLoad(browser, plain.url));
  }
  const transfer = await firstViewTransfer();
  const firstFrames = loads.get('viewer').map((l) => l.firstFrame);
  console.log(`first frame (median of ${RUNS} cold loads): ${median(firstFrames).toFixed(0)} ms  [${firstFrames.map((x) => x.toFixed(0)).join(', ')}]`);
  {
    const m = (list, key) => median(list.map((l) => key(l) ?? NaN));
    const paints = (list) => `first paint ${m(list, (l) => l['first-paint']).toFixed(0)} ms, first contentful ` +
      `paint ${m(list, (l) => l['first-contentful-paint']).toFixed(0)} ms`;
    const tasks = (list, key = (l) => l.longTasks) => `main-thread long tasks ${m(list, (l) => key(l)?.ms).toFixed(0)} ms ` +
      `(${m(list, (l) => key(l)?.count)} tasks)`;
    const plainFcp = plainLoads.map((l) => l['first-contentful-paint']);
    for (const [name, list] of loads) {
      console.log(`  ${name}: ${paints(list)}, first frame ${m(list, (l) => l.firstFrame).toFixed(0)} ms ` +
                  `[${list.map((l) => l.firstFrame.toFixed(0)).join(', ')}]; ${tasks(list, (l) => l.beforeFirst)} ` +
                  `before the first frame (longest ${m(list, (l) => l.beforeFirst.longest).toFixed(0)} ms), ` +
                  `${tasks(list)} until ready`);
    }
    console.log(`  plain HTML page of the same article, same font files (plain-article.mjs, ${RUNS} cold loads ` +
                `interleaved with the viewer's): ${paints(plainLoads)} [${plainFcp.map((x) => x?.toFixed(0)).join(', ')}]; ` +
                `${tasks(plainLoads)} until loaded`);
    for (const [name, list] of loads) {
      console.log(`  ratio, first frame (${name}) / plain page's first contentful paint (medians): ` +
                  `${(m(list, (l) => l.firstFrame) / median(plainFcp)).toFixed(2)}`);
    }
  }
  // Where the time went, medians over the cold loads: the viewer's performance marks (viewer.js) and when each
  // critical resource finished arriving, both from navigation start.
  console.log('  breakdown (median, ms from navigation start):');
  const names = [...new Set(breakdowns.flatMap((b) => Object.keys(b)))];
  const at = (name) => median(breakdowns.map((b) => b[name]).filter((x) => x !== undefined));
  for (const name of names.sort((a, b) => at(a) - at(b))) console.log(`    ${name.padEnd(36)} ${at(name).toFixed(0).padStart(6)}`);
  const view = transfer.filter((f) => !f.afterReady), later = transfer.filter((f) => f.afterReady);
  const total = view.reduce((s, f) => s + f.brotli, 0), laterTotal = later.reduce((s, f) => s + f.brotli, 0);
  console.log(`first view transfer, brotli: ${(total / 1024).toFixed(0)} KB (${total} bytes) in ` +
              `${view.length} files until 'ready'; then prefetched, ${(laterTotal / 1024).toFixed(1)} KB: ` +
              `${later.map((f) => f.file).join(', ') || 'nothing'}`);
  for (const f of transfer.sort((a, b) => b.brotli - a.brotli))
    console.log(`  ${f.file.padEnd(40)} ${(f.raw / 1024).toFixed(1).padStart(8)} KB raw ${(f.brotli / 1024).toFixed(1).padStart(8)} KB br` +
                `${f.afterReady ? '  (after ready)' : ''}`);
  {
    // The import module (web/file-import.js): fetched when a reader first imports a file, never by a first view.
    const files = ['import-worker.js', 'import.js', 'import.wasm'];
    const sizes = await Promise.all(files.map(async (file) => {
      const bytes = Buffer.from(await (await fetch(`${BASE}${file}`)).arrayBuffer());
      return { file, raw: bytes.length,
               brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length };
    }));
    const inView = transfer.filter((f) => files.includes(f.file)).map((f) => f.file);
    console.log(`import module, fetched on a reader's first import only: ` +
                `${(sizes.reduce((s, f) => s + f.brotli, 0) / 1024).toFixed(1)} KB brotli (` +
                sizes.map((f) => `${f.file} ${(f.raw / 1024).toFixed(1)} KB raw, ${(f.brotli / 1024).toFixed(1)} br`).join('; ') +
                `); in the first view: ${inView.length ? `YES (${inView.join(', ')})` : 'none of it'}`);
  }

  // A CJK article's first view: what its first frame waited for, its regular serif's frequency slices (issue budget:
  // 1.2 MB brotli); then all until 'ready', with the bold and sans CJK faces fetched after the first frame.
  for (const name of CJK_ARTICLES) {
    const files = await firstViewTransfer({ query: `?bundle=bench/${name}.json`, routes: routeBundle(name) });
    const kb = (list) => (list.reduce((s, f) => s + f.brotli, 0) / 1024).toFixed(0);
    const cjk = (list) => list.filter((f) => f.file.includes('CJK') || f.file.endsWith('.bin'));
    const names = (list) => list.map((f) => `${f.file.replace('fonts/', '')} ${(f.brotli / 1024).toFixed(0)}`)
      .join(', ');
    const first = files.filter((f) => f.beforeFirstFrame), later = files.filter((f) => !f.beforeFirstFrame);
    console.log(`${name} article (tests/data/scripts/${name}.json), brotli: before its first frame ${kb(first)} KB in ` +
                `${first.length} files (CJK faces and tiers ${kb(cjk(first))} KB: ${names(cjk(first))}); ` +
                `all until ready ${kb(files)} KB in ${files.length} files ` +
                `(after the first frame: ${names(later) || 'none'})`);
  }

  // Idle frames and heap after the sample.
  {
    const { context, page } = await coldLoad(browser);
    await page.waitForTimeout(300);
    const draws = await countDraws(page);
    await page.waitForTimeout(2000);
    console.log(`WebGL draw calls during 2 s idle: ${await draws()}`);
    const heap = await wasmHeap(page);
    console.log(`wasm heap after the sample: ${heap}`);
    await context.close();
  }

  // Heap after a 100,000-word article: the sample's paragraphs repeated.
  {
    const article = sample.articles[0];
    const words = article.blocks.reduce((n, b) => n + b.text.split(/\s+/).length, 0);
    const copies = Math.ceil(100000 / words);
    const big = { galley: 1, articles: [{ ...article, id: 'big', blocks: Array.from({ length: copies }, () => article.blocks).flat() }] };
    const body = JSON.stringify(big);
    const { context, page } = await coldLoad(browser, { query: '?bundle=bench/big.json', routes: (p) =>
      p.route('**/bench/big.json', (route) => route.fulfill({ contentType: 'application/json', body })) });
    const heap = await wasmHeap(page);
    const ready = await page.evaluate(() => performance.getEntriesByName('galley-first-frame')[0]?.startTime ?? NaN);
    console.log(`100,000-word article (${words * copies} words): first frame ${ready.toFixed(0)} ms, wasm heap ${heap}`);
    await context.close();
  }
  // A reader's second visit: the same browser profile loads the page again after a first visit that reached 'ready'
  // and stayed 3 s (its HTTP cache, its service worker with the shell kept, Chrome's cache of the wasm's compiled
  // code). Median of the runs; each with a fresh profile.
  {
    const firstFrames = [];
    for (let run = 0; run < Math.min(RUNS, 3); run++) {
      const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
      for (const visit of [0, 1]) {
        const page = await context.newPage();
        const waitReady = await installReadyHook(page);
        await page.goto(`${BASE}index.html`, { waitUntil: 'commit' });
        await waitReady();
        if (visit === 1) {
          firstFrames.push(await page.evaluate(() => performance.getEntriesByName('galley-first-frame')[0]?.startTime ?? NaN));
        } else {
          await page.waitForTimeout(3000);
        }
        await page.close();
      }
      await context.close();
    }
    console.log(`second visit, same profile (median of ${firstFrames.length}): first frame ${median(firstFrames).toFixed(0)} ms ` +
                `[${firstFrames.map((t) => t.toFixed(0)).join(', ')}]`);
  }
  // What V8's lazy compilation costs the first frame: each wasm function is compiled when first called, so the
  // worker's first parse, layout and draw also compile the code they run (measured: 4-14 ms to lay the same screen
  // out again and draw it). The same cold loads, interleaved, in a browser that compiles the whole module eagerly.
  {
    const eager = await launch({ extraArgs: ['--js-flags=--no-wasm-lazy-compilation'] });
    const runs = { lazily: [], eagerly: [] };
    try {
      for (let i = 0; i < RUNS; i++) {
        for (const [name, b] of [['lazily', browser], ['eagerly', eager]]) {
          const { context, page } = await coldLoad(b);
          runs[name].push(await page.evaluate(() =>
            Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime]))));
          await context.close();
        }
      }
    } finally {
      await eager.close();
    }
    const step = (list, from, to) => median(list.map((m) => m[`galley-${to}`] - m[`galley-${from}`])).toFixed(0);
    const line = (name) => {
      const list = runs[name];
      return `${name}: first frame ${median(list.map((m) => m['galley-first-frame'])).toFixed(0)} ms ` +
        `[${list.map((m) => m['galley-first-frame'].toFixed(0)).join(', ')}]; bundle parsed in ` +
        `${step(list, 'core-load-begun', 'core-loaded')} ms, first screen made ready in ` +
        `${step(list, 'first-frame-prepare-begun', 'first-frame-prepared')} ms, drawn in ` +
        `${step(list, 'first-frame-begun', 'first-frame')} ms`;
    };
    console.log(`wasm compiled (median of ${RUNS} interleaved cold loads each) ${line('lazily')}; ${line('eagerly')} ` +
                `(--js-flags=--no-wasm-lazy-compilation: a browser flag)`);
  }
  // The WebGL2 floor: served at the viewer's origin (routed), cold loads like the viewer's.
  {
    const html = readFileSync(new URL('./webgl-floor.html', import.meta.url), 'utf8');
    for (const mode of ['main', 'worker']) {
      const times = [];
      for (let i = 0; i < RUNS; i++) {
        const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
        const page = await context.newPage();
        let resolve;
        const finished = new Promise((r) => { resolve = r; });
        await page.exposeBinding('__floorBenchDone', () => resolve());
        await page.addInitScript(() => {   // as READY_HOOK: no waitForFunction script in the page while it loads
          window.__longTasks = 0;
          new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks += e.duration; })
            .observe({ type: 'longtask', buffered: true });
          const poll = () => { if (window.__floorDone) window.__floorBenchDone(); else setTimeout(poll, 20); };
          poll();
        });
        await page.route('**/__webgl-floor.html*', (route) => route.fulfill({ contentType: 'text/html', body: html }));
        await page.goto(`${BASE}__webgl-floor.html?mode=${mode}`, { waitUntil: 'commit' });
        await Promise.race([finished, new Promise((_, reject) => setTimeout(() => reject(new Error('floor page: no draw in 60 s')), 60000))]);
        times.push(await page.evaluate(() => ({ ...window.__floor, longTasks: window.__longTasks })));
        await context.close();
      }
      const m = (key) => median(times.map((t) => t[key]).filter((x) => x !== undefined)).toFixed(0);
      console.log(`WebGL2 floor, one triangle, ${mode === 'main' ? 'main thread' : 'from a worker'} (median of ${RUNS}): ` +
                  `context ${m('context')} ms, drawn ${m('drawn')} ms` +
                  (mode === 'main' ? `, first paint ${m('firstPaint')} ms` : '') +
                  `, main-thread long tasks ${m('longTasks')} ms`);
    }
  }
  await lighthouseScores(BASE, 'viewer');
  await lighthouseScores(plain.url, 'plain page');
} finally {
  await browser.close();
}
await plain.close();
