// app.js — the hosted page (index.html): one viewer (viewer.js) over the whole window, the reader chrome
// (reader-controls.js), the way through a bundle of many articles (article-contents.js), settings from localStorage
// with URL parameters on top (settings.js), and the reading position kept per article across reloads
// (reading-position.js). A reader's own file (an HTML page, Markdown, text), opened, dropped or launched, is
// imported in the browser and shown in the same viewer (file-import.js).
//
//   index.html?bundle=URL&article=ID&theme=dark&size=20&family=sans&width=wide&spacing=loose&align=left#heading-anchor
//
// Going to another article of the bundle (the Articles panel, previous and next, back and forward) shows it in the
// same viewer, from the bundle already loaded; each is a history entry of its own (?article=ID). An ?article= id the
// bundle does not hold is an error that names it, with the bundle's articles listed to go on from.
import { articleIdOfPage, bundleUrlOfPage, opensLaunchedFile, pageUrlOfArticle } from './bundle-url.js';
import { createViewer } from './viewer.js';
import { pageViewerOptions, takeEarlyStart } from './early-start.js';
import { setupReaderControls } from './reader-controls.js';
import { setupArticleContents } from './article-contents.js';
import { loadPosition, savePosition } from './reading-position.js';
import { keepAlso } from './offline-client.js';
import { DEFAULT_SETTINGS, clearStoredSettings, loadStoredSettings, pageSettings, storeSettings } from './settings.js';

// The canvas is looked up when needed: the viewer puts a new one in its place if its worker cannot draw on it.
const canvasEl = () => document.getElementById('galley-canvas');
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
  canvasEl().hidden = true;
  setState('error');
}

function hideError() {
  errorEl.hidden = true;
  canvasEl().hidden = false;
}

// The position is restored by the page, after layout: the browser's own restoration would run against a document
// that is not yet as tall as the article.
if ('scrollRestoration' in history) history.scrollRestoration = 'manual';

