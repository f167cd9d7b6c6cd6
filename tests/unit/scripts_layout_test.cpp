// Articles in other scripts, laid out end to end: right-to-left paragraphs reordered and set from the right (bidi.h),
// English names and numbers inside them in their own order, Chinese and Japanese broken between characters by
// UAX #14's rules (no line starts with a closing mark or ends with an opening one) and justified by spacing them,
// Thai broken between words by libthai's dictionary, and every script drawn with no .notdef.
#include "bundle_loader.h"
#include "layout.h"
#include "line_breaks.h"
#include "test_support.h"
#include "utf8.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>

using namespace galley;

namespace {

Article scriptArticle(const std::string& name) {
    LoadResult r = loadBundle(test::readText(test::sourcePath("tests/data/scripts/" + name + ".json")));
    EXPECT_TRUE(r.ok()) << name;
    return r.ok() ? r.bundle.articles[0] : Article{};
}

const ThaiDictionary* thaiDictionary() {
    static std::unique_ptr<ThaiDictionary> d = ThaiDictionary::open(GALLEY_THAI_DICTIONARY);
    return d.get();
}

DisplayList layOut(const Article& a, float width, Align align = Align::Justify) {
    ArticleLayout layout(test::notoFonts(), a);
    layout.setThaiDictionary(thaiDictionary());
    LayoutParams params;
    params.width = width;
    params.align = align;
    return layout.layout(params);
}

const WordBox* findWord(const TextLine& line, const std::string& text) {
    for (const WordBox& w : line.words)
        if (w.text == text) return &w;
    return nullptr;
}

uint32_t firstCodePoint(const std::string& s) {
    size_t i = 0;
    return s.empty() ? 0 : utf8::next(s, i);
}

uint32_t lastCodePoint(const std::string& s) {
    std::u32string cps = utf8::decode(s);
    return cps.empty() ? 0 : cps.back();
}

}  // namespace

TEST(ScriptsLayout, RightToLeftParagraphsStartAtTheRight) {
    for (const char* name : {"ar", "fa", "he"}) {
        for (Align align : {Align::Justify, Align::Left}) {
            const DisplayList dl = layOut(scriptArticle(name), 400, align);
            size_t body = 0;
            for (const TextLine& line : dl.lines) {
                if (line.role != LineRole::Paragraph) continue;
                ++body;
                // Every line ends at the column's right edge, ragged or justified, last line or not.
                EXPECT_NEAR(line.x + line.width, 400.0f, 0.6f) << name << ": " << line.words.front().text;
                if (line.words.size() >= 2 && firstCodePoint(line.words[0].text) >= 0x0590 &&
                    firstCodePoint(line.words[1].text) >= 0x0590) {
                    EXPECT_GT(line.words[0].x, line.words[1].x) << name << ": words read from right to left";
                }
            }
            EXPECT_GT(body, 10u) << name;
            EXPECT_EQ(dl.missingGlyphs, 0u) << name;
        }
    }
}

TEST(ScriptsLayout, EnglishAndNumbersInsideArabicKeepTheirOrder) {
    const DisplayList dl = layOut(scriptArticle("ar"), 560);
    bool seen = false;
    for (const TextLine& line : dl.lines) {
        const WordBox* human = findWord(line, "Human");
        const WordBox* rights = findWord(line, "Rights");
        const WordBox* watch = findWord(line, "Watch");
        if (!human || !rights || !watch) continue;
        seen = true;
        EXPECT_LT(human->x, rights->x);
        EXPECT_LT(rights->x, watch->x);
    }
    EXPECT_TRUE(seen) << "Human Rights Watch on one line at 560 px";
    // A number's digits left to right: the glyphs of "2015" in the subtitle are 2, 0, 1, 5 from the left.
    const FontFace& italic = test::notoFonts().face(FontStyle::Italic);
    std::vector<int> want;
    for (char c : std::string("2015")) want.push_back(italic.glyphIndex(static_cast<uint32_t>(c)));
    bool found = false;
    for (const TextLine& line : dl.lines) {
        const WordBox* year = line.role == LineRole::Subtitle ? findWord(line, "2015") : nullptr;
        if (!year) continue;
        std::vector<std::pair<float, int>> digits;
        for (const PlacedGlyph& g : dl.glyphs)
            if (std::abs(g.y - line.baseline) < 0.5f && g.x >= line.x + year->x - 0.5f &&
                g.x < line.x + year->x + year->width - 0.5f)
                digits.emplace_back(g.x, g.glyph);
        std::sort(digits.begin(), digits.end());
        std::vector<int> got;
        for (const auto& d : digits) got.push_back(d.second);
        EXPECT_EQ(got, want);
        found = true;
    }
    EXPECT_TRUE(found);
}

