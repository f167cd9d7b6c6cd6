// embed.js — <galley-viewer>, for pages on any origin that want to show a Galley article:
//
//   <script type="module" src="https://GALLEY-HOST/embed.js"></script>
//   <galley-viewer src="bundle.json" theme="dark" font-size="20"></galley-viewer>
//
// The element wraps an iframe of embed.html on Galley's origin (the origin this module was loaded from), so the
// viewer's WebGL canvas, wasm and listeners live in their own document and never touch the host page's keyboard,
// focus, styles or globals. Any number of elements per page, each with its own frame and channel.
//
// Attributes: src (a bundle URL, relative to the host page), article (the id of the bundle's article to show; the
//   first without it; changing it shows that article from the bundle already loaded), theme (auto|light|sepia|dark), font-size (14..28),
//   font (serif|sans), line-width (narrow|medium|wide), line-spacing (tight|normal|loose), align (auto|justify|left),
//   auto-height (the element grows to the article's height, up to 8192 px), label (the frame's accessible name).
// Methods: load(urlOrBundle, {baseUrl, article}) → Promise<{title, article, headings, stats}>, showArticle(id) →
//   Promise<{title, article, headings, stats}> (another article of the bundle shown), scrollToHeading(id) → Promise<bool>,
//   setSettings({...}) → Promise<settings>, print({edition}) → Promise<true> (the whole article, set for paper, from
//   the frame; with edition: true, every article of the bundle). Properties: articleTitle, articleId, articles ({id, title, authors, byline, lang, dir} each: a host page's
//   own contents list), headings.
// Events (CustomEvent, detail as in docs/embedding.md): ready, error, resize, navigate, offline ({available,
//   reason?}: whether the article is kept for reading offline in this browser, which may refuse a worker or storage
//   to a third-party frame).
import { FRAME_MESSAGES, VERSION, makeMessage, newChannel, parseMessage } from './embed-protocol.js';

const GALLEY_BASE = new URL('./', import.meta.url);
const GALLEY_ORIGIN = GALLEY_BASE.origin;
// Attribute → the viewer's setting (settings.js) and the frame's URL parameter of the same name.
const SETTING_ATTRIBUTES = { theme: 'theme', 'font-size': 'size', font: 'family', 'line-width': 'width',
                             'line-spacing': 'spacing', align: 'align' };
// A canvas as tall as the frame: WebGL's drawing buffers stop at 16384 device pixels in common browsers, which is
// 8192 CSS px at a device pixel ratio of 2. Longer articles scroll inside the frame.
const AUTO_HEIGHT_LIMIT = 8192;

const STYLE = `
:host { display: block; position: relative; height: 600px; contain: content; }
:host([auto-height]) { height: auto; }
:host([hidden]) { display: none; }
iframe { display: block; width: 100%; height: 100%; border: 0; background: transparent; }
:host([auto-height]) iframe { height: 320px; }
`;

class GalleyViewerElement extends HTMLElement {
  static get observedAttributes() {
    return ['src', 'article', 'label', 'auto-height', ...Object.keys(SETTING_ATTRIBUTES)];
  }

