// typography.cpp — see typography.h. One left-to-right pass over code points; each decision looks only at the
// already-written output (for the character before) and the input (for the characters after), which is what
// makes quotes after a converted dash ("—“") come out right.
#include "typography.h"

#include <algorithm>

#include "text_util.h"

namespace galley {

namespace {

constexpr char32_t LeftSingle = U'\u2018', RightSingle = U'\u2019';
constexpr char32_t LeftDouble = U'\u201C', RightDouble = U'\u201D';
constexpr char32_t EnDash = U'\u2013', EmDash = U'\u2014', Ellipsis = U'\u2026';

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

std::u32string smartenPunctuation(std::u32string_view in, std::vector<uint32_t>* offsetMap,
                                  const std::vector<bool>* verbatim) {
    std::vector<bool> keep = protectUrls(in, verbatim);
    std::u32string out;
    out.reserve(in.size());
    if (offsetMap) offsetMap->assign(in.size() + 1, 0);
    auto at = [&](size_t k) -> char32_t { return k < in.size() ? in[k] : 0; };
    auto free = [&](size_t k) { return k < in.size() && !keep[k]; };

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
            out.push_back(opening ? LeftDouble : RightDouble);
        } else if (c == '\'') {
            char32_t quote = RightSingle;
            if (isWordCharacter(prev)) {
                quote = RightSingle;  // don't, Jones', 1990's
            } else if (out.empty() || opensAfter(prev)) {
                std::u32string_view rest = in.substr(i + 1);
                bool decade = isDigit(at(i + 1)) && isDigit(at(i + 2)) && !isDigit(at(i + 3));  // '90s
                if (decade || startsElision(rest) || rest.empty() || isSpace(rest[0]))
                    quote = RightSingle;
                else
                    quote = LeftSingle;
            }
            out.push_back(quote);
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

std::string smartenPunctuation(std::string_view text) {
    return encodeUtf8(smartenPunctuation(decodeUtf8(text)));
}

void smartenPunctuation(RichText& text) {
    std::u32string cps = decodeUtf8(text.text);
    std::vector<uint32_t> map;
    std::u32string cleaned = smartenPunctuation(cps, &map);
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
