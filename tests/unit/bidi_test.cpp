// bidi.h on sentences whose levels and order follow from UAX #9 by hand: English with an Arabic quotation holding a
// number, Arabic with a number, the auto direction, a line's trailing white space and isolates (L1), and the
// characters rule X9 removes. All of Unicode's own cases: bidi_conformance_test.cpp.
#include "bidi.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace galley;

namespace {

// The runs as "text@level" strings, left to right.
std::vector<std::string> describe(std::string_view text, const std::vector<BidiRun>& runs) {
    std::vector<std::string> out;
    for (const BidiRun& r : runs)
        out.push_back(std::string(text.substr(r.begin, r.end - r.begin)) + "@" + std::to_string(r.level));
    return out;
}

std::vector<std::string> wholeLine(std::string_view text, BidiDirection direction) {
    BidiParagraph p = resolveBidi(text, direction);
    return describe(text, visualRuns(text, p, 0, text.size()));
}

}  // namespace

TEST(Bidi, EnglishWithAnArabicQuotationAndANumber) {
    // "مرحبا" is AL; the digits after it become AN (W2), raised to 2 inside the Arabic (I2); the space between them
    // lies between two R-like types, so it is R (N1); the closing quote and the space after it lie between AN and L
    // and take the paragraph's direction (N2).
    const std::string text = "He said \"\u0645\u0631\u062D\u0628\u0627 123\" and left.";
    BidiParagraph p = resolveBidi(text, BidiDirection::LeftToRight);
    EXPECT_EQ(p.baseLevel(), 0);
    ASSERT_EQ(p.size(), text.size());
    const size_t arabic = text.find("\u0645"), digits = text.find("123");
    EXPECT_EQ(p.level(0), 0);
    EXPECT_EQ(p.level(arabic), 1);
    EXPECT_EQ(p.level(arabic + 1), 1);  // the second byte of U+0645
    EXPECT_EQ(p.level(digits - 1), 1);  // the space
    EXPECT_EQ(p.level(digits), 2);
    EXPECT_EQ(p.level(digits + 3), 0);  // the closing quote
    // L2: "123" is reversed at level 2 and again with the Arabic at level 1, so it reads left to right, left of it.
    std::vector<std::string> expected = {"He said \"@0", "123@2", "\u0645\u0631\u062D\u0628\u0627 @1",
                                         "\" and left.@0"};
    EXPECT_EQ(wholeLine(text, BidiDirection::LeftToRight), expected);
}

TEST(Bidi, ArabicWithANumberFindsItsDirection) {
    // "السعر 250 دولار": the first strong character is Arabic, so Auto gives a right-to-left paragraph (P2, P3).
    const std::string text = "\u0627\u0644\u0633\u0639\u0631 250 \u062F\u0648\u0644\u0627\u0631";
    BidiParagraph p = resolveBidi(text, BidiDirection::Auto);
    EXPECT_EQ(p.baseLevel(), 1);
    std::vector<std::string> expected = {" \u062F\u0648\u0644\u0627\u0631@1", "250@2",
                                         "\u0627\u0644\u0633\u0639\u0631 @1"};
    EXPECT_EQ(wholeLine(text, BidiDirection::Auto), expected);
    std::vector<BidiRun> runs = visualRuns(text, p, 0, text.size());
    EXPECT_TRUE(runs[0].rightToLeft());
    EXPECT_FALSE(runs[1].rightToLeft());
}

TEST(Bidi, AutoWithoutStrongCharactersIsLeftToRight) {
    EXPECT_EQ(resolveBidi("123 - 456", BidiDirection::Auto).baseLevel(), 0);
    EXPECT_EQ(resolveBidi("123 - 456", BidiDirection::RightToLeft).baseLevel(), 1);
    EXPECT_EQ(resolveBidi("", BidiDirection::RightToLeft).baseLevel(), 1);
    EXPECT_TRUE(visualRuns("", resolveBidi("", BidiDirection::Auto), 0, 0).empty());
}

TEST(Bidi, ALinesTrailingSpacesTakeTheParagraphLevel) {
    // Two lines of an English paragraph with Hebrew: "abc אבג " | "דהו def". The first line ends in a space that,
    // inside the paragraph, lies between two Hebrew letters (level 1); at the end of its line L1 gives it level 0.
    const std::string text = "abc \u05D0\u05D1\u05D2 \u05D3\u05D4\u05D5 def";
    BidiParagraph p = resolveBidi(text, BidiDirection::LeftToRight);
    const size_t secondLine = text.find("\u05D3");
    EXPECT_EQ(p.level(secondLine - 1), 1);
    std::vector<std::string> first = {"abc @0", "\u05D0\u05D1\u05D2@1", " @0"};
    EXPECT_EQ(describe(text, visualRuns(text, p, 0, secondLine)), first);
    std::vector<std::string> second = {"\u05D3\u05D4\u05D5@1", " def@0"};
    EXPECT_EQ(describe(text, visualRuns(text, p, secondLine, text.size())), second);
}

TEST(Bidi, ALinesTrailingIsolateControlTakesTheParagraphLevel) {
    // "ا LRI b PDI ب", left to right: LRI and PDI lie between Arabic letters (N1: level 1), b is at 2. A line that
    // ends after the PDI resets it to 0 (L1 item 4 names isolate controls), so it is drawn last, on the right; left
    // at 1 it would be reversed with the Arabic and come first.
    const std::string text = "\u0627 \u2066b\u2069 \u0628";
    BidiParagraph p = resolveBidi(text, BidiDirection::LeftToRight);
    const size_t pdi = text.find("\u2069");
    EXPECT_EQ(p.level(pdi), 1);
    std::vector<std::string> expected = {"b@2", "\u0627 \u2066@1", "\u2069@0"};
    EXPECT_EQ(describe(text, visualRuns(text, p, 0, pdi + 3)), expected);
}

TEST(Bidi, CharactersRemovedByX9BorrowTheLevelBeforeThem) {
    // RLE ... PDF embeds "abc" at level 1; the controls themselves and the ZWJ are removed by X9, isolates are not.
    const std::string text = "x\u202Babc\u202C y\u200Dz \u2067q\u2069";
    BidiParagraph p = resolveBidi(text, BidiDirection::LeftToRight);
    const size_t rle = text.find("\u202B"), pdf = text.find("\u202C"), zwj = text.find("\u200D"),
                 rli = text.find("\u2067");
    EXPECT_TRUE(p.removedByX9(rle));
    EXPECT_TRUE(p.removedByX9(rle + 2));
    EXPECT_EQ(p.level(rle), 0);        // the level of "x"
    EXPECT_EQ(p.level(rle + 3), 2);    // "a": L inside a right-to-left embedding (I2)
    EXPECT_TRUE(p.removedByX9(pdf));
    EXPECT_EQ(p.level(pdf), 2);        // the level of "c"
    EXPECT_TRUE(p.removedByX9(zwj));
    EXPECT_FALSE(p.removedByX9(rli));
    EXPECT_FALSE(p.removedByX9(0));
}
