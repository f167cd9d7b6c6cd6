// CJK faces by language (faces.def's GALLEY_CJK and CJK slices): an article's language picks Noto CJK's face (zh-Hans
// Simplified Chinese, zh-Hant Traditional, ja Japanese, ko Korean, any other language Simplified Chinese), kana and
// Hangul are set from the Japanese and Korean faces in any article, Han characters go to the slice of their frequency
// rank, and the page is asked for the slices an article's text needs and no others.
#include "bundle_loader.h"
#include "cjk_tiers.h"
#include "font.h"
#include "layout.h"
#include "test_support.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

using namespace galley;

namespace {

using test::articleOf;

const CjkTiers& tiers() { return builtinCjkTiers(); }

Article scriptArticle(const std::string& name) { return articleOf("tests/data/scripts/" + name + ".json"); }

DisplayList layOut(const FontSet& fonts, const Article& article, float width = 560) {
    ArticleLayout layout(fonts, article);
    layout.setCjkTiers(&tiers());
    LayoutParams params;
    params.width = width;
    return layout.layout(params);
}

Article oneParagraph(const std::string& lang, const std::string& text) {
    Article a;
    a.lang = lang;
    a.title = "T";
    Block b;
    b.type = BlockType::Paragraph;
    b.text.text = text;
    a.blocks.push_back(b);
    return a;
}

// The glyph ids of a paragraph's glyphs set from CJK slices, in order.
std::vector<int> cjkGlyphs(const DisplayList& dl) {
    std::vector<int> out;
    for (const PlacedGlyph& g : dl.glyphs)
        if (sliceCjkFace(g.slice) != CjkFace::Count) out.push_back(g.glyph);
    return out;
}

std::set<FontSlice> cjkSlicesNamed(const FaceSlots& used) {
    std::set<FontSlice> out;
    for (int slot : used.slots()) {
        const FontSlice slice = slotSlice(static_cast<FaceSlot>(slot));  // twelve bits: past a byte's slices
        if (sliceCjkFace(slice) != CjkFace::Count) out.insert(slice);
    }
    return out;
}

}  // namespace

TEST(CjkFaces, TheLanguageChoosesTheFace) {
    for (const char* lang : {"zh", "zh-Hans", "zh-CN", "zh-SG", "zh-Hans-CN", "zh-Hans-HK", "ZH-cn"})
        EXPECT_EQ(cjkFaceOf(lang), CjkFace::SC) << lang;
    for (const char* lang : {"zh-Hant", "zh-TW", "zh-Hant-TW", "zh-HK", "zh-MO", "zh-hant", "yue"})
        EXPECT_EQ(cjkFaceOf(lang), CjkFace::TC) << lang;
    for (const char* lang : {"ja", "ja-JP", "JA"}) EXPECT_EQ(cjkFaceOf(lang), CjkFace::JP) << lang;
    for (const char* lang : {"ko", "ko-KR"}) EXPECT_EQ(cjkFaceOf(lang), CjkFace::KR) << lang;
    // Any other language: Simplified Chinese. A tag matches by whole subtags ("jav" is not "ja").
    for (const char* lang : {"en", "en-US", "de", "", "jav", "kok", "zhx"}) EXPECT_EQ(cjkFaceOf(lang), CjkFace::SC) << lang;
    // The faces' indices in Noto CJK's collections.
    EXPECT_EQ(sliceFaceIndex(FontSlice::HanJP1), 0);
    EXPECT_EQ(sliceFaceIndex(FontSlice::HanKR1), 1);
    EXPECT_EQ(sliceFaceIndex(FontSlice::HanSC1), 2);
    EXPECT_EQ(sliceFaceIndex(FontSlice::HanTC1), 3);
    EXPECT_EQ(sliceFaceIndex(FontSlice::Latin), 0);
    EXPECT_EQ(sliceCjkFace(FontSlice::Cyrillic), CjkFace::Count);
}

