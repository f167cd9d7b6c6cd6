// markdown_html.cpp — see markdown_html.h.
#include "markdown_html.h"

#include "text_util.h"
#include "utf8.h"

namespace galley::importing::markdown {

namespace {

struct NamedReference {
    const char* name;
    char32_t codePoint;
};

// The named references articles actually use (HTML has over two thousand; an unknown one stays as written).
constexpr NamedReference kNamed[] = {
    {"amp", '&'},          {"lt", '<'},           {"gt", '>'},           {"quot", '"'},         {"apos", '\''},
    {"nbsp", 0xA0},        {"ensp", 0x2002},      {"emsp", 0x2003},      {"thinsp", 0x2009},    {"zwnj", 0x200C},
    {"zwj", 0x200D},       {"lrm", 0x200E},       {"rlm", 0x200F},       {"shy", 0xAD},         {"mdash", 0x2014},
    {"ndash", 0x2013},     {"minus", 0x2212},     {"hellip", 0x2026},    {"lsquo", 0x2018},     {"rsquo", 0x2019},
    {"sbquo", 0x201A},     {"ldquo", 0x201C},     {"rdquo", 0x201D},     {"bdquo", 0x201E},     {"laquo", 0xAB},
    {"raquo", 0xBB},       {"lsaquo", 0x2039},    {"rsaquo", 0x203A},    {"prime", 0x2032},     {"Prime", 0x2033},
    {"copy", 0xA9},        {"reg", 0xAE},         {"trade", 0x2122},     {"sect", 0xA7},        {"para", 0xB6},
    {"deg", 0xB0},         {"plusmn", 0xB1},      {"times", 0xD7},       {"divide", 0xF7},      {"frac12", 0xBD},
    {"frac14", 0xBC},      {"frac34", 0xBE},      {"middot", 0xB7},      {"bull", 0x2022},      {"dagger", 0x2020},
    {"Dagger", 0x2021},    {"euro", 0x20AC},      {"pound", 0xA3},       {"yen", 0xA5},         {"cent", 0xA2},
    {"iexcl", 0xA1},       {"iquest", 0xBF},      {"larr", 0x2190},      {"uarr", 0x2191},      {"rarr", 0x2192},
    {"darr", 0x2193},      {"hearts", 0x2665},    {"aacute", 0xE1},      {"agrave", 0xE0},      {"acirc", 0xE2},
    {"auml", 0xE4},        {"aring", 0xE5},       {"ccedil", 0xE7},      {"eacute", 0xE9},      {"egrave", 0xE8},
    {"ecirc", 0xEA},       {"euml", 0xEB},        {"iacute", 0xED},      {"iuml", 0xEF},        {"ntilde", 0xF1},
    {"oacute", 0xF3},      {"ocirc", 0xF4},       {"ouml", 0xF6},        {"oslash", 0xF8},      {"uacute", 0xFA},
    {"uuml", 0xFC},        {"szlig", 0xDF},       {"Eacute", 0xC9},      {"Auml", 0xC4},        {"Ouml", 0xD6},
    {"Uuml", 0xDC},        {"alpha", 0x3B1},      {"beta", 0x3B2},       {"pi", 0x3C0},         {"mu", 0x3BC},
};

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

}  // namespace

std::optional<std::string> decodeCharacterReference(std::string_view reference) {
    if (reference.size() < 3 || reference.front() != '&' || reference.back() != ';') return std::nullopt;
    std::string_view name = reference.substr(1, reference.size() - 2);
    if (name[0] == '#') {
        const bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
        const size_t first = hex ? 2 : 1;
        if (first >= name.size() || name.size() - first > 7) return std::nullopt;
        uint32_t value = 0;
        for (size_t k = first; k < name.size(); ++k) {
            const char c = name[k];
            int digit = c >= '0' && c <= '9' ? c - '0'
                        : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
                        : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10
                                                      : -1;
            if (digit < 0) return std::nullopt;
            value = value * (hex ? 16 : 10) + static_cast<uint32_t>(digit);
        }
        // As HTML does: NUL, surrogates and values past Unicode become the replacement character.
        if (value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) value = 0xFFFD;
        return utf8::encode(std::u32string(1, static_cast<char32_t>(value)));
    }
    for (const NamedReference& n : kNamed)
        if (name == n.name) return utf8::encode(std::u32string(1, n.codePoint));
    return std::nullopt;
}

HtmlTag readHtmlTag(std::string_view html) {
    HtmlTag tag;
    if (startsWith(html, "<!--")) {
        tag.kind = HtmlTag::Kind::Comment;
        return tag;
    }
    if (html.size() < 3 || html.front() != '<' || html.back() != '>') return tag;
    size_t i = 1;
    const bool closing = html[i] == '/';
    if (closing) ++i;
    size_t nameEnd = i;
    while (nameEnd < html.size() && (isAsciiLetter(static_cast<unsigned char>(html[nameEnd])) ||
                                     (nameEnd > i && html[nameEnd] >= '0' && html[nameEnd] <= '9') ||
                                     (nameEnd > i && html[nameEnd] == '-')))
        ++nameEnd;
    if (nameEnd == i) return tag;  // <!DOCTYPE ...>, <?...?>, <![CDATA[...]]>
    tag.name = lowerAscii(std::string(html.substr(i, nameEnd - i)));
    const bool selfClosing = html.size() >= 2 && html[html.size() - 2] == '/';
    tag.kind = closing ? HtmlTag::Kind::Close : selfClosing ? HtmlTag::Kind::SelfClosing : HtmlTag::Kind::Open;
    return tag;
}

std::string htmlTextContent(std::string_view html) {
    std::string out;
    bool pendingSpace = false;
    auto append = [&](std::string_view s) {
        if (pendingSpace && !out.empty()) out.push_back(' ');
        pendingSpace = false;
        out.append(s);
    };
    size_t i = 0;
    while (i < html.size()) {
        const char c = html[i];
        if (c == '<') {
            const bool comment = html.substr(i, 4) == "<!--";
            const size_t close = comment ? html.find("-->", i + 4) : html.find('>', i + 1);
            if (close != std::string_view::npos) {
                const HtmlTag tag = readHtmlTag(html.substr(i, close + (comment ? 3 : 1) - i));
                if (tag.kind != HtmlTag::Kind::Other || comment) {
                    if (tag.name == "br" || tag.name == "p" || tag.name == "div" || tag.name == "li") pendingSpace = true;
                    i = close + (comment ? 3 : 1);
                    continue;
                }
            }
        }
        if (c == '&') {
            const size_t semi = html.find(';', i);
            if (semi != std::string_view::npos && semi - i <= 32) {
                if (std::optional<std::string> decoded = decodeCharacterReference(html.substr(i, semi + 1 - i))) {
                    append(*decoded);
                    i = semi + 1;
                    continue;
                }
            }
        }
        if (isSpace(c)) {
            pendingSpace = true;
            ++i;
            continue;
        }
        append(html.substr(i, 1));
        ++i;
    }
    return out;
}

}  // namespace galley::importing::markdown
