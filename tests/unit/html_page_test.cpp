// html_page_test.cpp — the HTML importer's first stages: a page's bytes to UTF-8 (html_charset), the tree gumbo
// builds and its limits (html_document), and links made absolute (url_resolve).
#include <gtest/gtest.h>

#include <string>

#include "html_charset.h"
#include "html_document.h"
#include "url_resolve.h"
#include "utf8.h"

namespace {

namespace html = galley::importing::html;

TEST(HtmlCharset, Utf8DeclaredOrNot) {
    html::DecodedPage declared = html::decodePage("<meta charset=\"utf-8\"><p>caf\xC3\xA9</p>");
    EXPECT_EQ(declared.charset, "UTF-8");
    EXPECT_EQ(declared.utf8, "<meta charset=\"utf-8\"><p>caf\xC3\xA9</p>");
    html::DecodedPage plain = html::decodePage("<p>caf\xC3\xA9</p>");
    EXPECT_EQ(plain.charset, "UTF-8");
    EXPECT_EQ(plain.how, "no declaration, valid UTF-8");
    html::DecodedPage bom = html::decodePage("\xEF\xBB\xBF<p>x</p>");
    EXPECT_EQ(bom.utf8, "<p>x</p>");
}

TEST(HtmlCharset, Windows1252ByMetaOrByDefault) {
    // 0x93 0x94: curly quotes in windows-1252; 0xE9: é.
    html::DecodedPage meta = html::decodePage(
        "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"><p>\x93" "caf\xE9\x94</p>");
    EXPECT_EQ(meta.charset, "windows-1252");  // ISO-8859-1 is read as windows-1252, as browsers do
    EXPECT_NE(meta.utf8.find("\xE2\x80\x9C" "caf\xC3\xA9\xE2\x80\x9D"), std::string::npos);
    html::DecodedPage guessed = html::decodePage("<p>caf\xE9</p>");
    EXPECT_EQ(guessed.charset, "windows-1252");
    EXPECT_EQ(guessed.how, "no declaration and not valid UTF-8");
    EXPECT_EQ(guessed.utf8, "<p>caf\xC3\xA9</p>");
    html::DecodedPage latin9 = html::decodePage("<meta charset=iso-8859-15><p>\xA4</p>");
    EXPECT_NE(latin9.utf8.find("\xE2\x82\xAC"), std::string::npos);  // €
}

TEST(HtmlCharset, DeclaredUtf8WithBadBytesIsRepaired) {
    html::DecodedPage p = html::decodePage("<meta charset=utf-8><p>a\xFF" "b</p>");
    EXPECT_EQ(p.charset, "UTF-8");
    EXPECT_EQ(galley::utf8::findInvalid(p.utf8), std::string::npos);
    EXPECT_NE(p.utf8.find("a\xEF\xBF\xBD" "b"), std::string::npos);
    EXPECT_NE(p.how.find("1 ill-formed bytes"), std::string::npos);
}

TEST(HtmlCharset, Utf16WithByteOrderMark) {
    const std::string le("\xFF\xFE<\0p\0>\0\xE9\0", 10);
    html::DecodedPage p = html::decodePage(le);
    EXPECT_EQ(p.charset, "UTF-16LE");
    EXPECT_EQ(p.utf8, "<p>\xC3\xA9");
}

TEST(HtmlCharset, RefusesWhatItCannotRead) {
    EXPECT_EQ(html::decodePage("<meta charset=\"Shift_JIS\"><p>x</p>").refused,
              "charset \"shift_jis\" is not supported (UTF-8, UTF-16, windows-1252/ISO-8859-1 and ISO-8859-15 are)");
    const std::string binary("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16);
    EXPECT_EQ(html::decodePage(binary).refused, "binary data, not HTML (a NUL byte at offset 8)");
    EXPECT_NE(html::decodePage(std::string(html::MaxPageBytes + 1, ' ')).refused.find("larger than 32 MiB"),
              std::string::npos);
}

TEST(HtmlDocument, TreeInDocumentOrderWithLines) {
    html::ParseOutcome out = html::parseDocument(
        "<!DOCTYPE html>\n<html lang=en><head><title>T</title>\n"
        "<script type=\"application/ld+json\">{\"a\":1}</script><script>var x=1;</script></head>\n"
        "<body><!-- a comment --><P CLASS=\"Lead\">One &amp; <b>two</b>\n<style>p{}</style><my-widget>w</my-widget>");
    ASSERT_EQ(out.refused, "");
    const html::Document& doc = out.document;
    ASSERT_NE(doc.body, html::NoNode);
    ASSERT_EQ(doc.jsonLd.size(), 1u);
    EXPECT_EQ(doc.jsonLd[0], "{\"a\":1}");
    html::NodeId p = doc.find(doc.body, "p");
    ASSERT_NE(p, html::NoNode);
    EXPECT_EQ(doc[p].attribute("class"), "Lead");
    EXPECT_EQ(doc[p].line, 4);
    EXPECT_EQ(doc[doc[p].children[0]].text, "One & ");  // entities decoded
    EXPECT_NE(doc.find(doc.body, "my-widget"), html::NoNode);
    EXPECT_EQ(doc.find(doc.html, "script"), html::NoNode);  // scripts and styles are not in the tree
    EXPECT_EQ(doc.find(doc.html, "style"), html::NoNode);
    for (html::NodeId k = 0; k < static_cast<html::NodeId>(doc.nodes.size()); ++k)
        for (html::NodeId c : doc[k].children) {
            EXPECT_GT(c, k);
            EXPECT_LT(c, doc.end(k));
        }
}

TEST(HtmlDocument, DeepTreesAreFlattenedAndTheirTextKept) {
    std::string page = "<body>";
    for (int i = 0; i < 1500; ++i) page += "<div>";
    page += "deep text";
    html::ParseOutcome out = html::parseDocument(page);
    ASSERT_EQ(out.refused, "");
    int deepest = 0;
    bool found = false;
    for (const html::Node& n : out.document.nodes) {
        deepest = std::max(deepest, n.depth);
        found = found || (n.isText && n.text == "deep text");
    }
    EXPECT_LE(deepest, html::MaxTreeDepth + 1);
    EXPECT_TRUE(found);
}

TEST(HtmlDocument, RefusesNestingThatWouldTakeTheParserMinutes) {
    std::string page = "<body>\n";
    for (int i = 0; i < 3000; ++i) page += "<span>";
    html::ParseOutcome out = html::parseDocument(page);
    EXPECT_EQ(out.refused, "tags nest deeper than 2000 levels (line 2)");
    // Unclosed paragraphs and list items close each other: they never nest.
    std::string flat = "<body>";
    for (int i = 0; i < 5000; ++i) flat += "<p>para <li>item ";
    EXPECT_EQ(html::parseDocument(flat).refused, "");
}

TEST(UrlResolve, Rfc3986Examples) {
    const std::string base = "http://a/b/c/d;p?q";
    // RFC 3986 section 5.4.1 and 5.4.2.
    EXPECT_EQ(html::resolveUrl(base, "g"), "http://a/b/c/g");
    EXPECT_EQ(html::resolveUrl(base, "./g"), "http://a/b/c/g");
    EXPECT_EQ(html::resolveUrl(base, "g/"), "http://a/b/c/g/");
    EXPECT_EQ(html::resolveUrl(base, "/g"), "http://a/g");
    EXPECT_EQ(html::resolveUrl(base, "//g"), "http://g");
    EXPECT_EQ(html::resolveUrl(base, "?y"), "http://a/b/c/d;p?y");
    EXPECT_EQ(html::resolveUrl(base, "#s"), "http://a/b/c/d;p?q#s");
    EXPECT_EQ(html::resolveUrl(base, ""), "http://a/b/c/d;p?q");
    EXPECT_EQ(html::resolveUrl(base, "../g"), "http://a/b/g");
    EXPECT_EQ(html::resolveUrl(base, "../../g"), "http://a/g");
    EXPECT_EQ(html::resolveUrl(base, "../../../g"), "http://a/g");
    EXPECT_EQ(html::resolveUrl(base, "g;x=1/../y"), "http://a/b/c/y");
    EXPECT_EQ(html::resolveUrl(base, "https://other.example/x"), "https://other.example/x");
    EXPECT_EQ(html::resolveUrl(base, "mailto:a@b.example"), "mailto:a@b.example");
    EXPECT_EQ(html::resolveUrl("", "img/a.png"), "img/a.png");
    EXPECT_EQ(html::resolveUrl(base, "  g\n\th "), "http://a/b/c/gh");
    EXPECT_EQ(html::urlOrigin("https://news.example/a/b?c"), "https://news.example/");
    EXPECT_EQ(html::urlScheme("HTTPS://x"), "https");
    EXPECT_EQ(html::urlScheme("a/b:c"), "");
}

}  // namespace
