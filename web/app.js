// app.js — Galley's page loader: fetches the wasm core, Galley's own fonts and the bundle in parallel, hands them to
// C++, and drives frames. Frames are requested only when something changed (load, scroll, resize, zoom): an idle
// page draws nothing.
//
// The page scrolls natively over #galley-document, a block as tall as the article holding the transparent text
// layer (selection, copy, find, screen readers); the fixed canvas draws the visible slice.
import createGalleyModule from './galley-core.js';

const FONT_FILES = ['NotoSerif-Regular', 'NotoSerif-Italic', 'NotoSerif-Bold', 'NotoSerif-BoldItalic',
                    'NotoSans-Regular', 'NotoSans-Bold'];
const CANVAS = '#galley-canvas';
const DEFAULT_BUNDLE = 'bundles/sample.json';

const canvas = document.querySelector(CANVAS);
const documentEl = document.getElementById('galley-document');
const statusEl = document.getElementById('galley-status');
const errorEl = document.getElementById('galley-error');

function setState(state) { document.documentElement.dataset.galley = state; }

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

async function fetchBytes(url, what) {
  let response;
  try {
    response = await fetch(url);
  } catch (e) {
    throw new Error(`${what} ${url}: ${e.message}`);
  }
  if (!response.ok) throw new Error(`${what} ${url}: HTTP ${response.status} ${response.statusText}`.trim());
  return new Uint8Array(await response.arrayBuffer());
}

// Copies bytes into the wasm heap for one call; C++ copies what it keeps.
function withBytes(mod, bytes, fn) {
  const ptr = mod._malloc(Math.max(bytes.length, 1));
  mod.HEAPU8.set(bytes, ptr);
  try { return fn(ptr, bytes.length); } finally { mod._free(ptr); }
}

function withString(mod, s, fn) {
  return withBytes(mod, new TextEncoder().encode(s + '\0'), (ptr) => fn(ptr));
}

const ROLE_TAG = { title: 'h1', subtitle: 'p', byline: 'p', paragraph: 'p', quote: 'blockquote', pullquote: 'aside',
                   list: 'li', caption: 'figcaption', attribution: 'p', marker: null };

// One element per block (headings by level, paragraphs, list items...), each holding its lines as absolutely placed,
// transparent spans stretched to the drawn width: PDF.js's approach.
function buildTextLayer(lines) {
  // A word broken across lines ("accor-" / "dance") goes whole into the first line's span, so that find, copy and
  // screen readers see "accordance": absolutely placed spans are blocks, and blocks would split the word.
  lines = lines.map((l) => ({ ...l }));
  for (let i = 0; i + 1 < lines.length; i++) {
    if (!lines[i].iw || lines[i + 1].b !== lines[i].b) continue;
    const next = lines[i + 1];
    const cut = next.t.indexOf(' ');
    lines[i].t += cut < 0 ? next.t : next.t.slice(0, cut);
    lines[i].hy = false;
    next.t = cut < 0 ? '' : next.t.slice(cut + 1);
    if (cut < 0) lines[i].iw = next.iw; else lines[i].iw = false;
  }
  const frag = document.createDocumentFragment();
  const measure = document.createElement('canvas').getContext('2d');
  let blockEl = null, blockKey = null;
  for (const line of lines) {
    if (line.r === 'marker') continue;
    const key = `${line.b}:${line.r}:${line.b < 0 ? line.y : ''}`;
    const sameBlock = key === blockKey && line.r !== 'list';
    if (!sameBlock || (line.r === 'list' && blockEl && blockEl.dataset.done)) {
      const tag = line.r === 'heading' ? `h${Math.min(6, line.l + 1)}` : (ROLE_TAG[line.r] || 'p');
      blockEl = document.createElement(tag);
      blockEl.className = `block ${line.r}`;
      frag.append(blockEl);
      blockKey = key;
    }
    const span = document.createElement('span');
    span.className = 'line';
    // Copy and find see the source text: no inserted hyphens, no space where a line breaks inside a word.
    span.textContent = line.t + (line.last || line.iw ? '' : ' ');
    const family = line.r === 'byline' || line.r === 'caption' || line.r === 'attribution' ? 'Noto Sans' : 'Noto Serif';
    measure.font = `${line.s}px "${family}"`;
    const natural = measure.measureText(line.t + (line.hy ? '-' : '')).width || 1;
    span.style.cssText = `left:${line.x}px;top:${line.y}px;font-size:${line.s}px;height:${line.h}px;` +
                         `line-height:${line.h}px;font-family:"${family}";transform:scaleX(${line.w / natural})`;
    blockEl.append(span);
    if (line.r === 'list' && line.last) blockEl.dataset.done = '1';
  }
  documentEl.replaceChildren(frag);
}

