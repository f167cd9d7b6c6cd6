// test_support.h — shared by the unit tests: data paths and small loaders.
#pragma once

#include "font.h"

#include <fstream>
#include <iterator>
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

}  // namespace galley::test
