#include "bundle_loader.h"
#include "bundle_writer.h"
#include "test_support.h"

#include <gtest/gtest.h>

#include <dirent.h>

#include <algorithm>
#include <sstream>

using namespace galley;

namespace {

std::string messages(const LoadResult& r) {
    std::string s;
    for (const auto& e : r.errors) s += e.str() + "\n";
    return s;
}

bool hasError(const LoadResult& r, const std::string& line) {
    return std::any_of(r.errors.begin(), r.errors.end(), [&](const Diagnostic& d) { return d.str() == line; });
}

const char* const Minimal = R"J({"galley": 1, "articles": [{"id": "a", "lang": "en", "title": "T", "authors": [],
  "blocks": [{"type": "paragraph", "text": "Hello world"}]}]})J";

}  // namespace

TEST(BundleLoader, LoadsTheSample) {
    LoadResult r = loadBundle(test::readText(test::sourcePath("assets/sample.json")));
    ASSERT_TRUE(r.ok()) << messages(r);
    ASSERT_EQ(r.bundle.articles.size(), 1u);
    const Article& a = r.bundle.articles[0];
    EXPECT_EQ(a.title, "North Korean Man Begs China Not to Deport Family Back to North Korea");
    ASSERT_EQ(a.authors.size(), 1u);
    EXPECT_EQ(a.authors[0].name, "Faith Magbanua");
    EXPECT_EQ(a.published, "2017-11-15T03:11");
    EXPECT_EQ(a.source.name, "China Christian Daily");
    EXPECT_EQ(a.blocks.size(), 18u);
    EXPECT_TRUE(r.warnings.empty());
}

TEST(BundleLoader, ReadsMarksAsCodePointRanges) {
    LoadResult r = loadBundle(R"J({"galley":1,"articles":[{"id":"a","lang":"en-US","title":"T","authors":[{"name":"A"}],
      "blocks":[{"type":"paragraph","text":"caf\u00e9 is good","marks":[{"type":"emphasis","start":0,"end":4},
      {"type":"link","start":5,"end":12,"href":"https://example.org/"}]},
      {"type":"list","ordered":true,"items":["one",{"text":"two","marks":[{"type":"strong","start":0,"end":3}]}]}]}]})J");
    ASSERT_TRUE(r.ok()) << messages(r);
    const Block& p = r.bundle.articles[0].blocks[0];
    ASSERT_EQ(p.text.marks.size(), 2u);
    EXPECT_EQ(p.text.marks[0].kind, MarkKind::Emphasis);
    EXPECT_EQ(p.text.marks[1].href, "https://example.org/");
    const Block& l = r.bundle.articles[0].blocks[1];
    EXPECT_TRUE(l.ordered);
    ASSERT_EQ(l.items.size(), 2u);
    EXPECT_EQ(l.items[1].text.marks[0].kind, MarkKind::Strong);
}

TEST(BundleLoader, ReportsEveryProblemWithItsPath) {
    LoadResult r = loadBundle(R"J({"galley":1,"articles":[{"id":"","lang":"english","title":"T","authors":[],
      "published":"2017-02-30","blocks":[{"type":"heading","level":9,"text":"H"},
      {"type":"paragraph","text":"abc","marks":[{"type":"link","start":0,"end":4,"href":"javascript:alert(1)"}]},
      {"type":"image","src":"javascript:alert(1)","alt":""}]}]})J");
    EXPECT_FALSE(r.ok());
    EXPECT_TRUE(hasError(r, "articles[0].id: must not be empty")) << messages(r);
    EXPECT_TRUE(hasError(r, "articles[0].lang: must be a BCP 47 language tag like \"en-US\"")) << messages(r);
    EXPECT_TRUE(hasError(r, "articles[0].published: must be an ISO 8601 date or date-time like 2017-11-15T03:11"));
    EXPECT_TRUE(hasError(r, "articles[0].blocks[0].level: must be 1..6")) << messages(r);
    EXPECT_TRUE(hasError(r, "articles[0].blocks[1].marks[0].end: must be <= 3, the text's length in code points"));
    EXPECT_TRUE(hasError(r, "articles[0].blocks[2].src: must be a relative URL (resolved against the bundle) or an https URL"));
    EXPECT_TRUE(r.bundle.articles.empty());
}

