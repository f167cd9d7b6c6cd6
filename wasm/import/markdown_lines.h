// markdown_lines.h — what one line of Markdown opens or is: a list marker, a thematic break, an ATX heading, a code
// fence, a Setext underline, a link reference definition, a table row or separator. Columns are counted after
// expandTabs.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "markdown_inlines.h"

namespace galley::importing::markdown {

size_t leadingSpaces(const std::string& s);
// Tabs to spaces (tab stops of 4), so indentation can be counted in columns.
std::string expandTabs(std::string_view s);

struct ListMarker {
    bool ordered = false;
    char bullet = 0;       // '-', '*', '+' or the ordered delimiter '.' / ')'
    size_t indent = 0;     // spaces before the marker
    size_t contentIndent = 0;
    std::string content;
};

bool readListMarker(const std::string& line, ListMarker& m);
bool isThematicBreak(const std::string& line);
bool readAtxHeading(const std::string& line, int& level, std::string& text);
bool readFence(const std::string& line, std::string& fence);
bool isSetextUnderline(const std::string& line, int& level);
// "[label]: https://example.com "Title"" adds the label to `refs` (the first definition of a label wins).
bool readLinkDefinition(const std::string& line, LinkRefs& refs);
bool isTableSeparator(const std::string& line);
std::vector<std::string> tableCells(const std::string& line);

}  // namespace galley::importing::markdown
