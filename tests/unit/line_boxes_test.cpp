// line_boxes_test.cpp — reading a layout given as word boxes (line_boxes.h), as `galley bench quality` reads
// Chromium's lines: the quality figures of a fixed layout worked out by hand, Galley's own sample layout judged the
// same read back as laid out, and malformed input refused with a reason.
#include "layout_quality.h"
#include "line_boxes.h"
#include "test_support.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

using namespace galley;

namespace {

// The dump's terms: word x from the column's left edge.
nlohmann::json lineBoxesOf(const DisplayList& dl) {
    nlohmann::json out = {{"width", dl.width}, {"lines", nlohmann::json::array()}};
    for (const TextLine& line : dl.lines) {
        if (line.words.empty()) continue;
        nlohmann::json words = nlohmann::json::array();
        for (const WordBox& w : line.words) words.push_back({{"text", w.text}, {"x", line.x + w.x}, {"width", w.width}});
        out["lines"].push_back({{"block", line.block}, {"role", lineRoleName(line.role)}, {"last", line.last},
                                {"hyphenated", line.hyphenated}, {"space", line.space}, {"hangLeft", line.hangLeft},
                                {"hangRight", line.hangRight}, {"words", std::move(words)}});
    }
    return out;
}

}  // namespace

TEST(LineBoxes, FiguresOfAFixedLayout) {
    // A 100 px column, natural space 4 px. Line 1: gaps of 8 (ratio 2), ink to 100 (fill 1). Line 2: one gap of 2
    // (ratio 0.5), ink to 98 (fill 0.98), hyphenated. Line 3 ends the paragraph: not counted for spaces or fill.
    const std::string json = R"({"width": 100, "lines": [
        {"block": 0, "last": false, "hyphenated": false, "space": 4,
         "words": [{"text": "aaaa", "x": 0, "width": 40}, {"text": "bb", "x": 48, "width": 20},
                   {"text": "ccc", "x": 76, "width": 24}]},
        {"block": 0, "last": false, "hyphenated": true, "space": 4,
         "words": [{"text": "dddd", "x": 0, "width": 50}, {"text": "ee-", "x": 52, "width": 46}]},
        {"block": 0, "last": true, "hyphenated": false, "space": 4,
         "words": [{"text": "ff", "x": 0, "width": 10}, {"text": "g", "x": 30, "width": 5}]}]})";
    DisplayList dl;
    std::string why;
    ASSERT_TRUE(readLineBoxes(json, dl, &why)) << why;
    ASSERT_EQ(dl.lines.size(), 3u);
    EXPECT_FLOAT_EQ(dl.lines[0].x, 0);
    EXPECT_FLOAT_EQ(dl.lines[1].width, 98);
    EXPECT_EQ(dl.lines[2].role, LineRole::Paragraph);
    const LayoutQuality q = measureLayoutQuality(dl);
    EXPECT_EQ(q.lines, 3u);
    EXPECT_EQ(q.spacedLines, 2u);
    EXPECT_DOUBLE_EQ(q.meanSpaceDeviation, 0.75);
    EXPECT_DOUBLE_EQ(q.maxSpaceRatio, 2.0);
    EXPECT_DOUBLE_EQ(q.minSpaceRatio, 0.5);
    EXPECT_NEAR(q.meanFill, 0.99, 1e-6);
    EXPECT_NEAR(q.fillDeviation, 0.01, 1e-6);
    EXPECT_NEAR(q.hyphenatedFraction, 1.0 / 3, 1e-9);
    EXPECT_EQ(q.longestHyphenRun, 1);
    EXPECT_EQ(q.overflowingLines, 0);
}

TEST(LineBoxes, GalleysOwnLinesJudgedTheSameReadBack) {
    const Article article = test::articleOf("assets/sample.json");
    ArticleLayout layout(test::notoFonts(), article);
    test::hyphenateEnglish(layout);
    for (const Align align : {Align::Justify, Align::Left}) {
        for (const float width : {560.0f, 340.0f}) {
            LayoutParams params;
            params.width = width;
            params.align = align;
            const DisplayList laid = layout.layout(params);
            DisplayList read;
            std::string why;
            ASSERT_TRUE(readLineBoxes(lineBoxesOf(laid).dump(), read, &why)) << why;
            const LayoutQuality a = measureLayoutQuality(laid), b = measureLayoutQuality(read);
            EXPECT_GT(a.spacedLines, 20u) << width;
            EXPECT_EQ(a.lines, b.lines) << width;
            EXPECT_EQ(a.spacedLines, b.spacedLines) << width;
            EXPECT_NEAR(a.meanSpaceDeviation, b.meanSpaceDeviation, 1e-4) << width;
            EXPECT_NEAR(a.maxSpaceRatio, b.maxSpaceRatio, 1e-4) << width;
            EXPECT_NEAR(a.minSpaceRatio, b.minSpaceRatio, 1e-4) << width;
            EXPECT_NEAR(a.fillDeviation, b.fillDeviation, 1e-4) << width;
            EXPECT_EQ(a.longestHyphenRun, b.longestHyphenRun) << width;
            EXPECT_EQ(a.overflowingLines, b.overflowingLines) << width;
            EXPECT_TRUE(keepsEveryWord(article, read)) << width;
        }
    }
}

TEST(LineBoxes, MalformedInputIsRefusedWithAReason) {
    DisplayList dl;
    std::string why;
    EXPECT_FALSE(readLineBoxes("[1, 2", dl, &why));
    EXPECT_EQ(why, "not a JSON object");
    EXPECT_FALSE(readLineBoxes(R"({"lines": []})", dl, &why));
    EXPECT_EQ(why, "width: must be > 0");
    EXPECT_FALSE(readLineBoxes(R"({"width": 100, "lines": [{"space": 4, "words": []}]})", dl, &why));
    EXPECT_EQ(why, "lines[0].words: must be a non-empty array");
    EXPECT_FALSE(readLineBoxes(R"({"width": 100, "lines": [{"words": [{"x": 0, "width": 1}]}]})", dl, &why));
    EXPECT_EQ(why, "lines[0].space: must be >= 0");
    EXPECT_FALSE(readLineBoxes(R"({"width": 100, "lines": [{"space": 4, "role": "poem", "words": [{"x": 0, "width": 1}]}]})",
                               dl, &why));
    EXPECT_EQ(why, "lines[0].role: not a line role");
    EXPECT_FALSE(readLineBoxes(R"({"width": 100, "lines": [{"space": 4, "words": [{"x": "0", "width": 1}]}]})", dl, &why));
    EXPECT_EQ(why, "lines[0].words[0]: needs x and a width >= 0");
    EXPECT_TRUE(readLineBoxes(R"({"width": 100, "lines": []})", dl, &why));
    EXPECT_TRUE(dl.lines.empty());
}
