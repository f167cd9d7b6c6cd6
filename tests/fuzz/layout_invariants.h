// layout_invariants.h — what the layout fuzz target checks for each input, shared with the unit test that replays its
// corpus and regressions (tests/unit/fuzz_regression_test.cpp), so both judge an input the same way.
//
// The input's first three bytes choose the setting: width 20..1040 px, font size 6..69 px, ragged or justified,
// first fit or optimal, and for half the inputs windows of 64 to 512 bytes for long paragraphs
// (ArticleLayout::windowBytes). The rest is a bundle; every article of it is laid out.
#pragma once

#include "bundle_loader.h"
#include "layout.h"
#include "utf8.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace galley::fuzz {

// The text of every line, words joined without spaces and inserted hyphens left out: what no choice of breaks changes.
inline std::string textOf(const DisplayList& dl) {
    std::string out;
    for (const TextLine& line : dl.lines) {
        if (line.role == LineRole::Marker) continue;
        for (size_t i = 0; i < line.words.size(); ++i) {
            std::string_view w = line.words[i].text;
            if (line.hyphenated && i + 1 == line.words.size() && !w.empty()) w.remove_suffix(1);
            out += w;
        }
    }
    return out;
}

// nullptr when the input passes (or is not a bundle); otherwise which invariant it broke.
inline const char* layoutInvariantBroken(std::string_view input, const FontSet& fonts) {
    if (input.size() < 3) return nullptr;
    const auto byte = [&](size_t i) { return static_cast<unsigned char>(input[i]); };
    LayoutParams params;
    params.width = 20.0f + static_cast<float>(byte(0)) * 4.0f;
    params.fontSize = 6.0f + static_cast<float>(byte(1) % 64);
    params.align = byte(2) & 1 ? Align::Left : Align::Justify;
    params.breaking = byte(2) & 2 ? Breaking::FirstFit : Breaking::Optimal;
    const bool windows = byte(2) & 4;
    LoadResult r = loadBundle(input.substr(3));
    if (!r.ok()) return nullptr;
    for (const Article& a : r.bundle.articles) {
        ArticleLayout layout(fonts, a);
        if (windows) layout.windowBytes = size_t(64) << ((byte(2) >> 3) & 3);
        const DisplayList dl = layout.layout(params);
        if (!(dl.height >= 0)) return "height is negative or NaN";
        if (dl.lines.empty()) return "no lines (the title always has one)";
        for (const TextLine& line : dl.lines) {
            if (line.role == LineRole::Marker) continue;
            // Allowed: punctuation hanging into the margin (under half an em), or one glyph wider than the measure.
            const float overflow = line.x + line.width - params.width;
            const bool oneGlyph = line.words.size() == 1 && utf8::countCodePoints(line.words[0].text) <= 2;
            if (overflow > line.fontSize * 0.5f + 0.01f && !oneGlyph) return "a line overflows the measure";
        }
        if (windows) {
            ArticleLayout whole(fonts, a);
            whole.windowBytes = SIZE_MAX / 4;
            if (textOf(whole.layout(params)) != textOf(dl)) return "windows lost, doubled or reordered text";
        }
    }
    return nullptr;
}

}  // namespace galley::fuzz
