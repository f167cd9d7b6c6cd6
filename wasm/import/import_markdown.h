// import_markdown.h — turn a Markdown article into a galley::Article.
//
// Block level: YAML-style front matter (title, subtitle/description, author/authors, date, source), ATX and
// Setext headings, paragraphs, bullet and numbered lists (nested lists are flattened: the model's lists have one
// level), block quotes (a last line starting with a dash becomes the attribution), images on a line of their own
// (title or the line under them becomes the caption), thematic breaks (dividers), fenced and indented code (kept
// as plain paragraphs: the model has no code block), link reference definitions, GitHub tables (one list item per
// row). Inline: emphasis, strong, links (inline, reference, autolinks), code spans (their text is kept exactly,
// typography skips it), backslash escapes, common HTML entities; inline HTML tags are removed. The first
// level-1 heading is the title when front matter has none; a "By ..." line under it gives the authors.
//
// Not here: full CommonMark conformance (no link titles in the model, no HTML blocks beyond dropping comments
// and tags, no footnotes), reading files.
#pragma once

#include <string_view>

#include "import_text.h"
#include "model.h"

namespace galley {

// Never throws. Verdicts say what each line became, as for scraped text.
ImportResult importMarkdown(std::string_view text, const ImportOptions& options = {});

// One paragraph's inline Markdown to rich text (marks in code point offsets), with the typographic clean-up
// applied outside code spans and URLs.
RichText parseMarkdownInline(std::string_view text);

}  // namespace galley
