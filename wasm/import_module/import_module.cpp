// import_module.cpp — the C API of the page's import module (dist/import.js + import.wasm): a file's bytes and name
// in, a bundle or errors out. web/import-worker.js runs it in a Worker when a reader drops or opens a file; the
// viewer's own wasm (wasm/app) never links the importers, so its first view does not carry them.
//
//   GalleyImport* r = galley_import_file(bytes, size, "notes.md", "");   // base URL: "" or an http(s) URL
//   galley_import_bundle(r), galley_import_bundle_size(r)                // the bundle JSON ("" when it failed)
//   galley_import_report(r)   // {"ok", "format", "title", "errors": [...], "warnings": [...], "localImages": [...]}
//   galley_import_free(r)
// Each result is its own allocation, freed by the caller: the module keeps no state between calls.
//
// Not here: the import itself (wasm/import/file_import.h), the Worker and the page (web/import-worker.js,
// web/file-import.js).
#include <emscripten/emscripten.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "file_import.h"

struct GalleyImport {
    galley::FileImport file;
    std::string report;
};

extern "C" {

EMSCRIPTEN_KEEPALIVE GalleyImport* galley_import_file(const uint8_t* bytes, size_t size, const char* fileName,
                                                      const char* baseUrl) {
    auto* r = new GalleyImport;
    r->file = galley::importFile(std::string_view(reinterpret_cast<const char*>(bytes), size),
                                 fileName ? fileName : "", baseUrl ? baseUrl : "");
    nlohmann::json report = {{"ok", r->file.ok},
                             {"format", galley::importFormatName(r->file.format)},
                             {"title", r->file.title},
                             {"errors", r->file.errors},
                             {"warnings", r->file.warnings},
                             {"localImages", r->file.localImages}};
    // Replaced, not thrown on, should a file name or an importer's message carry ill-formed UTF-8.
    r->report = report.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return r;
}

EMSCRIPTEN_KEEPALIVE const char* galley_import_bundle(const GalleyImport* r) { return r->file.bundleJson.c_str(); }

EMSCRIPTEN_KEEPALIVE size_t galley_import_bundle_size(const GalleyImport* r) { return r->file.bundleJson.size(); }

EMSCRIPTEN_KEEPALIVE const char* galley_import_report(const GalleyImport* r) { return r->report.c_str(); }

EMSCRIPTEN_KEEPALIVE void galley_import_free(GalleyImport* r) { delete r; }

}  // extern "C"
