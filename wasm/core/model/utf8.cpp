// utf8.cpp — see utf8.h.
#include "utf8.h"

namespace galley::utf8 {

namespace {
// Length of a sequence and its smallest legal code point, by lead byte; 0 for bytes that cannot start one.
int sequenceLength(unsigned char lead) {
    if (lead < 0x80) return 1;
    if (lead >= 0xC2 && lead <= 0xDF) return 2;
    if (lead >= 0xE0 && lead <= 0xEF) return 3;
    if (lead >= 0xF0 && lead <= 0xF4) return 4;
    return 0;
}

// Decodes one sequence at text[i]; returns its length, or 0 when it is not well-formed.
int decode(std::string_view text, size_t i, uint32_t& cp) {
    unsigned char lead = static_cast<unsigned char>(text[i]);
    int len = sequenceLength(lead);
    if (len == 0 || i + len > text.size()) return 0;
    if (len == 1) { cp = lead; return 1; }
    cp = lead & (0xFF >> (len + 1));
    for (int k = 1; k < len; ++k) {
        unsigned char c = static_cast<unsigned char>(text[i + k]);
        if ((c & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (c & 0x3F);
    }
    static const uint32_t minimum[5] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < minimum[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return len;
}
}  // namespace

size_t findInvalid(std::string_view text) {
    size_t i = 0;
    while (i < text.size()) {
        if (static_cast<unsigned char>(text[i]) < 0x80) { ++i; continue; }
        uint32_t cp;
        int len = decode(text, i, cp);
        if (len == 0) return i;
        i += len;
    }
    return std::string_view::npos;
}

uint32_t next(std::string_view text, size_t& i) {
    uint32_t cp;
    int len = decode(text, i, cp);
    if (len == 0) { ++i; return 0xFFFD; }
    i += len;
    return cp;
}

size_t countCodePoints(std::string_view text) {
    size_t n = 0;
    for (unsigned char c : text) n += (c & 0xC0) != 0x80;
    return n;
}

size_t byteOffset(std::string_view text, size_t cp) {
    size_t i = 0, n = 0;
    while (i < text.size()) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            if (n == cp) return i;
            ++n;
        }
        ++i;
    }
    return text.size();
}

void append(std::string& out, uint32_t cp) {
    if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) cp = 0xFFFD;  // never write what next() would refuse
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

std::u32string decode(std::string_view text) {
    std::u32string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size();) out.push_back(next(text, i));
    return out;
}

std::string encode(std::u32string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char32_t cp : text) append(out, cp);
    return out;
}

}  // namespace galley::utf8
