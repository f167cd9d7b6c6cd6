// embed-frame.js — the viewer inside embed.html, the page <galley-viewer> (embed.js) puts in an iframe, and that
// publishers may also frame themselves:
//
//   embed.html?bundle=URL&article=ID&theme=dark&size=20&family=sans&width=wide&spacing=loose&align=left&auto-height=1
//             &parent=https://host.example#channel=NAME
//
// No reader chrome, no stored settings (settings come from the URL and from the host), the page fills its frame.
// With parent= and channel=, it speaks the embed protocol (embed-protocol.js, docs/embedding.md) with that origin
// only: messages go to exactly that origin, and only messages from it, from the parent window, on this channel are
// read. Without them (or when framed by another origin than parent= says), it is just a viewer.
import { DEFAULT_BUNDLE } from './bundle-url.js';
import { createViewer } from './viewer.js';
import { settingsFromUrl, normalizeSettings } from './settings.js';
import { HOST_MESSAGES, SUPPORTED_VERSIONS, exactOrigin, makeMessage, parseMessage } from './embed-protocol.js';
import { keepAlso, keepBundle, readerPaused, registerWorker, reloadWhenAnotherBuildTakesOver, unavailableReason }
  from './offline-client.js';

const params = new URLSearchParams(location.search);
const channel = new URLSearchParams(location.hash.slice(1)).get('channel') || '';
const autoHeight = params.get('auto-height') === '1';

// The canvas is looked up when needed: the viewer puts a new one in its place if its worker cannot draw on it.
const canvasEl = () => document.getElementById('galley-canvas');
const documentEl = document.getElementById('galley-document');
const statusEl = document.getElementById('galley-status');
const errorEl = document.getElementById('galley-error');

function setState(state) { document.documentElement.dataset.galley = state; }

function showError({ title, lines }) {
  errorEl.replaceChildren(Object.assign(document.createElement('h1'), { textContent: title }),
    ...lines.map((line) => Object.assign(document.createElement('div'), { textContent: line })));
  errorEl.hidden = false;
  statusEl.textContent = '';
  canvasEl().hidden = true;
  documentEl.replaceChildren();
  documentEl.style.height = '0';
  setState('error');
}

// The host's origin, if this frame may talk to it: parent= must be an exact origin, and where the browser tells us
// who framed us (location.ancestorOrigins), it must be that one. A page that lies about parent= would get nothing
// anyway (postMessage drops messages for another origin); this just keeps the frame quiet.
function hostOrigin() {
  if (window.parent === window || !channel) return null;
  const claimed = exactOrigin(params.get('parent'));
  const framedBy = location.ancestorOrigins?.[0];
  if (!claimed || (framedBy !== undefined && framedBy !== claimed)) return null;
  return claimed;
}

// The link to the host page: an outbox held until the handshake completes, then messages to one origin only.
function connect(origin, handlers) {
  let welcomed = false;
  const outbox = [];
  const post = (type, fields) => {
    const message = makeMessage(channel, type, fields);
    if (welcomed) window.parent.postMessage(message, origin);
    else outbox.push(message);
  };
  window.addEventListener('message', (event) => {
    if (event.origin !== origin || event.source !== window.parent) return;
    const message = parseMessage(event.data, HOST_MESSAGES, channel);
    if (!message) return;
    if (message.type === 'welcome') {
      if (welcomed) return;
      welcomed = true;
      for (const queued of outbox.splice(0)) window.parent.postMessage(queued, origin);
      return;
    }
    if (!welcomed) return;   // requests only after the handshake
    handlers[message.type]?.(message);
  });
  // 'hello' goes out at once: embed.js listens before it creates the frame.
  window.parent.postMessage(makeMessage(channel, 'hello', { versions: SUPPORTED_VERSIONS }), origin);
  return { post };
}

// Reading offline in a frame: the worker, where the browser gives one to a frame of another site than the page's
// (its storage then partitioned by the host's site). Resolves to null when it is there, else to why not.
function startWorker() {
  const reason = unavailableReason();
  if (reason) return Promise.resolve(reason);
  reloadWhenAnotherBuildTakesOver();
  return registerWorker().then((registration) => (registration ? null : 'the frame went away while registering'),
                               (e) => `the browser refused this frame a service worker (${e.message || e})`);
}

// After each article: keep its bundle (when it came by URL), with what all its articles need, and tell the host
// whether it reads offline.
async function offlineState(workerProblem, source, viewer) {
  const problem = await workerProblem;
  if (problem) return { available: false, reason: problem };
  if (typeof source !== 'string') return { available: false, reason: 'only bundles opened by URL are kept' };
  keepAlso(await viewer.bundleFiles());
  const result = await keepBundle(source);
  return result.offline ? { available: true } : { available: false, reason: result.reason || 'not kept' };
}