TEST(CjkFaces, SlicesByLanguageAndFrequency) {
    // The most frequent characters are in each face's first slice, with the CJK punctuation.
    EXPECT_EQ(sliceOf(U'的', "zh-Hans", &tiers()), FontSlice::HanSC1);
    EXPECT_EQ(sliceOf(U'國', "zh-Hant", &tiers()), FontSlice::HanTC1);
    EXPECT_EQ(sliceOf(U'国', "ja", &tiers()), FontSlice::HanJP1);
    EXPECT_EQ(sliceOf(U'。', "zh-Hans", &tiers()), FontSlice::HanSC1);
    EXPECT_EQ(sliceOf(U'。', "ja", &tiers()), FontSlice::HanJP1);
    EXPECT_EQ(sliceOf(U'，', "zh-Hant", &tiers()), FontSlice::HanTC1);   // U+FF0C, full width
    EXPECT_EQ(sliceOf(U'\u3000', "ko", &tiers()), FontSlice::HanKR1);    // ideographic space
    // The same character in another language's face.
    EXPECT_EQ(sliceOf(U'的', "ja", &tiers()), FontSlice::HanJP1);
    EXPECT_EQ(sliceOf(U'的', "en", &tiers()), FontSlice::HanSC1);        // any other language: Simplified Chinese
    // Rarer characters in later slices; the rarest by range in the last.
    EXPECT_EQ(sliceOf(U'喆', "zh-Hans", &tiers()), FontSlice::HanSC124);   // 6,965, in names: kTGHZ2013 has it, GB 2312 not
    EXPECT_EQ(sliceOf(U'\u3400', "zh-Hans", &tiers()), FontSlice::HanSCRest);  // CJK Extension A
    EXPECT_EQ(sliceOf(U'\U00020000', "ja", &tiers()), FontSlice::HanJPRest);  // Extension B
    // Slices of 25 ranks to the 3,500th, of 50 to the 6,500th: the zh-Hant article's rare characters (囹圄
    // "prison", 瀋陽) cost three files of ~15 KB, not Big5's 6,560 rarest.
    EXPECT_EQ(sliceOf(U'寐', "zh-Hans", &tiers()), FontSlice::HanSC43);    // rank 3,016 of 3,001-3,025
    EXPECT_EQ(sliceOf(U'圄', "zh-Hant", &tiers()), FontSlice::HanTC80);    // rank 4,392 of 4,351-4,400
    EXPECT_EQ(sliceOf(U'瀋', "zh-Hant", &tiers()), FontSlice::HanTC88);    // 4,796
    EXPECT_EQ(sliceOf(U'囹', "zh-Hant", &tiers()), FontSlice::HanTC116);   // 6,152: Big5 has it, but far down
    EXPECT_EQ(sliceOf(U'瀋', "ja", &tiers()), FontSlice::HanJP60);         // 3,443 in Japanese's order
    EXPECT_EQ(sliceOf(U'瑩', "ja", &tiers()), FontSlice::HanJP74);         // 4,087
    // Kana are Japanese and Hangul Korean, whatever the article's language.
    EXPECT_EQ(sliceOf(U'あ', "ja", &tiers()), FontSlice::Kana);
    EXPECT_EQ(sliceOf(U'ア', "zh-Hans", &tiers()), FontSlice::Kana);
    EXPECT_EQ(sliceOf(U'김', "en", &tiers()), FontSlice::Hangul);          // in KS X 1001's 2,350 syllables
    EXPECT_EQ(sliceOf(U'똠', "ko", &tiers()), FontSlice::Hangul2);         // not in them
    EXPECT_EQ(sliceOf(U'ㄱ', "ja", &tiers()), FontSlice::Hangul);
    // Latin stays in the first slice in a CJK article.
    EXPECT_EQ(sliceOf('a', "ja", &tiers()), FontSlice::Latin);
    EXPECT_EQ(sliceOf(U'—', "zh-Hans", &tiers()), FontSlice::Latin);
    // A national charset's symbols, from the CJK face only in its languages' articles.
    EXPECT_EQ(sliceOf(U'①', "zh-Hans", &tiers()), FontSlice::HanSCSymbols);   // a slice of their own
    EXPECT_EQ(sliceOf(U'①', "ko", &tiers()), FontSlice::HanKR1);
    EXPECT_EQ(sliceOf(U'●', "ja", &tiers()), FontSlice::HanJPSymbols);
    EXPECT_EQ(sliceCjkFace(sliceOf(U'①', "en", &tiers())), CjkFace::Count);
    EXPECT_EQ(sliceOf(U'≤', "en", &tiers()), FontSlice::Math);
    EXPECT_EQ(sliceOf(U'∼', "ko", &tiers()), FontSlice::Math);             // Korean's wave dash: no Noto CJK face has it
}

