// typesetting_test.cpp — the micro-typography (hanging punctuation, font expansion, the hyphen-run limit), the
// hyphenation language mapping, and the quality goals of issue 3 on the sample article (deterministic, so asserted;
// speed is only printed by `galley bench layout`).
#include "bundle_loader.h"
#include "hyphen_language.h"
#include "layout.h"
#include "layout_quality.h"
#include "line_breaker.h"
#include "test_support.h"
#include "word_hyphenation.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

using namespace galley;

namespace {

Article sample() {
    LoadResult r = loadBundle(test::readText(test::sourcePath("assets/sample.json")));
    EXPECT_TRUE(r.ok());
    return r.ok() ? r.bundle.articles[0] : Article{};
}

void hyphenate(ArticleLayout& layout) { test::hyphenateEnglish(layout); }

LayoutQuality sampleQuality(float width, Align align, DisplayList* out = nullptr) {
    static const Article article = sample();
    ArticleLayout layout(test::notoFonts(), article);
    hyphenate(layout);
    LayoutParams p;
    p.width = width;
    p.align = align;
    DisplayList dl = layout.layout(p);
    EXPECT_TRUE(keepsEveryWord(article, dl));
    if (out) *out = dl;
    return measureLayoutQuality(dl);
}

std::vector<BreakItem> words(const std::vector<float>& widths, float space) {
    std::vector<BreakItem> items;
    for (size_t i = 0; i < widths.size(); ++i) {
        if (i) items.push_back(BreakItem::glue(space, space / 2, space / 4));
        items.push_back(BreakItem::box(widths[i]));
    }
    items.push_back(BreakItem::pen(0, PenaltyForbidden, false));
    items.push_back(BreakItem::glue(0, 1e6f, 0));
    items.push_back(BreakItem::pen(0, PenaltyForced, false));
    return items;
}

}  // namespace

// --- the breaker's extensions --------------------------------------------------------------------------------------

TEST(MicroTypography, ExpansionFirstTakesTheSlackBeforeTheGlue) {
    // 40 + 10 + 40 = 90 in 92: 2 px of slack, boxes may give 2 x 2, glue 5: letters take it all.
    std::vector<BreakItem> items = words({40, 40, 40}, 10);
    for (BreakItem& i : items)
        if (i.kind == BreakItem::Box) i.stretch = i.shrink = 2;
    BreakParams p;
    p.lineWidths = {92};
    p.boxAdjust = BoxAdjust::First;
    auto breaks = breakOptimal(items, p);
    ASSERT_EQ(breaks.size(), 2u);
    EXPECT_NEAR(breaks[0].boxRatio, 0.5, 1e-5);
    EXPECT_NEAR(breaks[0].ratio, 0.0, 1e-5);
    // 8 px: boxes give their 4, glue (stretch 5) the other 4.
    p.lineWidths = {98};
    breaks = breakOptimal(items, p);
    EXPECT_NEAR(breaks[0].boxRatio, 1.0, 1e-5);
    EXPECT_NEAR(breaks[0].ratio, 0.8, 1e-5);
    // None: boxes keep their width.
    p.boxAdjust = BoxAdjust::None;
    breaks = breakOptimal(items, p);
    EXPECT_EQ(breaks[0].boxRatio, 0.0f);
    EXPECT_NEAR(breaks[0].ratio, 1.6, 1e-5);
}

TEST(MicroTypography, HangingPunctuationLengthensTheLine) {
    // Two words of 50 and a space of 10 in 108: overfull by 2 without shrink... unless the comma ending the second
    // word hangs 3 px into the margin and the line is set to 111.
    std::vector<BreakItem> items = words({50, 50, 50}, 10);
    for (BreakItem& i : items) i.shrink = 0;
    items[2].hangEnd = 3;
    BreakParams p;
    p.lineWidths = {108};
    p.tolerance = 100;
    auto breaks = breakOptimal(items, p);
    EXPECT_EQ(breaks[0].item, 1u);  // one word a line
    p.hangingPunctuation = true;
    breaks = breakOptimal(items, p);
    ASSERT_GE(breaks.size(), 2u);
    EXPECT_EQ(breaks[0].item, 3u);
    EXPECT_FLOAT_EQ(breaks[0].hangEnd, 3.0f);
    EXPECT_NEAR(breaks[0].ratio, 1.0 / 5.0, 1e-5);  // 111 - 110 = 1 px over 5 px of stretch
}

