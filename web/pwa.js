// pwa.js — the hosted page (index.html) as an installable app that reads offline: registers the service worker
// (offline-client.js), asks it to keep the article the reader opened, shows two small notices ("Available offline"
// once the article is kept, "Update ready" when a new build has been installed in the background) and the list of
// articles kept offline, each removable (offline-list.js, in the toolbar's Offline panel).
import { bundleUrlOfPage } from './bundle-url.js';
import { keepBundle, readerPaused, registerWorker, reloadWhenAnotherBuildTakesOver, unavailableReason }
  from './offline-client.js';
import { setupOfflineList } from './offline-list.js';

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

// fn once the page's state (app.js's data-galley) is one of `states`.
function whenPageIs(states, fn) {
  const root = document.documentElement;
  if (states.includes(root.dataset.galley)) { fn(); return; }
  const observer = new MutationObserver(() => {
    if (states.includes(root.dataset.galley)) { observer.disconnect(); fn(); }
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

// The first visit's bundle was fetched before any worker existed: the worker fetches it again to keep it.
async function keepThisArticle(offlineList) {
  // A file the installed app was launched with (file-import.js) is the reader's own, on their device already.
  if (document.documentElement.dataset.galleyImported) return;
  const url = bundleUrlOfPage();
  const result = await keepBundle(url);
  document.documentElement.dataset.galleyOffline = result.offline ? 'kept' : 'not-kept';
  offlineList.refresh();
  if (!result.offline) {
    if (result.reason) showNotice('offline-refused', `Not kept offline: ${result.reason}`,
      [{ label: '×', title: 'Dismiss', onClick: (notice) => notice.remove() }]);
    return;
  }
  const notice = showNotice('offline', 'Available offline');
  setTimeout(() => notice.remove(), OFFLINE_NOTICE_MS);
}

async function main() {
  addHeadLinks();
  if (unavailableReason()) return;   // the page works as it does without a worker; nothing to say
  reloadWhenAnotherBuildTakesOver();
  // Registered once the article is ready and the reader has paused, or at once after an error (offline-client.js's
  // readerPaused says why).
  await new Promise((resolve) => whenPageIs(['ready', 'error'], resolve));
  if (document.documentElement.dataset.galley === 'ready') await readerPaused();
  let registration;
  try {
    registration = await registerWorker();
  } catch {
    return;   // storage or workers refused to this page (private modes, settings): reading online is unaffected
  }
  // Chromium resolves with nothing when the page is navigated away while registering.
  if (!registration) return;
  watchForUpdates(registration);
  const offlineList = setupOfflineList({ current: bundleUrlOfPage() });
  whenPageIs(['ready'], () => { keepThisArticle(offlineList).catch(() => {}); });
}

main();
