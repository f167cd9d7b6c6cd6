// viewer-core-worker.js — viewer-core.js in a dedicated worker, drawing on the page canvas's OffscreenCanvas
// (transferControlToOffscreen): the WebGL2 context, the shader link, the bundle, layout and every frame happen here,
// never on the page's thread. viewer.js starts it and speaks viewer-core.js's messages to it.
import createGalleyModule from './galley-core.js';
import { createViewerCore } from './viewer-core.js';

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
self.onmessage = (e) => core.receive(e.data);
// For `galley bench browser` (tests/bench/browser-figures.mjs reads it through Playwright's worker handle): frames
// drawn so far and the wasm heap's size. Nothing in the page calls it.
self.galleyDiagnostics = () => core.call('diagnostics');
