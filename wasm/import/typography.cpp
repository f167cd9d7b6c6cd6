// typography.cpp — see typography.h. One left-to-right pass over code points; each decision looks only at the
// already-written output (for the character before) and the input (for the characters after), which is what
// makes quotes after a converted dash ("—“") come out right.
#include "typography.h"

#include <algorithm>

#include "text_util.h"

namespace galley {

namespace {

constexpr char32_t LeftSingle = U'\u2018', RightSingle = U'\u2019';
constexpr char32_t LeftDouble = U'\u201C';
constexpr char32_t EnDash = U'\u2013', EmDash = U'\u2014', Ellipsis = U'\u2026';
constexpr char32_t NarrowNoBreakSpace = U'\u202F';

// Letters of scripts written without spaces between words (Han, kana, Hangul), and their full-width punctuation.
bool isSpaceless(char32_t c) {
    return (c >= 0x3000 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0xFF00 && c <= 0xFFEF);
}

// French spacing before a closing guillemet or ; : ! ?: a space already there becomes narrow, else one is put in.
void frenchSpaceBefore(std::u32string& out, const QuoteStyle& quotes) {
    if (!quotes.frenchSpacing || out.empty()) return;
    if (out.back() == ' ' || out.back() == 0xA0) out.back() = NarrowNoBreakSpace;
    else if (out.back() != NarrowNoBreakSpace) out.push_back(NarrowNoBreakSpace);
}

using chars::isDigit;
using chars::isSpace;
using importing::isWordCharacter;

// A quote after one of these opens; after anything else it closes.
bool opensAfter(char32_t prev) {
    return isSpace(prev) || prev == '(' || prev == '[' || prev == '{' || prev == '<' || prev == LeftDouble ||
           prev == LeftSingle || prev == EmDash || prev == EnDash || prev == '-' || prev == '/';
}

// Words that begin with an apostrophe, which must not become an opening quote.
bool startsElision(std::u32string_view rest) {
    static const char32_t* const words[] = {U"tis", U"twas", U"em", U"n", U"cause", U"til", U"bout", U"round"};
    for (const char32_t* w : words) {
        std::u32string_view word(w);
        if (rest.size() >= word.size()) {
            bool same = true;
            for (size_t k = 0; k < word.size() && same; ++k) {
                same = chars::toLower(rest[k]) == word[k];
            }
            if (same && (rest.size() == word.size() || !isWordCharacter(rest[word.size()]))) return true;
        }
    }
    return false;
}

// Flags the code points of whitespace-separated runs that look like URLs or e-mail addresses.
std::vector<bool> protectUrls(std::u32string_view text, const std::vector<bool>* verbatim) {
    std::vector<bool> keep(text.size(), false);
    if (verbatim)
        for (size_t i = 0; i < text.size() && i < verbatim->size(); ++i) keep[i] = (*verbatim)[i];
    size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && isSpace(text[i])) ++i;
        size_t start = i;
        while (i < text.size() && !isSpace(text[i])) ++i;
        std::u32string_view run = text.substr(start, i - start);
        bool urlLike = run.find(U"://") != std::u32string_view::npos || run.substr(0, 4) == U"www." ||
                       (run.find(U'@') != std::u32string_view::npos && run.find(U'.') != std::u32string_view::npos &&
                        run.find(U'@') > 0);
        if (urlLike)
            for (size_t k = start; k < i; ++k) keep[k] = true;
    }
    return keep;
}

}  // namespace

QuoteStyle quoteStyleFor(std::string_view lang) {
    std::string tag;
    for (char c : lang) tag += c == '_' ? '-' : static_cast<char>(chars::toLower(static_cast<unsigned char>(c)));
    const std::string primary = tag.substr(0, tag.find('-'));
    const auto is = [&](std::initializer_list<const char*> names) {
        return std::any_of(names.begin(), names.end(), [&](const char* n) { return primary == n; });
    };
    const bool swiss = tag.size() > 2 && tag.substr(tag.size() - 3) == "-ch";
    if (primary == "fr") return {U'\u00AB', U'\u00BB', U'\u2039', U'\u203A', !swiss};  // Swiss French: no spaces
    if ((primary == "de" || primary == "it") && swiss) return {U'\u00AB', U'\u00BB', U'\u2039', U'\u203A', false};
    if (is({"de", "cs", "sk", "sl", "lt", "et", "is", "bg"})) return {U'\u201E', U'\u201C', U'\u201A', U'\u2018', false};
    if (is({"pl", "ro", "hu", "hr", "nl-be"})) return {U'\u201E', U'\u201D', U'\u201A', U'\u2019', false};
    if (is({"ru", "uk", "be"})) return {U'\u00AB', U'\u00BB', U'\u201E', U'\u201C', false};
    if (primary == "pt" && tag != "pt-br" && tag.rfind("pt-br", 0) != 0)
        return {U'\u00AB', U'\u00BB', U'\u201C', U'\u201D', false};
    if (is({"es", "it", "ca", "el", "nb", "no", "nn", "ar", "fa"})) return {U'\u00AB', U'\u00BB', U'\u201C', U'\u201D', false};
    if (primary == "da") return {U'\u00BB', U'\u00AB', U'\u203A', U'\u2039', false};
    if (is({"sv", "fi"})) return {U'\u201D', U'\u201D', U'\u2019', U'\u2019', false};
    if (primary == "ja" || tag == "zh-hant" || tag.rfind("zh-hant-", 0) == 0 || tag == "zh-tw" || tag == "zh-hk")
        return {U'\u300C', U'\u300D', U'\u300E', U'\u300F', false};
    return {};
}