TEST(MicroTypography, NeverMoreHyphensInARowThanAllowed) {
    std::mt19937 rng(5);
    std::uniform_real_distribution<float> fragment(8, 40);
    for (int trial = 0; trial < 200; ++trial) {
        std::vector<BreakItem> items;
        for (int w = 0; w < 60; ++w) {
            if (w) items.push_back(BreakItem::glue(6, 3, 1.5f));
            const int fragments = 1 + static_cast<int>(rng() % 4);
            for (int f = 0; f < fragments; ++f) {
                if (f) items.push_back(BreakItem::pen(5, 0, true));  // free hyphens: the breaker would love runs
                items.push_back(BreakItem::box(fragment(rng)));
            }
        }
        items.push_back(BreakItem::pen(0, PenaltyForbidden, false));
        items.push_back(BreakItem::glue(0, 1e6f, 0));
        items.push_back(BreakItem::pen(0, PenaltyForced, false));
        BreakParams p;
        p.lineWidths = {150};
        p.flaggedDemerits = 0;
        p.maxConsecutiveHyphens = 2;
        p.justify = trial % 2 == 0;
        int run = 0;
        for (const LineBreak& b : breakOptimal(items, p)) {
            run = items[b.item].kind == BreakItem::Penalty && items[b.item].flagged ? run + 1 : 0;
            EXPECT_LE(run, 2) << "trial " << trial;
        }
    }
}

// Found by the layout fuzzer: a "word" of dash-joined pieces, each too long to share a line with the next, can only
// set without overflow by breaking at every dash. The hyphen-run limit must then give way, not the measure.
TEST(MicroTypography, HyphenRunLimitGivesWayBeforeTheMeasure) {
    std::vector<BreakItem> items;
    for (int piece = 0; piece < 6; ++piece) {
        if (piece) items.push_back(BreakItem::pen(0, ExplicitHyphenPenalty, true));
        items.push_back(BreakItem::box(piece % 2 ? 60.0f : 90.0f));  // any two pieces exceed 100 px
    }
    items.push_back(BreakItem::pen(0, PenaltyForbidden, false));
    items.push_back(BreakItem::glue(0, 1e6f, 0));
    items.push_back(BreakItem::pen(0, PenaltyForced, false));
    for (bool justify : {true, false}) {
        BreakParams p;
        p.lineWidths.assign(1, 100.0f);
        p.justify = justify;
        p.maxConsecutiveHyphens = 2;
        const std::vector<LineBreak> breaks = breakOptimal(items, p);
        EXPECT_EQ(breaks.size(), 6u) << "justify " << justify;  // one piece a line: five dash breaks in a row
    }
}

// A window of a long paragraph continues the hyphen run of the lines before it: "A B C-|D E" breaks at the hyphen
// unless the two lines before ended at hyphens too.
TEST(MicroTypography, HyphenRunCountsOnFromTheLinesBefore) {
    std::vector<BreakItem> items = {BreakItem::box(30), BreakItem::glue(10, 10, 3), BreakItem::box(30),
                                    BreakItem::glue(10, 10, 3), BreakItem::box(30), BreakItem::pen(5, 0, true),
                                    BreakItem::box(30), BreakItem::glue(10, 10, 3), BreakItem::box(30),
                                    BreakItem::pen(0, PenaltyForbidden, false), BreakItem::glue(0, 1e6f, 0),
                                    BreakItem::pen(0, PenaltyForced, false)};
    BreakParams p;
    p.lineWidths = {115};  // "A B C-" fills it exactly; "A B" would stretch its one space 4.5 times
    p.maxConsecutiveHyphens = 2;
    EXPECT_EQ(breakOptimal(items, p).front().item, 5u);
    p.hyphenBreaksBefore = 1;
    EXPECT_EQ(breakOptimal(items, p).front().item, 5u);
    p.hyphenBreaksBefore = 2;
    EXPECT_EQ(breakOptimal(items, p).front().item, 3u);
}

// --- in the layout --------------------------------------------------------------------------------------------------