// The tiers that sliceOf reads: built into the tests (as into the CLI), checked when read.
TEST(CjkFaces, TiersAreCheckedWhenRead) {
    const unsigned char notTiers[] = "GCJK\x01\x04\x00\x00";
    EXPECT_EQ(CjkTiers::fromBytes(notTiers, sizeof notTiers - 1), nullptr);   // another version
    EXPECT_EQ(CjkTiers::fromBytes(notTiers, 3), nullptr);
    const unsigned char noPages[] = "GCJK\x02\x04\x01\x00";   // one page announced, none there
    EXPECT_EQ(CjkTiers::fromBytes(noPages, sizeof noPages - 1), nullptr);
    const unsigned char empty[] = "GCJK\x02\x04\x00\x00";     // no page: a valid file that ranks nothing
    const auto none = CjkTiers::fromBytes(empty, sizeof empty - 1);
    ASSERT_NE(none, nullptr);
    EXPECT_EQ(none->tierOf(CjkFace::SC, U'的'), 0);
    EXPECT_EQ(tiers().tierOf(CjkFace::SC, U'的'), 1);
    EXPECT_EQ(sliceOf(U'的', "zh-Hans", none.get()), FontSlice::HanSCRest);  // unranked: the face's last slice, by range
    // Without tiers, an article says it needs them when its text reaches a ranked slice; with them, not.
    bool needs = false;
    facesUsed(scriptArticle("zh-Hans"), nullptr, &needs);
    EXPECT_TRUE(needs);
    needs = false;
    facesUsed(scriptArticle("zh-Hans"), &tiers(), &needs);
    EXPECT_FALSE(needs);
    facesUsed(scriptArticle("ru"), nullptr, &needs);
    EXPECT_FALSE(needs);
}

// Natively the faces are Debian's whole collections, each CJK slice the face of its language.
TEST(CjkFaces, ArticlesAreSetInTheirLanguagesFaces) {
    const FontSet& fonts = test::notoFonts();
    ASSERT_NE(fonts.face(FontStyle::Regular, FontSlice::HanSC1), nullptr) << "fonts-noto-cjk is missing";
    struct Case { const char* name; CjkFace face; int index; };
    for (const Case& c : {Case{"zh-Hans", CjkFace::SC, 2}, Case{"zh-Hant", CjkFace::TC, 3}, Case{"ja", CjkFace::JP, 0},
                          Case{"ko", CjkFace::KR, 1}}) {
        const DisplayList dl = layOut(fonts, scriptArticle(c.name));
        EXPECT_EQ(dl.missingGlyphs, 0u) << c.name;
        size_t cjk = 0;
        for (const PlacedGlyph& g : dl.glyphs) {
            const CjkFace face = sliceCjkFace(g.slice);
            if (face == CjkFace::Count) continue;
            ++cjk;
            // Kana in the Japanese face, Hangul in the Korean, all else in the article's language's.
            if (g.slice != FontSlice::Kana && g.slice != FontSlice::Hangul && g.slice != FontSlice::Hangul2) {
                EXPECT_EQ(face, c.face) << c.name;
            }
            const FontFace* f = fonts.face(g.style, g.slice);
            ASSERT_NE(f, nullptr);
            EXPECT_EQ(f->faceIndex(), face == c.face ? c.index : sliceFaceIndex(g.slice)) << c.name;
            EXPECT_NE(f->fileName().find("CJK-"), std::string::npos) << f->fileName();
        }
        EXPECT_GT(cjk, 400u) << c.name;
    }
    // Bold from the bold collection, sans from the sans one.
    EXPECT_EQ(fonts.face(FontStyle::Bold, FontSlice::HanTC2)->fileName(), "NotoSerifCJK-Bold.ttc");
    EXPECT_EQ(fonts.face(FontStyle::Sans, FontSlice::HanTC2)->fileName(), "NotoSansCJK-Regular.ttc");
    EXPECT_EQ(fonts.face(FontStyle::SansBold, FontSlice::Hangul)->fileName(), "NotoSansCJK-Bold.ttc");
    EXPECT_EQ(fonts.face(FontStyle::Italic, FontSlice::HanJP1)->fileName(), "NotoSerifCJK-Regular.ttc");
}

