// bidi.h — the Unicode Bidirectional Algorithm (UAX #9) for one paragraph of UTF-8 text: the embedding level of
// every character (rules P2-P3, X1-X10, W1-W7, N0-N2, I1-I2), and, for one line of it, the visual order of its runs
// (rules L1 and L2). Levels are given per byte, so that a caller holding byte offsets reads them directly.
//
// Through fribidi (galley::fribidi: Debian's 1.0.8, whose character data is Unicode 10); no fribidi type appears
// here. Not here: splitting text into paragraphs (rule P1: the caller gives one), mirrored glyphs and the order of
// combining marks (rules L3, L4: shaping does them, given a run's direction), shaping, line breaking.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace galley {

// An embedding level: even left to right, odd right to left; at most BidiMaxLevel (UAX #9's max_depth 125, plus
// one that implicit rules may add).
using BidiLevel = uint8_t;
constexpr BidiLevel BidiMaxLevel = 126;

// The paragraph's direction: given, or found from its first strong character (rules P2-P3; left to right when it
// has none).
enum class BidiDirection { LeftToRight, RightToLeft, Auto };

// A paragraph's resolved levels, one per byte of its text (the bytes of a character share its level).
class BidiParagraph {
public:
    BidiParagraph() = default;

    // 0 for a left-to-right paragraph, 1 for a right-to-left one.
    BidiLevel baseLevel() const { return baseLevel_; }
    size_t size() const { return levels_.size(); }
    // The level of the character holding byte `byte`. Rule L1 is applied as far as it does not depend on where lines
    // end: segment and paragraph separators, the white space before them and at the paragraph's end have the
    // paragraph's level. The rest of L1, a line's trailing white space, is visualRuns'.
    BidiLevel level(size_t byte) const { return levels_[byte] & LevelMask; }
    // Whether that character is one rule X9 removes from the algorithm: the embedding and override controls
    // (LRE, RLE, LRO, RLO, PDF) and the boundary neutrals (ZWJ, ZWNJ, soft hyphen, U+FEFF, other controls). They stay
    // text, to be shaped or hidden as such; their level is the one of the character before them (the paragraph's,
    // first), so they never split a run. Isolates (LRI, RLI, FSI, PDI) are not among them.
    bool removedByX9(size_t byte) const { return (levels_[byte] & RemovedFlag) != 0; }

private:
    friend BidiParagraph resolveBidi(std::string_view, BidiDirection);
    static constexpr uint8_t RemovedFlag = 0x80;
    static constexpr uint8_t LevelMask = 0x7F;
    BidiLevel baseLevel_ = 0;
    std::vector<uint8_t> levels_;  // level | RemovedFlag
};

// Resolves the levels of `paragraphUtf8`. Invalid UTF-8 is read as utf8::next reads it (each bad byte a U+FFFD,
// a neutral).
BidiParagraph resolveBidi(std::string_view paragraphUtf8, BidiDirection direction);

// A run of one level: bytes [begin, end) of the paragraph, in logical order; drawn right to left when the level is
// odd.
struct BidiRun {
    size_t begin = 0;
    size_t end = 0;
    BidiLevel level = 0;
    bool rightToLeft() const { return (level & 1) != 0; }
};

// The runs of the line made of bytes [lineBegin, lineEnd) of the paragraph (character boundaries), from left to
// right as they are to be drawn. Rule L1 first: the line's trailing white space and isolate controls, and every
// segment separator (tab) and paragraph separator with the white space before it, take the paragraph's level
// (characters removed by X9 among them too); the runs carry these levels. Then rule L2: from the highest level down
// to the lowest odd one, every maximal sequence at that level or higher is reversed. Adjacent characters of one
// level form one run. `paragraph` must be resolveBidi's result for the same text. Empty for an empty line.
std::vector<BidiRun> visualRuns(std::string_view paragraphUtf8, const BidiParagraph& paragraph, size_t lineBegin,
                                size_t lineEnd);

}  // namespace galley
