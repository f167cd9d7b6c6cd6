// Font slices and fallback (faces.def): a code point is set from the first slice of its face that has it, the page
// fetches the slices an article's text needs, and what no face has is drawn as .notdef and counted.
#include "bundle_loader.h"
#include "font.h"
#include "layout.h"
#include "test_support.h"

#include <gtest/gtest.h>

using namespace galley;

namespace {

using test::articleOf;

DisplayList layOut(const FontSet& fonts, const Article& article, float width = 400) {
    ArticleLayout layout(fonts, article);
    LayoutParams params;
    params.width = width;
    return layout.layout(params);
}

size_t glyphsIn(const DisplayList& dl, FontSlice slice) {
    size_t n = 0;
    for (const PlacedGlyph& g : dl.glyphs) n += g.slice == slice;
    return n;
}

}  // namespace

TEST(FontFallback, SlicesByUnicodeRange) {
    EXPECT_EQ(sliceOf('a', "en"), FontSlice::Latin);
    EXPECT_EQ(sliceOf(U'é', "en"), FontSlice::Latin);
    EXPECT_EQ(sliceOf(U'Ω', "en"), FontSlice::Latin);
    EXPECT_EQ(sliceOf(U'—', "en"), FontSlice::Latin);
    EXPECT_EQ(sliceOf(U'ơ', "en"), FontSlice::Vietnamese);
    EXPECT_EQ(sliceOf(U'ƒ', "en"), FontSlice::Latin);
    EXPECT_EQ(sliceOf(U'ǆ', "en"), FontSlice::LatinExtended);
    EXPECT_EQ(sliceOf(U'ệ', "en"), FontSlice::Vietnamese);
    EXPECT_EQ(sliceOf(U'ἀ', "en"), FontSlice::GreekExtended);
    EXPECT_EQ(sliceOf(U'\u0301', "en"), FontSlice::Latin);
    EXPECT_EQ(sliceOf(U'\u0323', "en"), FontSlice::Vietnamese);
    EXPECT_EQ(sliceOf(U'\u0324', "en"), FontSlice::LatinExtended);
    EXPECT_EQ(sliceOf(U'Ж', "en"), FontSlice::Cyrillic);
    EXPECT_EQ(sliceOf(U'ї', "en"), FontSlice::Cyrillic);
    EXPECT_EQ(sliceOf(U'≤', "en"), FontSlice::Math);
    EXPECT_EQ(sliceOf(U'√', "de"), FontSlice::Math);
    EXPECT_EQ(sliceOf(U'\u2212', "en"), FontSlice::Latin);  // the minus sign: Noto Serif has it
    EXPECT_EQ(sliceOf(U'\uE000', "en"), FontSlice::Latin);  // in no slice: the first
}

// Debian's whole faces cover Cyrillic and Vietnamese: nothing is missing natively.
TEST(FontFallback, WholeFacesSetRussianAndVietnamese) {
    for (const char* rel : {"tests/data/scripts/ru.json", "tests/data/scripts/vi.json"}) {
        const DisplayList dl = layOut(test::notoFonts(), articleOf(rel));
        EXPECT_EQ(dl.missingGlyphs, 0u) << rel;
        EXPECT_GT(dl.glyphs.size(), 300u) << rel;
    }
}

// As the viewer has them: the Latin slice alone draws Cyrillic as .notdef, and counts it; with the Cyrillic slice
// the letters come from it and the digits, spaces and punctuation stay in the Latin slice.
TEST(FontFallback, SlicesFillWhatTheFirstLacks) {
#ifdef GALLEY_SUBSET_FONT_DIR
    const std::string dir = GALLEY_SUBSET_FONT_DIR;
    std::string why;
    FontSet fonts;
    fonts.faces[0] = FontFace::fromFile(dir + "/NotoSerif-Regular.ttf", &why);
    ASSERT_TRUE(fonts.valid()) << why;
    Article article;
    Block b;
    b.type = BlockType::Paragraph;
    b.text.text = "В 2017 году — «Ведомости», Київ, Ђорђе.";
    article.title = "Title";
    article.blocks.push_back(b);
    const DisplayList latinOnly = layOut(fonts, article);
    EXPECT_EQ(latinOnly.missingGlyphs, 23u);  // the Cyrillic letters

    fonts.slot(FontStyle::Regular, FontSlice::Cyrillic) = FontFace::fromFile(dir + "/NotoSerif-Regular.cyrillic.ttf", &why);
    ASSERT_TRUE(fonts.face(FontStyle::Regular, FontSlice::Cyrillic)) << why;
    const DisplayList withSlice = layOut(fonts, article);
    EXPECT_EQ(withSlice.missingGlyphs, 0u);
    EXPECT_EQ(glyphsIn(withSlice, FontSlice::Cyrillic), 23u);
    // Bold (the title) falls back to the regular face of the slice; italic and bold italic likewise.
    EXPECT_EQ(fonts.face(FontStyle::BoldItalic, FontSlice::Cyrillic), fonts.face(FontStyle::Regular, FontSlice::Cyrillic));
    EXPECT_EQ(fonts.face(FontStyle::Regular, FontSlice::LatinExtended), nullptr);
#else
    GTEST_SKIP() << "python3-fonttools is missing: no subset fonts to test";
#endif
}

// The page fetches what facesUsed names: each style in the slices its text needs, and no more.
TEST(FontFallback, FacesUsedNameTheSlicesTheTextNeeds) {
    const FaceSlots ru = facesUsed(articleOf("tests/data/scripts/ru.json"));
    EXPECT_TRUE(ru.has(FontStyle::Regular, FontSlice::Cyrillic));
    EXPECT_TRUE(ru.has(FontStyle::Bold, FontSlice::Cyrillic));      // title, heading
    EXPECT_TRUE(ru.has(FontStyle::Italic, FontSlice::Cyrillic));    // dek, quote, emphasis
    EXPECT_TRUE(ru.has(FontStyle::Sans, FontSlice::Cyrillic));      // byline, attribution
    EXPECT_FALSE(ru.has(FontStyle::Regular, FontSlice::LatinExtended));
    const FaceSlots vi = facesUsed(articleOf("tests/data/scripts/vi.json"));
    EXPECT_TRUE(vi.has(FontStyle::Regular, FontSlice::Vietnamese));
    EXPECT_FALSE(vi.has(FontStyle::Regular, FontSlice::LatinExtended));
    EXPECT_FALSE(vi.has(FontStyle::Regular, FontSlice::Cyrillic));
    const FaceSlots en = facesUsed(articleOf("assets/sample.json"));
    for (int slot : en.slots()) EXPECT_EQ(slotSlice(static_cast<FaceSlot>(slot)), FontSlice{});  // English: the first slice only
}
