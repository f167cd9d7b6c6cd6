// char_class.cpp — see char_class.h.
#include "char_class.h"

namespace galley::chars {

bool isLetter(uint32_t c) {
    if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (c < 0x370) return (c >= 0xC0 && c <= 0x2AF && c != 0xD7 && c != 0xF7) || c == 0xAA || c == 0xBA;
    if (c <= 0x3FF) return c != 0x375 && c != 0x37E && c != 0x384 && c != 0x385 && c != 0x387;  // Greek, less its signs
    if (c <= 0x52F) return c < 0x482 || c > 0x489;                      // Cyrillic, less its signs
    if (c >= 0x531 && c <= 0x587) return c < 0x557 || c > 0x560;        // Armenian
    if (c >= 0x5D0 && c <= 0x5EA) return true;                          // Hebrew
    if (c >= 0x620 && c <= 0x64A) return true;                          // Arabic
    if (c >= 0x66E && c <= 0x6D3) return true;
    if (c >= 0x900 && c <= 0xDFF) return c != 0x964 && c != 0x965;      // Indic scripts, less the dandas
    if (c >= 0xE01 && c <= 0xE3A) return true;                          // Thai
    if (c >= 0xE40 && c <= 0xE4E) return true;
    if (c >= 0xE81 && c <= 0xEDF) return true;                          // Lao
    if (c >= 0x10A0 && c <= 0x10FF) return c != 0x10FB;                 // Georgian
    if (c >= 0x1100 && c <= 0x11FF) return true;                        // Hangul jamo
    if (c >= 0x1E00 && c <= 0x1FFF) return true;                        // Latin Extended Additional, Greek Extended
    if (c >= 0xAC00 && c <= 0xD7A3) return true;                        // Hangul syllables
    return isHanOrKana(c);
}

bool isHanOrKana(uint32_t c) {
    if (c >= 0x3041 && c <= 0x30FF) return c != 0x30A0 && c != 0x30FB; // kana, less the double hyphen and middle dot
    if (c >= 0x3400 && c <= 0x4DBF) return true;                        // Han
    if (c >= 0x4E00 && c <= 0x9FFF) return true;
    if (c >= 0xF900 && c <= 0xFAFF) return true;                        // Han compatibility
    return c >= 0x20000 && c <= 0x3134F;                                // Han, supplementary planes
}

uint32_t toLower(uint32_t c) {
    if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
    if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 0x20;
    if (c >= 0x100 && c <= 0x17F) {
        if (c == 0x130) return 'i';                                   // İ
        if (c == 0x178) return 0xFF;                                  // Ÿ
        if (c <= 0x137) return (c % 2 == 0) ? c + 1 : c;              // Ā..ķ: upper even, lower odd
        if (c >= 0x139 && c <= 0x148) return (c % 2 == 1) ? c + 1 : c;  // Ĺ..ň: upper odd
        if (c >= 0x14A && c <= 0x177) return (c % 2 == 0) ? c + 1 : c;  // Ŋ..ŷ: upper even
        if (c >= 0x179 && c <= 0x17E) return (c % 2 == 1) ? c + 1 : c;  // Ź..ž: upper odd
        return c;
    }
    if (c >= 0x391 && c <= 0x3AB && c != 0x3A2) return c + 0x20;      // Greek capitals
    if (c == 0x386) return 0x3AC;
    if (c >= 0x388 && c <= 0x38A) return c + 0x25;
    if (c == 0x38C) return 0x3CC;
    if (c == 0x38E || c == 0x38F) return c + 0x3F;
    if (c >= 0x410 && c <= 0x42F) return c + 0x20;                    // Cyrillic capitals
    if (c >= 0x400 && c <= 0x40F) return c + 0x50;
    if (c >= 0x4C1 && c <= 0x4CE) return (c % 2 == 1) ? c + 1 : c;   // Ӂ..ӎ: upper odd
    if (c >= 0x460 && c <= 0x52F && c % 2 == 0 && (c < 0x482 || c > 0x489) && (c < 0x4C0 || c > 0x4CF))
        return c + 1;                                                 // the other Cyrillic pairs: upper even
    return c;
}

bool isLower(uint32_t c) {
    const bool cased = c < 0x250 || (c >= 0x370 && c <= 0x52F);
    return cased && isLetter(c) && !isUpper(c);
}

bool isCombiningMark(uint32_t c) {
    return (c >= 0x300 && c <= 0x36F) || (c >= 0x1AB0 && c <= 0x1AFF) || (c >= 0x1DC0 && c <= 0x1DFF) ||
           (c >= 0x20D0 && c <= 0x20FF) || (c >= 0xFE20 && c <= 0xFE2F);
}

bool isSpace(uint32_t c) {
    return c == ' ' || (c >= '\t' && c <= '\r') || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) ||
           c == 0x202F || c == 0x205F || c == 0x3000;
}

bool isOpeningQuote(uint32_t c) {
    return c == 0x201C || c == 0x2018 || c == '"' || c == '\'' || c == 0xAB || c == 0x2039 || c == 0x201E ||
           c == 0x201A;
}

}  // namespace galley::chars
