// viewer.js — Galley's viewer as an object a page drives: createViewer(canvas, container, options) returns
//   { loadBundle(url | object | bytes, {article, position, baseUrl}), showArticle(id, {position}), articles, article,
//     setSettings({...}), settings, scrollToHeading(id), headings, stats, readingPosition(),
//     restoreReadingPosition(pos), printLayout(width, fontSize), imageBitmap(block), imagesSettled(), bundleFiles(),
//     pauseResize(paused), on(event, fn), ready }
// and emits 'shown' ({title, article: id, stats}: an article's first frame is drawn; its reading time is known),
// 'ready' ({title, article: id, headings: [{id, level, text}], stats}: it is laid out and drawn), 'error'
// ({title, lines}), 'resize' ({width, height}: the document's size after a reflow), 'navigate' ({href, kind: 'link' |
// 'heading'}) and 'theme' ({name, colors}).
// The hosted page (app.js) and an embedding page use the same object.
//
// Without WebGL2 (chooseRenderer: the one place the viewer decides how it draws) the article is shown all the same:
// the text layer is made visible, in the shipped faces and Galley's lines, and a Canvas 2D draws the rest
// (canvas-2d.js); `renderer` says which ('webgl2' or 'dom'), and so does the container's data-renderer.
//
// A bundle may hold many articles (an edition, a series): loadBundle shows the one `article` names (its id), else the
// first; showArticle switches to another of the same bundle, which was parsed once: nothing is fetched again but
// what that article needs and the page has not fetched yet (faces, patterns, images). `articles` lists them all.
//
// Rendering: the page scrolls natively over `container`, a block as tall as the article holding the transparent text
// layer; the fixed canvas draws the visible slice. Frames are requested only when something changed (load, scroll,
// resize, zoom, settings, an image arriving): an idle page issues no WebGL calls at all.
//
// Threads: the wasm core and the drawing (viewer-core.js) run in a dedicated worker on the canvas's OffscreenCanvas
// (viewer-core-worker.js) wherever the browser has one that can draw WebGL2; this page's thread keeps the DOM (the
// text layer, images, scrolling, focus, settings, events) and only posts messages to it, so that neither the WebGL2
// context, nor the shader link, nor the bundle, nor layout ever holds the page. Elsewhere (no OffscreenCanvas, no
// WebGL2 in workers, module workers unsupported, or options.thread 'main') the same core runs on this thread.
// `thread` says which ('worker' or 'main'), and so does the container's data-thread. options.early: what the hosted
// page's early start (early-start.js) began on this canvas before this module arrived: the wasm's compile, the
// worker, the page's bundle (taken over as they are: see startCore and loadBundle).
//
// Critical path (performance marks galley-wasm-ready, galley-gl-ready, galley-fonts-fetched, galley-fonts-ready,
// galley-bundle-loaded, galley-first-frame, galley-faces-complete, galley-ready; galley-layout-complete after every
// layout): the wasm (compiled while it streams in), the faces every article uses and the bundle load in parallel; the
// first frame lays out only what the viewport shows. Hyphenation patterns are not waited for: an article laid out
// before they arrive is laid out again with them; nor are a CJK article's bold and sans faces
// (galley_faces_first_frame: drawn in its regular until they come, in the same lines), nor the faces of CJK text
// below the first screen. The rest of the layout and the
// text layer are built after the first frame in slices of about SLICE_MS (whole blocks, or windows of a long
// paragraph), so a long article never holds the page for long; the document's height is estimated until the layout is
// done. 'ready' is emitted once the layout and the text layer are complete, with the hyphenation patterns (or without
// them, when they failed to load) and every face.
import { createViewerCore } from './viewer-core.js';
import { GL_ATTRIBUTES } from './gl-attributes.js';
import { ASSET_BASE, compileWasm, createCoreConnection, faceUrl, fetchBytes, firstFaceSlots, firstScreen,
         patternsUrl, sizeCanvas, startWorker, styleIndex, workerDrawingPossible }
  from './core-start.js';
import { COLOR_FAMILY, FACES, SLICES } from './faces.js';
import { EARLY_PATTERNS, PATTERN_FILES, THAI_DICTIONARY } from './patterns.js';
import { createTextLayer } from './text-layer.js';
import { DEFAULT_SETTINGS, layoutArgs, normalizeSettings } from './settings.js';
import { DARK_SCHEME, THEMES, applyThemeToElement, coreColors, resolveThemeName } from './themes.js';

// Indices into FACES (C++'s FontStyle). A face slot is slice * FACES.length + style, so that the first slice's slots
// are the styles' own (faces.js); SLICES[slice].files[style] is its file in fonts/.
const [REGULAR, BOLD, SANS, SANS_BOLD] =
  ['Regular', 'Bold', 'Sans', 'SansBold'].map((style) => styleIndex(FACES, style));
const faceSlot = (style, slice) => slice * FACES.length + style;
// The slot that holds a slot's file: the first style with the same file in that slice (Italic's Arabic is Regular's).
const canonicalSlot = (slot) => {
  const style = slot % FACES.length, slice = Math.floor(slot / FACES.length);
  const files = SLICES[slice].files;
  return faceSlot(files.indexOf(files[style]), slice);
};
// Every article's faces (core-start.js's FIRST_FACE_STYLES), slots of the first slice. Italic, bold italic and sans
// bold, and the slices of other scripts, are fetched when an article or the sans setting asks for them
// (galley_faces_used).
const FIRST_FACES = firstFaceSlots(FACES);
const IMAGE_PROTOCOLS = new Set(['http:', 'https:']);

class ViewerError extends Error {
  constructor(title, lines) { super(`${title}: ${lines.join('; ')}`); this.title = title; this.lines = lines; }
}

// A bundle holds no article of that id: the bundle itself is fine, and stays loaded (showArticle may show another).
function unknownArticle(id, count) {
  const error = new ViewerError(`No article “${id}” in this bundle`,
    [`The bundle holds ${count === 1 ? 'one article' : `${count} articles`}, none with the id “${id}”.`]);
  error.unknownArticle = id;
  return error;
}

