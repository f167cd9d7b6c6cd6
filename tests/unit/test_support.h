// test_support.h — shared by the unit tests: data paths and small loaders.
#pragma once

#include "bundle_loader.h"
#include "font.h"
#include "hyphenator.h"
#include "layout.h"
#include "utf8.h"
#include "word_hyphenation.h"

#include <gtest/gtest.h>

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

// The first article of a bundle in the source tree (a failure is the test's).
inline Article articleOf(const std::string& rel) {
    LoadResult r = loadBundle(readText(sourcePath(rel)));
    EXPECT_TRUE(r.ok()) << rel;
    return r.ok() ? r.bundle.articles[0] : Article{};
}

// A layout's drop cap line (null if none) and the lines of its first paragraph beside and after it.
struct DropCapLines {
    const TextLine* cap = nullptr;
    std::vector<const TextLine*> first;
};
inline DropCapLines dropCapLines(const DisplayList& dl) {
    DropCapLines out;
    for (const TextLine& l : dl.lines) {
        if (l.role == LineRole::DropCap) out.cap = &l;
        else if (l.block == 0 && l.role == LineRole::Paragraph) out.first.push_back(&l);
    }
    return out;
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
