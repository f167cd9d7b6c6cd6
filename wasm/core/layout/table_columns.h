// table_columns.h — a table's column widths from its cells' content, as CSS's automatic table layout sets them (CSS
// 2.1 §17.5.2.2, and what browsers do where it leaves them free):
//
//   1. each cell has a minimum width (its widest unbreakable box: a word, as cells are not hyphenated) and a maximum
//      width (its text on one line), its padding included;
//   2. a column's minimum and maximum are those of its widest cells that span it alone;
//   3. a cell spanning several columns widens them, narrowest spans first, when their sum is less than its own: the
//      difference is shared in proportion to the columns' maximum widths (equally when those are all 0);
//   4. the table: every column at its maximum when they fit the space; at its minimum when even the minimums do not
//      (the table is then wider than the column, and scrolls); otherwise each column between the two, given its
//      minimum and a share of what is left in proportion to its maximum less its minimum.
//
// Widths are whole CSS px (minimums and maximums rounded up, shares down and the odd pixels given to the largest
// remainders), so that the page's text layer, a real table of whole-pixel columns, lies where the glyphs are drawn.
#pragma once

#include <cstdint>
#include <vector>

namespace galley {

struct CellExtent {
    uint32_t column = 0, span = 1;   // the grid columns it covers
    float minWidth = 0, maxWidth = 0;  // CSS px, padding included
};

// The widths of `columns` columns for a table given `available` px (the text column).
std::vector<float> autoColumnWidths(uint32_t columns, const std::vector<CellExtent>& cells, float available);

}  // namespace galley
