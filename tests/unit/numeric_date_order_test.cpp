// numeric_date_order_test.cpp — which way round "04/03/2025" is read, for each kind of evidence a document can give,
// for evidence that conflicts (the stronger kind decides, the weaker is named), and the --explain sentence.
#include "numeric_date_order.h"

#include <gtest/gtest.h>

#include "date_convention.h"
#include "date_order_evidence.h"
#include "spelling_variety.h"

using galley::DateMatch;
using galley::DateOrderEvidence;
using galley::NumericOrder;
using galley::OrderEvidenceKind;
using galley::importing::EvidenceText;
using galley::importing::PublicationHints;

namespace {

// The page's first line holds the date to read; the other texts are the rest of the page.
struct Page {
    std::vector<EvidenceText> texts;
    PublicationHints hints;

    Page& line(const std::string& text) {
        texts.push_back({text, "line " + std::to_string(texts.size() + 1)});
        return *this;
    }
    galley::OrderDecision decide(const std::string& date = "04/03/2025") const {
        std::optional<DateMatch> m = galley::findDateTime(date);
        EXPECT_TRUE(m && m->eitherWay) << date;
        if (!m || !m->eitherWay) return {};
        return galley::decideNumericOrder(*m->eitherWay, galley::importing::gatherDateOrderEvidence(texts, hints));
    }
    std::string read(const std::string& date = "04/03/2025") const {
        std::optional<DateMatch> m = galley::findDateTime(date);
        std::string explanation;
        return galley::readDate(*m, galley::importing::gatherDateOrderEvidence(texts, hints), &explanation);
    }
};

}  // namespace

TEST(NumericDateParse, ReportsBothReadingsOfAnAmbiguousDate) {
    std::optional<DateMatch> m = galley::findDateTime("By Ana Ruiz | 04/03/2025 14:20");
    ASSERT_TRUE(m && m->eitherWay);
    EXPECT_EQ(m->iso, "2025-04-03T14:20");  // the parser's default: month-first
    EXPECT_EQ(m->eitherWay->written, "04/03/2025");
    EXPECT_EQ(m->eitherWay->monthFirstIso, "2025-04-03T14:20");
    EXPECT_EQ(m->eitherWay->dayFirstIso, "2025-03-04T14:20");
    EXPECT_EQ(m->eitherWay->separator, '/');

    std::optional<DateMatch> dotted = galley::findDateTime("04.03.2025");
    ASSERT_TRUE(dotted && dotted->eitherWay);
    EXPECT_EQ(dotted->iso, "2025-03-04");  // dotted: day-first by default

    // One reading only: no choice to make, and the order it was written in is known.
    std::optional<DateMatch> day = galley::findDateTime("25/03/2025");
    ASSERT_TRUE(day);
    EXPECT_FALSE(day->eitherWay);
    EXPECT_TRUE(day->dayBeforeMonth);
    std::optional<DateMatch> month = galley::findDateTime("03/25/2025");
    ASSERT_TRUE(month);
    EXPECT_FALSE(month->dayBeforeMonth);
    EXPECT_EQ(galley::parseDateTime("03.25.2025"), "2025-03-25");
    EXPECT_FALSE(galley::findDateTime("04/04/2025")->eitherWay);  // the same either way
    EXPECT_FALSE(galley::findDateTime("2025-04-03")->eitherWay);

    std::optional<DateMatch> withDay = galley::matchWholeDateTime("Tuesday, 04/03/2025");
    ASSERT_TRUE(withDay && withDay->eitherWay);
    EXPECT_EQ(withDay->eitherWay->weekday, 1);

    std::vector<DateMatch> all = galley::findAllDates("From 04/03/2025 to 4 March 2025, then March 9, 2025.");
    ASSERT_EQ(all.size(), 3u);
    EXPECT_EQ(all[0].form, galley::DateForm::Numeric);
    EXPECT_EQ(all[1].form, galley::DateForm::DayMonthWords);
    EXPECT_EQ(all[2].form, galley::DateForm::MonthDayWords);
}

TEST(NumericDateOrder, AWeekdayWrittenWithTheDateSettlesIt) {
    // 4 March 2025 was a Tuesday, 3 April 2025 a Thursday.
    Page page;
    page.line("Tue 04/03/2025").line("Updated 03/25/2025");  // month-first numeric evidence, outweighed
    std::optional<DateMatch> m = galley::findDateTime("Tue 04/03/2025");
    ASSERT_TRUE(m && m->eitherWay);
    galley::OrderDecision d =
        galley::decideNumericOrder(*m->eitherWay, galley::importing::gatherDateOrderEvidence(page.texts, page.hints));
    EXPECT_EQ(d.order, NumericOrder::DayFirst);
    EXPECT_EQ(d.kind, OrderEvidenceKind::TheDateItself);
    EXPECT_NE(d.because.find("Tuesday"), std::string::npos) << d.because;
    ASSERT_EQ(d.against.size(), 1u);
    EXPECT_NE(d.against[0].find("03/25/2025"), std::string::npos);

    std::optional<DateMatch> thursday = galley::findDateTime("Thursday 04/03/2025");
    EXPECT_EQ(galley::readDate(*thursday, {}), "2025-04-03");
}

