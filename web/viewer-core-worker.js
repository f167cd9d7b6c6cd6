// viewer-core-worker.js — viewer-core.js in a dedicated worker, drawing on the page canvas's OffscreenCanvas
// (transferControlToOffscreen): the WebGL2 context, the shader link, the bundle, layout and every frame happen here,
// never on the page's thread. viewer.js starts it and speaks viewer-core.js's messages to it.
import createGalleyModule from './galley-core.js';
import { createViewerCore } from './viewer-core.js';

const core = createViewerCore({
  createGalleyModule,
  post: (message, transfer) => postMessage(message, transfer || []),
  // Workers that can draw on an OffscreenCanvas have animation frames (Chromium, Firefox, Safari 16.4 and later).
  nextFrame: self.requestAnimationFrame ? (fn) => self.requestAnimationFrame(fn) : (fn) => setTimeout(fn, 16),
});
self.onmessage = (e) => core.receive(e.data);
// For `galley bench browser` (tests/bench/browser-figures.mjs reads it through Playwright's worker handle): frames
// drawn so far and the wasm heap's size. Nothing in the page calls it.
self.galleyDiagnostics = () => core.call('diagnostics');
