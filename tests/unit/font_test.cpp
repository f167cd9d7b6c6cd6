// Font metrics against Noto Serif Regular's own tables (unitsPerEm 1000; hmtx advances; GPOS pair kerning).
#include "font.h"
#include "test_support.h"

#include <gtest/gtest.h>

using namespace galley;

TEST(Font, LoadsNotoSerifWithItsOwnUnits) {
    const FontFace& f = test::notoFonts().face(FontStyle::Regular);
    EXPECT_EQ(f.unitsPerEm(), 1000);
    EXPECT_NEAR(f.metrics().ascent, 1.069f, 1e-4);
    EXPECT_NEAR(f.metrics().descent, 0.293f, 1e-4);
}

TEST(Font, AdvanceAtEighteenPixelsIsTheEmSizeTimesTheFontUnits) {
    const FontFace& f = test::notoFonts().face(FontStyle::Regular);
    // hmtx gives the space 260 units of 1000: 4.68 px at 18 px, the figure Chromium reports for the same face.
    EXPECT_NEAR(f.advance(f.glyphIndex(' ')) * 18.0f, 4.68f, 1e-4);
    EXPECT_GT(f.glyphIndex('A'), 0);
    EXPECT_EQ(f.glyphIndex(0x10FFFF), 0);
}

TEST(Font, KernsPairsFromGpos) {
    const FontFace& f = test::notoFonts().face(FontStyle::Regular);
    EXPECT_NEAR(f.kerning(f.glyphIndex('A'), f.glyphIndex('V')) * 1000, -80, 0.01);
    EXPECT_NEAR(f.kerning(f.glyphIndex('T'), f.glyphIndex('o')) * 1000, -50, 0.01);
    EXPECT_EQ(f.kerning(f.glyphIndex('o'), f.glyphIndex('o')), 0.0f);
}

TEST(Font, RefusesDataThatIsNotAFont) {
    std::string error;
    EXPECT_EQ(FontFace::fromBytes(std::vector<unsigned char>(100, 0x41), &error), nullptr);
    EXPECT_FALSE(error.empty());
    EXPECT_EQ(FontFace::fromBytes({}, &error), nullptr);
    EXPECT_EQ(FontFace::fromFile("/nonexistent/font.ttf", &error), nullptr);
}
