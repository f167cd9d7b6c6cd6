// html_charset.cpp — see html_charset.h.
#include "html_charset.h"

#include <cstdint>

#include "utf8.h"

namespace galley::importing::html {
namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

// windows-1252's 0x80..0x9F (WHATWG's table: the five unassigned bytes map to the C1 controls of the same value).
const uint16_t kWindows1252High[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D,
    0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
    0x0153, 0x009D, 0x017E, 0x0178};

std::string fromWindows1252(std::string_view bytes) {
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 8);
    for (unsigned char b : bytes)
        utf8::append(out, b >= 0x80 && b < 0xA0 ? kWindows1252High[b - 0x80] : b);
    return out;
}

std::string fromIso885915(std::string_view bytes) {
    std::string out;
    for (unsigned char b : bytes) {
        uint32_t cp = b;
        switch (b) {
            case 0xA4: cp = 0x20AC; break;
            case 0xA6: cp = 0x0160; break;
            case 0xA8: cp = 0x0161; break;
            case 0xB4: cp = 0x017D; break;
            case 0xB8: cp = 0x017E; break;
            case 0xBC: cp = 0x0152; break;
            case 0xBD: cp = 0x0153; break;
            case 0xBE: cp = 0x0178; break;
            default: break;
        }
        utf8::append(out, cp);
    }
    return out;
}

std::string fromUtf16(std::string_view bytes, bool bigEndian) {
    std::string out;
    auto unit = [&](size_t i) {
        unsigned a = static_cast<unsigned char>(bytes[i]), b = static_cast<unsigned char>(bytes[i + 1]);
        return bigEndian ? (a << 8 | b) : (b << 8 | a);
    };
    for (size_t i = 0; i + 1 < bytes.size(); i += 2) {
        uint32_t u = unit(i);
        if (u >= 0xD800 && u < 0xDC00 && i + 3 < bytes.size()) {
            uint32_t low = unit(i + 2);
            if (low >= 0xDC00 && low < 0xE000) {
                utf8::append(out, 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00));
                i += 2;
                continue;
            }
        }
        utf8::append(out, u);  // a lone surrogate becomes U+FFFD
    }
    return out;
}

// Ill-formed sequences replaced with U+FFFD, one per byte (utf8::next's rule).
std::string repairedUtf8(std::string_view bytes, size_t& replaced) {
    std::string out;
    out.reserve(bytes.size());
    replaced = 0;
    size_t i = 0;
    while (i < bytes.size()) {
        size_t bad = utf8::findInvalid(bytes.substr(i));
        if (bad == std::string_view::npos) {
            out.append(bytes.substr(i));
            break;
        }
        out.append(bytes.substr(i, bad));
        i += bad;
        utf8::next(bytes, i);
        utf8::append(out, 0xFFFD);
        ++replaced;
    }
    return out;
}

// The charset a <meta> in the first 1024 bytes declares, lower-case, or "".
std::string declaredCharset(std::string_view bytes) {
    const std::string head = lower(bytes.substr(0, 1024));
    size_t at = 0;
    while ((at = head.find("<meta", at)) != std::string::npos) {
        size_t close = head.find('>', at);
        std::string tag = head.substr(at, close == std::string::npos ? std::string::npos : close - at);
        at += 5;
        size_t c = tag.find("charset");
        if (c == std::string::npos) continue;
        c += 7;
        while (c < tag.size() && (tag[c] == ' ' || tag[c] == '=' || tag[c] == '"' || tag[c] == '\'')) ++c;
        size_t e = c;
        while (e < tag.size() && tag[e] != '"' && tag[e] != '\'' && tag[e] != ';' && tag[e] != ' ' && tag[e] != '/')
            ++e;
        if (e > c) return tag.substr(c, e - c);
    }
    return {};
}

}  // namespace

DecodedPage decodePage(std::string_view bytes) {
    DecodedPage page;
    if (bytes.size() > MaxPageBytes) {
        page.refused = "larger than 32 MiB (" + std::to_string(bytes.size()) + " bytes)";
        return page;
    }
    if (bytes.size() >= 2 && (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF")) {
        page.charset = bytes[0] == '\xFE' ? "UTF-16BE" : "UTF-16LE";
        page.how = "byte order mark";
        page.utf8 = fromUtf16(bytes.substr(2), bytes[0] == '\xFE');
        return page;
    }
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
        bytes.remove_prefix(3);
        page.how = "byte order mark";
    }
    size_t nul = bytes.substr(0, 1 << 16).find('\0');
    if (nul != std::string_view::npos) {
        page.refused = "binary data, not HTML (a NUL byte at offset " + std::to_string(nul) + ")";
        return page;
    }
    std::string label = page.how.empty() ? declaredCharset(bytes) : "utf-8";
    if (page.how.empty() && !label.empty()) page.how = "declared by <meta> as \"" + label + "\"";
    if (label == "utf-8" || label == "utf8" || label == "unicode-1-1-utf-8" || label == "utf-16" ||
        label == "utf-16le" || label == "utf-16be") {
        // A <meta> saying UTF-16 in bytes that could be read this far is wrong: browsers read UTF-8 then.
        size_t replaced = 0;
        page.utf8 = repairedUtf8(bytes, replaced);
        page.charset = "UTF-8";
        if (replaced) page.how += ", " + std::to_string(replaced) + " ill-formed bytes replaced by U+FFFD";
        return page;
    }
    if (label == "windows-1252" || label == "iso-8859-1" || label == "iso8859-1" || label == "iso_8859-1" ||
        label == "latin1" || label == "l1" || label == "cp1252" || label == "x-cp1252" || label == "us-ascii" ||
        label == "ascii" || label == "iso-ir-100" || label == "cp819") {
        page.utf8 = fromWindows1252(bytes);
        page.charset = "windows-1252";
        return page;
    }
    if (label == "iso-8859-15" || label == "iso8859-15" || label == "latin-9" || label == "l9" ||
        label == "iso_8859-15") {
        page.utf8 = fromIso885915(bytes);
        page.charset = "ISO-8859-15";
        return page;
    }
    if (!label.empty()) {
        page.refused = "charset \"" + label +
                       "\" is not supported (UTF-8, UTF-16, windows-1252/ISO-8859-1 and ISO-8859-15 are)";
        return page;
    }
    if (utf8::findInvalid(bytes) == std::string_view::npos) {
        page.utf8 = std::string(bytes);
        page.charset = "UTF-8";
        page.how = "no declaration, valid UTF-8";
        return page;
    }
    page.utf8 = fromWindows1252(bytes);
    page.charset = "windows-1252";
    page.how = "no declaration and not valid UTF-8";
    return page;
}

}  // namespace galley::importing::html
