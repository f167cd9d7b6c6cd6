// line_placer.h — lines: breaks one measured paragraph (or a window of one) with the line breaker and places its
// lines, glyphs, words and link boxes in the display list, at the ratios the breaker chose.
#pragma once

#include "display_list.h"
#include "layout.h"
#include "line_breaker.h"
#include "paragraph_builder.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace galley {

// Good book practice: a ladder of three hyphens at the right edge is never worth the spacing it saves.
constexpr int MaxConsecutiveHyphens = 2;

// How one paragraph is set: where, how wide, and with which of the breaker's options.
struct ParagraphSetting {
    float x0 = 0, y = 0, width = 0;   // column position of the text and its measure
    bool justify = true;
    Breaking breaking = Breaking::Optimal;
    bool hanging = false;             // hanging punctuation
    bool expansion = false;           // font expansion
    bool letterSpacing = false;       // letter spacing
    float lineHeightPx = 0;
    LineRole role = LineRole::Paragraph;
    uint32_t block = 0;
    uint32_t item = 0;                // a list item's index
    uint32_t source = UINT32_MAX;     // TextLine::source
    int level = 0;
    uint32_t sourceByte = 0;          // where the measured text starts in its source (a window's or after a drop cap)
    int narrowLines = 0;              // the first lines are indented by narrowIndent (a drop cap beside them)...
    float narrowIndent = 0;
    bool narrowAtRight = false;       // ...from the right (a right-to-left paragraph's drop cap), else the left
    bool endsParagraph = true;        // false for a window of a long paragraph that more text follows
    bool markContinuations = false;   // code: TextLine::continues on lines wrapped from the one before
    int hyphenBreaksBefore = 0;       // a window: hyphen breaks in a row at the end of the lines before it...
    float lookBefore = 0;             // ...and how loose the last of them looked (BreakParams::lookBefore)
    // Ragged lines: the fraction of each line's free space put before it at its start (0: flush at the start,
    // 0.5: centred, 1: flush at the end; the left of a right-to-left line). Table cells.
    float startSpaceFraction = 0;
};

// A paragraph's line breaking and placement. Keeps its scratch vectors between paragraphs so that a relayout allocates little beyond the output itself.
class LinePlacer {
public:
    LinePlacer(const FontSet& fonts, DisplayList& out, BreakWorkspace& workspace, std::vector<LineBreak>& breaks)
        : fonts_(fonts), out_(out), workspace_(workspace), breaks_(breaks) {}

    // The next line of the output. Lines left from an earlier layout into the same list are reused with their word
    // vectors and strings, so a relayout allocates almost nothing.
    TextLine& beginLine() {
        if (linesUsed_ == out_.lines.size()) out_.lines.emplace_back();
        TextLine& line = out_.lines[linesUsed_++];
        std::vector<WordBox> words = std::move(line.words);
        line = TextLine{};
        line.words = std::move(words);
        wordsUsed_ = 0;
        return line;
    }
    WordBox& addWord(TextLine& line) {
        if (wordsUsed_ == line.words.size()) line.words.emplace_back();
        return line.words[wordsUsed_++];
    }
    void endLine(TextLine& line) { line.words.resize(wordsUsed_); }
    // Whether to record the runs of glyphs of each word (DisplayList::runs).
    void recordRuns(bool on) { recordRuns_ = on; }
    // Drops lines left over from the earlier layout.
    void finish() { out_.lines.resize(linesUsed_); }
    size_t linesUsed() const { return linesUsed_; }

    // Breaks and places all of `p`; returns the height used.
    float place(const MeasuredParagraph& p, const ParagraphSetting& s) { return placeLines(p, s, breakLines(p, s)); }

    // Chooses the breaks of `p` (kept until the next call); returns the number of lines.
    size_t breakLines(const MeasuredParagraph& p, const ParagraphSetting& s);

    // Whether line `line` of the last breakLines() ends at a hyphen break (inserted or after a dash: a flagged penalty).
    bool endsAtHyphenBreak(size_t line) const {
        const BreakItem& end = (*items_)[breaks_[line].item];
        return end.kind == BreakItem::Penalty && end.flagged;
    }