function main() {
  setState('loading');
  const bundleUrl = bundleUrlOfPage();
  let positionBundle = bundleUrl;   // whose reading positions: the page's bundle, or the file imported (its base URL)
  let stored = loadStoredSettings();
  let shown = null;   // the article whose reading position is kept ({id, index}): set once it is ready
  const viewer = createViewer(canvasEl(), documentEl, {
    settings: pageSettings(),  // the stored ones and the address's, as the early start laid out with
    themeRoot: document.documentElement,
    ...pageViewerOptions(),   // ?renderer=dom, ?thread=main
    early: takeEarlyStart(),  // the core, and the page's bundle, begun before this module arrived
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
  // The reading time from the first frame on (the core counts the words): the toolbar is complete as the article
  // appears, not once it is laid out to its end.
  // The status ("Loading…", "Importing …") goes then too: the article is there to read.
  viewer.on('shown', ({ stats }) => {
    controls.showStats(stats);
    statusEl.textContent = '';
  });

  const keepPosition = () => {
    if (shown) savePosition(localStorage, positionBundle, shown, viewer.readingPosition());
  };
  // A position to restore unless the address names a heading.
  const positionFor = (heading) => (heading ? null : (article) => loadPosition(localStorage, positionBundle, article));
  const headingOfPage = () => (location.hash ? decodeURIComponent(location.hash.slice(1)) : null);

  // Another article of the bundle, from the bundle the viewer has (nothing is fetched again but what it needs).
  // push: a new history entry (a link followed); not for back and forward, which already moved.
  function goToArticle(id, { push = true } = {}) {
    keepPosition();
    shown = null;   // until it is ready: the layout in between is no one's position
    if (push) history.pushState(null, '', pageUrlOfArticle(id));
    setState('loading');
    show(viewer.showArticle(id, { position: positionFor(headingOfPage()) }));
  }

  const contents = setupArticleContents({
    onArticle: (id) => goToArticle(id),
    closePanels: () => controls.closePanels(),
    pageUrlOf: (id) => pageUrlOfArticle(id),
  });

  let printing = null;
  function articleReady(detail) {
    hideError();
    shown = viewer.article;
    document.title = detail.title;
    describe(viewer.lead);
    controls.showHeadings(viewer.headings);
    controls.showStats(viewer.stats);
    contents.show(viewer.articles, shown.id);
    // Code points no shipped face has (drawn as .notdef), for whoever checks a page: devtools, tests.
    document.documentElement.dataset.galleyMissingGlyphs = String(viewer.stats.missingGlyphs);
    document.documentElement.dataset.galleyArticle = shown.id;
    // Deep link: the heading elements exist only now, and carry the fragment behind the article's id prefix
    // (text-layer.js), so the browser's own #fragment scroll found nothing.
    const heading = headingOfPage();
    if (heading) viewer.scrollToHeading(heading, { smooth: false });
    statusEl.textContent = '';
    // Printing once the article is laid out: print.js is not on the first view's path (nor in its bytes), and before
    // this there is no whole layout to print. Its beforeprint handler serves the browser's menu and Ctrl+P too. It
    // prints whatever article is shown when the reader prints.
    printing ||= import('./print.js').then(({ setupPrinting }) => {
      const button = document.getElementById('galley-print-button');
      // The whole edition, from the Articles panel: each article is shown in turn while it is set for paper, and is
      // no reading position of the reader's.
      let paused = null;
      const printer = setupPrinting(viewer, { button, edition: {
        begin() { keepPosition(); paused = shown; shown = null; statusEl.textContent = 'Setting every article for print'; },
        end() { shown = paused; statusEl.textContent = ''; },
      } });
      button.hidden = false;
      const editionButton = document.getElementById('galley-print-edition');
      editionButton.hidden = false;
      editionButton.addEventListener('click', () => {
        controls.closePanels();
        printer.printEdition().catch(() => {});   // an article that fails says so itself ('error')
      });
      return printer;
    });
    // What the other articles need (faces, patterns) goes with the bundle when pwa.js keeps it offline, which it does
    // once the page is ready.
    return viewer.bundleFiles().then(keepAlso, () => {}).then(() => setState('ready'));
  }

  // The bundle holds no article of the id asked for: the error names it (viewer.js), and the bundle's articles are
  // listed under it to go on from.
  function offerArticles() {
    const nav = Object.assign(document.createElement('nav'), { className: 'galley-articles-list' });
    nav.setAttribute('aria-label', 'Articles in this bundle');
    const list = document.createElement('ol');
    list.append(...contents.listItems(viewer.articles, null));
    nav.append(list);
    errorEl.append(nav);
  }

  function show(shownPromise) {
    shownPromise.then(articleReady).catch((e) => {
      if (e?.unknownArticle !== undefined && viewer.articles.length) offerArticles();
      /* otherwise shown by the 'error' listener */
    }).finally(() => { setUpImport().catch(() => {}); });
  }

  // Importing a reader's own file (file-import.js: the Open button, dropping, the installed app's launches), set up
  // once the page's first article is shown or has failed: like print.js, not on the first view's path (nor in its
  // bytes). The page the installed app opens for a file (?open-file) sets it up at once, and shows that file.
  const importNote = document.getElementById('galley-import-note');
  importNote.querySelector('button').addEventListener('click', () => { importNote.hidden = true; });
  let fileImport = null;
  function setUpImport() {
    fileImport ||= import('./file-import.js').then((m) => ({ ...m, ...m.setupFileImport({
      button: document.getElementById('galley-open-button'),
      onStart(name) {
        importNote.hidden = true;
        setState('loading');
        statusEl.textContent = `Importing ${name}…`;
      },
      onImported({ name, bytes, report }) {
        keepPosition();
        shown = null;
        positionBundle = m.localBaseUrl(name);
        for (const w of report.warnings) console.warn(`${name}: ${w}`);
        show(viewer.loadBundle(bytes, { baseUrl: positionBundle, position: positionFor(null) }).then((detail) => {
          importNote.firstElementChild.textContent = m.importImages(name, report.localImages);
          importNote.hidden = !report.localImages.length;
          document.documentElement.dataset.galleyImported = name;   // what is shown: not the page's ?bundle= (pwa.js)
          return detail;
        }));
      },
      onError: (title, lines) => showError(title, lines),
    }) }));
    return fileImport;
  }

  const showPageBundle = () =>
    show(viewer.loadBundle(bundleUrl, { article: articleIdOfPage(), position: positionFor(headingOfPage()) }));
  if (opensLaunchedFile()) {
    setUpImport().then(async (importer) => {
      const file = await importer.launchedFile();
      if (file) importer.importFile(file);
      else showPageBundle();
    });
  } else {
    showPageBundle();
  }

  let saveTimer = 0;
  window.addEventListener('scroll', () => {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(keepPosition, 400);
  }, { passive: true });
  window.addEventListener('pagehide', keepPosition);
  // Back and forward: to another article (pushState entries of ?article=), or between headings reached from the
  // contents (pushState entries scroll nowhere by themselves).
  window.addEventListener('popstate', () => {
    const articles = viewer.articles;
    if (!articles.length) return;
    const id = articleIdOfPage() ?? articles[0].id;
    if (id !== viewer.article?.id) goToArticle(id, { push: false });
    else if (location.hash) viewer.scrollToHeading(headingOfPage());
  });
}

main();
