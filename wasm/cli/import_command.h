// import_command.h — `galley import`: scraped text or Markdown files to a v1 bundle.
//
//   galley import INPUT... [--format text|markdown] [-o OUT] [--lang TAG] [--explain] [--compact]
//   galley import --batch DIR -o OUTDIR [--jobs N] [--format ...] [--lang TAG]
//
// Several inputs make one bundle with one article each; "-" reads stdin. Without --format the format is guessed
// from the file extension, then from the text. --batch converts every .txt/.text/.md/.markdown file in DIR to
// OUTDIR/NAME.json on a pool of threads. --explain prints, for each input line, whether it was kept (and as what)
// or dropped (and why); with -o the bundle is still written.
//
// Not here: the importers themselves (wasm/core/import_text.h, import_markdown.h).
#pragma once

#include <string_view>

namespace galley::cli {

enum class ImportFormat { Text, Markdown };

// Extension first (.md/.markdown -> Markdown, .txt/.text -> Text), then Markdown syntax in the text itself
// (front matter, "#" headings, "](" links, "**", code fences, Setext underlines): two kinds of it make Markdown.
ImportFormat guessImportFormat(std::string_view fileName, std::string_view text);

}  // namespace galley::cli

// argv[0] is "import". Exit codes as for the rest of the CLI (cli_common.h): 0 ok, 2 usage, 3 file error.
int runImportCommand(int argc, char** argv);