  #frame = null;
  #channel = '';
  #welcomed = false;
  #outbox = [];
  #requests = new Map();   // request id → {resolve, reject}
  #nextRequest = 1;
  #source = null;          // what is shown: an absolute URL or a bundle object, reloaded if the frame restarts
  #baseUrl = undefined;
  #article = null;         // the id of the article asked for (attribute, load, showArticle); null: the first
  #title = '';
  #shownArticle = '';      // the id of the article last ready
  #articles = [];
  #headings = [];
  #onMessage = (event) => this.#receive(event);

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    // A constructed sheet, not a <style> element: a host page's CSP without style-src 'unsafe-inline' allows it.
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(STYLE);
      root.adoptedStyleSheets = [sheet];
    } catch {
      root.append(Object.assign(document.createElement('style'), { textContent: STYLE }));
    }
  }

  get articleTitle() { return this.#title; }
  get headings() { return this.#headings.map((h) => ({ ...h })); }
  get articleId() { return this.#shownArticle; }
  get articles() { return this.#articles.map((a) => ({ ...a, authors: [...a.authors] })); }

  connectedCallback() {
    if (!this.#source && this.getAttribute('src')) this.#source = this.#absolute(this.getAttribute('src'));
    if (this.#article === null) this.#article = this.getAttribute('article');
    this.#start();
  }

  disconnectedCallback() { this.#stop(new Error('the element was removed')); }

  attributeChangedCallback(name, oldValue, value) {
    if (!this.#frame) return;   // before connection the frame's URL carries them all
    if (name === 'src') {
      // Compared with what is shown, not with the old attribute: load() may have shown something else since.
      if (value && this.#absolute(value) !== this.#source) {
        this.load(value, { article: this.getAttribute('article') ?? undefined })
          .catch(() => { /* reported by the 'error' event */ });
      }
    } else if (name === 'article') {
      // The bundle shown is kept: another of its articles, or its first when the attribute goes.
      const id = value ?? this.#articles[0]?.id;
      if (id !== undefined && id !== this.#article) this.showArticle(id).catch(() => { /* the 'error' event */ });
    } else if (oldValue === value) {
      return;
    } else if (name === 'label') {
      this.#frame.title = this.#label();
    } else if (name in SETTING_ATTRIBUTES && value !== null) {
      this.setSettings({ [SETTING_ATTRIBUTES[name]]: value }).catch(() => {});
    }
  }

  // A URL (relative to the host page, as src is) or a bundle object; baseUrl resolves an object's images.
  // article: the id of the bundle's article to show (else the first).
  load(bundle, { baseUrl, article } = {}) {
    if (typeof bundle === 'string') {
      this.#source = this.#absolute(bundle);
      this.#baseUrl = undefined;
    } else {
      this.#source = bundle;
      this.#baseUrl = this.#absolute(baseUrl || document.baseURI);
    }
    this.#article = article === undefined || article === null ? null : String(article);
    return this.#request('load', this.#loadFields());
  }

  // Another article of the bundle shown, by id.
  showArticle(id) {
    this.#article = String(id);
    return this.#request('show-article', { id: this.#article });
  }

  scrollToHeading(id) { return this.#request('scroll-to-heading', { id: String(id) }); }

  setSettings(settings) { return this.#request('set-settings', { settings: { ...settings } }); }

  print({ edition = false } = {}) { return this.#request('print', edition ? { edition: true } : {}); }

  #absolute(url) { return new URL(url, document.baseURI).href; }

  #label() { return this.getAttribute('label') || this.#title || 'Article'; }

  #loadFields() {
    return { bundle: this.#source, baseUrl: this.#baseUrl, ...(this.#article !== null && { article: this.#article }) };
  }

  #frameUrl() {
    const url = new URL('embed.html', GALLEY_BASE);
    if (typeof this.#source === 'string') url.searchParams.set('bundle', this.#source);
    if (typeof this.#source === 'string' && this.#article !== null) url.searchParams.set('article', this.#article);
    for (const [attribute, setting] of Object.entries(SETTING_ATTRIBUTES)) {
      const value = this.getAttribute(attribute);
      if (value !== null) url.searchParams.set(setting, value);
    }
    if (this.hasAttribute('auto-height')) url.searchParams.set('auto-height', '1');
    url.searchParams.set('parent', location.origin);
    // In the fragment: the channel never reaches a server log.
    url.hash = `channel=${this.#channel}`;
    return url.href;
  }

  #start() {
    this.#channel = newChannel();
    this.#welcomed = false;
    window.addEventListener('message', this.#onMessage);   // before the frame exists: its 'hello' comes at once
    const frame = document.createElement('iframe');
    frame.title = this.#label();
    // The frame may run scripts, fetch (same-origin to Galley), open links in new tabs and print (the print dialog
    // is a modal: allow-modals; the viewer opens no other, no alert, confirm or prompt); it may not navigate the host
    // page or submit forms.
    frame.setAttribute('sandbox',
      'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-modals');
    frame.setAttribute('referrerpolicy', 'strict-origin-when-cross-origin');
    frame.src = this.#frameUrl();
    this.#frame = frame;
    this.shadowRoot.append(frame);
    // A bundle object does not fit in a URL: it goes over the protocol once the frame said hello.
    if (this.#source !== null && typeof this.#source === 'object') {
      this.#request('load', this.#loadFields()).catch(() => {});
    }
  }

  #stop(reason) {
    window.removeEventListener('message', this.#onMessage);
    this.#frame?.remove();
    this.#frame = null;
    this.#outbox = [];
    for (const { reject } of this.#requests.values()) reject(reason);
    this.#requests.clear();
  }

  #post(type, fields) {
    const message = makeMessage(this.#channel, type, fields);
    if (this.#welcomed) this.#frame.contentWindow.postMessage(message, GALLEY_ORIGIN);
    else this.#outbox.push(message);
  }

  #request(type, fields) {
    if (!this.#frame) return Promise.reject(new Error('<galley-viewer> is not in the document'));
    const request = this.#nextRequest++;
    const answer = new Promise((resolve, reject) => this.#requests.set(request, { resolve, reject }));
    this.#post(type, { ...fields, request });
    return answer;
  }

  #receive(event) {
    // Exactly Galley's origin, exactly this element's frame, this element's channel: nothing else is read.
    if (!this.#frame || event.origin !== GALLEY_ORIGIN || event.source !== this.#frame.contentWindow) return;
    const message = parseMessage(event.data, FRAME_MESSAGES, this.#channel);
    if (!message) return;
    if (message.type === 'hello') { this.#handshake(message); return; }
    if (!this.#welcomed) return;
    switch (message.type) {
      case 'ready':
        this.#title = message.title;
        this.#shownArticle = message.article ?? '';
        this.#articles = (message.articles || []).filter((a) => a && typeof a.id === 'string').map((a) => ({
          id: a.id, title: String(a.title ?? ''), authors: Array.isArray(a.authors) ? a.authors.map(String) : [],
          byline: String(a.byline ?? ''), lang: String(a.lang ?? ''), dir: String(a.dir ?? '') }));
        this.#headings = message.headings.filter((h) => h && typeof h.id === 'string')
          .map(({ id, level, text }) => ({ id, level, text }));
        if (!this.getAttribute('label')) this.#frame.title = this.#label();
        this.#emit('ready', { title: message.title, article: this.#shownArticle, articles: this.articles,
                              headings: this.headings, stats: message.stats });
        break;
      case 'error':
        this.#emit('error', { title: message.title, lines: message.lines });
        break;
      case 'resize':
        if (this.hasAttribute('auto-height')) {
          this.#frame.style.height = `${Math.min(Math.max(message.height, 1), AUTO_HEIGHT_LIMIT)}px`;
        }
        this.#emit('resize', { width: message.width, height: message.height });
        break;
      case 'navigate':
        this.#emit('navigate', { href: message.href, kind: message.kind });
        break;
      case 'offline':
        this.#emit('offline', message.reason === undefined ? { available: message.available }
          : { available: message.available, reason: message.reason });
        break;
      case 'response': {
        const pending = this.#requests.get(message.request);
        if (!pending) return;
        this.#requests.delete(message.request);
        if (message.ok) pending.resolve(message.result);
        else pending.reject(Object.assign(new Error(message.error?.title || 'Galley'), message.error || {}));
        break;
      }
    }
  }

  #handshake(message) {
    if (!message.versions.includes(VERSION)) {
      this.#emit('error', { title: 'This Galley viewer speaks another embed protocol',
                            lines: [`frame: ${message.versions.join(', ')}; embed.js: ${VERSION}`] });
      return;
    }
    const frameWindow = this.#frame.contentWindow;
    frameWindow.postMessage(makeMessage(this.#channel, 'welcome', { version: VERSION }), GALLEY_ORIGIN);
    if (this.#welcomed) {
      // The frame started again (the reader reloaded it): it knows its URL's bundle, not what came later.
      if (this.#source !== null) this.#request('load', this.#loadFields()).catch(() => {});
      return;
    }
    this.#welcomed = true;
    for (const queued of this.#outbox.splice(0)) frameWindow.postMessage(queued, GALLEY_ORIGIN);
  }

  #emit(type, detail) { this.dispatchEvent(new CustomEvent(type, { detail })); }
}

// A page may load embed.js twice (two scripts, two bundlers): the first definition wins.
if (!customElements.get('galley-viewer')) customElements.define('galley-viewer', GalleyViewerElement);

export { GalleyViewerElement };
