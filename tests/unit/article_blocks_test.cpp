// What a whole article holds, laid out: code, nested lists, hard line breaks, the new marks, notes, credits, embeds
// and the byline's roles and revision date (tests/data/bundles/valid/whole-article.json, docs/bundle-format.md).
#include "block_style.h"
#include "bundle_loader.h"
#include "byline.h"
#include "layout.h"
#include "test_support.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

using namespace galley;

namespace {

Article wholeArticle() {
    LoadResult r = loadBundle(test::readText(test::sourcePath("tests/data/bundles/valid/whole-article.json")));
    EXPECT_TRUE(r.ok());
    return r.bundle.articles.at(0);
}

std::string lineText(const TextLine& line) {
    std::string s;
    for (size_t i = 0; i < line.words.size(); ++i) s += (i && !line.words[i].joinsPrevious ? " " : "") + line.words[i].text;
    return s;
}

std::vector<const TextLine*> linesOf(const DisplayList& dl, LineRole role) {
    std::vector<const TextLine*> out;
    for (const TextLine& l : dl.lines)
        if (l.role == role) out.push_back(&l);
    return out;
}

DisplayList layOut(const Article& article, float width) {
    ArticleLayout layout(test::notoFonts(), article);
    LayoutParams params;
    params.width = width;
    return layout.layout(params);
}

}  // namespace

TEST(ArticleBlocks, BylineCreditsRolesAndTheRevision) {
    const Article a = wholeArticle();
    EXPECT_EQ(bylineText(a), "By Ada Example  \u00B7  Photographs: Grace Sample  \u00B7  Galley Docs  \u00B7  "
                             "November 20, 2026  \u00B7  Updated November 21, 2026");
    Article sameDay = a;
    sameDay.updated = "2026-11-20T23:00:00Z";
    EXPECT_EQ(bylineText(sameDay).find("Updated"), std::string::npos);
}

TEST(ArticleBlocks, CodeKeepsItsLinesAndIndentationAndMarksWhatItWraps) {
    const Article a = wholeArticle();
    for (float width : {340.0f, 1200.0f}) {
        const DisplayList dl = layOut(a, width);
        EXPECT_EQ(dl.missingGlyphs, 0u) << width;
        const std::vector<const TextLine*> code = linesOf(dl, LineRole::Code);
        ASSERT_FALSE(code.empty());
        std::vector<const TextLine*> own;  // lines that start a line of the code
        for (const TextLine* l : code) {
            EXPECT_EQ(l->face, FontStyle::Mono);
            EXPECT_FALSE(l->hyphenated) << lineText(*l);
            EXPECT_LE(l->x + l->width, dl.width + 0.5f) << lineText(*l);
            if (!l->continues) own.push_back(l);
        }
        // Four lines in the block, one in the list item's: each a line of its own at any width.
        ASSERT_EQ(own.size(), 5u) << width;
        EXPECT_EQ(lineText(*own[2]), "for (const LineBreak& b : breaks)");
        EXPECT_EQ(lineText(*own[3]), "place(b);");
        // The tab indents by four of the face's columns.
        const float column = own[3]->space;
        EXPECT_NEAR(own[3]->x + own[3]->words[0].x - (own[2]->x + own[2]->words[0].x), 4 * column, 0.5f);
        if (width == 340.0f) {
            // The first line of code is longer than 340 px: it wraps, and its continuation is marked.
            EXPECT_TRUE(std::any_of(code.begin(), code.end(), [](const TextLine* l) { return l->continues; }));
        } else {
            EXPECT_TRUE(std::none_of(code.begin(), code.end(), [](const TextLine* l) { return l->continues; }));
        }
    }
}

TEST(ArticleBlocks, HardLineBreaksEndLinesInsideAParagraph) {
    const DisplayList dl = layOut(wholeArticle(), 1200);
    const std::vector<const TextLine*> verse = linesOf(dl, LineRole::Quote);
    ASSERT_EQ(verse.size(), 3u);
    EXPECT_EQ(lineText(*verse[0]), "The woods are lovely, dark and deep,");
    EXPECT_EQ(lineText(*verse[1]), "But I have promises to keep,");
    EXPECT_EQ(lineText(*verse[2]), "And miles to go before I sleep.");
}

