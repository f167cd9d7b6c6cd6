// Long paragraphs, set a window at a time (ArticleLayout::windowBytes): nothing lost, nothing over the measure, the
// same lines however advance() is sliced, and typesetting as good as setting the paragraph whole.
#include "bundle_loader.h"
#include "layout.h"
#include "layout_quality.h"
#include "test_support.h"
#include "utf8.h"

#include <gtest/gtest.h>

#include <cstdio>

using namespace galley;

namespace {

// The sample article's body as one paragraph (about 5 KB), with links and emphasis that windows cut through.
Article oneLongParagraph() {
    LoadResult r = loadBundle(test::readText(test::sourcePath("assets/sample.json")));
    EXPECT_TRUE(r.ok());
    Article article = r.bundle.articles[0];
    RichText text;
    for (const Block& b : article.blocks) {
        if (b.type != BlockType::Paragraph) continue;
        if (!text.text.empty()) text.text += ' ';
        text.text += b.text.text;
    }
    const uint32_t length = static_cast<uint32_t>(utf8::countCodePoints(text.text));
    for (uint32_t start = 100; start + 40 < length; start += 700)
        text.marks.push_back({MarkKind::Link, start, start + 40, "https://example.org/" + std::to_string(start), {}});
    for (uint32_t start = 400; start + 90 < length; start += 900) text.marks.push_back({MarkKind::Emphasis, start, start + 90, "", {}});
    article.blocks.clear();
    Block b;
    b.type = BlockType::Paragraph;
    b.text = text;
    article.blocks.push_back(b);
    return article;
}

std::unique_ptr<ArticleLayout> layoutFor(const Article& article, size_t windowBytes) {
    auto layout = std::make_unique<ArticleLayout>(test::notoFonts(), article);
    layout->windowBytes = windowBytes;
    test::hyphenateEnglish(*layout);
    return layout;
}

std::vector<const TextLine*> paragraphLines(const DisplayList& dl) {
    std::vector<const TextLine*> out;
    for (const TextLine& l : dl.lines)
        if (l.block == 0 && l.role == LineRole::Paragraph) out.push_back(&l);
    return out;
}

// Code points set in link colour: every code point of a link but its spaces, wherever windows cut the link.
size_t linkGlyphs(const DisplayList& dl) {
    size_t n = 0;
    for (const PlacedGlyph& g : dl.glyphs) n += g.color == ColorRole::Link;
    return n;
}

size_t linkCodePoints(const RichText& text) {
    size_t n = 0;
    for (const Mark& m : text.marks) {
        if (m.kind != MarkKind::Link) continue;
        const size_t b = utf8::byteOffset(text.text, m.start), e = utf8::byteOffset(text.text, m.end);
        for (size_t i = b; i < e;) n += utf8::next(text.text, i) != ' ';
    }
    return n;
}

}  // namespace

TEST(RichTextSlice, ClipsAndMovesMarks) {
    RichText t;
    t.text = "caf\u00e9 au lait";  // é is two bytes
    t.marks = {{MarkKind::Emphasis, 0, 4, "", {}}, {MarkKind::Link, 3, 7, "https://a.example/", {}}, {MarkKind::Strong, 8, 11, "", {}}};
    const RichText s = sliceRichText(t, 3, 8, 3);  // "é au"
    EXPECT_EQ(s.text, "\u00e9 au");
    ASSERT_EQ(s.marks.size(), 2u);
    EXPECT_EQ(s.marks[0].start, 0u);
    EXPECT_EQ(s.marks[0].end, 1u);
    EXPECT_EQ(s.marks[1].start, 0u);
    EXPECT_EQ(s.marks[1].end, 4u);
    EXPECT_EQ(s.marks[1].href, "https://a.example/");
}

TEST(LongParagraph, WindowsKeepEveryWordWithinTheMeasure) {
    const Article article = oneLongParagraph();
    ASSERT_GT(article.blocks[0].text.text.size(), 3000u);
    for (float width : {560.0f, 340.0f}) {
        for (bool dropCap : {false, true}) {
            auto layout = layoutFor(article, 512);
            LayoutParams p;
            p.width = width;
            p.dropCap = dropCap;
            const DisplayList dl = layout->layout(p);
            EXPECT_TRUE(keepsEveryWord(article, dl)) << width;
            const LayoutQuality q = measureLayoutQuality(dl);
            EXPECT_EQ(q.overflowingLines, 0) << width;
            EXPECT_LE(q.longestHyphenRun, 2) << width;  // counted on across windows
            // One paragraph: one last line, and lines one under the other where the windows meet.
            const auto lines = paragraphLines(dl);
            ASSERT_GT(lines.size(), 30u);
            for (size_t i = 0; i + 1 < lines.size(); ++i) {
                EXPECT_FALSE(lines[i]->last) << i;
                EXPECT_FLOAT_EQ(lines[i + 1]->top, lines[i]->top + lines[i]->height) << i;
            }
            EXPECT_TRUE(lines.back()->last);
            EXPECT_EQ(linkGlyphs(dl), linkCodePoints(article.blocks[0].text)) << width;
        }
    }
}

