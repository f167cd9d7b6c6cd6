// file-import.js — a reader's own file shown by the hosted page: an .html/.htm page, a .md/.markdown article or a
// .txt of scraped text, opened with the toolbar's Open button, dropped on the page, or handed over by the operating
// system to the installed app (the manifest's file_handlers, through window.launchQueue). The file is imported in
// the browser by the import module (import.js + import.wasm), in a Worker (import-worker.js) created on the first
// import: neither is fetched on a first view, nor is this file (app.js loads it once the first article is shown).
// The resulting bundle goes to the viewer as its bytes (viewer.loadBundle), exactly as a fetched bundle does.
//
// Images the file names by a relative path are files beside it on the reader's disk, which a page cannot read: the
// bundle's base is the file's own name under file:, where the viewer fetches nothing (only http and https images),
// and the reader is told (importImages) that their descriptions stand in.

import { opensLaunchedFile } from './bundle-url.js';

export const IMPORT_ACCEPT = '.html,.htm,.md,.markdown,.txt,text/html,text/markdown,text/plain';
const WORKER_URL = new URL('import-worker.js', import.meta.url);
// How long a page opened as a file handler waits for the launched file before it shows its usual bundle (a plain
// visit to the handler's address gets no launch at all). Launch parameters are queued before the page's scripts run.
const LAUNCH_WAIT_MS = 1500;

// What the page's base URL for an imported file is: nothing under it is ever fetched (viewer.js loads images over
// http and https only).
export const localBaseUrl = (name) => new URL(encodeURIComponent(name || 'file'), 'file:///').href;

// The sentence that tells the reader about images left behind, or '' when there are none.
export function importImages(name, localImages) {
  const n = localImages.length;
  if (!n) return '';
  const these = n === 1 ? 'Its image is a file' : `Its ${n} images are files`;
  return `${these} beside ${name} on your device, which a web page cannot read: ${n === 1 ? 'its description stands'
    : 'their descriptions stand'} in.`;
}

let worker = null;
let nextId = 1;
const pending = new Map();

function startWorker() {
  worker = new Worker(WORKER_URL, { type: 'module' });
  worker.addEventListener('message', ({ data }) => {
    const job = pending.get(data.id);
    pending.delete(data.id);
    if (!job) return;
    if (data.failure) {
      stopWorker();   // a module that failed once (not fetched, out of memory) is not used again
      job.reject(new Error(data.failure));
    } else job.resolve(data);
  });
  worker.addEventListener('error', (e) => {
    const failure = new Error(e.message || `${WORKER_URL.pathname} could not be started`);
    for (const job of pending.values()) job.reject(failure);
    pending.clear();
    stopWorker();
  });
}

function stopWorker() {
  worker?.terminate();
  worker = null;
}

// {report, bundle: Uint8Array | null} of a File; rejects only when the module could not run.
async function importInWorker(file) {
  const bytes = await file.arrayBuffer();
  if (!worker) startWorker();
  const id = nextId++;
  const reply = new Promise((resolve, reject) => pending.set(id, { resolve, reject }));
  worker.postMessage({ id, name: file.name, bytes, baseUrl: '' }, [bytes]);
  const { report, bundle } = await reply;
  return { report, bundle: bundle ? new Uint8Array(bundle) : null };
}

// onStart(name): an import began; onImported({name, bytes, report}): a bundle to show; onError(title, lines).
export function setupFileImport({ button, onStart, onImported, onError }) {
  const input = Object.assign(document.createElement('input'), { type: 'file', accept: IMPORT_ACCEPT, hidden: true });
  document.body.append(input);

  // Performance measure galley-import: from the file handed over to its bundle (or errors) back from the worker, the
  // module's fetch and compilation included on a first import.
  async function importFile(file) {
    onStart(file.name);
    const start = performance.now();
    let result;
    try {
      result = await importInWorker(file);
      performance.measure('galley-import', { start, end: performance.now(), detail: { name: file.name } });
    } catch (e) {
      onError(`${file.name} could not be imported`, [`The import module did not run: ${e.message || e}`]);
      return;
    }
    const { report, bundle } = result;
    if (!report.ok) onError(`${file.name} could not be imported`, report.errors);
    else onImported({ name: file.name, bytes: bundle, report });
  }

  button.addEventListener('click', () => input.click());
  input.addEventListener('change', () => {
    const [file] = input.files;
    input.value = '';   // the same file again is a change too
    if (file) importFile(file);
  });
  button.hidden = false;

  // Dropping: the page takes files only (dragged text or links keep their native behaviour).
  const carriesFiles = (e) => e.dataTransfer && [...e.dataTransfer.types].includes('Files');
  let depth = 0;
  const root = document.documentElement;
  document.addEventListener('dragenter', (e) => {
    if (!carriesFiles(e)) return;
    depth++;
    root.classList.add('galley-dropping');
  });
  document.addEventListener('dragleave', (e) => {
    if (!carriesFiles(e)) return;
    if (--depth <= 0) { depth = 0; root.classList.remove('galley-dropping'); }
  });
  document.addEventListener('dragover', (e) => {
    if (!carriesFiles(e)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  });
  document.addEventListener('drop', (e) => {
    if (!carriesFiles(e)) return;
    e.preventDefault();
    depth = 0;
    root.classList.remove('galley-dropping');
    const [file] = e.dataTransfer.files;
    if (file) importFile(file);
  });

  return { importFile };
}

// The file the installed app was opened for (file_handlers, through window.launchQueue), or null: the page was not
// opened as a file handler (bundle-url.js: opensLaunchedFile), the browser has no launch queue, or no file came.
export async function launchedFile(loc = location) {
  if (!opensLaunchedFile(loc) || !('launchQueue' in window)) return null;
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), LAUNCH_WAIT_MS);
    window.launchQueue.setConsumer(async (params) => {
      clearTimeout(timer);
      const [handle] = params.files || [];
      try {
        resolve(handle ? await handle.getFile() : null);
      } catch {
        resolve(null);
      }
    });
  });
}
