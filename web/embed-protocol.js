// embed-protocol.js — the messages between <galley-viewer> (embed.js, running in the host page) and the viewer frame
// (embed.html + embed-frame.js, on Galley's origin). Both sides import this file, so they agree on names and shapes;
// docs/embedding.md specifies the protocol for anyone who drives the frame without embed.js.
//
// Every message is a plain object { protocol: 'galley-embed', version, channel, type, ...fields }. A receiver
// checks the sender's exact origin and window first (in its own code), then parseMessage() here: anything that is
// not a well-formed message of a type it accepts, for its channel and version, is ignored without a reply.

export const PROTOCOL = 'galley-embed';
export const VERSION = 1;
// Versions this file understands; the frame offers them in 'hello', the element answers with the one it picked.
export const SUPPORTED_VERSIONS = [1];

const isString = (v) => typeof v === 'string';
const isRequestId = (v) => Number.isSafeInteger(v) && v > 0;
const isPlainObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const isSize = (v) => typeof v === 'number' && Number.isFinite(v) && v >= 0;

// What the frame sends to the host page.
export const FRAME_MESSAGES = {
  // Handshake: the frame is listening and speaks these versions.
  hello: (m) => Array.isArray(m.versions) && m.versions.every(Number.isSafeInteger),
  // An article is drawn: its title, headings ({id, level, text}) and word count; its id (article), and the bundle's
  // articles ({id, title, authors, byline, lang, dir} each, in bundle order).
  ready: (m) => isString(m.title) && Array.isArray(m.headings) && (m.article === undefined || isString(m.article)) &&
                (m.articles === undefined || Array.isArray(m.articles)),
  // The article could not be shown: a title and the reasons, one a line.
  error: (m) => isString(m.title) && Array.isArray(m.lines) && m.lines.every(isString),
  // The article's laid-out size in CSS px (the height is what an auto-height host sizes the frame to).
  resize: (m) => isSize(m.width) && isSize(m.height),
  // The reader followed a link (kind 'link', href absolute) or went to a heading (kind 'heading', href '#id').
  navigate: (m) => isString(m.href) && isString(m.kind),
  // After each article: whether this viewer keeps it for reading offline (available), and if not, why (reason):
  // browsers that give a third-party frame no service worker or no storage say no here.
  offline: (m) => typeof m.available === 'boolean' && (m.reason === undefined || isString(m.reason)),
  // The answer to a host request: ok with a result, or not ok with an error {title, lines}.
  response: (m) => isRequestId(m.request) && typeof m.ok === 'boolean',
};

// What the host page sends to the frame. Requests carry an id the frame answers with 'response'.
export const HOST_MESSAGES = {
  // Handshake: the host heard 'hello' and will speak `version`.
  welcome: (m) => SUPPORTED_VERSIONS.includes(m.version),
  // Open a bundle: an absolute http(s) URL, or a bundle object (images then resolve against baseUrl); the article
  // whose id is `article`, else the first.
  load: (m) => isRequestId(m.request) && (isString(m.bundle) || isPlainObject(m.bundle)) &&
               (m.baseUrl === undefined || isString(m.baseUrl)) && (m.article === undefined || isString(m.article)),
  // Show another article of the bundle shown, by id (the bundle is not fetched again).
  'show-article': (m) => isRequestId(m.request) && isString(m.id),
  'scroll-to-heading': (m) => isRequestId(m.request) && isString(m.id),
  // Reader settings, as settings.js knows them: size, family, width, spacing, align, theme.
  'set-settings': (m) => isRequestId(m.request) && isPlainObject(m.settings),
  // Print the article (the frame's own window.print(): print.js sets it for paper), or with `edition: true` every
  // article of the bundle. A host page's print shows the frame only as the box it fills on the host's page.
  print: (m) => isRequestId(m.request) && (m.edition === undefined || typeof m.edition === 'boolean'),
};

export function makeMessage(channel, type, fields = {}) {
  return { ...fields, protocol: PROTOCOL, version: VERSION, channel, type };
}

// Returns the message if it is one of `accepted` (FRAME_MESSAGES or HOST_MESSAGES) for this channel, else null.
// 'hello' is accepted whatever its version (versions are negotiated by it); everything else must be VERSION.
export function parseMessage(data, accepted, channel) {
  if (!isPlainObject(data) || data.protocol !== PROTOCOL || data.channel !== channel || !isString(data.type)) {
    return null;
  }
  if (!Object.hasOwn(accepted, data.type)) return null;
  if (data.type !== 'hello' && data.version !== VERSION) return null;
  try {
    return accepted[data.type](data) ? data : null;
  } catch {
    return null;
  }
}

// An origin as the frame receives it in its URL ('https://news.example'), or null if it is not exactly one.
export function exactOrigin(text) {
  if (!isString(text)) return null;
  try {
    const url = new URL(text);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === text ? text : null;
  } catch {
    return null;
  }
}

// A random channel name: ties the messages of one element to its own frame (crypto.randomUUID needs a secure
// context; hosts may not be one).
export function newChannel() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