// Each window is broken as if the paragraph ended with it and gives its last lines back: the spacing stays about as
// even as when the paragraph is set whole. Windows of 1 KB here (the default is 8 KB).
TEST(LongParagraph, WindowsSetAboutAsWellAsTheWholeParagraph) {
    const Article article = oneLongParagraph();
    for (float width : {560.0f, 340.0f}) {
        LayoutParams p;
        p.width = width;
        const DisplayList whole = layoutFor(article, SIZE_MAX / 4)->layout(p);
        const DisplayList windowed = layoutFor(article, 1024)->layout(p);
        const LayoutQuality a = measureLayoutQuality(whole), b = measureLayoutQuality(windowed);
        std::printf("[ info     ] %.0f px, 1 KB windows / whole: mean |r-1| %.3f / %.3f, max %.2f / %.2f, lines %zu / %zu\n",
                    width, b.meanSpaceDeviation, a.meanSpaceDeviation, b.maxSpaceRatio, a.maxSpaceRatio, b.lines, a.lines);
        EXPECT_LE(b.meanSpaceDeviation, a.meanSpaceDeviation + 0.03) << width;
        EXPECT_LE(b.maxSpaceRatio, a.maxSpaceRatio + 0.25) << width;
        EXPECT_LE(b.longestHyphenRun, 2) << width;
        EXPECT_NEAR(static_cast<double>(b.lines), static_cast<double>(a.lines), 0.02 * static_cast<double>(a.lines) + 1);
    }
}

// The viewer's slices: advance() stops between windows when asked, and the list comes out the same as in one go.
TEST(LongParagraph, AdvanceStopsBetweenWindowsAndGivesTheSameList) {
    const Article article = oneLongParagraph();
    LayoutParams p;
    p.dropCap = true;
    const DisplayList expected = layoutFor(article, 512)->layout(p);
    auto sliced = layoutFor(article, 512);
    DisplayList out;
    sliced->begin(p, out);
    int slices = 0;
    float lastProgress = 0, lastHeight = 0;
    while (!sliced->advance([] { return false; })) {
        ++slices;
        EXPECT_GT(sliced->progress(), lastProgress);
        EXPECT_GE(out.height, lastHeight);
        EXPECT_EQ(sliced->blocksDone(), 0u);  // the paragraph is not done until its last window
        lastProgress = sliced->progress();
        lastHeight = out.height;
    }
    EXPECT_GT(slices, 6);  // the header, then one slice per window
    ASSERT_EQ(out.lines.size(), expected.lines.size());
    ASSERT_EQ(out.glyphs.size(), expected.glyphs.size());
    EXPECT_EQ(out.height, expected.height);
    for (size_t i = 0; i < expected.glyphs.size(); ++i) {
        EXPECT_EQ(out.glyphs[i].x, expected.glyphs[i].x);
        EXPECT_EQ(out.glyphs[i].y, expected.glyphs[i].y);
    }
    EXPECT_EQ(out.links.size(), expected.links.size());
}

// What the viewer's first frame asks: lay out until the viewport is full. The height it asks about grows window by
// window, so a long paragraph stops after the first screen.
TEST(LongParagraph, FirstScreenStopsAfterTheWindowsThatFillIt) {
    const Article article = oneLongParagraph();
    auto layout = layoutFor(article, 512);
    DisplayList out;
    LayoutParams p;
    layout->begin(p, out);
    EXPECT_FALSE(layout->advance([&] { return out.height < 600; }));
    EXPECT_GE(out.height, 600);
    EXPECT_LT(out.height, 1200);  // a window is about 8 lines here
    EXPECT_FALSE(layout->done());
}

// 200 KB without a space: windows of glyph-by-glyph breaks, every glyph set once, full lines to the last.
TEST(LongParagraph, TextWithoutSpacesSetsInWindows) {
    Article article;
    article.title = "No spaces";
    Block b;
    b.type = BlockType::Paragraph;
    for (int i = 0; i < 20000; ++i) b.text.text += "abcdefghi\u00e9";
    article.blocks.push_back(b);
    LayoutParams p;
    const DisplayList dl = layoutFor(article, 4096)->layout(p);
    EXPECT_TRUE(keepsEveryWord(article, dl));
    EXPECT_EQ(measureLayoutQuality(dl).overflowingLines, 0);
    const auto lines = paragraphLines(dl);
    ASSERT_GT(lines.size(), 100u);
    for (size_t i = 0; i + 1 < lines.size(); ++i) {
        EXPECT_TRUE(lines[i]->endsInWord);
        EXPECT_GT(lines[i]->width, 0.97f * p.width) << i;
    }
}