TEST(MicroTypography, LayoutHangsPunctuationAndExpandsWithinTwoPercent) {
    DisplayList dl;
    sampleQuality(560, Align::Justify, &dl);
    int hangingRight = 0, hangingLeft = 0, expanded = 0;
    for (const TextLine& line : dl.lines) {
        if (line.role != LineRole::Paragraph) continue;
        EXPECT_GE(line.scaleX, 1 - FontExpansionLimit - 1e-5f);
        EXPECT_LE(line.scaleX, 1 + FontExpansionLimit + 1e-5f);
        if (line.scaleX != 1) ++expanded;
        if (line.hangLeft > 0) {
            ++hangingLeft;
            EXPECT_LT(line.words[0].x + 0.01f, line.hangLeft);  // the first word starts left of the column
        }
        if (line.hangRight > 0 && !line.last) {
            ++hangingRight;
            const WordBox& w = line.words.back();
            EXPECT_NEAR(line.x + w.x + w.width, 560 + line.hangRight, 0.05);
        }
    }
    EXPECT_GT(hangingLeft, 3);   // paragraphs that open with a quote
    EXPECT_GT(hangingRight, 5);  // lines ending in a comma, period or hyphen
    EXPECT_GT(expanded, 10);
    for (const PlacedGlyph& g : dl.glyphs) {
        EXPECT_GE(g.scaleX, 1 - FontExpansionLimit - 1e-5f);
        EXPECT_LE(g.scaleX, 1 + FontExpansionLimit + 1e-5f);
    }
}

TEST(MicroTypography, CanBeTurnedOff) {
    static const Article article = sample();
    ArticleLayout layout(test::notoFonts(), article);
    LayoutParams p;
    p.hangingPunctuation = false;
    p.fontExpansion = false;
    p.letterSpacing = false;
    DisplayList dl = layout.layout(p);
    for (const TextLine& line : dl.lines) {
        EXPECT_EQ(line.hangLeft, 0.0f);
        EXPECT_EQ(line.hangRight, 0.0f);
        EXPECT_EQ(line.scaleX, 1.0f);
        EXPECT_EQ(line.letterSpacing, 0.0f);
    }
    for (const PlacedGlyph& g : dl.glyphs) EXPECT_EQ(g.scaleX, 1.0f);
}

TEST(MicroTypography, BoxesStretchByTheirLetterGaps) {
    RichText t;
    t.text = "letters spaced";
    const TextStyle style{FontStyle::Regular, 18, ColorRole::Text};
    const MeasuredParagraph both = measureParagraph(t, style, test::notoFonts());
    ASSERT_EQ(both.boxes.size(), 2u);
    const BreakItem& box = both.items[0];  // "letters": 7 glyphs, 6 gaps
    EXPECT_NEAR(box.stretch, FontExpansionLimit * box.width + 6 * LetterSpacingMax * both.space, 1e-4);
    EXPECT_NEAR(box.shrink, FontExpansionLimit * box.width + 6 * LetterSpacingMin * both.space, 1e-4);
    const MeasuredParagraph lettersOnly = measureParagraph(t, style, test::notoFonts(), nullptr, {false, true, ""});
    EXPECT_NEAR(lettersOnly.items[0].stretch, 6 * LetterSpacingMax * both.space, 1e-4);
    EXPECT_EQ(lettersOnly.expansionLimit, 0.0f);
    const MeasuredParagraph expansionOnly = measureParagraph(t, style, test::notoFonts(), nullptr, {true, false, ""});
    EXPECT_NEAR(expansionOnly.items[0].stretch, FontExpansionLimit * box.width, 1e-4);
    EXPECT_EQ(expansionOnly.letterStretch, 0.0f);
    // A box ending at a hyphenation point also counts the gap after its last glyph ("let|ters": 3 + 4 gaps, not 2 + 4).
    const std::vector<uint32_t> points{3};
    const MeasuredParagraph split = measureParagraph(t, style, test::notoFonts(), &points);
    ASSERT_GE(split.items.size(), 3u);
    ASSERT_EQ(split.items[1].kind, BreakItem::Penalty);
    EXPECT_NEAR(split.items[0].stretch, FontExpansionLimit * split.items[0].width + 3 * LetterSpacingMax * split.space, 1e-4);
    EXPECT_NEAR(split.items[2].stretch, FontExpansionLimit * split.items[2].width + 3 * LetterSpacingMax * split.space, 1e-4);
    EXPECT_NEAR(split.items[0].stretch + split.items[2].stretch - box.stretch,
                FontExpansionLimit * (split.items[0].width + split.items[2].width - box.width), 1e-4);
}

