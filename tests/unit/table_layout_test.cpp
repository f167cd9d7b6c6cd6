// Tables: the grid (spans as HTML fills them), the column widths of CSS's automatic table layout, and tables laid
// out in articles: every cell's lines inside its cell, rows as tall as their tallest cell, alignment, right to left,
// tables too wide for the column (they scroll), and very wide and very long tables.
#include "block_style.h"
#include "bundle_loader.h"
#include "layout.h"
#include "table_columns.h"
#include "table_grid.h"
#include "test_support.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

using namespace galley;

namespace {

constexpr float Epsilon = 0.01f;

// One table's lines, by cell item.
std::map<uint32_t, std::vector<const TextLine*>> linesByCell(const DisplayList& dl, uint32_t block) {
    std::map<uint32_t, std::vector<const TextLine*>> out;
    for (const TextLine& line : dl.lines)
        if (line.block == block && line.role == LineRole::TableCell) out[line.item].push_back(&line);
    return out;
}

const TableBox* tableOf(const DisplayList& dl, uint32_t block) {
    for (const TableBox& t : dl.tables)
        if (t.block == block) return &t;
    return nullptr;
}

// An article of one table block from its JSON, laid out at `width`.
struct LaidOut {
    Article article;
    DisplayList dl;
};
LaidOut layOutTable(const std::string& tableJson, float width, const std::string& lang = "en") {
    const std::string json = R"({"galley": 1, "articles": [{"id": "t", "lang": ")" + lang +
                             R"(", "title": "T", "authors": [], "blocks": [)" + tableJson + "]}]}";
    LoadResult r = loadBundle(json);
    EXPECT_TRUE(r.ok()) << json.substr(0, 200);
    LaidOut out;
    if (!r.ok()) return out;
    out.article = r.bundle.articles[0];
    ArticleLayout layout(test::notoFonts(), out.article);
    LayoutParams params;
    params.width = width;
    out.dl = layout.layout(params);
    return out;
}

float sum(const std::vector<float>& v) { return std::accumulate(v.begin(), v.end(), 0.0f); }

// Every cell's lines lie inside it, within its padding; every row is as tall as its tallest one-row cell (lines and
// padding, a line at least), and a cell's box spans its rows.
void expectCellsHoldTheirLines(const DisplayList& dl, const TableBox& t, float fontSize = 18) {
    const float padX = std::round(style::TableCellPaddingX * fontSize * style::TableSize);
    const float padY = std::round(style::TableCellPaddingY * fontSize * style::TableSize);
    const float oneLine = std::round(style::TableLineHeight * fontSize * style::TableSize);
    const auto lines = linesByCell(dl, t.block);
    std::vector<float> tallest(t.rowHeights.size(), oneLine + 2 * padY);
    for (const TableCellBox& cell : t.cells) {
        auto found = lines.find(cell.item);
        float height = 2 * padY;
        if (found != lines.end()) {
            for (const TextLine* line : found->second) {
                EXPECT_GE(line->x, cell.x + padX - Epsilon) << line->words[0].text;
                EXPECT_LE(line->x + line->width, cell.x + cell.width - padX + Epsilon) << line->words[0].text;
                EXPECT_GE(line->top, cell.y + padY - Epsilon);
                EXPECT_LE(line->top + line->height, cell.y + cell.height + Epsilon);
                height += line->height;
            }
        }
        if (cell.rowSpan == 1) tallest[cell.row] = std::max(tallest[cell.row], height);
        float spanned = 0;
        for (uint32_t r = cell.row; r < cell.row + cell.rowSpan; ++r) spanned += t.rowHeights[r];
        EXPECT_NEAR(cell.height, spanned, Epsilon);
    }
    for (size_t r = 0; r < t.rowHeights.size(); ++r) {
        bool spannedOnly = true;  // a row whose every cell spans further may be taller (a span's excess lands last)
        for (const TableCellBox& cell : t.cells) spannedOnly &= !(cell.row == r && cell.rowSpan == 1);
        if (!spannedOnly) { EXPECT_NEAR(t.rowHeights[r], std::ceil(tallest[r]), Epsilon) << "row " << r; }
    }
}

}  // namespace

