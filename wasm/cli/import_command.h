// import_command.h — `galley import`: scraped text, Markdown or HTML files to a v1 bundle.
//
//   galley import INPUT... [--format text|markdown|html] [-o OUT] [--lang TAG] [--base-url URL] [--explain] [--compact]
//   galley import --batch DIR -o OUTDIR [--jobs N] [--format ...] [--lang TAG]
//
// Several inputs make one bundle with one article each; "-" reads stdin. Without --format the format is guessed
// from the file extension, then from the text. --batch converts every .txt/.text/.md/.markdown/.html/.htm file in DIR to
// OUTDIR/NAME.json on a pool of threads. --explain prints, for each input line, whether it was kept (and as what)
// or dropped (and why); with -o the bundle is still written.
//
// Not here: guessing the format and running the importer (wasm/import/import_format.h, shared with the page's import
// module), the importers themselves (wasm/import/import_text.h, import_markdown.h, html/import_html.h).
#pragma once

// argv[0] is "import". Exit codes as for the rest of the CLI (cli_common.h): 0 ok, 2 usage, 3 file error.
int runImportCommand(int argc, char** argv);