// Letter spacing in the layout: within its limits, and where the glyphs are: each gap between two glyphs of a word
// (at hyphenation points too, and before an inserted hyphen) widened by the line's letterSpacing, the word's width
// the sum of its scaled glyphs and gaps (what the text layer and the layout dump use).
TEST(MicroTypography, LayoutSpacesLettersWithinTheirLimits) {
    Article a;
    a.title = "T";
    Block b;  // no hyphens or dashes: words break only at hyphenation points
    b.text.text = "Typesetting without hyphenation leaves the justification to the spaces alone unless the letters "
                  "take part of the slack themselves which professional typesetters allow within narrow limits so "
                  "that a reader never notices the tracking change from one line to the next while the spaces of "
                  "narrow columns stay much closer to their natural width than they otherwise would";
    a.blocks.push_back(b);
    const TextStyle style{FontStyle::Regular, 18, ColorRole::Text};
    for (bool hyphenated : {false, true}) {
        ArticleLayout layout(test::notoFonts(), a);
        if (hyphenated) hyphenate(layout);
        LayoutParams p;
        p.width = 300;
        const DisplayList dl = layout.layout(p);
        int wider = 0, splitWords = 0, hyphens = 0;
        size_t glyph = 0;
        for (const TextLine& line : dl.lines) {
            if (line.role != LineRole::Paragraph) continue;
            EXPECT_GE(line.letterSpacing, -LetterSpacingMin * line.space - 1e-5f);
            EXPECT_LE(line.letterSpacing, LetterSpacingMax * line.space + 1e-5f);
            wider += line.letterSpacing > 0.01f;
            for (size_t wi = 0; wi < line.words.size(); ++wi) {
                const WordBox& w = line.words[wi];
                // The word measured as the layout measured it: split at the same hyphenation points.
                const bool insertedHyphen = line.hyphenated && wi + 1 == line.words.size();
                RichText word;
                word.text = insertedHyphen ? w.text.substr(0, w.text.size() - 1) : w.text;
                std::vector<uint32_t> points;
                if (hyphenated) findHyphenationPoints(test::englishPatterns(), word.text, points);
                const MeasuredParagraph m = measureParagraph(word, style, test::notoFonts(), &points);
                splitWords += m.boxes.size() > 1;
                hyphens += insertedHyphen;
                const size_t n = m.glyphs.size();
                float natural = 0;
                for (const BoxRef& box : m.boxes) natural += box.width;
                const float expected = natural * line.scaleX + static_cast<float>(n - 1) * line.letterSpacing +
                                       (insertedHyphen ? line.letterSpacing + m.hyphenWidth : 0.0f);
                EXPECT_NEAR(w.width, expected, 0.01) << w.text;
                // The word's glyphs, in order in the display list (the inserted hyphen after them).
                while (glyph < dl.glyphs.size() && (dl.glyphs[glyph].y != line.baseline ||
                                                    std::fabs(dl.glyphs[glyph].x - (line.x + w.x)) > 0.01f))
                    ++glyph;
                const size_t drawn = n + (insertedHyphen ? 1 : 0);
                ASSERT_LE(glyph + drawn, dl.glyphs.size()) << w.text;
                for (size_t i = 0; i + 1 < drawn; ++i) {
                    const float gap = dl.glyphs[glyph + i + 1].x - dl.glyphs[glyph + i].x;
                    EXPECT_NEAR(gap, m.glyphs[i].advance * line.scaleX + line.letterSpacing, 0.01)
                        << w.text << " " << i;
                }
                glyph += drawn;
            }
        }
        EXPECT_GT(wider, 0);
        if (hyphenated) {
            EXPECT_GT(splitWords, 5);
            EXPECT_GT(hyphens, 0);
        }
    }
}

// The breaker uses letter spacing: on expansion alone the sample's widest spaces at 560 px are 1.75 (paragraph 13,
// "“Governments around the world and the United Nations High", before the capitalised "Commissioner"); with the
// letters' gaps taking part, all lines are within 1.6.
TEST(MicroTypography, LetterSpacingTakesSlackTheSpacesWouldTake) {
    static const Article article = sample();
    for (bool letterSpacing : {false, true}) {
        ArticleLayout layout(test::notoFonts(), article);
        hyphenate(layout);
        LayoutParams p;
        p.letterSpacing = letterSpacing;
        const LayoutQuality q = measureLayoutQuality(layout.layout(p));
        if (letterSpacing) EXPECT_LE(q.maxSpaceRatio, 1.6);
        else EXPECT_GT(q.maxSpaceRatio, 1.7);
    }
}

