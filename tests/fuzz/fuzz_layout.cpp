// libFuzzer target: load an arbitrary bundle and lay out every article at a width and font size taken from the
// input's first bytes, with both breakers. Lines must stay inside the measure unless a single glyph is wider.
#include "bundle_loader.h"
#include "layout.h"
#include "utf8.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

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
    if (size < 3) return 0;
    galley::LayoutParams params;
    params.width = 20.0f + static_cast<float>(data[0]) * 4.0f;       // 20 .. 1040 px
    params.fontSize = 6.0f + static_cast<float>(data[1] % 64);        // 6 .. 69 px
    params.align = data[2] & 1 ? galley::Align::Left : galley::Align::Justify;
    params.breaking = data[2] & 2 ? galley::Breaking::FirstFit : galley::Breaking::Optimal;
    galley::LoadResult r = galley::loadBundle(std::string_view(reinterpret_cast<const char*>(data + 3), size - 3));
    if (!r.ok()) return 0;
    for (const galley::Article& a : r.bundle.articles) {
        galley::ArticleLayout layout(fonts(), a);
        galley::DisplayList dl = layout.layout(params);
        for (const galley::TextLine& line : dl.lines) {
            if (line.role == galley::LineRole::Marker) continue;
            float overflow = line.x + line.width - params.width;
            // Allowed: punctuation hanging into the margin (under half an em), or one glyph wider than the measure.
            bool oneGlyph = line.words.size() == 1 && galley::utf8::countCodePoints(line.words[0].text) <= 2;
            if (overflow > line.fontSize * 0.5f + 0.01f && !oneGlyph) std::abort();
        }
        if (!(dl.height >= 0) || dl.lines.empty()) std::abort();
    }
    return 0;
}
