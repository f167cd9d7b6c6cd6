// bidi.cpp — resolveBidi and visualRuns over fribidi: UTF-8 to code points, fribidi's types, bracket pairs and
// levels per code point, then levels per byte. fribidi works on arrays of code points; this file is the only one that
// sees them.
//
// One fix over fribidi 1.0.8: its fribidi_reorder_line resets a line's trailing white space, embedding controls and
// boundary neutrals (L1.4) but not its trailing isolate controls, which Unicode 6.3 added to the rule; visualRuns
// resets those too before calling it. (Its paragraph pass does include them, so the paragraph's own end is right.)
#include "bidi.h"

#include "utf8.h"

#include <fribidi.h>

#include <cstdint>
#include <new>

namespace galley {

namespace {

// The code points of `text` and the byte offset where each starts (with text.size() after the last).
struct CodePoints {
    std::vector<FriBidiChar> chars;
    std::vector<size_t> starts;
};

CodePoints decode(std::string_view text) {
    CodePoints cps;
    cps.chars.reserve(text.size());
    cps.starts.reserve(text.size() + 1);
    for (size_t i = 0; i < text.size();) {
        cps.starts.push_back(i);
        cps.chars.push_back(utf8::next(text, i));
    }
    cps.starts.push_back(text.size());
    return cps;
}

FriBidiStrIndex checkedLength(size_t n) {
    // fribidi indexes with int; no paragraph Galley accepts (bundles are at most 64 MiB) comes near.
    if (n > static_cast<size_t>(INT32_MAX)) throw std::bad_alloc();
    return static_cast<FriBidiStrIndex>(n);
}

}  // namespace

BidiParagraph resolveBidi(std::string_view paragraphUtf8, BidiDirection direction) {
    BidiParagraph paragraph;
    FriBidiParType baseDirection = direction == BidiDirection::RightToLeft ? FRIBIDI_PAR_RTL
                                   : direction == BidiDirection::LeftToRight ? FRIBIDI_PAR_LTR
                                                                             : FRIBIDI_PAR_ON;
    paragraph.baseLevel_ = direction == BidiDirection::RightToLeft ? 1 : 0;
    if (paragraphUtf8.empty()) return paragraph;

    CodePoints cps = decode(paragraphUtf8);
    FriBidiStrIndex n = checkedLength(cps.chars.size());
    std::vector<FriBidiCharType> types(cps.chars.size());
    std::vector<FriBidiBracketType> brackets(cps.chars.size());
    std::vector<FriBidiLevel> levels(cps.chars.size());
    fribidi_get_bidi_types(cps.chars.data(), n, types.data());
    fribidi_get_bracket_types(cps.chars.data(), n, types.data(), brackets.data());
    // Returns 0 only when fribidi could not allocate its run lists.
    if (fribidi_get_par_embedding_levels_ex(types.data(), brackets.data(), n, &baseDirection, levels.data()) == 0)
        throw std::bad_alloc();
    paragraph.baseLevel_ = FRIBIDI_DIR_TO_LEVEL(baseDirection);

    paragraph.levels_.resize(paragraphUtf8.size());
    uint8_t previous = paragraph.baseLevel_;
    for (size_t c = 0; c < cps.chars.size(); ++c) {
        uint8_t value = static_cast<uint8_t>(levels[c]) & BidiParagraph::LevelMask;
        if (FRIBIDI_IS_EXPLICIT_OR_BN(types[c])) value = previous | BidiParagraph::RemovedFlag;
        previous = value & BidiParagraph::LevelMask;
        for (size_t b = cps.starts[c]; b < cps.starts[c + 1]; ++b) paragraph.levels_[b] = value;
    }
    return paragraph;
}

std::vector<BidiRun> visualRuns(std::string_view paragraphUtf8, const BidiParagraph& paragraph, size_t lineBegin,
                                size_t lineEnd) {
    std::vector<BidiRun> runs;
    if (lineEnd > paragraph.size()) lineEnd = paragraph.size();
    if (lineBegin >= lineEnd) return runs;

    std::string_view line = paragraphUtf8.substr(lineBegin, lineEnd - lineBegin);
    CodePoints cps = decode(line);
    FriBidiStrIndex n = checkedLength(cps.chars.size());
    std::vector<FriBidiCharType> types(cps.chars.size());
    fribidi_get_bidi_types(cps.chars.data(), n, types.data());
    std::vector<FriBidiLevel> levels(cps.chars.size());
    for (size_t c = 0; c < cps.chars.size(); ++c)
        levels[c] = static_cast<FriBidiLevel>(paragraph.level(lineBegin + cps.starts[c]));

    // L1.4 with the isolate controls fribidi_reorder_line leaves out (see the top of this file).
    const FriBidiLevel base = static_cast<FriBidiLevel>(paragraph.baseLevel());
    for (size_t c = cps.chars.size(); c-- > 0;) {
        if (!FRIBIDI_IS_EXPLICIT_OR_BN_OR_WS(types[c]) && !FRIBIDI_IS_ISOLATE(types[c])) break;
        levels[c] = base;
    }
    // L2 (and the rest of L1.4). No flags: no L3 (marks stay after their bases, for shaping), no mirroring.
    std::vector<FriBidiStrIndex> map(cps.chars.size());
    for (size_t c = 0; c < map.size(); ++c) map[c] = static_cast<FriBidiStrIndex>(c);
    FriBidiParType baseDirection = (base & 1) ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_LTR;
    if (fribidi_reorder_line(0, types.data(), n, 0, baseDirection, levels.data(), nullptr, map.data()) == 0)
        throw std::bad_alloc();

    // Visual positions i..j form one run while they keep one level and step through the text in its direction.
    for (size_t i = 0; i < map.size();) {
        FriBidiLevel level = levels[map[i]];
        FriBidiStrIndex step = (level & 1) ? -1 : 1;
        size_t j = i;
        while (j + 1 < map.size() && levels[map[j + 1]] == level && map[j + 1] == map[j] + step) ++j;
        size_t first = static_cast<size_t>(step > 0 ? map[i] : map[j]);
        size_t last = static_cast<size_t>(step > 0 ? map[j] : map[i]);
        runs.push_back({lineBegin + cps.starts[first], lineBegin + cps.starts[last + 1],
                        static_cast<BidiLevel>(level)});
        i = j + 1;
    }
    return runs;
}

}  // namespace galley
