// import_markdown_test.cpp — Markdown blocks and inline marks, front matter, and a whole article from
// tests/data/import/markdown.
#include "bundle_loader.h"
#include "bundle_writer.h"
#include "import_markdown.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "typography.h"

#ifndef GALLEY_SOURCE_DIR
#error "GALLEY_SOURCE_DIR must name the repository root"
#endif

namespace {

using galley::BlockType;
using galley::MarkKind;
using galley::RichText;

std::string readFile(const std::string& relative) {
    std::ifstream in(std::string(GALLEY_SOURCE_DIR) + "/" + relative, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// The text a mark covers, in code points.
std::string covered(const RichText& rt, size_t markIndex) {
    std::u32string cps = galley::decodeUtf8(rt.text);
    const galley::Mark& m = rt.marks.at(markIndex);
    return galley::encodeUtf8(cps.substr(m.start, m.end - m.start));
}

TEST(MarkdownInline, EmphasisAndStrong) {
    RichText rt = galley::parseMarkdownInline("a *b* and **c** and ***d*** and _e_");
    EXPECT_EQ(rt.text, "a b and c and d and e");
    ASSERT_EQ(rt.marks.size(), 5u);
    EXPECT_EQ(rt.marks[0].kind, MarkKind::Emphasis);
    EXPECT_EQ(covered(rt, 0), "b");
    EXPECT_EQ(rt.marks[1].kind, MarkKind::Strong);
    EXPECT_EQ(covered(rt, 1), "c");
    EXPECT_EQ(covered(rt, 2), "d");
    EXPECT_EQ(covered(rt, 3), "d");
    EXPECT_EQ(covered(rt, 4), "e");
}

TEST(MarkdownInline, IntrawordUnderscoresAndLoneStars) {
    RichText rt = galley::parseMarkdownInline("snake_case_name and 2 * 3 * 4");
    EXPECT_EQ(rt.text, "snake_case_name and 2 * 3 * 4");
    EXPECT_TRUE(rt.marks.empty());
}

TEST(MarkdownInline, LinksAndAutolinks) {
    RichText rt = galley::parseMarkdownInline("See [the *report*](https://example.com/r \"Report\") and <https://a.org>.");
    EXPECT_EQ(rt.text, "See the report and https://a.org.");
    ASSERT_EQ(rt.marks.size(), 3u);
    EXPECT_EQ(rt.marks[0].kind, MarkKind::Link);
    EXPECT_EQ(rt.marks[0].href, "https://example.com/r");
    EXPECT_EQ(covered(rt, 0), "the report");
    EXPECT_EQ(rt.marks[1].kind, MarkKind::Emphasis);
    EXPECT_EQ(covered(rt, 1), "report");
    EXPECT_EQ(covered(rt, 2), "https://a.org");
}

TEST(MarkdownInline, UnsupportedSchemesLoseTheMarkNotTheText) {
    RichText rt = galley::parseMarkdownInline("[local](/about) and [js](javascript:alert(1))");
    EXPECT_EQ(rt.text, "local and js");
    EXPECT_TRUE(rt.marks.empty());
}

TEST(MarkdownInline, CodeSpansEscapesEntitiesAndTags) {
    RichText rt = galley::parseMarkdownInline("Use `\"--x\"` not \\*this\\* &amp; <span>that</span>");
    EXPECT_EQ(rt.text, "Use \"--x\" not *this* & that");
}

TEST(MarkdownInline, TypographyKeepsMarksAligned) {
    RichText rt = galley::parseMarkdownInline("\"Wait...\" she said -- *\"really\"*");
    EXPECT_EQ(rt.text, "\u201CWait\u2026\u201D she said \u2014 \u201Creally\u201D");
    ASSERT_EQ(rt.marks.size(), 1u);
    EXPECT_EQ(covered(rt, 0), "\u201Creally\u201D");
}

TEST(MarkdownBlocks, HeadingsListsQuotesDividers) {
    const char* md =
        "# Title\n\nIntro paragraph\ncontinues here.\n\nSub head\n--------\n\n- one\n- two\n  - nested\n\n"
        "3. three\n4. four\n\n> Quoted line one\nlazy continuation\n>\n> Second paragraph\n> \xE2\x80\x94 Someone\n\n"
        "***\n\n    code --here\n";
    galley::ImportResult r = galley::importMarkdown(md);
    const auto& b = r.article.blocks;
    EXPECT_EQ(r.article.title, "Title");
    ASSERT_EQ(b.size(), 8u);
    EXPECT_EQ(b[0].type, BlockType::Paragraph);
    EXPECT_EQ(b[0].text.text, "Intro paragraph continues here.");
    EXPECT_EQ(b[1].type, BlockType::Heading);
    EXPECT_EQ(b[1].level, 2);
    EXPECT_EQ(b[2].type, BlockType::List);
    EXPECT_FALSE(b[2].ordered);
    ASSERT_EQ(b[2].items.size(), 3u);
    EXPECT_EQ(b[2].items[2].text.text, "nested");
    EXPECT_EQ(b[3].type, BlockType::List);
    EXPECT_TRUE(b[3].ordered);
    EXPECT_EQ(b[4].type, BlockType::Quote);
    EXPECT_EQ(b[4].text.text, "Quoted line one lazy continuation");
    EXPECT_EQ(b[5].type, BlockType::Quote);
    EXPECT_EQ(b[5].text.text, "Second paragraph");
    EXPECT_EQ(b[5].attribution.text, "Someone");
    EXPECT_EQ(b[6].type, BlockType::Divider);
    EXPECT_EQ(b[7].type, BlockType::Paragraph);
    EXPECT_EQ(b[7].text.text, "code --here");  // code is kept exactly
}

TEST(MarkdownBlocks, BylineAndDateUnderTheTitle) {
    galley::ImportResult r = galley::importMarkdown(
        "Harbor Plans Move Ahead\n=======================\n\n*The council votes next week.*\n\n"
        "By Ana Ruiz and Tom Hale | June 2, 2024\n\nThe plan would rebuild the old pier.\n");
    EXPECT_EQ(r.article.title, "Harbor Plans Move Ahead");
    EXPECT_EQ(r.article.subtitle, "The council votes next week.");
    ASSERT_EQ(r.article.authors.size(), 2u);
    EXPECT_EQ(r.article.authors[1].name, "Tom Hale");
    EXPECT_EQ(r.article.published, "2024-06-02");
    ASSERT_EQ(r.article.blocks.size(), 1u);
    EXPECT_EQ(r.lines[5].role, "byline");
}

TEST(MarkdownBlocks, ReferenceLinksAndTables) {
    galley::ImportResult r = galley::importMarkdown(
        "# T\n\nRead [the guide][g] and [Docs].\n\n| Name | Count |\n|---|---:|\n| Swifts | 41 |\n\n"
        "[g]: https://example.com/guide\n[docs]: <https://example.com/docs>\n");
    const auto& b = r.article.blocks;
    ASSERT_EQ(b.size(), 2u);
    ASSERT_EQ(b[0].text.marks.size(), 2u);
    EXPECT_EQ(b[0].text.marks[0].href, "https://example.com/guide");
    EXPECT_EQ(b[0].text.marks[1].href, "https://example.com/docs");
    EXPECT_EQ(b[1].type, BlockType::List);
    ASSERT_EQ(b[1].items.size(), 2u);
    EXPECT_EQ(b[1].items[1].text.text, "Swifts \u00B7 41");
    EXPECT_FALSE(r.lines.back().kept);
}

TEST(MarkdownArticle, FieldNotes) {
    galley::ImportResult r = galley::importMarkdown(readFile("tests/data/import/markdown/field_notes.md"));
    const galley::Article& a = r.article;
    EXPECT_EQ(a.title, "Field Notes: Counting Swifts Over the Old Mill");
    EXPECT_EQ(a.id, "field-notes-counting-swifts");
    EXPECT_EQ(a.subtitle, "A summer of evening counts, and what they say about a bird in trouble.");
    ASSERT_EQ(a.authors.size(), 2u);
    EXPECT_EQ(a.authors[0].name, "Nora Patel");
    EXPECT_EQ(a.published, "2023-07-21T19:30:00+01:00");
    EXPECT_EQ(a.source.name, "The Wild Ledger");

    ASSERT_EQ(a.blocks.size(), 10u);
    EXPECT_EQ(a.blocks[0].type, BlockType::Paragraph);
    EXPECT_EQ(a.blocks[0].text.text,
              "Every evening in June, a dozen volunteers stood in the mill car park and counted swifts as they "
              "screamed past the chimney. It\u2019s slow work \u2014 and addictive.");
    ASSERT_EQ(a.blocks[0].text.marks.size(), 2u);
    EXPECT_EQ(covered(a.blocks[0].text, 0), "swifts");
    EXPECT_EQ(covered(a.blocks[0].text, 1), "addictive");
    EXPECT_EQ(a.blocks[1].type, BlockType::Heading);
    EXPECT_EQ(a.blocks[1].text.text, "Why count at all?");
    EXPECT_EQ(covered(a.blocks[2].text, 0), "British Trust for Ornithology");
    EXPECT_EQ(a.blocks[3].type, BlockType::Image);
    EXPECT_EQ(a.blocks[3].src, "images/swifts.jpg");
    EXPECT_EQ(a.blocks[3].alt, "Swifts circling the mill chimney at dusk");
    EXPECT_EQ(a.blocks[3].caption.text, "Swifts over the mill, 14 June");
    EXPECT_EQ(a.blocks[5].type, BlockType::List);
    EXPECT_TRUE(a.blocks[5].ordered);
    EXPECT_EQ(a.blocks[5].items.size(), 3u);
    EXPECT_EQ(a.blocks[6].type, BlockType::Quote);
    EXPECT_EQ(a.blocks[6].text.text, "The swift is a creature of the air\u2026 it lands only to breed.");
    EXPECT_EQ(a.blocks[6].attribution.text, "A local naturalist");
    ASSERT_EQ(a.blocks[7].text.marks.size(), 2u);
    EXPECT_EQ(a.blocks[7].text.marks[1].href, "mailto:counts@example.org");
    EXPECT_EQ(a.blocks[8].type, BlockType::Divider);

    // The repeated H1, the front matter and the link definition are dropped, and say so.
    EXPECT_FALSE(r.lines[0].kept);
    EXPECT_EQ(r.lines[0].role, "front matter");
    EXPECT_NE(r.lines[10].role.find("repeats"), std::string::npos);
    EXPECT_EQ(r.lines.size(), 38u);
    EXPECT_EQ(r.lines[12].role, "paragraph 1");
}

TEST(MarkdownArticle, EmptyAndFallbackTitle) {
    galley::ImportOptions options;
    options.fallbackTitle = "notes";
    galley::ImportResult r = galley::importMarkdown("", options);
    EXPECT_EQ(r.article.title, "notes");
    EXPECT_TRUE(r.article.blocks.empty());
    EXPECT_TRUE(r.lines.empty());
}

// Found by the importer fuzzer: what the importer writes must load. Bundles hold only images beside them, and no
// control characters.
TEST(MarkdownArticle, OutputAlwaysMeetsTheBundleRules) {
    galley::ImportResult r = galley::importMarkdown(
        "---\ntitle: \"Bell\x07 and\x1f unit\"\n---\n\nText\x7f here.\n\n![far](https://example.com/cat.png)\n\n"
        "![near](images/cat.png)\n\n![bad](images/c\x01t.png)\n");
    EXPECT_EQ(r.article.title, "Bell  and  unit");
    ASSERT_EQ(r.article.blocks.size(), 2u);
    EXPECT_EQ(r.article.blocks[0].text.text, "Text  here.");
    EXPECT_EQ(r.article.blocks[1].type, BlockType::Image);
    EXPECT_EQ(r.article.blocks[1].src, "images/cat.png");
    ASSERT_GE(r.lines.size(), 7u);
    EXPECT_FALSE(r.lines[6].kept);
    EXPECT_EQ(r.lines[6].role, "image not beside the bundle (absolute URL)");
}

TEST(MarkdownArticle, EmptyAuthorEntriesNameNobody) {
    galley::ImportResult r = galley::importMarkdown("---\ntitle: T\nauthors:\n  -\n  - Jane Doe\n  -   \n---\n\nText.\n");
    ASSERT_EQ(r.article.authors.size(), 1u);
    EXPECT_EQ(r.article.authors[0].name, "Jane Doe");
}

// Unclosed constructs are text like any other: the import ends, has a title, and what it writes loads again.
TEST(MarkdownArticle, SurvivesUnclosedConstructs) {
    const char* nasty[] = {"```\nnever closed", "[link](", "**bold", "> quote\n-", "---\ntitle: x\n", "![", "<", "&#xFFFFFFFF;",
                           "1.\n2)\n-", "* * *\n___", "`"};
    for (const char* md : nasty) {
        galley::ImportResult r = galley::importMarkdown(md);
        EXPECT_FALSE(r.article.title.empty()) << md;
        r.article.id = "a";
        galley::Bundle bundle;
        bundle.articles.push_back(r.article);
        const galley::LoadResult loaded = galley::loadBundle(galley::writeBundleJson(bundle));
        EXPECT_TRUE(loaded.ok()) << md << ": " << (loaded.errors.empty() ? "" : loaded.errors[0].str());
    }
    // And the text of an unclosed fence or emphasis is kept, not dropped.
    EXPECT_NE(galley::importMarkdown("Intro.\n\n```\nnever closed").article.blocks.back().text.text.find("never closed"),
              std::string::npos);
    EXPECT_NE(galley::importMarkdown("Intro.\n\n**bold").article.blocks.back().text.text.find("bold"), std::string::npos);
}

}  // namespace