std::u32string smartenPunctuation(std::u32string_view in, std::vector<uint32_t>* offsetMap,
                                  const std::vector<bool>* verbatim, const QuoteStyle& quotes) {
    std::vector<bool> keep = protectUrls(in, verbatim);
    std::u32string out;
    out.reserve(in.size());
    if (offsetMap) offsetMap->assign(in.size() + 1, 0);
    auto at = [&](size_t k) -> char32_t { return k < in.size() ? in[k] : 0; };
    auto free = [&](size_t k) { return k < in.size() && !keep[k]; };

    bool singleOpen = false;  // an inner quotation opened and not closed yet
    bool doubleOpen = false;  // and an outer one
    size_t i = 0;
    while (i < in.size()) {
        const uint32_t here = static_cast<uint32_t>(out.size());
        size_t consumed = 1;
        char32_t c = in[i];
        char32_t prev = out.empty() ? 0 : out.back();
        if (keep[i]) {
            out.push_back(c);
        } else if (c == '.' && at(i + 1) == '.' && at(i + 2) == '.' && free(i + 1) && free(i + 2)) {
            out.push_back(Ellipsis);
            consumed = 3;
        } else if (c == '-' && at(i + 1) == '-' && free(i + 1)) {
            size_t run = 0;
            while (at(i + run) == '-' && free(i + run)) ++run;
            if (run == 2) {
                out.push_back(isDigit(prev) && isDigit(at(i + 2)) ? EnDash : EmDash);
            } else if (run == 3) {
                out.push_back(EmDash);
            } else {
                out.append(run, U'-');  // a rule drawn with hyphens, not a dash
            }
            consumed = run;
        } else if (c == '-' && i > 0 && isSpace(prev) && isSpace(at(i + 1))) {
            out.push_back(EnDash);
        } else if (c == '"') {
            bool opening = (out.empty() || opensAfter(prev)) && i + 1 < in.size() && !isSpace(at(i + 1));
            if (quotes.frenchSpacing) {  // typed as « mot »: a space inside each guillemet
                if (!doubleOpen && (out.empty() || opensAfter(prev)) && i + 1 < in.size()) opening = true;
                if (doubleOpen && isSpace(prev)) opening = false;
            }
            if (isSpaceless(prev)) opening = !doubleOpen;  // Chinese, Japanese: no space tells, the pairs alternate
            doubleOpen = opening;
            if (opening) {
                out.push_back(quotes.openDouble);
                if (quotes.frenchSpacing) {
                    out.push_back(NarrowNoBreakSpace);
                    while (free(i + consumed) && isSpace(at(i + consumed))) ++consumed;  // « mot: one space, narrow
                }
            } else {
                frenchSpaceBefore(out, quotes);
                out.push_back(quotes.closeDouble);
            }
        } else if (c == '\'') {
            char32_t quote = RightSingle;
            if (isWordCharacter(prev)) {
                // don't, Jones', 1990's: an apostrophe, but where a single quotation is open and no letter follows
                const bool closes = singleOpen && !isWordCharacter(at(i + 1));
                quote = closes ? quotes.closeSingle : RightSingle;
                if (closes) singleOpen = false;
            } else if (out.empty() || opensAfter(prev)) {
                std::u32string_view rest = in.substr(i + 1);
                bool decade = isDigit(at(i + 1)) && isDigit(at(i + 2)) && !isDigit(at(i + 3));  // '90s
                if (decade || startsElision(rest) || rest.empty() || isSpace(rest[0])) {
                    quote = RightSingle;
                } else {
                    quote = quotes.openSingle;
                    singleOpen = true;
                }
            } else if (singleOpen) {
                quote = quotes.closeSingle;  // after punctuation: 'Go!'
                singleOpen = false;
            }
            out.push_back(quote);
        } else if (quotes.frenchSpacing && (c == ';' || c == ':' || c == '!' || c == '?') &&
                   (isWordCharacter(prev) || isSpace(prev) || prev == quotes.closeDouble || prev == ')') &&
                   !(c == ':' && isDigit(prev) && isDigit(at(i + 1)))) {  // not in 12:30
            frenchSpaceBefore(out, quotes);
            out.push_back(c);
        } else {
            out.push_back(c);
        }
        if (offsetMap)
            for (size_t k = 0; k < consumed; ++k) (*offsetMap)[i + k] = here;
        i += consumed;
    }
    if (offsetMap) (*offsetMap)[in.size()] = static_cast<uint32_t>(out.size());
    return out;
}

std::string smartenPunctuation(std::string_view text, const QuoteStyle& quotes) {
    return encodeUtf8(smartenPunctuation(decodeUtf8(text), nullptr, nullptr, quotes));
}

void smartenPunctuation(RichText& text, const QuoteStyle& quotes) {
    std::u32string cps = decodeUtf8(text.text);
    std::vector<uint32_t> map;
    std::u32string cleaned = smartenPunctuation(cps, &map, nullptr, quotes);
    text.text = encodeUtf8(cleaned);
    std::vector<Mark> kept;
    for (Mark m : text.marks) {
        uint32_t start = map[std::min<size_t>(m.start, cps.size())];
        uint32_t end = map[std::min<size_t>(m.end, cps.size())];
        if (end <= start) continue;
        m.start = start;
        m.end = end;
        kept.push_back(std::move(m));
    }
    text.marks = std::move(kept);
}

}  // namespace galley