TEST(TableGrid, CellsFillTheGridAsHtmlDoes) {
    const LaidOut l = layOutTable(R"({"type": "table", "headerRows": 1, "headerColumn": true, "align": ["end"],
        "rows": [[{"text": "A", "rowspan": 2}, {"text": "B", "colspan": 2}],
                 ["C", {"text": "D", "align": "center"}, "E"],
                 ["F", {"text": "G", "rowspan": 9, "header": true}]]})", 500);
    const TableGrid g = tableGrid(l.article.blocks[0]);
    EXPECT_EQ(g.rows, 3u);
    EXPECT_EQ(g.columns, 4u);  // C, D and E go right of A's span
    ASSERT_EQ(g.cells.size(), 7u);
    EXPECT_EQ(g.cells[2].column, 1u);  // C, beside A
    EXPECT_EQ(g.cells[3].column, 2u);
    EXPECT_EQ(g.cells[4].column, 3u);
    EXPECT_EQ(g.cells[6].rowSpan, 1u);  // cut at the last row
    EXPECT_TRUE(g.cells[0].header && g.cells[0].inHeaderRow);
    EXPECT_TRUE(g.cells[2].header);   // the header column: the first cell of its row
    EXPECT_FALSE(g.cells[2].inHeaderRow);
    EXPECT_FALSE(g.cells[3].header);
    EXPECT_TRUE(g.cells[6].header);   // its own
    EXPECT_EQ(g.cells[0].align, CellAlign::End);     // its column's
    EXPECT_EQ(g.cells[3].align, CellAlign::Center);  // its own
    EXPECT_EQ(g.cells[1].align, CellAlign::Start);
    EXPECT_EQ(tableCellOf(l.article.blocks[0], tableCellItem(2, 1))->text.text, "G");
    EXPECT_EQ(tableCellOf(l.article.blocks[0], tableCellItem(2, 2)), nullptr);
}

TEST(TableColumns, ColumnsTakeTheirMaximumWhenTheTableFits) {
    const std::vector<CellExtent> cells = {{0, 1, 40, 100}, {1, 1, 30, 50}, {0, 1, 60, 80}, {1, 1, 10, 20.2f}};
    EXPECT_EQ(autoColumnWidths(2, cells, 500), (std::vector<float>{100, 50}));
    EXPECT_EQ(autoColumnWidths(2, cells, 150), (std::vector<float>{100, 50}));
}

TEST(TableColumns, ANarrowColumnSharesWhatIsLeftByMaximumLessMinimum) {
    // Minimums 60 and 30, maximums 260 and 70: 100 px over the minimums, 200 of it wanted by the first, 40 by the second.
    const std::vector<CellExtent> cells = {{0, 1, 60, 260}, {1, 1, 30, 70}};
    const std::vector<float> w = autoColumnWidths(2, cells, 190.5f);
    EXPECT_EQ(sum(w), 190);
    EXPECT_NEAR(w[0], 60 + 100 * 200.0f / 240, 1);
    EXPECT_NEAR(w[1], 30 + 100 * 40.0f / 240, 1);
    for (float x : w) EXPECT_EQ(x, std::floor(x));
}

TEST(TableColumns, ATableWiderThanTheColumnKeepsItsMinimums) {
    const std::vector<CellExtent> cells = {{0, 1, 120, 260}, {1, 1, 90, 170}, {2, 1, 100, 100}};
    EXPECT_EQ(autoColumnWidths(3, cells, 200), (std::vector<float>{120, 90, 100}));
}

TEST(TableColumns, SpansWidenTheirColumnsByTheirMaximums) {
    // A cell over both columns wider than they are: the excess goes 3:1, as their maximums.
    const std::vector<CellExtent> cells = {{0, 1, 10, 30}, {1, 1, 10, 10}, {0, 2, 100, 200}};
    const std::vector<float> w = autoColumnWidths(2, cells, 1000);
    EXPECT_EQ(sum(w), 200);
    EXPECT_NEAR(w[0], 30 + 160 * 0.75f, 1);
    // Narrower than the span's minimum: the minimums were widened the same way (to 100 in all).
    const std::vector<float> narrow = autoColumnWidths(2, cells, 50);
    EXPECT_EQ(sum(narrow), 100);
    EXPECT_NEAR(narrow[0], 10 + 80 * 0.75f, 1);
    // A span over columns that want nothing: shared equally.
    EXPECT_EQ(autoColumnWidths(2, {{0, 2, 40, 60}}, 500), (std::vector<float>{30, 30}));
}

