// hyphenator_binary_test.cpp — tests for the compiled pattern form (hyphenator_binary.cpp): for Debian's files of
// several languages (one and two levels, UTF-8 and legacy charsets), the same hyphens from the compiled form as from
// the .dic on real words (every word of the sample and of the test articles in that language); writing what was
// read gives the same bytes; and a truncated, damaged or foreign file is refused with a message, never read out of
// bounds (the damage tests matter most under the asan preset).
#include "char_class.h"
#include "hyphenator.h"
#include "test_support.h"
#include "utf8.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

namespace galley {
namespace {

using test::readText;
using test::sourcePath;

// Every run of letters (and apostrophes inside words) in a file's text: a bundle's words, and some of its JSON keys.
std::set<std::string> wordsOf(const std::string& text) {
    std::set<std::string> words;
    std::string word;
    for (size_t i = 0; i < text.size();) {
        const size_t start = i;
        const uint32_t cp = utf8::next(text, i);
        if (chars::isLetter(cp) || chars::isCombiningMark(cp) || (!word.empty() && chars::isApostrophe(cp))) {
            word.append(text, start, i - start);
            continue;
        }
        if (!word.empty()) words.insert(word);
        word.clear();
    }
    if (!word.empty()) words.insert(word);
    return words;
}

struct LanguageCase {
    const char* file;                  // in GALLEY_HYPHEN_DIR
    std::vector<const char*> bundles;  // whose words are hyphenated both ways
    std::vector<const char*> words;    // and these
};

const std::vector<LanguageCase>& languageCases() {
    static const std::vector<LanguageCase> cases = {
        {"hyph_en_US.dic", {"assets/sample.json", "tests/data/scripts/en-mixed.json"}, {}},
        {"hyph_de_DE.dic", {"tests/data/scripts/de.json", "assets/sample.json"},   // two levels (NEXTLEVEL)
         {"Donaudampfschifffahrt", "Rindfleischetikettierungsüberwachungsaufgabenübertragungsgesetz", "Schiffahrt",
          "Bäckerei", "Straße"}},
        {"hyph_ru_RU.dic", {"tests/data/scripts/ru.json"}, {"достопримечательность", "электрификация"}},  // KOI8-R
        {"hyph_uk_UA.dic", {"tests/data/scripts/uk.json"}, {}},
        {"hyph_el_GR.dic", {"tests/data/scripts/el.json"}, {}},  // ISO 8859-7
        {"hyph_fr.dic", {"assets/sample.json"},                 // the second level alone
         {"anticonstitutionnellement", "développement", "hyphénation", "aujourd’hui", "particulièrement"}},
        {"hyph_hu_HU.dic", {"assets/sample.json"},              // the largest file shipped
         {"megszentségteleníthetetlenségeskedéseitekért", "legeslegmegengesztelhetetlenebbeknek", "egészségére",
          "elkelkáposztástalaníthatatlanságoskodásaitokért"}},
    };
    return cases;
}

std::optional<Hyphenator> fromDicFile(const std::string& name, std::string& error) {
    const std::string text = readText(std::string(GALLEY_HYPHEN_DIR) + "/" + name);
    if (text.empty()) {
        error = "cannot read " + name;
        return std::nullopt;
    }
    return Hyphenator::fromDic(text, &error);
}

TEST(CompiledPatterns, HyphenateAsTheirDicFileOnRealWords) {
    for (const LanguageCase& c : languageCases()) {
        std::string error;
        const std::optional<Hyphenator> dic = fromDicFile(c.file, error);
        ASSERT_TRUE(dic) << c.file << ": " << error;
        const std::optional<Hyphenator> bin = Hyphenator::fromCompiled(dic->compiled(), &error);
        ASSERT_TRUE(bin) << c.file << ": " << error;
        EXPECT_EQ(bin->patternCount(), dic->patternCount()) << c.file;
        EXPECT_EQ(bin->leftMin(), dic->leftMin()) << c.file;
        EXPECT_EQ(bin->rightMin(), dic->rightMin()) << c.file;

        std::set<std::string> words(c.words.begin(), c.words.end());
        for (const char* bundle : c.bundles) {
            const std::set<std::string> more = wordsOf(readText(sourcePath(bundle)));
            ASSERT_FALSE(more.empty()) << bundle;
            words.insert(more.begin(), more.end());
        }
        size_t hyphenated = 0;
        std::vector<uint32_t> fromDic, fromBin;
        for (const std::string& word : words) {
            dic->hyphenate(word, fromDic);
            bin->hyphenate(word, fromBin);
            EXPECT_EQ(fromBin, fromDic) << c.file << ": " << word;
            hyphenated += !fromDic.empty();
        }
        // Not a comparison of empty lists: most words of an article are long enough to take hyphens.
        EXPECT_GT(hyphenated, words.size() / 5) << c.file << ": " << hyphenated << " of " << words.size();
    }
}

TEST(CompiledPatterns, WritingWhatWasReadGivesTheSameBytes) {
    for (const LanguageCase& c : languageCases()) {
        std::string error;
        const std::optional<Hyphenator> dic = fromDicFile(c.file, error);
        ASSERT_TRUE(dic) << c.file << ": " << error;
        const std::string bytes = dic->compiled();
        const std::optional<Hyphenator> bin = Hyphenator::fromCompiled(bytes, &error);
        ASSERT_TRUE(bin) << c.file << ": " << error;
        EXPECT_TRUE(bin->compiled() == bytes) << c.file;
    }
}

TEST(CompiledPatterns, KeepTheMinimumsAndSecondLevelOfSmallFiles) {
    // Two levels: the first finds the compound's joint, the second hyphenates each part (hyphenator_test has the
    // .dic side of this).
    std::string error;
    const std::optional<Hyphenator> dic = Hyphenator::fromDic(
        "UTF-8\nLEFTHYPHENMIN 1\nRIGHTHYPHENMIN 1\nCOMPOUNDLEFTHYPHENMIN 2\nb1c\nNEXTLEVEL\na1a\nc1c\n", &error);
    ASSERT_TRUE(dic) << error;
    const std::optional<Hyphenator> bin = Hyphenator::fromCompiled(dic->compiled(), &error);
    ASSERT_TRUE(bin) << error;
    std::vector<uint32_t> a, b;
    for (const char* word : {"aabcc", "abc", "aaaabcccc", "bc"}) {
        dic->hyphenate(word, a);
        bin->hyphenate(word, b);
        EXPECT_EQ(b, a) << word;
    }
    dic->hyphenate("aabcc", a);
    EXPECT_FALSE(a.empty());
}

// A small real file's compiled form, for the damage tests (each tries every byte).
std::string smallCompiled() {
    const std::optional<Hyphenator> h = Hyphenator::fromDic(
        "UTF-8\nLEFTHYPHENMIN 2\nRIGHTHYPHENMIN 2\nCOMPOUNDLEFTHYPHENMIN 2\n.ab1c\nb1cd\n2bc\nä1ö\nNEXTLEVEL\n"
        "a1b\nx3y4z\n");
    EXPECT_TRUE(h);
    return h ? h->compiled() : std::string();
}

const char* const DamageWords[] = {"abcd", "äöäöäö", "xyzxyzabc", "abcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabc",
                                   "bcbcbcbcbc", "a", ""};

TEST(CompiledPatterns, RefuseEveryTruncation) {
    const std::string bytes = smallCompiled();
    ASSERT_FALSE(bytes.empty());
    for (size_t length = 0; length < bytes.size(); ++length) {
        std::string error;
        EXPECT_FALSE(Hyphenator::fromCompiled(std::string_view(bytes).substr(0, length), &error)) << length;
        EXPECT_NE(error.find("compiled hyphen patterns: "), std::string::npos) << length << ": " << error;
    }
    // And the large files, cut in their tables.
    std::string error;
    const std::optional<Hyphenator> english = fromDicFile("hyph_en_US.dic", error);
    ASSERT_TRUE(english) << error;
    const std::string large = english->compiled();
    EXPECT_FALSE(Hyphenator::fromCompiled(std::string_view(large).substr(0, 7), &error));
    EXPECT_NE(error.find("not a compiled pattern file"), std::string::npos) << error;
    for (size_t length : {size_t{30}, large.size() / 3, large.size() / 2, large.size() - 1}) {
        EXPECT_FALSE(Hyphenator::fromCompiled(std::string_view(large).substr(0, length), &error)) << length;
        EXPECT_NE(error.find("truncated"), std::string::npos) << length << ": " << error;
    }
}

TEST(CompiledPatterns, RefuseTrailingBytesOtherVersionsAndDicText) {
    const std::string bytes = smallCompiled();
    std::string error;
    EXPECT_FALSE(Hyphenator::fromCompiled(bytes + '\0', &error));
    EXPECT_NE(error.find("1 bytes after the last level"), std::string::npos) << error;

    std::string newer = bytes;
    newer[4] = 2;  // the version's low byte
    EXPECT_FALSE(Hyphenator::fromCompiled(newer, &error));
    EXPECT_NE(error.find("format version 2, but this build reads version 1"), std::string::npos) << error;

    EXPECT_FALSE(Hyphenator::fromCompiled(readText(std::string(GALLEY_HYPHEN_DIR) + "/hyph_en_US.dic"), &error));
    EXPECT_NE(error.find("not a compiled pattern file"), std::string::npos) << error;
    EXPECT_FALSE(Hyphenator::fromCompiled("", nullptr));  // no error sink: still no crash
}

// Every byte changed in two ways: each result is either refused with a message or a trie that stays within its
// arrays (which the sanitizers check) whatever word it scores.
TEST(CompiledPatterns, DamagedFilesAreRefusedOrStayInBounds) {
    const std::string bytes = smallCompiled();
    size_t refused = 0, accepted = 0;
    for (size_t at = 0; at < bytes.size(); ++at) {
        for (const uint8_t change : {uint8_t{1}, uint8_t{0x80}}) {
            std::string damaged = bytes;
            damaged[at] = static_cast<char>(static_cast<uint8_t>(damaged[at]) ^ change);
            std::string error;
            const std::optional<Hyphenator> h = Hyphenator::fromCompiled(damaged, &error);
            if (!h) {
                EXPECT_FALSE(error.empty()) << at;
                ++refused;
                continue;
            }
            ++accepted;
            std::vector<uint32_t> breaks;
            for (const char* word : DamageWords) {
                h->hyphenate(word, breaks);
                for (uint32_t b : breaks) EXPECT_LT(b, utf8::countCodePoints(word)) << at << ": " << word;
            }
        }
    }
    // Most damage is caught by the checks (counts, order, scores); some (a score 1 for 0, a minimum) is a valid file.
    EXPECT_GT(refused, accepted) << refused << " refused, " << accepted << " accepted";
}

TEST(CompiledPatterns, RefuseAChildOutsideTheAlphabetAndANodeBeforeItsParent) {
    const std::optional<Hyphenator> h = Hyphenator::fromDic("UTF-8\na1b\n");
    ASSERT_TRUE(h);
    const std::string bytes = h->compiled();
    // Header 8, level header 28, alphabet {a, b} 8; then the nodes root, a, b as varints (children * 2 + ends a
    // pattern: 2, 2, 1), the edges' symbols (1, 2) and the scores of "ab" (0, 1, 0).
    constexpr size_t Nodes = 8 + 28 + 8, Symbols = Nodes + 3;
    ASSERT_EQ(bytes.size(), Symbols + 2 + 3u);
    ASSERT_EQ(bytes.substr(Nodes), std::string("\x02\x02\x01\x01\x02\x00\x01\x00", 8));
    std::string error;

    std::string outside = bytes;
    outside[Symbols + 1] = 3;  // the edge a -> b names symbol 3 of an alphabet of 2
    EXPECT_FALSE(Hyphenator::fromCompiled(outside, &error));
    EXPECT_NE(error.find("not in the alphabet"), std::string::npos) << error;

    // The root with no child and "a" with two: node 1 would have no parent before it.
    std::string orphan = bytes;
    orphan[Nodes] = 0;
    orphan[Nodes + 1] = 4;
    EXPECT_FALSE(Hyphenator::fromCompiled(orphan, &error));
    EXPECT_NE(error.find("no parent before it"), std::string::npos) << error;

    std::string overlong = bytes;  // a varint that never ends
    overlong[Nodes + 2] = '\x81';
    EXPECT_FALSE(Hyphenator::fromCompiled(overlong, &error));
    EXPECT_FALSE(error.empty());

    std::string score = bytes;
    score[bytes.size() - 2] = 10;
    EXPECT_FALSE(Hyphenator::fromCompiled(score, &error));
    EXPECT_NE(error.find("a score above 9"), std::string::npos) << error;
}

}  // namespace
}  // namespace galley