TEST(ArticleBlocks, NestedListsIndentAndNumberFromTheirStart) {
    const DisplayList dl = layOut(wholeArticle(), 560);
    std::vector<std::pair<std::string, float>> markers;
    for (const TextLine& l : dl.lines)
        if (l.role == LineRole::Marker) markers.push_back({l.words.at(0).text, l.x});
    ASSERT_EQ(markers.size(), 5u);
    EXPECT_EQ(markers[0].first, "3.");
    EXPECT_EQ(markers[1].first, "4.");
    EXPECT_EQ(markers[2].first, "\u2013");  // a list in a list
    EXPECT_EQ(markers[4].first, "5.");
    EXPECT_GT(markers[2].second, markers[1].second + 10);
    // The item with no text of its own: its marker on its code's first line, in the markers' face and in the item's
    // indent as the others (right-aligned where the third's ends), left of the code's bar; the code set in from the
    // item's text as code always is.
    const std::vector<const TextLine*> code = linesOf(dl, LineRole::Code);
    EXPECT_EQ(lineText(*code.back()), "make check");
    const std::vector<const TextLine*> markerLines = linesOf(dl, LineRole::Marker);
    const TextLine& third = *markerLines.at(0), &fifth = *markerLines.at(4);
    EXPECT_EQ(fifth.face, FontStyle::Regular);
    EXPECT_NEAR(fifth.x + fifth.width, third.x + third.width, 0.5f);
    EXPECT_NEAR(fifth.baseline, code.back()->baseline, 0.5f);
    const float em = LayoutParams{}.fontSize;
    const float itemTextX = third.x + third.width + style::MarkerGap * em;
    EXPECT_NEAR(code.back()->x + code.back()->words.at(0).x, itemTextX + style::CodeIndent * em, 1.0f);
    const auto bar = std::find_if(dl.rules.begin(), dl.rules.end(), [&](const RuleBox& r) {
        return r.y <= code.back()->top + 0.5f && r.y + r.height >= code.back()->top + code.back()->height - 0.5f;
    });
    ASSERT_NE(bar, dl.rules.end()) << "the code's bar";
    EXPECT_GT(bar->x, fifth.x + fifth.width);
    // The nested item's strong text links nothing: the words keep their source (the nested item's own text).
    const std::vector<const TextLine*> items = linesOf(dl, LineRole::ListItem);
    ASSERT_EQ(items.size(), 4u);
    EXPECT_EQ(lineText(*items[3]), "another, with strong text");
    EXPECT_GT(items[3]->level, items[0]->level);
    // What the text layer nests by: each marker's depth and number, and the depth of the item the other lines are in.
    std::vector<std::pair<int, long long>> numbered;
    for (const TextLine& l : dl.lines)
        if (l.role == LineRole::Marker) numbered.push_back({l.level, l.number.value_or(-1)});
    const std::vector<std::pair<int, long long>> expected = {{0, 3}, {0, 4}, {1, -1}, {1, -1}, {0, 5}};
    EXPECT_EQ(numbered, expected);
    const std::vector<const TextLine*> paragraphs = linesOf(dl, LineRole::Paragraph);
    const auto second = std::find_if(paragraphs.begin(), paragraphs.end(), [](const TextLine* l) {
        return lineText(*l).rfind("and a second paragraph", 0) == 0;
    });
    ASSERT_NE(second, paragraphs.end());
    EXPECT_EQ((*second)->level, 0);     // in the fourth item
    EXPECT_EQ(code.back()->level, 0);   // the fifth item's code
}

