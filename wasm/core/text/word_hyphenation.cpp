// word_hyphenation.cpp — see word_hyphenation.h.
#include "word_hyphenation.h"

#include "char_class.h"
#include "utf8.h"

namespace galley {

using chars::isApostrophe;
using chars::isLetter;
using chars::isSpace;
using chars::isUpper;

void findHyphenationPoints(const Hyphenator& hyphenator, std::string_view text, std::vector<uint32_t>& points,
                           const HyphenationPolicy& policy, std::vector<uint32_t>* lastResort) {
    std::vector<uint32_t> wordBreaks;
    size_t i = 0;
    uint32_t cp = 0;  // code point index of text[i]
    while (i < text.size()) {
        // A whitespace-delimited token: [tokenStart, tokenEnd) in bytes, starting at code point tokenCp.
        size_t tokenStart = i;
        uint32_t tokenCp = cp;
        bool hasLetter = false, hasOther = false;
        size_t j = i;
        uint32_t c = utf8::next(text, j);
        if (isSpace(c)) { i = j; ++cp; continue; }
        size_t tokenEnd = i;
        while (i < text.size()) {
            j = i;
            c = utf8::next(text, j);
            if (isSpace(c)) break;
            if (isLetter(c)) hasLetter = true;
            else if (c == '@' || c == '/' || c == ':' || c == '-' || c == 0x2010 || c == 0x2013 || c == 0x2014 ||
                     (c >= '0' && c <= '9'))
                hasOther = true;  // URL, e-mail, number, or a word that already breaks at its hyphen
            i = j;
            ++cp;
        }
        tokenEnd = i;
        if (!hasLetter || hasOther) continue;
        // Trim leading and trailing punctuation (quotes, commas, periods) to find the word itself.
        std::string_view token = text.substr(tokenStart, tokenEnd - tokenStart);
        size_t a = 0, b = token.size();
        uint32_t lead = 0;
        while (a < b) {
            size_t k = a;
            uint32_t ch = utf8::next(token, k);
            if (isLetter(ch)) break;
            a = k;
            ++lead;
        }
        while (b > a) {
            size_t k = b - 1;
            while (k > a && (static_cast<unsigned char>(token[k]) & 0xC0) == 0x80) --k;
            size_t kk = k;
            uint32_t ch = utf8::next(token, kk);
            if (isLetter(ch)) break;
            b = k;
        }
        std::string_view word = token.substr(a, b - a);
        // Inner punctuation other than apostrophes (e.g. "U.S.", "and/or") means it is not a plain word.
        bool plain = true;
        size_t k = 0;
        uint32_t first = 0;
        bool firstSeen = false;
        while (k < word.size()) {
            uint32_t ch = utf8::next(word, k);
            if (!firstSeen) { first = ch; firstSeen = true; }
            if (!isLetter(ch) && !isApostrophe(ch)) plain = false;
        }
        if (!plain || word.empty()) continue;
        std::vector<uint32_t>* into = &points;
        if (!policy.capitalised && isUpper(first)) {
            if (!lastResort) continue;
            into = lastResort;
        }
        hyphenator.hyphenate(word, wordBreaks);
        for (uint32_t at : wordBreaks) into->push_back(tokenCp + lead + at);
    }
}

}  // namespace galley
