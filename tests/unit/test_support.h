// test_support.h — shared by the unit tests: data paths and small loaders, and what the importers' corpus tests
// check alike.
#pragma once

#include "bundle_loader.h"
#include "font.h"
#include "hyphenator.h"
#include "import_text.h"
#include "layout.h"
#include "utf8.h"
#include "word_hyphenation.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

#ifndef GALLEY_SOURCE_DIR
#error "GALLEY_SOURCE_DIR must name the repository root (the build defines it for the tests)"
#endif

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

// An importer's corpus (tests/data/import, .../html, .../markdown): the names of the files in `directory` ending in
// `extension` (".txt") that have a NAME.expected.json beside them, sorted. None when the folder cannot be read: each
// corpus's CorpusIsThere test counts them.
inline std::vector<std::string> corpusCases(const std::filesystem::path& directory, const std::string& extension) {
    std::vector<std::string> names;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(directory, ec)) {
        const std::filesystem::path& p = entry.path();
        if (p.extension() != extension) continue;
        std::filesystem::path expected = p;
        expected.replace_extension(".expected.json");
        if (std::filesystem::exists(expected)) names.push_back(p.stem().string());
    }
    std::sort(names.begin(), names.end());
    return names;
}

// A corpus case's header as its NAME.expected.json gives it: the --explain line of a numeric date read with the
// page's evidence when the case names one ("date_note"); the title, subtitle, published date, source and authors
// ("" or none when it leaves them out).
inline void expectCorpusHeader(const ImportResult& result, const nlohmann::json& expected) {
    if (expected.contains("date_note")) {
        std::vector<std::string> dateNotes;
        for (const std::string& n : result.notes)
            if (n.rfind("date: ", 0) == 0) dateNotes.push_back(n);
        EXPECT_EQ(dateNotes, std::vector<std::string>{expected["date_note"].get<std::string>()});
    }
    const Article& a = result.article;
    EXPECT_EQ(a.title, expected.value("title", ""));
    EXPECT_EQ(a.subtitle, expected.value("subtitle", ""));
    EXPECT_EQ(a.published, expected.value("published", ""));
    EXPECT_EQ(a.source.name, expected.value("source", ""));
    std::vector<std::string> authors;
    for (const auto& au : a.authors) authors.push_back(au.name);
    EXPECT_EQ(authors, expected.value("authors", std::vector<std::string>{}));
}

// That none of the page furniture a corpus case lists ("absent") is in `text`, the article's text as the test
// gathers it.
inline void expectNoFurniture(const std::string& text, const nlohmann::json& expected) {
    for (const std::string& absent : expected.value("absent", std::vector<std::string>{}))
        EXPECT_EQ(text.find(absent), std::string::npos) << "furniture kept: " << absent;
}

}  // namespace galley::test
