// table_columns.cpp — see table_columns.h.
#include "table_columns.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace galley {

namespace {

// Widens columns [first, first + span) by `extra` px in all, in proportion to `weight` (equally when it sums to 0).
void share(std::vector<float>& widths, const std::vector<float>& weight, uint32_t first, uint32_t span, float extra) {
    float total = 0;
    for (uint32_t c = first; c < first + span; ++c) total += weight[c];
    for (uint32_t c = first; c < first + span; ++c)
        widths[c] += extra * (total > 0 ? weight[c] / total : 1.0f / static_cast<float>(span));
}

}  // namespace

std::vector<float> autoColumnWidths(uint32_t columns, const std::vector<CellExtent>& cells, float available) {
    std::vector<float> minimum(columns, 0), maximum(columns, 0);
    for (const CellExtent& cell : cells) {
        if (cell.span != 1 || cell.column >= columns) continue;
        minimum[cell.column] = std::max(minimum[cell.column], std::ceil(cell.minWidth));
        maximum[cell.column] = std::max(maximum[cell.column], std::ceil(cell.maxWidth));
    }
    for (uint32_t c = 0; c < columns; ++c) maximum[c] = std::max(maximum[c], minimum[c]);
    // Spanning cells, narrowest spans first (a wide span then sees the columns its narrower ones widened).
    std::vector<const CellExtent*> spanning;
    for (const CellExtent& cell : cells)
        if (cell.span > 1 && cell.column < columns) spanning.push_back(&cell);
    std::stable_sort(spanning.begin(), spanning.end(), [](const CellExtent* a, const CellExtent* b) { return a->span < b->span; });
    for (const CellExtent* cell : spanning) {
        const uint32_t span = std::min(cell->span, columns - cell->column);
        float minSum = 0, maxSum = 0;
        for (uint32_t c = cell->column; c < cell->column + span; ++c) { minSum += minimum[c]; maxSum += maximum[c]; }
        const std::vector<float> weight = maximum;  // both shares by the maximums before this cell
        if (cell->minWidth > minSum) share(minimum, weight, cell->column, span, cell->minWidth - minSum);
        if (cell->maxWidth > maxSum) share(maximum, weight, cell->column, span, cell->maxWidth - maxSum);
        for (uint32_t c = cell->column; c < cell->column + span; ++c) {
            minimum[c] = std::ceil(minimum[c] - 1e-3f);
            maximum[c] = std::max(std::ceil(maximum[c] - 1e-3f), minimum[c]);
        }
    }
    const float minSum = std::accumulate(minimum.begin(), minimum.end(), 0.0f);
    const float maxSum = std::accumulate(maximum.begin(), maximum.end(), 0.0f);
    const float space = std::floor(available);
    if (maxSum <= space) return maximum;
    if (minSum >= space) return minimum;
    // Between the two: each column its minimum and a share of the rest by what it would take beyond it.
    const float fraction = (space - minSum) / (maxSum - minSum);
    std::vector<float> widths(columns);
    std::vector<std::pair<float, uint32_t>> remainders;
    float used = 0;
    for (uint32_t c = 0; c < columns; ++c) {
        const float exact = minimum[c] + (maximum[c] - minimum[c]) * fraction;
        widths[c] = std::floor(exact);
        used += widths[c];
        remainders.emplace_back(exact - widths[c], c);
    }
    std::stable_sort(remainders.begin(), remainders.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    for (size_t k = 0; k < remainders.size() && used < space; ++k, used += 1) widths[remainders[k].second] += 1;
    return widths;
}

}  // namespace galley