TEST(NumericDateOrder, TheSameDateInWordsSettlesIt) {
    Page page;
    page.line("By Jane Doe | 04/03/2025").line("The council voted on 4 March 2025 to close the pool.");
    galley::OrderDecision d = page.decide();
    EXPECT_EQ(d.order, NumericOrder::DayFirst);
    EXPECT_EQ(d.kind, OrderEvidenceKind::TheDateItself);
    EXPECT_EQ(d.because, "the same date is written \"4 March 2025\" (line 2) elsewhere in the document");

    // Year first names it too ("2025-04-03" in a <meta>), and it beats an unambiguous numeric date.
    Page meta;
    meta.line("04/03/2025").line("Comments: 25/03/2025");
    meta.texts.push_back({"2025-04-03T10:00:00Z", "<meta article:published_time>"});
    galley::OrderDecision m = meta.decide();
    EXPECT_EQ(m.order, NumericOrder::MonthFirst);
    EXPECT_EQ(m.kind, OrderEvidenceKind::TheDateItself);
    ASSERT_EQ(m.against.size(), 1u);

    // Both readings named: no help; the next kind decides.
    Page both;
    both.line("04/03/2025").line("From March 4, 2025 to April 3, 2025.");
    EXPECT_EQ(both.decide().kind, OrderEvidenceKind::WordOrder);
}

TEST(NumericDateOrder, AnUnambiguousNumericDateWithTheSameSeparator) {
    Page day;
    for (int i = 0; i < 11; ++i) day.line("Some text.");
    day.line("Posted 25/03/2025 by reader");
    galley::OrderDecision d = day.decide();
    EXPECT_EQ(d.order, NumericOrder::DayFirst);
    EXPECT_EQ(d.kind, OrderEvidenceKind::NumericElsewhere);
    EXPECT_EQ(galley::explainDecision(*galley::findDateTime("04/03/2025")->eitherWay, d),
              "date: \"04/03/2025\" read day-first (4 March 2025): another date in the document, \"25/03/2025\" "
              "(line 12), is day-first");

    Page month;
    month.line("Updated 03/25/2025 9:00 AM");
    EXPECT_EQ(month.decide().order, NumericOrder::MonthFirst);
    EXPECT_EQ(month.read(), "2025-04-03");

    // Another separator is another convention: a dotted day-first date says nothing about slashed ones.
    Page dotted;
    dotted.line("Stand: 25.03.2025");
    EXPECT_EQ(dotted.decide().kind, OrderEvidenceKind::LanguageConvention);

    // The majority of a kind decides; a tie says nothing.
    Page tie;
    tie.line("25/03/2025").line("03/26/2025");
    EXPECT_EQ(tie.decide().kind, OrderEvidenceKind::LanguageConvention);
    tie.line("27/03/2025");
    EXPECT_EQ(tie.decide().order, NumericOrder::DayFirst);
}

TEST(NumericDateOrder, DatesInWordsGiveTheirOrder) {
    Page day;
    day.line("04/03/2025").line("The last meeting, on 12 February 2025, was short.");
    EXPECT_EQ(day.decide().order, NumericOrder::DayFirst);
    EXPECT_EQ(day.decide().kind, OrderEvidenceKind::WordOrder);
    Page month;
    month.line("04/03/2025").line("The last meeting, on February 12, 2025, was short.");
    EXPECT_EQ(month.decide().order, NumericOrder::MonthFirst);
    EXPECT_EQ(month.decide().kind, OrderEvidenceKind::WordOrder);
}

