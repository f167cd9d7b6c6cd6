// Every case of Unicode's LineBreakTest.txt (unicode-data 15.0.0, /usr/share/unicode/auxiliary) through
// line_breaks.h: at every position between code points, "÷" must be a break (Allowed or Mandatory) and "×" none; the
// text's start none, its end Mandatory. Galley's wrapper, on UTF-8 bytes, not libunibreak's own test program.
//
// The file tests UAX #14 untailored, where LB1 resolves the conditional Japanese starters (CJ: small kana, the
// prolonged sound mark) to NS, no break before them. That is libunibreak's "-strict" (CSS's line-break: strict);
// with any other language, an empty one too, it makes them ID (CSS's normal), so the language here is "-strict".
// The cases that differ even so are listed below with their reason, and the test fails if any other case differs or
// a listed one stops differing (then remove it from the list). Run without a Thai dictionary (UAX #14 alone) and
// with libthai's, which must change nothing here (the file's only Thai is the letter ก, alone or in a run of one;
// the one run of two, กก, is itself a word: no word boundary for the dictionary to add); and with no language,
// where the only further differences must be the cases with a CJ character, the file's "CJ_NS".
#include "line_breaks.h"
#include "test_support.h"
#include "utf8.h"

#include <gtest/gtest.h>

#include <map>
#include <sstream>
#include <string>
#include <vector>

using namespace galley;

namespace {

// Line numbers of the file's cases that libunibreak 6.1 breaks otherwise, with why. They are its own list
// (src/test_skips.h of libunibreak 6.1, for this very file, LineBreakTest-15.0.0.txt).
const std::map<size_t, const char*>& knownDeviations() {
    static const std::map<size_t, const char*> deviations = [] {
        std::map<size_t, const char*> d;
        // LB25 as UAX #14 states it is pairs of classes; the test file follows the regular expression of its
        // Example 7 (a number with prefixes, infixes and suffixes around it), which libunibreak does not implement.
        const char* lb25 = "LB25: libunibreak applies the pair rules, not Example 7's regular expression";
        for (size_t line : {1161, 1163, 1165, 1167, 2873, 2875, 4425, 4427, 4473, 4475, 4597, 4599, 4645, 4647, 5109,
                            5111, 6149, 6151, 6153, 6155, 7477, 7486, 7491, 7576, 7577, 7578, 7579, 7580, 7581, 7583,
                            7584, 7585, 7586, 7587})
            d[line] = lb25;
        // LB30b keeps an emoji modifier with any Extended_Pictographic code point before it, unassigned ones too
        // (U+1F02C, in a block reserved for pictographs); libunibreak gives unassigned code points class AL and no
        // Extended_Pictographic, so it breaks there.
        d[7681] = "LB30b: libunibreak treats an unassigned Extended_Pictographic code point as AL";
        return d;
    }();
    return deviations;
}

struct Case {
    size_t line = 0;
    std::string text;
    std::vector<size_t> boundaries;  // byte offset after each code point
    std::vector<bool> breakAfter;    // the file's ÷ (true) or × (false) after each code point
};

std::vector<Case> readCases(const std::string& file) {
    std::vector<Case> cases;
    std::istringstream in(file);
    std::string line;
    size_t lineNumber = 0;
    while (std::getline(in, line)) {
        ++lineNumber;
        std::string body = line.substr(0, line.find('#'));
        std::istringstream tokens(body);
        std::string token;
        Case c;
        c.line = lineNumber;
        bool first = true;
        while (tokens >> token) {
            if (token == "\u00F7" || token == "\u00D7") {
                if (first) {
                    if (token != "\u00D7") ADD_FAILURE() << "line " << lineNumber << " opens with a break";
                } else {
                    c.breakAfter.push_back(token == "\u00F7");
                }
            } else {
                utf8::append(c.text, static_cast<uint32_t>(std::stoul(token, nullptr, 16)));
                c.boundaries.push_back(c.text.size());
            }
            first = false;
        }
        if (c.boundaries.empty()) continue;
        if (c.breakAfter.size() != c.boundaries.size()) ADD_FAILURE() << "line " << lineNumber << " is malformed";
        cases.push_back(std::move(c));
    }
    return cases;
}

// "" when lineBreaks gives the file's answer, or the first position where it does not.
std::string check(const Case& c, std::string_view language, const ThaiDictionary* thai) {
    std::vector<BreakOpportunity> breaks = lineBreaks(c.text, language, thai);
    if (breaks.size() != c.text.size() + 1) return "wrong size";
    if (breaks[0] != BreakOpportunity::None) return "a break at the start";
    if (breaks.back() != BreakOpportunity::Mandatory) return "no mandatory break at the end";
    for (size_t i = 0; i < c.boundaries.size(); ++i) {
        bool isBreak = breaks[c.boundaries[i]] != BreakOpportunity::None;
        if (isBreak != c.breakAfter[i])
            return std::string(isBreak ? "a break" : "no break") + " after code point " + std::to_string(i);
    }
    for (size_t b = 1; b < c.text.size(); ++b) {
        bool atBoundary = false;
        for (size_t end : c.boundaries) atBoundary = atBoundary || end == b;
        if (!atBoundary && breaks[b] != BreakOpportunity::None) return "a break inside a code point";
    }
    return "";
}

std::vector<Case> allCases(std::string* file) {
    const std::string path = std::string(GALLEY_UNICODE_DATA_DIR) + "/auxiliary/LineBreakTest.txt";
    *file = test::readText(path);
    if (file->find("LineBreakTest-15.0.0.txt") == std::string::npos) {
        ADD_FAILURE() << path << " is missing or not Unicode 15.0's";
        return {};
    }
    std::vector<Case> cases = readCases(*file);
    EXPECT_EQ(cases.size(), 7654u);  // all of the file's cases were read
    return cases;
}

void runAllCases(std::string_view language, const ThaiDictionary* thai) {
    std::string file;
    std::vector<Case> cases = allCases(&file);
    size_t passed = 0, deviated = 0;
    for (const Case& c : cases) {
        std::string problem = check(c, language, thai);
        auto known = knownDeviations().find(c.line);
        if (known == knownDeviations().end()) {
            EXPECT_EQ(problem, "") << "line " << c.line;
            passed += problem.empty();
        } else {
            EXPECT_NE(problem, "") << "line " << c.line << " now passes (" << known->second
                                   << "): remove it from the known deviations";
            deviated += !problem.empty();
        }
    }
    EXPECT_EQ(passed, 7654u - 35u);
    EXPECT_EQ(deviated, 35u);
    EXPECT_EQ(knownDeviations().size(), 35u);
}

}  // namespace

