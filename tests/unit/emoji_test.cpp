// Colour emoji (emoji.h, faces.def's emoji slices): a whole emoji sequence is itemised into one run of the emoji face,
// so that HarfBuzz ligates a ZWJ sequence, a flag, a keycap or a skin tone into one glyph; VS16 makes emoji of a
// character the text face has (a keycap's digit, ©) and VS15 keeps text; each sequence of Unicode's emoji-test.txt
// has one slice holding all its code points, which the page fetches, and whose file (cut by scripts/subset-emoji.py)
// draws it as one glyph with its bitmap. The expected glyph ids are what `hb-shape --no-glyph-names` prints for
// Debian's NotoColorEmoji.ttf (fonts-noto-color-emoji 2.042), which natively is loaded whole.
#include "bundle_loader.h"
#include "emoji.h"
#include "layout.h"
#include "paragraph_builder.h"
#include "shaper.h"
#include "test_support.h"
#include "utf8.h"

#include <hb-ot.h>
#include <hb.h>

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>

using namespace galley;

namespace {

std::vector<uint32_t> codePoints(const std::string& s) {
    std::vector<uint32_t> out;
    for (size_t i = 0; i < s.size();) out.push_back(utf8::next(s, i));
    return out;
}

size_t sequenceLength(const std::string& s) {
    const std::vector<uint32_t> cps = codePoints(s);
    return emojiSequenceLength(cps.data(), cps.size());
}

// The glyphs measuring gives, each with the text it was shaped from and its slice.
struct Glyph {
    std::string text;
    uint16_t glyph;
    FontSlice slice;
};
std::vector<Glyph> measured(const std::string& text, const FontSet& fonts = test::notoFonts()) {
    RichText rich;
    rich.text = text;
    const MeasuredParagraph m = measureParagraph(rich, TextStyle{}, fonts);
    std::vector<Glyph> out;
    for (const ShapedGlyph& g : m.glyphs)
        out.push_back({text.substr(g.textBegin, g.textLength), g.glyph, g.slice()});
    return out;
}

bool isEmojiSlice(FontSlice slice) { return std::string(sliceSourceName(FontStyle::Regular, slice)) == "NotoColorEmoji"; }

// Unicode's emoji-test.txt: every fully-qualified sequence (and the components), as text.
std::vector<std::string> emojiTestSequences() {
    std::ifstream in(std::string(GALLEY_UNICODE_DATA_DIR) + "/emoji/emoji-test.txt");
    std::vector<std::string> out;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        const size_t semi = line.find(';');
        if (semi == std::string::npos) continue;
        const std::string status = line.substr(semi + 1, line.find('#') - semi - 1);
        if (status.find("fully-qualified") == std::string::npos && status.find("component") == std::string::npos) continue;
        std::istringstream hex(line.substr(0, semi));
        std::string cp, text;
        while (hex >> cp) utf8::append(text, static_cast<uint32_t>(std::stoul(cp, nullptr, 16)));
        out.push_back(text);
    }
    return out;
}

}  // namespace

TEST(Emoji, SequencesShownAsEmoji) {
    EXPECT_EQ(sequenceLength("👨‍👩‍👧 and"), 5u);      // ZWJ sequence
    EXPECT_EQ(sequenceLength("🇰🇷🇯🇵"), 2u);           // a flag is a pair of regional indicators
    EXPECT_EQ(sequenceLength("👋🏽,"), 2u);            // skin tone
    EXPECT_EQ(sequenceLength("❤️"), 2u);              // default text, VS16
    EXPECT_EQ(sequenceLength("1️⃣"), 3u);             // keycap
    EXPECT_EQ(sequenceLength("1⃣"), 2u);              // keycap without VS16
    EXPECT_EQ(sequenceLength("👩🏽‍💻"), 4u);
    EXPECT_EQ(sequenceLength("🏴󠁧󠁢󠁳󠁣󠁴󠁿"), 7u);            // tag sequence (Scotland)
    EXPECT_EQ(sequenceLength("😀x"), 1u);             // Emoji_Presentation by default
    EXPECT_EQ(sequenceLength("©️"), 2u);
    EXPECT_EQ(sequenceLength("👨‍"), 1u);             // a ZWJ with nothing after it is not the sequence's
    // Text presentation: not emoji sequences.
    EXPECT_EQ(sequenceLength("❤"), 0u);
    EXPECT_EQ(sequenceLength("❤︎"), 0u);               // VS15
    EXPECT_EQ(sequenceLength("😀︎"), 0u);              // VS15 over Emoji_Presentation
    EXPECT_EQ(sequenceLength("©"), 0u);
    EXPECT_EQ(sequenceLength("12"), 0u);
    EXPECT_EQ(sequenceLength("#"), 0u);
    EXPECT_EQ(sequenceLength("a"), 0u);
}

