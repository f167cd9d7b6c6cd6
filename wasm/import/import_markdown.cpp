// import_markdown.cpp — see import_markdown.h. The front matter (markdown_front_matter) and the footnote
// definitions (markdown_footnotes) are taken out of the lines first, their lines left empty so that every other line
// keeps its number; md4c reads the rest (markdown_events), then the notes one by one. Here: the first blocks become
// the title, subtitle, byline and date, and each line's verdict is found from the bytes each block's text came from.
#include "import_markdown.h"

#include <algorithm>

#include "bundle_writer.h"
#include "date_order_evidence.h"
#include "date_parse.h"
#include "markdown_events.h"
#include "markdown_footnotes.h"
#include "markdown_front_matter.h"
#include "numeric_date_order.h"
#include "text_util.h"
#include "typography.h"

namespace galley {
namespace {

using namespace importing;
using namespace importing::markdown;

bool isSingleMarkOver(const RichText& rt, MarkKind kind) {
    size_t length = countCodePoints(rt.text);
    return std::any_of(rt.marks.begin(), rt.marks.end(),
                       [&](const Mark& m) { return m.kind == kind && m.start == 0 && m.end == length; });
}

// Pieces of rich text as one, each after the first on a line of its own (U+2028): a note of several paragraphs.
RichText joinLines(const std::vector<RichText>& pieces) {
    RichText out;
    uint32_t offset = 0;
    for (const RichText& piece : pieces) {
        if (!out.text.empty()) {
            out.text += "\u2028";
            ++offset;
        }
        out.text += piece.text;
        for (Mark m : piece.marks) {
            m.start += offset;
            m.end += offset;
            out.marks.push_back(std::move(m));
        }
        offset += static_cast<uint32_t>(countCodePoints(piece.text));
    }
    return out;
}

// The role of a line no block's text came from: the markup around text (a fence, an underline, a thematic break), or
// a line with nothing to keep. A role starting with '-' is a dropped line's reason.
std::string markupLineRole(const std::string& line, const std::string& roleAbove) {
    const std::string t = trim(line);
    if (t.empty()) return "-blank";
    const auto onlyOf = [&](std::string_view chars) {
        return t.find_first_not_of(chars) == std::string::npos;
    };
    if (onlyOf("= ") || (onlyOf("- ") && roleAbove == "heading")) return "heading underline";
    if ((onlyOf("-* ") || onlyOf("_ ")) && std::count_if(t.begin(), t.end(), [](char c) { return c != ' '; }) >= 3)
        return "divider";
    if (startsWith(t, "```") || startsWith(t, "~~~")) return "code fence";
    if (onlyOf("> ")) return "-blank (inside quote)";
    if (t[0] == '[' && t.find("]:") != std::string::npos) return "-link definition";
    if (t == "-" || t == "*" || t == "+" || (t.size() >= 2 && (t.back() == '.' || t.back() == ')') &&
                                               std::all_of(t.begin(), t.end() - 1, [](char c) { return c >= '0' && c <= '9'; })))
        return "empty list item";
    if (t[0] == '<') return "-HTML without text";
    return "-markup without text";
}

}  // namespace

RichText parseMarkdownInline(std::string_view text) {
    FootnoteNumbers none({});
    ParsedMarkdown parsed = parseMarkdownBlocks(text, QuoteStyle{}, none);
    for (const SourcedBlock& b : parsed.blocks)
        if (!b.dropped) return b.block.text;
    return {};
}

ImportResult importMarkdown(std::string_view text, const ImportOptions& options) {
    ImportResult result;
    Article& article = result.article;
    article.lang = options.lang.empty() ? "en-US" : options.lang;

    std::vector<std::string> raw;
    {
        size_t i = 0;
        while (i <= text.size()) {
            size_t nl = text.find('\n', i);
            size_t end = nl == std::string_view::npos ? text.size() : nl;
            std::string line(text.substr(i, end - i));
            if (!line.empty() && line.back() == '\r') line.pop_back();
            raw.push_back(line);
            if (nl == std::string_view::npos || nl + 1 == text.size()) break;
            i = nl + 1;
        }
        if (text.empty()) raw.clear();
    }
    std::vector<std::string> lines = raw;
    if (!lines.empty() && startsWith(lines[0], "\xEF\xBB\xBF")) lines[0] = lines[0].substr(3);  // BOM

    std::vector<std::string> roles(lines.size());
    std::vector<std::vector<std::string>> notes(lines.size());
    FrontMatter fm = readFrontMatter(lines);
    for (size_t i = 0; i < fm.lines; ++i) roles[i] = "-front matter", lines[i].clear();

    // Footnote definitions out, then md4c on the rest, with the same lines (so input bytes give line numbers).
    std::vector<FootnoteDefinition> definitions = takeFootnoteDefinitions(lines, fm.lines);
    std::string body;
    std::vector<size_t> lineStarts;
    for (const std::string& l : lines) {
        lineStarts.push_back(body.size());
        body += l;
        body += '\n';
    }
    const auto lineOf = [&](size_t byte) {
        return static_cast<size_t>(std::upper_bound(lineStarts.begin(), lineStarts.end(), byte) - lineStarts.begin()) - 1;
    };
    const QuoteStyle quotes = quoteStyleFor(article.lang);
    FootnoteNumbers numbers(definitions);
    ParsedMarkdown parsed = parseMarkdownBlocks(body, quotes, numbers);
    for (const Remark& r : parsed.remarks)
        if (!lines.empty()) notes[r.sourceByte == NoSourceByte ? std::min(fm.lines, lines.size() - 1) : lineOf(r.sourceByte)].push_back(r.text);

    // The notes, in the order of their numbers: a note's own references may number further notes, and the notes never
    // referred to come last (kept, so that their text is not lost).
    for (size_t n = 0;; ++n) {
        // Past the notes referred to: the first never referred to (from the text or a note read so far) is next.
        const bool unreferenced = n == numbers.definitionsInOrder().size();
        if (unreferenced && !numbers.numberNextUnreferenced()) break;
        const size_t d = numbers.definitionsInOrder()[n];
        const FootnoteDefinition& def = definitions[d];
        ParsedMarkdown note = parseMarkdownBlocks(def.markdown, quotes, numbers);
        std::vector<RichText> pieces;
        for (const SourcedBlock& b : note.blocks)
            if (!b.dropped)
                for (RichText& t : textsOf(b.block)) pieces.push_back(std::move(t));
        article.notes.push_back({footnoteId(n + 1), joinLines(pieces)});
        for (const Remark& r : note.remarks) notes[def.firstLine].push_back(r.text);
        if (unreferenced) {
            const bool again = std::any_of(definitions.begin(), definitions.begin() + static_cast<long>(d),
                                           [&](const FootnoteDefinition& o) { return o.label == def.label; });
            notes[def.firstLine].push_back("footnote [^" + def.label + "] " +
                                           (again ? "defined again" : "never referred to") + ": kept as note " +
                                           std::to_string(n + 1));
        }
        const std::string role = "note " + std::to_string(n + 1);
        for (size_t l = def.firstLine; l <= def.lastLine; ++l) roles[l] = trim(raw[l]).empty() ? "-blank" : role;
    }

    std::vector<SourcedBlock> blocks;
    for (SourcedBlock& b : parsed.blocks) {
        if (b.firstByte != NoSourceByte) {
            for (size_t l = lineOf(b.firstByte); l <= lineOf(b.lastByte); ++l)
                if (roles[l].empty())  // not front matter nor a note's
                    roles[l] = trim(lines[l]).empty() && b.block.type != BlockType::Code ? "-blank"
                               : b.dropped                                                ? "-" + b.role
                                                                                          : b.role;
        }
        if (!b.dropped) blocks.push_back(std::move(b));
    }

    auto relabel = [&](const SourcedBlock& b, const std::string& role) {
        if (b.firstByte == NoSourceByte) return;
        for (size_t l = lineOf(b.firstByte); l <= lineOf(b.lastByte); ++l)
            if (roles[l] == b.role) roles[l] = role;
    };

    // Title: front matter, else the first heading when nothing but headings comes before it.
    article.title = smartenPunctuation(fm.title, quotes);
    const size_t next = 0;  // title, subtitle and byline are taken from the front of the block list
    if (article.title.empty() && !blocks.empty() && blocks[0].block.type == BlockType::Heading &&
        blocks[0].block.level <= 2) {
        article.title = blocks[0].block.text.text;
        relabel(blocks[0], "title");
        blocks.erase(blocks.begin());
    } else if (!fm.title.empty() && !blocks.empty() && blocks[0].block.type == BlockType::Heading &&
               blocks[0].block.level == 1) {
        // The same title repeated as the first heading.
        if (blocks[0].block.text.text == article.title) {
            relabel(blocks[0], "-repeats the front matter title");
            blocks.erase(blocks.begin());
        }
    }
    // Subtitle: front matter, else a paragraph right under the title that is entirely in emphasis (and not a date:
    // "*June 2, 2024*" is the date line below).
    article.subtitle = smartenPunctuation(fm.subtitle, quotes);
    if (article.subtitle.empty() && next < blocks.size() && blocks[next].block.type == BlockType::Paragraph &&
        !matchWholeDateTime(blocks[next].block.text.text) &&
        isSingleMarkOver(blocks[next].block.text, MarkKind::Emphasis) && countCodePoints(blocks[next].block.text.text) <= 300) {
        article.subtitle = blocks[next].block.text.text;
        relabel(blocks[next], "subtitle");
        blocks.erase(blocks.begin() + static_cast<long>(next));
    }
    for (const std::string& a : fm.authors) {
        const std::string name = trim(a);
        if (!name.empty()) article.authors.push_back({smartenPunctuation(name, quotes), "", ""});  // "authors:\n  -" names nobody
    }
    // The document's evidence for reading a numeric date that reads both ways: every line, the front matter's
    // source and its URL, --lang when given (numeric_date_order.h). Gathered only for such a date.
    const auto gatherEvidence = [&] {
        std::vector<EvidenceText> texts;
        for (size_t i = 0; i < raw.size(); ++i)
            if (!trim(raw[i]).empty()) texts.push_back({raw[i], "line " + std::to_string(i + 1)});
        PublicationHints hints;
        hints.url = fm.sourceUrl;
        hints.urlWhere = "front matter";
        hints.name = fm.source;
        hints.nameWhere = "front matter";
        if (options.langGiven) hints.declaredLang = options.lang, hints.langWhere = "--lang", hints.langByUser = true;
        hints.language = article.lang;
        return gatherDateOrderEvidence(texts, hints);
    };
    std::optional<DateOrderEvidence> evidence;
    auto readIso = [&](const DateMatch& m, std::string* explanation) {
        if (!m.eitherWay) return m.iso;
        if (!evidence) evidence = gatherEvidence();
        return readDate(m, *evidence, explanation);
    };
    auto readPublished = [&](const DateMatch& m) {
        std::string explanation;
        std::string iso = readIso(m, &explanation);
        if (!explanation.empty()) result.notes.push_back(explanation);
        return iso;
    };
    if (fm.publishedDate) article.published = readPublished(*fm.publishedDate);
    // A byline or date line among the first blocks: "By Jane Doe | June 2, 2024", "*June 2, 2024*".
    for (int k = 0; k < 2 && next < blocks.size(); ++k) {
        const Block& b = blocks[next].block;
        if (b.type != BlockType::Paragraph) break;
        std::optional<DateMatch> published;
        std::optional<std::vector<std::string>> names = readBylineLine(b.text.text, &published);
        std::optional<DateMatch> dateOnly = matchWholeDateTime(b.text.text);
        if (names) {
            if (article.authors.empty())
                for (const std::string& n : *names) article.authors.push_back({n, "", ""});
            if (article.published.empty() && published) article.published = readPublished(*published);
            relabel(blocks[next], "byline");
            blocks.erase(blocks.begin() + static_cast<long>(next));
        } else if (dateOnly) {
            std::string explanation;
            const std::string iso = readIso(*dateOnly, &explanation);
            if (article.published.empty()) {
                article.published = iso;
                if (!explanation.empty()) result.notes.push_back(explanation);
            }
            relabel(blocks[next], "published " + iso);
            blocks.erase(blocks.begin() + static_cast<long>(next));
        } else {
            break;
        }
    }
    article.source.name = smartenPunctuation(fm.source, quotes);
    article.source.url = fm.sourceUrl;
    if (article.source.name.empty()) article.source.url.clear();
    if (article.title.empty()) article.title = options.fallbackTitle.empty() ? "Untitled" : options.fallbackTitle;
    article.id = slugFromTitle(article.title);

    int paragraphs = 0;
    for (SourcedBlock& b : blocks) {
        if (b.block.type == BlockType::Paragraph && b.role == "paragraph" && b.firstByte != NoSourceByte) {
            std::string role = "paragraph " + std::to_string(++paragraphs);
            for (size_t l = lineOf(b.firstByte); l <= lineOf(b.lastByte); ++l)
                if (roles[l] == "paragraph") roles[l] = role;
        }
        article.blocks.push_back(std::move(b.block));
    }
    for (size_t i = 0; i < roles.size(); ++i)
        if (roles[i].empty()) roles[i] = markupLineRole(lines[i], i > 0 ? roles[i - 1] : std::string());

    for (size_t i = 0; i < raw.size(); ++i) {
        LineVerdict v;
        v.lineNumber = static_cast<int>(i + 1);
        v.text = raw[i];
        const std::string& role = roles[i];
        v.kept = !role.empty() && role[0] != '-';
        v.role = role.empty() ? "unclassified" : role[0] == '-' ? role.substr(1) : role;
        v.notes = std::move(notes[i]);
        result.lines.push_back(std::move(v));
    }
    replaceControlCharacters(article);  // the loader refuses them: what we write must load
    return result;
}

}  // namespace galley
