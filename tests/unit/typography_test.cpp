// typography_test.cpp — quotes, dashes and ellipses, offsets of marks across the clean-up, and UTF-8 round trips.
#include "typography.h"

#include <gtest/gtest.h>

using galley::smartenPunctuation;

TEST(Typography, DoubleQuotes) {
    EXPECT_EQ(smartenPunctuation("He said \"hello\" to me."), "He said \u201Chello\u201D to me.");
    EXPECT_EQ(smartenPunctuation("\"Please help us.\""), "\u201CPlease help us.\u201D");
    EXPECT_EQ(smartenPunctuation("(\"quoted\")"), "(\u201Cquoted\u201D)");
    EXPECT_EQ(smartenPunctuation("\"Yes,\" he said, \"now.\""), "\u201CYes,\u201D he said, \u201Cnow.\u201D");
}

TEST(Typography, SingleQuotesAndApostrophes) {
    EXPECT_EQ(smartenPunctuation("China's can't don't"), "China\u2019s can\u2019t don\u2019t");
    EXPECT_EQ(smartenPunctuation("the Nations' report"), "the Nations\u2019 report");
    EXPECT_EQ(smartenPunctuation("she said 'no' twice"), "she said \u2018no\u2019 twice");
    EXPECT_EQ(smartenPunctuation("back in the '90s"), "back in the \u201990s");
    EXPECT_EQ(smartenPunctuation("'Tis the season"), "\u2019Tis the season");
    EXPECT_EQ(smartenPunctuation("\"'Hi,' she said\""), "\u201C\u2018Hi,\u2019 she said\u201D");
}

TEST(Typography, DashesAndEllipsis) {
    EXPECT_EQ(smartenPunctuation("Watch - it is a jump"), "Watch \u2013 it is a jump");
    EXPECT_EQ(smartenPunctuation("wait--what"), "wait\u2014what");
    EXPECT_EQ(smartenPunctuation("wait---what"), "wait\u2014what");
    EXPECT_EQ(smartenPunctuation("pages 10--12"), "pages 10\u201312");
    EXPECT_EQ(smartenPunctuation("and then..."), "and then\u2026");
    EXPECT_EQ(smartenPunctuation("--\"Quote\""), "\u2014\u201CQuote\u201D");
}

TEST(Typography, NeverChangesWords) {
    const char* unchanged[] = {"north-east China", "four-year-old son", "-5 degrees", "a ----- rule", "x-ray",
                               "e.g. this", "10 - 5"};
    for (const char* s : unchanged) {
        std::string out = smartenPunctuation(s);
        if (std::string(s) == "10 - 5")
            EXPECT_EQ(out, "10 \u2013 5");
        else
            EXPECT_EQ(out, s) << s;
    }
}

TEST(Typography, LeavesUrlsAlone) {
    EXPECT_EQ(smartenPunctuation("see https://example.com/a--b...c 'here'"),
              "see https://example.com/a--b...c \u2018here\u2019");
    EXPECT_EQ(smartenPunctuation("mail jo--e@example.com"), "mail jo--e@example.com");
}

TEST(Typography, KeepsMarksOnTheSameCharacters) {
    // "Wait... *really*--yes" with emphasis on "really".
    galley::RichText rt;
    rt.text = "Wait... really--yes";
    galley::Mark em;
    em.kind = galley::MarkKind::Emphasis;
    em.start = 8;
    em.end = 14;
    rt.marks.push_back(em);
    galley::Mark strong;
    strong.kind = galley::MarkKind::Strong;
    strong.start = 16;
    strong.end = 19;
    rt.marks.push_back(strong);
    smartenPunctuation(rt);
    EXPECT_EQ(rt.text, "Wait\u2026 really\u2014yes");
    ASSERT_EQ(rt.marks.size(), 2u);
    std::u32string cps = galley::decodeUtf8(rt.text);
    EXPECT_EQ(cps.substr(rt.marks[0].start, rt.marks[0].end - rt.marks[0].start), U"really");
    EXPECT_EQ(cps.substr(rt.marks[1].start, rt.marks[1].end - rt.marks[1].start), U"yes");
}

