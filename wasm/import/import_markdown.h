// import_markdown.h — turn a Markdown article into a galley::Article.
//
// md4c parses it (CommonMark, with GitHub's tables, strikethrough and autolinks: markdown_events), and its events
// become the model's blocks: headings, paragraphs, block quotes (quotes of their text: a bundle's quotes hold no
// blocks; a last line starting with a dash is the attribution), lists nested in list items (an ordered list's start
// kept), fenced and indented code (its language the info string's first word), tables (header row, column
// alignment, rich cells), thematic breaks (dividers), images alone in a paragraph (or over the line that is their
// caption), hard line breaks (U+2028). Marks: emphasis, strong, links (http, https and mailto: others keep their text
// only), code spans, strikethrough, and <sup>/<sub> in raw HTML. Footnotes ("[^1]" and "[^1]: ..."), which md4c does not
// read, are found around it (markdown_footnotes) and become Note marks and the article's notes. Front matter gives
// the title, subtitle, authors, date and source; without it the first level-1 or level-2 heading is the title, an
// all-emphasis paragraph under it the subtitle, and a "By ..." or date line the byline. Typography (typography.h)
// everywhere but in code.
//
// Nothing of the text is dropped unsaid: what a bundle cannot hold as written (raw HTML tags, an image inside text, a
// link elsewhere, a reference to a note never defined) is kept as text, and each line's verdict carries a note
// saying so. Left out, and said: HTML comments, front matter keys other than those above, link definitions (their
// targets are used).
//
// Not here: reading files, HTML beyond the tags above (tags go, their text stays), math, definition lists.
#pragma once

#include <string_view>

#include "import_text.h"
#include "model.h"

namespace galley {

// Never throws. Verdicts say what each line became, as for scraped text.
ImportResult importMarkdown(std::string_view text, const ImportOptions& options = {});

// One paragraph's inline Markdown to rich text (marks in code point offsets), with the typographic clean-up
// applied outside code spans and URLs: the text of the first block it makes.
RichText parseMarkdownInline(std::string_view text);

}  // namespace galley
