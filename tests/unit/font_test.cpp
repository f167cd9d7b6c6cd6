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

#ifdef GALLEY_SUBSET_FONT_DIR
// The faces as dist ships them (subset at build time by CMakeLists.txt's pyftsubset options): every character of
// the ranges the viewer promises is there, and kerning and advances are the full face's, pair for pair.
TEST(Font, SubsetFacesKeepTheirGlyphsAndKerning) {
    for (const char* name : {"NotoSerif-Regular", "NotoSerif-Italic", "NotoSans-Regular"}) {
        std::string error;
        auto full = FontFace::fromFile(std::string(GALLEY_FONT_DIR) + "/" + name + ".ttf", &error);
        auto subset = FontFace::fromFile(std::string(GALLEY_SUBSET_FONT_DIR) + "/" + name + ".ttf", &error);
        ASSERT_TRUE(full && subset) << name << ": " << error;
        std::vector<uint32_t> promised;
        for (uint32_t cp = 0x20; cp <= 0x7E; ++cp) promised.push_back(cp);
        for (uint32_t cp = 0xA0; cp <= 0x17F; ++cp) promised.push_back(cp);   // Latin-1, Latin Extended-A
        for (uint32_t cp = 0x391; cp <= 0x3A9; ++cp) if (cp != 0x3A2) promised.push_back(cp);   // Greek capitals
        for (uint32_t cp : {0x2013u, 0x2014u, 0x2018u, 0x2019u, 0x201Cu, 0x201Du, 0x2026u, 0x20ACu, 0x2122u, 0x2212u})
            promised.push_back(cp);
        for (uint32_t cp : promised) {
            if (!full->hasGlyph(cp)) continue;
            ASSERT_TRUE(subset->hasGlyph(cp)) << name << " lost U+" << std::hex << cp;
            EXPECT_EQ(subset->advance(subset->glyphIndex(cp)), full->advance(full->glyphIndex(cp))) << name;
        }
        int kerned = 0;
        for (uint32_t a = 'A'; a <= 'z'; ++a) {
            for (uint32_t b = 'A'; b <= 'z'; ++b) {
                const float k = full->kerning(full->glyphIndex(a), full->glyphIndex(b));
                EXPECT_EQ(subset->kerning(subset->glyphIndex(a), subset->glyphIndex(b)), k)
                    << name << " " << char(a) << char(b);
                kerned += k != 0;
            }
        }
        EXPECT_GT(kerned, 50) << name << ": the full face kerns letter pairs";
    }
}
#endif

// Faces beyond TrueType outlines: a face of a collection by its index (Noto CJK's .ttc: 0 Japanese, 1 Korean,
// 2 Simplified Chinese, 3 Traditional Chinese), and Noto Color Emoji, which has colour bitmaps only (CBDT): measured
// by HarfBuzz, with no outlines for stb_truetype.
TEST(Font, CollectionFacesAndColourBitmapFaces) {
    const std::string cjk = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc";
    std::string why;
    auto sc = FontFace::fromFile(cjk, &why, 2), jp = FontFace::fromFile(cjk, &why, 0);
    ASSERT_TRUE(sc && jp) << why;
    EXPECT_EQ(sc->faceIndex(), 2);
    EXPECT_TRUE(sc->hasOutlines());
    EXPECT_NE(sc->glyphIndex(U'中'), 0);
    EXPECT_NEAR(sc->advance(sc->glyphIndex(U'中')), 1.0f, 0.001f);  // a full-width em
    EXPECT_NE(jp->glyphIndex(U'の'), 0);
    auto emoji = FontFace::fromFile("/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf", &why);
    ASSERT_TRUE(emoji) << why;
    EXPECT_FALSE(emoji->hasOutlines());
    EXPECT_EQ(emoji->stbFontInfo(), nullptr);
    const int smile = emoji->glyphIndex(0x1F600);
    EXPECT_NE(smile, 0);
    EXPECT_GT(emoji->advance(smile), 1.0f);  // Noto Color Emoji's advances are wider than an em
    EXPECT_GT(emoji->metrics().ascent, 0.5f);
    EXPECT_EQ(FontFace::fromBytes(std::vector<unsigned char>(64, 7), &why), nullptr);
}
