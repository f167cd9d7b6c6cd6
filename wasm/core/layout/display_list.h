// display_list.h — what layout produces and every renderer consumes: positioned glyphs, rules, link boxes, image
// boxes, and the text of each line with its position (for the DOM text layer, the layout dump and tests).
//
// Coordinates are CSS pixels: x from the left edge of the text column, y down from the top of the article.
// Glyph positions are fractional; renderers decide how to snap. Colours are roles, so a theme change re-renders
// without re-layout.
#pragma once

#include "font.h"
#include "text_style.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace galley {

// Which part of the article a line belongs to; names match the layout dump's "role".
// DropCap: the big initial of a paragraph set with LayoutParams::dropCap (its one word is the letter). TableCell: a
// line of a table's cell (TextLine::item says which: tableCellItem, table_grid.h). Credit: an image's credit line.
// Code: a line of a code block. Note: a line of a note at the article's end. Embed: a line of an embed's card (its
// title, then what and where it is).
enum class LineRole : uint8_t { Title, Subtitle, Byline, Paragraph, Heading, Quote, Pullquote, ListItem, Caption, Attribution, Marker, DropCap,
                                TableCell, Credit, Code, Note, Embed };
const char* lineRoleName(LineRole r);

struct PlacedGlyph {
    float x = 0, y = 0;      // pen position on the baseline
    float size = 0;          // em size in CSS px
    uint16_t glyph = 0;
    FontStyle style = FontStyle::Regular;
    ColorRole color = ColorRole::Text;
    float scaleX = 1;        // horizontal scale of the glyph about its pen position (font expansion, within ±2%)
    FontSlice slice = FontSlice{};  // which slice of the face `style` holds it
};

struct RuleBox {
    float x = 0, y = 0, width = 0, height = 0;
    ColorRole color = ColorRole::Rule;
};

struct LinkBox {
    float x = 0, y = 0, width = 0, height = 0;
    uint32_t href = 0;       // index into DisplayList::hrefs
};

struct ImageBox {
    float x = 0, y = 0, width = 0, height = 0;
    uint32_t block = 0;
    std::string src, alt;
};

struct WordBox {
    std::string text;        // UTF-8; a hyphenated line's last word includes the inserted hyphen
    float x = 0, width = 0;
    // Where the word is in the text it was set from (the block's text, list item, caption, or attribution as set:
    // attributionAsSet), as bytes [sourceBegin, sourceEnd): what the text layer finds the word's marks and links by.
    // An inserted hyphen is not in the source.
    uint32_t sourceBegin = 0;
    uint32_t sourceEnd : 31;
    // No space before it: it follows the word before it across a break opportunity without one (between Han
    // characters or Thai words, after a zero-width space), or it is the next piece of a word whose parts bidi
    // reordering placed apart (each piece its own box). Text joins such words without a space. A bit beside
    // sourceEnd (a source is at most 64 MiB): a long article holds one WordBox per word.
    uint32_t joinsPrevious : 1;
    WordBox() : sourceEnd(0), joinsPrevious(0) {}
};

// A run of a word's glyphs in one face (LayoutParams::recordRuns; the layout dump checks them against hb-shape):
// its text, bytes [textBegin, textEnd) of the word's source (as WordBox::sourceBegin), and its glyphs, which are
// DisplayList::glyphs[firstGlyph, firstGlyph + glyphCount) as drawn from left to right. A word's runs are in reading
// order and their texts join to the word's.
struct WordRun {
    uint32_t line = 0, word = 0;      // indices into DisplayList::lines and that line's words
    uint32_t textBegin = 0, textEnd = 0;
    uint32_t firstGlyph = 0, glyphCount = 0;
    bool rightToLeft = false;         // shaped right to left (an odd bidi level)
};

