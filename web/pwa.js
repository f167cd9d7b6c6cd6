// pwa.js — the hosted page (index.html) as an installable app that reads offline: registers the service worker
// (sw.js, generated at build time, see scripts/sw.template.js), asks it to keep the article the reader opened,
// and shows two small notices: "Available offline" once the article is kept, and "Update ready" when a new build
// has been installed in the background.
//
// Builds never mix: a page keeps the build it started with until it reloads, and it reloads as soon as a newer
// build takes over (controllerchange), in every open tab, so no page loads a lazy file of another build.
import { bundleUrlOfPage } from './bundle-url.js';

const BASE = new URL('./', import.meta.url);
const OFFLINE_NOTICE_MS = 5000;

function addHeadLinks() {
  const stylesheet = Object.assign(document.createElement('link'), { rel: 'stylesheet',
    href: new URL('pwa.css', BASE).href });
  const touchIcon = Object.assign(document.createElement('link'), { rel: 'apple-touch-icon',
    href: new URL('icons/apple-touch-icon.png', BASE).href });
  document.head.append(stylesheet, touchIcon);
}

// One polite live region for both notices, so screen readers hear them without losing their place.
function noticeArea() {
  let area = document.getElementById('galley-pwa');
  if (!area) {
    area = Object.assign(document.createElement('div'), { id: 'galley-pwa', className: 'galley-pwa' });
    area.setAttribute('role', 'status');
    area.setAttribute('aria-live', 'polite');
    document.body.append(area);
  }
  return area;
}

function showNotice(kind, text, actions = []) {
  const area = noticeArea();
  area.querySelector(`[data-kind="${kind}"]`)?.remove();
  const notice = Object.assign(document.createElement('div'), { className: 'galley-pwa-notice' });
  notice.dataset.kind = kind;
  notice.append(Object.assign(document.createElement('span'), { textContent: text }));
  for (const { label, title, onClick } of actions) {
    const button = Object.assign(document.createElement('button'), { type: 'button', className: 'galley-pwa-button',
      textContent: label });
    if (title) button.setAttribute('aria-label', title);
    button.addEventListener('click', () => onClick(notice));
    notice.append(button);
  }
  area.append(notice);
  return notice;
}

function whenArticleReady(fn) {
  const root = document.documentElement;
  if (root.dataset.galley === 'ready') { fn(); return; }
  const observer = new MutationObserver(() => {
    if (root.dataset.galley === 'ready') { observer.disconnect(); fn(); }
  });
  observer.observe(root, { attributes: true, attributeFilter: ['data-galley'] });
}

function offerUpdate(worker) {
  showNotice('update', 'A new version of Galley is ready.', [
    { label: 'Update', onClick: () => worker.postMessage({ type: 'skip-waiting' }) },   // then controllerchange
    { label: '×', title: 'Dismiss', onClick: (notice) => notice.remove() },
  ]);
  document.documentElement.dataset.galleyUpdate = 'ready';
}

function watchForUpdates(registration) {
  // Only an update when a worker already controls the page; the very first install is not one.
  const offer = (worker) => { if (navigator.serviceWorker.controller) offerUpdate(worker); };
  if (registration.waiting) offer(registration.waiting);
  registration.addEventListener('updatefound', () => {
    const worker = registration.installing;
    worker?.addEventListener('statechange', () => { if (worker.state === 'installed') offer(worker); });
  });
  // Long-open tabs look again when the reader comes back to them (navigations check by themselves).
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') registration.update().catch(() => {});
  });
}

function reloadWhenAnotherBuildTakesOver() {
  let controller = navigator.serviceWorker.controller;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    const previous = controller;
    controller = navigator.serviceWorker.controller;
    // From none to a worker is the first install claiming this page: same build, nothing to do.
    if (previous) location.reload();
  });
}

async function keepThisArticle(registration) {
  const url = bundleUrlOfPage();
  navigator.serviceWorker.addEventListener('message', (event) => {
    const message = event.data;
    if (!message || message.type !== 'bundle-kept' || message.url !== url) return;
    document.documentElement.dataset.galleyOffline = message.offline ? 'kept' : 'not-kept';
    if (!message.offline) return;
    const notice = showNotice('offline', 'Available offline');
    setTimeout(() => notice.remove(), OFFLINE_NOTICE_MS);
  });
  navigator.serviceWorker.startMessages();
  // The first visit's bundle was fetched before any worker existed: tell the worker about it once it is active.
  const ready = await navigator.serviceWorker.ready;
  (navigator.serviceWorker.controller || ready.active)?.postMessage({ type: 'keep-bundle', url });
}

async function main() {
  addHeadLinks();
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
  reloadWhenAnotherBuildTakesOver();
  let registration;
  try {
    // updateViaCache 'none': the browser never takes sw.js from its HTTP cache, whatever the host's headers say.
    registration = await navigator.serviceWorker.register(new URL('sw.js', BASE), { scope: BASE.pathname,
      updateViaCache: 'none' });
  } catch (e) {
    console.warn(`Galley: no offline reading (${e.message || e})`);
    return;
  }
  // Chromium resolves with nothing when the page is navigated away while registering.
  if (!registration) return;
  watchForUpdates(registration);
  whenArticleReady(() => { keepThisArticle(registration).catch(() => {}); });
}

main();
