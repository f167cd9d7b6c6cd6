// HarfBuzz as Galley builds it (galley::harfbuzz: Debian's library natively, the lean unity build for wasm): the
// functions Galley calls link and give what hb-shape 6.0.0 (libharfbuzz-bin) gives for the same fonts. Expected
// values were printed by
//   hb-shape --no-glyph-names --no-positions --no-clusters NotoSerif-Regular.ttf "office fjord"
//   hb-shape --no-glyph-names --show-extents NotoSerif-Regular.ttf "office fjord"
//   hb-shape --no-glyph-names NotoColorEmoji.ttf "😀"
// and the script and language tables are those fontTools lists for Noto Serif's GSUB.
// Not here: Galley's own shaping (paragraph_builder), which builds on this.
#include "test_support.h"

#include <hb-ot.h>
#include <hb.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <climits>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

namespace {

struct HbDeleter {
    void operator()(hb_blob_t* b) const { hb_blob_destroy(b); }
    void operator()(hb_face_t* f) const { hb_face_destroy(f); }
    void operator()(hb_font_t* f) const { hb_font_destroy(f); }
    void operator()(hb_buffer_t* b) const { hb_buffer_destroy(b); }
};
template <class T> using HbPtr = std::unique_ptr<T, HbDeleter>;

// A font of the file's first face at its own units (hb_font_create's default scale: upem), with the OpenType
// font functions HarfBuzz implements itself. `data` must outlive the font.
struct LoadedFont {
    std::string data;
    HbPtr<hb_face_t> face;
    HbPtr<hb_font_t> font;
};

LoadedFont loadFont(const std::string& path) {
    LoadedFont f;
    f.data = galley::test::readText(path);
    HbPtr<hb_blob_t> blob(hb_blob_create(f.data.data(), static_cast<unsigned>(f.data.size()),
                                         HB_MEMORY_MODE_READONLY, nullptr, nullptr));
    f.face.reset(hb_face_create(blob.get(), 0));
    f.font.reset(hb_font_create(f.face.get()));
    hb_ot_font_set_funcs(f.font.get());
    return f;
}

std::vector<hb_codepoint_t> shapeGlyphs(hb_font_t* font, const std::string& utf8) {
    HbPtr<hb_buffer_t> buffer(hb_buffer_create());
    hb_buffer_add_utf8(buffer.get(), utf8.data(), static_cast<int>(utf8.size()), 0, -1);
    hb_buffer_guess_segment_properties(buffer.get());
    hb_shape(font, buffer.get(), nullptr, 0);
    unsigned count = 0;
    hb_glyph_info_t* infos = hb_buffer_get_glyph_infos(buffer.get(), &count);
    std::vector<hb_codepoint_t> glyphs;
    for (unsigned i = 0; i < count; ++i) glyphs.push_back(infos[i].codepoint);
    return glyphs;
}

const std::string NotoSerif = std::string(GALLEY_FONT_DIR) + "/NotoSerif-Regular.ttf";
const std::string NotoColorEmoji = std::string(GALLEY_FONT_DIR) + "/NotoColorEmoji.ttf";

}  // namespace

TEST(HarfBuzzBuild, ShapesLigaturesAsHbShapeDoes) {
    LoadedFont f = loadFont(NotoSerif);
    ASSERT_GT(hb_face_get_glyph_count(f.face.get()), 0u) << NotoSerif;
    // hb-shape: [82|2132|70|72|3|73|77|82|85|71] — o, the f_f_i ligature, c, e, space, f, j, o, r, d.
    std::vector<hb_codepoint_t> expected = {82, 2132, 70, 72, 3, 73, 77, 82, 85, 71};
    EXPECT_EQ(shapeGlyphs(f.font.get(), "office fjord"), expected);
}

