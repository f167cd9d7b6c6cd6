// line_runs.h — a laid-out line cut into runs of text under the same link and the same inline marks, for the DOM
// text layer's elements: <a> for links and note references, and <code>, <sup>, <sub>, <s>, <em>, <strong>, which
// give screen readers, copy and find what the canvas shows by its faces and rules.
//
// Each word of a line knows where it is in its source text (WordBox::sourceBegin/End), and the marks address that
// text by code points: a line's runs follow from the two. The code point offset of each word is counted on from the
// last word's, so one LineRuns serves a whole layout, from one text layer chunk to the next (a long paragraph
// arrives in several): start a new one with each layout.
#pragma once

#include "display_list.h"
#include "model.h"

#include <cstdint>
#include <string>
#include <vector>

namespace galley {

// The inline marks a run is under, as bits.
enum RunMark : uint8_t {
    RunStrong = 1, RunEmphasis = 2, RunStrikethrough = 4, RunCode = 8, RunSuperscript = 16, RunSubscript = 32,
    RunNoteReference = 64,
};

// The text layer's names of `marks` (RunMark bits), outermost first, separated by spaces: the HTML elements "strong",
// "em", "s", "code", "sup", "sub", and "noteref" (a note reference: its link's role).
std::string runMarkNames(uint8_t marks);

struct LineRun {
    std::string text;
    int href = -1;        // index into the chunk's hrefs; -1: not a link
    uint8_t marks = 0;    // RunMark bits
};

class LineRuns {
public:
    // Fills runs when the line holds a link or a mark; returns false otherwise. The runs concatenate to the line's
    // words joined by spaces, an inserted hyphen left out; hrefs collects the chunk's links. A space between two words
    // is in a run only when the link or mark goes on across it. `source` is the text the line is set from
    // (ArticleLayout::sourceText); null: none, no runs.
    bool runsFor(const RichText* source, const TextLine& line, std::vector<LineRun>& runs, std::vector<std::string>& hrefs);

private:
    bool selectSource(const RichText* source);
    // A link mark's target; a note reference's is its note ("#" and the note's id).
    static std::string hrefOf(const Mark& mark) { return mark.kind == MarkKind::Note ? "#" + mark.note : mark.href; }
    uint32_t codePointAt(uint32_t byte);  // of a byte offset in rich_, counted on from the last one asked for
    int linkAt(uint32_t codePoint, std::vector<std::string>& hrefs);
    uint8_t marksAt(uint32_t codePoint) const { return codePoint < marksOfCodePoint_.size() ? marksOfCodePoint_[codePoint] : 0; }

    const RichText* rich_ = nullptr;
    uint32_t cursorByte_ = 0;   // a byte offset in rich_ and its code point offset
    uint32_t cursorCodePoint_ = 0;
    // The link mark over each code point of rich_ (index into its marks, the last one where links overlap; -1: none)
    // and the RunMark bits over it, each built when rich_ has such marks: a lookup per code point, however many marks
    // a long paragraph holds.
    std::vector<int32_t> linkOfCodePoint_;
    std::vector<uint8_t> marksOfCodePoint_;
    int32_t cachedMark_ = -1;   // the last mark looked up, and its index in the chunk's hrefs
    int cachedHref_ = -1;
};

}  // namespace galley