TEST(BundleLoader, RejectsLinkSchemesOtherThanWebAndMail) {
    LoadResult r = loadBundle(R"J({"galley":1,"articles":[{"id":"a","lang":"en","title":"T","authors":[],
      "blocks":[{"type":"paragraph","text":"abc","marks":[{"type":"link","start":0,"end":3,"href":"javascript:alert(1)"}]}]}]})J");
    EXPECT_TRUE(hasError(r, "articles[0].blocks[0].marks[0].href: scheme must be http, https or mailto")) << messages(r);
}

TEST(BundleLoader, WarnsOnUnknownFieldsAndSkipsUnknownBlocks) {
    LoadResult r = loadBundle(R"J({"galley":1,"future":true,"articles":[{"id":"a","lang":"en","title":"T","authors":[],
      "blocks":[{"type":"video","src":"v.mp4"},{"type":"paragraph","text":"x","color":"red"}]}]})J");
    ASSERT_TRUE(r.ok()) << messages(r);
    ASSERT_EQ(r.bundle.articles[0].blocks.size(), 1u);
    std::string w;
    for (const auto& d : r.warnings) w += d.str() + "\n";
    EXPECT_NE(w.find("future: unknown field, ignored"), std::string::npos) << w;
    EXPECT_NE(w.find("articles[0].blocks[0].type: unknown block type \"video\", skipped"), std::string::npos) << w;
    EXPECT_NE(w.find("articles[0].blocks[1].color: unknown field, ignored"), std::string::npos) << w;
}

TEST(BundleLoader, RefusesWhatIsNotUtf8OrNotJsonOrTooDeep) {
    LoadResult r = loadBundle("{\"galley\": 1, \"x\": \"\xFF\"}");
    ASSERT_EQ(r.errors.size(), 1u);
    EXPECT_EQ(r.errors[0].str(), "$: not valid UTF-8 (byte 0xFF at offset 20)");
    r = loadBundle("{\"galley\": 1,");
    ASSERT_EQ(r.errors.size(), 1u);
    EXPECT_EQ(r.errors[0].str().rfind("$: not valid JSON: ", 0), 0u) << r.errors[0].str();
    std::string deep(100000, '[');
    r = loadBundle(deep);
    ASSERT_EQ(r.errors.size(), 1u);
    EXPECT_EQ(r.errors[0].str(), "$: nesting deeper than 64 levels");
    r = loadBundle("[]");
    EXPECT_EQ(r.errors.at(0).str(), "$: must be an object");
    BundleLimits small;
    small.maxBytes = 10;
    r = loadBundle(Minimal, small);
    EXPECT_EQ(r.errors.at(0).path, "$");
}

TEST(BundleLoader, ValidatesDates) {
    EXPECT_TRUE(isIso8601("2017-11-15"));
    EXPECT_TRUE(isIso8601("2017-11-15T03:11"));
    EXPECT_TRUE(isIso8601("2024-02-29T23:59:60.5+05:30"));
    EXPECT_TRUE(isIso8601("2017-11-15T03:11:00Z"));
    EXPECT_FALSE(isIso8601("2023-02-29"));
    EXPECT_FALSE(isIso8601("2017-13-01"));
    EXPECT_FALSE(isIso8601("2017-11-15T24:00"));
    EXPECT_FALSE(isIso8601("November 15, 2017"));
    EXPECT_FALSE(isIso8601("2017-11-15T03:11+5"));
}

// Every file in tests/data/bundles/valid loads; every file listed in invalid/EXPECTED.tsv fails with its message.
TEST(BundleLoader, Corpus) {
    std::string validDir = test::sourcePath("tests/data/bundles/valid");
    int valid = 0;
    if (DIR* d = opendir(validDir.c_str())) {
        while (dirent* e = readdir(d)) {
            std::string name = e->d_name;
            if (name.size() < 5 || name.substr(name.size() - 5) != ".json") continue;
            LoadResult r = loadBundle(test::readText(validDir + "/" + name));
            EXPECT_TRUE(r.ok()) << name << ":\n" << messages(r);
            ++valid;
        }
        closedir(d);
    }
    EXPECT_GE(valid, 8);
    std::string invalidDir = test::sourcePath("tests/data/bundles/invalid");
    std::istringstream tsv(test::readText(invalidDir + "/EXPECTED.tsv"));
    std::string line;
    int invalid = 0;
    while (std::getline(tsv, line)) {
        size_t tab = line.find('\t');
        if (line.empty() || line[0] == '#' || tab == std::string::npos) continue;
        std::string file = line.substr(0, tab), expected = line.substr(tab + 1);
        LoadResult r = loadBundle(test::readText(invalidDir + "/" + file));
        EXPECT_FALSE(r.ok()) << file;
        bool found = std::any_of(r.errors.begin(), r.errors.end(), [&](const Diagnostic& d) {
            // Parser and decoder messages carry positions: the corpus names only their prefix.
            bool prefixOnly = expected.rfind("$: not valid ", 0) == 0;
            return d.str() == expected || (prefixOnly && d.str().rfind(expected, 0) == 0);
        });
        EXPECT_TRUE(found) << file << ": expected \"" << expected << "\", got:\n" << messages(r);
        ++invalid;
    }
    EXPECT_GE(invalid, 25);
}