TEST(ArticleBlocks, MarksStrikeRaiseAndSetCodeInMono) {
    Article a = wholeArticle();
    const DisplayList dl = layOut(a, 1200);
    const TextLine& first = *linesOf(dl, LineRole::Paragraph).at(0);
    // The struck "£40": a rule across it, between the baseline and the x-height.
    const auto struck = std::find_if(dl.rules.begin(), dl.rules.end(), [&](const RuleBox& r) {
        return r.y < first.baseline && r.y > first.baseline - first.fontSize * 0.6f && r.y > first.top;
    });
    ASSERT_NE(struck, dl.rules.end());
    EXPECT_GT(struck->width, first.fontSize);
    EXPECT_LT(struck->width, first.fontSize * 2.5f);

    // A superscript the face has no form for ("th") is set small and raised; one it has ("2") in its form.
    Article ordinal = a;
    ordinal.blocks.resize(1);
    ordinal.blocks[0].text.text = "The 4th of July, x2";
    ordinal.blocks[0].text.marks = {};
    Mark th;
    th.kind = MarkKind::Superscript;
    th.start = 5;
    th.end = 7;
    Mark two = th;
    two.start = 18;
    two.end = 19;
    ordinal.blocks[0].text.marks = {th, two};
    ordinal.notes.clear();
    const DisplayList small = layOut(ordinal, 1200);
    const TextLine& line = *linesOf(small, LineRole::Paragraph).at(0);
    int smallGlyphs = 0;
    for (const PlacedGlyph& g : small.glyphs)
        if (g.size < line.fontSize * 0.8f && g.size > 0) {
            ++smallGlyphs;
            EXPECT_LT(g.y, line.baseline - line.fontSize * 0.2f);
        }
    EXPECT_EQ(smallGlyphs, 2);  // t and h; the 2 is the face's superior figure, at the body size

    // typeset() is in Noto Sans Mono.
    int mono = 0;
    for (const PlacedGlyph& g : dl.glyphs) mono += g.style == FontStyle::Mono;
    EXPECT_GE(mono, 9 + 10);  // "typeset()" and the code lines' glyphs at least
}

TEST(ArticleBlocks, NotesFollowTheArticleAndLinkBothWays) {
    const DisplayList dl = layOut(wholeArticle(), 560);
    const std::vector<const TextLine*> notes = linesOf(dl, LineRole::Note);
    ASSERT_FALSE(notes.empty());
    EXPECT_EQ(notes[0]->words.at(0).text, "1\u00A0Once");
    EXPECT_EQ(&dl.lines.back() - notes.back(), 0);  // the last thing in the article
    EXPECT_NE(std::find(dl.hrefs.begin(), dl.hrefs.end(), "#n1"), dl.hrefs.end());
    EXPECT_NE(std::find(dl.hrefs.begin(), dl.hrefs.end(), "#ref:n1"), dl.hrefs.end());
}

TEST(ArticleBlocks, CreditsAndEmbedCards) {
    const Article a = wholeArticle();
    const DisplayList dl = layOut(a, 340);
    const std::vector<const TextLine*> credit = linesOf(dl, LineRole::Credit);
    ASSERT_EQ(credit.size(), 1u);
    EXPECT_EQ(lineText(*credit[0]), "Photograph: Grace Sample");
    const std::vector<const TextLine*> card = linesOf(dl, LineRole::Embed);
    ASSERT_GE(card.size(), 2u);
    EXPECT_EQ(lineText(*card.back()), "Example Video \u00B7 video.example.org");
    EXPECT_NE(std::find(dl.hrefs.begin(), dl.hrefs.end(), "https://video.example.org/watch?v=knuth-plass"), dl.hrefs.end());
    // The poster is an image box above the card's title, never a frame.
    const auto poster = std::find_if(dl.images.begin(), dl.images.end(),
                                     [](const ImageBox& im) { return im.src == "https://images.example.org/poster.jpg"; });
    ASSERT_NE(poster, dl.images.end());
    EXPECT_LT(poster->y + poster->height, card[0]->top + 1);
    EXPECT_NEAR(poster->height / poster->width, 720.0f / 1280.0f, 0.01f);
}