TEST(Typography, Utf8RoundTripAndInvalidBytes) {
    std::string s = "caf\u00E9 \u2014 \U0001F600";
    EXPECT_EQ(galley::encodeUtf8(galley::decodeUtf8(s)), s);
    EXPECT_EQ(galley::countCodePoints(s), 8u);
    std::u32string bad = galley::decodeUtf8(std::string("a\xC3(b\xFF", 5));
    EXPECT_EQ(bad, std::u32string(U"a\uFFFD(b\uFFFD"));
}

// Quotation marks in the article's language (quoteStyleFor); straight quotes only, apostrophes stay ’.
TEST(Typography, QuotesInTheArticlesLanguage) {
    using galley::quoteStyleFor;
    const auto in = [](const char* lang, const char* text) { return smartenPunctuation(text, quoteStyleFor(lang)); };
    EXPECT_EQ(in("de-DE", "Er sagte \"Hallo\" und 'bis bald'."), "Er sagte \u201EHallo\u201C und \u201Abis bald\u2018.");
    EXPECT_EQ(in("de-CH", "Er sagte \"Hallo\"."), "Er sagte \u00ABHallo\u00BB.");
    EXPECT_EQ(in("ru", "Он сказал \"привет\" и 'пока'."), "Он сказал \u00ABпривет\u00BB и \u201Eпока\u201C.");
    EXPECT_EQ(in("pl", "Powiedział \"cześć\"."), "Powiedział \u201Ecześć\u201D.");
    EXPECT_EQ(in("ja", "彼は\"こんにちは\"と言った。"), "彼は\u300Cこんにちは\u300Dと言った。");
    EXPECT_EQ(in("pt-BR", "Ele disse \"oi\"."), "Ele disse \u201Coi\u201D.");
    EXPECT_EQ(in("pt-PT", "Ele disse \"olá\"."), "Ele disse \u00ABolá\u00BB.");
    EXPECT_EQ(in("sv", "Han sa \"hej\"."), "Han sa \u201Dhej\u201D.");
    // An apostrophe inside an inner quotation is still one; the quotation closes where no letter follows.
    EXPECT_EQ(in("de", "Sie rief 'Geht's?' laut."), "Sie rief \u201AGeht\u2019s?\u2018 laut.");
    // Languages the table lacks, and English: English quotes.
    EXPECT_EQ(in("sw", "\"Habari\""), "\u201CHabari\u201D");
}

// French: guillemets with narrow no-break spaces inside, and one before ; : ! ? (a space there becomes narrow), but
// not in a time or a URL; Swiss French sets no such spaces.
TEST(Typography, FrenchSpacing) {
    const auto fr = [](const char* text) { return smartenPunctuation(text, galley::quoteStyleFor("fr-FR")); };
    EXPECT_EQ(fr("Il a dit \"bonjour\" ! Vraiment?"), "Il a dit \u00AB\u202Fbonjour\u202F\u00BB\u202F! Vraiment\u202F?");
    EXPECT_EQ(fr("\" Oui \", dit-il : à 12:30; voir https://example.org/a?b=c:d"),
              "\u00AB\u202FOui\u202F\u00BB, dit-il\u202F: à 12:30\u202F; voir https://example.org/a?b=c:d");
    EXPECT_EQ(smartenPunctuation("\"Oui\" !", galley::quoteStyleFor("fr-CH")), "\u00ABOui\u00BB !");
    // Marks stay on their characters when spaces go in.
    galley::RichText t;
    t.text = "Il dit \"oui\" !";
    t.marks = {{galley::MarkKind::Emphasis, 8, 11, "", ""}};  // oui
    smartenPunctuation(t, galley::quoteStyleFor("fr"));
    const std::u32string cps = galley::decodeUtf8(t.text);
    ASSERT_EQ(t.marks.size(), 1u);
    EXPECT_EQ(galley::encodeUtf8(cps.substr(t.marks[0].start, t.marks[0].end - t.marks[0].start)), "oui");
}
