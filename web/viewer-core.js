// viewer-core.js — the viewer's core side: the wasm core (bundle, faces, layout in slices, text layer chunks) and its
// drawing. It runs in a dedicated worker on the canvas's OffscreenCanvas (viewer-core-worker.js), so that creating
// the WebGL2 context, linking the shaders, parsing the bundle and laying out never hold the page; where the browser
// cannot do that, on the page's own thread, as the same code (viewer.js's startCore). viewer.js is the page side:
// the DOM text layer, images, scrolling, settings and events. The two talk only by messages:
//
//   page → core   {op, id?, ...}: requests (those with an id get {reply: id, value} or {reply: id, error, code});
//                 ops below, in `ops`. Messages keep their order, so a face added before a load is there for it.
//   core → page   {event: 'layer', generation}            a new layout began: the text layer starts again, empty
//                 {event: 'chunk', generation, chunk}      the text layer's next lines (galley_text_layer_next)
//                 {event: 'height', generation, height}    the document's height so far (estimated until complete)
//                 {event: 'complete', generation, height, justified, missingGlyphs, seq}: the layout and its
//                                                          text layer are complete, with every message up to the
//                                                          seq-th (counted from 1) taken into account. After a message
//                                                          that may change the layout (LAYOUT_OPS) it is sent again if
//                                                          the layout stayed as it was, so the page can tell a
//                                                          'complete' from before that message from one after it
//                 {event: 'frame', scroll, first, time, began, prepared}  a frame was drawn at that scroll offset
//                                                          (time: epoch ms when done; began: when it began;
//                                                          prepared: {began, done} of galley_prepare_frame when it
//                                                          made this frame ready, else null)
//                 {event: 'fail', text}                     the core stopped (an exhausted heap, say)
//
// Frames are drawn only when something changed (a scroll offset, the view, settings, an image, a face): an idle page
// draws nothing. The page posts each scroll offset as it happens; the core draws the last one at its next frame
// (nextFrame: in the worker a task of its own, at once; on the page's thread an animation frame), so the drawn text
// keeps within a frame of the text layer, which the browser scrolls itself.

// The ops after which the layout may differ: a frame is drawn for each (run), where a new layout begins or, if it
// did not change, 'complete' is sent again.
export const LAYOUT_OPS = new Set(['addFont', 'layout', 'load', 'select', 'cjkTiers', 'hyphenation', 'thai', 'show',
                                   'view']);
const SLICE_MS = 8;              // layout and text layer work per task after the first frame
const TEXT_LAYER_CHUNK_LINES = 16;  // the page takes a chunk in one go: 3 ms a line there on first use (measureText)
// The name the worker's OffscreenCanvas goes by in Emscripten's canvas lookup (specialHTMLTargets).
const WORKER_CANVAS = '#galley-offscreen-canvas';

