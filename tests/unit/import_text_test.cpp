// import_text_test.cpp — the scraped-text importer against the corpus in tests/data/import (each NAME.txt with
// NAME.expected.json), plus the line verdicts behind --explain and inputs that must not break it.
#include "import_text.h"

#include "test_support.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>

namespace {

namespace fs = std::filesystem;
using galley::test::readText;

const fs::path kCorpus = fs::path(GALLEY_SOURCE_DIR) / "tests" / "data" / "import";

std::vector<std::string> corpusNames() { return galley::test::corpusCases(kCorpus, ".txt"); }

// Every piece of text the article carries, for the must-not-appear checks.
std::string allText(const galley::Article& a) {
    std::string s = a.title + "\n" + a.subtitle + "\n" + a.source.name + "\n";
    for (const auto& au : a.authors) s += au.name + "\n";
    for (const auto& b : a.blocks) {
        s += b.text.text + "\n" + b.caption.text + "\n" + b.attribution.text + "\n";
        for (const auto& item : b.items) s += item.text.text + "\n";
    }
    return s;
}

class ScrapedCorpus : public ::testing::TestWithParam<std::string> {};

TEST_P(ScrapedCorpus, MatchesExpectedFields) {
    const std::string name = GetParam();
    const std::string input = readText(kCorpus / (name + ".txt"));
    const nlohmann::json expected = nlohmann::json::parse(readText(kCorpus / (name + ".expected.json")));
    galley::ImportResult result = galley::importScrapedText(input);
    const galley::Article& a = result.article;
    galley::test::expectCorpusHeader(result, expected);

    std::vector<std::string> paragraphs, headings;
    std::vector<std::vector<std::string>> lists;
    std::vector<bool> ordered;
    for (const auto& b : a.blocks) {
        if (b.type == galley::BlockType::Paragraph) paragraphs.push_back(b.text.text);
        if (b.type == galley::BlockType::Heading) headings.push_back(b.text.text);
        if (b.type == galley::BlockType::List) {
            std::vector<std::string> items;
            for (const auto& item : b.items) items.push_back(item.text.text);
            lists.push_back(items);
            ordered.push_back(b.ordered);
        }
    }
    EXPECT_EQ(paragraphs.size(), expected.at("paragraphs").get<size_t>());
    ASSERT_FALSE(paragraphs.empty());
    EXPECT_EQ(paragraphs.front(), expected.value("first_paragraph", ""));
    EXPECT_EQ(paragraphs.back(), expected.value("last_paragraph", ""));
    EXPECT_EQ(headings, expected.value("headings", std::vector<std::string>{}));
    if (expected.contains("lists")) {
        EXPECT_EQ(lists, expected["lists"].get<std::vector<std::vector<std::string>>>());
    }
    if (expected.contains("ordered")) {
        EXPECT_EQ(ordered, expected["ordered"].get<std::vector<bool>>());
    }

    galley::test::expectNoFurniture(allText(a), expected);

    // One verdict per input line, and every kept block came from a kept line.
    size_t inputLines = static_cast<size_t>(std::count(input.begin(), input.end(), '\n'));
    if (!input.empty() && input.back() != '\n') ++inputLines;
    EXPECT_EQ(result.lines.size(), inputLines);
    for (const auto& v : result.lines) EXPECT_FALSE(v.role.empty()) << "line " << v.lineNumber;
}

INSTANTIATE_TEST_SUITE_P(Corpus, ScrapedCorpus, ::testing::ValuesIn(corpusNames()),
                         [](const ::testing::TestParamInfo<std::string>& param) { return param.param; });

TEST(ScrapedText, CorpusIsThere) { EXPECT_GE(corpusNames().size(), 9u); }

TEST(ScrapedText, ExplainsTheSeedLineByLine) {
    galley::ImportResult r = galley::importScrapedText(readText(kCorpus / "seed_china_christian_daily.txt"));
    auto verdict = [&](int line) { return r.lines.at(static_cast<size_t>(line - 1)); };
    EXPECT_FALSE(verdict(1).kept);
    EXPECT_NE(verdict(1).role.find("masthead"), std::string::npos);
    EXPECT_FALSE(verdict(3).kept);
    EXPECT_NE(verdict(3).role.find("page date"), std::string::npos);
    EXPECT_TRUE(verdict(6).kept);
    EXPECT_EQ(verdict(6).role, "title");
    EXPECT_TRUE(verdict(8).kept);
    EXPECT_NE(verdict(8).role.find("Faith Magbanua"), std::string::npos);
    EXPECT_TRUE(verdict(9).kept);
    EXPECT_NE(verdict(9).role.find("2017-11-15T03:11"), std::string::npos);
    EXPECT_EQ(verdict(12).role, "paragraph 1");
    EXPECT_FALSE(verdict(49).kept);
    EXPECT_NE(verdict(49).role.find("share"), std::string::npos);
    EXPECT_EQ(verdict(2).role, "blank");
}

// The page's ambiguous date (04/03/2025, read month-first with nothing to say otherwise) turns day-first with a
// British address: given (--base-url), or written in the footer; --lang en-GB too. The verdict line says the reading.
TEST(ScrapedText, AmbiguousDateReadWithThePagesCountry) {
    const std::string page = readText(kCorpus / "numeric_date_cookie_banner.txt");
    EXPECT_EQ(galley::importScrapedText(page).article.published, "2025-04-03T14:20");

    galley::ImportOptions uk;
    uk.baseUrl = "https://www.rivertonpost.co.uk/news/route-9";
    galley::ImportResult given = galley::importScrapedText(page, uk);
    EXPECT_EQ(given.article.published, "2025-03-04T14:20");
    bool dated = false;
    for (const auto& v : given.lines)
        if (v.text == "04/03/2025 14:20") dated = v.role == "published 2025-03-04T14:20";
    EXPECT_TRUE(dated);

    std::string footer = page;
    footer.replace(footer.find("\u00A9 Riverton Post Media 2025"), std::string("\u00A9 Riverton Post Media 2025").size(),
                   "\u00A9 Riverton Post Media 2025 \u00B7 rivertonpost.co.uk");
    galley::ImportResult written = galley::importScrapedText(footer);
    EXPECT_EQ(written.article.published, "2025-03-04T14:20");
    ASSERT_FALSE(written.notes.empty());
    EXPECT_NE(written.notes.back().find("rivertonpost.co.uk (the footer, line "), std::string::npos)
        << written.notes.back();

    galley::ImportOptions gb;
    gb.lang = "en-GB";
    gb.langGiven = true;
    EXPECT_EQ(galley::importScrapedText(page, gb).article.published, "2025-03-04T14:20");
}

TEST(ScrapedText, IdIsASlugOfTheTitle) {
    galley::ImportResult r = galley::importScrapedText(readText(kCorpus / "seed_china_christian_daily.txt"));
    EXPECT_EQ(r.article.id, "north-korean-man-begs-china");
    EXPECT_EQ(r.article.lang, "en-US");
    galley::ImportOptions options;
    options.lang = "en-GB";
    EXPECT_EQ(galley::importScrapedText("Title Here Today\n\nA sentence that is long enough to be a paragraph here.\n",
                                        options)
                  .article.lang,
              "en-GB");
}

TEST(ScrapedText, EmptyAndFurnitureOnlyInputs) {
    galley::ImportResult empty = galley::importScrapedText("");
    EXPECT_TRUE(empty.article.blocks.empty());
    EXPECT_FALSE(empty.article.title.empty());  // a placeholder, never empty

    galley::ImportOptions options;
    options.fallbackTitle = "from-file";
    galley::ImportResult junk = galley::importScrapedText("Home\nNews\nShare\nComments\n", options);
    EXPECT_TRUE(junk.article.blocks.empty());
    EXPECT_EQ(junk.article.title, "from-file");
    EXPECT_EQ(junk.lines.size(), 4u);
}

TEST(ScrapedText, WindowsLineEndingsAndOddSpaces) {
    std::string text =
        "Daily Lantern\r\n\r\nLantern Festival Draws Record Crowds to the Old Harbor\r\n\r\nBy Mei\xC2\xA0Lin\r\n"
        "May 4, 2019\r\n\r\nMore than twenty thousand people came to the harbor on Saturday night to watch the "
        "lanterns float out to sea.\r\n\r\nOrganisers said next year\xE2\x80\x8B's festival would run for two "
        "nights.\r\n";
    galley::ImportResult r = galley::importScrapedText(text);
    EXPECT_EQ(r.article.title, "Lantern Festival Draws Record Crowds to the Old Harbor");
    ASSERT_EQ(r.article.authors.size(), 1u);
    EXPECT_EQ(r.article.authors[0].name, "Mei Lin");
    EXPECT_EQ(r.article.published, "2019-05-04");
    ASSERT_EQ(r.article.blocks.size(), 2u);
    EXPECT_EQ(r.article.blocks[1].text.text, "Organisers said next year\u2019s festival would run for two nights.");
}

TEST(ScrapedText, BylineIsNotASentenceStartingWithBy) {
    std::string text =
        "Tide Tables Are Changing Faster Than Expected\n\nBy the time the survey ended, the harbor had risen by "
        "four centimetres, a pace the authors called alarming.\n\nScientists plan to repeat the survey next "
        "year with more gauges along the coast.\n";
    galley::ImportResult r = galley::importScrapedText(text);
    EXPECT_TRUE(r.article.authors.empty());
    EXPECT_EQ(r.article.title, "Tide Tables Are Changing Faster Than Expected");
    ASSERT_EQ(r.article.blocks.size(), 2u);
}

TEST(ScrapedText, SurvivesArbitraryBytes) {
    std::string noise;
    unsigned state = 12345;
    for (int i = 0; i < 20000; ++i) {
        state = state * 1103515245u + 12345u;
        char c = static_cast<char>((state >> 16) & 0xFF);
        noise.push_back(i % 37 == 0 ? '\n' : c);
    }
    galley::ImportResult r = galley::importScrapedText(noise);
    EXPECT_FALSE(r.lines.empty());
}

}  // namespace
