// markdown_blocks.h — Markdown lines to blocks, as CommonMark's first pass: a small state machine (paragraph, list,
// quote, code, table) that also records what each line became, for --explain.
#pragma once

#include <string>
#include <vector>

#include "markdown_inlines.h"
#include "model.h"

namespace galley::importing::markdown {

struct SourcedBlock {
    Block block;
    std::vector<size_t> lines;  // input lines it came from
    std::string role;           // for --explain
};

// Blocks from lines[firstLine...]; link definitions go to `refs`, each line's role to `roles` (a role starting
// with '-' is a dropped line's reason); quotation marks in `quotes`.
std::vector<SourcedBlock> parseBlocks(const std::vector<std::string>& lines, size_t firstLine, LinkRefs& refs,
                                      std::vector<std::string>& roles, const QuoteStyle& quotes);

}  // namespace galley::importing::markdown
