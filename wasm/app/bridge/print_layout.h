// print_layout.h — the viewer's article laid out again for paper (web/print.js), whole and at once.
//
// The screen's layout is not touched: the print layout has an ArticleLayout and a DisplayList of its own, made for
// the call and freed after it, over the same faces, hyphenation and settings (alignment, line height, sans body) but
// at the printed column's width and body size. The answer is one text layer chunk (text_layer.h), every line and
// image with x from the column's left edge and y from the article's top, followed by
// {"width", "fontSize", "height", "align": "justify" | "left" (what automatic alignment chose for this column),
//  "linksHeading": the heading of the list of link addresses in the article's language,
//  "rules": [{"x", "y", "w", "h", "c": theme colour}] (quote bars, dividers, the header's rule)}.
#pragma once

#include "viewer.h"

#include <string>

namespace galley {

std::string printLayoutJson(const Viewer& v, float width, float fontSize);

}  // namespace galley
