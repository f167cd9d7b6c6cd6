// Shaping (shaper.h) and what measuring makes of it (paragraph_builder.h): ligatures, kerning, marks and `locl` as
// HarfBuzz gives them, clusters mapped back to the text, and break opportunities only on cluster boundaries. The
// expected glyph ids are what `hb-shape --no-glyph-names` prints for Debian's Noto Serif Regular (fonts-noto-core
// 20201225); the natively built tests load that file, the wasm ones the same file.
#include "paragraph_builder.h"
#include "shaper.h"
#include "test_support.h"

#include <gtest/gtest.h>

using namespace galley;

namespace {

std::vector<uint32_t> shapeIds(const std::string& text, const std::string& language = "") {
    Shaper shaper;
    std::vector<ShapedRunGlyph> out;
    TextRun run;
    run.text = text;
    run.end = static_cast<uint32_t>(text.size());
    run.language = language;
    shaper.shape(test::notoFonts().face(FontStyle::Regular), run, out);
    std::vector<uint32_t> ids;
    for (const ShapedRunGlyph& g : out) ids.push_back(g.glyph);
    return ids;
}

RichText plain(const std::string& s) {
    RichText t;
    t.text = s;
    return t;
}

}  // namespace

TEST(Shaping, LigaturesAsHbShapeGivesThem) {
    // hb-shape: office [82=0+577|2132=1+1002|70=4+492|72=5+535]; fjord has no fj ligature in Noto Serif.
    EXPECT_EQ(shapeIds("office"), (std::vector<uint32_t>{82, 2132, 70, 72}));
    EXPECT_EQ(shapeIds("affluent"), (std::vector<uint32_t>{68, 2133, 88, 72, 81, 87}));
    EXPECT_EQ(shapeIds("fjord"), (std::vector<uint32_t>{73, 77, 82, 85, 71}));
}

TEST(Shaping, LanguageSelectsLocalForms) {
    // Serbian and Bulgarian write б differently from Russian: the font's `locl` feature, by the run's language.
    EXPECT_EQ(shapeIds("б", "sr"), (std::vector<uint32_t>{2363}));
    EXPECT_EQ(shapeIds("б", "ru"), (std::vector<uint32_t>{458}));
}

TEST(Shaping, KerningComesFromTheFont) {
    Shaper shaper;
    std::vector<ShapedRunGlyph> av, aa;
    const std::string a = "AV", b = "AA";
    shaper.shape(test::notoFonts().face(FontStyle::Regular), {a, 0, 2, TextDirection::LeftToRight, 0, ""}, av);
    shaper.shape(test::notoFonts().face(FontStyle::Regular), {b, 0, 2, TextDirection::LeftToRight, 0, ""}, aa);
    ASSERT_EQ(av.size(), 2u);
    EXPECT_LT(av[0].advance, aa[0].advance - 0.02f) << "A before V is kerned tighter than A before A";
}

TEST(Shaping, MeasuredLigatureIsOneGlyphOfThreeCodePoints) {
    TextStyle style;
    const MeasuredParagraph m = measureParagraph(plain("office"), style, test::notoFonts());
    ASSERT_EQ(m.glyphs.size(), 4u);
    EXPECT_EQ(m.glyphs[1].glyph, 2132);
    EXPECT_EQ(m.glyphs[1].textBegin, 1u);
    EXPECT_EQ(m.glyphs[1].textLength, 3u);
    EXPECT_EQ(m.glyphs[2].textBegin, 4u);
    EXPECT_EQ(m.missingGlyphs, 0u);
    ASSERT_EQ(m.boxes.size(), 1u);
    // The box is as wide as the shaped advances: 577 + 1002 + 492 + 535 units of 1000 at 18 px.
    EXPECT_NEAR(m.boxes[0].width, (577 + 1002 + 492 + 535) * 18.0f / 1000, 0.01);
}

TEST(Shaping, HyphenationPointInsideALigatureIsNotABreak) {
    TextStyle style;
    // "of-fice": the point falls inside the ffi ligature, so there is no cluster boundary to break at; "offi-ce"
    // falls between clusters and splits the word into two boxes with a hyphen penalty between.
    const std::vector<uint32_t> inside{2}, between{4};
    const MeasuredParagraph a = measureParagraph(plain("office"), style, test::notoFonts(), &inside);
    EXPECT_EQ(a.boxes.size(), 1u);
    const MeasuredParagraph b = measureParagraph(plain("office"), style, test::notoFonts(), &between);
    ASSERT_EQ(b.boxes.size(), 2u);
    EXPECT_EQ(b.boxes[0].glyphCount, 2u);  // o, ffi
    EXPECT_EQ(b.glyphs[b.boxes[1].firstGlyph].textBegin, 4u);
}

TEST(Shaping, DecomposedMarksJoinTheirBase) {
    TextStyle style;
    // "Viê̟t" written with combining marks: whatever the font composes or stacks, the marks stay in the cluster of
    // their base, so no box and no letter gap separates them.
    const std::string text = "Vie\xCC\xA3\xCC\x82t";  // e + U+0323 + U+0302
    const MeasuredParagraph m = measureParagraph(plain(text), style, test::notoFonts());
    EXPECT_EQ(m.missingGlyphs, 0u);
    ASSERT_EQ(m.boxes.size(), 1u);
    uint32_t clusters = 0;
    for (size_t i = 0; i < m.glyphs.size(); ++i) clusters += i == 0 || m.glyphs[i].textBegin != m.glyphs[i - 1].textBegin;
    EXPECT_EQ(clusters, 4u);  // V, i, e with its marks, t
}

