// early-start.js — the hosted page's viewer started before the page's other modules arrive (index.html runs it
// first; app.js hands it to createViewer as options.early). What the first frame waits for longest begins here: the
// wasm's streaming compile, the worker with the canvas (its WebGL2 context made at once) and the compiled wasm, and
// the page's bundle, fetched and parsed in the worker. Without it those waited for app.js and the fourteen modules it
// imports, which arrive last, queued behind the wasm and the faces on the browser's few connections to the server.
// The viewer takes over the connection as it is (the messages sent here are counted in it) and the bundle's parse
// (loadBundle of the same URL); whatever this could not start (no worker can draw here: ?thread=main, ?renderer=dom,
// no OffscreenCanvas) viewer.js starts as it would without it.
import { compileWasm, fetchBytes, firstScreen, startWorker, workerDrawingPossible } from './core-start.js';
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
  const early = { canvas, wasmCompiled: compileWasm(), core: null, bundle: null };
  early.wasmCompiled.catch(() => {});   // the viewer reports it
  if (!workerDrawingPossible(pageViewerOptions())) return early;
  early.core = startWorker(canvas, early.wasmCompiled);
  if (!opensLaunchedFile()) {
    // Parsed in the worker once it has started; if it did not (no WebGL2 there), the viewer starts the core again
    // elsewhere and loads the bytes there.
    const url = bundleUrlOfPage();
    const bytes = fetchBytes(url, 'Bundle');
    const container = document.getElementById('galley-document');
    const screen = container ? firstScreen(canvas, container) : null;
    const loaded = early.core.started.then(() => bytes)
      .then((b) => early.core.connection.request('load', { bytes: b, screen }, [b.buffer]));
    bytes.catch(() => {});
    loaded.catch(() => {});
    early.bundle = { url, bytes, loaded };
  }
  return early;
}

let early = start();

// The early start, once: null when there was none (no #galley-canvas), or it was taken.
export function takeEarlyStart() {
  const taken = early;
  early = null;
  return taken;
}
