// hyphenator.h — where a single word may take a hyphen, by Liang's pattern algorithm.
//
// Frank Liang, "Word Hy-phen-a-tion by Com-put-er" (1983): patterns such as ".ach4" or "a1b" score the gaps between
// letters; an odd winning score is a permitted hyphen. Patterns come from a LibreOffice/Hunspell hyphen .dic file
// (e.g. Debian's /usr/share/hyphen/hyph_en_US.dic) in UTF-8.
//
// Not here: finding words in text, URLs, capitalised words, words that already contain a hyphen, inserting the
// hyphen glyph. The caller decides which words to offer; this class only scores one word.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace galley {

class Hyphenator {
public:
    // Parses the text of a hyphen .dic file. The first line names the charset (UTF-8, or one of charsets.h); then
    // LEFTHYPHENMIN/RIGHTHYPHENMIN and COMPOUNDLEFTHYPHENMIN/COMPOUNDRIGHTHYPHENMIN lines and one Liang pattern per
    // line. A NEXTLEVEL line starts a second level, as libhyphen reads it: the first level finds a compound word's
    // parts, the second hyphenates each (German); a first level of settings alone gives way to the second (French).
    // Other keyword lines (NOHYPHEN), comments (% or #) and non-standard replacement rules ("c1/k=k,1,1") are
    // skipped. Returns nullopt (and a message in *error, if given) when the text has no usable patterns or another
    // charset.
    static std::optional<Hyphenator> fromDic(std::string_view text, std::string* error = nullptr);

    // The compiled form (`galley patterns compile`): this object's tables as bytes, and back. fromCompiled checks
    // every count and index against the file before using it, so a truncated or hostile file gives nullopt and a
    // message in *error, never an out-of-bounds read; what it accepts hyphenates exactly as the .dic it came from.
    std::string compiled() const;
    static std::optional<Hyphenator> fromCompiled(std::string_view bytes, std::string* error = nullptr);

    // Clears `breaks`, then fills it with the code point offsets, ascending, before which a hyphen may be inserted:
    // "hyphenation" gives {2, 6} (hy-phen-ation). Leaves it empty for words with ASCII digits, words shorter than
    // leftMin + rightMin code points and words longer than MaxWordLength code points (no real word is).
    // The word is lowercased first (char_class's toLower); U+2019 counts as an apostrophe.
    void hyphenate(std::string_view wordUtf8, std::vector<uint32_t>& breaks) const;

    // The fewest code points kept before the first / after the last hyphen. From the file (TeX's 2 and 3 if absent).
    unsigned leftMin() const { return leftMin_; }
    unsigned rightMin() const { return rightMin_; }
    void setMinimums(unsigned left, unsigned right) { leftMin_ = left < 1 ? 1 : left; rightMin_ = right < 1 ? 1 : right; }

    size_t patternCount() const { return patternCount_; }

    static constexpr size_t MaxWordLength = 64;

private:
    Hyphenator() = default;
    static std::optional<Hyphenator> parseLevel(std::string_view text);  // one level's lines; no charset line
    void buildDenseRows();   // denseChildren_ and each node's denseRow, from the edges
    void setAlphabet(const std::vector<uint32_t>& codePoints);  // sorted: symbol k + 1 is codePoints[k]
    // Liang's scores of the word's gaps: the odd ones at least `left` code points from its start and `right` from
    // its end.
    void scoreGaps(std::string_view wordUtf8, unsigned left, unsigned right, std::vector<uint32_t>& breaks) const;

    // Symbols are pattern characters renumbered densely from 1; 0 means "not in any pattern".
    uint16_t symbolOf(uint32_t codePoint) const;

    // The pattern trie in flat arrays, its nodes numbered breadth-first, so that edge e leads to node e + 1. Node i's
    // children are edges [edgeBegin[i], edgeBegin[i+1]), sorted by symbol.
    // A node that ends a pattern owns scores [scoreBegin, scoreBegin + depth + 1) in `scores_`: the score of the gap
    // before each of its letters, and after the last one.
    // Nodes with many children (the root and the first letters, which every lookup passes) also get a dense row in
    // `denseChildren_`, indexed by symbol; 0 there means no child (the root is nobody's child).
    struct TrieNode {
        uint32_t edgeBegin = 0;
        uint32_t scoreBegin = 0;
        uint32_t denseRow = NoDenseRow;
        uint8_t scoreCount = 0;  // 0: no pattern ends here
    };
    static constexpr uint32_t NoDenseRow = 0xFFFFFFFFu;
    std::vector<TrieNode> nodes_;       // nodes_[0] is the root; one extra sentinel node closes the last edge range
    std::vector<uint16_t> edgeSymbol_;
    std::vector<uint8_t> scores_;
    std::vector<uint32_t> denseChildren_;  // rows of symbolCount_ + 1 entries

    uint16_t asciiSymbol_[128] = {};
    std::vector<std::pair<uint32_t, uint16_t>> otherSymbols_;  // non-ASCII code point -> symbol, sorted
    uint16_t symbolCount_ = 0;

    unsigned leftMin_ = 2;
    unsigned rightMin_ = 3;
    bool minimumsGiven_ = false;         // the file set leftMin_ or rightMin_
    unsigned compoundLeft_ = 0, compoundRight_ = 0;  // where compound parts meet (0: as leftMin_, rightMin_)
    std::shared_ptr<const Hyphenator> nextLevel_;  // two-level files: the level that hyphenates each part
    size_t patternCount_ = 0;
};

}  // namespace galley