// 直 and 骨 have different forms in Japanese and in Simplified Chinese: the same text gets other glyphs by language.
TEST(CjkFaces, RegionalFormsDifferByLanguage) {
    const FontSet& fonts = test::notoFonts();
    const FontFace* jp = fonts.face(FontStyle::Regular, FontSlice::HanJP1);
    const FontFace* sc = fonts.face(FontStyle::Regular, FontSlice::HanSC1);
    const FontFace* tc = fonts.face(FontStyle::Regular, FontSlice::HanTC1);
    ASSERT_TRUE(jp && sc && tc);
    for (char32_t c : {U'直', U'骨'}) {
        EXPECT_NE(jp->glyphIndex(c), 0);
        EXPECT_NE(jp->glyphIndex(c), sc->glyphIndex(c));
    }
    const std::vector<int> inJapanese = cjkGlyphs(layOut(fonts, oneParagraph("ja", "直骨")));
    const std::vector<int> inChinese = cjkGlyphs(layOut(fonts, oneParagraph("zh-Hans", "直骨")));
    const std::vector<int> inTraditional = cjkGlyphs(layOut(fonts, oneParagraph("zh-Hant", "直骨")));
    EXPECT_EQ(inJapanese, (std::vector<int>{jp->glyphIndex(U'直'), jp->glyphIndex(U'骨')}));
    EXPECT_EQ(inChinese, (std::vector<int>{sc->glyphIndex(U'直'), sc->glyphIndex(U'骨')}));
    EXPECT_EQ(inTraditional, (std::vector<int>{tc->glyphIndex(U'直'), tc->glyphIndex(U'骨')}));
    EXPECT_NE(inJapanese, inChinese);
    // An English article sets a Chinese name as Simplified Chinese.
    EXPECT_EQ(cjkGlyphs(layOut(fonts, oneParagraph("en", "直骨"))), inChinese);
    // Kana in a Chinese article: the Japanese face's own forms, not its Chinese `locl` ones (as the viewer's slices,
    // which keep no `locl`, draw them).
    const FontFace* kana = fonts.face(FontStyle::Regular, FontSlice::Kana);
    ASSERT_NE(kana, nullptr);
    EXPECT_EQ(cjkGlyphs(layOut(fonts, oneParagraph("zh-Hans", "ひらがな"))),
              (std::vector<int>{kana->glyphIndex(U'ひ'), kana->glyphIndex(U'ら'), kana->glyphIndex(U'が'),
                                kana->glyphIndex(U'な')}));
}