TEST(TableLayout, AFittingTableSetsEveryCellOnOneLineAtItsStart) {
    const std::string table = R"({"type": "table", "headerRows": 1, "align": ["start", "end", "center"],
        "rows": [["Typesetter", "Mean", "Worst"], ["Galley at its widest", "0.107", "1.53"], ["Chromium", "0.711", "14.45"]]})";
    const LaidOut l = layOutTable(table, 1200);
    const TableBox* t = tableOf(l.dl, 0);
    ASSERT_NE(t, nullptr);
    EXPECT_FALSE(t->scrolls);
    EXPECT_LT(t->contentWidth, 600);
    EXPECT_EQ(t->contentX, 0);
    expectCellsHoldTheirLines(l.dl, *t);
    const auto lines = linesByCell(l.dl, 0);
    EXPECT_EQ(lines.size(), 9u);
    const float padX = std::round(style::TableCellPaddingX * 18 * style::TableSize);
    for (const TableCellBox& cell : t->cells) {
        ASSERT_EQ(lines.at(cell.item).size(), 1u);
        const TextLine& line = *lines.at(cell.item)[0];
        if (cell.column == 0) { EXPECT_NEAR(line.x, cell.x + padX, Epsilon); }
        if (cell.column == 1) { EXPECT_NEAR(line.x + line.width, cell.x + cell.width - padX, Epsilon); }
        if (cell.column == 2) { EXPECT_NEAR(line.x - cell.x, cell.x + cell.width - (line.x + line.width), Epsilon); }
        // The header row in bold, the body in the regular face.
        EXPECT_EQ(line.face, cell.row == 0 ? FontStyle::Bold : FontStyle::Regular);
    }
    // Rules: above, under the header, between the two body rows, below.
    size_t rules = t->ruleEnd - t->ruleBegin;
    EXPECT_EQ(rules, 4u);
}

TEST(TableLayout, ANarrowColumnBreaksLongCellsWithinTheirColumns) {
    const LoadResult r = loadBundle(test::readText(test::sourcePath("tests/data/bundles/valid/tables.json")));
    ASSERT_TRUE(r.ok());
    const Article& article = r.bundle.articles[0];
    for (float width : {300.0f, 340.0f, 560.0f, 1200.0f}) {
        ArticleLayout layout(test::notoFonts(), article);
        LayoutParams params;
        params.width = width;
        const DisplayList dl = layout.layout(params);
        ASSERT_EQ(dl.tables.size(), 4u);
        for (const TableBox& t : dl.tables) {
            SCOPED_TRACE("table of block " + std::to_string(t.block) + " at " + std::to_string(width));
            expectCellsHoldTheirLines(dl, t);
            EXPECT_NEAR(sum(t.columnWidths), t.contentWidth, Epsilon);
            EXPECT_EQ(t.scrolls, t.contentWidth > width);
            if (!t.scrolls) { EXPECT_LE(t.contentX + t.contentWidth, width); }
            // Its glyphs are in its range and inside its content.
            for (uint32_t g = t.glyphBegin; g < t.glyphEnd; ++g) {
                EXPECT_GE(dl.glyphs[g].x, t.contentX - Epsilon);
                EXPECT_LE(dl.glyphs[g].x, t.contentX + t.contentWidth);
            }
        }
        // The long-text table (block 7) shares the column: its second column breaks into lines, no word broken.
        const TableBox& longText = dl.tables[3];
        EXPECT_FALSE(longText.scrolls);
        if (width < 600) { EXPECT_GT(linesByCell(dl, longText.block).at(tableCellItem(1, 1)).size(), 1u); }
        // The rainfall table scrolls in a phone's column, at its minimum widths; it fits a desktop's.
        EXPECT_EQ(dl.tables[1].scrolls, width <= 340) << dl.tables[1].contentWidth;
    }
}

TEST(TableLayout, RightToLeftTablesStartAtTheRight) {
    const LaidOut l = layOutTable(R"({"type": "table", "headerRows": 1, "align": ["start", "end"],
        "rows": [["المدينة", "المطر"], ["القاهرة", "5.0"], ["الإسكندرية", "52.8"]]})", 500, "ar");
    const TableBox* t = tableOf(l.dl, 0);
    ASSERT_NE(t, nullptr);
    EXPECT_TRUE(t->rightToLeft);
    EXPECT_NEAR(t->contentX + t->contentWidth, 500, Epsilon);
    expectCellsHoldTheirLines(l.dl, *t);
    const float padX = std::round(style::TableCellPaddingX * 18 * style::TableSize);
    const auto lines = linesByCell(l.dl, 0);
    for (const TableCellBox& cell : t->cells) {
        const TextLine& line = *lines.at(cell.item)[0];
        EXPECT_TRUE(line.rightToLeft);
        if (cell.column == 0) {
            EXPECT_NEAR(cell.x + cell.width, 500, Epsilon);  // the first column at the right
            EXPECT_NEAR(line.x + line.width, cell.x + cell.width - padX, Epsilon);  // start: the right
        } else {
            EXPECT_NEAR(line.x, cell.x + padX, Epsilon);  // end: the left
        }
    }
    // Too wide for the column: it overflows to the left, its start still at the right.
    const LaidOut narrow = layOutTable(R"({"type": "table", "rows": [["القاهرة الإسكندرية", "الإسكندرية", "الإسكندرية",
        "الإسكندرية", "الإسكندرية", "الإسكندرية"]]})", 200, "ar");
    const TableBox* wide = tableOf(narrow.dl, 0);
    ASSERT_NE(wide, nullptr);
    EXPECT_TRUE(wide->scrolls);
    EXPECT_LT(wide->contentX, 0);
    EXPECT_NEAR(wide->contentX + wide->contentWidth, 200, Epsilon);
}

