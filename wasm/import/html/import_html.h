// import_html.h — turn an article's web page (HTML) into a galley::Article.
//
// Stages, each in its own file:
//   1. bytes to UTF-8                 — BOM, <meta charset>, windows-1252 (or a clear refusal)     (html_charset)
//   2. parse                          — gumbo's HTML5 tree as Galley's own tree, depth bounded        (html_document)
//   3. metadata                       — JSON-LD, then OpenGraph and <meta>, then the page itself      (page_metadata)
//   4. drop furniture                 — by markup and by text                                      (furniture_filter)
//   5. find the article               — Readability's content scores, siblings merged              (content_scoring)
//   6. clean the article              — Readability's conditional cleaning                          (furniture_filter)
//   7. blocks                         — one function per kind of element                 (block_mapping, inline_content)
//   8. clean up                       — the title heading not repeated, the description as the dek when it is not
//                                       the first paragraph again, http images held back, the notes
// When stages 4-7 give less than 500 code points of text, they run again keeping what only class names and roles
// called furniture, then without the conditional cleaning, and the attempt with the most text wins (Readability's
// retries). Every element kept or dropped gets a verdict with its line, and the notes say where each field came from.
#pragma once

#include <string_view>

#include "import_text.h"

namespace galley {

// Never throws. A page that cannot be read (binary data, an unsupported charset, nesting too deep) gives a result
// whose `refused` says why.
ImportResult importHtml(std::string_view bytes, const ImportOptions& options = {});

}  // namespace galley