TEST(LineBreakConformance, EveryCaseOfLineBreakTest) { runAllCases("-strict", nullptr); }

TEST(LineBreakConformance, EveryCaseOfLineBreakTestWithTheThaiDictionary) {
    std::unique_ptr<ThaiDictionary> thai = ThaiDictionary::open(GALLEY_THAI_DICTIONARY);
    ASSERT_NE(thai, nullptr) << GALLEY_THAI_DICTIONARY;
    runAllCases("-strict", thai.get());
}

TEST(LineBreakConformance, WithoutALanguageOnlyConditionalJapaneseStartersDifferFurther) {
    std::string file;
    std::vector<Case> cases = allCases(&file);
    std::vector<std::string> lines;
    {
        std::istringstream in(file);
        for (std::string line; std::getline(in, line);) lines.push_back(line);
    }
    size_t conditionalStarterCases = 0, furtherDeviations = 0;
    for (const Case& c : cases) {
        const bool hasConditionalStarter = lines[c.line - 1].find("(CJ_NS)") != std::string::npos;
        conditionalStarterCases += hasConditionalStarter;
        if (knownDeviations().count(c.line)) continue;
        std::string problem = check(c, "", nullptr);
        if (problem.empty()) continue;
        ++furtherDeviations;
        EXPECT_TRUE(hasConditionalStarter) << "line " << c.line << ": " << problem;
    }
    // Of the file's cases with a CJ character, those where ID and NS break differently.
    EXPECT_EQ(conditionalStarterCases, 374u);
    EXPECT_EQ(furtherDeviations, 94u);
}
