// viewer-core-worker.js — viewer-core.js in a dedicated worker, drawing on the page canvas's OffscreenCanvas
// (transferControlToOffscreen): the WebGL2 context, the shader link, the bundle, layout and every frame happen here,
// never on the page's thread. viewer.js starts it and speaks viewer-core.js's messages to it.
//
// The context is made as soon as the canvas arrives, before the core's modules (galley-core.js, viewer-core.js) have
// loaded: on software GL it takes 100-200 ms, which then overlap their fetch, which a worker makes itself (the page's
// modulepreloads are not its). Messages that come meanwhile wait for the core, in order.
import { GL_ATTRIBUTES } from './gl-attributes.js';

const epochNow = () => performance.timeOrigin + performance.now();
const waiting = [];
let receive = (message) => waiting.push(message);
self.onmessage = (e) => {
  const message = e.data;
  if (message.op === 'canvas') {
    message.receivedAt = epochNow();
    try { message.canvas.getContext('webgl2', GL_ATTRIBUTES); } catch { /* galley_init says so */ }
    message.madeAt = epochNow();
  }
  receive(message);
};

const [{ default: createGalleyModule }, { createViewerCore }] =
  await Promise.all([import('./galley-core.js'), import('./viewer-core.js')]);

const frameChannel = new MessageChannel();
let pendingFrame = null;
frameChannel.port1.onmessage = () => { const fn = pendingFrame; pendingFrame = null; fn?.(); };

const core = createViewerCore({
  createGalleyModule,
  post: (message, transfer) => postMessage(message, transfer || []),
  // A frame is drawn in a task of its own as soon as something changed, not at the worker's next animation frame: the
  // canvas is committed when that task ends and shown at the compositor's next frame, a frame sooner than waiting for
  // an animation frame would (the page posts at most one scroll offset a frame, and the core draws once for all that
  // changed meanwhile: viewer-core.js's framePending).
  nextFrame: (fn) => { pendingFrame = fn; frameChannel.port2.postMessage(null); },
});
receive = (message) => core.receive(message);
for (const message of waiting.splice(0)) receive(message);
// For `galley bench browser` (tests/bench/browser-figures.mjs reads it through Playwright's worker handle): frames
// drawn so far and the wasm heap's size. Nothing in the page calls it.
self.galleyDiagnostics = () => core.call('diagnostics');
