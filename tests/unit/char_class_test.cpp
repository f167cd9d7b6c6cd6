// One definition of letters, spaces and case for every stage (char_class.h).
#include "char_class.h"

#include <gtest/gtest.h>

using namespace galley;

TEST(CharClass, LettersOfTheScriptsGalleySets) {
    for (uint32_t c : {U'a', U'Z', U'é', U'ß', U'ł', U'ș', U'ɐ', U'Ω', U'λ', U'Ж', U'ї', U'ա', U'א', U'ب', U'क', U'ก',
                       U'ა', U'ạ', U'ἀ', U'か', U'カ', U'中', U'한'})
        EXPECT_TRUE(chars::isLetter(c)) << std::hex << c;
    for (uint32_t c : {U'1', U' ', U'.', U'×', U'÷', U'·', U'«', U'—', U'’', U'€', U'°', U'\u0387', U'\u037E', U'।',
                       U'・', U'\uFFFD', U'\U0001F600'})
        EXPECT_FALSE(chars::isLetter(c)) << std::hex << c;
    EXPECT_TRUE(chars::isLetterOrDigit(U'7'));
    for (uint32_t c : {U'か', U'カ', U'中', U'\U00020000'}) EXPECT_TRUE(chars::isHanOrKana(c) && chars::isLetter(c)) << std::hex << c;
    for (uint32_t c : {U'a', U'한', U'ก', U'・', U'。'}) EXPECT_FALSE(chars::isHanOrKana(c)) << std::hex << c;
    EXPECT_FALSE(chars::isLetter(U'7'));
}

TEST(CharClass, SimpleLowercaseOfLatinGreekCyrillic) {
    EXPECT_EQ(chars::toLower(U'A'), U'a');
    EXPECT_EQ(chars::toLower(U'É'), U'é');
    EXPECT_EQ(chars::toLower(U'×'), U'×');
    EXPECT_EQ(chars::toLower(U'Ł'), U'ł');
    EXPECT_EQ(chars::toLower(U'Ź'), U'ź');
    EXPECT_EQ(chars::toLower(U'İ'), U'i');
    EXPECT_EQ(chars::toLower(U'Ÿ'), U'ÿ');
    EXPECT_EQ(chars::toLower(U'Ω'), U'ω');
    EXPECT_EQ(chars::toLower(U'Ά'), U'ά');
    EXPECT_EQ(chars::toLower(U'Ώ'), U'ώ');
    EXPECT_EQ(chars::toLower(U'Ж'), U'ж');
    EXPECT_EQ(chars::toLower(U'Ї'), U'ї');
    EXPECT_EQ(chars::toLower(U'Ґ'), U'ґ');
    EXPECT_EQ(chars::toLower(U'Ӂ'), U'ӂ');
    EXPECT_EQ(chars::toLower(U'ж'), U'ж');
    EXPECT_TRUE(chars::isUpper(U'Σ'));
    EXPECT_FALSE(chars::isUpper(U'σ'));
    EXPECT_FALSE(chars::isUpper(U'中'));
}

TEST(CharClass, SpacesSeparateWordsButZeroWidthSpaceDoesNot) {
    for (uint32_t c : {U' ', U'\t', U'\n', U'\u00A0', U'\u2009', U'\u202F', U'\u3000'}) EXPECT_TRUE(chars::isSpace(c));
    for (uint32_t c : {U'\u200B', U'a', U'-'}) EXPECT_FALSE(chars::isSpace(c));
}
