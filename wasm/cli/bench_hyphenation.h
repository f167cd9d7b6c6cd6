// bench_hyphenation.h — `galley bench hyphenation`: loading patterns from .dic text against their compiled form,
// and hyphenating an article's text.
#pragma once

#include <string>

namespace galley::cli {
// bundlePath: the bundle whose first article is hyphenated for the speed figure.
// label: "native", or the name the native run gives the wasm one (which then runs nothing further: runWasm false).
int benchHyphenation(const std::string& bundlePath, const char* label, bool runWasm);
}
