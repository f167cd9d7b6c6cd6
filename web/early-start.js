// early-start.js — the hosted page's viewer started before the page's other modules arrive (index.html runs it
// first; app.js hands it to createViewer as options.early). What the first frame waits for longest begins here: the
// wasm's streaming compile, the worker with the canvas (its WebGL2 context made at once) and the compiled wasm, and
// the page's bundle, fetched and parsed in the worker; then what the worker needs to make the first frame ready
// (sendFirstView). Without it those waited for app.js and the fourteen modules it
// imports, which arrive last, queued behind the wasm and the faces on the browser's few connections to the server.
// The viewer takes over the connection as it is (the messages sent here are counted in it) and the bundle's parse
// (loadBundle of the same URL); whatever this could not start (no worker can draw here: ?thread=main, ?renderer=dom,
// no OffscreenCanvas) viewer.js starts as it would without it.
import { compileWasm, faceUrl, fetchBytes, firstFaceSlots, firstScreen, patternsUrl, startWorker,
         workerDrawingPossible } from './core-start.js';
import { bundleUrlOfPage, opensLaunchedFile } from './bundle-url.js';

// How the hosted page asks its viewer to draw, from its address (app.js passes the same to createViewer):
// ?renderer=dom, the view a browser without WebGL2 gets, to try it in any browser; ?thread=main, the core on the
// page's thread, as where a worker cannot draw.
export function pageViewerOptions(loc = location) {
  const params = new URLSearchParams(loc.search);
  return {
    renderer: params.get('renderer') === 'dom' ? 'dom' : undefined,
    thread: params.get('thread') === 'main' ? 'main' : undefined,
  };
}

function start() {
  const canvas = document.getElementById('galley-canvas');
  if (!canvas) return null;
  const early = { canvas, wasmCompiled: compileWasm(), core: null, bundle: null, taken: false,
                  fetched: { faces: new Map(), patterns: new Map() }, sent: { faces: [], patterns: null } };
  early.wasmCompiled.catch(() => {});   // the viewer reports it
  if (!workerDrawingPossible(pageViewerOptions())) return early;
  early.core = startWorker(canvas, early.wasmCompiled);
  const firstView = sendFirstView(early);
  firstView.catch(() => {});   // what it could not send, the viewer sends
  if (!opensLaunchedFile()) {
    // Parsed in the worker once it has started; if it did not (no WebGL2 there), the viewer starts the core again
    // elsewhere and loads the bytes there.
    const url = bundleUrlOfPage();
    // Ahead of the page's modules and faces on the browser's few connections to the server, which were asked for
    // first (index.html's preloads): measured, the sample's bundle arrived 85 ms sooner (medians of 10 cold loads).
    const bytes = fetchBytes(url, 'Bundle', { priority: 'high' });
    const container = document.getElementById('galley-document');
    const screen = container ? firstScreen(canvas, container) : null;
    // Sent right after the start request (startWorker posts it once the wasm is compiled), not after its reply: the
    // worker parses it as soon as its core has started, with no round trip through this thread, which is busy then
    // with the page's modules. Copied, not transferred: a core that cannot start (no WebGL2 in the worker) answers it
    // as not taken, and the viewer loads the same bytes in the core it starts instead.
    const loaded = early.wasmCompiled.then(() => bytes)
      .then((b) => early.core.connection.request('load', { bytes: b, screen }));
    bytes.catch(() => {});
    loaded.catch(() => {});
    early.bundle = { url, bytes, loaded };
  }
  return early;
}

// What the first frame needs besides the bundle, sent right after the core's start, so that the worker makes that frame
// ready (viewer-core.js's prepare: laid out, its glyphs rasterised) while the page's other modules still arrive and
// run: the reader's settings as layout, the theme's colours, the view, the faces every article uses and the English
// patterns. Its modules are imported here, not above, so as not to hold the worker's start. Once the viewer has taken
// the early start over nothing more is sent from here (`taken`): what was, it does not send again (early.sent), and
// what was fetched, it does not fetch again (early.fetched). The sans setting needs faces not fetched here: then only
// the faces and patterns go, and the viewer lays out.
async function sendFirstView(early) {
  const [{ FACES, SLICES }, { EARLY_PATTERNS, PATTERN_FILES }, { pageSettings, layoutArgs },
         { DARK_SCHEME, THEMES, coreColors, resolveThemeName }] = await Promise.all(
    [import('./faces.js'), import('./patterns.js'), import('./settings.js'), import('./themes.js')]);
  const styles = firstFaceSlots(FACES);
  for (const style of styles) early.fetched.faces.set(style, fetchBytes(faceUrl(SLICES[0].files[style]), 'Font'));
  const patterns = fetchBytes(patternsUrl(PATTERN_FILES[EARLY_PATTERNS]), 'Hyphenation patterns').catch(() => null);
  early.fetched.patterns.set(EARLY_PATTERNS, patterns);
  const settings = pageSettings();
  const { connection } = early.core;
  await early.wasmCompiled;   // the start request is posted by then: these come after it
  if (early.taken) return;
  const theme = THEMES[resolveThemeName(settings.theme, matchMedia(DARK_SCHEME).matches)];
  connection.send('theme', { colors: coreColors(theme) });
  if (settings.family === 'serif') {
    const { canvas } = early;
    connection.send('layout', { args: layoutArgs(settings, canvas.clientWidth) });
    connection.send('view', { width: canvas.clientWidth, height: canvas.clientHeight, dpr: window.devicePixelRatio || 1 });
  }
  for (const style of styles) {
    early.fetched.faces.get(style).then((bytes) => {
      if (early.taken) return;
      connection.send('addFont', { style, slice: 0, bytes });
      early.sent.faces.push(style);
    }, () => {});
  }
  const bytes = await patterns;
  if (!bytes || early.taken) return;
  const reply = connection.request('hyphenation', { bytes });
  reply.catch(() => {});   // a core that did not start: the viewer sends them to the one it starts instead
  early.sent.patterns = { file: EARLY_PATTERNS, reply };
}

let early = start();

// The early start, once: null when there was none (no #galley-canvas), or it was taken.
export function takeEarlyStart() {
  const taken = early;
  early = null;
  if (taken) taken.taken = true;
  return taken;
}