// What the page fetches: a Chinese article names its language's first slices and no other language's; an English
// article no CJK slice; English with a few Chinese and Korean names the first slices of those.
TEST(CjkFaces, FacesUsedNameTheSlicesTheTextNeeds) {
    const FaceSlots zh = facesUsed(scriptArticle("zh-Hans"), &tiers());
    EXPECT_TRUE(zh.has(FontStyle::Regular, FontSlice::HanSC1));
    EXPECT_TRUE(zh.has(FontStyle::Bold, FontSlice::HanSC1));    // title, heading
    EXPECT_TRUE(zh.has(FontStyle::Sans, FontSlice::HanSC1));    // byline, attribution
    EXPECT_TRUE(zh.has(FontStyle::Italic, FontSlice::HanSC1));  // dek, quote: Regular's file (Noto CJK has no italic)
    EXPECT_FALSE(zh.has(FontStyle::SansBold, FontSlice::HanSC1));
    for (int k = static_cast<int>(FontSlice::HanSC63); k <= static_cast<int>(FontSlice::HanSCRest); ++k)
        EXPECT_FALSE(zh.has(FontStyle::Regular, static_cast<FontSlice>(k))) << k;  // nothing beyond rank 3,500
    for (FontSlice s : cjkSlicesNamed(zh)) EXPECT_EQ(sliceCjkFace(s), CjkFace::SC) << static_cast<int>(s);
    // Each slice named holds a character of the article (Regular's: every piece is also set in it).
    const Article zhArticle = scriptArticle("zh-Hans");
    std::set<FontSlice> needed;
    auto note = [&](const std::string& text) {
        for (size_t i = 0; i < text.size();) needed.insert(sliceOf(utf8::next(text, i), zhArticle.lang, &tiers()));
    };
    note(zhArticle.title);
    note(zhArticle.subtitle);
    for (const Author& a : zhArticle.authors) note(a.name);
    note(zhArticle.source.name);
    note("年月日");  // the byline's date
    for (const Block& b : zhArticle.blocks) {
        note(b.text.text);
        note(b.attribution.text);
        for (const ListItem& item : b.items) note(item.text.text);
    }
    for (FontSlice s : cjkSlicesNamed(zh)) EXPECT_TRUE(needed.count(s)) << static_cast<int>(s);

    const FaceSlots hant = facesUsed(scriptArticle("zh-Hant"), &tiers());
    EXPECT_TRUE(hant.has(FontStyle::Regular, FontSlice::HanTC1));
    for (FontSlice s : cjkSlicesNamed(hant)) EXPECT_EQ(sliceCjkFace(s), CjkFace::TC);
    EXPECT_TRUE(hant.has(FontStyle::Regular, FontSlice::HanTC116));  // 囹
    for (int k = static_cast<int>(FontSlice::HanTC123); k <= static_cast<int>(FontSlice::HanTCRest); ++k)
        EXPECT_FALSE(hant.has(FontStyle::Regular, static_cast<FontSlice>(k))) << k;  // Big5's rarest, and the rest
    const FaceSlots ja = facesUsed(scriptArticle("ja"), &tiers());
    EXPECT_TRUE(ja.has(FontStyle::Regular, FontSlice::HanJP1));
    EXPECT_TRUE(ja.has(FontStyle::Regular, FontSlice::Kana));
    for (FontSlice s : cjkSlicesNamed(ja)) EXPECT_TRUE(sliceCjkFace(s) == CjkFace::JP) << static_cast<int>(s);
    const FaceSlots ko = facesUsed(scriptArticle("ko"), &tiers());
    EXPECT_TRUE(ko.has(FontStyle::Regular, FontSlice::Hangul));
    EXPECT_FALSE(ko.has(FontStyle::Regular, FontSlice::Hangul2));  // all in KS X 1001
    EXPECT_TRUE(ko.has(FontStyle::Regular, FontSlice::HanKR1));    // 北送
    EXPECT_TRUE(ko.has(FontStyle::Regular, FontSlice::Math));      // 7∼9월
    for (FontSlice s : cjkSlicesNamed(ko)) EXPECT_EQ(sliceCjkFace(s), CjkFace::KR);

    EXPECT_TRUE(cjkSlicesNamed(facesUsed(articleOf("assets/sample.json"), &tiers())).empty());
    for (const char* name : {"ru", "ar", "th", "vi"}) EXPECT_TRUE(cjkSlicesNamed(facesUsed(scriptArticle(name), &tiers())).empty()) << name;
    // 习近平, 金正恩, 김민주 in English: Simplified Chinese's first slices, and Hangul's.
    const std::set<FontSlice> mixed = cjkSlicesNamed(facesUsed(scriptArticle("en-mixed"), &tiers()));
    EXPECT_TRUE(mixed.count(FontSlice::HanSC1));
    EXPECT_TRUE(mixed.count(FontSlice::Hangul));
    for (FontSlice s : mixed)
        EXPECT_TRUE(s == FontSlice::HanSC1 || s == FontSlice::HanSC2 || s == FontSlice::Hangul) << static_cast<int>(s);
}