TEST(NumericDateOrder, ThePublicationsDomain) {
    EXPECT_EQ(galley::importing::domainClue("https://www.example.co.uk/news/1", "--base-url")->order,
              NumericOrder::DayFirst);
    EXPECT_EQ(galley::importing::domainClue("https://abc.net.au", "x")->order, NumericOrder::DayFirst);
    EXPECT_EQ(galley::importing::domainClue("http://news.example.de/a?b", "x")->order, NumericOrder::DayFirst);
    EXPECT_EQ(galley::importing::domainClue("https://www.nps.gov/yose", "x")->order, NumericOrder::MonthFirst);
    EXPECT_EQ(galley::importing::domainClue("https://example.us", "x")->order, NumericOrder::MonthFirst);
    EXPECT_EQ(galley::importing::domainClue("https://inquirer.net.ph", "x")->order, NumericOrder::MonthFirst);
    EXPECT_FALSE(galley::importing::domainClue("https://example.com/uk/story", "x"));
    EXPECT_FALSE(galley::importing::domainClue("https://example.io", "x"));
    EXPECT_FALSE(galley::importing::domainClue("https://example.ca", "x"));
    EXPECT_FALSE(galley::importing::domainClue("not a url", "x"));

    Page page;
    page.line("04/03/2025");
    page.hints.url = "https://www.riverton.co.uk/news/water-main";
    page.hints.urlWhere = "--base-url";
    galley::OrderDecision d = page.decide();
    EXPECT_EQ(d.order, NumericOrder::DayFirst);
    EXPECT_EQ(d.kind, OrderEvidenceKind::Domain);
    EXPECT_NE(d.because.find("www.riverton.co.uk (--base-url)"), std::string::npos) << d.because;
}

TEST(NumericDateOrder, WebAddressesInRunningText) {
    using galley::importing::webAddressIn;
    EXPECT_EQ(webAddressIn("\u00A9 2025 harbourside-echo.co.uk. All rights reserved"), "harbourside-echo.co.uk");
    EXPECT_EQ(webAddressIn("Visit (https://example.com.au/contact)."), "https://example.com.au/contact");
    EXPECT_EQ(webAddressIn("www.example.com"), "www.example.com");
    EXPECT_EQ(webAddressIn("Built with Node.js, e.g. this."), "");
    EXPECT_EQ(webAddressIn("C.S. Lewis at 9 a.m."), "");
    EXPECT_FALSE(galley::importing::domainClue(webAddressIn("www.example.com"), "x"));
}

TEST(NumericDateOrder, TheDeclaredLanguageRegion) {
    using galley::importing::languageRegionClue;
    EXPECT_EQ(languageRegionClue("en-GB", "<html lang>", false)->order, NumericOrder::DayFirst);
    EXPECT_EQ(languageRegionClue("en_AU", "<html lang>", false)->order, NumericOrder::DayFirst);
    EXPECT_EQ(languageRegionClue("fr-CA", "<html lang>", false)->order, NumericOrder::DayFirst);
    EXPECT_EQ(languageRegionClue("es-419", "<html lang>", false)->order, NumericOrder::DayFirst);
    EXPECT_EQ(languageRegionClue("zh-Hant-TW", "<html lang>", false)->order, NumericOrder::MonthFirst);
    EXPECT_EQ(languageRegionClue("en-PH", "<html lang>", false)->order, NumericOrder::MonthFirst);
    EXPECT_FALSE(languageRegionClue("en-CA", "<html lang>", false));
    EXPECT_FALSE(languageRegionClue("en", "<html lang>", false));
    EXPECT_EQ(languageRegionClue("en-US", "<html lang>", false)->kind, OrderEvidenceKind::DeclaredUsEnglish);
    EXPECT_EQ(languageRegionClue("en-US", "--lang", true)->kind, OrderEvidenceKind::LanguageRegion);

    Page page;
    page.line("04/03/2025");
    page.hints.declaredLang = "en-GB";
    page.hints.langWhere = "<html lang>";
    EXPECT_EQ(page.decide().order, NumericOrder::DayFirst);
    EXPECT_EQ(page.decide().kind, OrderEvidenceKind::LanguageRegion);
}

TEST(NumericDateOrder, ThePublicationsName) {
    using galley::importing::publicationNameClue;
    EXPECT_EQ(publicationNameClue("The Sydney Morning Herald", "x")->order, NumericOrder::DayFirst);
    EXPECT_EQ(publicationNameClue("The Irish Times", "x")->order, NumericOrder::DayFirst);
    EXPECT_EQ(publicationNameClue("NEW YORK POST", "x")->order, NumericOrder::MonthFirst);
    EXPECT_EQ(publicationNameClue("U.S. News", "x")->order, NumericOrder::MonthFirst);
    EXPECT_FALSE(publicationNameClue("Join us", "x"));
    EXPECT_FALSE(publicationNameClue("Riverton Post", "x"));
}

