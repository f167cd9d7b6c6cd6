// cjk_tiers_builtin.cpp — the CJK characters' frequency tiers built into a program (cjk_tiers.h: builtinCjkTiers):
// linked into the native programs and the tests (galley_cjk_tiers, wasm/CMakeLists.txt), not into the viewer's wasm,
// whose page fetches the same bytes (dist/fonts/cjk-tiers.bin) only for an article with CJK text.
// cjk_tiers.inc is scripts/cjk-slices.py's cjk-tiers.bin as a string literal, in the build tree.
#include "cjk_tiers.h"

#include <cstdio>
#include <cstdlib>

namespace galley {

namespace {

constexpr char tiers[] =
#include "cjk_tiers.inc"
    ;

}  // namespace

const CjkTiers& builtinCjkTiers() {
    static const std::unique_ptr<CjkTiers> parsed = [] {
        auto t = CjkTiers::fromBytes(reinterpret_cast<const unsigned char*>(tiers), sizeof tiers - 1);
        if (t) return t;
        std::fprintf(stderr, "galley: the built-in CJK tiers do not match faces.def (rebuild)\n");
        std::abort();
    }();
    return *parsed;
}

}  // namespace galley