// The additions to version 1 (docs/bundle-format.md: code, tables, nested lists, notes, the new marks and fields),
// read from the file that uses each of them, and written back out unchanged.
TEST(BundleLoader, ReadsWhatAWholeArticleHolds) {
    const std::string text = test::readText(test::sourcePath("tests/data/bundles/valid/whole-article.json"));
    LoadResult r = loadBundle(text);
    ASSERT_TRUE(r.ok()) << messages(r);
    EXPECT_TRUE(r.warnings.empty()) << messages(r);
    const Article& a = r.bundle.articles[0];
    EXPECT_EQ(a.updated, "2026-11-21T17:45:00+01:00");
    EXPECT_EQ(a.authors[1].role, "Photographs");
    ASSERT_EQ(a.notes.size(), 1u);
    EXPECT_EQ(a.notes[0].id, "n1");
    const std::vector<Mark>& marks = a.blocks[0].text.marks;
    const MarkKind kinds[] = {MarkKind::Subscript, MarkKind::Superscript, MarkKind::Strikethrough, MarkKind::Code,
                              MarkKind::Note};
    ASSERT_EQ(marks.size(), 5u);
    for (size_t i = 0; i < 5; ++i) EXPECT_EQ(marks[i].kind, kinds[i]) << i;
    EXPECT_EQ(marks[4].note, "n1");

    const Block& code = a.blocks[2];
    EXPECT_EQ(code.type, BlockType::Code);
    EXPECT_EQ(code.language, "cpp");
    EXPECT_NE(code.text.text.find("\n\tplace(b);"), std::string::npos);

    const Block& table = a.blocks[4];
    ASSERT_EQ(table.type, BlockType::Table);
    ASSERT_EQ(table.rows.size(), 4u);
    EXPECT_EQ(table.headerRows, 1u);
    EXPECT_TRUE(table.headerColumn);
    ASSERT_EQ(table.columnAlign.size(), 3u);
    EXPECT_EQ(table.columnAlign[1], CellAlign::End);
    EXPECT_EQ(table.rows[3][0].colSpan, 3u);
    EXPECT_EQ(table.rows[3][0].align, CellAlign::Center);
    EXPECT_EQ(table.caption.text, "Table 1. Mean and worst word-space ratio at two widths.");

    const Block& list = a.blocks[6];
    EXPECT_TRUE(list.ordered);
    EXPECT_EQ(list.start, 3);
    ASSERT_EQ(list.items.size(), 3u);
    ASSERT_EQ(list.items[1].blocks.size(), 2u);
    EXPECT_EQ(list.items[1].blocks[0].type, BlockType::List);
    EXPECT_EQ(list.items[1].blocks[0].items[1].text.marks[0].kind, MarkKind::Strong);
    EXPECT_TRUE(list.items[2].text.empty());
    EXPECT_EQ(list.items[2].blocks[0].type, BlockType::Code);

    EXPECT_NE(a.blocks[8].text.text.find("\u2028But I have"), std::string::npos);
    EXPECT_EQ(a.blocks[9].credit.text, "Photograph: Grace Sample");
    const Block& embed = a.blocks[10];
    EXPECT_EQ(embed.type, BlockType::Embed);
    EXPECT_EQ(embed.embedKind, EmbedKind::Video);
    EXPECT_EQ(embed.src, "https://images.example.org/poster.jpg");
    EXPECT_EQ(embed.provider, "Example Video");
    EXPECT_EQ(embed.width, 1280);

    // Written and read again, nothing changes.
    const std::string written = writeBundleJson(r.bundle);
    LoadResult again = loadBundle(written);
    ASSERT_TRUE(again.ok()) << messages(again);
    EXPECT_EQ(writeBundleJson(again.bundle), written);
    EXPECT_EQ(again.bundle.articles[0].blocks[6].items[1].blocks[1].text.text, "and a second paragraph of the fourth item.");
}