TEST(MicroTypography, RandomArticlesKeepTheirWordsAndTheMeasure) {
    std::mt19937 rng(77);
    const char* vocabulary[] = {"a", "“quoted,”", "typesetting.", "of", "incomprehensibilities,", "x", "line-breaking",
                                "Knuth", "and", "‘single’", "hyphen-", "end.", "caf\xC3\xA9", "1990–2000"};
    for (int round = 0; round < 40; ++round) {
        Article a;
        a.title = "T";
        for (int i = 0, n = 1 + static_cast<int>(rng() % 3); i < n; ++i) {
            Block b;
            for (int k = 0, m = 1 + static_cast<int>(rng() % 90); k < m; ++k)
                b.text.text += std::string(k ? " " : "") + vocabulary[rng() % 14];
            a.blocks.push_back(b);
        }
        ArticleLayout layout(test::notoFonts(), a);
        hyphenate(layout);
        LayoutParams p;
        p.width = 200.0f + static_cast<float>(rng() % 500);
        p.align = rng() % 2 ? Align::Justify : Align::Left;
        const DisplayList dl = layout.layout(p);
        EXPECT_TRUE(keepsEveryWord(a, dl)) << "round " << round;
        EXPECT_EQ(measureLayoutQuality(dl).overflowingLines, 0) << "round " << round;
        EXPECT_LE(measureLayoutQuality(dl).longestHyphenRun, 2) << "round " << round;
    }
}

// --- languages ------------------------------------------------------------------------------------------------------

TEST(HyphenLanguage, MapsTagsToDebianFileNames) {
    using V = std::vector<std::string>;
    EXPECT_EQ(hyphenationFileNames("en-US"), (V{"hyph_en_US.dic", "hyph_en.dic"}));
    EXPECT_EQ(hyphenationFileNames("en"), (V{"hyph_en_US.dic", "hyph_en.dic"}));
    EXPECT_EQ(hyphenationFileNames("en-GB"), (V{"hyph_en_GB.dic", "hyph_en_US.dic", "hyph_en.dic"}));
    EXPECT_EQ(hyphenationFileNames("de-CH"), (V{"hyph_de_CH.dic", "hyph_de.dic", "hyph_de_DE.dic"}));
    EXPECT_EQ(hyphenationFileNames("fr"), (V{"hyph_fr.dic", "hyph_fr_FR.dic"}));
    // Serbian in Latin letters has a file of its own; in Cyrillic, Debian names it for Serbia (RS).
    EXPECT_EQ(hyphenationFileNames("sr-Latn-RS"), (V{"hyph_sr-Latn_RS.dic", "hyph_sr_RS.dic", "hyph_sr.dic"}));
    EXPECT_EQ(hyphenationFileNames(""), hyphenationFileNames("en-US"));
    EXPECT_EQ(hyphenationFileNames("../etc"), hyphenationFileNames("en-US"));
}

TEST(HyphenLanguage, LoadsTheInstalledEnglishPatterns) {
    const std::string dic = GALLEY_HYPHEN_DIC;
    const std::string dir = dic.substr(0, dic.rfind('/'));
    auto h = loadHyphenatorFor("en-US", dir);
    ASSERT_TRUE(h.has_value());
    EXPECT_EQ(h->leftMin(), 2u);
    EXPECT_EQ(h->rightMin(), 3u);
    EXPECT_FALSE(loadHyphenatorFor("xx-YY", "/nonexistent").has_value());
}

// --- the quality goals on the sample (18 body paragraphs, Noto Serif 18 px) ----------------------------------------

TEST(Quality, Justified560) {
    const LayoutQuality q = sampleQuality(560, Align::Justify);
    std::printf("[ info     ] justified 560: mean |r-1| %.3f, max %.2f, min %.2f, hyphenated %.1f%%\n",
                q.meanSpaceDeviation, q.maxSpaceRatio, q.minSpaceRatio, q.hyphenatedFraction * 100);
    EXPECT_LE(q.meanSpaceDeviation, 0.15);
    EXPECT_GE(q.minSpaceRatio, 0.75);
    // 1.75 with expansion alone (paragraph 13, before the capitalised "Commissioner"); letter spacing brings it to 1.50
    // and paragraph 6's first line, 44.9 px short over eleven spaces, from 1.69 to 1.53.
    EXPECT_LE(q.maxSpaceRatio, 1.6);
    EXPECT_LE(q.hyphenatedFraction, 0.20);
    EXPECT_LE(q.longestHyphenRun, 2);
    EXPECT_EQ(q.overflowingLines, 0);
}

