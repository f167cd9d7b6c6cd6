// import_format.h — which importer reads a file, and running it: one definition for `galley import` (wasm/cli) and
// the page's import module (wasm/import_module), so that a file dropped on the viewer is read as the CLI reads it.
//
// Not here: reading files, the importers themselves (import_text.h, import_markdown.h, html/import_html.h).
#pragma once

#include <string>
#include <string_view>

#include "import_text.h"

namespace galley {

enum class ImportFormat { Text, Markdown, Html };

// "text", "markdown", "html".
const char* importFormatName(ImportFormat format);

// Extension first (.md/.markdown/.mdown/.mkd -> Markdown, .txt/.text -> Text, .html/.htm/.xhtml -> Html), then the
// text itself: a page's start (looksLikeHtml), else Markdown syntax (front matter, "#" headings, "](" links, "**",
// code fences, Setext underlines): an ATX heading, or two kinds of the others, make Markdown.
ImportFormat guessImportFormat(std::string_view fileName, std::string_view text);

// The text opens as an HTML page does: after white space and comments, <!DOCTYPE html>, <html>, <head> or <body>
// (or an XML declaration with <html> in the first KB).
bool looksLikeHtml(std::string_view text);

// The last path component's extension, lower case, with its dot (".md"); "" for none or a dotfile (".profile"),
// as std::filesystem::path::extension has it. Both '/' and '\\' separate components (a browser's file names
// have none; the CLI's paths may).
std::string lowerFileExtension(std::string_view fileName);
// The last path component without its extension ("notes" of "a/notes.md"), as std::filesystem::path::stem.
std::string fileStem(std::string_view fileName);

// The importer of `format` on `text`. Never throws.
ImportResult importAs(ImportFormat format, std::string_view text, const ImportOptions& options);

}  // namespace galley
