// furniture_filter.h — the page furniture taken out of the tree, in two passes, each drop with its reason.
//
// Before scoring (dropFurniture): what the markup names (element_hints.h: <nav>, <aside>, <footer>, hidden
// elements, form controls, embedded media, ARIA roles, class and id words such as share, social, related,
// newsletter, cookie, comments, promo, ad), and short blocks whose text is furniture by page_furniture's phrases
// ("Share this article", "Advertisement", "Sign up for our newsletter", "Read more: ..."). An element named by its
// class or id but holding most of the page's prose (3 paragraphs or more, half of the page's) is kept: a class such as
// "post-content share-enabled" describes the story's container. Comments get no such pardon (they are prose too).
//
// Within the article once found (cleanConditionally): Readability's conditional cleaning of lists, tables, forms
// and divisions: dropped when their class weight and score are negative, or, when they have fewer than 10 commas,
// when they are mostly links, more list items than paragraphs outside a list, more images than text, form inputs,
// embeds, or almost no text. A data table (caption, headers, more than 10 cells...) and anything holding half of
// the article's prose is never dropped.
#pragma once

#include <string>
#include <vector>

#include "content_scoring.h"
#include "html_document.h"
#include "text_measure.h"

namespace galley::importing::html {

struct Drop {
    NodeId id = NoNode;
    std::string reason;
};

struct Filtered {
    std::vector<bool> dropped;  // per node; a dropped node's descendants are not marked (the subtree goes with it)
    std::vector<Drop> drops;    // in document order within each pass
    std::vector<Drop> pardons;  // furniture by markup kept for the prose it holds
    void drop(NodeId id, std::string reason);
};

// `byMarkup` false keeps what only the markup calls furniture (the second attempt, when the first found too little).
Filtered dropFurniture(const Document& doc, bool byMarkup);

void cleanConditionally(const Document& doc, const ArticleChoice& choice, Filtered& filtered);

// A table of data (kept whole), not one that lays out the page: Readability's tests (role, caption, summary, <th>,
// <thead>, nested tables, size).
bool isDataTable(const Document& doc, NodeId table);

// The text of `id` read as a line of scraped text, if page_furniture's phrases call it furniture: its reason.
std::string furnitureText(const std::string& text);

}  // namespace galley::importing::html