// createGalleyModule: galley-core.js's factory; post(message, transfer) to the page; nextFrame(fn): when to draw a
// frame asked for (viewer-core-worker.js's, or the page's requestAnimationFrame); paint(scene): draws galley_canvas_scene's JSON (the 'dom' renderer, on the page's thread
// only). Returns {receive(message), call(op, args)}: call runs a synchronous op at once, for the page's thread only.
export function createViewerCore({ createGalleyModule, post, nextFrame, paint = null }) {
  let mod = null, selector = null, renderer = 'webgl2';
  let workerCanvas = null;      // the worker's OffscreenCanvas (the op 'canvas')
  let starting = null;          // the start request while it runs: what comes meanwhile waits in `queued`
  const queued = [];
  let stopped = false;
  let started = false;          // the start op succeeded: until then only 'canvas' and 'start' run
  let showing = false;          // an article is selected and its first faces are in: frames may be drawn
  let view = null, viewDirty = true, scroll = 0;
  let layerGeneration = -1, layerDone = false, firstFrameDrawn = false;
  let framePending = false, workPending = false;
  let framesDrawn = 0;
  let framesPrepared = 0;       // galley_prepare_frame calls that made one ready
  let prepared = null;          // when the last of them began and was done (epoch ms), until the frame it made ready
  let processed = 0;            // messages taken so far (the page counts those it sent the same way)
  let layoutChanged = false;    // a LAYOUT_OPS message came since the last frame

  // When the start's steps happened, as epoch ms (the page's clock and a worker's differ in origin): the start's reply
  // carries them, and viewer.js marks them on the page's timeline, for `galley bench browser`'s breakdown.
  const marks = {};
  const epochNow = () => performance.timeOrigin + performance.now();
  const json = (ptr) => JSON.parse(mod.UTF8ToString(ptr));
  // Copies bytes into the wasm heap for one call; C++ copies what it keeps.
  const withBytes = (bytes, fn) => {
    const ptr = mod._malloc(Math.max(bytes.length, 1));
    mod.HEAPU8.set(bytes, ptr);
    try { return fn(ptr, bytes.length); } finally { mod._free(ptr); }
  };
  const withString = (s, fn) => withBytes(new TextEncoder().encode(s + '\0'), (ptr) => fn(ptr));

  const ops = {
    // The worker's canvas, sent as soon as the worker exists; viewer-core-worker.js made its context on arrival,
    // while the wasm compiles, and says when (receivedAt, madeAt).
    canvas({ canvas, receivedAt, madeAt }) {
      workerCanvas = canvas;
      marks['galley-core-canvas'] = receivedAt;
      marks['galley-core-context'] = madeAt;
    },
    // {wasm, renderer: 'webgl2' | 'dom', canvasSelector (on the page's thread; the worker's is its OffscreenCanvas)}
    async start({ wasm, renderer: wanted, canvasSelector }) {
      marks['galley-core-start'] = epochNow();
      // The wasm was compiled by the page while it streamed in: instantiated here from that.
      mod = await createGalleyModule({
        instantiateWasm(imports, done) {
          WebAssembly.instantiate(wasm, imports).then((instance) => done(instance, wasm));
          return {};
        },
      });
      renderer = wanted;
      selector = canvasSelector || WORKER_CANVAS;
      marks['galley-core-instantiated'] = epochNow();
      if (renderer === 'dom') { mod._galley_init_without_gl(); started = true; return { renderer, marks }; }
      if (workerCanvas) mod.specialHTMLTargets[WORKER_CANVAS] = workerCanvas;
      if (withString(selector, (p) => mod._galley_init(p)) !== 0) {
        throw Object.assign(new Error('WebGL2 is not available in this browser.'), { code: 'no-webgl2' });
      }
      marks['galley-core-initialized'] = epochNow();
      started = true;
      return { renderer, marks };
    },
    addFont({ style, slice, bytes }) { withBytes(bytes, (p, n) => mod._galley_add_font(style, slice, p, n)); },
    theme({ colors }) { mod._galley_set_theme(...colors); requestFrame(); },
    // galley_set_layout's arguments: size, line height, alignment, measure, sans, top margin.
    layout({ args }) { mod._galley_set_layout(...args); viewDirty = true; },
    // With `screen` ({width, screenBottom}, as faces takes it), the reply holds what the page asks next of the
    // article it will show (`shown`: article's reply, and faces' unless CJK tiers are needed first), so that no
    // round trip through this worker, busy making the first frame ready, comes between the bundle and that frame.
    // marks: when it began and ended (epoch ms), for the page's timeline.
    load({ bytes, screen }) {
      const begun = epochNow();
      const ok = withBytes(bytes, (p, n) => mod._galley_load_bundle(p, n)) !== 0;
      const result = json(mod._galley_result());
      if (!ok) return { ok, result, articles: [] };
      const shown = screen ? ops.article() : null;
      if (shown && !shown.cjkTiersNeeded) shown.faces = { screen, ...ops.faces(screen) };
      const marks = { 'galley-core-load-begun': begun, 'galley-core-loaded': epochNow() };
      return { ok, result, articles: json(mod._galley_articles()), shown, marks };
    },
    select({ article }) {
      const index = withString(article, (p) => mod._galley_select_article(p));
      return index < 0 ? null : json(mod._galley_result());
    },
    article() { return { info: json(mod._galley_article_info()), cjkTiersNeeded: !!mod._galley_cjk_tiers_needed() }; },
    cjkTiers({ bytes }) { return withBytes(bytes, (p, n) => mod._galley_set_cjk_tiers(p, n)); },
    // The article's faces (all, and those of what `screenBottom` px of a `width` px column show) and patterns.
    faces({ width, screenBottom }) {
      return { all: json(mod._galley_faces_used()), first: json(mod._galley_faces_first_frame(width, screenBottom)),
               hyphenation: json(mod._galley_hyphenation_files()) };
    },
    // Patterns (null: none until others come). status 1: not this build's file, `message` says why.
    hyphenation({ bytes }) {
      const status = bytes ? withBytes(bytes, (p, n) => mod._galley_set_hyphenation(p, n))
        : mod._galley_set_hyphenation(0, 0);
      return { status, message: status === 1 ? mod.UTF8ToString(mod._galley_result()) : '' };
    },
    thai({ bytes }) { return withBytes(bytes, (p, n) => mod._galley_set_thai_dictionary(p, n)); },
    bundleFiles() { return json(mod._galley_bundle_files()); },
    // Whether an article is shown: off while the page switches articles and fetches their faces.
    show({ on }) {
      showing = on;
      if (on) { layerGeneration = -1; firstFrameDrawn = false; viewDirty = true; }
    },
    view({ width, height, dpr }) { view = { width, height, dpr }; viewDirty = true; },
    scroll({ y }) { if (y !== scroll) { scroll = y; requestFrame(); } },
    image({ block, width, height, pixels }) {
      withBytes(new Uint8Array(pixels), (p) => mod._galley_set_image(block, width, height, p));
      requestFrame();
    },
    tableScroll({ block, x }) { mod._galley_set_table_scroll(block, x); requestFrame(); },
    // The article laid out again for paper (print.js), as galley_print_layout's JSON text.
    printLayout({ width, fontSize }) { return mod.UTF8ToString(mod._galley_print_layout(width, fontSize)); },
    // For the benchmark and tests: frames drawn and made ready so far, the wasm heap's size and the most of it
    // malloc has held.
    diagnostics() {
      return { framesDrawn, framesPrepared, heapBytes: mod.HEAPU8.buffer.byteLength,
               heapFootprint: mod._galley_heap_footprint() };
    },
  };

  function receive(message) {
    if (starting && message.op !== 'canvas') { queued.push(message); return; }
    if (message.op === 'start') {
      starting = run(message).finally(() => {
        starting = null;
        for (const m of queued.splice(0)) receive(m);
      });
      return;
    }
    run(message);
  }

  async function run({ op, id, ...args }) {
    processed++;
    // A core that did not start (no WebGL2 in this worker: the page starts another) takes nothing more: what was
    // sent after the start (the early start's messages) is answered as not taken, not run against no core.
    if (!started && op !== 'start' && op !== 'canvas') {
      if (id !== undefined) post({ reply: id, error: 'the core did not start', code: 'not-started' });
      return;
    }
    try {
      if (stopped && op !== 'diagnostics') throw new Error('the viewer has stopped');
      const value = await ops[op](args);
      // What may change the layout gets a frame: a new layout begins there, or 'complete' is sent again (see above).
      if (LAYOUT_OPS.has(op)) { layoutChanged = true; requestFrame(); schedulePrepare(); }
      if (id !== undefined) post({ reply: id, value });
    } catch (e) {
      if (id !== undefined) post({ reply: id, error: String(e && e.message || e), code: e && e.code });
      else fail(e);
    }
  }

  // Any error in drawing or layout stops the core; the page says why (viewer.js: an exhausted heap is the likely one).
  function fail(e) {
    if (stopped) return;
    stopped = true;
    post({ event: 'fail', text: String(e && e.stack || e) });
  }
  function guard(fn) {
    if (stopped) return;
    try { fn(); } catch (e) { fail(e); }
  }

  // Work slices run as tasks of their own (MessageChannel messages: no timer clamping), each for about SLICE_MS:
  // text layer chunks for what is laid out, then more layout. Messages and frames get the thread between slices.
  const workChannel = new MessageChannel();
  workChannel.port1.onmessage = () => { workPending = false; guard(work); };
  function scheduleWork() {
    if (workPending || stopped || layerDone || !showing) return;
    workPending = true;
    workChannel.port2.postMessage(null);
  }

  function work() {
    if (layerDone || !showing) return;
    if (mod._galley_layout_generation() !== layerGeneration) { requestFrame(); return; }   // frame() starts it
    const deadline = performance.now() + SLICE_MS;
    do {
      const text = mod.UTF8ToString(mod._galley_text_layer_next(TEXT_LAYER_CHUNK_LINES));
      if (text) {
        const chunk = JSON.parse(text);
        post({ event: 'chunk', generation: layerGeneration, chunk });
        if (chunk.done) { complete(); return; }
      } else {
        mod._galley_layout_step(Math.max(1, deadline - performance.now()));
        // Automatic alignment may have started the layout over ragged: a new text layer, from the next frame.
        if (mod._galley_layout_generation() !== layerGeneration) { requestFrame(); return; }
      }
    } while (performance.now() < deadline);
    postHeight();
    scheduleWork();
  }

  function complete() {
    layerDone = true;
    post({ event: 'complete', generation: layerGeneration, height: mod._galley_document_height(),
           justified: !!mod._galley_justified(), missingGlyphs: mod._galley_missing_glyphs(), seq: processed });
  }
  const postHeight = () => post({ event: 'height', generation: layerGeneration, height: mod._galley_document_height() });

  // While the page holds frames back (show off: the article's faces and settings on their way), the first frame is
  // made ready in a task of its own, as soon as the core has what it needs (galley_prepare_frame: the viewport laid
  // out, its glyphs in the atlas): then the frame that shows the article only draws. In the worker that work fills
  // the time the page takes to ask what the article needs.
  const prepareChannel = new MessageChannel();
  let preparePending = false;
  prepareChannel.port1.onmessage = () => { preparePending = false; guard(prepare); };
  function schedulePrepare() {
    if (preparePending || showing || stopped || !mod || !view || renderer !== 'webgl2') return;
    preparePending = true;
    prepareChannel.port2.postMessage(null);
  }
  function prepare() {
    if (showing || !view) return;
    applyView();
    mod._galley_set_scroll(scroll);
    const began = epochNow();
    if (mod._galley_prepare_frame()) {
      framesPrepared++;
      prepared = { began, done: epochNow() };
    }
  }
  function applyView() {
    if (!viewDirty) return;
    viewDirty = false;
    withString(selector, (p) => mod._galley_set_view(p, view.width, view.height, view.dpr));
  }

  function requestFrame() {
    if (framePending || stopped || !mod || !showing || !view) return;
    framePending = true;
    nextFrame(() => guard(frame));
  }

  function frame() {
    framePending = false;
    if (!showing) return;
    const began = epochNow();
    applyView();
    const generation = mod._galley_layout_generation();
    if (generation !== layerGeneration) {
      layerGeneration = generation;
      layerDone = false;
      post({ event: 'layer', generation });
    } else if (layoutChanged && layerDone) complete();   // nothing changed: what was complete still is
    layoutChanged = false;
    mod._galley_set_scroll(scroll);
    // Lays out what the viewport shows, if the slices have not got there yet, and draws.
    if (renderer === 'webgl2') {
      if (mod._galley_frame() !== 0) throw new Error(mod.UTF8ToString(mod._galley_result()));
    } else {
      paint(json(mod._galley_canvas_scene()));
    }
    framesDrawn++;
    post({ event: 'frame', scroll, first: !firstFrameDrawn, time: epochNow(), began, prepared });
    prepared = null;
    firstFrameDrawn = true;
    if (!layerDone) { postHeight(); scheduleWork(); }
  }

  return { receive, call: (op, args) => ops[op](args) };
}