// A word whose parts bidi reordering placed apart is a box per piece: in "Human Rights Watch, ..." inside Hebrew
// the comma goes with the Hebrew, left of the Latin run, and its box is there, joined to "Watch" (no space in the
// text), not one box over the whole run. So no two boxes of a line overlap: each is where its text was drawn (the
// DOM text layer places its words by them).
TEST(ScriptsLayout, WordsDrawnInPiecesHaveABoxPerPiece) {
    for (const char* name : {"ar", "fa", "he", "en-mixed"}) {
        for (float width : {300.0f, 420.0f, 560.0f}) {
            const DisplayList dl = layOut(scriptArticle(name), width);
            for (const TextLine& line : dl.lines) {
                std::vector<std::pair<float, float>> boxes;
                for (const WordBox& w : line.words) boxes.emplace_back(w.x, w.x + w.width);
                std::sort(boxes.begin(), boxes.end());
                for (size_t i = 1; i < boxes.size(); ++i)
                    EXPECT_LE(boxes[i - 1].second, boxes[i].first + 0.01f) << name << " " << width << ": "
                                                                           << line.words.front().text;
            }
        }
    }
    const DisplayList dl = layOut(scriptArticle("he"), 560);
    bool seen = false;
    for (const TextLine& line : dl.lines) {
        for (size_t i = 0; i + 1 < line.words.size(); ++i) {
            const WordBox& watch = line.words[i];
            const WordBox& comma = line.words[i + 1];
            const WordBox* human = findWord(line, "Human");
            if (watch.text != "Watch" || comma.text != "," || !human) continue;
            seen = true;
            EXPECT_TRUE(comma.joinsPrevious);
            EXPECT_LE(comma.x + comma.width, human->x + 0.01f) << "the comma is drawn left of the Latin run";
            EXPECT_GT(watch.x, human->x);
        }
    }
    EXPECT_TRUE(seen) << "Human Rights Watch, on one line of the Hebrew article at 560 px";
}

TEST(ScriptsLayout, ChineseAndJapaneseLinesKeepTheirPunctuationRules) {
    const std::u32string noLineStart = U"、。，」）！？：；』〉》】〕〟・ー";
    const std::u32string noLineEnd = U"「（『〈《【〔〝";
    for (const char* name : {"zh-Hans", "zh-Hant", "ja"}) {
        for (float width : {300.0f, 420.0f, 560.0f}) {
            const DisplayList dl = layOut(scriptArticle(name), width);
            size_t lines = 0, full = 0;
            for (const TextLine& line : dl.lines) {
                if (line.role != LineRole::Paragraph || line.words.empty()) continue;
                ++lines;
                const uint32_t first = firstCodePoint(line.words.front().text);
                const uint32_t last = lastCodePoint(line.words.back().text);
                EXPECT_EQ(noLineStart.find(first), std::u32string::npos) << name << " " << width << ": " << line.words.front().text;
                EXPECT_EQ(noLineEnd.find(last), std::u32string::npos) << name << " " << width << ": " << line.words.back().text;
                EXPECT_LE(line.width, width + 1.0f) << name;
                // Justified by spacing the characters: every line but a paragraph's last fills the measure.
                if (!line.last) full += std::abs(line.x + line.width - width) < 1.0f;
                else full++;
            }
            EXPECT_GT(lines, 8u) << name;
            EXPECT_EQ(full, lines) << name << " at " << width << " px";
        }
    }
}

TEST(ScriptsLayout, ThaiBreaksBetweenWords) {
    ASSERT_NE(thaiDictionary(), nullptr) << GALLEY_THAI_DICTIONARY;
    const Article a = scriptArticle("th");
    const DisplayList dl = layOut(a, 360);
    size_t checked = 0;
    for (const TextLine& line : dl.lines) {
        if (line.role != LineRole::Paragraph || line.last || line.words.empty() || line.block >= a.blocks.size()) continue;
        const std::string& text = a.blocks[line.block].text.text;
        const std::vector<BreakOpportunity> breaks = lineBreaks(text, "th", thaiDictionary());
        uint32_t end = line.words.back().sourceEnd;
        ASSERT_LE(end, text.size());
        while (end < text.size() && text[end] == ' ') ++end;  // UAX #14 breaks after the spaces
        // The line ends where a word does (or at a space after one), never inside a Thai word.
        EXPECT_NE(breaks[end], BreakOpportunity::None) << line.words.back().text;
        EXPECT_LE(line.width, 361.0f);
        ++checked;
    }
    EXPECT_GT(checked, 5u);
    EXPECT_EQ(dl.missingGlyphs, 0u);
}

TEST(ScriptsLayout, EveryScriptIsDrawn) {
    for (const char* name : {"ar", "fa", "he", "el", "hi", "th", "ru", "uk", "vi", "de"}) {
        const DisplayList dl = layOut(scriptArticle(name), 480);
        EXPECT_EQ(dl.missingGlyphs, 0u) << name;
        EXPECT_GT(dl.glyphs.size(), 300u) << name;
    }
}

// Words across a break without a space (between Han characters, Thai words) join without one: the text layer and
// copy give back the source text.
TEST(ScriptsLayout, WordsWithoutSpacesJoinAsTheSourceHasThem) {
    for (const char* name : {"zh-Hans", "ja", "th", "ar"}) {
        const Article a = scriptArticle(name);
        const DisplayList dl = layOut(a, 360);
        std::map<uint32_t, std::string> text;
        for (const TextLine& line : dl.lines) {
            if (line.role != LineRole::Paragraph || line.block >= a.blocks.size()) continue;
            std::string& t = text[line.block];
            for (size_t i = 0; i < line.words.size(); ++i) {
                const bool lineStart = i == 0;
                if (!t.empty() && (lineStart ? !dl.lines[&line - &dl.lines[0] - 1].endsInWord : !line.words[i].joinsPrevious))
                    t += ' ';
                std::string w = line.words[i].text;
                if (line.hyphenated && i + 1 == line.words.size() && !w.empty()) w.pop_back();
                t += w;
            }
        }
        for (const auto& [block, got] : text) EXPECT_EQ(got, a.blocks[block].text.text) << name << " block " << block;
    }
}
