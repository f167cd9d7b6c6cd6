// core-start.js — how the viewer's core is started, for viewer.js and for the hosted page's early start
// (early-start.js), which begins it before the page's other modules have arrived: the wasm compiled while it streams
// in, the worker given the canvas and the compiled wasm, the messages to it counted (createCoreConnection). Nothing
// here runs on import.
import { LAYOUT_OPS } from './viewer-core.js';

export const ASSET_BASE = new URL('./', import.meta.url);
// A face's file (faces.js's SLICES[slice].files[style]) and a pattern file (patterns.js's PATTERN_FILES[name]).
export const faceUrl = (file) => new URL(`fonts/${file}.ttf`, ASSET_BASE);
export const patternsUrl = (file) => new URL(`hyphen/${file}`, ASSET_BASE);

// Every article's faces, by style (faces.js's FACES), in the first slice: body, title, byline. index.html preloads
// their files, the early start sends them to the core, the viewer fetches the others when an article asks for them.
export const FIRST_FACE_STYLES = ['Regular', 'Bold', 'Sans'];
// A style's index in faces.js's FACES (C++'s FontStyle), and FIRST_FACE_STYLES' (their slots in the first slice).
// FACES is passed in, not imported: the early start's first modules do not wait for faces.js.
export const styleIndex = (faces, style) => faces.findIndex((face) => face.style === style);
export const firstFaceSlots = (faces) => FIRST_FACE_STYLES.map((style) => styleIndex(faces, style));

// init: fetch's options (the early start asks for the bundle with priority 'high').
export async function fetchBytes(url, what, init) {
  let response;
  try {
    response = await fetch(url, init);
  } catch (e) {
    throw new Error(`${what} ${url}: ${e.message}`);
  }
  if (!response.ok) throw new Error(`${what} ${url}: HTTP ${response.status} ${response.statusText}`.trim());
  return new Uint8Array(await response.arrayBuffer());
}

// The wasm, compiled while it streams in (index.html preloads it with these same fetch options), once a page: the
// worker and this thread both instantiate it from the compiled module. A server that sends it as another type than
// application/wasm gets it compiled from its bytes, with a warning (clean-load.test.mjs fails on that warning).
// Marks galley-wasm-ready.
const WASM_URL = new URL('galley-core.wasm', ASSET_BASE);
export function compileWasm() {
  const compiled = WebAssembly.compileStreaming(fetch(WASM_URL, { credentials: 'same-origin' })).catch(async (e) => {
    console.warn(`Galley: ${WASM_URL.pathname} could not be compiled as it streamed in (${e.message}): compiling it whole`);
    return WebAssembly.compile(await fetchBytes(WASM_URL, 'Viewer'));
  });
  compiled.then(() => performance.mark('galley-wasm-ready'), () => {});
  return compiled;
}

// Requests and messages to the core (viewer-core.js's protocol), wherever it runs: post(message, transfer) hands one
// to it; deliver(message) takes each of its replies and events. Events go to `onEvent`, which its owner may set
// later (the early start has none yet): those that come before are kept for it, in order.
export function createCoreConnection(post, onEvent = null) {
  let nextId = 1;
  const pending = new Map();
  const early = [];
  let handler = onEvent;
  return {
    sent: 0,         // messages sent so far: the core's 'complete' says up to which one it took into account
    layoutSent: 0,   // the count at the last that may change the layout (LAYOUT_OPS)
    count(op) {
      this.sent++;
      if (LAYOUT_OPS.has(op)) this.layoutSent = this.sent;
    },
    send(op, args = {}, transfer = []) { this.count(op); post({ op, ...args }, transfer); },
    request(op, args = {}, transfer = []) {
      this.count(op);
      return new Promise((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject });
        post({ op, id, ...args }, transfer);
      });
    },
    set onEvent(fn) {
      handler = fn;
      for (const message of early.splice(0)) fn(message);
    },
    deliver(message) {
      if (!('reply' in message)) {
        if (handler) handler(message); else early.push(message);
        return;
      }
      const waiting = pending.get(message.reply);
      pending.delete(message.reply);
      if ('error' in message) waiting.reject(Object.assign(new Error(message.error), { code: message.code }));
      else waiting.resolve(message.value);
    },
    // The worker itself failed (its scripts did not load): every request waiting is answered with that.
    failAll(error) {
      for (const waiting of pending.values()) waiting.reject(error);
      pending.clear();
    },
  };
}

// Sized to what galley_set_view will ask for, so that the drawing buffer is allocated once.
export function sizeCanvas(canvas) {
  const dpr = window.devicePixelRatio || 1;
  canvas.width = Math.round(canvas.clientWidth * dpr) || canvas.width;
  canvas.height = Math.round(canvas.clientHeight * dpr) || canvas.height;
}

// What the window shows of an article set in `canvas` inside `container`, as the core's faces op takes it: the
// column's width and how far down the article the window reaches (CSS px from the container's top).
export function firstScreen(canvas, container) {
  const containerTop = container.getBoundingClientRect().top + window.scrollY;
  return { width: canvas.clientWidth, screenBottom: Math.max(0, window.scrollY - containerTop) + window.innerHeight };
}

// Whether the core may run in a worker drawing on the canvas: the browser can hand a canvas to a worker. Whether that
// worker then gets a WebGL2 context is known only there (viewer-core.js's start says 'no-webgl2').
// options: {renderer: 'dom' | undefined, thread: 'main' | undefined}, as createViewer takes them.
export function workerDrawingPossible(options) {
  return options.renderer !== 'dom' && options.thread !== 'main' && typeof Worker === 'function'
    && typeof OffscreenCanvas === 'function' && 'transferControlToOffscreen' in HTMLCanvasElement.prototype;
}

// The core in a worker drawing on `canvas` (which is the worker's from now on): the canvas goes to it at once, so
// that it makes its WebGL2 context while the wasm compiles here; then the compiled wasm. Returns {worker,
// connection, started}: `started` is the start request's promise, rejected with code 'no-webgl2' (the worker got
// no WebGL2 context) or 'no-worker' (its scripts did not load).
export function startWorker(canvas, wasmCompiled) {
  sizeCanvas(canvas);
  const offscreen = canvas.transferControlToOffscreen();
  const worker = new Worker(new URL('./viewer-core-worker.js', import.meta.url), { type: 'module' });
  performance.mark('galley-worker-created');
  const connection = createCoreConnection((m, transfer) => worker.postMessage(m, transfer));
  worker.onmessage = (e) => connection.deliver(e.data);
  worker.onerror = (e) => {
    e.preventDefault();
    connection.failAll(Object.assign(new Error(e.message || 'the worker did not start'), { code: 'no-worker' }));
  };
  connection.send('canvas', { canvas: offscreen }, [offscreen]);
  const started = wasmCompiled.then((wasm) => connection.request('start', { wasm, renderer: 'webgl2' }));
  started.catch(() => {});   // the viewer takes it
  return { worker, connection, started };
}
