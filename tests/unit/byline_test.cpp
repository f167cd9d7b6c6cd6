// The byline in the article's language: its words and its date's form (byline.h).
#include "byline.h"

#include <gtest/gtest.h>

using namespace galley;

namespace {

Article articleIn(const char* lang) {
    Article a;
    a.lang = lang;
    a.authors = {{"A. Ruiz", "", ""}, {"B. Chen", "", ""}, {"C. Okafor", "", ""}};
    a.source.name = "The Times";
    a.published = "2017-11-05T03:11";
    return a;
}

}  // namespace

TEST(Byline, WordsAndDateInTheArticlesLanguage) {
    EXPECT_EQ(bylineText(articleIn("en-US")), "By A. Ruiz, B. Chen and C. Okafor  \u00B7  The Times  \u00B7  November 5, 2017");
    EXPECT_EQ(bylineText(articleIn("de-CH")), "Von A. Ruiz, B. Chen und C. Okafor  \u00B7  The Times  \u00B7  5. November 2017");
    EXPECT_EQ(bylineText(articleIn("fr")), "Par A. Ruiz, B. Chen et C. Okafor  \u00B7  The Times  \u00B7  5 novembre 2017");
    EXPECT_EQ(bylineText(articleIn("ru")), "A. Ruiz, B. Chen и C. Okafor  \u00B7  The Times  \u00B7  5 ноября 2017 г.");
    EXPECT_EQ(bylineText(articleIn("pt-BR")), "Por A. Ruiz, B. Chen e C. Okafor  \u00B7  The Times  \u00B7  5 de novembro de 2017");
    EXPECT_EQ(bylineText(articleIn("VI")), "A. Ruiz, B. Chen và C. Okafor  \u00B7  The Times  \u00B7  ngày 5 tháng 11 năm 2017");
    EXPECT_EQ(bylineText(articleIn("no")), "Av A. Ruiz, B. Chen og C. Okafor  \u00B7  The Times  \u00B7  5. november 2017");
    EXPECT_EQ(bylineText(articleIn("hu")), "A. Ruiz, B. Chen és C. Okafor  \u00B7  The Times  \u00B7  2017. november 5.");
    // A language the table lacks: English.
    EXPECT_EQ(bylineText(articleIn("sw")), "By A. Ruiz, B. Chen and C. Okafor  \u00B7  The Times  \u00B7  November 5, 2017");
}

TEST(Byline, DatesThatNameNoDayPrintAsTheyAre) {
    EXPECT_EQ(formatDate("2017-11-15", "en"), "November 15, 2017");
    EXPECT_EQ(formatDate("2017-13-01", "en"), "2017-13-01");
    EXPECT_EQ(formatDate("2017", "de"), "2017");
    Article a;
    a.lang = "en";
    EXPECT_EQ(bylineText(a), "");
}

// Scripts beyond Latin, Greek and Cyrillic: their own conjunctions and list commas, Persian digits, the Thai
// (Buddhist era) year, and the year-month-day dates of Chinese, Japanese and Korean.
TEST(Byline, WordsAndDatesOfOtherScripts) {
    EXPECT_EQ(formatDate("2017-11-15", "ar"), "15 نوفمبر 2017");
    EXPECT_EQ(formatDate("2017-11-15", "fa-IR"), "۱۵ نوامبر ۲۰۱۷");
    EXPECT_EQ(formatDate("2017-11-15", "he"), "15 בנובמבר 2017");
    EXPECT_EQ(formatDate("2017-11-15", "th"), "15 พฤศจิกายน 2560");
    EXPECT_EQ(formatDate("2017-11-05", "zh-Hant"), "2017年11月5日");
    EXPECT_EQ(formatDate("2017-11-05", "ko"), "2017년 11월 5일");
    Article a;
    a.lang = "ja";
    a.authors = {{"山田太郎", "", ""}, {"佐藤花子", "", ""}, {"李明", "", ""}};
    EXPECT_EQ(bylineText(a), "山田太郎、佐藤花子、李明");
    a.lang = "he";
    a.authors = {{"נועה לוי", "", ""}, {"יונתן כהן", "", ""}};
    EXPECT_EQ(bylineText(a), "מאת נועה לוי ויונתן כהן");
}

TEST(Byline, ThePrintedLinksHeadingInTheArticlesLanguage) {
    EXPECT_STREQ(linksHeading("en-GB"), "Links");
    EXPECT_STREQ(linksHeading("fr-CA"), "Liens");
    EXPECT_STREQ(linksHeading("RU"), "Ссылки");
    EXPECT_STREQ(linksHeading("nn"), "Lenker");   // Norwegian, either written form
    EXPECT_STREQ(linksHeading("ja"), "リンク");
    EXPECT_STREQ(linksHeading("sw"), "Links");    // a language the table lacks: English
}
