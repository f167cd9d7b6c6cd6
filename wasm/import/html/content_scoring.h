// content_scoring.h — which element of the page holds the article, found by the page's structure as Mozilla's
// Readability finds it (its method; not its code):
//   - every paragraph (<p>, <pre>, <td>, and a <div> holding text but no blocks) of 25 code points or more scores
//     1 + its commas + one per 100 code points (at most 3), given whole to its parent, half to its grandparent and a
//     third of a level to the ancestors above, up to five levels;
//   - each ancestor starts from its tag (div +5, blockquote/pre/td +3, lists and forms -3, headings -5) and its class
//     and id weight (element_hints.h), plus 25 for article markup (<article>, <main>, itemprop=articleBody) when the
//     page has only one of it: a strong hint, but only a start, so an <article> holding a teaser loses to the div
//     holding the story;
//   - its score is then scaled by 1 - link density (menus and link lists sink);
//   - the best is the top candidate, moved up to an ancestor that holds three of the runners-up (within 75% of its
//     score) or scores better than it, and out of wrappers with one child;
//   - its siblings join it when they score at least max(10, 20% of its score) (a sibling with the same class gets
//     that 20% as a bonus), or are paragraphs of prose (over 80 code points, link density under 0.25, or shorter,
//     without links, ending like a sentence).
#pragma once

#include <string>
#include <vector>

#include "html_document.h"
#include "text_measure.h"

namespace galley::importing::html {

struct Candidate {
    NodeId id = NoNode;
    double contentScore = 0;  // before the link density
    double score = 0;         // contentScore * (1 - linkDensity)
    double linkDensity = 0;
    int start = 0;            // what the tag, the class and id, and article markup gave before any paragraph
};

struct SiblingVerdict {
    NodeId id = NoNode;
    bool kept = false;
    std::string why;  // "score 31.2 >= threshold 12.4", "paragraph of prose", "score 2.0 < threshold 12.4"
};

struct ArticleChoice {
    NodeId top = NoNode;               // the top candidate (the body when nothing scored)
    std::vector<NodeId> roots;         // the top candidate and the siblings that joined it, in document order
    std::vector<Candidate> ranked;     // the best five candidates, best first
    std::vector<SiblingVerdict> siblings;
    std::string how;                   // how the top was chosen: "best score", "ancestor of 3 runners-up", ...
    double scoreOf(NodeId id) const;   // a scored element's score, or 0
    std::vector<Candidate> scored;     // every scored element
};

ArticleChoice scoreContent(const Document& doc, const std::vector<bool>& dropped, const TextMeasure& measure);

}  // namespace galley::importing::html