struct TextLine {
    uint32_t block = 0;      // index into the article's blocks; header lines use UINT32_MAX
    LineRole role = LineRole::Paragraph;
    // Heading: its level. In a list block: the depth of the item the line is (ListItem, its Marker) or is in (its
    // paragraphs, code, quotes), 0 for the list's own items.
    int level = 0;
    // The text the line is set from: ArticleLayout::sourceText(source) (header lines, blocks, list items at any
    // depth, notes); words' sourceBegin and sourceEnd are bytes of it. UINT32_MAX: none (markers).
    uint32_t source = UINT32_MAX;
    uint32_t item = 0;       // ListItem and Marker: the item's index in its list; TableCell: tableCellItem
    std::optional<long long> number;  // Marker of an ordered list's item: its number
    FontStyle face = FontStyle::Regular;  // the face the line's text is set in (marks may set words in others)
    bool last = false;       // last line of its paragraph
    bool hyphenated = false; // ends in an inserted hyphen
    bool endsInWord = false; // the break is inside a word (inserted hyphen, after a hyphen or dash, between Han
                             // characters or Thai words): no space follows
    bool rightToLeft = false;  // its paragraph's direction (the words are still in reading order)
    bool continues = false;  // code: the line goes on from the one before (wrapped, not a line of its own)
    float continuationX = 0; // code, when it continues: where its continuation mark (→, not text) is drawn, from x
    ColorRole color = ColorRole::Text;  // what its text is drawn in (its links in ColorRole::Link)
    // x and width span the line's ink, hanging punctuation included; word x are from the line's x.
    float x = 0, top = 0, width = 0, height = 0, baseline = 0;
    // Hanging punctuation: how far the ink starts left of the text column's edge (x = column edge - hangLeft) and
    // ends right of the measure. The line's other ink stays within the measure.
    float hangLeft = 0, hangRight = 0;
    float scaleX = 1;        // font expansion of the line's glyphs (1 = natural width)
    float letterSpacing = 0; // px added to each gap between two glyphs of a word (letter spacing; < 0: narrower)
    float fontSize = 0;
    float space = 0;         // natural inter-word space of this line's font at its size
    std::vector<WordBox> words;
};

// A table's cell as laid out: its place on the grid (table_grid.h) and its box, padding included.
struct TableCellBox {
    uint32_t item = 0;                 // tableCellItem(row, index in row): what its lines' TextLine::item say
    uint32_t row = 0, column = 0, rowSpan = 1, columnSpan = 1;
    bool header = false, inHeaderRow = false;
    float x = 0, y = 0, width = 0, height = 0;
};

// A table (its caption is lines of their own, above it). Its content spans [contentX, contentX + contentWidth); when
// that is wider than the column it scrolls sideways inside [x, x + width): a renderer draws the table's glyphs, rules
// and links (the ranges below) clipped to that box and moved left by its scroll offset (the page's scroller over
// it: DOM scrollLeft, negative in a right-to-left table, whose content starts at the right and overflows to the
// left). `height` includes the room below the rows kept for a scroll bar.
struct TableBox {
    uint32_t block = 0;
    float x = 0, y = 0, width = 0, height = 0;
    float contentX = 0, contentWidth = 0;
    bool scrolls = false;
    bool rightToLeft = false;
    std::vector<float> columnWidths;   // from the start (the right of a right-to-left table)
    std::vector<float> rowHeights;
    std::vector<TableCellBox> cells;   // in reading order
    uint32_t glyphBegin = 0, glyphEnd = 0, ruleBegin = 0, ruleEnd = 0, linkBegin = 0, linkEnd = 0;
};

struct DisplayList {
    float width = 0, height = 0;
    std::vector<PlacedGlyph> glyphs;
    std::vector<RuleBox> rules;
    std::vector<LinkBox> links;
    std::vector<std::string> hrefs;
    std::vector<ImageBox> images;
    std::vector<TextLine> lines;
    std::vector<TableBox> tables;
    std::vector<WordRun> runs;   // only with LayoutParams::recordRuns
    uint32_t missingGlyphs = 0;  // glyphs placed as .notdef (glyph 0): code points no loaded face has
    // Whether the body is set justified: LayoutParams::align, or what Align::Auto chose (until the layout is done,
    // what it holds so far: Auto may still start over ragged).
    bool justified = false;
};

}  // namespace galley
