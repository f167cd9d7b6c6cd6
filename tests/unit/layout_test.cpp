// Layout invariants on the sample article and on random text: no line wider than the measure, every word of the
// source laid out once and in order, for both breakers, justified and ragged, over a range of widths.
#include "bundle_loader.h"
#include "layout.h"
#include "test_support.h"

#include <gtest/gtest.h>

#include <random>
#include <sstream>

using namespace galley;

namespace {

std::vector<std::string> words(const std::string& text) {
    std::istringstream in(text);
    std::vector<std::string> out;
    for (std::string w; in >> w;) out.push_back(w);
    return out;
}

Article sampleArticle() {
    LoadResult r = loadBundle(test::readText(test::sourcePath("assets/sample.json")));
    EXPECT_TRUE(r.ok());
    return r.ok() ? r.bundle.articles[0] : Article{};
}

// The body's words as laid out: hyphenated halves joined, inserted hyphens removed.
std::vector<std::string> laidOutBodyWords(const DisplayList& dl) {
    std::vector<std::string> out;
    bool joinNext = false;
    for (const TextLine& line : dl.lines) {
        if (line.block == UINT32_MAX || line.role == LineRole::Marker) continue;
        for (size_t i = 0; i < line.words.size(); ++i) {
            std::string w = line.words[i].text;
            bool last = i + 1 == line.words.size();
            bool inserted = last && line.hyphenated;
            if (inserted) w.pop_back();
            if (joinNext) out.back() += w;
            else out.push_back(w);
            // A line that ends inside a word: after an inserted hyphen, after an explicit hyphen or dash inside a
            // word ("four-year-old"), or between the glyphs of a word wider than the measure; not after a dash
            // standing alone between spaces ("Human Rights Watch – it").
            joinNext = last && line.endsInWord;
        }
    }
    return out;
}

std::vector<std::string> bodyWords(const Article& a) {
    std::vector<std::string> out;
    for (const Block& b : a.blocks) {
        for (auto& w : words(b.text.text)) out.push_back(w);
        for (const ListItem& item : b.items)
            for (auto& w : words(item.text.text)) out.push_back(w);
    }
    return out;
}

// The ink of every line stays within the measure, except hanging punctuation (which may hang by at most one glyph).
void expectWithinMeasure(const DisplayList& dl, float width) {
    for (const TextLine& line : dl.lines) {
        if (line.role == LineRole::Marker) continue;
        EXPECT_LE(line.x + line.width - line.hangRight, width + 0.01f) << "line overflows: " << (line.words.empty() ? "" : line.words[0].text);
        EXPECT_GE(line.x + line.hangLeft, -0.01f);
        EXPECT_GE(line.hangLeft, 0.0f);
        EXPECT_GE(line.hangRight, 0.0f);
        EXPECT_LE(line.hangLeft, line.fontSize);
        EXPECT_LE(line.hangRight, line.fontSize);
    }
}

}  // namespace

TEST(Layout, SampleKeepsEveryWordInOrderAndWithinTheMeasure) {
    Article a = sampleArticle();
    ArticleLayout layout(test::notoFonts(), a);
    for (Breaking breaking : {Breaking::FirstFit, Breaking::Optimal})
        for (Align align : {Align::Justify, Align::Left})
            for (float width : {200.0f, 340.0f, 560.0f, 900.0f}) {
                LayoutParams p;
                p.width = width;
                p.align = align;
                p.breaking = breaking;
                DisplayList dl = layout.layout(p);
                expectWithinMeasure(dl, width);
                EXPECT_EQ(laidOutBodyWords(dl), bodyWords(a)) << "width " << width;
                EXPECT_GT(dl.height, 0);
            }
}

TEST(Layout, HeaderHasTitleBylineAndDate) {
    Article a = sampleArticle();
    ArticleLayout layout(test::notoFonts(), a);
    DisplayList dl = layout.layout({});
    ASSERT_FALSE(dl.lines.empty());
    EXPECT_EQ(dl.lines[0].role, LineRole::Title);
    std::string byline;
    for (const TextLine& l : dl.lines)
        if (l.role == LineRole::Byline)
            for (const WordBox& w : l.words) byline += w.text + " ";
    EXPECT_NE(byline.find("Faith Magbanua"), std::string::npos) << byline;
    EXPECT_NE(byline.find("China Christian Daily"), std::string::npos) << byline;
    EXPECT_NE(byline.find("November 15, 2017"), std::string::npos) << byline;
}

TEST(Layout, JustifiedLinesFillTheMeasure) {
    Article a = sampleArticle();
    ArticleLayout layout(test::notoFonts(), a);
    LayoutParams p;
    p.width = 560;
    DisplayList dl = layout.layout(p);
    int justified = 0;
    for (const TextLine& line : dl.lines) {
        if (line.role != LineRole::Paragraph || line.last) continue;
        EXPECT_NEAR(line.x + line.width - line.hangRight, 560.0f, 0.05f);
        EXPECT_NEAR(line.x + line.hangLeft, 0.0f, 0.05f);
        ++justified;
    }
    EXPECT_GT(justified, 20);
}

TEST(Layout, GlyphsUseKerningAndTheEmSize) {
    FontSet const& fonts = test::notoFonts();
    RichText t;
    t.text = "AV";
    MeasuredParagraph p = measureParagraph(t, {FontStyle::Regular, 18, ColorRole::Text}, fonts);
    const FontFace& f = fonts.face(FontStyle::Regular);
    float expected = (f.advance(f.glyphIndex('A')) + f.kerning(f.glyphIndex('A'), f.glyphIndex('V')) +
                      f.advance(f.glyphIndex('V'))) * 18;
    ASSERT_EQ(p.boxes.size(), 1u);
    EXPECT_NEAR(p.boxes[0].width, expected, 1e-3);
    EXPECT_LT(p.boxes[0].width, (f.advance(f.glyphIndex('A')) + f.advance(f.glyphIndex('V'))) * 18);
}

