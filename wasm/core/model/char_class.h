// char_class.h — what a letter, a digit, a space and a capital are, once for every stage: measuring, hyphenation,
// drop caps and the importers ask these, never ranges of their own.
//
// Letters are those of the alphabets and scripts Galley sets (Latin with its extensions and IPA, Greek, Cyrillic,
// Armenian, Hebrew, Arabic, the Indic scripts, Thai, Lao, Georgian, Hangul, kana and Han), by block, without the
// punctuation and signs inside those blocks that text commonly holds. Case is that of Latin (Basic, Latin-1,
// Extended-A), Greek and Cyrillic, the bicameral scripts the bundled hyphenation patterns cover. Not a Unicode
// database: a code point outside these blocks is not a letter (emoji, symbols, punctuation, private use).
#pragma once

#include <cstdint>

namespace galley::chars {

bool isLetter(uint32_t c);
inline bool isDigit(uint32_t c) { return c >= '0' && c <= '9'; }
inline bool isLetterOrDigit(uint32_t c) { return isLetter(c) || isDigit(c); }
// The letters of Han and kana, the scripts among them written without spaces between words (a subset of isLetter).
bool isHanOrKana(uint32_t c);

// Simple lowercase (one code point to one) for Latin, Greek and Cyrillic; any other code point is returned as is.
uint32_t toLower(uint32_t c);
inline bool isUpper(uint32_t c) { return toLower(c) != c; }
// A lower-case letter of a script with case (Latin up to Extended-B, Greek, Cyrillic). Letters of caseless scripts
// (Han, Arabic) are neither upper nor lower case.
bool isLower(uint32_t c);
// Combining marks (diacritics written after their letter: decomposed "é" is "e" and U+0301); they belong to the
// letter before them.
bool isCombiningMark(uint32_t c);

// White space that separates words: ASCII white space, no-break space and the Unicode space separators (Ogham,
// U+2000-200A, narrow no-break, medium mathematical and ideographic space). Zero-width space is not among them.
bool isSpace(uint32_t c);
// The spaces a line may break at: all of isSpace but the no-break ones (U+00A0, U+2007 figure, U+202F narrow).
inline bool isBreakingSpace(uint32_t c) { return isSpace(c) && c != 0xA0 && c != 0x2007 && c != 0x202F; }

inline bool isApostrophe(uint32_t c) { return c == '\'' || c == 0x2019; }
// Quotation marks that open a quotation in English, French and German text (“ ‘ " ' « ‹ „ ‚).
bool isOpeningQuote(uint32_t c);

}  // namespace galley::chars