// What the first frame waits for: a CJK article's slices in the regular serif only, with the slices its bold title
// and sans byline need (a CJK slice's bold file costs what its regular one does, for a few characters); its other
// scripts' faces as they are. An article without CJK text waits for all it uses.
TEST(CjkFaces, TheFirstFrameWaitsForTheRegularCjkSlicesOnly) {
    for (const char* name : {"zh-Hans", "zh-Hant", "ja", "ko", "en-mixed"}) {
        const FaceSlots used = facesUsed(scriptArticle(name), &tiers());
        const FaceSlots first = firstFrameFaces(used);
        size_t deferred = 0;
        for (int slot : used.slots()) {
            const FontStyle style = slotStyle(static_cast<FaceSlot>(slot));
            const FontSlice slice = slotSlice(static_cast<FaceSlot>(slot));
            // Every slice used has its regular face in the first frame's, so no character waits for a later file.
            EXPECT_TRUE(first.has(FontStyle::Regular, slice) || sliceCjkFace(slice) == CjkFace::Count) << name << slot;
            if (sliceCjkFace(slice) == CjkFace::Count) {
                EXPECT_TRUE(first.hasSlot(slot)) << name << slot;
            } else if (canonicalStyle(style, slice) != FontStyle::Regular) {
                const bool sansHangul = (slice == FontSlice::Hangul || slice == FontSlice::Hangul2) &&
                                        (style == FontStyle::Sans || style == FontStyle::SansBold);
                EXPECT_EQ(first.hasSlot(slot), sansHangul) << name << slot;
                deferred += !sansHangul;
            }
        }
        for (int slot : first.slots()) EXPECT_TRUE(used.hasSlot(slot) || slotStyle(static_cast<FaceSlot>(slot)) ==
                                                   FontStyle::Regular) << name << slot;
        if (std::string(name) != "en-mixed") {
            EXPECT_GT(deferred, 0u) << name;  // a title in bold, a byline in sans
        }
    }
    const FaceSlots zh = firstFrameFaces(facesUsed(scriptArticle("zh-Hans"), &tiers()));
    EXPECT_TRUE(zh.has(FontStyle::Sans, FontSlice::Latin));    // the byline's digits: Noto Sans, as ever
    EXPECT_TRUE(zh.has(FontStyle::Regular, FontSlice::HanSC2));
    EXPECT_FALSE(zh.has(FontStyle::Bold, FontSlice::HanSC1));
    EXPECT_FALSE(zh.has(FontStyle::Sans, FontSlice::HanSC1));
    const FaceSlots ko = firstFrameFaces(facesUsed(scriptArticle("ko"), &tiers()));
    EXPECT_TRUE(ko.has(FontStyle::Sans, FontSlice::Hangul));    // the byline: Hangul's sans widths are its own
    EXPECT_FALSE(ko.has(FontStyle::Bold, FontSlice::Hangul));   // the title: the serif's
    for (const char* name : {"ru", "ar", "th"}) {
        const FaceSlots used = facesUsed(scriptArticle(name), &tiers());
        EXPECT_TRUE(firstFrameFaces(used) == used) << name;
    }
    const FaceSlots sample = facesUsed(articleOf("assets/sample.json"), &tiers());
    EXPECT_TRUE(firstFrameFaces(sample) == sample);
}

