// bench_hyphenation.h — `galley bench hyphenation`: loading patterns from .dic text against their compiled form.
#pragma once

namespace galley::cli {
// label: "native", or the name the native run gives the wasm one (which then runs nothing further: runWasm false).
int benchHyphenation(const char* label, bool runWasm);
}
