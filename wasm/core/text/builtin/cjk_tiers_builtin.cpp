// cjk_tiers_builtin.cpp — the CJK characters' frequency tiers built into a program (font.h: setCjkTiers), installed
// before main: linked into the native programs and the tests (galley_cjk_tiers, wasm/CMakeLists.txt), not into the
// viewer's wasm, whose page fetches the same bytes (dist/fonts/cjk-tiers.bin) only for an article with CJK text.
// cjk_tiers.inc is scripts/cjk-slices.py's cjk-tiers.bin as a string literal, in the build tree.
#include "font.h"

#include <cstdio>
#include <cstdlib>

namespace {

constexpr char tiers[] =
#include "cjk_tiers.inc"
    ;

const bool installed = [] {
    if (galley::setCjkTiers(reinterpret_cast<const unsigned char*>(tiers), sizeof tiers - 1)) return true;
    std::fprintf(stderr, "galley: the built-in CJK tiers do not match faces.def (rebuild)\n");
    std::abort();
}();

}  // namespace
