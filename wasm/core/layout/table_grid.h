// table_grid.h — a table block's cells on its grid, as HTML's table model places them: each row's cells take, from
// the start, the grid columns that no row span from above still covers; a span past the last row is cut there. The
// loader has already bounded the grid (MaxTableColumns); this is where layout, the text layer and the tests read it.
//
// Not here: widths (table_columns.h), measuring or placing cells (table.cpp).
#pragma once

#include "model.h"

#include <cstdint>
#include <vector>

namespace galley {

struct GridCell {
    uint32_t row = 0, column = 0;           // its first grid row and column (column 0: the start, the right in RTL)
    uint32_t rowSpan = 1, columnSpan = 1;   // cut at the table's last row
    uint32_t indexInRow = 0;                // which cell of Block::rows[row] it is
    // A header: in a header row (a column header), the first cell of a row under Block::headerColumn, or a cell
    // marked header (both row headers).
    bool header = false;
    bool inHeaderRow = false;
    CellAlign align = CellAlign::Start;     // the cell's own, else its column's, else the start
};

struct TableGrid {
    uint32_t rows = 0, columns = 0;
    uint32_t headerRows = 0;
    std::vector<GridCell> cells;            // in reading order: row by row, each row's cells from the start
};

TableGrid tableGrid(const Block& table);

// What TextLine::item holds for a table cell's lines: its row and its index in the row, in one number (a row holds
// at most MaxTableColumns cells), and back.
inline uint32_t tableCellItem(uint32_t row, uint32_t indexInRow) { return row * MaxTableColumns + indexInRow; }
inline uint32_t tableCellRow(uint32_t item) { return item / MaxTableColumns; }
inline uint32_t tableCellIndexInRow(uint32_t item) { return item % MaxTableColumns; }

// The cell a table cell's line is set from (TextLine::item), or null when the block holds none such.
const TableCell* tableCellOf(const Block& table, uint32_t item);

}  // namespace galley
