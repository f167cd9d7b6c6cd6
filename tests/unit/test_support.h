// test_support.h — shared by the unit tests: data paths and small loaders.
#pragma once

#include "font.h"
#include "hyphenator.h"
#include "layout.h"
#include "utf8.h"
#include "word_hyphenation.h"

#include <fstream>
#include <iterator>
#include <optional>
#include <string>

namespace galley::test {

inline std::string sourcePath(const std::string& rel) { return std::string(GALLEY_SOURCE_DIR) + "/" + rel; }

inline std::string readText(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// The Noto faces, loaded once per test binary (fonts are immutable once loaded but for their lookup caches).
inline const FontSet& notoFonts() {
    static FontSet fonts;
    static bool loaded = loadFontSet(fonts, GALLEY_FONT_DIR, nullptr);
    (void)loaded;
    return fonts;
}

// Debian's English patterns (GALLEY_HYPHEN_DIC), loaded once per test binary.
inline const Hyphenator& englishPatterns() {
    static std::optional<Hyphenator> h = Hyphenator::fromDic(readText(GALLEY_HYPHEN_DIC));
    return *h;
}

// Hyphenates a layout's words with those patterns, as the viewer and the CLI do.
inline void hyphenateEnglish(ArticleLayout& layout) {
    layout.setHyphenation([](const std::string& t, std::vector<uint32_t>& points, std::vector<uint32_t>& lastResort) {
        findHyphenationPoints(englishPatterns(), t, points, {}, &lastResort);
    });
}

}  // namespace galley::test