// The first frame's lines stay when the bold and sans CJK faces come: laid out with the CJK faces firstFrameFaces
// keeps only (the others' slots empty, as in the viewer until they arrive: FontSet::face falls back to the regular),
// a CJK article breaks into the same lines, with its words at the same places, as with every face. (With Noto Sans
// CJK's Hangul left out too, the Korean byline's words moved by 4-5 px each.)
TEST(CjkFaces, TheFirstFramesLinesStayWhenTheBoldAndSansCjkFacesCome) {
    FontSet firstFrame;
    ASSERT_TRUE(loadFontSet(firstFrame, GALLEY_FONT_DIR, nullptr));
    size_t emptied = 0;
    for (int k = 1; k < FontSliceCount; ++k) {
        const FontSlice slice = static_cast<FontSlice>(k);
        if (sliceCjkFace(slice) == CjkFace::Count) continue;
        for (int i = 0; i < FontStyleCount; ++i) {
            const FontStyle style = static_cast<FontStyle>(i);
            FaceSlots alone;
            alone.add(style, slice);
            if (firstFrameFaces(alone).has(style, slice)) continue;
            emptied += firstFrame.slot(style, slice) != nullptr;
            firstFrame.slot(style, slice).reset();
        }
    }
    ASSERT_GT(emptied, 0u);  // Noto CJK's bold and sans collections are installed: there is something to compare
    const FontSet& every = test::notoFonts();
    for (const char* name : {"zh-Hans", "zh-Hant", "ja", "ko"}) {
        const Article article = scriptArticle(name);
        const DisplayList first = layOut(firstFrame, article), final = layOut(every, article);
        EXPECT_EQ(first.missingGlyphs, 0u) << name;
        // The bold title is another face's glyphs in the end (the layouts differ), in the same lines.
        const FontFace* regular = firstFrame.face(FontStyle::Bold, sliceOf(U'中', "zh-Hans", &tiers()));
        const FontFace* bold = every.face(FontStyle::Bold, sliceOf(U'中', "zh-Hans", &tiers()));
        EXPECT_NE(regular, bold);
        ASSERT_EQ(first.lines.size(), final.lines.size()) << name;
        for (size_t i = 0; i < first.lines.size(); ++i) {
            const TextLine &a = first.lines[i], &b = final.lines[i];
            EXPECT_EQ(a.block, b.block) << name << " line " << i;
            EXPECT_FLOAT_EQ(a.top, b.top) << name << " line " << i;
            ASSERT_EQ(a.words.size(), b.words.size()) << name << " line " << i;
            for (size_t w = 0; w < a.words.size(); ++w) {
                EXPECT_EQ(a.words[w].sourceBegin, b.words[w].sourceBegin) << name << " line " << i;
                EXPECT_NEAR(a.words[w].x, b.words[w].x, 0.01f) << name << " line " << i << " " << a.words[w].text;
            }
        }
    }
}

// The viewer's files (scripts/cjk-slices.py's slices, subset as the build cuts them): each holds what sliceOf sends
// to it, so the four articles are drawn from them with no .notdef, as in the browser.
TEST(CjkFaces, TheShippedSlicesHoldWhatSliceOfSendsThem) {
#ifdef GALLEY_SUBSET_FONT_DIR
    const std::string dir = GALLEY_SUBSET_FONT_DIR;
    FontSet fonts;
    std::string why;
    fonts.faces[0] = FontFace::fromFile(dir + "/NotoSerif-Regular.ttf", &why);
    ASSERT_TRUE(fonts.valid()) << why;
    size_t loaded = 0;
    for (int k = 1; k < FontSliceCount; ++k) {
        const FontSlice slice = static_cast<FontSlice>(k);
        if (sliceCjkFace(slice) == CjkFace::Count && slice != FontSlice::Math) continue;
        fonts.slot(FontStyle::Regular, slice) = FontFace::fromFile(dir + "/" + sliceFileName(FontStyle::Regular, slice) + ".ttf", &why);
        ASSERT_NE(fonts.face(FontStyle::Regular, slice), nullptr) << why;
        ++loaded;
    }
    EXPECT_GE(loaded, 19u);
    // Every style falls back to the regular face of a slice (the test has no others): all drawn from these files.
    for (const char* name : {"zh-Hans", "zh-Hant", "ja", "ko"}) {
        const DisplayList dl = layOut(fonts, scriptArticle(name));
        EXPECT_EQ(dl.missingGlyphs, 0u) << name;
        EXPECT_GT(cjkGlyphs(dl).size(), 400u) << name;
    }
    // A first slice holds its face's most frequent characters and punctuation, and nothing of the next slice.
    const FontFace* sc1 = fonts.face(FontStyle::Regular, FontSlice::HanSC1);
    const FontFace* sc2 = fonts.face(FontStyle::Regular, FontSlice::HanSC2);
    for (char32_t c : {U'的', U'是', U'中', U'国', U'。', U'，', U'（'}) EXPECT_TRUE(sc1->hasGlyph(c)) << static_cast<uint32_t>(c);
    size_t first = 0;
    for (uint32_t c = 0x4E00; c <= 0x9FFF; ++c) {
        const FontSlice s = sliceOf(c, "zh-Hans", &tiers());
        if (s == FontSlice::HanSC1) {
            EXPECT_TRUE(sc1->hasGlyph(c) && !sc2->hasGlyph(c)) << c;
            ++first;
        } else {
            EXPECT_FALSE(sc1->hasGlyph(c)) << c;
        }
    }
    EXPECT_EQ(first, 1000u);  // "#1-1000"
    // CFF outlines, read by stb_truetype as the glyph atlas reads them.
    EXPECT_TRUE(sc1->hasOutlines());
    EXPECT_NE(sc1->stbFontInfo(), nullptr);
#else
    GTEST_SKIP() << "no subsetter: no subset fonts to test";
#endif
}