TEST(HarfBuzzBuild, BufferKnowsTheDirectionScriptAndAdvances) {
    LoadedFont f = loadFont(NotoSerif);
    HbPtr<hb_buffer_t> buffer(hb_buffer_create());
    hb_buffer_add_utf8(buffer.get(), "office", -1, 0, -1);
    hb_buffer_set_direction(buffer.get(), HB_DIRECTION_LTR);
    hb_buffer_set_script(buffer.get(), hb_script_from_string("Latn", -1));
    hb_buffer_set_language(buffer.get(), hb_language_from_string("en", -1));
    hb_buffer_set_flags(buffer.get(), HB_BUFFER_FLAG_PRODUCE_UNSAFE_TO_CONCAT);
    hb_shape(f.font.get(), buffer.get(), nullptr, 0);
    EXPECT_EQ(hb_buffer_get_script(buffer.get()), HB_SCRIPT_LATIN);
    ASSERT_EQ(hb_buffer_get_length(buffer.get()), 4u);
    unsigned count = 0;
    hb_glyph_info_t* infos = hb_buffer_get_glyph_infos(buffer.get(), &count);
    hb_glyph_position_t* positions = hb_buffer_get_glyph_positions(buffer.get(), &count);
    // hb-shape: o=0+577 | f_f_i=1+1002 | c=4+492 | e=5+535 (cluster + advance, in font units).
    const unsigned clusters[] = {0, 1, 4, 5};
    const int advances[] = {577, 1002, 492, 535};
    for (unsigned i = 0; i < 4; ++i) {
        EXPECT_EQ(infos[i].cluster, clusters[i]) << i;
        EXPECT_EQ(positions[i].x_advance, advances[i]) << i;
    }
}

TEST(HarfBuzzBuild, NominalGlyphAndExtentsAsHbShapeGives) {
    LoadedFont f = loadFont(NotoSerif);
    hb_codepoint_t o = 0;
    ASSERT_TRUE(hb_font_get_nominal_glyph(f.font.get(), 'o', &o));
    EXPECT_EQ(o, 82u);
    hb_glyph_extents_t extents{};
    ASSERT_TRUE(hb_font_get_glyph_extents(f.font.get(), o, &extents));
    // hb-shape --show-extents: o <55,546,467,-556>.
    EXPECT_EQ(extents.x_bearing, 55);
    EXPECT_EQ(extents.y_bearing, 546);
    EXPECT_EQ(extents.width, 467);
    EXPECT_EQ(extents.height, -556);
}

TEST(HarfBuzzBuild, SelectsScriptAndLanguageSystems) {
    LoadedFont f = loadFont(NotoSerif);
    hb_tag_t scriptTags[HB_OT_MAX_TAGS_PER_SCRIPT];
    hb_tag_t languageTags[HB_OT_MAX_TAGS_PER_LANGUAGE];
    unsigned scriptCount = HB_OT_MAX_TAGS_PER_SCRIPT, languageCount = HB_OT_MAX_TAGS_PER_LANGUAGE;
    hb_ot_tags_from_script_and_language(hb_script_from_string("Latn", -1), hb_language_from_string("ro", -1),
                                        &scriptCount, scriptTags, &languageCount, languageTags);
    ASSERT_GE(scriptCount, 1u);
    ASSERT_GE(languageCount, 1u);
    EXPECT_EQ(languageTags[0], HB_TAG('R', 'O', 'M', ' '));
    // GSUB's scripts: DFLT, cyrl, grek, latn; latn's languages: APPH, CAT, IPPH, MAH, MOL, NAV, ROM.
    unsigned scriptIndex = UINT_MAX, languageIndex = UINT_MAX;
    hb_tag_t chosenScript = 0;
    EXPECT_TRUE(hb_ot_layout_table_select_script(f.face.get(), HB_OT_TAG_GSUB, scriptCount, scriptTags, &scriptIndex,
                                                 &chosenScript));
    EXPECT_EQ(scriptIndex, 3u);
    EXPECT_EQ(chosenScript, HB_TAG('l', 'a', 't', 'n'));
    EXPECT_TRUE(hb_ot_layout_script_select_language(f.face.get(), HB_OT_TAG_GSUB, scriptIndex, languageCount,
                                                    languageTags, &languageIndex));
    EXPECT_EQ(languageIndex, 6u);
    EXPECT_EQ(hb_ot_layout_table_get_script_tags(f.face.get(), HB_OT_TAG_GSUB, 0, nullptr, nullptr), 4u);
}

TEST(HarfBuzzBuild, GivesColourEmojiAsPng) {
    LoadedFont f = loadFont(NotoColorEmoji);
    ASSERT_TRUE(hb_ot_color_has_png(f.face.get())) << NotoColorEmoji;
    // hb-shape: [883=0+2550].
    std::vector<hb_codepoint_t> glyphs = shapeGlyphs(f.font.get(), "\xF0\x9F\x98\x80");
    ASSERT_EQ(glyphs, std::vector<hb_codepoint_t>{883});
    HbPtr<hb_blob_t> png(hb_ot_color_glyph_reference_png(f.font.get(), glyphs[0]));
    unsigned length = 0;
    const char* data = hb_blob_get_data(png.get(), &length);
    ASSERT_GT(length, 8u);
    EXPECT_EQ(std::memcmp(data, "\x89PNG\r\n\x1a\n", 8), 0);
}