    // How loose line `line` of the last breakLines() looks, as BreakParams::lookBefore wants it.
    float lookOf(size_t line) const {
        const LineBreak& br = breaks_[line];
        return br.ratio + (breakParams_.boxAdjust == BoxAdjust::First ? br.boxRatio : 0.0f);
    }

    // Whether any of the first `count` lines of the last breakLines() sets its word spaces wider than `limit` times
    // their natural width, in total over the line (its mean space, as layout_quality measures it): sum over its
    // glue of width + ratio * stretch > limit * sum of width, glue of no width left out (it stretches between the
    // characters of scripts without spaces, not between words). Not counted: the last line of a paragraph (never
    // stretched; `endsParagraph` says whether the last of these breaks is one) and lines without a word space (a
    // word wider than the measure is split between its glyphs, breakItemsFor, and its lines hold none). A line the
    // breaker could set no tighter, as when a paragraph needs its emergency pass, counts: ragged avoids it.
    bool stretchesSpacesPast(double limit, size_t count, bool endsParagraph) const;

    // Byte offset in p.text where the line after line `line` of the last breakLines() starts; p.text.size() when no
    // text follows it.
    size_t textAfterLine(const MeasuredParagraph& p, size_t line) const;

    // Places the first `count` lines of the last breakLines() (of the same paragraph and setting); returns their
    // height. The last of them ends the paragraph only if it is its last line and s.endsParagraph.
    float placeLines(const MeasuredParagraph& p, const ParagraphSetting& s, size_t count);

private:
    // The first item of line `line` of the last breakLines() (its first box, or its break when it has none).
    size_t lineStart(size_t line) const;

    // A part of a line of one bidi level: glyphs of one box, a space, or the inserted hyphen.
    struct Segment {
        enum Kind : uint8_t { Glyphs, Space, Hyphen } kind = Glyphs;
        uint8_t level = 0;
        size_t item = 0;              // the item it comes from
        uint32_t firstGlyph = 0, glyphCount = 0;
        float pen0 = 0;               // Glyphs: the pen position of its first glyph in the glyphs' x
        float lead = 0;               // Glyphs: letter gap before its first glyph (a box split by level)
        float width = 0;
        float x = 0;                  // where it was placed, from the line's x
        uint32_t placedGlyph = 0;     // index of its first glyph in the display list
    };
    // Places the glyphs and words of a line of a paragraph with bidi levels, items [start, br.item): segments in
    // logical order, reversed by UAX #9's rule L2, placed from the left. Returns the line's width.
    float placeReorderedLine(const MeasuredParagraph& p, const ParagraphSetting& s, TextLine& line, size_t start,
                             const LineBreak& br, float ratio, float boxRatio, float measure);

    const FontSet& fonts_;
    DisplayList& out_;
    BreakWorkspace& workspace_;
    std::vector<LineBreak>& breaks_;
    size_t linesUsed_ = 0, wordsUsed_ = 0;
    BreakParams breakParams_;
    std::vector<BreakItem> scratchItems_;
    std::vector<int32_t> scratchBoxOfItem_;
    std::vector<BoxRef> scratchBoxes_;
    // The items of the last breakLines(): the paragraph's own, or the scratch ones when it split wide boxes.
    const std::vector<BreakItem>* items_ = nullptr;
    const std::vector<int32_t>* boxOfItem_ = nullptr;
    const std::vector<BoxRef>* boxes_ = nullptr;
    // Moves line `line`, whose glyphs and links start at those indices of the output, by its share of its free space
    // (ParagraphSetting::startSpaceFraction).
    void alignRagged(TextLine& line, const ParagraphSetting& s, float measure, size_t firstGlyph, size_t firstLink);
    // Records the runs (one per face slot) of glyphs [first, first + count) of out_.glyphs, set from the measured
    // glyphs at `shaped`, as part of the current line's last word.
    void addRuns(const ShapedGlyph* shaped, uint32_t first, uint32_t count, uint32_t sourceByte,
                 bool rightToLeft = false);
    bool recordRuns_ = false;
    std::vector<Segment> segments_;
    std::vector<size_t> order_;
};


}  // namespace galley