TEST(Emoji, EachSequenceTakesTheSliceHoldingAllItsCodePoints) {
    auto parts = [](const std::string& s) {
        const std::vector<uint32_t> cps = codePoints(s);
        std::vector<EmojiPart> out;
        emojiParts(cps.data(), emojiSequenceLength(cps.data(), cps.size()), out);
        return out;
    };
    const std::map<std::string, FontSlice> expected = {
        {"👨‍👩‍👧", FontSlice::EmojiPeople}, {"🇰🇷", FontSlice::EmojiFlags}, {"👋🏽", FontSlice::EmojiMedium},
        {"👋", FontSlice::EmojiPeople},     {"❤️", FontSlice::EmojiSymbols}, {"1️⃣", FontSlice::EmojiSymbols},
        {"👩🏽‍💻", FontSlice::EmojiMedium}, {"🧑🏻‍🤝‍🧑🏿", FontSlice::EmojiMixedTones}, {"🐕", FontSlice::EmojiNature},
        {"🏴󠁧󠁢󠁳󠁣󠁴󠁿", FontSlice::EmojiSubdivisionFlags}, {"🏴‍☠️", FontSlice::EmojiFlags}, {"💻", FontSlice::EmojiObjects}, {"🚀", FontSlice::EmojiTravel}};
    for (const auto& [text, slice] : expected) {
        const std::vector<EmojiPart> p = parts(text);
        ASSERT_EQ(p.size(), 1u) << text;
        EXPECT_EQ(p[0].slice, slice) << text;
        EXPECT_EQ(p[0].length, codePoints(text).size()) << text;
    }
    // A ZWJ sequence no slice holds (no font has it): its elements by themselves, each ZWJ with the one before.
    const std::vector<EmojiPart> p = parts("😀‍🚀");
    ASSERT_EQ(p.size(), 2u);
    EXPECT_EQ(p[0].length, 2u);
    EXPECT_EQ(p[0].slice, FontSlice::EmojiSymbols);
    EXPECT_EQ(p[1].slice, FontSlice::EmojiTravel);
}

// Every sequence Unicode lists is one sequence, held whole by one emoji slice.
TEST(Emoji, EveryEmojiTestSequenceHasItsSlice) {
    const std::vector<std::string> all = emojiTestSequences();
    ASSERT_GT(all.size(), 3600u) << GALLEY_UNICODE_DATA_DIR "/emoji/emoji-test.txt";
    std::vector<EmojiPart> parts;
    for (const std::string& s : all) {
        const std::vector<uint32_t> cps = codePoints(s);
        const size_t length = emojiSequenceLength(cps.data(), cps.size());
        ASSERT_EQ(length, cps.size()) << s;
        emojiParts(cps.data(), length, parts);
        ASSERT_EQ(parts.size(), 1u) << s;
        EXPECT_TRUE(isEmojiSlice(parts[0].slice)) << s;
    }
}

