// offline-client.js — a page's side of Galley's service worker (sw.js, from scripts/sw.template.js): registering it,
// reloading when another build takes over, and the requests about articles kept offline, each answered on a
// MessagePort of its own. The hosted page (pwa.js) and the embed frame (embed-frame.js) both use it.
//
// Builds never mix: a page keeps the build it started with until it reloads, and it reloads as soon as a newer
// build takes over (controllerchange), in every open tab and frame, so no page loads a lazy file of another build.

const BASE = new URL('./', import.meta.url);
const ANSWER_TIMEOUT_MS = 60000;

// Why this page cannot have a worker, or null if it can try (registering may still be refused: registerWorker).
export function unavailableReason() {
  if (!window.isSecureContext) return 'not a secure context (HTTPS or localhost)';
  if (!('serviceWorker' in navigator)) return 'this browser gives this page no service worker';
  return null;
}

// When to register (resolves then): once the reader has paused (no scroll, wheel, key or touch for READER_PAUSE_MS),
// or at once if the page is hidden. The first install fetches and checks every file of the build (2.4 MB):
// registered while the article loaded, it competed with the first frame (first frame 497 ms against 439, medians of
// 12 interleaved cold loads on a 2-core machine), and registered at 'ready', with the scrolling a reader starts then
// (the drawn text a frame behind the text layer: off-main-thread.test.mjs). The pages call it once their article is
// ready.
const READER_PAUSE_MS = 2000;
export function readerPaused() {
  return new Promise((resolve) => {
    const inputs = ['scroll', 'wheel', 'keydown', 'touchstart', 'pointerdown'];
    let timer = 0, done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      for (const type of inputs) window.removeEventListener(type, restart, true);
      document.removeEventListener('visibilitychange', onVisibility);
      resolve();
    };
    const restart = () => { clearTimeout(timer); timer = setTimeout(finish, READER_PAUSE_MS); };
    const onVisibility = () => { if (document.hidden) finish(); };
    for (const type of inputs) window.addEventListener(type, restart, { capture: true, passive: true });
    document.addEventListener('visibilitychange', onVisibility);
    if (document.hidden) finish(); else restart();
  });
}

// Registers sw.js for Galley's folder. Resolves to the registration, or null when the page went away while
// registering (Chromium then resolves with nothing); rejects with the browser's reason.
export async function registerWorker() {
  // updateViaCache 'none': the browser never takes sw.js from its HTTP cache, whatever the host's headers say.
  return navigator.serviceWorker.register(new URL('sw.js', BASE), { scope: BASE.pathname, updateViaCache: 'none' });
}

export function reloadWhenAnotherBuildTakesOver() {
  let controller = navigator.serviceWorker.controller;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    const previous = controller;
    controller = navigator.serviceWorker.controller;
    // From none to a worker is the first install claiming this page: same build, nothing to do.
    if (previous) location.reload();
  });
}

// One request to the active worker, answered on its own port.
async function ask(message) {
  const worker = navigator.serviceWorker.controller || (await navigator.serviceWorker.ready).active;
  if (!worker) throw new Error('no active service worker');
  const channel = new MessageChannel();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the service worker did not answer '${message.type}'`)),
                             ANSWER_TIMEOUT_MS);
    channel.port1.onmessage = (event) => { clearTimeout(timer); channel.port1.close(); resolve(event.data); };
    worker.postMessage(message, [channel.port2]);
  });
}

// Files of this build the bundle shown needs beyond those the page fetched: the faces and patterns of its other
// articles (viewer.bundleFiles()), which the page showing it names here before it keeps the bundle.
const alsoNeeded = new Set();
export function keepAlso(urls) { for (const url of urls) alsoNeeded.add(url); }

// Keeps the bundle at `url` (absolute) and its images for reading offline: {offline, reason?}. With it go the files
// of the build that the worker caches only on demand (font slices, patterns) that this page fetched (on a first visit
// they came before the worker controlled the page) or that keepAlso named: every article of the bundle reads offline.
export const keepBundle = (url) => ask({ type: 'keep-bundle', url,
  used: [...performance.getEntriesByType('resource').map((entry) => entry.name), ...alsoNeeded] });
// The articles kept, least recently opened first: {articles: [{url, title, bytes, opened}], limits: {articles,
// bytes}}.
export const listKept = () => ask({ type: 'list-kept' });
// Removes one kept article (and the images only it used); answers the list as it is then.
export const removeKept = (url) => ask({ type: 'remove-kept', url });
