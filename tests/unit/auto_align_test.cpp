// auto_align_test.cpp — Align::Auto on the sample article: justified where no line's spaces stretch past
// JustifyMaxSpaceRatio, the whole column ragged where some would; the same in slices and in windows of a long
// paragraph.
#include "bundle_loader.h"
#include "layout.h"
#include "layout_quality.h"
#include "test_support.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>

using namespace galley;

namespace {

// The viewer's column on a 390 px phone (less its 20 px margins), and at the medium measure on a wide screen (33 em
// of 18 px): the widths issue 13 names.
constexpr float PhoneColumn = 350;
constexpr float DesktopColumn = 594;
// Geometry (word positions) against the breaker's items: float rounding only.
constexpr double RatioTolerance = 1e-3;

const Article& sample() {
    static const Article article = [] {
        LoadResult r = loadBundle(test::readText(test::sourcePath("assets/sample.json")));
        EXPECT_TRUE(r.ok());
        return r.ok() ? r.bundle.articles[0] : Article{};
    }();
    return article;
}

DisplayList layOut(const Article& article, float width, Align align) {
    ArticleLayout layout(test::notoFonts(), article);
    test::hyphenateEnglish(layout);
    LayoutParams p;
    p.width = width;
    p.align = align;
    return layout.layout(p);
}

// Same lines, word for word and at the same places.
void expectSameLines(const DisplayList& a, const DisplayList& b) {
    ASSERT_EQ(a.lines.size(), b.lines.size());
    for (size_t i = 0; i < a.lines.size(); ++i) {
        ASSERT_EQ(a.lines[i].words.size(), b.lines[i].words.size()) << "line " << i;
        for (size_t k = 0; k < a.lines[i].words.size(); ++k) {
            EXPECT_EQ(a.lines[i].words[k].text, b.lines[i].words[k].text) << "line " << i;
            EXPECT_EQ(a.lines[i].words[k].x, b.lines[i].words[k].x) << "line " << i;
        }
    }
    EXPECT_EQ(a.height, b.height);
}

}  // namespace

TEST(AutoAlign, PhoneColumnOfTheSampleIsSetRagged) {
    const DisplayList justified = layOut(sample(), PhoneColumn, Align::Justify);
    // The premise: justified, some line of the sample stretches its spaces past the limit at this width.
    EXPECT_GT(measureLayoutQuality(justified).maxSpaceRatio, JustifyMaxSpaceRatio);
    EXPECT_TRUE(justified.justified);
    const DisplayList automatic = layOut(sample(), PhoneColumn, Align::Auto);
    EXPECT_FALSE(automatic.justified);
    // The whole column, not only the paragraph with the loose line: exactly the ragged layout.
    expectSameLines(automatic, layOut(sample(), PhoneColumn, Align::Left));
    EXPECT_TRUE(keepsEveryWord(sample(), automatic));
}

TEST(AutoAlign, DesktopColumnOfTheSampleStaysJustified) {
    for (float width : {560.0f, DesktopColumn}) {
        const DisplayList automatic = layOut(sample(), width, Align::Auto);
        EXPECT_TRUE(automatic.justified) << width;
        expectSameLines(automatic, layOut(sample(), width, Align::Justify));
        EXPECT_LE(measureLayoutQuality(automatic).maxSpaceRatio, JustifyMaxSpaceRatio) << width;
    }
}

// At every width from a small phone to a wide screen: justified only where no line's spaces pass the limit (as the
// text's geometry measures it, not the breaker's ratios), ragged only where justifying would pass it.
TEST(AutoAlign, JustifiesExactlyWhereNoLineStretchesPastTheLimit) {
    std::string ragged;
    for (float width = 280; width <= 640; width += 10) {
        const DisplayList automatic = layOut(sample(), width, Align::Auto);
        const double justifiedMax = measureLayoutQuality(layOut(sample(), width, Align::Justify)).maxSpaceRatio;
        if (automatic.justified) {
            EXPECT_LE(measureLayoutQuality(automatic).maxSpaceRatio, JustifyMaxSpaceRatio + RatioTolerance) << width;
        } else {
            EXPECT_GT(justifiedMax, JustifyMaxSpaceRatio - RatioTolerance) << width;
            ragged += " " + std::to_string(static_cast<int>(width));
        }
    }
    std::printf("[ info     ] auto sets the sample ragged at:%s px\n", ragged.c_str());
    EXPECT_FALSE(ragged.empty());
}

TEST(AutoAlign, ExplicitJustifyKeepsTheLooseLines) {
    const DisplayList justified = layOut(sample(), PhoneColumn, Align::Justify);
    EXPECT_TRUE(justified.justified);
    EXPECT_FALSE(layOut(sample(), PhoneColumn, Align::Left).justified);
}

// In slices, as the viewer lays out: the start over ragged happens inside advance(), and the result is the whole
// layout's.
TEST(AutoAlign, StartsOverRaggedInSlices) {
    ArticleLayout sliced(test::notoFonts(), sample());
    test::hyphenateEnglish(sliced);
    LayoutParams p;
    p.width = PhoneColumn;
    p.align = Align::Auto;
    DisplayList out;
    sliced.begin(p, out);
    EXPECT_EQ(sliced.passes(), 1u);
    EXPECT_TRUE(out.justified);
    while (!sliced.advance([] { return false; })) {}
    EXPECT_EQ(sliced.passes(), 2u);
    EXPECT_FALSE(out.justified);
    EXPECT_EQ(sliced.linesDone(), out.lines.size());
    expectSameLines(out, layOut(sample(), PhoneColumn, Align::Left));
    // A relayout at a width that justifies starts justified again.
    p.width = DesktopColumn;
    sliced.layout(p, out);
    EXPECT_EQ(sliced.passes(), 1u);
    EXPECT_TRUE(out.justified);
}

// The sample as one long paragraph, set a window at a time: the loose line is found in a window, and the column is
// set ragged from its start.
TEST(AutoAlign, LongParagraphInWindowsGoesRaggedWhole) {
    Article one = sample();
    Block joined = one.blocks[0];
    for (size_t b = 1; b < one.blocks.size(); ++b)
        if (one.blocks[b].type == BlockType::Paragraph) joined.text.text += " " + one.blocks[b].text.text;
    joined.text.marks.clear();
    one.blocks = {joined};
    auto windowed = [&](float width, Align align) {
        ArticleLayout layout(test::notoFonts(), one);
        test::hyphenateEnglish(layout);
        layout.windowBytes = 512;  // the sample's 3 KB in some 6 windows
        LayoutParams p;
        p.width = width;
        p.align = align;
        return layout.layout(p);
    };
    // Joined, the paragraph breaks otherwise than the sample: the first phone width where a line is too loose.
    float width = 300;
    while (width <= 400 && measureLayoutQuality(windowed(width, Align::Justify)).maxSpaceRatio <= JustifyMaxSpaceRatio)
        width += 10;
    ASSERT_LE(width, 400);
    const DisplayList automatic = windowed(width, Align::Auto);
    EXPECT_FALSE(automatic.justified);
    expectSameLines(automatic, windowed(width, Align::Left));
    EXPECT_TRUE(keepsEveryWord(one, automatic));
}