// The sequences of tests/data/scripts/en-mixed.json and a keycap, measured as hb-shape shapes them: one glyph each.
TEST(Emoji, SequencesAreOneGlyphOfTheEmojiFace) {
    const std::map<std::string, uint16_t> hbShape = {
        {"🇰🇷", 1647}, {"👨‍👩‍👧", 2104}, {"👋🏽", 2041}, {"❤️", 168}, {"1️⃣", 1471}, {"🏴󠁧󠁢󠁳󠁣󠁴󠁿", 1913}};
    for (const auto& [text, id] : hbShape) {
        const std::vector<Glyph> g = measured("a " + text + ".");
        ASSERT_EQ(g.size(), 3u) << text;
        EXPECT_EQ(g[1].text, text);
        EXPECT_EQ(g[1].glyph, id) << text;
        EXPECT_TRUE(isEmojiSlice(g[1].slice)) << text;
        EXPECT_EQ(g[0].slice, FontSlice{});
        EXPECT_EQ(g[2].slice, FontSlice{});
    }
}

// VS16 takes a character the text face has to the emoji face; VS15, or no selector, leaves it in the text face.
TEST(Emoji, PresentationSelectors) {
    const std::vector<Glyph> keycap = measured("1️⃣1");
    ASSERT_EQ(keycap.size(), 2u);
    EXPECT_TRUE(isEmojiSlice(keycap[0].slice));
    EXPECT_EQ(keycap[1].slice, FontSlice{});  // the digit alone: Noto Serif
    for (const char* text : {"©", "©︎", "™︎"}) {
        const std::vector<Glyph> g = measured(text);
        ASSERT_FALSE(g.empty()) << text;
        EXPECT_EQ(g[0].slice, FontSlice{}) << text;
        EXPECT_NE(g[0].glyph, 0) << text;
    }
    for (const char* text : {"©️", "™️", "‼️"}) {
        const std::vector<Glyph> g = measured(text);
        ASSERT_EQ(g.size(), 1u) << text;
        EXPECT_TRUE(isEmojiSlice(g[0].slice)) << text;
    }
    // A default-text emoji no text face has is drawn from the emoji face all the same.
    const std::vector<Glyph> heart = measured("❤");
    ASSERT_EQ(heart.size(), 1u);
    EXPECT_EQ(heart[0].glyph, 168);
}

// The mixed-script article: no emoji code point is missing (the CJK ones are another slice's).
TEST(Emoji, MixedArticleMissesNoEmoji) {
    LoadResult r = loadBundle(test::readText(test::sourcePath("tests/data/scripts/en-mixed.json")));
    ASSERT_TRUE(r.ok());
    const Article& article = r.bundle.articles[0];
    size_t emojiGlyphs = 0, missingOutsideCjk = 0;
    for (const Block& b : article.blocks) {
        if (b.type != BlockType::Paragraph) continue;
        for (const Glyph& g : measured(b.text.text)) {
            const uint32_t cp = codePoints(g.text).front();
            const bool cjk = (cp >= 0x3000 && cp <= 0x9FFF) || (cp >= 0xAC00 && cp <= 0xD7AF);
            missingOutsideCjk += g.glyph == 0 && !cjk;
            emojiGlyphs += isEmojiSlice(g.slice);
        }
    }
    EXPECT_EQ(missingOutsideCjk, 0u);
    EXPECT_EQ(emojiGlyphs, 4u);  // 👋🏽 👨‍👩‍👧 ❤️ 🇰🇷
}

// The page fetches the slices the article's sequences need, and not those of their code points one by one.
TEST(Emoji, FacesUsedNameTheSequencesSlices) {
    Article a;
    a.title = "Title";
    Block b;
    b.type = BlockType::Paragraph;
    b.text.text = "A family 👨‍👩‍👧, a wave 👋🏽, a flag 🇰🇷 and a keycap 1️⃣.";
    a.blocks.push_back(b);
    const FaceSlots used = facesUsed(a);
    for (FontSlice s : {FontSlice::EmojiPeople, FontSlice::EmojiMedium, FontSlice::EmojiFlags, FontSlice::EmojiSymbols})
        EXPECT_TRUE(used.has(FontStyle::Regular, s)) << static_cast<int>(s);
    for (FontSlice s : {FontSlice::EmojiNature, FontSlice::EmojiLight, FontSlice::EmojiMixedTones, FontSlice::Arabic})
        EXPECT_FALSE(used.has(FontStyle::Regular, s)) << static_cast<int>(s);  // not the Arabic slice for the ZWJ
    // All styles share the one file: asked for once, as Regular's.
    for (int slot : used.slots()) {
        if (!isEmojiSlice(slotSlice(static_cast<FaceSlot>(slot)))) continue;
        EXPECT_EQ(slotStyle(static_cast<FaceSlot>(slot)), FontStyle::Regular);
    }
}

