// table.cpp — a table block laid out: its cells measured like paragraphs (the Text pieces after the table's piece,
// plan.cpp), its columns set from their content (table_columns.h), each cell broken by the line breaker to its
// column's width, ragged and aligned at its start, centre or end, its rows as tall as their tallest cells, and the
// rules of a book table: one above and one below it, one under the header rows, hairlines between the other rows, no
// vertical ones. A table wider than the column (even its minimum widths do not fit) is laid out at its minimum widths
// and scrolls sideways inside the column (DisplayList's TableBox), with room below it for the scroll bar.
#include "piece.h"

#include "block_style.h"
#include "table_columns.h"

#include <algorithm>
#include <cmath>

namespace galley {

namespace {

// The width of a measured cell's text on one line: its widest run of items between forced breaks.
float oneLineWidth(const MeasuredParagraph& p) {
    float widest = 0, width = 0, spaces = 0;  // spaces: glue since the last box (not counted at a line's end)
    for (const BreakItem& item : p.items) {
        if (item.kind == BreakItem::Box) {
            width += spaces + item.width;
            spaces = 0;
        } else if (item.kind == BreakItem::Glue) {
            spaces += item.width;
        } else if (item.penalty <= PenaltyForced) {
            widest = std::max(widest, width);
            width = spaces = 0;
        }
    }
    return std::max(widest, width);
}

float startSpaceFraction(CellAlign align) {
    switch (align) {
        case CellAlign::Center: return 0.5f;
        case CellAlign::End: return 1.0f;
        default: return 0.0f;
    }
}

}  // namespace

void ArticleLayout::placeTable(size_t tablePiece) {
    DisplayList& out = *out_;
    Piece& table = pieces_[tablePiece];
    const TableGrid& grid = table.table;
    const size_t cellCount = grid.cells.size();
    Piece* const cells = &pieces_[tablePiece + 1];
    const float em = params_.fontSize;
    const float padX = std::round(style::TableCellPaddingX * em * style::TableSize);
    const float padY = std::round(style::TableCellPaddingY * em * style::TableSize);
    for (size_t i = 0; i < cellCount; ++i) {
        Piece& cell = cells[i];
        if (cell.measured) continue;
        cell.para = measureText(cell, 0, cell.text().text.size(), 0);
        cell.measured = true;
    }

    std::vector<CellExtent> extents(cellCount);
    for (size_t i = 0; i < cellCount; ++i) {
        const GridCell& g = grid.cells[i];
        const MeasuredParagraph& p = cells[i].para;
        extents[i] = {g.column, g.columnSpan, p.widestBox + 2 * padX, oneLineWidth(p) + 2 * padX};
    }
    const float column = out.width;
    TableBox box;
    box.block = table.block;
    box.columnWidths = autoColumnWidths(grid.columns, extents, column);
    box.rightToLeft = table.textStyle.direction == WritingDirection::RightToLeft;
    float contentWidth = 0;
    for (float w : box.columnWidths) contentWidth += w;
    box.x = 0;
    box.width = column;
    box.contentWidth = contentWidth;
    box.scrolls = contentWidth > column;
    // From the start: the left, or the right of a right-to-left table (which overflows to the left when it scrolls).
    box.contentX = box.rightToLeft ? column - contentWidth : 0;
    std::vector<float> columnStart(grid.columns + 1, 0);  // distance from the table's start edge
    for (uint32_t c = 0; c < grid.columns; ++c) columnStart[c + 1] = columnStart[c] + box.columnWidths[c];
    auto leftOf = [&](uint32_t first, uint32_t span) {
        return box.rightToLeft ? box.contentX + contentWidth - columnStart[first + span] : box.contentX + columnStart[first];
    };

    y_ += table.spaceBefore * em;
    box.y = y_;
    box.glyphBegin = static_cast<uint32_t>(out.glyphs.size());
    box.ruleBegin = static_cast<uint32_t>(out.rules.size());
    box.linkBegin = static_cast<uint32_t>(out.links.size());
    const float top = std::ceil(y_ + style::TableFrameRulePx);  // rows on whole pixels, as their columns are
    // Rows in order: each cell is set at its first row's top; a row ends below the tallest cell that ends in it.
    std::vector<float> rowTop(grid.rows + 1, top);
    const float oneLine = std::round(style::TableLineHeight * em * style::TableSize);
    size_t next = 0;  // the first cell of the row at hand (cells are in row order)
    std::vector<std::pair<size_t, float>> endingBelow;  // cells spanning further rows: index, bottom
    for (uint32_t r = 0; r < grid.rows; ++r) {
        float bottom = rowTop[r] + oneLine + 2 * padY;
        for (; next < cellCount && grid.cells[next].row == r; ++next) {
            const GridCell& g = grid.cells[next];
            Piece& cell = cells[next];
            float width = 0;
            for (uint32_t c = g.column; c < std::min(g.column + g.columnSpan, grid.columns); ++c) width += box.columnWidths[c];
            ParagraphSetting s;
            s.x0 = leftOf(g.column, std::min(g.columnSpan, grid.columns - g.column)) + padX;
            s.y = rowTop[r] + padY;
            s.width = std::max(width - 2 * padX, 1.0f);
            s.justify = false;
            s.breaking = params_.breaking;
            s.lineHeightPx = cell.lineHeight * cell.textStyle.size;
            s.role = LineRole::TableCell;
            s.block = table.block;
            s.item = cell.item;
            s.startSpaceFraction = startSpaceFraction(g.align);
            const size_t lines = cell.para.boxes.empty() ? 0 : placer_->breakLines(cell.para, s);
            const float height = (lines > 0 ? placer_->placeLines(cell.para, s, lines) : 0.0f) + 2 * padY;
            TableCellBox cellBox;
            cellBox.item = cell.item;
            cellBox.row = g.row;
            cellBox.column = g.column;
            cellBox.rowSpan = g.rowSpan;
            cellBox.columnSpan = g.columnSpan;
            cellBox.header = g.header;
            cellBox.inHeaderRow = g.inHeaderRow;
            cellBox.x = s.x0 - padX;
            cellBox.width = width;
            cellBox.height = height;  // its content's, until its rows are known
            box.cells.push_back(cellBox);
            if (g.rowSpan == 1) bottom = std::max(bottom, rowTop[r] + height);
            else endingBelow.emplace_back(box.cells.size() - 1, rowTop[r] + height);
        }
        for (const auto& [index, cellBottom] : endingBelow)
            if (box.cells[index].row + box.cells[index].rowSpan - 1 == r) bottom = std::max(bottom, cellBottom);
        rowTop[r + 1] = std::ceil(bottom);
    }
    for (TableCellBox& cell : box.cells) {
        cell.y = rowTop[cell.row];
        cell.height = rowTop[cell.row + cell.rowSpan] - cell.y;
    }
    for (uint32_t r = 0; r < grid.rows; ++r) box.rowHeights.push_back(rowTop[r + 1] - rowTop[r]);

    // Rules: the frame's above and below, the header's, and between other rows a hairline wherever no cell spans
    // across that row boundary (in runs of the columns it is drawn over).
    const float left = box.contentX, right = box.contentX + contentWidth;
    out.rules.push_back({left, y_, contentWidth, style::TableFrameRulePx, ColorRole::Muted});
    std::vector<uint8_t> spannedAcross(grid.columns);
    std::vector<const TableCellBox*> rowSpanning;  // only these cross row boundaries (a thousand rows: not all cells)
    for (const TableCellBox& cell : box.cells)
        if (cell.rowSpan > 1) rowSpanning.push_back(&cell);
    for (uint32_t r = 1; r < grid.rows; ++r) {
        const bool header = r == grid.headerRows;
        std::fill(spannedAcross.begin(), spannedAcross.end(), 0);
        for (const TableCellBox* spanning : rowSpanning)
            if (const TableCellBox& cell = *spanning; cell.row < r && cell.row + cell.rowSpan > r)
                for (uint32_t c = cell.column; c < std::min(cell.column + cell.columnSpan, grid.columns); ++c) spannedAcross[c] = 1;
        for (uint32_t c = 0; c < grid.columns;) {
            if (spannedAcross[c]) { ++c; continue; }
            uint32_t end = c;
            while (end < grid.columns && !spannedAcross[end]) ++end;
            const float x = leftOf(c, end - c);
            const float height = header ? style::TableHeaderRulePx : style::TableRowRulePx;
            out.rules.push_back({x, rowTop[r] - height / 2, columnStart[end] - columnStart[c], height,
                                 header ? ColorRole::Muted : ColorRole::Rule});
            c = end;
        }
    }
    const float rowsBottom = rowTop[grid.rows];
    out.rules.push_back({left, rowsBottom, right - left, style::TableFrameRulePx, ColorRole::Muted});
    y_ = rowsBottom + style::TableFrameRulePx;
    if (box.scrolls) y_ += std::round(style::TableScrollbarRoom * em);
    box.height = y_ - box.y;
    box.glyphEnd = static_cast<uint32_t>(out.glyphs.size());
    box.ruleEnd = static_cast<uint32_t>(out.rules.size());
    box.linkEnd = static_cast<uint32_t>(out.links.size());
    out.tables.push_back(std::move(box));
    y_ += table.spaceAfter * em;
}

}  // namespace galley