async function main() {
  setState('loading');
  const params = new URLSearchParams(location.search);
  const bundleUrl = new URL(params.get('bundle') || DEFAULT_BUNDLE, location.href).href;

  const modulePromise = createGalleyModule();
  const fontPromises = FONT_FILES.map((name) => fetchBytes(`fonts/${name}.ttf`, 'Font'));
  const hyphenPromise = fetchBytes('hyphen/hyph_en_US.dic', 'Hyphenation patterns').catch(() => null);
  const bundlePromise = fetchBytes(bundleUrl, 'Bundle');

  let mod, fonts;
  try {
    [mod, fonts] = await Promise.all([modulePromise, Promise.all(fontPromises)]);
  } catch (e) {
    showError('Galley could not start', [String(e.message || e)]);
    return;
  }
  if (withString(mod, CANVAS, (p) => mod._galley_init(p)) !== 0) {
    showError('Galley could not start', ['WebGL2 is not available in this browser.']);
    return;
  }
  fonts.forEach((bytes, i) => {
    withBytes(mod, bytes, (p, n) => mod._galley_add_font(i, p, n));
    // The same faces, for the text layer's measurements.
    document.fonts.add(new FontFace(FONT_FILES[i].startsWith('NotoSans') ? 'Noto Sans' : 'Noto Serif', bytes,
      { style: FONT_FILES[i].includes('Italic') ? 'italic' : 'normal', weight: FONT_FILES[i].includes('Bold') ? '700' : '400' }));
  });
  const hyphen = await hyphenPromise;
  if (hyphen) withBytes(mod, hyphen, (p, n) => mod._galley_set_hyphenation(p, n));

  let bundle;
  try {
    bundle = await bundlePromise;
  } catch (e) {
    showError('The article could not be loaded', [String(e.message || e)]);
    return;
  }
  const ok = withBytes(mod, bundle, (p, n) => mod._galley_load_bundle(p, n));
  const result = JSON.parse(mod.UTF8ToString(mod._galley_result()));
  for (const w of result.warnings) console.warn(`${bundleUrl}: ${w}`);
  if (!ok) {
    showError(`This bundle is not valid: ${bundleUrl}`, result.errors);
    return;
  }
  document.title = result.title;

  let framePending = false, firstFrame = true;
  const requestFrame = () => {
    if (framePending) return;
    framePending = true;
    requestAnimationFrame(() => {
      framePending = false;
      mod._galley_set_scroll(window.scrollY);
      mod._galley_frame();
      if (firstFrame) {
        firstFrame = false;
        performance.mark('galley-first-frame');
        statusEl.textContent = '';
        setState('ready');
      }
    });
  };
  const updateView = () => {
    const dpr = window.devicePixelRatio || 1;
    withString(mod, CANVAS, (p) => mod._galley_set_view(p, window.innerWidth, window.innerHeight, dpr));
    documentEl.style.height = `${mod._galley_document_height()}px`;
    buildTextLayer(JSON.parse(mod.UTF8ToString(mod._galley_text_layer())));
    requestFrame();
  };
  let dprQuery;
  const watchDpr = () => {
    dprQuery = matchMedia(`(resolution: ${window.devicePixelRatio}dppx)`);
    dprQuery.addEventListener('change', () => { watchDpr(); updateView(); }, { once: true });
  };
  watchDpr();
  window.addEventListener('resize', updateView);
  window.addEventListener('scroll', requestFrame, { passive: true });
  updateView();
}

main().catch((e) => showError('Galley stopped', [String(e && e.stack || e)]));
