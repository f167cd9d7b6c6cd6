// Every case of Unicode's BidiCharacterTest.txt (unicode-data 15.0.0, /usr/share/unicode) through bidi.h: the
// paragraph level, each character's level after L1 (characters marked "x", those rule X9 removes, must be exactly
// those removedByX9 reports), and the visual order of the whole paragraph as one line, from visualRuns (without the
// X9-removed characters, as the file gives it). Not libraries' own test programs: Galley's wrapper, byte offsets and
// all. Deviations would be listed here with their reason; there are none.
#include "bidi.h"
#include "test_support.h"
#include "utf8.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

using namespace galley;

namespace {

std::vector<std::string> split(const std::string& s, char separator) {
    std::vector<std::string> parts;
    std::string part;
    std::istringstream in(s);
    while (std::getline(in, part, separator)) parts.push_back(part);
    if (!s.empty() && s.back() == separator) parts.push_back("");
    return parts;
}

std::vector<std::string> words(const std::string& s) {
    std::vector<std::string> out;
    std::istringstream in(s);
    std::string w;
    while (in >> w) out.push_back(w);
    return out;
}

// Checks one line of the file; returns "" when our result matches, or what differs.
std::string checkCase(const std::vector<std::string>& fields) {
    std::string text;
    std::vector<size_t> starts;  // byte offset of each code point
    for (const std::string& hex : words(fields[0])) {
        starts.push_back(text.size());
        utf8::append(text, static_cast<uint32_t>(std::stoul(hex, nullptr, 16)));
    }
    const int direction = std::stoi(fields[1]);
    const BidiDirection base = direction == 0   ? BidiDirection::LeftToRight
                               : direction == 1 ? BidiDirection::RightToLeft
                                                : BidiDirection::Auto;
    BidiParagraph paragraph = resolveBidi(text, base);
    if (paragraph.baseLevel() != std::stoi(fields[2]))
        return "paragraph level " + std::to_string(paragraph.baseLevel()) + ", expected " + fields[2];

    std::vector<BidiRun> runs = visualRuns(text, paragraph, 0, text.size());
    // Levels after L1, per code point, from the runs; and the visual order of the code points shown.
    std::vector<int> levels(starts.size(), -1);
    std::vector<size_t> order;
    for (const BidiRun& run : runs) {
        std::vector<size_t> inRun;
        for (size_t c = 0; c < starts.size(); ++c) {
            if (starts[c] >= run.begin && starts[c] < run.end) {
                levels[c] = run.level;
                inRun.push_back(c);
            }
        }
        if (run.rightToLeft()) std::reverse(inRun.begin(), inRun.end());
        for (size_t c : inRun)
            if (!paragraph.removedByX9(starts[c])) order.push_back(c);
    }
    std::vector<std::string> expectedLevels = words(fields[3]);
    if (expectedLevels.size() != starts.size()) return "the file's level count differs from its code points";
    for (size_t c = 0; c < starts.size(); ++c) {
        const bool removed = expectedLevels[c] == "x";
        if (removed != paragraph.removedByX9(starts[c]))
            return "character " + std::to_string(c) + (removed ? " not reported removed" : " reported removed");
        if (levels[c] < 0) return "character " + std::to_string(c) + " in no run";
        if (!removed && levels[c] != std::stoi(expectedLevels[c]))
            return "character " + std::to_string(c) + " level " + std::to_string(levels[c]) + ", expected " +
                   expectedLevels[c];
    }
    std::vector<size_t> expectedOrder;
    for (const std::string& index : words(fields[4])) expectedOrder.push_back(std::stoul(index));
    if (order != expectedOrder) return "visual order differs";
    return "";
}

}  // namespace

TEST(BidiConformance, EveryCaseOfBidiCharacterTest) {
    const std::string path = std::string(GALLEY_UNICODE_DATA_DIR) + "/BidiCharacterTest.txt";
    const std::string file = test::readText(path);
    ASSERT_FALSE(file.empty()) << path;
    ASSERT_NE(file.find("BidiCharacterTest-15.0.0.txt"), std::string::npos);
    std::istringstream in(file);
    std::string line;
    size_t lineNumber = 0, cases = 0;
    std::vector<std::string> failures;
    while (std::getline(in, line)) {
        ++lineNumber;
        if (line.empty() || line[0] == '#') continue;
        std::vector<std::string> fields = split(line, ';');
        ASSERT_EQ(fields.size(), 5u) << "line " << lineNumber;
        ++cases;
        std::string problem = checkCase(fields);
        if (!problem.empty()) failures.push_back("line " + std::to_string(lineNumber) + ": " + problem);
    }
    EXPECT_EQ(cases, 91707u);  // all of the file's cases were read
    EXPECT_TRUE(failures.empty()) << failures.size() << " cases differ, the first: " << (failures.empty() ? "" : failures.front());
}
