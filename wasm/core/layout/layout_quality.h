// layout_quality.h — figures of merit for a laid-out article, computed from the display list's lines (the same data
// the `galley layout --json` dump prints), so that the CLI, the tests and the viewer judge a layout the same way.
//
// Space ratio of a line: the mean gap between its consecutive words divided by its natural space, over body lines
// that are not the last of their paragraph and hold at least two words. Fill of a line: where its ink ends, less
// any hanging punctuation, as a fraction of the measure (same lines). Hyphenated lines: lines that end in an
// inserted hyphen, over all body lines.
//
// Not here: laying out (layout.h); speed; reading another typesetter's lines to judge them by these figures
// (line_boxes.h).
#pragma once

#include "display_list.h"
#include "model.h"

#include <cstddef>

namespace galley {

struct LayoutQuality {
    size_t lines = 0;               // body lines measured (paragraph role)
    size_t spacedLines = 0;         // of them, those that count for space ratio and fill
    double meanSpaceDeviation = 0;  // mean |space ratio - 1|
    double maxSpaceRatio = 0;
    double minSpaceRatio = 0;
    double meanFill = 0;
    double fillDeviation = 0;       // standard deviation of the fill
    double hyphenatedFraction = 0;
    int longestHyphenRun = 0;       // most hyphenated lines in a row
    int overflowingLines = 0;       // ink outside the measure other than hanging punctuation
};

// Over the lines of `role` (body paragraphs by default).
LayoutQuality measureLayoutQuality(const DisplayList& layout, LineRole role = LineRole::Paragraph);

// Whether the paragraphs' lines hold exactly their blocks' text, word for word and in order: the laid-out words,
// with inserted hyphens removed, concatenate to the block's text without its white space.
bool keepsEveryWord(const Article& article, const DisplayList& layout);

// Whether justified text reads better than ragged at this measure, judged on these figures: justify when its spaces
// stay within JustifyMaxMeanDeviation on average and JustifyMaxSpaceRatio at worst. Align::Auto decides with the
// second while it lays out (LinePlacer::stretchesSpacesPast), from the breaker's ratios, without this pass.
constexpr double JustifyMaxMeanDeviation = 0.30;
// Spaces set at twice their width and more open visible rivers and holes: past this, a column is better ragged.
constexpr double JustifyMaxSpaceRatio = 2.0;
bool justifiedReadsWell(const LayoutQuality& justified);

}  // namespace galley
