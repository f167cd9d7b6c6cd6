// import_markdown.cpp — see import_markdown.h. Two passes, as in CommonMark: lines to blocks (markdown_blocks,
// with markdown_lines for what each line is), then each block's inline text to rich text (markdown_inlines). Here:
// the front matter (markdown_front_matter) and the first blocks become the title, subtitle, byline and date, and
// each line's verdict is reported.
#include "import_markdown.h"

#include <algorithm>

#include "bundle_writer.h"
#include "date_parse.h"
#include "markdown_blocks.h"
#include "markdown_front_matter.h"
#include "markdown_lines.h"
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

}  // namespace

RichText parseMarkdownInline(std::string_view text) {
    return parseInlines({}, QuoteStyle{}, utf8::decode(text), nullptr);
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
    std::vector<std::string> lines;
    for (const std::string& l : raw) lines.push_back(expandTabs(l));
    if (!lines.empty() && startsWith(lines[0], "\xEF\xBB\xBF")) lines[0] = lines[0].substr(3);  // BOM

    std::vector<std::string> roles(lines.size());
    FrontMatter fm = readFrontMatter(lines);
    for (size_t i = 0; i < fm.lines; ++i) roles[i] = "-front matter";

    LinkRefs refs;
    const QuoteStyle quotes = quoteStyleFor(article.lang);
    std::vector<SourcedBlock> blocks = parseBlocks(lines, fm.lines, refs, roles, quotes);

    auto relabel = [&](const SourcedBlock& b, const std::string& role) {
        for (size_t l : b.lines) roles[l] = role;
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
    // Subtitle: front matter, else a paragraph right under the title that is entirely in emphasis.
    article.subtitle = smartenPunctuation(fm.subtitle, quotes);
    if (article.subtitle.empty() && next < blocks.size() && blocks[next].block.type == BlockType::Paragraph &&
        isSingleMarkOver(blocks[next].block.text, MarkKind::Emphasis) && countCodePoints(blocks[next].block.text.text) <= 300) {
        article.subtitle = blocks[next].block.text.text;
        relabel(blocks[next], "subtitle");
        blocks.erase(blocks.begin() + static_cast<long>(next));
    }
    for (const std::string& a : fm.authors) {
        const std::string name = trim(a);
        if (!name.empty()) article.authors.push_back({smartenPunctuation(name, quotes), ""});  // "authors:\n  -" names nobody
    }
    article.published = fm.published;
    // A byline or date line among the first blocks: "By Jane Doe | June 2, 2024", "*June 2, 2024*".
    for (int k = 0; k < 2 && next < blocks.size(); ++k) {
        const Block& b = blocks[next].block;
        if (b.type != BlockType::Paragraph) break;
        std::string published;
        std::optional<std::vector<std::string>> names = readBylineLine(b.text.text, &published);
        std::string dateOnly = parseDateTime(b.text.text);
        if (names) {
            if (article.authors.empty())
                for (const std::string& n : *names) article.authors.push_back({n, ""});
            if (article.published.empty()) article.published = published;
            relabel(blocks[next], "byline");
            blocks.erase(blocks.begin() + static_cast<long>(next));
        } else if (!dateOnly.empty()) {
            if (article.published.empty()) article.published = dateOnly;
            relabel(blocks[next], "published " + dateOnly);
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
        if (b.block.type == BlockType::Paragraph && b.role == "paragraph") {
            std::string role = "paragraph " + std::to_string(++paragraphs);
            for (size_t l : b.lines)
                if (roles[l] == "paragraph") roles[l] = role;
        }
        article.blocks.push_back(std::move(b.block));
    }

    for (size_t i = 0; i < raw.size(); ++i) {
        LineVerdict v;
        v.lineNumber = static_cast<int>(i + 1);
        v.text = raw[i];
        const std::string& role = roles[i];
        v.kept = !role.empty() && role[0] != '-';
        v.role = role.empty() ? "unclassified" : role[0] == '-' ? role.substr(1) : role;
        result.lines.push_back(std::move(v));
    }
    replaceControlCharacters(article);  // the loader refuses them: what we write must load
    return result;
}

}  // namespace galley
