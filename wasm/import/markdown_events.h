// markdown_events.h — Markdown to the model's blocks, by md4c (CommonMark, with GitHub's tables, strikethrough and
// bare URL, www and e-mail autolinks): md4c's enter/leave/text events, mapped onto Galley's blocks and marks.
//
// What the model cannot hold is kept as text and said in a remark: a quote's nested blocks become quotes of their
// text; a link to another scheme than http, https or mailto keeps its text only; an image inside text keeps its alt
// text; raw HTML keeps its text (<sup> and <sub> become marks, <br> a hard line break); a heading or divider inside a
// list item (a bundle allows neither there) becomes a paragraph or goes. Each block knows the input bytes its text
// came from, so that the importer can say what every line became.
//
// Not here: front matter, footnote definitions (markdown_footnotes, before md4c), the title and byline (the
// importer's choice).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "markdown_footnotes.h"
#include "model.h"
#include "typography.h"

namespace galley::importing::markdown {

// Something about the input that --explain should say, at an input byte (NoSourceByte: not known).
struct Remark {
    size_t sourceByte = NoSourceByte;
    std::string text;
};

// A top-level block and where it came from.
struct SourcedBlock {
    Block block;
    std::string role;                        // for --explain: "paragraph", "list item", "code", ...
    size_t firstByte = NoSourceByte;         // the first and last input bytes of its text
    size_t lastByte = NoSourceByte;
    bool dropped = false;                    // nothing of it is kept (an HTML comment): `role` says why
};

struct ParsedMarkdown {
    std::vector<SourcedBlock> blocks;
    std::vector<Remark> remarks;
};

// The text a block holds, piece by piece (a list's items, a table's rows, a quote and its attribution, code under a
// Code mark): for a container that holds only text (a quote, a note).
std::vector<RichText> textsOf(const Block& block);

// The blocks of `markdown`. Footnote references are resolved with `footnotes` (numbers given out in the order met);
// quotation marks are `quotes`.
ParsedMarkdown parseMarkdownBlocks(std::string_view markdown, const QuoteStyle& quotes, FootnoteNumbers& footnotes);

}  // namespace galley::importing::markdown
