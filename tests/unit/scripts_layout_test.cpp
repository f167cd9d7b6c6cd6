// Articles in other scripts, laid out end to end: right-to-left paragraphs reordered and set from the right (bidi.h),
// English names and numbers inside them in their own order, Chinese and Japanese broken between characters by
// UAX #14's rules (no line starts with a closing mark or ends with an opening one) and justified by spacing them,
// Thai broken between words by libthai's dictionary, and every script drawn with no .notdef.
#include "bundle_loader.h"
#include "layout.h"
#include "layout_quality.h"
#include "paragraph_builder.h"
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

// The glyphs drawn on a line's baseline (marks raised off it aside), left to right.
std::vector<PlacedGlyph> glyphsOnBaseline(const DisplayList& dl, const TextLine& line) {
    std::vector<PlacedGlyph> out;
    for (const PlacedGlyph& g : dl.glyphs)
        if (std::abs(g.y - line.baseline) < 0.01f && g.x >= line.x - 0.01f && g.x < line.x + line.width) out.push_back(g);
    std::sort(out.begin(), out.end(), [](const PlacedGlyph& a, const PlacedGlyph& b) { return a.x < b.x; });
    return out;
}

float advanceOf(const PlacedGlyph& g) { return test::notoFonts().face(g.style, g.slice)->advance(g.glyph) * g.size; }

bool isGlyphOf(const PlacedGlyph& g, uint32_t cp) {
    return static_cast<int>(g.glyph) == test::notoFonts().face(g.style, g.slice)->glyphIndex(cp);
}

Article oneParagraph(const std::string& lang, const std::string& text) {
    Article a;
    a.lang = lang;
    a.title = "t";
    Block b;
    b.text.text = text;
    a.blocks.push_back(b);
    return a;
}

// A measured paragraph's boxes by their text, with what they hang at a line's start and end.
std::map<std::string, std::pair<float, float>> boxHangs(const MeasuredParagraph& m) {
    std::map<std::string, std::pair<float, float>> out;
    for (size_t k = 0; k < m.items.size(); ++k) {
        if (m.boxOfItem[k] < 0) continue;
        const BoxRef& b = m.boxes[static_cast<size_t>(m.boxOfItem[k])];
        uint32_t begin = UINT32_MAX, end = 0;
        for (uint32_t gi = 0; gi < b.glyphCount; ++gi) {
            begin = std::min(begin, m.glyphs[b.firstGlyph + gi].textBegin);
            end = std::max(end, m.glyphs[b.firstGlyph + gi].textEnd());
        }
        out[m.text.substr(begin, end - begin)] = {m.items[k].hangStart, m.items[k].hangEnd};
    }
    return out;
}

}  // namespace

TEST(ScriptsLayout, RightToLeftLinesHangTheirEndingPunctuationIntoTheLeftMargin) {
    for (const char* name : {"ar", "he"}) {
        size_t hung = 0;
        for (float width : {300.0f, 340.0f, 400.0f, 480.0f, 560.0f}) {
            const DisplayList dl = layOut(scriptArticle(name), width);
            for (const TextLine& line : dl.lines) {
                if (line.role != LineRole::Paragraph || line.last) continue;
                // Justified between the column's edges, what hangs outside them.
                EXPECT_NEAR(line.x + line.hangLeft, 0.0f, 0.6f) << name;
                EXPECT_NEAR(line.x + line.width - line.hangRight, width, 0.6f) << name;
                // A line that ends (in reading order) with a period, a comma or an Arabic comma after a letter: that
                // glyph is the leftmost and hangs wholly past the column's left edge.
                const std::u32string last = utf8::decode(line.words.back().text);
                if (last.size() < 2 || last[last.size() - 2] < 0x0590) continue;
                const uint32_t stop = last.back();
                if (stop != '.' && stop != ',' && stop != 0x060C) continue;
                const std::vector<PlacedGlyph> glyphs = glyphsOnBaseline(dl, line);
                ASSERT_FALSE(glyphs.empty());
                const PlacedGlyph& edge = glyphs.front();
                EXPECT_TRUE(isGlyphOf(edge, stop)) << name << ": " << line.words.back().text;
                EXPECT_NEAR(line.hangLeft, advanceOf(edge), 0.01f) << name << ": " << line.words.back().text;
                EXPECT_NEAR(edge.x, -advanceOf(edge), 0.05f) << name << ": " << line.words.back().text;
                ++hung;
            }
        }
        EXPECT_GE(hung, 3u) << name;
    }
}

