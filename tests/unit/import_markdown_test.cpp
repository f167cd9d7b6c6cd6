// import_markdown_test.cpp — Markdown blocks and inline marks, front matter, footnotes, what --explain says, and the
// corpus in tests/data/import/markdown (each NAME.md with NAME.expected.json, the bundle `galley import` writes).
#include "bundle_loader.h"
#include "bundle_writer.h"
#include "import_markdown.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "test_support.h"
#include "typography.h"

namespace {

using galley::Block;
using galley::BlockType;
using galley::CellAlign;
using galley::MarkKind;
using galley::RichText;
namespace fs = std::filesystem;

std::string readFile(const std::string& relative) { return galley::test::readText(galley::test::sourcePath(relative)); }

// The text a mark covers, in code points.
std::string covered(const RichText& rt, size_t markIndex) {
    std::u32string cps = galley::decodeUtf8(rt.text);
    const galley::Mark& m = rt.marks.at(markIndex);
    return galley::encodeUtf8(cps.substr(m.start, m.end - m.start));
}

// The first mark of `kind` in `rt`, or nullptr.
const galley::Mark* markOf(const RichText& rt, MarkKind kind) {
    for (const galley::Mark& m : rt.marks)
        if (m.kind == kind) return &m;
    return nullptr;
}

std::string coveredBy(const RichText& rt, const galley::Mark* m) {
    if (!m) return "(no mark)";
    std::u32string cps = galley::decodeUtf8(rt.text);
    return galley::encodeUtf8(cps.substr(m->start, m->end - m->start));
}

// Every note --explain prints, one string.
std::string allNotes(const galley::ImportResult& r) {
    std::string s;
    for (const auto& v : r.lines)
        for (const std::string& n : v.notes) s += std::to_string(v.lineNumber) + ": " + n + "\n";
    return s;
}

// What the bundle writer makes of an article, and whether the loader takes it back without a problem.
std::string bundleJson(const galley::Article& article) {
    galley::Bundle bundle;
    bundle.articles.push_back(article);
    return galley::writeBundleJson(bundle);
}

void expectLoadsCleanly(const galley::Article& article, const std::string& what) {
    const galley::LoadResult loaded = galley::loadBundle(bundleJson(article));
    EXPECT_TRUE(loaded.ok()) << what << ": " << (loaded.errors.empty() ? "" : loaded.errors[0].str());
    EXPECT_TRUE(loaded.warnings.empty()) << what << ": " << (loaded.warnings.empty() ? "" : loaded.warnings[0].str());
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
    ASSERT_EQ(b[2].items.size(), 2u);  // the nested list is the second item's
    ASSERT_EQ(b[2].items[1].blocks.size(), 1u);
    EXPECT_EQ(b[2].items[1].blocks[0].type, BlockType::List);
    EXPECT_EQ(b[2].items[1].blocks[0].items.at(0).text.text, "nested");
    EXPECT_EQ(b[3].type, BlockType::List);
    EXPECT_TRUE(b[3].ordered);
    EXPECT_EQ(b[3].start, 3);
    EXPECT_EQ(b[4].type, BlockType::Quote);
    EXPECT_EQ(b[4].text.text, "Quoted line one lazy continuation");
    EXPECT_EQ(b[5].type, BlockType::Quote);
    EXPECT_EQ(b[5].text.text, "Second paragraph");
    EXPECT_EQ(b[5].attribution.text, "Someone");
    EXPECT_EQ(b[6].type, BlockType::Divider);
    EXPECT_EQ(b[7].type, BlockType::Code);
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

TEST(MarkdownBlocks, ReferenceLinksAndTables) {  // a table was a list of "cell · cell" rows before md4c
    galley::ImportResult r = galley::importMarkdown(
        "# T\n\nRead [the guide][g] and [Docs].\n\n| Name | Count |\n|---|---:|\n| Swifts | 41 |\n\n"
        "[g]: https://example.com/guide\n[docs]: <https://example.com/docs>\n");
    const auto& b = r.article.blocks;
    ASSERT_EQ(b.size(), 2u);
    ASSERT_EQ(b[0].text.marks.size(), 2u);
    EXPECT_EQ(b[0].text.marks[0].href, "https://example.com/guide");
    EXPECT_EQ(b[0].text.marks[1].href, "https://example.com/docs");
    EXPECT_EQ(b[1].type, BlockType::Table);
    ASSERT_EQ(b[1].rows.size(), 2u);
    EXPECT_EQ(b[1].headerRows, 1u);
    EXPECT_EQ(b[1].rows[1][0].text.text, "Swifts");
    EXPECT_EQ(b[1].rows[1][1].text.text, "41");
    EXPECT_EQ(b[1].columnAlign, (std::vector<CellAlign>{CellAlign::Inherit, CellAlign::End}));
    EXPECT_FALSE(r.lines.back().kept);
    EXPECT_EQ(r.lines.back().role, "link definition");
}

// A numeric date that reads both ways is read with the document's evidence, in the front matter and in a date line.
TEST(MarkdownArticle, AmbiguousDatesReadWithTheDocumentsEvidence) {
    galley::ImportResult fm = galley::importMarkdown(readFile("tests/data/import/markdown/numeric_date_front_matter.md"));
    EXPECT_EQ(fm.article.published, "2024-06-05");
    ASSERT_EQ(fm.notes.size(), 1u);
    EXPECT_EQ(fm.notes[0],
              "date: \"05/06/2024\" read day-first (5 June 2024): the publication's address, coastalwalks.com.au "
              "(front matter), is in .au (Australia writes the day first)");

    galley::ImportResult line = galley::importMarkdown(
        "# Pool reopens\n\n*04/03/2025*\n\nThe pool reopens after repairs.\n\nUpdated 25/03/2025: the slide is open too.\n");
    EXPECT_EQ(line.article.published, "2025-03-04");
    EXPECT_EQ(line.lines[2].role, "published 2025-03-04");
    ASSERT_EQ(line.notes.size(), 1u);
    EXPECT_NE(line.notes[0].find("\"25/03/2025\" (line 7)"), std::string::npos) << line.notes[0];

    // --lang en-US given by the user outweighs British spelling; the page's own date order is stronger still.
    galley::ImportOptions us;
    us.lang = "en-US";
    us.langGiven = true;
    const std::string text = "# Fair\n\n*02/07/2024*\n\nThe organisers of the colourful fair at the centre.\n";
    EXPECT_EQ(galley::importMarkdown(text).article.published, "2024-07-02");
    EXPECT_EQ(galley::importMarkdown(text, us).article.published, "2024-02-07");
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

// Found by the importer fuzzer: what the importer writes must load. Bundles hold images beside them or at https
// URLs (since format 1's additions: an https image was left out before), and no control characters.
TEST(MarkdownArticle, OutputAlwaysMeetsTheBundleRules) {
    galley::ImportResult r = galley::importMarkdown(
        "---\ntitle: \"Bell\x07 and\x1f unit\"\n---\n\nText\x7f here.\n\n![far](https://example.com/cat.png)\n\n"
        "![near](images/cat.png)\n\n![plain](http://example.com/c.png)\n\n![bad](images/c\x01t.png)\n");
    EXPECT_EQ(r.article.title, "Bell  and  unit");
    const auto& b = r.article.blocks;
    ASSERT_EQ(b.size(), 5u);
    EXPECT_EQ(b[0].text.text, "Text  here.");
    EXPECT_EQ(b[1].type, BlockType::Image);
    EXPECT_EQ(b[1].src, "https://example.com/cat.png");
    EXPECT_EQ(b[2].type, BlockType::Image);
    EXPECT_EQ(b[2].src, "images/cat.png");
    EXPECT_EQ(b[3].type, BlockType::Paragraph);  // http: no image a bundle may hold, so its alt text
    EXPECT_EQ(b[3].text.text, "plain");
    EXPECT_NE(allNotes(r).find("11: image \"http://example.com/c.png\""), std::string::npos) << allNotes(r);
    EXPECT_EQ(b[4].type, BlockType::Paragraph);  // a control character: no link destination, so text
    EXPECT_EQ(b[4].text.text, "![bad](images/c t.png)");
    ASSERT_GE(r.lines.size(), 7u);
    EXPECT_TRUE(r.lines[6].kept);
    EXPECT_EQ(r.lines[6].role, "image");
    expectLoadsCleanly(r.article, "control characters");
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

TEST(MarkdownLists, NestedThreeDeepWithTheirText) {
    galley::ImportResult r = galley::importMarkdown("- a\n  - b\n    - c\n    - d\n  - e\n- f\n");
    const auto& b = r.article.blocks;
    ASSERT_EQ(b.size(), 1u);
    ASSERT_EQ(b[0].items.size(), 2u);
    EXPECT_EQ(b[0].items[0].text.text, "a");
    const Block& second = b[0].items[0].blocks.at(0);
    ASSERT_EQ(second.items.size(), 2u);
    EXPECT_EQ(second.items[0].text.text, "b");
    const Block& third = second.items[0].blocks.at(0);
    ASSERT_EQ(third.items.size(), 2u);
    EXPECT_EQ(third.items[1].text.text, "d");
    EXPECT_TRUE(third.items[1].blocks.empty());
    EXPECT_EQ(second.items[1].text.text, "e");
    EXPECT_EQ(b[0].items[1].text.text, "f");
    EXPECT_EQ(r.lines[2].role, "list item");
}

TEST(MarkdownLists, OrderedStartLooseItemsAndABareDash) {
    galley::ImportResult r = galley::importMarkdown(
        "7. seven\n8. eight\n\n- first\n\n  more of it\n\n-\n- [x] done\n");
    const auto& b = r.article.blocks;
    ASSERT_EQ(b.size(), 2u);
    EXPECT_TRUE(b[0].ordered);
    EXPECT_EQ(b[0].start, 7);
    EXPECT_EQ(b[0].items.size(), 2u);
    // Loose: the second paragraph is the item's block, the bare dash an empty item, a task keeps its box as text.
    ASSERT_EQ(b[1].items.size(), 3u);
    EXPECT_EQ(b[1].items[0].text.text, "first");
    ASSERT_EQ(b[1].items[0].blocks.size(), 1u);
    EXPECT_EQ(b[1].items[0].blocks[0].text.text, "more of it");
    EXPECT_EQ(b[1].items[1].text.text, "");
    EXPECT_EQ(b[1].items[2].text.text, "[x] done");
    EXPECT_EQ(r.lines[7].role, "list item");
    expectLoadsCleanly(r.article, "lists");
}

TEST(MarkdownLists, TooDeepForABundleKeepsTheText) {
    std::string md;
    for (int level = 0; level < 12; ++level) md += std::string(static_cast<size_t>(level) * 2, ' ') + "- level " + std::to_string(level) + "\n";
    galley::ImportResult r = galley::importMarkdown(md);
    expectLoadsCleanly(r.article, "12 levels");
    const std::string json = bundleJson(r.article);
    for (int level = 0; level < 12; ++level)
        EXPECT_NE(json.find("level " + std::to_string(level)), std::string::npos) << level;
    EXPECT_NE(allNotes(r).find("nested deeper than"), std::string::npos);
}

TEST(MarkdownCode, FencesInfoStringsAndIndentedCodeKeepTheirText) {
    galley::ImportResult r = galley::importMarkdown(
        "```python title=\"x\"\nprint(\"a\" -- 'b')\n\n    indented inside\n```\n\n~~~\nt \"q\"\n~~~\n\n    four\n    spaces...\n");
    const auto& b = r.article.blocks;
    ASSERT_EQ(b.size(), 3u);
    EXPECT_EQ(b[0].type, BlockType::Code);
    EXPECT_EQ(b[0].language, "python");
    EXPECT_EQ(b[0].text.text, "print(\"a\" -- 'b')\n\n    indented inside");
    EXPECT_TRUE(b[0].text.marks.empty());
    EXPECT_EQ(b[1].language, "");
    EXPECT_EQ(b[1].text.text, "t \"q\"");
    EXPECT_EQ(b[2].type, BlockType::Code);
    EXPECT_EQ(b[2].text.text, "four\nspaces...");
    EXPECT_EQ(r.lines[0].role, "code fence");
    EXPECT_EQ(r.lines[2].role, "code");  // a blank line inside code is code
    EXPECT_EQ(r.lines[1].role, "code");
}

TEST(MarkdownInline, CodeSpansWithBackticksInside) {
    RichText rt = galley::parseMarkdownInline("Use ``a `b` c`` and `\"--\"`, \"quoted\".");
    EXPECT_EQ(rt.text, "Use a `b` c and \"--\", \u201Cquoted\u201D.");
    ASSERT_EQ(rt.marks.size(), 2u);
    EXPECT_EQ(rt.marks[0].kind, MarkKind::Code);
    EXPECT_EQ(covered(rt, 0), "a `b` c");
    EXPECT_EQ(covered(rt, 1), "\"--\"");
}

TEST(MarkdownInline, StrikethroughSuperscriptSubscript) {
    RichText rt = galley::parseMarkdownInline("~~old~~ new, H<sub>2</sub>O, x<SUP>2</SUP>");
    EXPECT_EQ(rt.text, "old new, H2O, x2");
    EXPECT_EQ(coveredBy(rt, markOf(rt, MarkKind::Strikethrough)), "old");
    EXPECT_EQ(coveredBy(rt, markOf(rt, MarkKind::Subscript)), "2");
    const galley::Mark* sup = markOf(rt, MarkKind::Superscript);
    ASSERT_NE(sup, nullptr);
    EXPECT_EQ(sup->start, 15u);
}

TEST(MarkdownInline, HardBreaksBothWaysSoftBreaksAsSpaces) {
    RichText rt = galley::parseMarkdownInline("one  \ntwo\\\nthree\nfour<br>five");
    EXPECT_EQ(rt.text, "one\u2028two\u2028three four\u2028five");
}

TEST(MarkdownInline, EntitiesKnownAndUnknown) {
    RichText rt = galley::parseMarkdownInline("&amp; &copy; &#x2019; &#8212; &#0; &bogus;");
    EXPECT_EQ(rt.text, "& \u00A9 \u2019 \u2014 \uFFFD &bogus;");
}

TEST(MarkdownInline, AutolinksAndTextThatIsNotOne) {
    galley::ImportResult r = galley::importMarkdown(
        "www.example.com and ada@example.org and <https://foo.bar/baz bim> and <mailto:a@b.org>\n");
    const RichText& rt = r.article.blocks.at(0).text;
    EXPECT_EQ(rt.text, "www.example.com and ada@example.org and <https://foo.bar/baz bim> and mailto:a@b.org");
    ASSERT_EQ(rt.marks.size(), 3u);
    EXPECT_EQ(rt.marks[0].href, "http://www.example.com");
    EXPECT_EQ(rt.marks[1].href, "mailto:ada@example.org");
    EXPECT_EQ(rt.marks[2].href, "mailto:a@b.org");
}

TEST(MarkdownInline, LinksElsewhereKeepTheirTextAndSaySo) {
    galley::ImportResult r = galley::importMarkdown("See [about](/about) and\n[ftp](ftp://example.org/f).\n");
    const RichText& rt = r.article.blocks.at(0).text;
    EXPECT_EQ(rt.text, "See about and ftp.");
    EXPECT_TRUE(rt.marks.empty());
    ASSERT_EQ(r.lines[0].notes.size(), 1u);
    EXPECT_NE(r.lines[0].notes[0].find("\"/about\""), std::string::npos);
    ASSERT_EQ(r.lines[1].notes.size(), 1u);
    EXPECT_NE(r.lines[1].notes[0].find("ftp://"), std::string::npos);
}

TEST(MarkdownHtml, InlineTagsGoTheirTextStays) {
    galley::ImportResult r = galley::importMarkdown("A <span class=\"k\">kept</span> word<!-- hush -->.\n");
    EXPECT_EQ(r.article.blocks.at(0).text.text, "A kept word.");
    const std::string notes = allNotes(r);
    EXPECT_NE(notes.find("<span> left out"), std::string::npos) << notes;
    EXPECT_NE(notes.find("</span> left out"), std::string::npos) << notes;
    EXPECT_NE(notes.find("HTML comment left out: \"hush\""), std::string::npos) << notes;
}

TEST(MarkdownHtml, BlocksKeepTheirTextAsAParagraph) {
    galley::ImportResult r = galley::importMarkdown(
        "Before.\n\n<div class=\"box\">\n<p>Inside &amp; <b>bold</b></p>\n</div>\n\n<!-- only a comment -->\n\nAfter.\n");
    const auto& b = r.article.blocks;
    ASSERT_EQ(b.size(), 3u);
    EXPECT_EQ(b[1].text.text, "Inside & bold");
    EXPECT_EQ(r.lines[2].role, "paragraph 2");
    EXPECT_FALSE(r.lines[2].notes.empty());
    EXPECT_FALSE(r.lines[6].kept);
    EXPECT_EQ(r.lines[6].role, "HTML comment");
}

TEST(MarkdownBlocks, SetextHeadingsAndTheirUnderlines) {
    galley::ImportResult r = galley::importMarkdown("Title\n=====\n\nText.\n\nPart two\n--------\n\nMore.\n");
    EXPECT_EQ(r.article.title, "Title");
    ASSERT_EQ(r.article.blocks.size(), 3u);
    EXPECT_EQ(r.article.blocks[1].type, BlockType::Heading);
    EXPECT_EQ(r.article.blocks[1].level, 2);
    EXPECT_EQ(r.article.blocks[1].text.text, "Part two");
    EXPECT_EQ(r.lines[1].role, "heading underline");
    EXPECT_EQ(r.lines[6].role, "heading underline");
}

TEST(MarkdownBlocks, QuotesFlattenNestedBlocksKeepingText) {
    galley::ImportResult r = galley::importMarkdown(
        "> Outer.\n>\n> > Inner.\n>\n> - one\n> - two\n>\n> Last line\n> \xE2\x80\x94 Ada\n");
    const auto& b = r.article.blocks;
    ASSERT_EQ(b.size(), 5u);
    for (const Block& q : b) EXPECT_EQ(q.type, BlockType::Quote);
    EXPECT_EQ(b[0].text.text, "Outer.");
    EXPECT_EQ(b[1].text.text, "Inner.");
    EXPECT_EQ(b[2].text.text, "one");
    EXPECT_EQ(b[3].text.text, "two");
    EXPECT_EQ(b[4].text.text, "Last line");
    EXPECT_EQ(b[4].attribution.text, "Ada");
}

TEST(MarkdownBlocks, AQuotesAttributionAfterADash) {
    galley::ImportResult r = galley::importMarkdown("> Words.\n> - Mark Twain\n\n> Things to do:\n> - sleep.\n");
    const auto& b = r.article.blocks;
    ASSERT_EQ(b.size(), 3u);
    EXPECT_EQ(b[0].text.text, "Words.");
    EXPECT_EQ(b[0].attribution.text, "Mark Twain");
    EXPECT_EQ(b[1].text.text, "Things to do:");  // a list item that is a sentence stays the quote's text
    EXPECT_TRUE(b[1].attribution.empty());
    EXPECT_EQ(b[2].text.text, "sleep.");
}

TEST(MarkdownBlocks, ImagesAloneBecomeBlocksInlineOnesTheirAltText) {
    galley::ImportResult r = galley::importMarkdown(
        "![A](a.png \"Its title\")\n\n![B](b.png)\nThe caption *under* it.\n\nText ![C *c*](c.png) more.\n\n"
        "![](https://x.org/d.png) ![E](e.png)\n");
    const auto& b = r.article.blocks;
    ASSERT_EQ(b.size(), 5u);
    EXPECT_EQ(b[0].type, BlockType::Image);
    EXPECT_EQ(b[0].alt, "A");
    EXPECT_EQ(b[0].caption.text, "Its title");
    EXPECT_EQ(b[1].src, "b.png");
    EXPECT_EQ(b[1].caption.text, "The caption under it.");
    EXPECT_EQ(coveredBy(b[1].caption, markOf(b[1].caption, MarkKind::Emphasis)), "under");
    EXPECT_EQ(b[2].type, BlockType::Paragraph);
    EXPECT_EQ(b[2].text.text, "Text C c more.");
    EXPECT_NE(allNotes(r).find("image inside text"), std::string::npos);
    EXPECT_EQ(b[3].src, "https://x.org/d.png");
    EXPECT_EQ(b[3].alt, "");
    EXPECT_EQ(b[4].src, "e.png");
    expectLoadsCleanly(r.article, "images");
}

TEST(MarkdownTables, AlignmentMarksInCellsAndEscapedPipes) {
    galley::ImportResult r = galley::importMarkdown(
        "| Left | Centre | Right | None |\n|:--|:-:|--:|---|\n| *a* \\| b | `c \\| d` | [e](https://e.org) | ~~f~~ |\n");
    const Block& t = r.article.blocks.at(0);
    ASSERT_EQ(t.type, BlockType::Table);
    EXPECT_EQ(t.headerRows, 1u);
    EXPECT_EQ(t.columnAlign,
              (std::vector<CellAlign>{CellAlign::Start, CellAlign::Center, CellAlign::End, CellAlign::Inherit}));
    ASSERT_EQ(t.rows.size(), 2u);
    ASSERT_EQ(t.rows[1].size(), 4u);
    EXPECT_EQ(t.rows[0][1].text.text, "Centre");
    EXPECT_EQ(t.rows[1][0].text.text, "a | b");
    EXPECT_EQ(coveredBy(t.rows[1][0].text, markOf(t.rows[1][0].text, MarkKind::Emphasis)), "a");
    EXPECT_EQ(t.rows[1][1].text.text, "c | d");
    EXPECT_EQ(coveredBy(t.rows[1][1].text, markOf(t.rows[1][1].text, MarkKind::Code)), "c | d");
    EXPECT_EQ(markOf(t.rows[1][2].text, MarkKind::Link)->href, "https://e.org");
    EXPECT_EQ(coveredBy(t.rows[1][3].text, markOf(t.rows[1][3].text, MarkKind::Strikethrough)), "f");
    EXPECT_EQ(r.lines[1].role, "table");
    expectLoadsCleanly(r.article, "table");
}

TEST(MarkdownFootnotes, NumberedByFirstReferenceWithTheirText) {
    galley::ImportResult r = galley::importMarkdown(
        "Text.[^b] More[^a] and again.[^b] Lost.[^none]\n\n[^a]: First *a*,\n  continued.\n\n    Second paragraph.\n"
        "[^b]: Note b.\n[^c]: Never used.\n");
    const galley::Article& a = r.article;
    ASSERT_EQ(a.blocks.size(), 1u);
    const RichText& p = a.blocks[0].text;
    EXPECT_EQ(p.text, "Text.1 More2 and again.1 Lost.[^none]");
    std::vector<std::string> refs;
    for (const galley::Mark& m : p.marks)
        if (m.kind == MarkKind::Note) refs.push_back(m.note + "=" + galley::encodeUtf8(galley::decodeUtf8(p.text).substr(m.start, m.end - m.start)));
    EXPECT_EQ(refs, (std::vector<std::string>{"fn-1=1", "fn-2=2", "fn-1=1"}));
    ASSERT_EQ(a.notes.size(), 3u);
    EXPECT_EQ(a.notes[0].id, "fn-1");
    EXPECT_EQ(a.notes[0].text.text, "Note b.");
    EXPECT_EQ(a.notes[1].text.text, "First a, continued.\u2028Second paragraph.");
    EXPECT_EQ(coveredBy(a.notes[1].text, markOf(a.notes[1].text, MarkKind::Emphasis)), "a");
    EXPECT_EQ(a.notes[2].id, "fn-3");
    EXPECT_EQ(a.notes[2].text.text, "Never used.");
    const std::string notes = allNotes(r);
    EXPECT_NE(notes.find("1: footnote reference [^none] has no definition: kept as text"), std::string::npos) << notes;
    EXPECT_NE(notes.find("8: footnote [^c] never referred to: kept as note 3"), std::string::npos) << notes;
    EXPECT_EQ(r.lines[2].role, "note 2");
    EXPECT_EQ(r.lines[3].role, "note 2");
    EXPECT_EQ(r.lines[5].role, "note 2");
    EXPECT_EQ(r.lines[6].role, "note 1");
    EXPECT_EQ(r.lines[7].role, "note 3");
    expectLoadsCleanly(a, "footnotes");
}

TEST(MarkdownFootnotes, NotInCodeNorEscaped) {
    galley::ImportResult r = galley::importMarkdown(
        "A `[^x]` and \\[^x] and [^x].\n\n```\n[^x]: inside a fence\n```\n\n[^x]: The note.\n");
    const auto& b = r.article.blocks;
    ASSERT_EQ(b.size(), 2u);
    EXPECT_EQ(b[0].text.text, "A [^x] and [^x] and 1.");
    EXPECT_EQ(b[1].type, BlockType::Code);
    EXPECT_EQ(b[1].text.text, "[^x]: inside a fence");
    ASSERT_EQ(r.article.notes.size(), 1u);
    EXPECT_EQ(r.article.notes[0].text.text, "The note.");
}

TEST(MarkdownFootnotes, NotesReferredToOnlyFromNotesHaveTheirOwnNumbers) {
    galley::ImportResult r = galley::importMarkdown("Text.[^c]\n\n[^a]: Refers to [^b].\n[^b]: B, and [^a].\n[^c]: C.\n[^c]: C again.\n");
    const galley::Article& a = r.article;
    ASSERT_EQ(a.notes.size(), 4u);
    EXPECT_EQ(a.notes[0].text.text, "C.");
    EXPECT_EQ(a.notes[1].text.text, "Refers to 3.");  // [^a], never referred to, numbered after [^c]; [^b] from it
    EXPECT_EQ(a.notes[2].text.text, "B, and 2.");
    EXPECT_EQ(a.notes[3].text.text, "C again.");
    EXPECT_EQ(a.notes[1].text.marks.at(0).note, "fn-3");
    const std::string notes = allNotes(r);
    EXPECT_NE(notes.find("3: footnote [^a] never referred to: kept as note 2"), std::string::npos) << notes;
    EXPECT_EQ(notes.find("[^b] never referred to"), std::string::npos) << notes;
    EXPECT_NE(notes.find("6: footnote [^c] defined again: kept as note 4"), std::string::npos) << notes;
    expectLoadsCleanly(a, "notes in notes");
}

// The corpus: every construct in some file, each written as the bundle `galley import` makes of it.
const fs::path kCorpus = fs::path(GALLEY_SOURCE_DIR) / "tests" / "data" / "import" / "markdown";

std::vector<std::string> corpusNames() { return galley::test::corpusCases(kCorpus, ".md"); }

class MarkdownCorpus : public ::testing::TestWithParam<std::string> {};

TEST_P(MarkdownCorpus, WritesTheExpectedBundle) {
    const std::string name = GetParam();
    galley::ImportOptions options;
    options.fallbackTitle = name;
    galley::ImportResult r = galley::importMarkdown(readFile("tests/data/import/markdown/" + name + ".md"), options);
    const nlohmann::json expected =
        nlohmann::json::parse(readFile("tests/data/import/markdown/" + name + ".expected.json"), nullptr, false);
    ASSERT_FALSE(expected.is_discarded());
    EXPECT_EQ(nlohmann::json::parse(bundleJson(r.article)), expected)
        << "regenerate with: build/native/galley import tests/data/import/markdown/" << name << ".md";
    expectLoadsCleanly(r.article, name);
    for (const auto& v : r.lines) EXPECT_NE(v.role, "unclassified") << name << " line " << v.lineNumber;
}

INSTANTIATE_TEST_SUITE_P(Corpus, MarkdownCorpus, ::testing::ValuesIn(corpusNames()),
                         [](const ::testing::TestParamInfo<std::string>& param) { return param.param; });

TEST(MarkdownArticle, CorpusIsThere) { EXPECT_GE(corpusNames().size(), 6u); }

}  // namespace
