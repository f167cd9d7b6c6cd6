// table_grid.cpp — see table_grid.h. The same walk as the loader's bound on the grid's width (bundle_loader.cpp).
#include "table_grid.h"

#include <algorithm>

namespace galley {

TableGrid tableGrid(const Block& table) {
    TableGrid grid;
    grid.rows = static_cast<uint32_t>(table.rows.size());
    grid.headerRows = std::min(table.headerRows, grid.rows);
    std::vector<uint32_t> spannedBelow;  // per grid column: rows still covered by a row span from above
    for (uint32_t r = 0; r < grid.rows; ++r) {
        const std::vector<TableCell>& row = table.rows[r];
        uint32_t column = 0;
        for (uint32_t i = 0; i < row.size(); ++i) {
            const TableCell& cell = row[i];
            while (column < spannedBelow.size() && spannedBelow[column] > 0) ++column;
            GridCell g;
            g.row = r;
            g.column = column;
            g.rowSpan = std::min(cell.rowSpan, grid.rows - r);
            g.columnSpan = cell.colSpan;  // the loader refuses a grid wider than MaxTableColumns
            g.indexInRow = i;
            g.inHeaderRow = r < grid.headerRows;
            g.header = g.inHeaderRow || cell.header || (table.headerColumn && i == 0);
            CellAlign align = cell.align;
            if (align == CellAlign::Inherit && column < table.columnAlign.size()) align = table.columnAlign[column];
            g.align = align == CellAlign::Inherit ? CellAlign::Start : align;
            if (column + g.columnSpan > spannedBelow.size()) spannedBelow.resize(column + g.columnSpan, 0);
            for (uint32_t k = column; k < column + g.columnSpan; ++k) spannedBelow[k] = g.rowSpan;
            column += g.columnSpan;
            grid.cells.push_back(g);
        }
        grid.columns = std::max(grid.columns, static_cast<uint32_t>(spannedBelow.size()));
        for (uint32_t& below : spannedBelow) below -= below > 0;
    }
    return grid;
}

const TableCell* tableCellOf(const Block& table, uint32_t item) {
    const uint32_t row = tableCellRow(item), index = tableCellIndexInRow(item);
    if (table.type != BlockType::Table || row >= table.rows.size() || index >= table.rows[row].size()) return nullptr;
    return &table.rows[row][index];
}

}  // namespace galley
