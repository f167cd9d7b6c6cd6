// bundle_loader.h — bundle JSON (format v1, docs/bundle-format.md) to the validated model.
//
// The loader never throws and never stops at the first problem: it reports every error and warning it finds as
// "JSON path: reason" (for example "articles[0].blocks[3].level: must be 1..6"). A bundle with any error yields no
// model; warnings (unknown fields, unknown block types) leave a usable model.
//
// Checked before parsing, so hostile input costs little: size, UTF-8 validity, nesting depth.
#pragma once

#include "model.h"

#include <string>
#include <string_view>
#include <vector>

namespace galley {

struct BundleLimits {
    size_t maxBytes = 64u << 20;   // 64 MiB
    size_t maxArticles = 1000;
    int maxDepth = 64;
};

struct Diagnostic {
    std::string path;      // "articles[0].blocks[3].level", or "$" for the whole document
    std::string message;   // "must be 1..6"
    std::string str() const { return path + ": " + message; }
};

struct LoadResult {
    Bundle bundle;                     // meaningful only when ok()
    std::vector<Diagnostic> errors;
    std::vector<Diagnostic> warnings;
    bool ok() const { return errors.empty(); }
};

LoadResult loadBundle(std::string_view json, const BundleLimits& limits = {});

// Shared with the importer and tests: the checks behind the loader's messages.
bool isIso8601(std::string_view s);
bool isLanguageTag(std::string_view s);
bool isAllowedLinkHref(std::string_view href);   // http:, https:, mailto:
bool isRelativeReference(std::string_view src);  // no scheme, not "/..." or "//...", no backslash
bool isImageSource(std::string_view src);        // a relative reference, or an absolute https URL with a host
bool isAnchorId(std::string_view id);            // a letter, then letters, digits, "_" or "-" (headings, notes)

}  // namespace galley
