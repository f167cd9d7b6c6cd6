// block_mapping.h — the article's elements as the model's blocks, one function per kind of element
// (block_mapping.cpp), so that each new block type of the model changes one of them:
//   p, and text loose in a container -> paragraph (text split at <br><br>: a paragraph each)
//   h1-h6 -> heading of that level
//   blockquote -> quote (its <footer>/<cite> or a last "— Name" line the attribution)
//   ul, ol -> list; nested lists flattened into items after their parent's, every item's text kept
//   figure, img, picture -> image (alt, figcaption as caption); a figure holding a quotation, code or a table maps
//   what it holds      hr -> divider
//   pre -> one paragraph per line, blank lines left out (until the model has a code block)
//   table of data -> a list, one item per row, cells joined by " · ", its caption a paragraph before it (until the
//   model has a table block); a layout table -> its cells' content
//   dl -> a paragraph per term (strong) and per definition     details, section, div... -> their content
// Phrasing content becomes rich text by inline_content.h, with the typographic clean-up in the article's quotation
// marks (code and preformatted text as written). Image sources: the first of src, data-src,
// data-lazy-src, data-original, srcset's first candidate (lazy loading leaves src a placeholder).
#pragma once

#include <string>
#include <vector>

#include "html_document.h"
#include "model.h"
#include "typography.h"

namespace galley::importing::html {

struct MappedBlock {
    Block block;
    NodeId source = NoNode;  // the element it came from
    std::string role;        // for --explain: "paragraph", "list (4 items, nested lists flattened)", ...
};

std::vector<MappedBlock> mapBlocks(const Document& doc, const std::vector<NodeId>& roots,
                                   const std::vector<bool>& dropped, const std::string& pageUrl,
                                   const QuoteStyle& quotes);

}  // namespace galley::importing::html