TEST(ScriptsLayout, RightToLeftLinesHangTheirOpeningQuoteIntoTheRightMargin) {
    // Hebrew with quoted words: some lines, at some width, start with a quotation mark.
    std::string text;
    for (int i = 0; i < 12; ++i) text += "הוא אמר \"שלום\" לכל האנשים שעמדו ליד הבית, ואז הלך לדרכו. ";
    const Article article = oneParagraph("he", text);
    size_t hung = 0;
    for (float width = 240; width <= 480; width += 10) {
        const DisplayList dl = layOut(article, width);
        for (const TextLine& line : dl.lines) {
            if (line.role != LineRole::Paragraph || line.words.front().text.front() != '"') continue;
            // The quote, logically first, is the rightmost glyph and hangs 0.7 of its advance past the right edge.
            const std::vector<PlacedGlyph> glyphs = glyphsOnBaseline(dl, line);
            ASSERT_FALSE(glyphs.empty());
            const PlacedGlyph& edge = glyphs.back();
            EXPECT_TRUE(isGlyphOf(edge, '"'));
            EXPECT_NEAR(line.hangRight, 0.7f * advanceOf(edge), 0.01f);
            EXPECT_NEAR(line.x + line.width, width + line.hangRight, 0.6f);
            ++hung;
        }
    }
    EXPECT_GE(hung, 2u);
}

TEST(ScriptsLayout, OnlyPunctuationAtTheParagraphsLevelHangs) {
    // In a right-to-left paragraph "Smith," is left to right (level 2) before another English name: at a line's end
    // its comma is not at the line's left edge ("John" is), so it does not hang. "ועוד." ends at the left: it does.
    // The opening quote of "\"שלום" starts at the right and hangs there.
    TextStyle rtl;
    rtl.direction = WritingDirection::RightToLeft;
    RichText t;
    t.text = "\"שלום\" ראה John Smith, Jane Doe ועוד.";
    const auto hangs = boxHangs(measureParagraph(t, rtl, test::notoFonts()));
    const FontFace& regular = test::notoFonts().face(FontStyle::Regular);
    const float quote = regular.advance(regular.glyphIndex('"')) * rtl.size;
    const float period = regular.advance(regular.glyphIndex('.')) * rtl.size;
    const float comma = regular.advance(regular.glyphIndex(',')) * rtl.size;
    ASSERT_EQ(hangs.count("Smith,"), 1u);
    EXPECT_EQ(hangs.at("Smith,").second, 0.0f);
    EXPECT_NEAR(hangs.at("ועוד.").second, period, 0.01f);
    EXPECT_NEAR(hangs.at("\"שלום\"").first, 0.7f * quote, 0.01f);
    EXPECT_NEAR(hangs.at("\"שלום\"").second, 0.7f * quote, 0.01f);
    // Left to right, the same comma ends its line at the right edge and hangs.
    t.text = "John Smith, Jane Doe.";
    const auto ltr = boxHangs(measureParagraph(t, TextStyle{}, test::notoFonts()));
    EXPECT_NEAR(ltr.at("Smith,").second, comma, 0.01f);
    EXPECT_EQ(ltr.at("Smith,").first, 0.0f);
}

