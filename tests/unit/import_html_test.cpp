// import_html_test.cpp — the HTML importer against the corpus in tests/data/import/html (each NAME.html with
// NAME.expected.json: the header's fields, the whole block list, furniture text that must not appear, the images held
// back), plus the stages' own rules and inputs that must not
// break it. Every corpus article must load as a bundle.
#include "import_html.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "bundle_loader.h"
#include "bundle_writer.h"
#include "html_charset.h"
#include "page_metadata.h"
#include "test_support.h"
#include "url_resolve.h"
#include "utf8.h"

namespace {

namespace fs = std::filesystem;
namespace html = galley::importing::html;
using galley::test::readText;

const fs::path kCorpus = fs::path(GALLEY_SOURCE_DIR) / "tests" / "data" / "import" / "html";

std::vector<std::string> corpusNames() { return galley::test::corpusCases(kCorpus, ".html"); }

void addText(const galley::Block& b, std::string& s) {
    s += b.text.text + "\n" + b.caption.text + "\n" + b.credit.text + "\n" + b.attribution.text + "\n" + b.alt + "\n" +
         b.title + "\n";
    for (const auto& item : b.items) {
        s += item.text.text + "\n";
        for (const auto& inner : item.blocks) addText(inner, s);
    }
    for (const auto& row : b.rows)
        for (const auto& cell : row) s += cell.text.text + "\n";
}

std::string allText(const galley::Article& a) {
    std::string s = a.title + "\n" + a.subtitle + "\n" + a.source.name + "\n";
    for (const auto& au : a.authors) s += au.name + "\n";
    for (const auto& b : a.blocks) addText(b, s);
    for (const auto& n : a.notes) s += n.text.text + "\n";
    return s;
}

// "paragraph: text", "heading 2: text", "list: a | b {paragraph: more}", "quote: text — attribution",
// "image: src — caption (credit)", "code (toml): text", "table (1 header row): a · b / c · d", "embed: url — title".
std::string describe(const galley::Block& b) {
    switch (b.type) {
        case galley::BlockType::Paragraph: return "paragraph: " + b.text.text;
        case galley::BlockType::Heading: return "heading " + std::to_string(b.level) + ": " + b.text.text;
        case galley::BlockType::Quote:
            return "quote: " + b.text.text + (b.attribution.empty() ? "" : " — " + b.attribution.text);
        case galley::BlockType::Pullquote: return "pullquote: " + b.text.text;
        case galley::BlockType::List: {
            std::string s = b.ordered ? "ordered list" : "list";
            if (b.ordered && b.start != 1) s += " from " + std::to_string(b.start);
            s += ":";
            for (size_t i = 0; i < b.items.size(); ++i) {
                s += (i ? " | " : " ") + b.items[i].text.text;
                if (b.items[i].blocks.empty()) continue;
                s += " {";
                for (size_t k = 0; k < b.items[i].blocks.size(); ++k) s += (k ? "; " : "") + describe(b.items[i].blocks[k]);
                s += "}";
            }
            return s;
        }
        case galley::BlockType::Image:
            return "image: " + b.src + (b.caption.empty() ? "" : " — " + b.caption.text) +
                   (b.credit.empty() ? "" : " (" + b.credit.text + ")");
        case galley::BlockType::Divider: return "divider";
        case galley::BlockType::Code: return "code" + (b.language.empty() ? "" : " (" + b.language + ")") + ": " + b.text.text;
        case galley::BlockType::Table: {
            std::string s = "table";
            if (b.headerRows) s += " (" + std::to_string(b.headerRows) + " header rows" + (b.headerColumn ? ", header column)" : ")");
            else if (b.headerColumn) s += " (header column)";
            if (!b.caption.empty()) s += " \"" + b.caption.text + "\"";
            s += ":";
            for (size_t r = 0; r < b.rows.size(); ++r) {
                s += r ? " / " : " ";
                for (size_t c = 0; c < b.rows[r].size(); ++c) s += (c ? " · " : "") + b.rows[r][c].text.text;
            }
            return s;
        }
        case galley::BlockType::Embed: return "embed: " + b.url + " — " + b.title;
    }
    return "?";
}

class HtmlCorpus : public ::testing::TestWithParam<std::string> {};

TEST_P(HtmlCorpus, MatchesExpectedFields) {
    const std::string name = GetParam();
    const std::string input = readText(kCorpus / (name + ".html"));
    const nlohmann::json expected = nlohmann::json::parse(readText(kCorpus / (name + ".expected.json")));
    galley::ImportOptions options;
    options.fallbackTitle = name;
    options.baseUrl = expected.value("base_url", "");
    galley::ImportResult result = galley::importHtml(input, options);
    ASSERT_EQ(result.refused, "");
    const galley::Article& a = result.article;
    galley::test::expectCorpusHeader(result, expected);
    EXPECT_EQ(a.lang, expected.value("lang", "en-US"));
    EXPECT_EQ(galley::writingDirectionName(a.dir), expected.value("dir", ""));

    std::vector<std::string> described;
    for (const auto& b : a.blocks) described.push_back(describe(b));
    EXPECT_EQ(described, expected.at("blocks").get<std::vector<std::string>>());
    galley::test::expectNoFurniture(allText(a), expected);
    EXPECT_EQ(result.heldBack.size(), expected.value("held_back", size_t{0}));
    EXPECT_EQ(a.updated, expected.value("updated", ""));
    std::vector<std::string> notes;
    for (const auto& n : a.notes) notes.push_back(n.id + ": " + n.text.text);
    EXPECT_EQ(notes, expected.value("notes", std::vector<std::string>{}));

    // What the importer writes loads without errors, and every verdict says something.
    galley::Bundle bundle;
    bundle.articles.push_back(a);
    galley::LoadResult loaded = galley::loadBundle(galley::writeBundleJson(bundle));
    for (const auto& e : loaded.errors) ADD_FAILURE() << e.str();
    for (const auto& v : result.lines) EXPECT_FALSE(v.role.empty()) << "line " << v.lineNumber;
}

INSTANTIATE_TEST_SUITE_P(Corpus, HtmlCorpus, ::testing::ValuesIn(corpusNames()),
                         [](const ::testing::TestParamInfo<std::string>& param) { return param.param; });

TEST(HtmlImport, CorpusIsThere) { EXPECT_GE(corpusNames().size(), 20u); }

const galley::Mark* findMark(const galley::RichText& t, galley::MarkKind kind, size_t nth = 0) {
    for (const auto& m : t.marks)
        if (m.kind == kind && nth-- == 0) return &m;
    return nullptr;
}

std::string marked(const galley::RichText& t, const galley::Mark* m) {
    if (!m) return "(no mark)";
    std::u32string cps = galley::utf8::decode(t.text);
    return galley::utf8::encode(cps.substr(m->start, m->end - m->start));
}

TEST(HtmlImport, MarksLinksAndWhiteSpace) {
    galley::ImportOptions options;
    options.baseUrl = "https://tides.example/guide/reading.html";
    galley::ImportResult r = galley::importHtml(readText(kCorpus / "base_url_links.html"), options);
    ASSERT_EQ(r.article.blocks.size(), 3u);
    const galley::RichText& first = r.article.blocks[0].text;
    EXPECT_EQ(marked(first, findMark(first, galley::MarkKind::Strong, 0)), "high");
    EXPECT_EQ(marked(first, findMark(first, galley::MarkKind::Strong, 1)), "low");
    EXPECT_EQ(marked(first, findMark(first, galley::MarkKind::Emphasis)), "chart datum");
    const galley::Mark* port = findMark(first, galley::MarkKind::Link);
    ASSERT_NE(port, nullptr);
    EXPECT_EQ(marked(first, port), "standard port");
    EXPECT_EQ(port->href, "https://tides.example/ports/standard.html");
    const galley::RichText& second = r.article.blocks[1].text;
    EXPECT_EQ(findMark(second, galley::MarkKind::Link, 0)->href, "https://tides.example/glossary#secondary");
    EXPECT_EQ(findMark(second, galley::MarkKind::Link, 1)->href, "https://tides.example/almanac");
    EXPECT_NE(second.text.find("almanac.\u2028Corrections"), std::string::npos);  // <br>: a hard line break
    const galley::RichText& third = r.article.blocks[2].text;
    ASSERT_EQ(third.marks.size(), 1u);  // javascript: is no link
    EXPECT_EQ(third.marks[0].href, "mailto:harbour@tides.example");

    // Without a page URL, relative links cannot be made absolute and are left as text.
    galley::ImportResult bare = galley::importHtml(readText(kCorpus / "base_url_links.html"));
    const galley::RichText& unresolved = bare.article.blocks[0].text;
    EXPECT_EQ(findMark(unresolved, galley::MarkKind::Link), nullptr);
}

TEST(HtmlImport, WhiteSpaceCollapsedEntitiesDecoded) {
    galley::ImportResult r = galley::importHtml(
        "<html><body><article><p>  Two\n\n   spaces &amp; a\ttab, <em> emphasis </em>and a&nbsp;no-break space, "
        "then enough words to be a paragraph of prose in the article.  </p></article></body></html>");
    ASSERT_EQ(r.article.blocks.size(), 1u);
    const galley::RichText& t = r.article.blocks[0].text;
    EXPECT_EQ(t.text.substr(0, 38), "Two spaces & a tab, emphasis and a\xC2\xA0no");
    EXPECT_EQ(marked(t, findMark(t, galley::MarkKind::Emphasis)), "emphasis");
}

TEST(HtmlImport, TypographyLeavesCodeAlone) {
    galley::ImportResult r = galley::importHtml(
        "<body><article><p>Run <code>make --jobs \"2\"</code> -- it is \"fast\" and the output is long enough to "
        "be read as a paragraph.</p><pre>x = \"a\" -- b</pre></article></body>");
    ASSERT_EQ(r.article.blocks.size(), 2u);
    EXPECT_EQ(r.article.blocks[0].text.text.substr(0, 48),
              "Run make --jobs \"2\" \xE2\x80\x94 it is \xE2\x80\x9C" "fast\xE2\x80\x9D and the");
    EXPECT_EQ(marked(r.article.blocks[0].text, findMark(r.article.blocks[0].text, galley::MarkKind::Code)),
              "make --jobs \"2\"");
    EXPECT_EQ(r.article.blocks[1].type, galley::BlockType::Code);
    EXPECT_EQ(r.article.blocks[1].text.text, "x = \"a\" -- b");
}

TEST(HtmlImport, FootnotesBecomeNotes) {
    galley::ImportResult r = galley::importHtml(readText(kCorpus / "footnotes_essay.html"));
    ASSERT_EQ(r.article.notes.size(), 2u);
    const galley::RichText& first = r.article.blocks[0].text;
    const galley::Mark* ref = findMark(first, galley::MarkKind::Note);
    ASSERT_NE(ref, nullptr);
    EXPECT_EQ(marked(first, ref), "1");
    EXPECT_EQ(ref->note, "fn1");
    EXPECT_EQ(findMark(first, galley::MarkKind::Superscript), nullptr);  // the note mark raises it
    EXPECT_EQ(r.article.notes[0].text.text.find("\u21A9"), std::string::npos);  // no back-link
    EXPECT_EQ(marked(r.article.notes[0].text, findMark(r.article.notes[0].text, galley::MarkKind::Emphasis)), "De Aetna");
}

TEST(HtmlImport, InlineMarksOfTheFormat) {
    galley::ImportResult r = galley::importHtml(
        "<body><article><p>Water is H<sub>2</sub>O, the area is 3 m<sup>2</sup>, the price <s>ten</s> five "
        "pounds, and this is long enough for a paragraph.</p></article></body>");
    ASSERT_EQ(r.article.blocks.size(), 1u);
    const galley::RichText& t = r.article.blocks[0].text;
    EXPECT_EQ(marked(t, findMark(t, galley::MarkKind::Subscript)), "2");
    EXPECT_EQ(marked(t, findMark(t, galley::MarkKind::Superscript)), "2");
    EXPECT_EQ(marked(t, findMark(t, galley::MarkKind::Strikethrough)), "ten");
}

TEST(HtmlImport, VideoAndAudioBecomeEmbedCards) {
    galley::ImportOptions options;
    options.baseUrl = "https://news.example.org/2026/story.html";
    galley::ImportResult r = galley::importHtml(
        "<body><article><p>The harbour at dawn, filmed from the old lighthouse, with the gulls and the first boats "
        "going out, as the town wakes.</p>"
        "<video poster=\"/media/dawn.jpg\" width=\"1280\" height=\"720\" title=\"The harbour at dawn\" controls>"
        "<source src=\"/media/dawn.mp4\" type=\"video/mp4\"></video>"
        "<audio src=\"https://cdn.example.org/gulls.mp3\" aria-label=\"Gulls\"></audio>"
        "<video controls></video>"
        "<p>The boats come back at noon with the catch, and the market opens in the square by the church.</p>"
        "</article></body>", options);
    std::vector<const galley::Block*> embeds;
    for (const galley::Block& b : r.article.blocks)
        if (b.type == galley::BlockType::Embed) embeds.push_back(&b);
    ASSERT_EQ(embeds.size(), 2u);  // the video without a source has nothing to link to
    EXPECT_EQ(embeds[0]->embedKind, galley::EmbedKind::Video);
    EXPECT_EQ(embeds[0]->url, "https://news.example.org/media/dawn.mp4");
    EXPECT_EQ(embeds[0]->src, "https://news.example.org/media/dawn.jpg");
    EXPECT_EQ(embeds[0]->title, "The harbour at dawn");
    EXPECT_EQ(embeds[0]->width, 1280);
    EXPECT_EQ(embeds[1]->embedKind, galley::EmbedKind::Audio);
    EXPECT_EQ(embeds[1]->url, "https://cdn.example.org/gulls.mp3");
    EXPECT_EQ(embeds[1]->title, "Gulls");
    EXPECT_EQ(embeds[1]->provider, "cdn.example.org");
}

TEST(HtmlImport, JsonLdAuthorsInEveryShape) {
    auto authorsOf = [](const std::string& author) {
        galley::ImportResult r = galley::importHtml(
            "<html><head><script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
            "\"@type\":\"Article\",\"headline\":\"H\",\"author\":" + author +
            "}</script></head><body><p>Text of the article, long enough to count as a paragraph here.</p></body></html>");
        std::vector<std::string> names;
        for (const auto& a : r.article.authors) names.push_back(a.name);
        return names;
    };
    EXPECT_EQ(authorsOf("\"Ann Lee\""), std::vector<std::string>{"Ann Lee"});
    EXPECT_EQ(authorsOf("{\"@type\":\"Person\",\"name\":\"Ann Lee\"}"), std::vector<std::string>{"Ann Lee"});
    EXPECT_EQ(authorsOf("[{\"name\":\"Ann Lee\"},\"Bo Ng\"]"), (std::vector<std::string>{"Ann Lee", "Bo Ng"}));
    EXPECT_EQ(authorsOf("{\"name\":\"By Ann Lee and Bo Ng\"}"), (std::vector<std::string>{"Ann Lee", "Bo Ng"}));
    EXPECT_EQ(authorsOf("{\"givenName\":\"Ann\",\"familyName\":\"Lee\"}"), std::vector<std::string>{"Ann Lee"});
    EXPECT_TRUE(authorsOf("42").empty());
}

TEST(HtmlImport, BadJsonLdIsSkippedWithANote) {
    std::string deep(100, '[');
    galley::ImportResult r = galley::importHtml(
        "<html><head><title>Fallback Title Here</title><script type=\"application/ld+json\">{not json</script>"
        "<script type=\"application/ld+json\">" + deep + "</script></head><body><p>Body text long enough to be a "
        "paragraph of the article.</p></body></html>");
    EXPECT_EQ(r.article.title, "Fallback Title Here");
    auto has = [&](const std::string& note) {
        return std::find(r.notes.begin(), r.notes.end(), note) != r.notes.end();
    };
    EXPECT_TRUE(has("JSON-LD script 1 skipped: not valid JSON"));
    EXPECT_TRUE(has("JSON-LD script 2 skipped: nests deeper than 64 levels"));
}

TEST(HtmlImport, TitleWithoutTheSiteName) {
    std::string cut;
    EXPECT_EQ(html::titleWithoutSiteName("Headline Here | The Daily Post", "The Daily Post", {}, &cut), "Headline Here");
    EXPECT_EQ(cut, "The Daily Post");
    EXPECT_EQ(html::titleWithoutSiteName("Daily Post - Headline Goes Here", "daily post", {}, nullptr),
              "Headline Goes Here");
    EXPECT_EQ(html::titleWithoutSiteName("A Long Headline About Things \xE2\x80\x93 Site", "", {}, nullptr),
              "A Long Headline About Things");
    // The separator belongs to the headline when the <h1> says so, or when the last part is long.
    EXPECT_EQ(html::titleWithoutSiteName("Python 3.12 - What Is New", "", {"Python 3.12 - What Is New"}, nullptr),
              "Python 3.12 - What Is New");
    EXPECT_EQ(html::titleWithoutSiteName("Cats - the ones that climb trees and never come down", "", {}, nullptr),
              "Cats - the ones that climb trees and never come down");
}

TEST(HtmlImport, DatesInTheBundlesForms) {
    EXPECT_EQ(html::bundleDate("2024-03-05T10:00:00+0000"), "2024-03-05T10:00:00+00:00");
    EXPECT_EQ(html::bundleDate("2024-03-05 10:00"), "2024-03-05T10:00");
    EXPECT_EQ(html::bundleDate(" 2024-03-05T10:00:00.000Z "), "2024-03-05T10:00:00.000Z");
    EXPECT_EQ(html::bundleDate("March 5, 2024"), "2024-03-05");
    EXPECT_EQ(html::bundleDate("yesterday"), "");
    EXPECT_EQ(html::bundleDate("2024-02-30"), "");
}

// A numeric date that reads both ways, read with the page's evidence: its declared language (or --lang over it), a
// year-first date in a <meta> naming one reading.
TEST(HtmlImport, AmbiguousDatesReadWithThePagesEvidence) {
    const std::string story =
        "<body><article><h1>Pool Reopens</h1><p>The pool reopened after a winter of repairs to its roof and its "
        "pumps, and the queue at the door was long by nine.</p><p>Swimmers said the water was warmer than before, "
        "and the lifeguards said the new slide would open next week once it had been inspected.</p></article>"
        "</body></html>";
    const std::string head = "<!DOCTYPE html><html lang=\"en-GB\"><head><meta name=\"date\" content=\"04/03/2025\">";
    galley::ImportResult gb = galley::importHtml(head + "</head>" + story);
    EXPECT_EQ(gb.article.published, "2025-03-04");
    const auto dateNote = [](const galley::ImportResult& r) {
        for (const std::string& n : r.notes)
            if (n.rfind("date: ", 0) == 0) return n;
        return std::string();
    };
    EXPECT_EQ(dateNote(gb),
              "date: \"04/03/2025\" read day-first (4 March 2025): the declared language, en-GB (<html lang>), is of a "
              "region that writes the day first [<meta date>]");

    galley::ImportOptions us;
    us.lang = "en-US";
    us.langGiven = true;
    EXPECT_EQ(galley::importHtml(head + "</head>" + story, us).article.published, "2025-04-03");

    // The same date year first in another <meta> settles it, over the language.
    galley::ImportResult meta =
        galley::importHtml(head + "<meta property=\"article:modified_time\" content=\"2025-04-03T18:00:00Z\"></head>" + story);
    EXPECT_EQ(meta.article.published, "2025-04-03");
    EXPECT_NE(dateNote(meta).find("the same date is written \"2025-04-03T18:00:00Z\" (<meta article:modified_time>)"),
              std::string::npos)
        << dateNote(meta);
}

TEST(HtmlImport, ExplainsCandidatesAndSources) {
    galley::ImportResult r = galley::importHtml(readText(kCorpus / "news_jsonld_graph.html"));
    auto note = [&](const std::string& prefix) {
        for (const std::string& n : r.notes)
            if (n.rfind(prefix, 0) == 0) return n;
        return std::string();
    };
    EXPECT_EQ(note("title from"), "title from: JSON-LD NewsArticle headline");
    EXPECT_EQ(note("authors from"), "authors from: JSON-LD NewsArticle author");
    EXPECT_EQ(note("source from"), "source from: JSON-LD NewsArticle publisher.name");
    EXPECT_EQ(note("subtitle from"), "subtitle from: <meta description>");
    EXPECT_EQ(note("lang from"), "lang from: <html lang>");
    EXPECT_EQ(note("page URL from"), "page URL from: <link rel=canonical>");
    EXPECT_NE(note("candidate 1: <article class=\"story\">"), "");
    EXPECT_EQ(note("updated from"), "updated from: JSON-LD NewsArticle dateModified");
    EXPECT_EQ(r.article.updated, "2024-03-05T11:02:00+00:00");
    auto verdict = [&](const std::string& text) -> const galley::LineVerdict* {
        for (const auto& v : r.lines)
            if (v.text.rfind(text, 0) == 0) return &v;
        return nullptr;
    };
    ASSERT_NE(verdict("We use cookies"), nullptr);
    EXPECT_FALSE(verdict("We use cookies")->kept);
    EXPECT_EQ(verdict("We use cookies")->role, "cookie notice (class \"consent\")");
    EXPECT_EQ(verdict("We use cookies")->lineNumber, 25);
    ASSERT_NE(verdict("The Harbour Bridge reopened"), nullptr);
    EXPECT_EQ(verdict("The Harbour Bridge reopened")->role, "paragraph 1");
    ASSERT_NE(verdict("Comments (3)"), nullptr);
    EXPECT_EQ(verdict("Comments (3)")->role, "comments section (class \"article-comments\")");
}

TEST(HtmlImport, LanguageFromThePageUnlessGiven) {
    const std::string page = readText(kCorpus / "german_news.html");
    EXPECT_EQ(galley::importHtml(page).article.lang, "de-DE");
    galley::ImportOptions options;
    options.lang = "de-AT";
    EXPECT_EQ(galley::importHtml(page, options).article.lang, "de-DE");  // a fallback only
    options.langGiven = true;
    EXPECT_EQ(galley::importHtml(page, options).article.lang, "de-AT");
}

TEST(HtmlImport, RefusalsSayWhat) {
    EXPECT_EQ(galley::importHtml(std::string("\x7F" "ELF\x02\x01\x01\0\0\0", 10)).refused,
              "binary data, not HTML (a NUL byte at offset 7)");
    std::string deep = "<body>";
    for (int i = 0; i < 2500; ++i) deep += "<b>";
    EXPECT_NE(galley::importHtml(deep).refused.find("tags nest deeper than 2000 levels"), std::string::npos);
    EXPECT_NE(galley::importHtml("<meta charset=gb2312><p>x").refused.find("gb2312"), std::string::npos);
}

TEST(HtmlImport, SurvivesEmptyAndOddPages) {
    galley::ImportOptions options;
    options.fallbackTitle = "from-file";
    for (const std::string& page : {std::string(), std::string("   "), std::string("<html>"), std::string("</div></p>"),
                                   std::string("<head><title></title></head>"), std::string("<body><p></p></body>"),
                                   std::string("<table><tr><td><table><tr><td>cell</td></tr></table>")}) {
        galley::ImportResult r = galley::importHtml(page, options);
        EXPECT_EQ(r.refused, "");
        EXPECT_FALSE(r.article.title.empty());
        galley::Bundle bundle;
        bundle.articles.push_back(r.article);
        EXPECT_TRUE(galley::loadBundle(galley::writeBundleJson(bundle)).ok()) << page;
    }
}

TEST(HtmlImport, SurvivesArbitraryBytesAndWhatLoadsLoads) {
    unsigned state = 777;
    for (int round = 0; round < 20; ++round) {
        std::string noise = "<html><body>";
        const char* pieces[] = {"<div class=\"content\">", "</div>", "<p>", "</p>", "<a href=\"x\">", "</a>",
                                "<ul><li>", "</li>", "<table><tr><td>", "<em>", "</strong>", "&amp;", "&#0;",
                                "\xC3\xA9", "\xFF", "\x01", " word, ", "<br>", "<img src=a.png>", "<pre>",
                                "<blockquote>", "<h2>", "<figure>", "<script>", "<!--"};
        for (int i = 0; i < 4000; ++i) {
            state = state * 1103515245u + 12345u;
            noise += pieces[(state >> 16) % (sizeof pieces / sizeof *pieces)];
        }
        galley::ImportResult r = galley::importHtml(noise);
        if (!r.refused.empty()) continue;
        galley::Bundle bundle;
        bundle.articles.push_back(r.article);
        galley::LoadResult loaded = galley::loadBundle(galley::writeBundleJson(bundle));
        for (const auto& e : loaded.errors) ADD_FAILURE() << "round " << round << ": " << e.str();
    }
}

TEST(HtmlImport, HugePageInReasonableTime) {
    std::string page = "<html><body><div class=\"story\">";
    const std::string paragraph =
        "<p>A paragraph with <a href=\"/x\">a link</a>, some <b>bold</b> words, commas, and enough text to score.</p>\n";
    while (page.size() < (1u << 20)) page += paragraph;
    page += "</div></body></html>";
    galley::ImportResult r = galley::importHtml(page);
    EXPECT_EQ(r.refused, "");
    EXPECT_GT(r.article.blocks.size(), 9000u);
}

}  // namespace
