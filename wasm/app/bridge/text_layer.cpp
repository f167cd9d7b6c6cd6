// text_layer.cpp — see text_layer.h.
#include "text_layer.h"

#include "table_grid.h"

#include "json_writer.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <utility>
#include <vector>

namespace galley {

namespace {

// Its length in UTF-16 code units, as JavaScript counts a string: one per code point, two above U+FFFF.
long utf16Length(const std::string& utf8) {
    long n = 0;
    for (const unsigned char c : utf8) n += (c & 0xC0) != 0x80 ? 1 : 0;  // a code point's first byte
    for (const unsigned char c : utf8) n += c >= 0xF0 ? 1 : 0;           // the first byte of four: a surrogate pair
    return n;
}

// Eighths of a CSS px, as "wb" carries positions (a sixteenth of a px at most from the layout's own).
long eighths(float px) { return std::lround(static_cast<double>(px) * 8.0); }

}  // namespace

// The theme colour a ColorRole is drawn in: its key in web/themes.js's themes.
const char* colorRoleName(ColorRole role) {
    switch (role) {
        case ColorRole::Text: return "text";
        case ColorRole::Muted: return "muted";
        case ColorRole::Link: return "link";
        case ColorRole::Rule: return "rule";
        case ColorRole::Accent: return "accent";
    }
    return "text";
}

namespace {

// Header lines (block UINT32_MAX) come before block 0.
long keyOf(uint32_t block) { return block == UINT32_MAX ? -1L : static_cast<long>(block); }

}  // namespace

namespace {

// A table's grid, for the page's <table> over it.
void writeTable(JsonWriter& w, const TableBox& t, float originX, float originY, bool comma) {
    w.raw(comma ? ",{" : "{");
    w.key("b"); w.integer(t.block);
    w.raw(","); w.key("x"); w.num(originX + t.x);
    w.raw(","); w.key("y"); w.num(originY + t.y);
    w.raw(","); w.key("w"); w.num(t.width);
    w.raw(","); w.key("h"); w.num(t.height);
    w.raw(","); w.key("cx"); w.num(originX + t.contentX);
    w.raw(","); w.key("cw"); w.num(t.contentWidth);
    w.raw(","); w.key("scroll"); w.raw(t.scrolls ? "true" : "false");
    if (t.rightToLeft) { w.raw(","); w.key("d"); w.str("rtl"); }
    w.raw(","); w.key("cols"); w.raw("[");
    for (size_t c = 0; c < t.columnWidths.size(); ++c) { w.raw(c ? "," : ""); w.num(t.columnWidths[c]); }
    w.raw("],"); w.key("rows"); w.raw("[");
    for (size_t r = 0; r < t.rowHeights.size(); ++r) { w.raw(r ? "," : ""); w.num(t.rowHeights[r]); }
    w.raw("],"); w.key("top"); w.num(originY + (t.cells.empty() ? t.y : t.cells[0].y));
    w.raw(","); w.key("cells"); w.raw("[");
    for (size_t k = 0; k < t.cells.size(); ++k) {
        const TableCellBox& c = t.cells[k];
        w.raw(k ? ",[" : "[");
        w.integer(c.item); w.raw(",");
        w.integer(c.row); w.raw(",");
        w.integer(c.column); w.raw(",");
        w.integer(c.rowSpan); w.raw(",");
        w.integer(c.columnSpan); w.raw(",");
        w.integer(c.inHeaderRow ? 1 : c.header ? 2 : 0);
        w.raw("]");
    }
    w.raw("]}");
}

}  // namespace

std::string writeTextLayerChunk(const Viewer& v, const ArticleLayout& layout, const DisplayList& display,
                                size_t lineBegin, size_t lineEnd,
                                size_t imageBegin, size_t imageEnd, size_t tableBegin, size_t tableEnd, float originX,
                                float originY, LineRuns& links, bool done) {
    const Article& article = v.bundle.articles[v.article];
    std::string out;
    JsonWriter w(out);
    out.reserve((lineEnd - lineBegin) * 200);
    std::vector<std::string> hrefs, words;
    std::vector<LineRun> runs;
    size_t run = 0;   // into display.runs, which follow the lines' order
    w.raw("{\"lines\":[");
    for (size_t i = lineBegin; i < lineEnd; ++i) {
        const TextLine& line = display.lines[i];
        words.clear();
        for (const WordBox& word : line.words) words.push_back(word.text);
        if (line.hyphenated && !words.empty() && !words.back().empty()) words.back().pop_back();  // drawn, not text
        std::string text;
        for (size_t k = 0; k < words.size(); ++k) {
            if (k > 0 && !line.words[k].joinsPrevious) text += ' ';
            text += words[k];
        }
        w.raw(i > lineBegin ? ",{" : "{");
        w.key("b"); w.integer(keyOf(line.block));
        w.raw(","); w.key("r"); w.str(lineRoleName(line.role));
        w.raw(","); w.key("l"); w.integer(line.level);
        w.raw(","); w.key("last"); w.raw(line.last ? "true" : "false");
        w.raw(","); w.key("hy"); w.raw(line.hyphenated ? "true" : "false");
        w.raw(","); w.key("iw"); w.raw(line.endsInWord ? "true" : "false");
        if (line.role == LineRole::TableCell) { w.raw(","); w.key("i"); w.integer(line.item); }
        if (line.number) { w.raw(","); w.key("n"); w.raw(std::to_string(*line.number).c_str()); }
        if (line.continues) { w.raw(","); w.key("cm"); w.num(line.continuationX); }
        if (line.rightToLeft) { w.raw(","); w.key("d"); w.str("rtl"); }
        if (line.color != ColorRole::Text) { w.raw(","); w.key("c"); w.str(colorRoleName(line.color)); }
        w.raw(","); w.key("x"); w.num(originX + line.x);
        w.raw(","); w.key("y"); w.num(originY + line.top);
        w.raw(","); w.key("w"); w.num(line.width);
        w.raw(","); w.key("h"); w.num(line.height);
        w.raw(","); w.key("bl"); w.num(line.baseline - line.top);
        w.raw(","); w.key("s"); w.num(line.fontSize);
        w.raw(","); w.key("f"); w.integer(static_cast<int>(v.faceShown(line.face)));
        w.raw(","); w.key("t"); w.str(text);
        w.raw(","); w.key("wb"); w.raw("[");
        for (size_t k = 0; k < words.size(); ++k) {
            const WordBox& word = line.words[k];
            w.raw(k ? "," : "");
            w.integer(utf16Length(words[k]));
            w.raw(",");
            w.integer(eighths(word.x));
            w.raw(",");
            w.integer(eighths(word.width));
        }
        w.raw("]");
        // Words in another face than the line's, when the layout recorded its runs (the print layout does).
        bool wordFaces = false;
        while (run < display.runs.size() && display.runs[run].line < i) ++run;
        for (uint32_t word = UINT32_MAX; run < display.runs.size() && display.runs[run].line == i; ++run) {
            const WordRun& r = display.runs[run];
            if (r.word == word || r.glyphCount == 0) continue;
            word = r.word;   // a word's first run names its face
            const FontStyle face = v.faceShown(display.glyphs[r.firstGlyph].style);
            if (face == v.faceShown(line.face)) continue;
            w.raw(",");
            if (!wordFaces) { w.key("wf"); w.raw("["); }
            wordFaces = true;
            w.integer(r.word);
            w.raw(",");
            w.integer(static_cast<int>(face));
        }
        if (wordFaces) w.raw("]");
        // A table cell's lines are set from the cell's text; every other line names its source.
        const RichText* source = nullptr;
        if (line.role != LineRole::TableCell) source = layout.sourceText(line.source);
        else if (line.block < article.blocks.size())
            if (const TableCell* cell = tableCellOf(article.blocks[line.block], line.item)) source = &cell->text;
        if (links.runsFor(source, line, runs, hrefs)) {
            w.raw(","); w.key("k"); w.raw("[");
            for (size_t r = 0; r < runs.size(); ++r) {
                w.raw(r ? ",[" : "[");
                w.str(runs[r].text);
                w.raw(",");
                w.integer(runs[r].href);
                if (runs[r].marks) { w.raw(","); w.str(runMarkNames(runs[r].marks)); }
                w.raw("]");
            }
            w.raw("]");
        }
        w.raw("}");
    }
    w.raw("],\"hrefs\":[");
    for (size_t i = 0; i < hrefs.size(); ++i) { if (i) w.raw(","); w.str(hrefs[i]); }
    w.raw("],\"images\":[");
    for (size_t i = imageBegin; i < imageEnd; ++i) {
        const ImageBox& im = display.images[i];
        w.raw(i > imageBegin ? ",{" : "{");
        w.key("b"); w.integer(im.block);
        w.raw(","); w.key("x"); w.num(originX + im.x);
        w.raw(","); w.key("y"); w.num(originY + im.y);
        w.raw(","); w.key("w"); w.num(im.width);
        w.raw(","); w.key("h"); w.num(im.height);
        w.raw(","); w.key("src"); w.str(im.src);
        w.raw(","); w.key("alt"); w.str(im.alt);
        w.raw("}");
    }
    w.raw("],\"tables\":[");
    for (size_t i = tableBegin; i < tableEnd; ++i) writeTable(w, display.tables[i], originX, originY, i > tableBegin);
    w.raw("],"); w.key("done"); w.raw(done ? "true" : "false");
    w.raw("}");
    return out;
}

std::string TextLayerWriter::next(Viewer& v, int maxLines) {
    v.relayoutIfNeeded();
    if (v.layoutGeneration != generation_) {
        generation_ = v.layoutGeneration;
        lines_ = images_ = tables_ = 0;
        links_ = LineRuns();
    }
    const auto& allLines = v.display.lines;
    // Only this layout's lines: further ones are left from the last layout until this one is done.
    const std::vector<TextLine> noLines;
    const size_t lineCount = v.layout ? v.layout->linesDone() : 0;
    const auto& images = v.display.images;
    const bool layoutDone = v.layoutDone();
    size_t end = lines_;
    const auto& lines = v.layout ? allLines : noLines;
    // Whole blocks, but a long paragraph or list may be cut once the chunk holds SplitBlockFactor times maxLines (a
    // 1 MB paragraph is some 17,000 lines): between list items if one ends within another maxLines, else between
    // any two lines but after a drop cap (which starts its paragraph's first row) or a list marker (which starts its
    // item). Layout, too, may have stopped inside a paragraph, between its windows.
    constexpr size_t SplitBlockFactor = 4;
    const size_t wanted = static_cast<size_t>(std::max(maxLines, 1));
    while (end < lineCount) {
        const size_t taken = end - lines_;
        const bool sameBlock = end > 0 && keyOf(lines[end].block) == keyOf(lines[end - 1].block);
        // A table comes whole, with its grid.
        const bool mayCut = !sameBlock || (taken >= SplitBlockFactor * wanted && lines[end - 1].role != LineRole::DropCap &&
                                           lines[end - 1].role != LineRole::Marker &&   // it starts the item after it
                                           lines[end].role != LineRole::TableCell &&
                                           (lines[end - 1].last || taken >= (SplitBlockFactor + 1) * wanted));
        if (taken >= wanted && mayCut) break;
        ++end;
    }
    // Images of blocks before the first line not taken (all laid out blocks when every line is taken).
    const long endKey = end < lineCount ? keyOf(lines[end].block)
                        : layoutDone ? LONG_MAX : static_cast<long>(v.layout->blocksDone());
    size_t imageEnd = images_, tableEnd = tables_;
    while (imageEnd < images.size() && keyOf(images[imageEnd].block) < endKey) ++imageEnd;
    while (tableEnd < v.display.tables.size() && keyOf(v.display.tables[tableEnd].block) < endKey) ++tableEnd;
    const bool done = layoutDone && end == lineCount;
    if (end == lines_ && imageEnd == images_ && tableEnd == tables_ && !done) return {};

    std::string out = writeTextLayerChunk(v, *v.layout, v.display, lines_, end, images_, imageEnd, tables_, tableEnd,
                                          v.columnX, v.top, links_, done);
    lines_ = end;
    images_ = imageEnd;
    tables_ = tableEnd;
    return out;
}

}  // namespace galley
