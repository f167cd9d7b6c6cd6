// line_breaker.h — choose where a paragraph's lines end.
//
// The paragraph arrives as Knuth and Plass's item list (boxes, glue, penalties: "Breaking Paragraphs into Lines",
// 1981) already measured in CSS pixels; the breaker returns the chosen breakpoints and each line's adjustment ratio.
// It knows nothing about fonts, glyphs or text: collect/measure happens before it (paragraph_builder), placing
// glyphs after it (layout).
//
// Two strategies share these types:
//   breakFirstFit  — greedy: take as many items as fit, then break. What browsers do.
//   breakOptimal   — Knuth-Plass total-fit (knuth_plass.cpp).
//
// A break is legal at a glue item preceded by a box, at a penalty below PenaltyForbidden, or before a box marked
// breakBefore (LineBreak::item is then that box, the next line's first item). The item list must end
// with the usual finishing sequence (penalty +inf, glue with infinite stretch, penalty -inf); paragraph_builder adds it.
#pragma once

#include <cstddef>
#include <memory>
#include <vector>

namespace galley {

constexpr float PenaltyForbidden = 10000.0f;   // penalty >= this: never break here
constexpr float PenaltyForced = -10000.0f;     // penalty <= this: always break here

struct BreakItem {
    enum Kind : unsigned char { Box, Glue, Penalty };
    Kind kind = Box;
    bool flagged = false;   // Penalty: a hyphen break (consecutive flagged breaks cost extra)
    // Box: a line may also end just before this box, at `penalty`; the box then starts the next line. Used between
    // the glyphs of a word wider than any line (one item per glyph rather than two: a 1 MB word makes a million).
    bool breakBefore = false;
    float width = 0;        // Box, Glue; Penalty: width added at the end of the line if broken here (hyphen)
    float stretch = 0;      // Glue (and Box, for font expansion)
    float shrink = 0;       // Glue (and Box, for font expansion)
    float penalty = 0;      // Penalty; Box with breakBefore
    // Hanging punctuation (margin kerning): how far a Box's first glyph may hang into the margin at a line's start
    // when it starts one, and its last glyph into the margin at the end when it ends one (start and end in reading
    // order: the left and right margins of a left-to-right line, the right and left of a right-to-left one); for a
    // Penalty, how far what it inserts (a hyphen) may hang. Used only with BreakParams::hangingPunctuation.
    float hangStart = 0;
    float hangEnd = 0;

    static BreakItem box(float w) { BreakItem i; i.kind = Box; i.width = w; return i; }
    static BreakItem glue(float w, float st, float sh) { BreakItem i; i.kind = Glue; i.width = w; i.stretch = st; i.shrink = sh; return i; }
    static BreakItem pen(float w, float p, bool flag) { BreakItem i; i.kind = Penalty; i.width = w; i.penalty = p; i.flagged = flag; return i; }
};

// How the stretch and shrink of boxes (font expansion) is used.
enum class BoxAdjust : unsigned char {
    LikeGlue,  // one adjustment ratio for glue and boxes alike (the plain item model)
    First,     // pdfTeX: boxes expand or condense up to their limit first, glue takes only what remains
    None,      // boxes keep their natural width whatever their stretch and shrink say
};

struct BreakParams {
    // Width available to line i is lineWidths[min(i, size-1)]; first lines may differ (drop caps, indents).
    std::vector<float> lineWidths;
    bool justify = true;             // ragged-right otherwise: the breaker minimises the slack instead
    float tolerance = 2.0f;          // largest adjustment ratio accepted before the emergency pass
    float linePenalty = 10.0f;       // TeX's \linepenalty
    float flaggedDemerits = 3000.0f; // two hyphenated lines in a row
    float fitnessDemerits = 3000.0f; // adjacent lines of very different tightness
    float lastLineHyphenDemerits = 5000.0f;  // hyphen on the second-to-last line
    float widowWordDemerits = 2000.0f;       // a single short word alone on the last line
    // Ragged lines: badness = this * (slack / width)^2, squared again in the demerits. At 10000 a line 10% short costs
    // about as much as a very loose justified line, so total fit takes a hyphen to save a few percent of slack and
    // the right edge stays within a narrow band.
    float raggedBadnessScale = 10000.0f;
    int maxConsecutiveHyphens = 0;           // more hyphen breaks in a row than this are never chosen; 0: no limit
    // Hyphen breaks in a row just before the first line: the items continue a paragraph whose earlier lines are set
    // (a window of a long one), and the first lines count on from them for flaggedDemerits and the limit above.
    int hyphenBreaksBefore = 0;
    float lookBefore = 0;  // and how loose the line before looked: its ratio (plus boxRatio with BoxAdjust::First)
    BoxAdjust boxAdjust = BoxAdjust::LikeGlue;
    bool hangingPunctuation = false; // lines may be longer by the hang of their first and last glyphs (pdfTeX)
    float widthAt(size_t line) const {
        if (lineWidths.empty()) return 0;
        return line < lineWidths.size() ? lineWidths[line] : lineWidths.back();
    }
};

struct LineBreak {
    size_t item = 0;     // index of the glue or penalty item where the line ends (or of the breakBefore box after it)
    float ratio = 0;     // adjustment ratio of the line: <0 shrunk, >0 stretched (0 for a ragged line's slack)
                         // With BoxAdjust::First, the glue's ratio only.
    float boxRatio = 0;  // how far the boxes use their stretch (>0) or shrink (<0): 1 = all of it. LikeGlue: = ratio
    float hangStart = 0;  // how far the line's first glyph hangs into the margin at its start (hanging punctuation), px
    float hangEnd = 0;    // and its last glyph (or inserted hyphen) into the margin at its end, px
};

// Where the line after a break at `item` begins: the next item, or the box itself for a break before a box (glue and
// penalties at the start of a line are then skipped by whoever places it).
inline size_t lineStartAfterBreak(const std::vector<BreakItem>& items, size_t item) {
    return items[item].kind == BreakItem::Box ? item : item + 1;
}

// Greedy first fit. Always succeeds: an item wider than the line is set alone on an overfull line. Ignores hanging
// punctuation, and box stretch unless BoxAdjust::LikeGlue.
std::vector<LineBreak> breakFirstFit(const std::vector<BreakItem>& items, const BreakParams& params);

// Knuth-Plass optimal fit with rising tolerance and an emergency pass. Always succeeds.
std::vector<LineBreak> breakOptimal(const std::vector<BreakItem>& items, const BreakParams& params);

// Memory that breakOptimal reuses from call to call; one per caller (it is not shared between threads).
class BreakWorkspace {
public:
    BreakWorkspace();
    ~BreakWorkspace();
    BreakWorkspace(const BreakWorkspace&) = delete;
    BreakWorkspace& operator=(const BreakWorkspace&) = delete;
    struct Buffers;
    Buffers& buffers() { return *buffers_; }
    // The breaker drops nodes no live break descends from once it holds this many, and again each time it doubles
    // past what survived: a paragraph of a million glyph breaks then stays in a few MB. Tests lower it.
    size_t poolCompactionMinimum = size_t(1) << 16;

private:
    std::unique_ptr<Buffers> buffers_;
};

// The same, into `out`, with the workspace's memory: relayout of many paragraphs then hardly allocates.
void breakOptimal(const std::vector<BreakItem>& items, const BreakParams& params, BreakWorkspace& workspace,
                  std::vector<LineBreak>& out);

}  // namespace galley
