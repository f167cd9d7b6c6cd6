// hyphenator_test.cpp — tests for Hyphenator (hyphenator.cpp): .dic parsing, known English hyphenations from
// hyph_en_US.dic, minimums, digits, case, code point offsets, many words at once (how fast: `galley bench hyphenation`
// prints it; no test times it).
//
// The dictionary is read from GALLEY_HYPHEN_DIC if defined, else Debian's /usr/share/hyphen/hyph_en_US.dic
// (package hyphen-en-us); tests that need it are skipped when it is absent. Parsing tests use small inline files.
#include "hyphenator.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <optional>
#include <random>
#include <string>
#include <vector>

#ifndef GALLEY_HYPHEN_DIC
#define GALLEY_HYPHEN_DIC "/usr/share/hyphen/hyph_en_US.dic"
#endif

namespace galley {
namespace {

std::vector<uint32_t> breaksOf(const Hyphenator& h, const std::string& word) {
    std::vector<uint32_t> breaks;
    h.hyphenate(word, breaks);
    return breaks;
}

// "hyphenation" with breaks {2, 6} -> "hy-phen-ation". ASCII words only.
std::string marked(const Hyphenator& h, const std::string& word) {
    const std::vector<uint32_t> breaks = breaksOf(h, word);
    std::string out;
    size_t next = 0;
    for (size_t i = 0; i < word.size(); ++i) {
        if (next < breaks.size() && breaks[next] == i) {
            out += '-';
            ++next;
        }
        out += word[i];
    }
    return out;
}

Hyphenator fromText(const std::string& text) {
    std::string error;
    std::optional<Hyphenator> h = Hyphenator::fromDic(text, &error);
    EXPECT_TRUE(h.has_value()) << error;
    return h ? *h : *Hyphenator::fromDic("UTF-8\nzz1z\n");
}

class EnglishHyphenation : public testing::Test {
protected:
    static void SetUpTestSuite() {
        std::ifstream file(GALLEY_HYPHEN_DIC, std::ios::binary);
        if (!file) return;
        const std::string text((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
        const auto start = std::chrono::steady_clock::now();
        english = Hyphenator::fromDic(text, &loadError);
        loadMilliseconds = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    }
    static void TearDownTestSuite() { english.reset(); }

    void SetUp() override {
        if (!english && loadError.empty()) GTEST_SKIP() << "no " << GALLEY_HYPHEN_DIC << " (install hyphen-en-us)";
        ASSERT_TRUE(english.has_value()) << loadError;
    }

    static std::optional<Hyphenator> english;
    static std::string loadError;
    static double loadMilliseconds;
};
std::optional<Hyphenator> EnglishHyphenation::english;
std::string EnglishHyphenation::loadError;
double EnglishHyphenation::loadMilliseconds = 0;

// Pseudo-words from English-like syllables, deterministic.
std::vector<std::string> syllableWords(size_t count, unsigned seed) {
    static const char* const syllables[] = {"con", "ter", "ing", "tion", "pre", "ab", "sta", "ment", "ly",  "ex",
                                            "pro", "ble", "hy",  "phen", "ate", "al", "go",  "rithm", "er", "ous",
                                            "com", "pu",  "ta",  "ni",   "qu",  "ph", "sch", "str",   "i",  "o"};
    std::mt19937 rng(seed);
    std::vector<std::string> words;
    for (size_t i = 0; i < count; ++i) {
        std::string w;
        const int parts = 1 + static_cast<int>(rng() % 5);
        for (int k = 0; k < parts; ++k) w += syllables[rng() % (sizeof syllables / sizeof *syllables)];
        words.push_back(w);
    }
    return words;
}

// --- parsing ------------------------------------------------------------------------------------------------------

TEST(HyphenatorParsing, ReadsMinimumsAndPatterns) {
    const Hyphenator h = fromText("UTF-8\nLEFTHYPHENMIN 1\nRIGHTHYPHENMIN 2\nb1c\n");
    EXPECT_EQ(h.leftMin(), 1u);
    EXPECT_EQ(h.rightMin(), 2u);
    EXPECT_EQ(h.patternCount(), 1u);
    EXPECT_EQ(breaksOf(h, "abcd"), (std::vector<uint32_t>{2}));
}

TEST(HyphenatorParsing, DefaultsToTexMinimums) {
    const Hyphenator h = fromText("UTF-8\n1b\n");
    EXPECT_EQ(h.leftMin(), 2u);
    EXPECT_EQ(h.rightMin(), 3u);
    // "abababab": a break before every b, kept only from offset 2 to length - 3.
    EXPECT_EQ(breaksOf(h, "abababab"), (std::vector<uint32_t>{3, 5}));
}

TEST(HyphenatorParsing, SkipsKeywordsCommentsAndReplacements) {
    const std::string text =
        "\xEF\xBB\xBFUTF-8\r\n"
        "LEFTHYPHENMIN 1\r\n"
        "RIGHTHYPHENMIN 1\r\n"
        "NOHYPHEN -\r\n"
        "% a comment 1x\r\n"
        "# another 1y\r\n"
        "\r\n"
        "a1b\r\n"
        "c1/k=k,1,1\r\n"      // libhyphen's non-standard replacement rule
        "  d1e  \r\n";
    const Hyphenator h = fromText(text);
    EXPECT_EQ(h.patternCount(), 2u);
    EXPECT_EQ(breaksOf(h, "ab"), (std::vector<uint32_t>{1}));
    EXPECT_EQ(breaksOf(h, "de"), (std::vector<uint32_t>{1}));
    EXPECT_TRUE(breaksOf(h, "ck").empty());
    EXPECT_TRUE(breaksOf(h, "xy").empty());
}

// Two levels, as libhyphen reads NEXTLEVEL: the first finds where a compound's parts meet (within the compound
// minimums), the second hyphenates each part (within the word's minimums at its ends, the compound ones inside).
TEST(HyphenatorParsing, TwoLevelsFindPartsThenHyphenateEach) {
    const Hyphenator h = fromText("UTF-8\nLEFTHYPHENMIN 2\nRIGHTHYPHENMIN 2\nCOMPOUNDLEFTHYPHENMIN 2\n"
                                  "COMPOUNDRIGHTHYPHENMIN 2\nhaus1tür\nNEXTLEVEL\n1t\nu1s\n");
    EXPECT_EQ(breaksOf(h, "haustür"), (std::vector<uint32_t>{4}));        // haus-tür: "u1s" and "1t" stay within mins
    EXPECT_EQ(breaksOf(h, "haustürtaste"), (std::vector<uint32_t>{4, 7, 10}));  // the joint; tür-tas-te by the second
    // A first level of settings alone gives way to the second (French files): its minimums hold.
    const Hyphenator fr = fromText("UTF-8\nLEFTHYPHENMIN 1\nRIGHTHYPHENMIN 1\nNEXTLEVEL\na1b\n");
    EXPECT_EQ(fr.leftMin(), 1u);
    EXPECT_EQ(breaksOf(fr, "ab"), (std::vector<uint32_t>{1}));
}

TEST(HyphenatorParsing, HigherScoreWinsAndEvenScoresForbid) {
    // "1ba" allows a break before b, "b2" would not touch it, "a2b" forbids it.
    Hyphenator allow = fromText("UTF-8\nLEFTHYPHENMIN 1\nRIGHTHYPHENMIN 1\n1ba\n");
    EXPECT_EQ(breaksOf(allow, "aba"), (std::vector<uint32_t>{1}));
    Hyphenator forbid = fromText("UTF-8\nLEFTHYPHENMIN 1\nRIGHTHYPHENMIN 1\n1ba\na2b\n");
    EXPECT_TRUE(breaksOf(forbid, "aba").empty());
    Hyphenator again = fromText("UTF-8\nLEFTHYPHENMIN 1\nRIGHTHYPHENMIN 1\n1ba\na2b\n.a3b\n");
    EXPECT_EQ(breaksOf(again, "aba"), (std::vector<uint32_t>{1}));  // 3 beats 2, at the word start only
    EXPECT_TRUE(breaksOf(again, "caba").empty());
}

// Debian's pattern files are UTF-8, ISO 8859-1/2/5/7 or KOI8-R (charsets.h); others are refused, saying which.
TEST(HyphenatorParsing, ReadsTheLegacyCharsetsAndRefusesOthers) {
    const Hyphenator latin1 = fromText("ISO8859-1\nLEFTHYPHENMIN 1\nRIGHTHYPHENMIN 1\n\xE4" "1b\n");  // ä1b
    EXPECT_EQ(breaksOf(latin1, "\xC3\xA4" "b"), (std::vector<uint32_t>{1}));
    const Hyphenator koi8 = fromText("KOI8-R\nLEFTHYPHENMIN 1\nRIGHTHYPHENMIN 1\n\xC1" "1\xC2\n");  // а1б
    EXPECT_EQ(breaksOf(koi8, "\xD0\xB0\xD0\xB1"), (std::vector<uint32_t>{1}));
    const Hyphenator greek = fromText("ISO8859-7\nLEFTHYPHENMIN 1\nRIGHTHYPHENMIN 1\n\xE1" "1\xE2\n");  // α1β
    EXPECT_EQ(breaksOf(greek, "\xCE\xB1\xCE\xB2"), (std::vector<uint32_t>{1}));
    std::string error;
    EXPECT_FALSE(Hyphenator::fromDic("Shift_JIS\na1b\n", &error).has_value());
    EXPECT_NE(error.find("Shift_JIS"), std::string::npos);
    error.clear();
    EXPECT_FALSE(Hyphenator::fromDic("", &error).has_value());
    EXPECT_FALSE(error.empty());
    EXPECT_FALSE(Hyphenator::fromDic("UTF-8\nLEFTHYPHENMIN 2\n", &error).has_value());
    EXPECT_FALSE(Hyphenator::fromDic("UTF-8\nNEXTLEVEL\n", &error).has_value());
    EXPECT_FALSE(Hyphenator::fromDic("UTF-8\n", nullptr).has_value());  // no error sink: still no crash
}

// --- offsets, case, digits ----------------------------------------------------------------------------------------

TEST(HyphenatorWords, OffsetsCountCodePointsNotBytes) {
    const Hyphenator h = fromText("UTF-8\nLEFTHYPHENMIN 1\nRIGHTHYPHENMIN 1\nï1v\n");
    EXPECT_EQ(breaksOf(h, "naïve"), (std::vector<uint32_t>{3}));  // n a ï | v e: byte offset would be 4
}

TEST(HyphenatorWords, LowercasesLatin1AndLatinExtendedA) {
    const Hyphenator h = fromText("UTF-8\nLEFTHYPHENMIN 1\nRIGHTHYPHENMIN 1\nł1ó\né1l\nı1k\n");
    EXPECT_EQ(breaksOf(h, "łódź"), (std::vector<uint32_t>{1}));
    EXPECT_EQ(breaksOf(h, "ŁÓDŹ"), (std::vector<uint32_t>{1}));  // U+0141 -> U+0142, U+00D3 -> U+00F3
    EXPECT_EQ(breaksOf(h, "ÉLAN"), (std::vector<uint32_t>{1}));
    EXPECT_EQ(breaksOf(h, "Élan"), (std::vector<uint32_t>{1}));
    EXPECT_TRUE(breaksOf(h, "IKI").empty());  // dotless ı is its own letter; I lowercases to i
}

TEST(HyphenatorWords, TypographicApostropheMatchesPatterns) {
    const Hyphenator h = fromText("UTF-8\nLEFTHYPHENMIN 1\nRIGHTHYPHENMIN 1\nn1'\n");
    EXPECT_EQ(breaksOf(h, "don't"), (std::vector<uint32_t>{3}));
    EXPECT_EQ(breaksOf(h, "don\u2019t"), (std::vector<uint32_t>{3}));
}

TEST(HyphenatorWords, ToleratesMalformedUtf8) {
    const Hyphenator h = fromText("UTF-8\nLEFTHYPHENMIN 1\nRIGHTHYPHENMIN 1\na1b\n");
    EXPECT_EQ(breaksOf(h, "ab\xFF" "ab"), (std::vector<uint32_t>{1, 4}));  // the stray byte counts as one code point
    EXPECT_EQ(breaksOf(h, "ab\xE2\x80"), (std::vector<uint32_t>{1}));       // truncated sequence at the end
}

TEST(HyphenatorWords, ADotInsideTheWordIsNotAWordEdge) {
    const Hyphenator h = fromText("UTF-8\nLEFTHYPHENMIN 1\nRIGHTHYPHENMIN 1\n.a1b\n");
    EXPECT_EQ(breaksOf(h, "ab"), (std::vector<uint32_t>{1}));
    EXPECT_TRUE(breaksOf(h, "x.ab").empty());
}

TEST(HyphenatorWords, ClearsThePreviousResult) {
    const Hyphenator h = fromText("UTF-8\nLEFTHYPHENMIN 1\nRIGHTHYPHENMIN 1\na1b\n");
    std::vector<uint32_t> breaks{99, 100};
    h.hyphenate("ab", breaks);
    EXPECT_EQ(breaks, (std::vector<uint32_t>{1}));
    h.hyphenate("a1b", breaks);
    EXPECT_TRUE(breaks.empty());
}

// --- English ------------------------------------------------------------------------------------------------------

TEST_F(EnglishHyphenation, LoadsTheDebianFile) {
    EXPECT_GT(english->patternCount(), 4000u);
    EXPECT_EQ(english->leftMin(), 2u);
    EXPECT_EQ(english->rightMin(), 3u);
    std::printf("[ info     ] loaded %zu patterns in %.1f ms\n", english->patternCount(), loadMilliseconds);
}

TEST_F(EnglishHyphenation, KnownWords) {
    // What hyph_en_US.dic gives. Where TeX's hyphen.tex (Liang's original US patterns) is known to agree the entry
    // says so; the hyphen package's patterns were extended later and differ on a few words.
    const struct { const char* word; const char* expected; } cases[] = {
        {"hyphenation", "hy-phen-ation"},  // TeX: hy-phen-ation (the TeXbook's own example)
        {"algorithm", "al-go-rithm"},      // TeX: al-go-rithm
        {"typesetting", "type-set-ting"},  // TeX: type-set-ting
        {"computer", "com-puter"},         // TeX: com-put-er; righthyphenmin 3 drops the last break
        {"present", "present"},            // noun pres-ent or verb pre-sent: the patterns leave it whole
        {"project", "project"},            // likewise (pro-ject / proj-ect); TeX's patterns give pro-ject
        {"associate", "as-so-ciate"},
        {"declaration", "dec-la-ra-tion"},
        {"mathematics", "math-e-mat-ics"}, // TeX: math-e-mat-ics
        {"paragraph", "para-graph"},
        {"typography", "ty-pog-ra-phy"},
        {"knowledge", "knowl-edge"},
        {"recognize", "rec-og-nize"},
        {"table", "ta-ble"},
        {"breaking", "break-ing"},
        {"information", "in-for-ma-tion"},
        {"programming", "pro-gram-ming"},
        {"university", "uni-ver-sity"},
        {"extraordinary", "ex-tra-or-di-nary"},
        {"justification", "jus-ti-fi-ca-tion"},
        {"encyclopedia", "en-cy-clo-pe-dia"},
        {"representation", "rep-re-sen-ta-tion"},
        {"nevertheless", "nev-er-the-less"},
        {"manuscripts", "manuscripts"},    // TeX: man-u-scripts; the extended patterns suppress it
        {"ragged", "ragged"},
    };
    for (const auto& c : cases) EXPECT_EQ(marked(*english, c.word), c.expected) << c.word;
}

TEST_F(EnglishHyphenation, UppercaseAndMixedCaseMatchLowercase) {
    EXPECT_EQ(marked(*english, "HYPHENATION"), "HY-PHEN-ATION");
    EXPECT_EQ(marked(*english, "Hyphenation"), "Hy-phen-ation");
    EXPECT_EQ(marked(*english, "hyPHENation"), "hy-PHEN-ation");
    for (const std::string& w : syllableWords(2000, 5)) {
        std::string upper = w;
        for (char& ch : upper) ch = static_cast<char>(ch - 'a' + 'A');
        EXPECT_EQ(breaksOf(*english, upper), breaksOf(*english, w)) << w;
    }
}

TEST_F(EnglishHyphenation, WordsWithDigitsAreNotHyphenated) {
    EXPECT_TRUE(breaksOf(*english, "hyphenation2").empty());
    EXPECT_TRUE(breaksOf(*english, "abc123def").empty());
    EXPECT_TRUE(breaksOf(*english, "1990s").empty());
    EXPECT_TRUE(breaksOf(*english, "typeset4ting").empty());
}

TEST_F(EnglishHyphenation, ShortAndOverlongWordsAreLeftWhole) {
    EXPECT_TRUE(breaksOf(*english, "").empty());
    EXPECT_TRUE(breaksOf(*english, "tabl").empty());  // fewer than leftMin + rightMin code points
    std::string huge;
    while (huge.size() <= Hyphenator::MaxWordLength) huge += "hyphenation";
    EXPECT_TRUE(breaksOf(*english, huge).empty());
}

TEST_F(EnglishHyphenation, MinimumsAreRespectedAndOverridable) {
    for (const std::string& w : syllableWords(5000, 11)) {
        const std::vector<uint32_t> breaks = breaksOf(*english, w);
        for (size_t i = 0; i < breaks.size(); ++i) {
            EXPECT_GE(breaks[i], 2u) << w;
            EXPECT_LE(breaks[i] + 3, w.size()) << w;
            if (i > 0) {
                EXPECT_GT(breaks[i], breaks[i - 1]) << w;
            }
        }
    }
    Hyphenator strict = *english;
    strict.setMinimums(3, 5);
    EXPECT_EQ(marked(strict, "hyphenation"), "hyphen-ation");
    EXPECT_EQ(marked(strict, "typesetting"), "type-setting");
    Hyphenator loose = *english;
    loose.setMinimums(1, 1);
    // Looser minimums only add breaks near the ends; inside they agree.
    for (const std::string& w : syllableWords(5000, 12)) {
        const std::vector<uint32_t> normal = breaksOf(*english, w);
        std::vector<uint32_t> inner;
        for (uint32_t b : breaksOf(loose, w))
            if (b >= 2 && b + 3 <= w.size()) inner.push_back(b);
        EXPECT_EQ(inner, normal) << w;
    }
}

TEST_F(EnglishHyphenation, ManyWordsBreakInsideThemAtAPlausibleRate) {
    // 100,000 pseudo-words of 1-5 syllables: every break past the minimums and in order, about one a word (these
    // patterns give 0.96), in about half of them. How fast: `galley bench hyphenation` prints it (never asserted).
    const std::vector<std::string> words = syllableWords(100000, 3);
    std::vector<uint32_t> breaks;
    size_t total = 0, hyphenated = 0, misplaced = 0;
    for (const std::string& w : words) {
        english->hyphenate(w, breaks);
        total += breaks.size();
        hyphenated += !breaks.empty();
        for (size_t i = 0; i < breaks.size(); ++i) {
            const bool inside = breaks[i] >= english->leftMin() && breaks[i] + english->rightMin() <= w.size() &&
                                (i == 0 || breaks[i] > breaks[i - 1]);
            if (!inside && ++misplaced <= 10) ADD_FAILURE() << "break " << breaks[i] << " of " << w;
        }
    }
    EXPECT_EQ(misplaced, 0u);
    EXPECT_GT(total, words.size() / 2) << "breaks";
    EXPECT_LT(total, words.size() * 3 / 2) << "breaks";
    EXPECT_GT(hyphenated, words.size() / 4) << "words with a break";
    EXPECT_LT(hyphenated, words.size() * 3 / 4) << "words with a break";
    std::printf("[ info     ] %zu words, %zu breaks, %zu words with one\n", words.size(), total, hyphenated);
}

}  // namespace
}  // namespace galley
