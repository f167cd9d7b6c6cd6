// piece.h — inside layout: what planning makes of an article's blocks (pieces: a paragraph, a rule, an image, with
// their block style), and the state of the text piece being set. plan.cpp makes pieces; layout.cpp, drop_cap.cpp and
// windows.cpp place them.
#pragma once

#include "layout.h"
#include "line_placer.h"
#include "table_grid.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

namespace galley {

struct ArticleLayout::Piece {
    // Table: its grid; its cells are the Text pieces (role TableCell) right after it, in the grid's order, which
    // table.cpp measures and places with it (placing them on their own does nothing).
    enum Kind : uint8_t { Text, Rule, Image, Table } kind = Text;
    LineRole role = LineRole::Paragraph;
    uint32_t block = UINT32_MAX;
    uint32_t item = 0;             // ListItem: its index in the list
    int level = 0;                 // Heading: its level; in a list: the depth of the item it is (or is in)
    std::optional<long long> number;  // ListItem of an ordered list: its number (its marker says it)
    // Text: what to measure, kept so that measuring can wait until the piece is placed (incremental layout sets
    // the first screen without measuring the rest). `source` points into the article; header lines and quote
    // attributions are built here and kept in ownedSource.
    const RichText* source = nullptr;
    RichText ownedSource;
    const RichText& text() const { return source ? *source : ownedSource; }
    TextStyle textStyle;
    bool hyphenate = false;
    bool wantsDropCap = false;     // the first body paragraph, when LayoutParams::dropCap
    bool measured = false;
    uint32_t sourceBytes = 0;      // for progress: how much text this piece is
    // Text longer than two windows is measured and broken a window at a time when placed, never whole (and so not
    // kept measured between layouts); `para` stays empty.
    bool windowed = false;
    size_t textStartByte = 0;      // where the text to set starts in the source (after a drop cap's initial)...
    uint32_t textStartCodePoint = 0;
    MeasuredParagraph para;        // Text, once measured (not windowed)
    // ListItem: "•" or "3."; Note: its label (markerText, when hasMarker), once measured. Held apart: most pieces have
    // none, and an empty MeasuredParagraph in each took a 100,455-word article about 2 MB of heap.
    std::shared_ptr<const MeasuredParagraph> marker;
    std::string markerText;
    bool hasMarker = false;
    // Where the marker's column ends (em of the body size), when not at the piece's indent: a list item's first block
    // set in from the item's text (code, a quote: their bar in between) takes the item's marker in the item's indent.
    float markerIndent = -1;
    bool ragged = false;           // never justified (titles, headings, captions)
    float indent = 0;              // em of the body size
    float lineHeight = 1.5f;       // multiple of the piece's own size; 0 = the params' body line height
    float spaceBefore = 0;         // em of the body size
    float spaceAfter = 0;
    bool quoteBar = false;         // draw a bar left of the lines (block quotes)
    bool rulesAround = false;      // pull quotes
    float ruleFraction = 1.0f;     // Rule: fraction of the column, centred
    float imageAspect = 0;         // Image: height / width
    float imageWidth = 0;          // Image: intrinsic width in CSS px (0: unknown, fill the column)
    // Drop cap: the initial (opening quotes and one letter or digit), measured at the body size and scaled at layout
    // so that its cap height spans the first dropCapLines lines; the paragraph holds the rest of the text.
    bool hasDropCap = false;
    MeasuredParagraph initial;
    bool initialJoinsWord = false; // the initial's word goes on after it ("T" + "he")
    float initialInkLeft = 0;      // ink box of the initial, in ems of its size, from its pen position
    float initialInkRight = 0;
    float initialLetterHeight = 0; // how tall its script's letters stand, in ems: what spans the first lines
    std::string src, alt;
    TableGrid table;               // Table
};


// The text piece being set: how, where it started, and how far its windows have come.
struct ArticleLayout::TextInProgress {
    bool open = false;        // the piece's opening (space, marker, drop cap) is placed
    ParagraphSetting setting;
    float top = 0;            // where its lines start
    size_t firstLine = 0;     // its first line in the display list
    float minimumHeight = 0;  // a drop cap's lines
    size_t byte = 0;          // windowed: where the next window starts in the source text...
    uint32_t codePoint = 0;
    size_t lines = 0;         // ...how many lines the windows before it placed...
    int hyphenRun = 0;        // ...how many of the last of them, in a row, end at a hyphen break...
    float lookBefore = 0;     // ...and how loose the last one looks
};


// What the measured boxes may stretch by: a change of either means measuring again.
inline MeasureOptions measureOptionsOf(const LayoutParams& params, const std::string& language,
                                       const ThaiDictionary* thai, const CjkTiers* cjkTiers) {
    return {params.fontExpansion, params.letterSpacing, language, thai, cjkTiers};
}

}  // namespace galley
