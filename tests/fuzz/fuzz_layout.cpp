// libFuzzer target: load an arbitrary bundle and lay out every article in a setting taken from the input's first
// bytes; see layout_invariants.h for what must hold.
#include "layout_invariants.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

#ifndef GALLEY_FONT_DIR
#define GALLEY_FONT_DIR "/usr/share/fonts/truetype/noto"
#endif

static const galley::FontSet& fonts() {
    static galley::FontSet set;
    static bool loaded = galley::loadFontSet(set, GALLEY_FONT_DIR, nullptr);
    if (!loaded) std::abort();
    return set;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const char* broken = galley::fuzz::layoutInvariantBroken(
        std::string_view(reinterpret_cast<const char*>(data), size), fonts());
    if (broken) {
        std::fprintf(stderr, "layout invariant broken: %s\n", broken);
        std::abort();
    }
    return 0;
}