TEST(Shaping, RightToLeftRunsMirrorBrackets) {
    // UAX #9's rule L4, done by shaping: « in a right-to-left run is drawn as » (hb-shape --direction=rtl: 125).
    Shaper shaper;
    std::vector<ShapedRunGlyph> out;
    const std::string quote = "\u00AB";
    shaper.shape(test::notoFonts().face(FontStyle::Regular),
                 {quote, 0, static_cast<uint32_t>(quote.size()), TextDirection::RightToLeft, 0, ""}, out);
    ASSERT_EQ(out.size(), 1u);
    EXPECT_EQ(out[0].glyph, 125u);
    // And so in an Arabic paragraph: the quotation marks of «لي» point outwards.
    TextStyle style;
    style.direction = WritingDirection::RightToLeft;
    const MeasuredParagraph m = measureParagraph(plain("\u0628\u0627\u0633\u0645 \u00AB\u0644\u064A\u00BB \u0641\u0642\u0637"), style,
                                                 test::notoFonts());
    ASSERT_FALSE(m.levels.empty());
    std::vector<uint16_t> quotes;
    for (const ShapedGlyph& g : m.glyphs)
        if (g.textLength == 2 && (m.text.compare(g.textBegin, 2, "\u00AB") == 0 || m.text.compare(g.textBegin, 2, "\u00BB") == 0))
            quotes.push_back(g.glyph);
    // From the left: the closing », drawn mirrored as «, then the opening « drawn as ».
    EXPECT_EQ(quotes, (std::vector<uint16_t>{109, 125}));
}

// Spaces and invisible characters: a soft hyphen is drawn only where a line breaks at it (then as a hyphen), a
// zero-width space is a break and nothing else, a no-break space keeps its words together and does not stretch, a
// thin space may break but does not stretch either.
TEST(Shaping, SoftHyphenZeroWidthSpaceNoBreakAndThinSpaces) {
    TextStyle style;
    const MeasuredParagraph shy = measureParagraph(plain("co\u00ADoperation"), style, test::notoFonts());
    ASSERT_EQ(shy.boxes.size(), 2u);  // a break at the soft hyphen
    size_t penalties = 0;
    for (const BreakItem& it : shy.items) {
        if (it.kind != BreakItem::Penalty || it.penalty >= PenaltyForbidden || it.penalty <= PenaltyForced) continue;
        ++penalties;
        EXPECT_TRUE(it.flagged);
        EXPECT_NEAR(it.width, shy.hyphenWidth, 0.001f);  // the hyphen drawn there
    }
    EXPECT_EQ(penalties, 1u);
    float softHyphenAdvance = -1;
    for (const ShapedGlyph& g : shy.glyphs)
        if (shy.text.compare(g.textBegin, 2, "\u00AD") == 0) softHyphenAdvance = g.advance;
    EXPECT_EQ(softHyphenAdvance, 0.0f) << "unbroken, the soft hyphen is invisible";

    const MeasuredParagraph zwsp = measureParagraph(plain("example.org/\u200Bvery/long"), style, test::notoFonts());
    EXPECT_GE(zwsp.boxes.size(), 2u);

    const MeasuredParagraph nbsp = measureParagraph(plain("10\u00A0km away"), style, test::notoFonts());
    ASSERT_EQ(nbsp.boxes.size(), 2u);  // "10 km" is one box: no break, no stretch of its space
    const MeasuredParagraph thin = measureParagraph(plain("1\u2009000 m"), style, test::notoFonts());
    size_t rigid = 0, word = 0;
    for (const BreakItem& it : thin.items) {
        if (it.kind != BreakItem::Glue || it.stretch > 1000) continue;
        (it.stretch == 0 && it.shrink == 0 ? rigid : word)++;
    }
    EXPECT_EQ(rigid, 1u) << "the thin space: a break that does not stretch";
    EXPECT_EQ(word, 1u);
}

// The cache keys a run by its face slot, all twelve bits of it: slots 256 apart are different faces (the Latin sans
// and a CJK slice's), never one cache entry.
TEST(Shaping, CacheKeepsFacesWhoseSlotsShareALowByte) {
    Shaper shaper;
    ShapingCache cache;
    TextRun run;
    run.text = "office";
    run.end = static_cast<uint32_t>(run.text.size());
    const FontFace& serif = test::notoFonts().face(FontStyle::Regular);
    const FontFace& sans = test::notoFonts().face(FontStyle::Sans);
    std::vector<uint32_t> inSerif, inSans;
    for (const ShapedRunGlyph& g : cache.shape(shaper, serif, 4, run)) inSerif.push_back(g.glyph);
    for (const ShapedRunGlyph& g : cache.shape(shaper, sans, 4 + 256, run)) inSans.push_back(g.glyph);
    EXPECT_EQ(cache.size(), 2u);
    std::vector<ShapedRunGlyph> direct;
    shaper.shape(sans, run, direct);
    ASSERT_EQ(inSans.size(), direct.size());
    for (size_t i = 0; i < direct.size(); ++i) EXPECT_EQ(inSans[i], direct[i].glyph) << i;
    EXPECT_NE(inSerif, inSans);  // two faces, two sets of glyph ids
}
