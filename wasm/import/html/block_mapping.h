// block_mapping.h — the article's elements as the model's blocks, one function per kind of element
// (block_mapping.cpp):
//   p, and text loose in a container -> paragraph (text split at <br><br>: a paragraph each)
//   h1-h6 -> heading of that level
//   blockquote -> quote (its <footer>/<cite> or a last "— Name" line the attribution)
//   ul, ol -> list (ordered, with its start); each item's leading text, then the blocks it holds (nested lists,
//   more paragraphs); lists nested deeper than six levels are flattened into paragraphs
//   figure, img, picture, amp-img -> image (alt, figcaption as caption, a credit by its class); a figure holding
//   a quotation, code or a table maps what it holds      hr -> divider
//   pre -> code, as written, its language from a class ("language-python", "highlight-toml")
//   table of data -> table (header rows and column, spans, alignment, caption); a layout table -> its cells' content
//   iframe -> embed: a card linking to the video or post (YouTube and Vimeo frames to their own pages)
//   dl -> a paragraph per term (strong) and per definition     details, section, div... -> their content
//   footnotes (footnotes.h) -> the article's notes, their references note marks
// Phrasing content becomes rich text by inline_content.h, with the typographic clean-up in the article's quotation
// marks (code and preformatted text as written). Image sources: the first of data-src, data-lazy-src,
// data-original, srcset's first candidate, src (lazy loading leaves src a placeholder).
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

struct MappedArticle {
    std::vector<MappedBlock> blocks;
    std::vector<Note> notes;
    std::vector<NodeId> noteSources;     // the element of each note
    std::vector<NodeId> noteContainers;  // the lists or sections the notes were in
};

MappedArticle mapBlocks(const Document& doc, const std::vector<NodeId>& roots, const std::vector<bool>& dropped,
                        const std::string& pageUrl, const QuoteStyle& quotes);

}  // namespace galley::importing::html