TEST(Quality, Justified340) {
    const LayoutQuality q = sampleQuality(340, Align::Justify);
    std::printf("[ info     ] justified 340: mean |r-1| %.3f, max %.2f, min %.2f, hyphenated %.1f%%\n",
                q.meanSpaceDeviation, q.maxSpaceRatio, q.minSpaceRatio, q.hyphenatedFraction * 100);
    EXPECT_LE(q.meanSpaceDeviation, 0.30);
    // Goal 2.0: not reachable with capitalised words unhyphenated. Paragraph 4's first line can only end after "US"
    // (spaces 2.98 with expansion and letter spacing at their limits) or before it (looser still): "“I wish China’s Xi
    // Jinping and US President" is 20.8 px too long and shrinks by 17.5 at most. This bound guards what is reached.
    EXPECT_LE(q.maxSpaceRatio, 3.0);
    EXPECT_LE(q.hyphenatedFraction, 0.20);
    EXPECT_LE(q.longestHyphenRun, 2);
    EXPECT_EQ(q.overflowingLines, 0);
}

TEST(Quality, Ragged560) {
    const LayoutQuality q = sampleQuality(560, Align::Left);
    std::printf("[ info     ] ragged 560: fill sd %.4f, mean fill %.3f, hyphenated %.1f%%\n", q.fillDeviation,
                q.meanFill, q.hyphenatedFraction * 100);
    // Goal 0.025: not met yet (see the README's Figures). This bound guards what is reached.
    EXPECT_LE(q.fillDeviation, 0.034);
    EXPECT_LE(q.hyphenatedFraction, 0.20);
    EXPECT_LE(q.longestHyphenRun, 2);
    EXPECT_EQ(q.overflowingLines, 0);
}

// --- drop cap -------------------------------------------------------------------------------------------------------

TEST(DropCap, InitialSpansTheFirstLinesWhichMakeRoomForIt) {
    static const Article article = sample();
    ArticleLayout layout(test::notoFonts(), article);
    hyphenate(layout);
    LayoutParams p;
    p.dropCap = true;
    p.dropCapLines = 3;
    const DisplayList dl = layout.layout(p);
    EXPECT_TRUE(keepsEveryWord(article, dl));
    EXPECT_EQ(measureLayoutQuality(dl).overflowingLines, 0);
    const auto [cap, first] = test::dropCapLines(dl);
    ASSERT_NE(cap, nullptr);
    ASSERT_GE(first.size(), 4u);
    EXPECT_EQ(cap->words.size(), 1u);
    EXPECT_EQ(cap->words[0].text, "A");  // "A man from North Korea..."
    EXPECT_FALSE(cap->endsInWord);
    EXPECT_NEAR(cap->baseline, first[2]->baseline, 0.01);  // sits on the third line
    EXPECT_GT(cap->fontSize, 2.5f * p.fontSize);
    for (int i = 0; i < 3; ++i) EXPECT_GT(first[i]->x + first[i]->hangLeft, cap->x + cap->width);  // beside it
    EXPECT_NEAR(first[3]->x + first[3]->hangLeft, 0, 0.01);                                           // then full
    // Off again: the same layout object re-measures.
    p.dropCap = false;
    for (const TextLine& l : layout.layout(p).lines) EXPECT_NE(l.role, LineRole::DropCap);
}

TEST(Layout, RelayoutIntoTheSameListGivesTheSameLines) {
    static const Article article = sample();
    ArticleLayout layout(test::notoFonts(), article);
    hyphenate(layout);
    DisplayList reused;
    for (float width : {900.0f, 340.0f, 560.0f}) {
        LayoutParams p;
        p.width = width;
        layout.layout(p, reused);
        const DisplayList fresh = layout.layout(p);
        ASSERT_EQ(reused.lines.size(), fresh.lines.size());
        ASSERT_EQ(reused.glyphs.size(), fresh.glyphs.size());
        for (size_t i = 0; i < fresh.lines.size(); ++i) {
            ASSERT_EQ(reused.lines[i].words.size(), fresh.lines[i].words.size());
            for (size_t k = 0; k < fresh.lines[i].words.size(); ++k)
                EXPECT_EQ(reused.lines[i].words[k].text, fresh.lines[i].words[k].text);
            EXPECT_EQ(reused.lines[i].x, fresh.lines[i].x);
        }
    }
}

