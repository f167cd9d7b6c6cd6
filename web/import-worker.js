// import-worker.js — the import module (import.js + import.wasm, wasm/import_module) run off the page's thread, so
// that reading a large saved page never holds the reader's page. web/file-import.js starts it on a reader's first
// import (the module and its wasm are fetched then, never on a first view) and keeps it for later ones.
//
//   page → worker: {id, name, bytes: ArrayBuffer, baseUrl}            (bytes transferred)
//   worker → page: {id, report: {ok, format, title, errors, warnings, localImages}, bundle: ArrayBuffer | null}
//                  or {id, failure: message} when the module itself could not run
import createImportModule from './import.js';

// The wasm fetched here rather than by Emscripten's loader, so that a failure says which file and why (its own message
// would be a compile error of an empty buffer).
const WASM_URL = new URL('import.wasm', import.meta.url);
const started = fetch(WASM_URL).catch((e) => { throw new Error(`${WASM_URL.pathname}: ${e.message}`); })
  .then((response) => {
    if (!response.ok) throw new Error(`${WASM_URL.pathname}: HTTP ${response.status} ${response.statusText}`.trim());
    return response.arrayBuffer();
  })
  .then((wasmBinary) => createImportModule({ wasmBinary }));
started.catch(() => {});   // reported with each request

function run(mod, { name, bytes, baseUrl }) {
  const encoder = new TextEncoder();
  const input = new Uint8Array(bytes);
  const alloc = (array) => {
    const ptr = mod._malloc(Math.max(array.length, 1));
    mod.HEAPU8.set(array, ptr);
    return ptr;
  };
  const data = alloc(input), namePtr = alloc(encoder.encode(`${name}\0`)), basePtr = alloc(encoder.encode(`${baseUrl || ''}\0`));
  let result = 0;
  try {
    result = mod._galley_import_file(data, input.length, namePtr, basePtr);
    const report = JSON.parse(mod.UTF8ToString(mod._galley_import_report(result)));
    const size = mod._galley_import_bundle_size(result);
    const ptr = mod._galley_import_bundle(result);
    const bundle = report.ok ? mod.HEAPU8.slice(ptr, ptr + size).buffer : null;
    return { report, bundle };
  } finally {
    if (result) mod._galley_import_free(result);
    mod._free(data); mod._free(namePtr); mod._free(basePtr);
  }
}

self.addEventListener('message', async ({ data }) => {
  try {
    const mod = await started;
    const { report, bundle } = run(mod, data);
    self.postMessage({ id: data.id, report, bundle }, bundle ? [bundle] : []);
  } catch (e) {
    self.postMessage({ id: data.id, failure: String(e?.message || e) });
  }
});
