// file_import.h — a file as a reader hands it over (its bytes and its name) to a bundle, or to errors that say what
// and where: what the page's import module (wasm/import_module) runs when a file is dropped on the viewer or opened.
// The format is guessed as `galley import` guesses it (import_format.h); what a browser cannot do with the result is
// said too: images the file names by a relative path are files beside it on the reader's disk, which a page cannot
// read.
//
// Not here: the importers (import_format.h runs them), JavaScript (wasm/import_module/import_module.cpp is the C API).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "import_format.h"

namespace galley {

inline constexpr size_t MaxImportedFileBytes = size_t(32) << 20;  // as the HTML importer's own limit

struct FileImport {
    bool ok = false;
    ImportFormat format = ImportFormat::Text;
    std::string title;                     // ok: the article's title
    std::string bundleJson;                // ok: the bundle, one article, on one line
    std::vector<std::string> errors;       // not ok: "notes.txt: not imported: ..." (what, and where in the file)
    std::vector<std::string> warnings;     // ok or not: what the reader should know (held-back images, ...)
    std::vector<std::string> localImages;  // ok: image sources that are neither http: nor https: (the page cannot
                                           // fetch them), in the order of the article
};

// baseUrl: the page's address when known (http or https), for its relative links (relative images stay so: files
// beside it); empty: the HTML's own canonical link, if any. Never throws.
FileImport importFile(std::string_view bytes, std::string_view fileName, std::string_view baseUrl = {});

}  // namespace galley
