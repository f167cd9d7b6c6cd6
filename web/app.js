// app.js — the hosted page (index.html): one viewer (viewer.js) over the whole window, the reader chrome
// (reader-controls.js), settings from localStorage with URL parameters on top (settings.js), and the reading position
// kept per bundle across reloads.
//
//   index.html?bundle=URL&theme=dark&size=20&family=sans&width=wide&spacing=loose&align=left#heading-anchor
import { bundleUrlOfPage } from './bundle-url.js';
import { createViewer } from './viewer.js';
import { setupReaderControls } from './reader-controls.js';
import { DEFAULT_SETTINGS, clearStoredSettings, loadStoredSettings, settingsFromUrl, storeSettings }
  from './settings.js';

const canvas = document.getElementById('galley-canvas');
const documentEl = document.getElementById('galley-document');
const statusEl = document.getElementById('galley-status');
const errorEl = document.getElementById('galley-error');
// Search engines show about this much of a description.
const DESCRIPTION_LENGTH = 160;

function setState(state) { document.documentElement.dataset.galley = state; }

// The page's meta description: the article's dek or first paragraph, cut at a word within DESCRIPTION_LENGTH.
function describe(lead) {
  if (!lead) return;
  let text = lead.replace(/\s+/g, ' ');
  if (text.length > DESCRIPTION_LENGTH) {
    const cut = text.slice(0, DESCRIPTION_LENGTH - 1);
    text = `${cut.slice(0, Math.max(cut.lastIndexOf(' '), DESCRIPTION_LENGTH / 2)).replace(/[\s,;:.]+$/, '')}…`;
  }
  document.querySelector('meta[name="description"]')?.setAttribute('content', text);
}

function showError(title, lines) {
  errorEl.replaceChildren();
  const h = document.createElement('h1');
  h.textContent = title;
  errorEl.append(h);
  for (const line of lines) {
    const div = document.createElement('div');
    div.textContent = line;   // bundle data only ever goes in as text
    errorEl.append(div);
  }
  errorEl.hidden = false;
  statusEl.textContent = '';
  canvas.hidden = true;
  setState('error');
}

// The position is restored by the page, after layout: the browser's own restoration would run against a document
// that is not yet as tall as the article.
if ('scrollRestoration' in history) history.scrollRestoration = 'manual';

function main() {
  setState('loading');
  const bundleUrl = bundleUrlOfPage();
  let stored = loadStoredSettings();
  const viewer = createViewer(canvas, documentEl, {
    settings: { ...stored, ...settingsFromUrl(location.search) },
    themeRoot: document.documentElement,
  });
  viewer.on('error', ({ title, lines }) => showError(title, lines));

  const controls = setupReaderControls({
    onChange(change) {
      // Only what the reader changed is stored: a ?theme= in the URL applies to this visit, not to every later one.
      stored = { ...stored, ...change };
      storeSettings(stored);
      viewer.setSettings(change);
    },
    onReset() {
      stored = {};
      clearStoredSettings();
      controls.showSettings(viewer.setSettings(DEFAULT_SETTINGS));
    },
    onHeading: (id) => viewer.scrollToHeading(id),
  });
  controls.showSettings(viewer.settings);
  viewer.on('resize', () => controls.updateProgress());

  const positionKey = `galley.position:${bundleUrl}`;
  let savedPosition = null;
  try { savedPosition = JSON.parse(localStorage.getItem(positionKey) || 'null'); } catch { /* none */ }
  const savePosition = () => {
    try { localStorage.setItem(positionKey, JSON.stringify(viewer.readingPosition())); } catch { /* no storage */ }
  };

  viewer.loadBundle(bundleUrl, { position: location.hash ? null : savedPosition }).then((detail) => {
    document.title = detail.title;
    describe(viewer.lead);
    controls.showHeadings(viewer.headings);
    controls.showStats(viewer.stats);
    // Code points no shipped face has (drawn as .notdef), for whoever checks a page: devtools, tests.
    document.documentElement.dataset.galleyMissingGlyphs = String(viewer.stats.missingGlyphs);
    // Deep link: the heading elements exist only now, and carry the fragment behind the article's id prefix
    // (text-layer.js), so the browser's own #fragment scroll found nothing.
    if (location.hash) viewer.scrollToHeading(decodeURIComponent(location.hash.slice(1)), { smooth: false });
    statusEl.textContent = '';
    setState('ready');
    // Printing once the article is laid out: print.js is not on the first view's path (nor in its bytes), and before
    // this there is no whole layout to print. Its beforeprint handler serves the browser's menu and Ctrl+P too.
    import('./print.js').then(({ setupPrinting }) => {
      const button = document.getElementById('galley-print-button');
      setupPrinting(viewer, { button });
      button.hidden = false;
    });
    let saveTimer = 0;
    window.addEventListener('scroll', () => {
      clearTimeout(saveTimer);
      saveTimer = setTimeout(savePosition, 400);
    }, { passive: true });
    window.addEventListener('pagehide', savePosition);
    // Back and forward between headings reached from the contents (pushState entries scroll nowhere by themselves).
    window.addEventListener('popstate', () => {
      if (location.hash) viewer.scrollToHeading(decodeURIComponent(location.hash.slice(1)));
    });
  }).catch(() => { /* shown by the 'error' listener */ });
}

main();
