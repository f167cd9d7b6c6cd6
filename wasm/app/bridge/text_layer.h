// text_layer.h — the viewer's layout as JSON for the DOM text layer (web/text-layer.js), a chunk at a time.
//
// Each chunk holds whole blocks of at least maxLines lines when there are that many laid out, but a long paragraph or
// list comes in parts (a chunk's first line then continues the block of the last chunk's last line); "" when nothing
// new is laid out. Coordinates in CSS px relative to the document (column offset and top margin included):
//   {"lines": [{"b": block (-1: header), "r": role, "l": heading level; in a list, the depth of the item the line is
//               or is in (TextLine::level), "n": a marker's number in an ordered list, "last", "hy": ends in an
//               inserted hyphen, "iw": ends inside a word, "d": "rtl" on right-to-left lines, "c": the theme colour
//               its text is drawn in when not "text" (colorRoleName: "muted", "accent"; its links are "link"), "x",
//               "y", "w", "h", "bl": the baseline from "y" (where the canvas draws it), "s": font size, "f": the face
//               drawn (FontStyle, the index into faces.js), "t": text without the inserted hyphen,
//               "wb": [length, x, width, ...]: each word of "t" in reading order, as drawn: its length in UTF-16 code
//               units (words follow each other in "t" with a space between them, or none where a word joins the one
//               before: WordBox::joinsPrevious), and its box from the line's x, in eighths of a px (x from the left,
//               visual, on right-to-left lines too; a hyphenated line's last box includes the inserted hyphen),
//               "wf": [word index, face, ...]: the words drawn in another face than "f" (an emphasis), only when
//               the layout recorded its runs (LayoutParams::recordRuns: the print layout),
//               "k": [[text, href index or -1, marks], ...] (only when the line holds links or inline marks; the runs
//               concatenate to "t"; marks: runMarkNames, line_runs.h, omitted when none),
//               "i": a table cell's line ("r": "cell"): which cell, as its "cells" entry's first number says,
//               "cm": a wrapped line of code (it goes on from the one before): where its continuation mark (→, drawn,
//               not text) starts, from "x"}],
//    "hrefs": [...] (this chunk's), "images": [{"b", "x", "y", "w", "h", "src", "alt"}],
//    "tables": [{"b", "x", "y", "w", "h": the table's box in the column (scroll bar room included), "cx", "cw": where
//                its content lies (wider than "w" when "scroll": it scrolls sideways inside the box; a right-to-left
//                one, "d": "rtl", starts at the right and overflows to the left), "cols": column widths from the
//                start, "rows": row heights from "top", the first row's top, "cells": [[cell, row, column, rowspan,
//                colspan, kind], ...] in reading order (kind 0 a data cell, 1 a column header: in a header row, 2 a
//                row header)}] (a table comes whole in one chunk, its lines and its grid), "done": the last chunk}
// A new layout (Viewer::layoutGeneration changes) starts again from the first line.
#pragma once

#include "line_runs.h"
#include "viewer.h"

#include <cstddef>
#include <cstdint>
#include <string>

namespace galley {

const char* colorRoleName(ColorRole role);

// One chunk in that format: lines [lineBegin, lineEnd), images [imageBegin, imageEnd) and tables [tableBegin,
// tableEnd) of `display`, a layout of
// the viewer's current article, placed at (originX, originY); `links` has seen the lines before lineBegin.
std::string writeTextLayerChunk(const Viewer& v, const ArticleLayout& layout, const DisplayList& display,
                                size_t lineBegin, size_t lineEnd,
                                size_t imageBegin, size_t imageEnd, size_t tableBegin, size_t tableEnd, float originX,
                                float originY, LineRuns& links, bool done);

class TextLayerWriter {
public:
    std::string next(Viewer& v, int maxLines);

private:
    uint32_t generation_ = UINT32_MAX;  // the layout the chunks so far came from
    size_t lines_ = 0, images_ = 0, tables_ = 0;  // how far the page has been given its lines, images and tables
    LineRuns links_;                    // where link and mark matching has come to in this layout
};

}  // namespace galley