TEST(ScriptsLayout, HebrewDropCapStandsAtTheRightWithTheLinesBesideIt) {
    const Article article = scriptArticle("he");
    ArticleLayout layout(test::notoFonts(), article);
    LayoutParams params;
    params.width = 400;
    params.dropCap = true;
    params.dropCapLines = 3;
    const DisplayList dl = layout.layout(params);
    const auto [cap, first] = test::dropCapLines(dl);
    ASSERT_NE(cap, nullptr);
    ASSERT_GE(first.size(), 5u);
    EXPECT_EQ(cap->words[0].text, "ג");  // "גבר מצפון קוריאה..."
    EXPECT_TRUE(cap->endsInWord);
    EXPECT_TRUE(cap->rightToLeft);
    EXPECT_NEAR(cap->x + cap->width, 400.0f, 0.01f);  // its ink flush with the right edge
    EXPECT_NEAR(cap->baseline, first[2]->baseline, 0.01f);
    // Its top meets the first line's letters, which stand lower than a Latin capital.
    const FontFace& hebrew = *test::notoFonts().face(FontStyle::Regular, sliceOf(0x05D2, "he"));
    const float letterHeight = hebrew.letterHeight(0x05D4);
    EXPECT_LT(letterHeight, test::notoFonts().face(FontStyle::Regular).capHeight() - 0.03f);
    EXPECT_NEAR(cap->baseline - letterHeight * cap->fontSize, first[0]->baseline - letterHeight * first[0]->fontSize,
                0.01f);
    // Its glyph drawn there, on the third line's baseline: the pen inside the ink box (ink starts near the pen).
    bool drawn = false;
    for (const PlacedGlyph& g : dl.glyphs)
        drawn |= g.size == cap->fontSize && std::abs(g.y - cap->baseline) < 0.01f && g.x > cap->x - 0.2f * g.size &&
                 g.x < cap->x + cap->width;
    EXPECT_TRUE(drawn);
    // The first three lines end short of it on the right and run to the left edge (justified); then full width.
    for (int i = 0; i < 3; ++i) {
        EXPECT_LT(first[i]->x + first[i]->width - first[i]->hangRight, cap->x) << i;
        EXPECT_NEAR(first[i]->x + first[i]->hangLeft, 0.0f, 0.6f) << i;
    }
    EXPECT_NEAR(first[3]->x + first[3]->width - first[3]->hangRight, 400.0f, 0.6f);
    EXPECT_NEAR(first[3]->x + first[3]->hangLeft, 0.0f, 0.6f);
    EXPECT_EQ(measureLayoutQuality(dl).overflowingLines, 0);
}

TEST(ScriptsLayout, JoiningScriptsKeepTheirFirstLetterJoinedWithoutADropCap) {
    for (const char* name : {"ar", "fa", "hi"}) {
        const Article article = scriptArticle(name);
        ArticleLayout layout(test::notoFonts(), article);
        LayoutParams params;
        params.width = 400;
        params.dropCap = true;
        const DisplayList dl = layout.layout(params);
        for (const TextLine& l : dl.lines) {
            EXPECT_NE(l.role, LineRole::DropCap) << name;
            if (l.block == 0 && l.role == LineRole::Paragraph && !l.last) {
                EXPECT_NEAR(l.x + l.width - l.hangRight, 400.0f, 0.6f) << name;  // no line narrowed
            }
        }
    }
}

TEST(ScriptsLayout, RightToLeftParagraphsStartAtTheRight) {
    for (const char* name : {"ar", "fa", "he"}) {
        for (Align align : {Align::Justify, Align::Left}) {
            const DisplayList dl = layOut(scriptArticle(name), 400, align);
            size_t body = 0;
            for (const TextLine& line : dl.lines) {
                if (line.role != LineRole::Paragraph) continue;
                ++body;
                // Every line ends at the column's right edge, ragged or justified, last line or not (an opening
                // quote hanging past it).
                EXPECT_NEAR(line.x + line.width - line.hangRight, 400.0f, 0.6f) << name << ": " << line.words.front().text;
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
                // Within the measure, but for an opening quote hanging into the left margin ("“要么被处决"): its
                // right edge, and a left edge no further out than a hanging quote.
                EXPECT_LE(line.x + line.width, width + 1.0f) << name << " " << width << ": " << line.words.back().text;
                EXPECT_GE(line.x, -0.5f * 18.0f) << name << " " << width << ": " << line.words.front().text;
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
