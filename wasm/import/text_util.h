// text_util.h — what both importers ask of strings (trimming, prefixes, ASCII case, words) and of characters
// beyond char_class.h.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "char_class.h"

namespace galley::importing {

// What the importers ask of characters beyond char_class.h, defined with it (letters, digits, case, spaces are
// galley::chars's).
//
// A character of a word: a letter or digit, or a combining mark, which belongs to the letter before it. Not
// punctuation, symbols, emoji or spaces.
inline bool isWordCharacter(char32_t c) { return chars::isLetterOrDigit(c) || chars::isCombiningMark(c); }
// The letters of ASCII: date words, URL schemes and HTML tag names are spelt in them.
inline bool isAsciiLetter(char32_t c) { return c < 0x80 && chars::isLetter(c); }

// Spaces, tabs and carriage returns off both ends.
std::string trim(std::string_view s);
std::string lowerAscii(std::string s);
bool startsWith(std::string_view s, std::string_view prefix);
bool endsWith(std::string_view s, std::string_view suffix);
// Words separated by (runs of) spaces.
std::vector<std::string> splitWords(std::string_view s);

}  // namespace galley::importing
