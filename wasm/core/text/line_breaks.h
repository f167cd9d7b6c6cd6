// line_breaks.h — where a paragraph of UTF-8 text may end a line: the break opportunities of UAX #14 (the Unicode
// Line Breaking Algorithm), with the language's tailoring, and Thai broken between words.
//
// UAX #14 through libunibreak 6.1 (galley::unibreak; Unicode 15.0 data and rules, its language tailorings: English,
// German, Spanish, French and Russian quotation marks, Chinese, Japanese and Korean ambiguous and conditional
// Japanese starters). Thai has no spaces between words, and UAX #14 gives no break inside a run of its letters
// (class SA); given a ThaiDictionary, such runs are broken between words by libthai's dictionary (th_brk, through
// galley::thai). No library type appears here.
//
// The language: libunibreak reads a BCP 47 tag by its first two letters (en, de, es, fr, ru, zh tailor quotation
// marks; zh, ja, ko make the ambiguous class AI ideographic) and a "-strict" suffix. Only with "-strict" ("" +
// "-strict" too) are the conditional Japanese starters (class CJ: small kana, the prolonged sound mark) UAX #14's
// default, NS, never starting a line (CSS's line-break: strict); otherwise they break like ideographs (CSS's
// normal). Untailored and strict, this is UAX #14 as LineBreakTest.txt checks it but for 35 cases
// (line_break_conformance_test.cpp lists them and why).
//
// Not here: hyphenation (hyphenator, word_hyphenation), choosing among the opportunities (breaking/), emergency
// breaks inside a word wider than the line, and the scripts of the SA class other than Thai (Lao, Khmer, Myanmar:
// their runs keep UAX #14's no-break).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace galley {

// What may happen at a position between two characters.
enum class BreakOpportunity : uint8_t {
    None,       // no line may end here (inside a character, a word, or before punctuation that must follow)
    Allowed,    // a line may end here
    Mandatory,  // a line must end here (after a line feed, a paragraph or line separator; at the text's end)
};

// libthai's Thai word dictionary (thbrk.tri, a double-array trie: Debian's libthai-data installs it as
// /usr/share/libthai/thbrk.tri), loaded once and read only, so one may serve any number of paragraphs.
class ThaiDictionary {
public:
    // nullptr when the file cannot be read as a dictionary.
    static std::unique_ptr<ThaiDictionary> open(const std::string& path);
    ~ThaiDictionary();
    ThaiDictionary(const ThaiDictionary&) = delete;
    ThaiDictionary& operator=(const ThaiDictionary&) = delete;

    // The code point offsets inside `thai` (Thai letters and signs only, no other character) where one word ends and
    // the next begins, ascending; neither 0 nor the run's length.
    std::vector<size_t> wordBoundaries(std::u32string_view thai) const;

private:
    struct Breaker;  // libthai's breaker over the loaded trie
    explicit ThaiDictionary(std::unique_ptr<Breaker> breaker);
    std::unique_ptr<Breaker> breaker_;
};

// The break opportunities of `paragraphUtf8`: element b (0 <= b <= size) says whether a line may end before byte b,
// that is between the character ending there and the one starting there. Element 0 is None (no line ends before the
// text starts), the last Mandatory (LB3), elements inside a character None. `language` is the paragraph's BCP 47
// tag ("en-US", "zh-Hans", "ja"; "" for none), read by libunibreak's tailorings as it reads it: by its first two
// letters, and a "-strict" suffix for Japanese and Chinese strict breaking. `thai` may be null: Thai runs then keep
// UAX #14's no-break. Text should be valid UTF-8 (the bundle loader accepts nothing else): an invalid byte is read
// as a character of its own, with U+FFFD's class.
std::vector<BreakOpportunity> lineBreaks(std::string_view paragraphUtf8, std::string_view language,
                                  const ThaiDictionary* thai);

}  // namespace galley