TEST(TableLayout, EmptyCellsTakeNoLinesAndRowsStayALineTall) {
    const LaidOut l = layOutTable(R"({"type": "table", "rows": [["", ""], ["x", ""], [""]]})", 400);
    const TableBox* t = tableOf(l.dl, 0);
    ASSERT_NE(t, nullptr);
    EXPECT_EQ(linesByCell(l.dl, 0).size(), 1u);
    expectCellsHoldTheirLines(l.dl, *t);
    EXPECT_EQ(t->rowHeights.size(), 3u);
    EXPECT_EQ(t->rowHeights[0], t->rowHeights[1]);
}

TEST(TableLayout, LinksInCellsAreLinkBoxesOverTheirWords) {
    const LaidOut l = layOutTable(R"({"type": "table", "rows": [[{"text": "see the tracker",
        "marks": [{"type": "link", "start": 8, "end": 15, "href": "https://example.org/t"}]}, "1"]]})", 400);
    const TableBox* t = tableOf(l.dl, 0);
    ASSERT_NE(t, nullptr);
    ASSERT_EQ(t->linkEnd - t->linkBegin, 1u);
    const LinkBox& link = l.dl.links[t->linkBegin];
    EXPECT_EQ(l.dl.hrefs[link.href], "https://example.org/t");
    const TextLine& line = *linesByCell(l.dl, 0).at(tableCellItem(0, 0))[0];
    ASSERT_EQ(line.words.size(), 3u);
    EXPECT_NEAR(link.x, line.x + line.words[2].x, 0.5f);
    EXPECT_NEAR(link.width, line.words[2].width, 0.5f);
}

// A table of the loader's widest grid, and one of a thousand rows: laid out in time and memory in proportion to their
// cells (a line each, a rule between rows), not to some product of rows and columns.
TEST(TableLayout, VeryWideAndVeryLongTablesLayOut) {
    std::string wide = R"({"type": "table", "headerRows": 1, "rows": [)";
    for (int r = 0; r < 3; ++r) {
        wide += r ? ",[" : "[";
        for (int c = 0; c < 200; ++c) wide += (c ? ",\"" : "\"") + std::to_string(r * 1000 + c) + "\"";
        wide += "]";
    }
    wide += "]}";
    const LaidOut w = layOutTable(wide, 340);
    const TableBox* t = tableOf(w.dl, 0);
    ASSERT_NE(t, nullptr);
    EXPECT_EQ(t->columnWidths.size(), 200u);
    EXPECT_TRUE(t->scrolls);
    EXPECT_EQ(linesByCell(w.dl, 0).size(), 600u);
    EXPECT_EQ(t->ruleEnd - t->ruleBegin, 4u);

    auto longTable = [](int rows) {
        std::string json = R"({"type": "table", "headerRows": 1, "rows": [)";
        for (int r = 0; r < rows; ++r)
            json += (r ? ",[\"" : "[\"") + std::to_string(r) + R"(", "a cell of a few words", "12.5"])";
        return json + "]}";
    };
    const LaidOut small = layOutTable(longTable(100), 340), large = layOutTable(longTable(1000), 340);
    const TableBox* lt = tableOf(large.dl, 0);
    ASSERT_NE(lt, nullptr);
    EXPECT_EQ(lt->rowHeights.size(), 1000u);
    EXPECT_EQ(lt->cells.size(), 3000u);
    EXPECT_EQ(lt->ruleEnd - lt->ruleBegin, 1000u + 1);   // frame above and below, one under each row but the last
    EXPECT_EQ(linesByCell(large.dl, 0).size(), 3000u);
    // Ten times the rows, ten times what is drawn (how long it takes is a benchmark's figure, not a test's).
    EXPECT_LT(large.dl.glyphs.size(), 11 * small.dl.glyphs.size());
}