// A long CJK article's first frame waits for the slices of what its first screen shows, not for a rare character
// further down; and every glyph the layout sets on that screen is in a slice it waits for (FirstScreen's heights are
// lower bounds). A Latin article's first screen is all of it.
TEST(CjkFaces, TheFirstScreenNamesTheSlicesItShows) {
    Article article = scriptArticle("zh-Hant");
    const std::vector<Block> opening = article.blocks;
    for (int i = 0; i < 12; ++i) article.blocks.insert(article.blocks.end(), opening.begin(), opening.end());
    Block rare;
    rare.type = BlockType::Paragraph;
    rare.text.text = "他在文中引用了「饕餮」與「魑魅魍魎」兩個典故。";  // ranks past 6,500: Big5's rarest slices
    article.blocks.push_back(rare);
    const FaceSlots all = facesUsed(article, &tiers());
    for (float width : {340.0f, 680.0f}) {
        FirstScreen screen;
        screen.params.width = width;
        screen.height = 900;
        const FaceSlots first = facesUsed(article, &tiers(), nullptr, &screen);
        for (int slot : first.slots()) EXPECT_TRUE(all.hasSlot(slot)) << width << " " << slot;
        std::set<FontSlice> below;  // what the rare paragraph alone needs
        for (size_t i = 0; i < rare.text.text.size();) below.insert(sliceOf(utf8::next(rare.text.text, i), "zh-Hant", &tiers()));
        size_t left = 0;
        for (FontSlice s : below) left += all.has(FontStyle::Regular, s) && !first.has(FontStyle::Regular, s);
        EXPECT_GT(left, 0u) << width;  // the rare characters' slices come after the first frame
        // Everything the layout sets above 900 px is in the first screen's slices.
        ArticleLayout layout(test::notoFonts(), article);
        layout.setCjkTiers(&tiers());
        LayoutParams params;
        params.width = width;
        const DisplayList dl = layout.layout(params);
        size_t seen = 0;
        for (const PlacedGlyph& g : dl.glyphs) {
            if (g.y > screen.height) continue;
            ++seen;
            EXPECT_TRUE(first.has(g.style, g.slice) || first.has(FontStyle::Regular, g.slice))
                << width << " slice " << static_cast<int>(g.slice) << " at " << g.y;
        }
        EXPECT_GT(seen, 200u);
    }
    const Article sample = articleOf("assets/sample.json");
    FirstScreen screen;
    screen.height = 600;
    EXPECT_TRUE(facesUsed(sample, &tiers(), nullptr, &screen) == facesUsed(sample, &tiers()));
}