TEST(NumericDateOrder, TheSpellingInEnglishOnly) {
    Page british;
    british.line("04/03/2025").line("The centre organised a colourful parade for the neighbourhood.");
    galley::OrderDecision d = british.decide();
    EXPECT_EQ(d.order, NumericOrder::DayFirst);
    EXPECT_EQ(d.kind, OrderEvidenceKind::Spelling);
    EXPECT_NE(d.because.find("British"), std::string::npos);

    Page american;
    american.line("04/03/2025").line("The center organized a colorful parade for the neighborhood.");
    EXPECT_EQ(american.decide().kind, OrderEvidenceKind::Spelling);
    EXPECT_EQ(american.decide().order, NumericOrder::MonthFirst);

    // One word, or a close count, is not enough.
    Page one;
    one.line("04/03/2025").line("The colour of the sky.");
    EXPECT_EQ(one.decide().kind, OrderEvidenceKind::LanguageConvention);
    Page mixed;
    mixed.line("04/03/2025").line("colour, centre, color, center.");
    EXPECT_EQ(mixed.decide().kind, OrderEvidenceKind::LanguageConvention);

    // Not English: the words are not counted (and the language's convention decides).
    Page german;
    german.line("04/03/2025").line("colour centre organise");
    german.hints.language = "de";
    EXPECT_EQ(german.decide().kind, OrderEvidenceKind::LanguageConvention);
    EXPECT_EQ(german.decide().order, NumericOrder::DayFirst);
}

TEST(NumericDateOrder, TheLanguageConventionIsTheDefault) {
    Page english;
    english.line("04/03/2025");
    english.hints.language = "en-US";
    EXPECT_EQ(english.decide().order, NumericOrder::MonthFirst);
    EXPECT_EQ(english.read(), "2025-04-03");
    Page french;
    french.line("04/03/2025");
    french.hints.language = "fr";
    EXPECT_EQ(french.read(), "2025-03-04");
    Page japanese;
    japanese.line("04/03/2025");
    japanese.hints.language = "ja";
    EXPECT_EQ(japanese.decide().order, NumericOrder::MonthFirst);

    // A dotted date is day-first wherever it is written; only the date itself or other dotted dates turn it.
    Page dotted;
    dotted.line("04.03.2025");
    dotted.hints.url = "https://www.nps.gov";
    EXPECT_EQ(dotted.read("04.03.2025"), "2025-03-04");
    dotted.line("Updated 03.25.2025");
    EXPECT_EQ(dotted.read("04.03.2025"), "2025-04-03");
}

TEST(NumericDateOrder, TheStrongerKindDecidesAndTheWeakerIsNamed) {
    // The domain (.co.uk) over the spelling (American: wire copy).
    Page wire;
    wire.line("04/03/2025").line("The center organized a colorful parade.");
    wire.hints.url = "https://www.example.co.uk/";
    wire.hints.urlWhere = "<link rel=canonical>";
    galley::OrderDecision d = wire.decide();
    EXPECT_EQ(d.order, NumericOrder::DayFirst);
    EXPECT_EQ(d.kind, OrderEvidenceKind::Domain);
    ASSERT_EQ(d.against.size(), 1u);
    EXPECT_NE(d.against[0].find("American"), std::string::npos);
    std::string explained = galley::explainDecision(*galley::findDateTime("04/03/2025")->eitherWay, d);
    EXPECT_NE(explained.find("; this outweighs: the spelling is American"), std::string::npos) << explained;

    // British spelling over a page's own en-US (a publishing system's default), but not over the user's --lang.
    Page wordpress;
    wordpress.line("04/03/2025").line("The centre organised a colourful parade.");
    wordpress.hints.declaredLang = "en-US";
    wordpress.hints.langWhere = "<html lang>";
    EXPECT_EQ(wordpress.decide().order, NumericOrder::DayFirst);
    wordpress.hints.langWhere = "--lang";
    wordpress.hints.langByUser = true;
    EXPECT_EQ(wordpress.decide().order, NumericOrder::MonthFirst);
    EXPECT_EQ(wordpress.decide().kind, OrderEvidenceKind::LanguageRegion);

    // Numeric evidence over words in the other order.
    Page dates;
    dates.line("04/03/2025").line("Posted 25/03/2025").line("Meeting on February 12, 2025 and February 19, 2025.");
    EXPECT_EQ(dates.decide().order, NumericOrder::DayFirst);
    EXPECT_EQ(dates.decide().kind, OrderEvidenceKind::NumericElsewhere);
    EXPECT_EQ(dates.decide().against.size(), 1u);

    // The page's words over its domain.
    Page words;
    words.line("04/03/2025").line("On 12 February 2025 the council met.");
    words.hints.url = "https://www.example.gov";
    EXPECT_EQ(words.decide().order, NumericOrder::DayFirst);
}

TEST(NumericDateOrder, SpellingTallyCountsInflections) {
    galley::importing::SpellingTally t;
    galley::importing::tallySpellings("Colours, coloured; organising, analysed. Travelled!", "line 1", t);
    EXPECT_EQ(t.british, 5);
    EXPECT_EQ(t.american, 0);
    galley::importing::tallySpellings("colour2 xcolor program license", "line 2", t);  // glued, or no evidence
    EXPECT_EQ(t.british, 5);
    EXPECT_EQ(t.american, 0);
}
