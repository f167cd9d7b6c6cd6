// Clean loads in headless Chromium, under the pages' Content-Security-Policy: index.html and embed.html declare one
// policy (a <meta http-equiv>) that serve.py also sends as a header with frame-ancestors; each page, and the viewer
// embedded in the demo host page, loads its article with no console message of any kind, no CSP violation and no
// failed request (a favicon 404 once was one); the hosted page describes the article (meta description).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { BASE_URL, launch } from './browser.mjs';
import { ROOT, serveDirectory } from './local-server.mjs';

const SAMPLE = JSON.parse(readFileSync(`${ROOT}assets/sample.json`, 'utf8'));
const READY_TIMEOUT = 120000;
const META_CSP = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i;

let browser, demo;
before(async () => {
  browser = await launch();
  demo = await serveDirectory(`${ROOT}demo`);
});
after(async () => {
  await browser?.close();
  demo?.stop();
});

// Everything a page and its frames say or fail to load, and every CSP violation (reported by the browser as a
// console error too, but caught here by the event itself, in every frame).
async function watch(page) {
  const problems = [];
  page.on('console', (m) => problems.push(`console ${m.type()}: ${m.text()} (${m.location().url})`));
  page.on('pageerror', (e) => problems.push(`page error: ${e}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`); });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return problems;
}

const waitReady = (target) => target.waitForFunction(
  () => ['ready', 'error'].includes(document.documentElement.dataset.galley), null, { timeout: READY_TIMEOUT });

test('index.html and embed.html declare one policy, which serve.py also sends with frame-ancestors', async () => {
  const policies = {};
  for (const page of ['index.html', 'embed.html']) {
    const response = await fetch(new URL(page, BASE_URL));
    const meta = META_CSP.exec(await response.text())?.[1];
    assert.ok(meta, `${page} has a CSP meta`);
    for (const directive of ["script-src 'self' 'wasm-unsafe-eval'", "object-src 'none'", "base-uri 'none'"]) {
      assert.ok(meta.split(/;\s*/).includes(directive), `${page}: ${directive}`);
    }
    assert.doesNotMatch(meta, /unsafe-inline|frame-ancestors/);
    policies[page] = { meta, header: response.headers.get('content-security-policy') };
  }
  assert.equal(policies['index.html'].meta, policies['embed.html'].meta);
  assert.equal(policies['index.html'].header, `${policies['index.html'].meta}; frame-ancestors 'self'`);
  assert.equal(policies['embed.html'].header, `${policies['embed.html'].meta}; frame-ancestors *`);
});

test('the hosted page loads the sample under its CSP with a silent console, and describes the article', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = await watch(page);
  await page.goto(BASE_URL);
  await waitReady(page);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.galley), 'ready');
  // The favicon is requested after load: give it (and the service worker's first messages) time to fail.
  await page.waitForTimeout(1500);
  assert.deepEqual(problems, []);
  const description = await page.locator('meta[name="description"]').getAttribute('content');
  const lead = SAMPLE.articles[0].subtitle || SAMPLE.articles[0].blocks.find((b) => b.type === 'paragraph').text;
  assert.ok(description.length > 40 && description.length <= 160, `description: ${description}`);
  assert.ok(lead.startsWith(description.replace(/…$/, '')), `description ${description} is the article's lead`);
  await context.close();
});

test('embed.html alone and the viewer embedded in the demo host load with a silent console', async () => {
  const context = await browser.newContext();
  const alone = await context.newPage();
  const aloneProblems = await watch(alone);
  await alone.goto(new URL('embed.html?theme=dark', BASE_URL).href);
  await waitReady(alone);
  await alone.waitForTimeout(1000);
  assert.deepEqual(aloneProblems, []);

  const host = await context.newPage();
  const hostProblems = await watch(host);
  await host.route('**/galley-config.json', (route) => route.fulfill({ contentType: 'application/json',
    body: JSON.stringify({ galley: BASE_URL }) }));
  await host.goto(`http://localhost:${demo.port}/host.html`);
  await host.waitForFunction(() => /viewer-light ready/.test(document.getElementById('events').textContent), null,
                             { timeout: READY_TIMEOUT });
  await host.waitForTimeout(1000);
  assert.deepEqual(hostProblems, []);
  await context.close();
});
