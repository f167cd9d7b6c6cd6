// line_breaks.cpp — lineBreaks over libunibreak (set_linebreaks_utf32, on code points decoded by utf8::next), and
// ThaiDictionary over libthai (th_brk_new, th_brk_wc_find_breaks). Results per code point become results per byte
// here.
#include "line_breaks.h"

#include "utf8.h"

#include <linebreak.h>
#include <thai/thbrk.h>
#include <thai/thwbrk.h>

#include <climits>
#include <new>

namespace galley {

struct ThaiDictionary::Breaker {
    ThBrk* brk = nullptr;
    ~Breaker() {
        if (brk) th_brk_delete(brk);
    }
};

ThaiDictionary::ThaiDictionary(std::unique_ptr<Breaker> breaker) : breaker_(std::move(breaker)) {}
ThaiDictionary::~ThaiDictionary() = default;

std::unique_ptr<ThaiDictionary> ThaiDictionary::open(const std::string& path) {
    auto breaker = std::make_unique<Breaker>();
    breaker->brk = th_brk_new(path.c_str());
    if (!breaker->brk) return nullptr;
    return std::unique_ptr<ThaiDictionary>(new ThaiDictionary(std::move(breaker)));
}

std::vector<size_t> ThaiDictionary::wordBoundaries(std::u32string_view thai) const {
    std::vector<size_t> boundaries;
    if (thai.size() < 2) return boundaries;
    if (thai.size() > static_cast<size_t>(INT_MAX)) throw std::bad_alloc();
    // libthai takes a NUL-terminated wide string (and converts it to TIS-620, which holds every Thai letter).
    std::vector<thwchar_t> text(thai.begin(), thai.end());
    text.push_back(0);
    std::vector<int> positions(thai.size());
    // th_brk_wc_find_breaks only reads the breaker (each call has its own working memory), hence const here.
    int count = th_brk_wc_find_breaks(breaker_->brk, text.data(), positions.data(), positions.size());
    for (int i = 0; i < count; ++i) {
        if (positions[i] > 0 && static_cast<size_t>(positions[i]) < thai.size())
            boundaries.push_back(static_cast<size_t>(positions[i]));
    }
    return boundaries;
}

namespace {

// The Thai letters and signs of line break class SA (LineBreak.txt 15.0: U+0E01-0E3A, U+0E40-0E4E); not the baht
// sign, fongman, digits or the two punctuation marks (PR, AL, NU, BA).
bool isThaiSA(utf32_t c) { return (c >= 0x0E01 && c <= 0x0E3A) || (c >= 0x0E40 && c <= 0x0E4E); }

}  // namespace

std::vector<BreakOpportunity> lineBreaks(std::string_view paragraphUtf8, std::string_view language,
                                  const ThaiDictionary* thai) {
    std::vector<BreakOpportunity> result(paragraphUtf8.size() + 1, BreakOpportunity::None);
    if (paragraphUtf8.empty()) {
        result[0] = BreakOpportunity::Mandatory;  // LB3: the end of the text (which is also its start)
        return result;
    }
    std::vector<utf32_t> chars;
    std::vector<size_t> ends;  // byte offset after each code point
    chars.reserve(paragraphUtf8.size());
    ends.reserve(paragraphUtf8.size());
    for (size_t i = 0; i < paragraphUtf8.size();) {
        chars.push_back(utf8::next(paragraphUtf8, i));
        ends.push_back(i);
    }

    // brks[i]: what may happen after code point i.
    std::string lang(language);
    std::vector<char> brks(chars.size());
    set_linebreaks_utf32(chars.data(), chars.size(), lang.c_str(), brks.data());
    for (size_t i = 0; i < chars.size(); ++i) {
        BreakOpportunity& at = result[ends[i]];
        if (brks[i] == LINEBREAK_MUSTBREAK) at = BreakOpportunity::Mandatory;
        else if (brks[i] == LINEBREAK_ALLOWBREAK) at = BreakOpportunity::Allowed;
    }
    result.back() = BreakOpportunity::Mandatory;  // LB3

    if (thai) {
        for (size_t start = 0; start < chars.size();) {
            if (!isThaiSA(chars[start])) {
                ++start;
                continue;
            }
            size_t end = start;
            while (end < chars.size() && isThaiSA(chars[end])) ++end;
            std::u32string run(chars.begin() + start, chars.begin() + end);
            for (size_t boundary : thai->wordBoundaries(run)) {
                BreakOpportunity& at = result[ends[start + boundary - 1]];
                if (at == BreakOpportunity::None) at = BreakOpportunity::Allowed;
            }
            start = end;
        }
    }
    return result;
}

}  // namespace galley