// The slice files the viewer ships: each sequence of emoji-test.txt shapes to one glyph with a bitmap in the slice
// that holds it; a later slice keeps the glyph id of what an earlier one holds, but not its bitmap.
TEST(Emoji, SliceFilesDrawEverySequenceOnce) {
#ifdef GALLEY_SUBSET_FONT_DIR
    FontSet fonts;
    std::string why;
    fonts.faces[0] = FontFace::fromFile(std::string(GALLEY_SUBSET_FONT_DIR) + "/NotoSerif-Regular.ttf", &why);
    ASSERT_TRUE(fonts.valid()) << why;
    for (int k = 1; k < FontSliceCount; ++k) {
        const FontSlice slice = static_cast<FontSlice>(k);
        if (!isEmojiSlice(slice)) continue;
        const std::string file = std::string(GALLEY_SUBSET_FONT_DIR) + "/" + sliceFileName(FontStyle::Regular, slice) + ".ttf";
        fonts.slot(FontStyle::Regular, slice) = FontFace::fromFile(file, &why);
        ASSERT_TRUE(fonts.face(FontStyle::Regular, slice)) << why;
        EXPECT_FALSE(fonts.face(FontStyle::Regular, slice)->hasOutlines());
    }
    auto hasBitmap = [&](FontSlice slice, uint16_t glyph) {
        hb_blob_t* png = hb_ot_color_glyph_reference_png(fonts.face(FontStyle::Regular, slice)->harfBuzzFont(), glyph);
        const bool some = hb_blob_get_length(png) > 0;
        hb_blob_destroy(png);
        return some;
    };
    size_t checked = 0;
    for (const std::string& s : emojiTestSequences()) {
        const std::vector<Glyph> g = measured(s, fonts);
        ASSERT_EQ(g.size(), 1u) << s;
        ASSERT_NE(g[0].glyph, 0) << s;
        EXPECT_TRUE(hasBitmap(g[0].slice, g[0].glyph)) << s;
        ++checked;
    }
    EXPECT_GT(checked, 3600u);
    // 👋 is in the medium skin tone's file (HarfBuzz needs it to reach 👋🏽), without its bitmap: people's has it.
    const FontFace& medium = *fonts.face(FontStyle::Regular, FontSlice::EmojiMedium);
    ASSERT_NE(medium.glyphIndex(0x1F44B), 0);
    EXPECT_FALSE(hasBitmap(FontSlice::EmojiMedium, static_cast<uint16_t>(medium.glyphIndex(0x1F44B))));
#else
    GTEST_SKIP() << "python3-fonttools is missing: no subset fonts to test";
#endif
}

// The emoji slices (and CJK's) take face slots past one byte: ShapedGlyph keeps twelve bits of them, and y offsets of
// ±128 px in 16ths, in the 32 bits it had.
TEST(Emoji, ShapedGlyphHoldsEveryFaceSlot) {
    ShapedGlyph g;
    EXPECT_EQ(g.slot, 0u);
    EXPECT_EQ(g.yOffset16, 0);
    g.slot = 4095;  // the most twelve bits hold (faces.def may grow to 682 slices)
    g.yOffset16 = -2047;
    g.textLength = 255;
    EXPECT_EQ(g.slot, 4095u);
    g.slot = FaceSlotCount - 1;
    EXPECT_EQ(g.slice(), static_cast<FontSlice>(FontSliceCount - 1));
    EXPECT_NEAR(g.yOffset(), -2047 / 16.0f, 1e-3);
    EXPECT_EQ(g.textLength, 255u);
    const std::vector<Glyph> last = measured("🧑🏻‍🤝‍🧑🏿");
    ASSERT_EQ(last.size(), 1u);
    EXPECT_EQ(last[0].slice, FontSlice::EmojiMixedTones);  // the last slice
}
