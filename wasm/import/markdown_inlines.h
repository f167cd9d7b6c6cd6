// markdown_inlines.h — one block's inline Markdown to rich text: emphasis and strong (CommonMark's delimiter runs),
// links (inline, reference, autolinks, bare URLs), code spans, backslash escapes, HTML entities; inline HTML tags
// are removed. Marks count code points; the typographic clean-up is applied outside code spans and URLs.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "model.h"
#include "typography.h"

namespace galley::importing::markdown {

using LinkRefs = std::map<std::string, std::string>;  // normalised label -> destination

struct InlineImage {
    std::string src;
    std::string alt;
    std::string title;
};

// Text and marks of one block's inline content; images found inline go to `images` (optional).
// Quotation marks in the article's language's `quotes`.
RichText parseInlines(const LinkRefs& refs, const QuoteStyle& quotes, std::u32string_view text,
                      std::vector<InlineImage>* images);

// Reference labels match case-insensitively with runs of whitespace collapsed.
std::string normaliseLabel(std::u32string_view label);
// The loader accepts only these schemes; a link elsewhere keeps its text and loses the mark.
bool allowedHref(const std::string& href);

}  // namespace galley::importing::markdown