TEST(Layout, RandomParagraphsNeverOverflowNorLoseWords) {
    std::mt19937 rng(1234);
    const char* vocabulary[] = {"a", "the", "typesetting", "of", "incomprehensibilities", "x", "line-breaking",
                                "Knuth", "pneumonoultramicroscopicsilicovolcanoconiosis", "and", "\xE2\x80\x9Cquoted\xE2\x80\x9D",
                                "caf\xC3\xA9", "https://example.org/a/very/long/path/that/cannot/break/anywhere/at/all", "1990–2000"};
    for (int round = 0; round < 40; ++round) {
        Article a;
        a.id = "r";
        a.title = "Random";
        int paragraphs = 1 + rng() % 4;
        for (int i = 0; i < paragraphs; ++i) {
            Block b;
            int n = 1 + rng() % 80;
            for (int k = 0; k < n; ++k) b.text.text += std::string(k ? " " : "") + vocabulary[rng() % 14];
            a.blocks.push_back(b);
        }
        ArticleLayout layout(test::notoFonts(), a);
        LayoutParams p;
        p.width = 80.0f + static_cast<float>(rng() % 700);
        p.align = rng() % 2 ? Align::Justify : Align::Left;
        p.breaking = rng() % 2 ? Breaking::Optimal : Breaking::FirstFit;
        DisplayList dl = layout.layout(p);
        expectWithinMeasure(dl, p.width);
        // Words wider than the measure are split between glyphs: compare the concatenated text instead.
        std::string laid, source;
        for (auto& w : laidOutBodyWords(dl)) laid += w;
        for (auto& w : bodyWords(a)) source += w;
        EXPECT_EQ(laid, source) << "round " << round << " width " << p.width;
    }
}

TEST(Layout, ImagesKeepTheBundlesAspectRatioAndNeverUpscale) {
    LoadResult r = loadBundle(R"J({"galley":1,"articles":[{"id":"a","lang":"en","title":"T","authors":[],"blocks":[
      {"type":"image","src":"wide.png","alt":"a wide picture","width":1600,"height":400},
      {"type":"image","src":"small.png","alt":"a small one","width":200,"height":100},
      {"type":"image","src":"unknown.png","alt":"no size"}]}]})J");
    ASSERT_TRUE(r.ok());
    ArticleLayout layout(test::notoFonts(), r.bundle.articles[0]);
    LayoutParams p;
    p.width = 560;
    DisplayList dl = layout.layout(p);
    ASSERT_EQ(dl.images.size(), 3u);
    EXPECT_FLOAT_EQ(dl.images[0].width, 560);
    EXPECT_FLOAT_EQ(dl.images[0].height, 140);
    EXPECT_FLOAT_EQ(dl.images[1].width, 200);
    EXPECT_FLOAT_EQ(dl.images[1].height, 100);
    EXPECT_FLOAT_EQ(dl.images[1].x, 180);
    EXPECT_FLOAT_EQ(dl.images[2].height, 315);
    EXPECT_EQ(dl.images[1].src, "small.png");
}

// Each word knows where it is in the text it was set from, so the text layer finds its links without searching: the
// source range spells the word (an inserted hyphen is not in the source), words follow each other in it, and list
// lines name their item. On every block type, with a drop cap, and with windows of long paragraphs.
TEST(Layout, WordsCarryTheirSourceRanges) {
    LoadResult all = loadBundle(test::readText(test::sourcePath("tests/data/bundles/valid/all-block-types.json")));
    ASSERT_TRUE(all.ok());
    Article article = all.bundle.articles[0];
    Block longParagraph;
    longParagraph.type = BlockType::Paragraph;
    for (int i = 0; i < 60; ++i) longParagraph.text.text += "A long paragraph, set in windows of a few hundred bytes. ";
    article.blocks.push_back(longParagraph);
    for (bool dropCap : {false, true}) {
        ArticleLayout layout(test::notoFonts(), article);
        test::hyphenateEnglish(layout);
        layout.windowBytes = 256;
        LayoutParams params;
        params.width = 300;
        params.dropCap = dropCap;
        const DisplayList dl = layout.layout(params);
        uint32_t block = UINT32_MAX, item = 0, end = 0;
        LineRole role = LineRole::Title;
        size_t checked = 0;
        for (const TextLine& line : dl.lines) {
            if (line.block == UINT32_MAX || line.role == LineRole::Marker) continue;
            const Block& b = article.blocks[line.block];
            const RichText& source = line.role == LineRole::Caption ? b.caption
                                     : line.role == LineRole::Attribution ? attributionAsSet(b)
                                     : line.role == LineRole::ListItem ? b.items.at(line.item).text : b.text;
            const bool sameSource = line.block == block && line.item == item &&
                                    (line.role == role || line.role == LineRole::DropCap || role == LineRole::DropCap);
            if (!sameSource) end = 0;
            block = line.block, item = line.item, role = line.role;
            for (size_t i = 0; i < line.words.size(); ++i) {
                const WordBox& w = line.words[i];
                std::string text = w.text;
                if (line.hyphenated && i + 1 == line.words.size()) text.pop_back();
                ASSERT_LE(w.sourceEnd, source.text.size());
                EXPECT_EQ(source.text.substr(w.sourceBegin, w.sourceEnd - w.sourceBegin), text);
                EXPECT_GE(w.sourceBegin, end) << text;
                end = w.sourceEnd;
                ++checked;
            }
        }
        EXPECT_GT(checked, 600u);
    }
}