// Incremental layout (what the viewer does for long articles): one block per advance() gives the same display list
// as a layout in one go, the height only grows, and blocks are never split between slices.
TEST(Layout, IncrementalLayoutInSlicesGivesTheSameList) {
    static const Article article = sample();
    ArticleLayout whole(test::notoFonts(), article), sliced(test::notoFonts(), article);
    hyphenate(whole);
    hyphenate(sliced);
    LayoutParams p;
    p.dropCap = true;
    const DisplayList expected = whole.layout(p);
    DisplayList out;
    sliced.begin(p, out);
    EXPECT_FALSE(sliced.done());
    int slices = 0;
    float lastHeight = 0;
    uint32_t lastBlocks = 0;
    while (!sliced.advance([] { return false; })) {
        ++slices;
        EXPECT_GE(out.height, lastHeight);
        // The first slice is the header; each later one exactly one more block.
        EXPECT_EQ(sliced.blocksDone(), slices == 1 ? 0u : lastBlocks + 1);
        EXPECT_LT(sliced.progress(), 1.0f);
        // Every line laid out so far belongs to a finished block (or the header).
        ASSERT_LE(sliced.linesDone(), out.lines.size());
        for (size_t i = 0; i < sliced.linesDone(); ++i)
            EXPECT_TRUE(out.lines[i].block == UINT32_MAX || out.lines[i].block < sliced.blocksDone());
        lastHeight = out.height;
        lastBlocks = sliced.blocksDone();
    }
    EXPECT_GE(slices, static_cast<int>(article.blocks.size()) - 1);
    EXPECT_EQ(sliced.linesDone(), out.lines.size());
    EXPECT_TRUE(sliced.done());
    EXPECT_EQ(sliced.blocksDone(), article.blocks.size());
    EXPECT_EQ(out.height, expected.height);
    ASSERT_EQ(out.lines.size(), expected.lines.size());
    ASSERT_EQ(out.glyphs.size(), expected.glyphs.size());
    for (size_t i = 0; i < expected.glyphs.size(); ++i) {
        EXPECT_EQ(out.glyphs[i].x, expected.glyphs[i].x);
        EXPECT_EQ(out.glyphs[i].glyph, expected.glyphs[i].glyph);
    }
    for (size_t i = 0; i < expected.lines.size(); ++i) {
        ASSERT_EQ(out.lines[i].words.size(), expected.lines[i].words.size());
        for (size_t k = 0; k < expected.lines[i].words.size(); ++k)
            EXPECT_EQ(out.lines[i].words[k].text, expected.lines[i].words[k].text);
    }
}

// The faces an article asks for: the sample has no marks, subtitle or quotes (no italic, no bold italic).
TEST(Layout, FacesUsedFollowBlocksAndMarks) {
    const auto slots = [](std::vector<FontStyle> styles) {
        std::vector<int> out;
        for (FontStyle s : styles) out.push_back(faceSlot(s, FontSlice{}));
        std::sort(out.begin(), out.end());
        return out;
    };
    Article a = sample();
    EXPECT_EQ(facesUsed(a).slots(), slots({FontStyle::Regular, FontStyle::Bold, FontStyle::Sans}));
    Block b;
    b.type = BlockType::Paragraph;
    b.text.text = "Both bold and italic here.";
    b.text.marks = {{MarkKind::Emphasis, 0, 20, "", {}}, {MarkKind::Strong, 5, 9, "", {}}};
    a.blocks.push_back(b);
    b.type = BlockType::Image;
    b.caption.text = "A strong caption";
    b.caption.marks = {{MarkKind::Strong, 2, 8, "", {}}};
    a.blocks.push_back(b);
    EXPECT_EQ(facesUsed(a).slots(), slots({FontStyle::Regular, FontStyle::Bold, FontStyle::Sans, FontStyle::Italic,
                                           FontStyle::BoldItalic, FontStyle::SansBold}));
}
