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
// A lower-case letter: a letter of a script char_class knows case for (Latin Basic, Latin-1 and Extended-A, Greek,
// Cyrillic) that is not upper case. Letters of caseless scripts (Han, Arabic) are neither upper nor lower case.
// char_class.h has isUpper but no isLower.
bool isLowerCase(char32_t c);
// Combining diacritical marks (U+0300-036F): decomposed text writes "é" as "e" and one of them.
inline bool isCombiningMark(char32_t c) { return c >= 0x300 && c <= 0x36F; }
// A character of a word: a letter or digit, or a combining mark, which belongs to the letter before it. Not
// punctuation, symbols, emoji or spaces.
inline bool isWordCharacter(char32_t c) { return chars::isLetterOrDigit(c) || isCombiningMark(c); }
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