function httpUrl(text) {
  try {
    const url = new URL(text, location.href);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function main() {
  setState('loading');
  if (autoHeight) document.documentElement.classList.add('auto-height');
  const origin = hostOrigin();
  const viewer = createViewer(canvasEl(), documentEl, {
    settings: settingsFromUrl(location.search),
    themeRoot: document.documentElement,
  });
  // Replaced by the real link below when there is a host to talk to.
  let link = { post() {} };
  // Registered once the first article is ready and the reader has paused, or has failed (offline-client.js's
  // readerPaused says why).
  let firstSettled;
  const workerProblem = new Promise((resolve) => { firstSettled = resolve; })
    .then((ready) => (ready ? readerPaused() : null)).then(startWorker);
  let shown = null;   // what the last load() showed: a URL, or a bundle object
  let printing = null;

  viewer.on('error', (detail) => {
    firstSettled(false);
    showError(detail);
    link.post('error', { title: detail.title, lines: detail.lines });
    link.post('resize', { width: window.innerWidth, height: Math.ceil(errorEl.getBoundingClientRect().bottom + 48) });
  });
  let passingThrough = false;   // while a whole edition is set for print: its articles are not the host's news
  viewer.on('ready', ({ title, article }) => {
    if (passingThrough) return;
    firstSettled(true);
    errorEl.hidden = true;
    canvasEl().hidden = false;
    statusEl.textContent = '';
    document.title = title;
    setState('ready');
    // Printing from the frame (its context menu's Print, or the host calling the frame's print) gives the article
    // set for paper, as on the hosted page (print.js, loaded once the first article is laid out).
    printing ||= import('./print.js').then(({ setupPrinting }) => setupPrinting(viewer, { edition: {
      begin() { passingThrough = true; },
      end() { passingThrough = false; },
    } }));
    link.post('ready', { title, article, articles: viewer.articles, headings: viewer.headings, stats: viewer.stats });
    offlineState(workerProblem, shown, viewer).then((state) => link.post('offline', state),
      (e) => link.post('offline', { available: false, reason: String(e.message || e) }));
  });
  viewer.on('resize', ({ width, height }) => link.post('resize', { width, height: Math.ceil(height) }));
  viewer.on('navigate', ({ href, kind }) => link.post('navigate', { href, kind }));

  const answerOf = (detail) => ({ title: detail.title, article: detail.article, headings: viewer.headings,
                                   stats: viewer.stats });
  const load = (source, options) => {
    setState('loading');
    shown = typeof source === 'string' ? new URL(source, location.href).href : source;
    return viewer.loadBundle(source, options).then(answerOf);
  };

  if (origin) {
    const answer = (message, work) => {
      Promise.resolve().then(work).then(
        (result) => link.post('response', { request: message.request, ok: true, result }),
        (e) => link.post('response', { request: message.request, ok: false,
          error: { title: e.title || 'Galley', lines: e.lines || [String(e.message || e)] } }));
    };
    link = connect(origin, {
      load: (message) => answer(message, () => {
        const article = message.article;
        if (typeof message.bundle === 'string') {
          const url = httpUrl(message.bundle);
          if (!url) throw Object.assign(new Error('not an http(s) URL'), { title: 'The article could not be loaded' });
          return load(url, { article });
        }
        return load(message.bundle, { baseUrl: httpUrl(message.baseUrl || '') || undefined, article });
      }),
      'show-article': (message) => answer(message, () => {
        setState('loading');
        return viewer.showArticle(message.id).then(answerOf);
      }),
      'scroll-to-heading': (message) => answer(message, () => viewer.scrollToHeading(message.id)),
      'set-settings': (message) => answer(message, () => viewer.setSettings(normalizeSettings(message.settings))),
      print: (message) => answer(message, async () => {
        if (!printing) throw Object.assign(new Error('no article is ready yet'), { title: 'Nothing to print' });
        const printer = await printing;
        if (message.edition) await printer.printEdition();
        else printer.print();
        return true;
      }),
    });
  }

  const bundle = params.get('bundle');
  if (bundle !== null || !origin) {
    // ?bundle= relative to this page, or the sample when the page is opened alone.
    load(bundle || DEFAULT_BUNDLE, { article: params.get('article') ?? undefined }).catch(() => { /* shown and posted by the 'error' listener */ });
  } else {
    statusEl.textContent = '';   // the host will send a bundle
  }
}

main();
