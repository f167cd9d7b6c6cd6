// line_breaks.h on cases whose answers are known by hand: English, mandatory breaks, a language's tailoring, UTF-8
// positions, and Thai sentences broken between their words with libthai's dictionary (libthai-data's thbrk.tri).
// All of Unicode's own cases: line_break_conformance_test.cpp.
#include "line_breaks.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace galley;

namespace {

// The text cut at every Allowed or Mandatory position (the last one, the text's end, gives no empty piece).
std::vector<std::string> pieces(const std::string& text, const std::vector<BreakOpportunity>& breaks) {
    std::vector<std::string> out;
    size_t start = 0;
    for (size_t b = 1; b <= text.size(); ++b) {
        if (breaks[b] != BreakOpportunity::None) {
            out.push_back(text.substr(start, b - start));
            start = b;
        }
    }
    return out;
}

const ThaiDictionary& thaiDictionary() {
    static std::unique_ptr<ThaiDictionary> dictionary = ThaiDictionary::open(GALLEY_THAI_DICTIONARY);
    if (!dictionary) ADD_FAILURE() << "cannot open " << GALLEY_THAI_DICTIONARY;
    return *dictionary;
}

}  // namespace

TEST(LineBreaks, EnglishBreaksAfterSpacesAndHyphens) {
    const std::string text = "A well-known fact, (really).";
    std::vector<BreakOpportunity> b = lineBreaks(text, "en", nullptr);
    ASSERT_EQ(b.size(), text.size() + 1);
    EXPECT_EQ(b[0], BreakOpportunity::None);
    EXPECT_EQ(b.back(), BreakOpportunity::Mandatory);
    std::vector<std::string> expected = {"A ", "well-", "known ", "fact, ", "(really)."};
    EXPECT_EQ(pieces(text, b), expected);
}

TEST(LineBreaks, MandatoryAfterLineFeedAndPositionsAreBytes) {
    // "é" is two bytes: no break between them; a break after the line feed is mandatory (LB5).
    const std::string text = "caf\u00E9\nna\u00EFve";
    std::vector<BreakOpportunity> b = lineBreaks(text, "", nullptr);
    const size_t newline = text.find('\n');
    EXPECT_EQ(b[newline + 1], BreakOpportunity::Mandatory);
    EXPECT_EQ(b[newline], BreakOpportunity::None);      // not before the line feed (LB6)
    EXPECT_EQ(b[newline - 1], BreakOpportunity::None);  // inside "é"
    for (size_t i = 1; i < text.size(); ++i) {
        if (i == newline + 1) continue;
        EXPECT_EQ(b[i], BreakOpportunity::None) << i;
    }
}

TEST(LineBreaks, LanguageTailorsQuotationMarksAndCjk) {
    // With no language U+201C is QU, and a break may follow the space after it (LB18); libunibreak's English makes
    // it an opening mark (OP), after which no break comes even across spaces (LB14).
    const std::string quoted = "say \u201C hi\u201D";
    const size_t afterSpace = quoted.find(" hi") + 1;
    EXPECT_EQ(lineBreaks(quoted, "", nullptr)[afterSpace], BreakOpportunity::Allowed);
    EXPECT_EQ(lineBreaks(quoted, "en-GB", nullptr)[afterSpace], BreakOpportunity::None);
    // Chinese: a break between Han characters, none before "。" (CL) or after "「" (OP).
    const std::string chinese = "\u4E2D\u6587\u3002\u300C\u5B57\u300D";
    std::vector<std::string> expected = {"\u4E2D", "\u6587\u3002", "\u300C\u5B57\u300D"};
    EXPECT_EQ(pieces(chinese, lineBreaks(chinese, "zh", nullptr)), expected);
}

TEST(LineBreaks, ThaiWithoutADictionaryHasNoBreaksInsideWords) {
    // ฉันรักภาษาไทย ("I love the Thai language"): one run of class SA, so UAX #14 alone gives no break inside.
    const std::string text = "\u0E09\u0E31\u0E19\u0E23\u0E31\u0E01\u0E20\u0E32\u0E29\u0E32\u0E44\u0E17\u0E22";
    std::vector<std::string> expected = {text};
    EXPECT_EQ(pieces(text, lineBreaks(text, "th", nullptr)), expected);
}

TEST(LineBreaks, ThaiBreaksBetweenWordsWithTheDictionary) {
    // ฉัน | รัก | ภาษา | ไทย: "I" "love" "language" "Thai".
    const std::string text = "\u0E09\u0E31\u0E19\u0E23\u0E31\u0E01\u0E20\u0E32\u0E29\u0E32\u0E44\u0E17\u0E22";
    std::vector<std::string> expected = {"\u0E09\u0E31\u0E19", "\u0E23\u0E31\u0E01", "\u0E20\u0E32\u0E29\u0E32",
                                         "\u0E44\u0E17\u0E22"};
    EXPECT_EQ(pieces(text, lineBreaks(text, "th", &thaiDictionary())), expected);
}

TEST(LineBreaks, ThaiSentenceWithSpacesDigitsAndLatin) {
    // "วันนี้อากาศดีมาก 30 องศา OK" ("the weather is very good today, 30 degrees, OK"): วัน | นี้ | อากาศ | ดี | มาก
    // ("day" "this" "weather" "good" "very": the dictionary has วัน and นี้, so "today" may break between them, as
    // between two words), the space kept with มาก, "30 ", องศา ("degrees") whole, and the Latin word.
    const std::string text =
        "\u0E27\u0E31\u0E19\u0E19\u0E35\u0E49\u0E2D\u0E32\u0E01\u0E32\u0E28\u0E14\u0E35\u0E21\u0E32\u0E01 30 "
        "\u0E2D\u0E07\u0E28\u0E32 OK";
    std::vector<std::string> expected = {"\u0E27\u0E31\u0E19", "\u0E19\u0E35\u0E49", "\u0E2D\u0E32\u0E01\u0E32\u0E28",
                                         "\u0E14\u0E35", "\u0E21\u0E32\u0E01 ", "30 ", "\u0E2D\u0E07\u0E28\u0E32 ",
                                         "OK"};
    EXPECT_EQ(pieces(text, lineBreaks(text, "th", &thaiDictionary())), expected);
}

TEST(LineBreaks, ThaiDictionaryWordBoundariesAreCodePointOffsets) {
    // ภาษาไทย: ภาษา | ไทย, a boundary after four code points.
    std::u32string thai = U"\u0E20\u0E32\u0E29\u0E32\u0E44\u0E17\u0E22";
    EXPECT_EQ(thaiDictionary().wordBoundaries(thai), std::vector<size_t>{4});
    EXPECT_TRUE(thaiDictionary().wordBoundaries(U"\u0E44").empty());
    EXPECT_EQ(ThaiDictionary::open("/nonexistent/thbrk.tri"), nullptr);
}