// How the viewer draws on this thread: 'webgl2' (the canvas draws the article, the text layer over it is
// transparent), or 'dom' when the browser gives no WebGL2 context (none at all, or blocked: Lockdown Mode, a
// blocklisted GPU), or when options.renderer asks for it. The WebGL2 context is made here, early,
// with galley_init's attributes (GL_ATTRIBUTES), so that galley_init's getContext gets this same context. A canvas
// whose WebGL2 context failed keeps no context, so the 'dom' renderer can still take its 2D one.
function chooseRenderer(canvas, wanted) {
  if (wanted === 'dom') return 'dom';
  sizeCanvas(canvas);
  try {
    if (canvas.getContext('webgl2', GL_ATTRIBUTES)) return 'webgl2';
  } catch { /* no WebGL2 here */ }
  return 'dom';
}

export function createViewer(canvas, container, options = {}) {
  if (!canvas.id) canvas.id = `galley-canvas-${Math.random().toString(36).slice(2)}`;
  const selector = `#${CSS.escape(canvas.id)}`;
  const themeRoot = options.themeRoot || container;
  const listeners = new Map();
  let settings = { ...DEFAULT_SETTINGS, ...normalizeSettings(options.settings) };
  let core = null;   // the core's connection (createCoreConnection), once it has started
  let bundleUrl = null, article = null;
  let articles = [];   // the bundle's articles: [{id, title, authors, byline, lang, dir}] (galley_articles)
  let layer = { headings: [], blockBoxes: new Map(), figures: new Map(), append() {} };
  let articleInfo = null;
  let textLayerGeneration = -1, layerComplete = false, firstFrameDrawn = false;
  let keepPosition = null, minHeight = 0, stopped = false;
  let justified = false, missingGlyphs = 0;   // of the last layout completed (the core's 'complete')
  const fontFetches = new Map();  // face slot → Promise of the bytes
  let cjkTiers = null;            // Promise of fonts/cjk-tiers.bin's bytes, once an article needs them
  const facesAdded = new Set();   // face slots
  let articleFaces = [];          // the slots the article asks for (galley_faces_first_frame, then _used)
  let laterFaces = [], facesSettled = true;  // those only _used names, fetched after the first frame
  const imageState = new Map();   // block → 'loading' | 'loaded' | 'missing'
  // block → the decoded ImageBitmap, kept for printing (print.js draws it synchronously in beforeprint, when there is
  // no time to fetch and decode it again): at most 1.5 times the box's device size, as the canvas got it.
  const imageBitmaps = new Map();
  let resizePaused = false;        // while printing (pauseResize): the print layout's sizes are not the screen's
  let viewDirty = true, pendingPosition = null, readyEmitted = false;
  // The print layout made ahead in the worker (preparePrint): {key, text}, for beforeprint, which cannot wait.
  let printPrepared = null;
  let readerMoved = false;   // the reader scrolled by wheel, touch or keys since a position was restored
  for (const type of ['wheel', 'touchmove', 'keydown']) {
    addEventListener(type, () => { readerMoved = true; }, { passive: true, capture: true });
  }
  // 'ready' means laid out as it will stay: a layout made before the patterns arrived is made again with them.
  let hyphenationSettled = false;
  let thaiSettled = true;            // false while a Thai article waits for the dictionary
  let thaiState = 'none';            // the dictionary: 'none', 'loading', 'applied' or 'failed'
  const patternFetches = new Map();  // pattern file → Promise of its bytes (null when it could not be fetched)
  let patternsApplied = null;        // the file whose patterns the wasm has
  const patternsRefused = new Set(); // files the wasm refused (not this build's): not sent again
  let articleLoads = 0;              // which loadBundle the patterns arriving are for
  let articlesShown = 0;             // which article shown (loadBundle, showArticle) a face fetch ending is for
  const darkQuery = matchMedia(DARK_SCHEME);
  let theme = THEMES.light;
  let renderer = null, thread = null, painter = null;   // known once the core has started (startCore)

  const emit = (name, detail) => { for (const fn of listeners.get(name) || []) fn(detail); };

  // fonts/cjk-tiers.bin, once a page (again after a failed fetch).
  const fetchCjkTiers = () => (cjkTiers ||= fetchBytes(new URL('fonts/cjk-tiers.bin', ASSET_BASE), 'CJK tiers')
    .catch((e) => { cjkTiers = null; throw e; }));

  const fetchFace = (slot) => {
    if (!fontFetches.has(slot)) {
      const file = SLICES[Math.floor(slot / FACES.length)].files[slot % FACES.length];
      fontFetches.set(slot, fetchBytes(faceUrl(file), 'Font'));
    }
    return fontFetches.get(slot);
  };

  // The face slots of `slots` and of the article that are not added yet. The sans body setting sets body text in Noto
  // Sans, and bold in Noto Sans Bold, in the slices the article needs.
  function facesMissing(slots) {
    const wanted = new Set([...slots, ...articleFaces]);
    if (settings.family === 'sans') {
      const slices = new Set([0, ...[...wanted].map((slot) => Math.floor(slot / FACES.length))]);
      for (const slice of slices) wanted.add(faceSlot(SANS, slice)).add(faceSlot(SANS_BOLD, slice));
    }
    const missing = new Set();
    for (const slot of wanted) if (!facesAdded.has(canonicalSlot(slot))) missing.add(canonicalSlot(slot));
    return [...missing].sort((a, b) => a - b);
  }

  // Adds those faces, fetching them if need be; false when none was missing.
  async function ensureFaces(slots) {
    const missing = facesMissing(slots);
    if (!missing.length) return false;
    const bytes = await Promise.all(missing.map(fetchFace));
    missing.forEach((slot, k) => {
      if (facesAdded.has(slot)) return;
      facesAdded.add(slot);
      const style = slot % FACES.length, slice = Math.floor(slot / FACES.length);
      if (!earlyFaces.delete(slot)) core.send('addFont', { style, slice, bytes: bytes[k] });
      // The same faces, for the text layer's measurements: every style whose slice this file is. Emoji as a family
      // of their own (after each face's in the text layer's font), so that their slices' digits and © (keycaps)
      // never stand in for the text face's.
      if (SLICES[slice].color) {
        document.fonts.add(new FontFace(COLOR_FAMILY, bytes[k], { unicodeRange: SLICES[slice].unicodeRange }));
        return;
      }
      SLICES[slice].files.forEach((file, s) => {
        if (file !== SLICES[slice].files[style]) return;
        const face = FACES[s];
        document.fonts.add(new FontFace(face.family, bytes[k], { style: face.italic ? 'italic' : 'normal',
          weight: String(face.weight), unicodeRange: SLICES[slice].unicodeRange }));
      });
    });
    return true;
  }

  // The core, in a worker where it can draw there, else on this thread (see Threads above). The worker gets the
  // canvas at once and makes its WebGL2 context while the wasm compiles here; then the compiled wasm
  // (core-start.js's startWorker; the hosted page's early start began that already: `early`). A worker that gets no
  // WebGL2 context, or whose scripts do not load, gives its canvas back as a new element in its place (a canvas
  // handed to a worker is that worker's for good): the core then starts on this thread, drawing there with WebGL2 or,
  // without, as the 'dom' renderer.
  // The core's start, step by step (viewer-core.js's marks, epoch ms), on this page's timeline.
  const markCoreSteps = ({ marks }) => {
    for (const [name, time] of Object.entries(marks)) performance.mark(name, { startTime: time - performance.timeOrigin });
  };
  async function startCore(wasmCompiled, early) {
    const inWorker = early || (workerDrawingPossible(options) ? startWorker(canvas, wasmCompiled) : null);
    if (inWorker) {
      const { worker, connection } = inWorker;
      connection.onEvent = onCoreEvent;
      try {
        markCoreSteps(await inWorker.started);
        worker.onerror = (e) => { e.preventDefault(); fail(new Error(e.message || 'the viewer\'s worker failed')); };
        return { connection, renderer: 'webgl2', thread: 'worker' };
      } catch (e) {
        if (e.code !== 'no-webgl2' && e.code !== 'no-worker') throw e;
        worker.terminate();
        const fresh = canvas.cloneNode(false);
        canvas.replaceWith(fresh);
        canvas = fresh;
        observeCanvas();
      }
    }
    const drawing = chooseRenderer(canvas, options.renderer);
    if (drawing === 'dom') {
      // Only without WebGL2: not in the first view of a browser that has it.
      const { createCanvasPainter } = await import('./canvas-2d.js');
      painter = createCanvasPainter(canvas);
      if (options.renderer !== 'dom') {
        console.info('Galley: this browser gives no WebGL2 context; the article is set in the page\'s own text.');
      }
    }
    const { default: createGalleyModule } = await import('./galley-core.js');
    let local = null;
    const connection = createCoreConnection((m) => local.receive(m), onCoreEvent);
    local = createViewerCore({
      createGalleyModule, post: (m) => connection.deliver(m), nextFrame: (fn) => requestAnimationFrame(fn),
      paint: (scene) => painter.draw(scene, theme, (block) => imageBitmaps.get(block) || null,
                                     window.devicePixelRatio || 1),
    });
    markCoreSteps(await connection.request('start', { wasm: await wasmCompiled, renderer: drawing,
                                                       canvasSelector: selector }));
    connection.call = (op, args) => local.call(op, args);   // what cannot wait: printLayout in beforeprint
    return { connection, renderer: drawing, thread: 'main' };
  }

  // Starts at creation so the wasm, fonts and patterns load while the page fetches its bundle.
  // The hosted page's early start (early-start.js), if it began this viewer's on this canvas.
  const early = options.early?.canvas === canvas ? options.early : null;
  let earlyBundle = early?.bundle || null;   // its bundle, until loadBundle takes it
  // What it fetched is not fetched again, and what it sent its core is not sent again (until that core turns out not
  // to start: then both go to the one started here): the faces every article uses and the English patterns.
  for (const [slot, bytes] of early?.fetched.faces || []) fontFetches.set(slot, bytes);
  for (const [file, bytes] of early?.fetched.patterns || []) patternFetches.set(file, bytes);
  const earlyFaces = new Set(early?.sent.faces);
  let earlyPatterns = early?.sent.patterns || null;   // {file, reply}
  const started = (async () => {
    const wasmCompiled = early?.wasmCompiled || compileWasm();
    for (const slot of FIRST_FACES) fetchFace(slot);
    fetchPatterns(EARLY_PATTERNS);
    // The core starts as soon as the wasm is compiled, not after the fonts: galley_init issues the shader compile and
    // link, which the GPU process then runs (in parallel, with KHR_parallel_shader_compile) while the fonts and the
    // bundle arrive; the first frame's glUseProgram waits only for what is left of it.
    const fontsFetched = Promise.all([...fontFetches.values()]);
    fontsFetched.catch(() => {});   // awaited below
    try {
      ({ connection: core, renderer, thread } = await startCore(wasmCompiled, early?.core));
    } catch (e) {
      throw new ViewerError('Galley could not start', [String(e.message || e)]);
    }
    if (!early || thread !== 'worker') { earlyFaces.clear(); earlyPatterns = null; }
    container.dataset.renderer = renderer;
    container.dataset.thread = thread;
    if (renderer === 'webgl2') performance.mark('galley-gl-ready');
    try {
      await fontsFetched;
    } catch (e) {
      throw new ViewerError('Galley could not start', [String(e.message || e)]);
    }
    performance.mark('galley-fonts-fetched');
    await ensureFaces(FIRST_FACES);
    performance.mark('galley-fonts-ready');
    applySettings();
    // The patterns every page fetches first (EARLY_PATTERNS, English) go to the core with the faces, before the
    // article asks for its own: an English article is then laid out once, with them, and its first frame is made
    // ready in the core while this page still asks what the article needs (settlePatterns keeps them for it, or
    // replaces them).
    if (earlyPatterns) applyPatterns(earlyPatterns.file, null, earlyPatterns.reply);
    else {
      fetchPatterns(EARLY_PATTERNS).then((bytes) => {
        if (bytes && !stopped && articleLoads === 0 && patternsApplied === null) applyPatterns(EARLY_PATTERNS, bytes);
      });
    }
  })();
  started.catch(() => {});   // reported by loadBundle

  function applyTheme() {
    const name = resolveThemeName(settings.theme, darkQuery.matches);
    theme = THEMES[name];
    applyThemeToElement(themeRoot, theme);
    core?.send('theme', { colors: coreColors(theme) });
    emit('theme', { name, colors: theme });
  }

  function applySettings() {
    applyTheme();
    if (!core) return;
    keepReadingPosition();
    if (settings.family === 'sans' && facesMissing([]).length) {
      // Set in serif until the sans faces are here.
      ensureFaces([]).then(applySettings, (e) => fail(e));
      return;
    }
    core.send('layout', { args: layoutArgs(settings, canvas.clientWidth, options.topMargin) });
    viewDirty = true;
    requestFrame();
  }
  darkQuery.addEventListener('change', () => { if (settings.theme === 'auto') applyTheme(); });

  // Where the reader is: the block at the top of the viewport and how far into it, so a reflow (resize, new size
  // or measure) or a reload keeps the same text in view whatever the new line breaks.
  function readingPosition() {
    const top = window.scrollY;
    const containerTop = container.getBoundingClientRect().top + window.scrollY;
    let best = null;
    for (const [block, box] of layer.blockBoxes) {
      const y = containerTop + box.top, h = box.bottom - box.top;
      if (y + h > top) {
        best = { block, offset: h > 0 ? Math.max(0, Math.min(1, (top - y) / h)) : 0 };
        break;
      }
    }
    if (!best) return { block: -1, offset: 0, atEnd: top > 0 };
    return { ...best, atEnd: top + window.innerHeight >= document.documentElement.scrollHeight - 2 };
  }

  function restoreReadingPosition(pos) {
    if (!pos) return;
    if (pos.atEnd) { window.scrollTo({ top: document.documentElement.scrollHeight, behavior: 'instant' }); return; }
    const box = layer.blockBoxes.get(pos.block);
    if (!box) return;
    const y = container.getBoundingClientRect().top + window.scrollY + box.top;
    window.scrollTo({ top: Math.round(y + (box.bottom - box.top) * (pos.offset || 0)), behavior: 'instant' });
  }

  // Any error from here on stops the viewer with a message (an exhausted heap is the likely one: the heap is
  // bounded, see -sMAXIMUM_MEMORY) rather than leaving a half-drawn page.
  function fail(e) {
    if (stopped) return;
    stopped = true;
    const text = String(e && e.message || e);
    const lines = /OOM|memory|Aborted/i.test(text)
      ? ['The article is too large for this viewer: it ran out of memory.', text] : [String(e && e.stack || e)];
    emit('error', { title: 'Galley stopped', lines });
  }
  function guard(fn) {
    if (stopped) return undefined;
    try { return fn(); } catch (e) { fail(e); return undefined; }
  }

  // The core's events (viewer-core.js): frames at once; its layout's text layer and height in order, in slices of
  // about LAYER_SLICE_MS, one slice a frame: a worker lays out faster than the page can lay out and paint the lines it
  // sends, and the page must stay free for input and frames (a hidden page, which has no frames, takes a slice a task).
  const LAYER_SLICE_MS = 8;
  const layerEvents = [];
  const layerChannel = new MessageChannel();
  let layerPending = false;
  layerChannel.port1.onmessage = () => {
    layerPending = false;
    const deadline = performance.now() + LAYER_SLICE_MS;
    while (layerEvents.length && performance.now() < deadline && !stopped) guard(() => layerEvent(layerEvents.shift()));
    if (layerEvents.length) scheduleLayerEvents(true);
  };
  function scheduleLayerEvents(afterFrame = false) {
    if (layerPending) return;
    layerPending = true;
    if (afterFrame && !document.hidden) requestAnimationFrame(() => layerChannel.port2.postMessage(null));
    else layerChannel.port2.postMessage(null);
  }
  function onCoreEvent(message) {
    if (message.event === 'fail') { fail(new Error(message.text)); return; }
    // Between articles (showSelected) nothing of a layout is taken: the core was told to show none.
    if (!article) return;
    if (message.event === 'frame') { frameDrawn(message); return; }
    layerEvents.push(message);
    scheduleLayerEvents();
  }
  function layerEvent(message) {
    const current = message.generation === textLayerGeneration;
    if (!article) return;
    switch (message.event) {
      case 'layer': startTextLayer(message.generation); break;
      case 'chunk':
        if (!current) break;
        layer.append(message.chunk);
        if (message.chunk.images.length) loadImages(message.chunk.images);
        break;
      case 'height': if (current) updateHeight(message.height); break;
      // A layout completed before the page's last change to it (a face, a setting, patterns) is not the one to show.
      case 'complete': if (current && message.seq >= core.layoutSent) completeLayer(message); break;
    }
  }

  // The reader's place, kept when the page asks for a new layout (a resize, a setting) and, at the latest, when one
  // starts: the core starts it a message later, by when the reader may have scrolled on (completeLayer tells).
  function keepReadingPosition() {
    if (layerComplete && readyEmitted && window.scrollY > 0 && !keepPosition) {
      keepPosition = { ...readingPosition(), scrollY: window.scrollY };
    }
  }

  // A new layout started (new article, width, settings, fonts or patterns): the text layer starts again empty and
  // is filled by the core's chunks. The page keeps its scroll range (and the reader's place) until the layout is done.
  function startTextLayer(generation) {
    keepReadingPosition();
    minHeight = layerComplete ? container.offsetHeight : minHeight;
    textLayerGeneration = generation;
    layerComplete = false;
    printPrepared = null;
    layer = createTextLayer(container, articleInfo, {
      visible: renderer === 'dom',
      imageState: (block) => imageState.get(block) || 'loading',
      // A table that scrolls sideways moves its drawn copy with it (the core clips and shifts it).
      onTableScroll: (block, scrollLeft) => core.send('tableScroll', { block, x: scrollLeft }),
    });
  }

  function updateHeight(height) {
    container.style.height = `${Math.ceil(layerComplete ? height : Math.max(height, minHeight))}px`;
    return height;
  }

  // The layout and the text layer are complete: exact height, the reader's place, 'resize' and (once) 'ready'. The
  // place kept when the layout started is restored only if the reader has not scrolled since: one who scrolled
  // while a long article was laid out again has found their place in the new layout.
  function completeLayer({ height, justified: setJustified, missingGlyphs: missing }) {
    layerComplete = true;
    justified = setJustified;
    missingGlyphs = missing;
    // How the body was set: the reader's alignment, or what automatic alignment chose (CSS and tests read it).
    container.dataset.align = justified ? 'justify' : 'left';
    minHeight = 0;
    const scrolled = keepPosition && Math.abs(window.scrollY - keepPosition.scrollY) > 1;
    updateHeight(height);
    // The position a load asked for holds until 'ready': a layout made before the article's patterns arrived is
    // made again with them, and the position is found again in it, unless the reader has moved since (wheel, touch
    // or keys: the page's own scroll offset also moves while the layer is rebuilt, so it cannot tell).
    if (pendingPosition && readerMoved) pendingPosition = null;
    if (pendingPosition) {
      restoreReadingPosition(pendingPosition);
      readerMoved = false;
    } else if (keepPosition && !scrolled) restoreReadingPosition(keepPosition);
    keepPosition = null;
    performance.mark('galley-layout-complete');
    emit('resize', { width: canvas.clientWidth, height });
    emitReady();
    if (readyEmitted) pendingPosition = null;
    requestFrame();
  }

  // The article's headings as plain data (the layer's entries also hold their elements): what events and the
  // embedding protocol may carry.
  function headingList() { return layer.headings.map(({ id, level, text }) => ({ id, level, text })); }

  // 'ready', once per article: when its layout and text layer are complete and the patterns have settled.
  function emitReady() {
    if (readyEmitted || !hyphenationSettled || !thaiSettled || !facesSettled) return;
    readyEmitted = true;
    performance.mark('galley-ready');
    emit('ready', { title: article.title, article: article.id, headings: headingList(), stats: stats() });
  }

  // What the core draws from, posted as it changes: the view (size and pixel ratio) and the scroll offset. The core
  // draws at its next animation frame (viewer-core.js), and only if something changed.
  let viewDpr = 0;
  const scrollsPosted = [];   // [{y, at}], the last offsets posted, for measuring when each is drawn
  function requestFrame() {
    if (!core || stopped) return;
    // A ratio change that came without an event (seen under DevTools emulation) is caught here.
    if (viewDirty || window.devicePixelRatio !== viewDpr) {
      viewDirty = false;
      viewDpr = window.devicePixelRatio;
      core.send('view', { width: canvas.clientWidth, height: canvas.clientHeight, dpr: window.devicePixelRatio || 1 });
    }
    const y = window.scrollY - (container.getBoundingClientRect().top + window.scrollY);
    if (scrollsPosted.at(-1)?.y !== y) {
      scrollsPosted.push({ y, at: performance.now() });
      if (scrollsPosted.length > 32) scrollsPosted.shift();
    }
    core.send('scroll', { y });
  }

  // A frame the core drew. Each scroll offset drawn is measured from when it was posted to when it was drawn
  // ('galley-scroll-drawn': how far the drawn text lags the text layer, which the browser scrolls itself; the last
  // MAX_SCROLL_MEASURES are kept).
  const MAX_SCROLL_MEASURES = 256;
  let scrollMeasures = 0;
  function frameDrawn({ scroll, first, time, began, prepared }) {
    const drawnAt = Math.max(0, time - performance.timeOrigin);
    const posted = scrollsPosted.findLast((p) => p.y === scroll);
    if (posted && !first) {
      if (++scrollMeasures > MAX_SCROLL_MEASURES) { performance.clearMeasures('galley-scroll-drawn'); scrollMeasures = 1; }
      performance.measure('galley-scroll-drawn', { start: posted.at, end: Math.max(posted.at, drawnAt) });
      scrollsPosted.splice(0, scrollsPosted.indexOf(posted) + 1);
    }
    if (first && !firstFrameDrawn) {
      firstFrameDrawn = true;
      if (prepared) {
        markCoreSteps({ marks: { 'galley-first-frame-prepare-begun': prepared.began,
                                 'galley-first-frame-prepared': prepared.done } });
      }
      performance.mark('galley-first-frame-begun', { startTime: Math.max(0, began - performance.timeOrigin) });
      performance.mark('galley-first-frame', { startTime: drawnAt });
      if (article) emit('shown', { title: article.title, article: article.id, stats: stats() });
      addLaterFaces();
    }
  }

  // Images: fetched relative to the bundle, decoded by the browser, scaled to at most the box's device size, and
  // passed to C++ as RGBA. A missing or undecodable image leaves the box with its alt text (shown by the text layer).
  async function loadImages(images) {
    const dpr = window.devicePixelRatio || 1;
    for (const im of images) {
      if (imageState.has(im.b)) continue;
      imageState.set(im.b, 'loading');
      const forArticle = article;
      decodeImage(im, dpr, renderer === 'webgl2').then(({ pixels, bitmap }) => {
        if (forArticle !== article) { bitmap.close(); return; }
        // Without WebGL2 the canvas draws the bitmap itself (canvas-2d.js).
        if (pixels) {
          core.send('image', { block: im.b, width: pixels.width, height: pixels.height, pixels: pixels.data.buffer },
                    [pixels.data.buffer]);
        }
        imageBitmaps.set(im.b, bitmap);
        setImageState(im.b, 'loaded');
      }).catch((e) => {
        if (forArticle !== article) return;
        console.warn(`Galley: image ${im.src}: ${e.message || e}`);
        setImageState(im.b, 'missing');
      });
    }
  }

  function setImageState(block, state) {
    imageState.set(block, state);
    const el = layer.figures.get(block);
    if (el) el.dataset.state = state;
    requestFrame();
    if (![...imageState.values()].includes('loading')) {
      for (const settled of imageWaiters) settled();
      imageWaiters.clear();
    }
  }

  // Resolves once no image of the article shown is still loading (each loaded or missing): what printing waits for.
  const imageWaiters = new Set();
  function imagesSettled() {
    if (![...imageState.values()].includes('loading')) return Promise.resolve();
    return new Promise((resolve) => imageWaiters.add(resolve));
  }

  // {pixels: ImageData for the wasm (null unless withPixels), bitmap: the same, kept for printing}.
  async function decodeImage(im, dpr, withPixels) {
    const url = new URL(im.src, bundleUrl || location.href);
    if (!IMAGE_PROTOCOLS.has(url.protocol)) throw new Error('only http: and https: images are loaded');
    const response = await fetch(url);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const blob = await response.blob();
    let bitmap = await createImageBitmap(blob);
    // No bigger than the box at this device pixel ratio (twice that for zooming in), to spare GPU memory.
    const maxWidth = Math.ceil(im.w * Math.max(dpr, 1) * 1.5), maxHeight = Math.ceil(im.h * Math.max(dpr, 1) * 1.5);
    const scale = Math.min(1, maxWidth / bitmap.width, maxHeight / bitmap.height);
    if (scale < 1) {
      const scaled = await createImageBitmap(bitmap, { resizeWidth: Math.max(1, Math.round(bitmap.width * scale)),
        resizeHeight: Math.max(1, Math.round(bitmap.height * scale)), resizeQuality: 'high' });
      bitmap.close();
      bitmap = scaled;
    }
    if (!withPixels) return { pixels: null, bitmap };
    const surface = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = surface.getContext('2d');
    ctx.drawImage(bitmap, 0, 0);
    return { pixels: ctx.getImageData(0, 0, surface.width, surface.height), bitmap };
  }

  // url: a bundle URL (relative to the page), or a bundle object or its JSON's bytes (a Uint8Array: a file the reader
  // imported, file-import.js), whose images then resolve against loadOptions.baseUrl or options.baseUrl.
  async function loadBundle(source, loadOptions = {}) {
    try {
      const url = typeof source === 'string' ? new URL(source, location.href).href
        : new URL(loadOptions.baseUrl || options.baseUrl || location.href, location.href).href;
      // The early start's bundle, if it is this one: fetched, and sent to the worker once it started.
      const prefetched = typeof source === 'string' && earlyBundle?.url === url ? earlyBundle : null;
      earlyBundle = null;
      const bytesPromise = prefetched ? prefetched.bytes
        : typeof source === 'string' ? fetchBytes(url, 'Bundle')
          : Promise.resolve(source instanceof Uint8Array ? source : new TextEncoder().encode(JSON.stringify(source)));
      await started;
      let bytes;
      try {
        bytes = await bytesPromise;
      } catch (e) {
        throw new ViewerError('The article could not be loaded', [String(e.message || e)]);
      }
      let reply;
      if (prefetched && core === early.core?.connection) {
        reply = await prefetched.loaded;   // sent by the early start as soon as its worker had started
      } else {
        core.send('show', { on: false });
        // Bytes the viewer made (fetched or encoded) go to the worker as they are; a caller's are copied.
        const owned = !(source instanceof Uint8Array) && bytes.byteOffset === 0
          && bytes.byteLength === bytes.buffer.byteLength;
        reply = await core.request('load', { bytes, screen: firstScreen(canvas, container) },
                                   owned ? [bytes.buffer] : []);
      }
      const { ok, result, articles: loaded, shown } = reply;
      if (reply.marks) markCoreSteps(reply);
      performance.mark('galley-bundle-loaded');
      for (const w of result.warnings) console.warn(`${url}: ${w}`);
      if (!ok) throw new ViewerError(`This bundle is not valid: ${typeof source === 'string' ? url : 'bundle'}`,
                                     result.errors);
      bundleUrl = url;
      article = null;
      articles = loaded;
      const wanted = loadOptions.article;
      if (wanted != null && wanted !== articles[0].id) return await select(String(wanted), loadOptions);
      return await showSelected(result, loadOptions, shown);
    } catch (e) {
      throw reported(e);
    }
  }

  // Another article of the bundle loaded last, by id: rejects (with the 'error' event) when none has it.
  async function showArticle(id, showOptions = {}) {
    try {
      if (!articles.length) throw new ViewerError('No bundle is loaded', [`cannot show the article “${id}”`]);
      return await select(String(id), showOptions);
    } catch (e) {
      throw reported(e);
    }
  }

  // An unknown id changes nothing (the article shown stays, the page says why).
  async function select(id, showOptions) {
    core.send('show', { on: false });   // the core draws nothing of the article it selects until its faces are in
    const result = await core.request('select', { article: id });
    if (!result) {
      if (article) core.send('show', { on: true });   // the article shown stays
      throw unknownArticle(id, articles.length);
    }
    return showSelected(result, showOptions);
  }

  // The error, emitted as 'error' unless it came from that event.
  function reported(e) {
    const error = e instanceof ViewerError ? e : new ViewerError('Galley stopped', [String(e && e.stack || e)]);
    if (!error.reported) emit('error', { title: error.title, lines: error.lines });
    error.reported = true;
    return error;
  }

  // The article the core has selected (galley_load_bundle's first, or galley_select_article's), from its faces to
  // 'ready'. result: galley_result()'s {title, id, lang, published}; known: what the core's load op said of it
  // already ({info, cjkTiersNeeded, faces: {screen, ...}}: the article and faces ops' replies), or nothing.
  async function showSelected(result, loadOptions, known = null) {
    const shown = ++articlesShown;
    article = null;   // no frames until the article's faces are here
    core.send('show', { on: false });
    printPrepared = null;
    layerEvents.length = 0;   // the last article's layout, not taken yet: no one's now
    imageState.clear();
    for (const settled of imageWaiters) settled();   // the last article's images are no one's now
    imageWaiters.clear();
    for (const bitmap of imageBitmaps.values()) bitmap.close();
    imageBitmaps.clear();
    readyEmitted = false;
    firstFrameDrawn = false;
    layerComplete = false;
    keepPosition = null;
    minHeight = 0;
    textLayerGeneration = -1;
    // position: where to put the reader once laid out ({block, offset, atEnd}), or a function of the article ({id,
    // index}) that gives it. Without one an article starts at its top.
    const position = typeof loadOptions.position === 'function'
      ? loadOptions.position({ id: result.id, index: result.index }) : loadOptions.position;
    pendingPosition = position ? { ...position } : null;
    readerMoved = false;   // what the reader did in the article before is not a move in this one
    if (!pendingPosition && window.scrollY > 0) window.scrollTo({ top: 0, behavior: 'instant' });
    const { info, cjkTiersNeeded } = known || await core.request('article');
    if (shown !== articlesShown) return nextReady();
    articleInfo = info;
    // CJK text is sliced by frequency: the tiers that say which slice holds a character come first (once a page).
    if (cjkTiersNeeded) {
      const tiers = await fetchCjkTiers();
      if (shown !== articlesShown) return nextReady();
      if (await core.request('cjkTiers', { bytes: tiers }) !== 0) {
        throw new ViewerError('Galley could not start', ['fonts/cjk-tiers.bin is not this build\'s']);
      }
    }
    // The first frame's faces: those of what the window can show of the article from its top (all of them for a
    // reading position to restore, which may be anywhere).
    const screen = firstScreen(canvas, container);
    if (pendingPosition) screen.screenBottom = 0;
    const same = known?.faces && !cjkTiersNeeded && known.faces.screen.width === screen.width
      && known.faces.screen.screenBottom === screen.screenBottom;
    const faces = same ? known.faces : await core.request('faces', screen);
    if (shown !== articlesShown) return nextReady();
    articleFaces = faces.first;
    laterFaces = faces.all.filter((slot) => !articleFaces.includes(slot));
    facesSettled = !laterFaces.length;
    settlePatterns(faces.hyphenation);
    settleThai();
    await ensureFaces([]);
    if (shown !== articlesShown) return nextReady();   // another article was asked for meanwhile
    article = { title: result.title, id: result.id, index: result.index, lang: result.lang,
                published: result.published };
    viewDirty = true;
    requestFrame();
    core.send('show', { on: true });
    return nextReady();
  }

  // The next 'ready': this article's, or that of one shown after it (then that one is what is shown).
  function nextReady() {
    return new Promise((resolve, reject) => {
      const offReady = on('ready', (detail) => { offReady(); offError(); resolve(detail); });
      const offError = on('error', ({ title, lines }) => {
        offReady(); offError(); reject(Object.assign(new ViewerError(title, lines), { reported: true }));
      });
    });
  }

  // `file` is a name the core asks for (hyph_en_US.dic); the site serves it compiled (patterns.js says as what).
  function fetchPatterns(file) {
    if (!patternFetches.has(file)) {
      patternFetches.set(file, fetchBytes(patternsUrl(PATTERN_FILES[file]), 'Hyphenation patterns')
        .catch(() => null));
    }
    return patternFetches.get(file);
  }

  // The article's patterns: the first of the files its language asks for (galley_hyphenation_files) that the site
  // ships. Not on the critical path: a layout started without them starts again when they arrive. An article in a
  // language with no patterns is set without hyphens, never with another language's.
  function settlePatterns(candidates) {
    let file = candidates.find((name) => Object.hasOwn(PATTERN_FILES, name)) || null;
    if (patternsRefused.has(file)) file = null;   // not this build's: set without hyphens, as with none
    const load = ++articleLoads;
    hyphenationSettled = file === patternsApplied;
    if (hyphenationSettled) return;
    if (patternsApplied !== null) {
      core.send('hyphenation', { bytes: null });   // until the new ones arrive
      patternsApplied = null;
    }
    if (!file) { hyphenationSettled = true; return; }
    fetchPatterns(file).then((bytes) => {
      if (stopped || load !== articleLoads) return;
      hyphenationSettled = true;
      if (!bytes) {   // no patterns (offline, say): the layout there is is the one that stays
        if (layerComplete && article) emitReady();
        return;
      }
      applyPatterns(file, bytes);
    });
  }

  // `file`'s patterns to the core: the layout starts again with them (a 'complete' from before is not taken:
  // createCoreConnection's layoutSent). reply: the core's answer to them, when the early start sent them.
  function applyPatterns(file, bytes, reply = core.request('hyphenation', { bytes })) {
    patternsApplied = file;
    reply.then(({ status, message }) => {
      if (status === 0) { performance.mark('galley-hyphenation-ready'); return; }
      // Not this build's file (the core says why): set without hyphens, as with none.
      if (status === 1) {
        console.warn(`hyphen/${PATTERN_FILES[file]}: ${message}`);
        patternsRefused.add(file);
      }
      if (patternsApplied === file) patternsApplied = null;
    }, (e) => fail(e));
  }

  // laterFaces, once the first frame is drawn: added, they lay the article out again ('ready' waits for it).
  function addLaterFaces() {
    if (facesSettled) return;
    const load = articleLoads;
    articleFaces = [...articleFaces, ...laterFaces];
    ensureFaces([]).then((added) => {
      if (stopped || load !== articleLoads) return;
      facesSettled = true;
      performance.mark('galley-faces-complete');
      if (!added && layerComplete && article) emitReady();
    }, (e) => fail(e));
  }

  // Thai has no spaces between words: an article whose text needs the Thai faces (galley_faces_used) fetches libthai's
  // dictionary and is laid out again with it ('ready' waits for it).
  function settleThai() {
    const thai = SLICES.findIndex((slice) => slice.slice === 'Thai');
    const needs = THAI_DICTIONARY && articleFaces.some((slot) => Math.floor(slot / FACES.length) === thai);
    thaiSettled = !needs || thaiState === 'applied' || thaiState === 'failed';
    if (thaiSettled || thaiState === 'loading') return;
    thaiState = 'loading';
    fetchBytes(new URL(THAI_DICTIONARY, ASSET_BASE), 'Thai dictionary').catch(() => null).then((bytes) => {
      if (stopped) return;
      thaiState = 'failed';   // offline, say: Thai then breaks only where UAX #14 lets it
      thaiSettled = true;
      if (!bytes) {
        if (layerComplete && article) emitReady();
        return;
      }
      thaiState = 'applied';   // the layout starts again with it, or stays as it was if the core refused it
      core.request('thai', { bytes }).then((status) => {
        if (status !== 0) thaiState = 'failed';
        performance.mark('galley-thai-ready');
      }, (e) => fail(e));
    });
  }

  // The files of this build that all the bundle's articles need, as absolute URLs: the faces of their text (sans too
  // when the reader reads in sans), their languages' patterns, the CJK tiers and the Thai dictionary when some text
  // needs them. For keeping a whole bundle offline (offline-client.js): a page fetches only what the article it
  // shows needs. Fetches the CJK tiers if some article asks for them (they say which CJK slices its text needs).
  async function bundleFiles() {
    if (!core || !articles.length) return [];
    let needs = await core.request('bundleFiles');
    const urls = [];
    if (needs.cjkTiersNeeded || cjkTiers) {
      const tiers = await fetchCjkTiers();
      if (needs.cjkTiersNeeded) {
        await core.request('cjkTiers', { bytes: tiers });
        needs = await core.request('bundleFiles');
      }
      urls.push(new URL('fonts/cjk-tiers.bin', ASSET_BASE).href);
    }
    const slots = new Set(needs.faces);
    if (settings.family === 'sans') {
      for (const slot of needs.faces) {
        const slice = Math.floor(slot / FACES.length);
        slots.add(faceSlot(SANS, slice)).add(faceSlot(SANS_BOLD, slice));
      }
    }
    for (const slot of new Set([...slots].map(canonicalSlot))) {
      const file = SLICES[Math.floor(slot / FACES.length)].files[slot % FACES.length];
      urls.push(faceUrl(file).href);
    }
    for (const candidates of needs.hyphenation) {
      const file = candidates.find((name) => Object.hasOwn(PATTERN_FILES, name));
      if (file) urls.push(patternsUrl(PATTERN_FILES[file]).href);
    }
    const thai = SLICES.findIndex((slice) => slice.slice === 'Thai');
    if (THAI_DICTIONARY && [...slots].some((slot) => Math.floor(slot / FACES.length) === thai)) {
      urls.push(new URL(THAI_DICTIONARY, ASSET_BASE).href);
    }
    return [...new Set(urls)];
  }

  function setSettings(partial) {
    settings = { ...settings, ...normalizeSettings(partial) };
    applySettings();
    return { ...settings };
  }

  function scrollToHeading(id, { smooth = true } = {}) {
    const heading = layer.headings.find((h) => h.id === id);
    if (!heading) return false;
    const reduce = matchMedia('(prefers-reduced-motion: reduce)').matches;
    heading.element.scrollIntoView({ block: 'start', behavior: smooth && !reduce ? 'smooth' : 'instant' });
    emit('navigate', { href: `#${id}`, kind: 'heading' });
    return true;
  }

  function stats() {
    // 230 words a minute: a common figure for silent reading of non-fiction on screen; the words are the core's count
    // (galley_article_info), known from the first frame. missingGlyphs: code points no shipped face has, drawn as
    // .notdef (galley_missing_glyphs), known once laid out.
    const words = articleInfo?.words ?? 0;
    return { words, minutes: Math.max(1, Math.round(words / 230)), missingGlyphs };
  }

  // The article laid out again, whole, for paper (print.js): a column `width` CSS px wide, the body `fontSize` px, the
  // reader's other settings; the screen's layout is not touched. null before an article is loaded. Synchronous, as
  // beforeprint needs it, so the core makes it ahead (preparePrint: a 100,000-word article takes a second or two),
  // which print.js asks for once the article is laid out; on this thread it is made now if it was not. In a worker
  // it cannot be: then null, and the page prints as it is.
  function printLayout(width, fontSize) {
    if (!core || !article) return null;
    const key = `${width}/${fontSize}`;
    let text = printPrepared?.key === key ? printPrepared.text : null;
    if (text === null && core.call) text = guard(() => core.call('printLayout', { width, fontSize })) ?? null;
    if (text === null) {
      console.warn(`Galley: the print layout (${key}) is not made yet: the page prints as it is`);
      return null;
    }
    const layout = guard(() => JSON.parse(text));
    if (!layout) return null;
    return { ...layout, info: articleInfo, title: article.title, lang: article.lang };
  }

  // Makes printLayout(width, fontSize) ready, in the core's thread; it holds until the layout changes (settings,
  // faces, patterns, another article).
  async function preparePrint(width, fontSize) {
    if (!core || !article) return;
    const key = `${width}/${fontSize}`, generation = textLayerGeneration, shown = articlesShown;
    if (printPrepared?.key === key) return;
    const start = performance.now();
    const text = await core.request('printLayout', { width, fontSize });
    if (generation !== textLayerGeneration || shown !== articlesShown) return;
    printPrepared = { key, text };
    performance.measure('galley-print-prepared', { start });   // how long the core took, for print.test.mjs
  }

  // Printing lays the page out at the paper's width and hides the canvas: its size changes then say nothing about the
  // screen's. pauseResize(false) checks the screen's size again (a real change while printing still reflows).
  function pauseResize(paused) {
    resizePaused = paused;
    if (!paused) onResize();
  }

  function on(name, fn) {
    if (!listeners.has(name)) listeners.set(name, new Set());
    listeners.get(name).add(fn);
    return () => listeners.get(name).delete(fn);
  }

  // A change of size, or of devicePixelRatio (another screen, browser zoom), re-sizes the backing store and, when
  // the width changed, reflows: all in the next frame.
  const onResize = () => {
    if (resizePaused) return;
    keepReadingPosition();
    if (core && (canvas.clientWidth < 600) !== (container.dataset.narrow === '1')) applySettings();
    container.dataset.narrow = canvas.clientWidth < 600 ? '1' : '0';
    viewDirty = true;
    requestFrame();
  };
  const watchDpr = () => {
    matchMedia(`(resolution: ${window.devicePixelRatio}dppx)`)
      .addEventListener('change', () => { watchDpr(); onResize(); }, { once: true });
  };
  watchDpr();
  // The canvas's size in device pixels changes with its CSS size and with the ratio: a ResizeObserver on the
  // device-pixel box sees both, including cases where neither 'resize' nor the media query fires (emulation).
  let lastDevicePixels = '';
  const resizeObserver = typeof ResizeObserver === 'function' ? new ResizeObserver((entries) => {
    const box = entries[0].devicePixelContentBoxSize?.[0];
    const key = box ? `${box.inlineSize}x${box.blockSize}` : `${canvas.clientWidth}x${canvas.clientHeight}`;
    if (key !== lastDevicePixels) { lastDevicePixels = key; onResize(); }
  }) : null;
  // (Again when startCore replaces the canvas.)
  function observeCanvas() {
    try {
      resizeObserver?.disconnect();
      resizeObserver?.observe(canvas, { box: 'device-pixel-content-box' });
    } catch { /* older browsers: 'resize' and the resolution query cover it */ }
  }
  observeCanvas();
  window.addEventListener('resize', onResize);
  window.addEventListener('scroll', requestFrame, { passive: true });
  container.dataset.narrow = canvas.clientWidth < 600 ? '1' : '0';
  // Links in the text layer: tell the host page before the browser opens them (it may log or intercept).
  container.addEventListener('click', (e) => {
    const a = e.target.closest?.('a[href]');
    if (a) emit('navigate', { href: a.href, kind: 'link' });
  });

  return {
    loadBundle, showArticle, bundleFiles, setSettings, scrollToHeading, readingPosition, restoreReadingPosition,
    printLayout, preparePrint, pauseResize, on,
    imagesSettled, imageBitmap: (block) => imageBitmaps.get(block) || null,
    get settings() { return { ...settings }; },
    get headings() { return headingList(); },
    get stats() { return stats(); },
    get lead() { return layer.lead; },
    get bundleUrl() { return bundleUrl; },
    // The bundle's articles ({id, title, authors, byline, lang, dir}), and the one shown ({id, index}; null before one
    // is, and while another is being shown).
    get articles() { return articles.map((a) => ({ ...a, authors: [...a.authors] })); },
    get article() { return article ? { id: article.id, index: article.index } : null; },
    ready: started,
    // How and where it draws ('webgl2' or 'dom'; 'worker' or 'main'): null until it has started (ready).
    get renderer() { return renderer; },
    get thread() { return thread; },
    // For the benchmark: {framesDrawn, heapBytes} of the core.
    diagnostics: () => (core ? core.request('diagnostics') : Promise.resolve(null)),
    requestFrame,
  };
}
