// folded_text.h — scraped lines folded for matching: case and punctuation gone, so phrases and repeats compare.
#pragma once

#include <string>
#include <string_view>

namespace galley::importing::scraped {

// Lower-case letters and digits with everything else turned into single spaces: "Don't Miss!" -> "don t miss".
// The form phrases and repeated lines are compared in.
std::string foldForMatching(std::string_view text);

// Whole-word containment in folded text.
bool containsPhrase(const std::string& folded, std::string_view phrase);
bool startsWithPhrase(const std::string& folded, std::string_view phrase);

// The leading count of "12 Comments" or the trailing one of "Comments (12)" does not change what a line is.
std::string withoutCounts(const std::string& folded);

}  // namespace galley::importing::scraped
