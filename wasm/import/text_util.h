// text_util.h — the string helpers both importers use (byte-wise ASCII: trimming, prefixes, case, words).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace galley::importing {

bool isAsciiAlnum(char32_t c);
bool isUpperLetter(char32_t c);
bool isLowerLetter(char32_t c);
bool isLetterLike(char32_t c);

// Spaces, tabs and carriage returns off both ends.
std::string trim(std::string_view s);
std::string lowerAscii(std::string s);
bool startsWith(std::string_view s, std::string_view prefix);
bool endsWith(std::string_view s, std::string_view suffix);
// Words separated by (runs of) spaces.
std::vector<std::string> splitWords(std::string_view s);

}  // namespace galley::importing