TEST(BundleLoader, ChecksTheAdditionsWithTheirPaths) {
    auto load = [](const std::string& blocks, const std::string& more = "") {
        return loadBundle(R"({"galley":1,"articles":[{"id":"a","lang":"en","title":"T","authors":[],"blocks":[)" + blocks +
                          "]" + more + "}]}");
    };
    auto expectError = [](const LoadResult& r, const std::string& line) {
        EXPECT_TRUE(hasError(r, line)) << line << "\nin:\n" << messages(r);
    };
    expectError(load(R"({"type":"paragraph","text":"a1","marks":[{"type":"note","start":1,"end":2,"note":"x"}]})"),
                R"(articles[0].blocks[0].marks[0].note: no note with id "x" in this article)");
    expectError(load(R"({"type":"paragraph","text":"a1","marks":[{"type":"note","start":1,"end":2}]})"),
                "articles[0].blocks[0].marks[0].note: required");
    expectError(load(R"({"type":"paragraph","text":"a1","marks":[{"type":"code","start":1,"end":2,"note":"x"}]})"),
                "articles[0].blocks[0].marks[0].note: only allowed on note marks");
    expectError(load(R"({"type":"heading","level":2,"text":"H","id":"n1"})", R"(,"notes":[{"id":"n1","text":"N"}])"),
                R"(articles[0].notes[0].id: duplicate anchor "n1" (also articles[0].blocks[0]))");
    expectError(load("", R"(,"notes":[{"id":"1","text":"N"}])"),
                R"(articles[0].notes[0].id: must be a letter followed by letters, digits, "_" or "-")");
    expectError(load(R"({"type":"code"})"), "articles[0].blocks[0].text: required");
    expectError(load(R"({"type":"table","rows":[]})"), "articles[0].blocks[0].rows: must not be empty");
    expectError(load(R"({"type":"table","rows":[["a"],[]]})"), "articles[0].blocks[0].rows[1]: must not be empty");
    expectError(load(R"({"type":"table","rows":[["a"]],"headerRows":2})"),
                "articles[0].blocks[0].headerRows: must be <= 1, the number of rows");
    expectError(load(R"({"type":"table","rows":[[{"text":"a","colspan":0}]]})"),
                "articles[0].blocks[0].rows[0][0].colspan: must be 1..1000");
    expectError(load(R"({"type":"table","rows":[[{"text":"a","colspan":201}]]})"),
                "articles[0].blocks[0].rows: too many columns (201 > 200)");
    expectError(load(R"({"type":"table","rows":[["a"]],"align":["left"]})"),
                R"(articles[0].blocks[0].align[0]: must be "start", "center" or "end")");
    expectError(load(R"({"type":"list","items":[{"blocks":[{"type":"heading","level":2,"text":"H"}]}]})"),
                "articles[0].blocks[0].items[0].blocks[0].type: a heading cannot be in a list item");
    expectError(load(R"({"type":"list","ordered":true,"start":-1,"items":["a"]})"),
                "articles[0].blocks[0].start: must be 0..999999999");
    expectError(load(R"J({"type":"embed","url":"javascript:alert(1)","title":"T"})J"),
                "articles[0].blocks[0].url: must be an http or https URL");
    expectError(load(R"({"type":"embed","url":"https://a.example/v","title":"T","poster":"http://a.example/p.jpg"})"),
                "articles[0].blocks[0].poster: must be a relative URL (resolved against the bundle) or an https URL");
    expectError(load(R"({"type":"embed","url":"https://a.example/v","title":"T","kind":"iframe"})"),
                R"(articles[0].blocks[0].kind: must be "video", "audio", "post" or "other")");
    expectError(load(R"({"type":"image","src":"https:///a.png","alt":""})"),
                "articles[0].blocks[0].src: must be a relative URL (resolved against the bundle) or an https URL");
    expectError(load("", R"(,"updated":"yesterday")"),
                "articles[0].updated: must be an ISO 8601 date or date-time like 2017-11-15T03:11");
    // A row span pushes the cells of the rows below it along (here to three columns, within the limit).
    LoadResult spans = load(R"({"type":"table","rows":[[{"text":"a","rowspan":2},"b"],["c","d"]]})");
    ASSERT_TRUE(spans.ok()) << messages(spans);
    EXPECT_TRUE(load(R"({"type":"image","src":"https://images.example.org/a.png","alt":""})").ok());
}
