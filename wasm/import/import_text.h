// import_text.h — turn text scraped from an article's web page into a galley::Article.
//
// Scraped text carries the whole page: masthead, menus, the page's own date, headline, dek, byline, the story,
// then share prompts, related links, comments and the footer. The importer keeps the article and drops the page
// furniture, in visible stages, each in its own file:
//   1. split lines      — normalise whitespace, join hard-wrapped lines into units                  (text_lines)
//   2. describe lines   — structural features per unit (length, sentence punctuation, case, repetition, dates,
//                         list markers) plus what kind of page furniture it resembles     (text_lines, page_furniture)
//   3. pick the header  — byline, headline, dek, publication date                         (text_header, byline)
//   4. pick the body    — from the header to the end of the story; paragraphs, headings, lists        (body_picker)
//      and then the publication's name, once the footer is known                                (publication_name)
//   5. clean up         — typography (typography.h), ids                                             (import_text)
//      and the date's reading: a numeric date that reads both ways ("04/03/2025") is read with the whole page's
//      evidence (numeric_date_order.h), gathered once the publication's name is known      (date_order_evidence)
// Every input line gets a verdict (kept as what, or dropped and why) for `galley import --explain`.
//
// Not here: HTML (the input is already text), reading files, languages other than English (the furniture
// vocabulary and date words are English), images (scraped text has none).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "date_parse.h"
#include "model.h"

namespace galley {

struct ImportOptions {
    std::string lang = "en-US";
    std::string fallbackTitle;  // used when no headline can be found (the CLI passes the file name)
    // HTML: `lang` is used when the page names no language of its own, unless `langGiven` (the user said --lang).
    bool langGiven = false;
    std::string baseUrl;        // HTML: the page's URL, against which its links are made absolute (--base-url)
};

// What happened to one input line.
struct LineVerdict {
    int lineNumber = 0;   // 1-based
    std::string text;     // the line as it was read (without its newline)
    bool kept = false;
    std::string role;     // kept: "title", "paragraph 3", ...; dropped: the reason ("share prompt", ...)
    // What the bundle could not hold as the line wrote it, and what became of it ("link to \"ftp://…\" (not http,
    // https or mailto): its text kept, not the link"): Markdown only.
    std::vector<std::string> notes;
};

// A block the bundle format cannot hold, kept out of the article with its place: an HTML page's image from a plain
// http source (the format takes relative and https ones).
struct HeldBackBlock {
    size_t before = 0;  // index in article.blocks it would have had
    Block block;
    std::string why;
};

struct ImportResult {
    Article article;
    std::vector<LineVerdict> lines;  // scraped text and Markdown: one per input line, in order; HTML: one per
                                     // element kept or dropped, by line
    std::vector<std::string> notes;  // more for --explain (HTML: the encoding, the candidates and their scores,
                                     // where each field came from)
    std::vector<HeldBackBlock> heldBack;
    std::string refused;             // non-empty: the input was not imported, and why (HTML: not text, a charset
                                     // that is not read, nesting too deep); the article is then empty
};

// Never throws for any input; an empty or furniture-only input gives an article with no blocks.
ImportResult importScrapedText(std::string_view text, const ImportOptions& options = {});

// One line read as a byline: "By Jane Doe and John Roe | June 2, 2024", "Posted on June 2, 2024 by Jane Doe".
// Not a byline (a sentence that starts with "By the time...") gives nullopt; a byline naming only an account
// ("Posted by admin") gives an empty list. `published` receives the date when the line carries one (its ISO form
// then depends on the document's evidence: numeric_date_order.h readDate).
std::optional<std::vector<std::string>> readBylineLine(std::string_view line,
                                                       std::optional<DateMatch>* published = nullptr);

}  // namespace galley
