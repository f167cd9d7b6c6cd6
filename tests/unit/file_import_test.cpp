// file_import_test.cpp — the page's import (file_import.h, import_format.h): the format guessed from the name and
// the content as `galley import` guesses it, the same bundles as the CLI's (tests/data/import's expected files),
// refusals that say what and where, and the image sources a page cannot fetch.
#include "file_import.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "bundle_loader.h"
#include "bundle_writer.h"
#include "test_support.h"

namespace {

using galley::FileImport;
using galley::ImportFormat;
using galley::guessImportFormat;
using galley::importFile;
using galley::test::readText;
using galley::test::sourcePath;

TEST(ImportFormat, ExtensionFirstCaseIgnored) {
    EXPECT_EQ(guessImportFormat("notes.MD", "plain words"), ImportFormat::Markdown);
    EXPECT_EQ(guessImportFormat("notes.markdown", ""), ImportFormat::Markdown);
    EXPECT_EQ(guessImportFormat("page.HTM", "# not markdown here"), ImportFormat::Html);
    EXPECT_EQ(guessImportFormat("dir.v2/page.txt", "<!doctype html><p>x"), ImportFormat::Text);
}

TEST(ImportFormat, ContentWhenTheNameSaysNothing) {
    EXPECT_EQ(guessImportFormat("saved-page", "\xEF\xBB\xBF  <!-- c --> <!DOCTYPE html><html>"), ImportFormat::Html);
    EXPECT_EQ(guessImportFormat("x", "<?xml version=\"1.0\"?>\n<html xmlns=\"\">"), ImportFormat::Html);
    EXPECT_EQ(guessImportFormat("x", "<?xml version=\"1.0\"?>\n<feed>"), ImportFormat::Text);
    EXPECT_EQ(guessImportFormat("x", "---\ntitle: A\n---\nText"), ImportFormat::Markdown);
    EXPECT_EQ(guessImportFormat("x", "## Part one\nText"), ImportFormat::Markdown);
    EXPECT_EQ(guessImportFormat("x", "Scraped #1 story with a **bold** claim"), ImportFormat::Text);
    EXPECT_EQ(guessImportFormat("x", "A [link](https://a.example) and **bold**"), ImportFormat::Markdown);
}

TEST(ImportFormat, ExtensionAndStemAsFilesystemPathHasThem) {
    EXPECT_EQ(galley::lowerFileExtension("a/b.c/Notes.TXT"), ".txt");
    EXPECT_EQ(galley::lowerFileExtension(".profile"), "");
    EXPECT_EQ(galley::lowerFileExtension("archive.tar.gz"), ".gz");
    EXPECT_EQ(galley::lowerFileExtension("README"), "");
    EXPECT_EQ(galley::fileStem("C:\\Users\\me\\essay.final.md"), "essay.final");
    EXPECT_EQ(galley::fileStem(".profile"), ".profile");
    EXPECT_EQ(galley::fileStem("dir/"), "");
}

// The page imports a file as `galley import FILE` does: the importer its name and content choose, with the file's
// stem as the fallback title, into a bundle the loader takes. Markdown's expected files are the CLI's bundles; the
// HTML and text corpora's are summaries, whose title must match.
void expectSameAsCli(const std::string& rel) {
    SCOPED_TRACE(rel);
    const std::string name = rel.substr(rel.rfind('/') + 1), text = readText(sourcePath(rel));
    FileImport r = importFile(text, name);
    ASSERT_TRUE(r.ok) << (r.errors.empty() ? "" : r.errors[0]);
    EXPECT_TRUE(galley::loadBundle(r.bundleJson).ok());
    galley::ImportOptions options;
    options.fallbackTitle = galley::fileStem(name);
    galley::Bundle cli;
    cli.articles.push_back(galley::importAs(guessImportFormat(name, text), text, options).article);
    EXPECT_EQ(r.bundleJson, galley::writeBundleJson(cli, -1));
    const nlohmann::json expected = nlohmann::json::parse(
        readText(sourcePath(rel.substr(0, rel.rfind('.')) + ".expected.json")));
    if (expected.contains("galley"))
        EXPECT_EQ(nlohmann::json::parse(r.bundleJson), expected);
    else
        EXPECT_EQ(r.title, expected.at("title").get<std::string>());
}

TEST(FileImport, SameBundlesAsTheCli) {
    expectSameAsCli("tests/data/import/markdown/field_notes.md");
    expectSameAsCli("tests/data/import/markdown/table.md");
    expectSameAsCli("tests/data/import/html/figure_images.html");
    expectSameAsCli("tests/data/import/html/german_news.html");
    expectSameAsCli("tests/data/import/press_release_dateline.txt");
}

// A saved page: an article of a few sentences with one figure whose image is `src`.
std::string pageWithFigure(const std::string& src) {
    std::string text;
    for (int i = 0; i < 12; ++i) text += "The caravan was restored over one long summer, panel by panel. ";
    return "<!doctype html><title>Caravan</title><body><article><h1>Caravan</h1><p>" + text + "</p><p>" + text +
           "</p><figure><img src=\"" + src + "\" alt=\"The caravan\" width=\"800\" height=\"600\"></figure><p>" + text +
           "</p></article></body>";
}

TEST(FileImport, ReportsFormatTitleAndTheImagesAPageCannotFetch) {
    FileImport r = importFile(readText(sourcePath("tests/data/import/markdown/inline.md")), "inline.md");
    ASSERT_TRUE(r.ok);
    EXPECT_EQ(r.format, ImportFormat::Markdown);
    EXPECT_FALSE(r.title.empty());
    // Relative sources are files beside the reader's file; https and http ones are fetchable.
    EXPECT_EQ(r.localImages, std::vector<std::string>({"images/swift.jpg"}));

    // A saved page's relative images stay beside it (block_mapping.cpp); https ones load; http ones are held back.
    FileImport page = importFile(pageWithFigure("pics/a.jpg"), "saved.html");
    ASSERT_TRUE(page.ok) << page.errors.at(0);
    EXPECT_EQ(page.format, ImportFormat::Html);
    EXPECT_EQ(page.title, "Caravan");
    EXPECT_EQ(page.localImages, std::vector<std::string>({"pics/a.jpg"}));
    EXPECT_TRUE(page.warnings.empty());
    FileImport remote = importFile(pageWithFigure("https://cdn.example/a.jpg"), "saved.html");
    ASSERT_TRUE(remote.ok);
    EXPECT_TRUE(remote.localImages.empty());
    FileImport plain = importFile(pageWithFigure("http://cdn.example/a.jpg"), "saved.html");
    ASSERT_TRUE(plain.ok);
    EXPECT_TRUE(plain.localImages.empty());
    EXPECT_EQ(plain.warnings, std::vector<std::string>(
        {"image from http://cdn.example/a.jpg: the format takes relative and https image sources only"}));
}

TEST(FileImport, BinaryDataRefusedWithWhereInEachFormat) {
    std::string garbage("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
    for (const char* name : {"picture.txt", "picture.md", "picture.html", "picture"}) {
        FileImport r = importFile(garbage, name);
        EXPECT_FALSE(r.ok) << name;
        ASSERT_EQ(r.errors.size(), 1u) << name;
        EXPECT_EQ(r.errors[0].rfind(std::string(name) + ": not imported: binary data", 0), 0u) << r.errors[0];
        EXPECT_NE(r.errors[0].find("a NUL byte at offset 8"), std::string::npos) << r.errors[0];
        EXPECT_TRUE(r.bundleJson.empty());
    }
}

TEST(FileImport, OtherRefusals) {
    FileImport empty = importFile("", "notes.txt");
    ASSERT_EQ(empty.errors.size(), 1u);
    EXPECT_EQ(empty.errors[0], "notes.txt: not imported: the file is empty");

    FileImport latin1 = importFile("Caf\xE9 society\n", "notes.txt");
    ASSERT_EQ(latin1.errors.size(), 1u);
    EXPECT_NE(latin1.errors[0].find("not UTF-8 text (an ill-formed byte at offset 3"), std::string::npos)
        << latin1.errors[0];

    FileImport nothing = importFile("\n\n   \n", "blank.md");
    ASSERT_EQ(nothing.errors.size(), 1u);
    EXPECT_EQ(nothing.errors[0], "blank.md: not imported: no article text found in it (read as markdown)");

    FileImport base = importFile("# T\n\nText.", "a.md", "file:///home/me/");
    ASSERT_EQ(base.errors.size(), 1u);
    EXPECT_NE(base.errors[0].find("the base URL must be an http or https URL"), std::string::npos);

    FileImport unnamed = importFile("", "");
    EXPECT_EQ(unnamed.errors.at(0), "the file: not imported: the file is empty");
}

TEST(FileImport, ByteOrderMarkOfTextSkipped) {
    FileImport r = importFile("\xEF\xBB\xBF# Title\n\nA paragraph of the article.\n", "bom.md");
    ASSERT_TRUE(r.ok);
    EXPECT_EQ(r.title, "Title");
}

}  // namespace
