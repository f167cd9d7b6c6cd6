// import_html.cpp — see import_html.h for the stages.
#include "import_html.h"

#include <algorithm>
#include <cstdio>

#include "block_mapping.h"
#include "bundle_loader.h"
#include "bundle_writer.h"
#include "content_scoring.h"
#include "element_hints.h"
#include "folded_text.h"
#include "furniture_filter.h"
#include "html_charset.h"
#include "html_document.h"
#include "page_metadata.h"
#include "text_measure.h"
#include "typography.h"
#include "utf8.h"

namespace galley {
namespace {

using namespace importing::html;
using importing::scraped::foldForMatching;

constexpr size_t EnoughText = 500;  // code points: Readability's threshold for trying again

struct Attempt {
    Filtered filtered;
    ArticleChoice choice;
    MappedArticle mapped;
    size_t textLength = 0;
    std::string name;
};

size_t textLengthOf(const Block& b) {
    size_t n = utf8::countCodePoints(b.text.text) + utf8::countCodePoints(b.caption.text);
    for (const ListItem& item : b.items) {
        n += utf8::countCodePoints(item.text.text);
        for (const Block& inner : item.blocks) n += textLengthOf(inner);
    }
    for (const auto& row : b.rows)
        for (const TableCell& cell : row) n += utf8::countCodePoints(cell.text.text);
    return n;
}

size_t textLengthOf(const std::vector<MappedBlock>& blocks) {
    size_t n = 0;
    for (const MappedBlock& b : blocks) n += textLengthOf(b.block);
    return n;
}

Attempt attempt(const Document& doc, const PageMetadata& md, const QuoteStyle& quotes, bool byMarkup, bool clean,
                std::string name) {
    Attempt a;
    a.name = std::move(name);
    a.filtered = dropFurniture(doc, byMarkup);
    for (NodeId k : md.headerNodes)
        if (!a.filtered.dropped[static_cast<size_t>(k)])
            a.filtered.drop(k, "part of the header (byline, date or dek: read into the article's fields)");
    const TextMeasure measure = measureText(doc, a.filtered.dropped);
    a.choice = scoreContent(doc, a.filtered.dropped, measure);
    if (clean) cleanConditionally(doc, a.choice, a.filtered);
    a.mapped = mapBlocks(doc, a.choice.roots, a.filtered.dropped, md.pageUrl.value, quotes);
    a.textLength = textLengthOf(a.mapped.blocks);
    return a;
}

std::string fixed(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

std::string clipped(const std::string& s, size_t codePoints) {
    std::u32string cps = utf8::decode(s);
    if (cps.size() <= codePoints) return s;
    return utf8::encode(cps.substr(0, codePoints)) + "\xE2\x80\xA6";
}

// Folded texts that say the same: equal, or one the start of the other with most of it.
bool repeats(const std::string& a, const std::string& b) {
    const std::string fa = foldForMatching(a), fb = foldForMatching(b);
    if (fa.empty() || fb.empty()) return false;
    if (fa == fb) return true;
    const std::string& shorter = fa.size() < fb.size() ? fa : fb;
    const std::string& longer = fa.size() < fb.size() ? fb : fa;
    const size_t probe = std::min<size_t>(shorter.size(), 60);
    return probe >= 20 && longer.compare(0, probe, shorter, 0, probe) == 0;
}

struct Event {
    int line = 0;
    size_t order = 0;
    LineVerdict verdict;
};

}  // namespace

ImportResult importHtml(std::string_view bytes, const ImportOptions& options) {
    ImportResult result;
    Article& article = result.article;
    article.lang = options.lang.empty() ? "en-US" : options.lang;
    article.title = options.fallbackTitle.empty() ? "Untitled" : options.fallbackTitle;
    article.id = slugFromTitle(article.title);

    DecodedPage page = decodePage(bytes);                                      // 1. bytes to UTF-8
    if (!page.refused.empty()) {
        result.refused = page.refused;
        return result;
    }
    result.notes.push_back("encoding: " + page.charset + (page.how.empty() ? "" : " (" + page.how + ")"));
    ParseOutcome parsed = parseDocument(page.utf8);                            // 2. parse
    if (!parsed.refused.empty()) {
        result.refused = parsed.refused;
        return result;
    }
    const Document& doc = parsed.document;
    if (doc.body == NoNode) result.notes.push_back("the page has no <body>");
    PageMetadata md = readMetadata(doc, options.baseUrl, options.langGiven ? options.lang : std::string());  // 3. metadata
    if (!options.langGiven && !md.lang.empty()) article.lang = md.lang.value;
    const QuoteStyle quotes = quoteStyleFor(article.lang);

    // 4-7, tried again with less taken out while the text found is short.
    Attempt best = attempt(doc, md, quotes, true, true, "furniture by markup and text, cleaned");
    if (best.textLength < EnoughText) {
        struct Retry {
            bool clean;
            const char* name;
        };
        for (const Retry& retry : {Retry{true, "furniture by tag and text only, cleaned"},
                                   Retry{false, "furniture by tag and text only, not cleaned"}}) {
            Attempt next = attempt(doc, md, quotes, false, retry.clean, retry.name);
            result.notes.push_back("attempt \"" + next.name + "\": " + std::to_string(next.textLength) +
                                   " code points (the first found " + std::to_string(best.textLength) + ")");
            if (next.textLength > best.textLength) best = std::move(next);
            if (best.textLength >= EnoughText) break;
        }
        result.notes.push_back("kept attempt \"" + best.name + "\"");
    }

    // 8. clean up: the header's fields.
    if (!md.title.empty()) article.title = md.title.value;
    std::vector<MappedBlock>& blocks = best.mapped.blocks;
    std::vector<std::pair<NodeId, std::string>> postDrops;
    // The title's heading (or a paragraph that is only the title, on pages without headings) is not repeated;
    // without a title of its own, the page's first heading is the title.
    if (md.title.empty() && !blocks.empty() && blocks[0].block.type == BlockType::Heading && blocks[0].block.level <= 2) {
        article.title = blocks[0].block.text.text;
        md.title = {article.title, "the first heading"};
    }
    for (size_t i = 0; i < blocks.size() && i < 6; ++i) {
        const Block& b = blocks[i].block;
        const bool heading = b.type == BlockType::Heading && repeats(b.text.text, article.title) &&
                             foldForMatching(b.text.text).size() * 10 >= foldForMatching(article.title).size() * 8;
        const bool paragraph = b.type == BlockType::Paragraph && i < 3 &&
                               foldForMatching(b.text.text) == foldForMatching(article.title);
        if (heading || paragraph) {
            postDrops.push_back({blocks[i].source, "the title (not repeated in the text)"});
            blocks.erase(blocks.begin() + static_cast<long>(i));
            break;
        }
    }
    if (md.title.empty() && article.title == (options.fallbackTitle.empty() ? "Untitled" : options.fallbackTitle))
        result.notes.push_back("title: none on the page, the file's name");
    for (const std::string& a : md.authors) {
        Author author;
        author.name = a;
        article.authors.push_back(std::move(author));
    }
    article.published = md.published.value;
    article.updated = md.updated.value;
    article.source.name = md.siteName.value;
    if (!article.source.name.empty() && isAllowedLinkHref(md.siteUrl.value) &&
        md.siteUrl.value.rfind("mailto:", 0) != 0)
        article.source.url = md.siteUrl.value;
    if (md.dir.value == "rtl") article.dir = WritingDirection::RightToLeft;
    if (md.dir.value == "ltr") article.dir = WritingDirection::LeftToRight;
    if (md.dir.value == "auto") article.dir = WritingDirection::Auto;
    // The description is the dek, unless it is the first paragraph again (many pages' descriptions are).
    if (!md.description.empty() && utf8::countCodePoints(md.description.value) <= 300) {
        bool again = false;
        for (size_t i = 0; i < blocks.size() && i < 3; ++i)
            if (blocks[i].block.type == BlockType::Paragraph && repeats(blocks[i].block.text.text, md.description.value))
                again = true;
        if (!again && !repeats(md.description.value, article.title))
            article.subtitle = md.description.value;
        else
            result.notes.push_back("description not used as the subtitle: it repeats the " +
                                   std::string(again ? "first paragraph" : "title"));
    }

    // Blocks: images the format cannot hold yet held back; typography; verdicts.
    std::vector<Event> events;
    size_t order = 0;
    auto event = [&](NodeId id, bool kept, std::string role, std::string text) {
        Event e;
        e.line = id == NoNode ? 0 : doc[id].line;
        e.order = order++;
        e.verdict.lineNumber = e.line;
        e.verdict.kept = kept;
        e.verdict.role = std::move(role);
        e.verdict.text = clipped(text, 160);
        events.push_back(std::move(e));
    };
    int paragraphs = 0;
    for (MappedBlock& mb : blocks) {
        Block& b = mb.block;
        std::string role = mb.role;
        if (b.type == BlockType::Paragraph && role == "paragraph") role = "paragraph " + std::to_string(++paragraphs);
        std::string text = b.type == BlockType::Image   ? b.src + (b.alt.empty() ? "" : " \"" + b.alt + "\"")
                           : b.type == BlockType::Embed ? b.url + " \"" + b.title + "\""
                           : b.type == BlockType::List && !b.items.empty() ? b.items.front().text.text
                           : b.type == BlockType::Table && !b.rows.empty() && !b.rows[0].empty()
                               ? b.rows[0][0].text.text
                               : b.text.text;
        if (b.type == BlockType::Image && !isImageSource(b.src)) {
            HeldBackBlock held;
            held.before = article.blocks.size();
            held.why = "image from " + b.src + ": the format takes relative and https image sources only";
            held.block = b;
            event(mb.source, false, "image held back (not a relative or https source)", text);
            result.heldBack.push_back(std::move(held));
            continue;
        }
        event(mb.source, true, role, text);
        article.blocks.push_back(std::move(b));
    }
    for (const auto& [id, why] : postDrops) event(id, false, why, collapsedText(doc, id, {}, 400));
    article.notes = best.mapped.notes;
    for (size_t i = 0; i < article.notes.size(); ++i)
        event(best.mapped.noteSources[i], true, "note " + article.notes[i].id, article.notes[i].text.text);
    for (const Drop& d : best.filtered.drops) event(d.id, false, d.reason, collapsedText(doc, d.id, {}, 400));
    for (const Drop& d : best.filtered.pardons) event(d.id, true, d.reason, collapsedText(doc, d.id, {}, 400));
    for (const SiblingVerdict& s : best.choice.siblings)
        event(s.id, s.kept, (s.kept ? "sibling joined: " : "sibling left out: ") + s.why,
              collapsedText(doc, s.id, best.filtered.dropped, 400));
    // Paragraphs neither dropped nor in the article: outside it.
    const TextMeasure measure = measureText(doc, best.filtered.dropped);
    const NodeId body = doc.body != NoNode ? doc.body : doc.html;
    std::vector<std::pair<NodeId, NodeId>> articleRanges;
    for (NodeId r : best.choice.roots) articleRanges.push_back({r, doc.end(r)});
    if (body != NoNode)
        for (NodeId k = body + 1, stop = doc.end(body); k < stop; ++k) {
            if (best.filtered.dropped[static_cast<size_t>(k)]) {
                k = doc.end(k) - 1;
                continue;
            }
            const bool inArticle = std::any_of(articleRanges.begin(), articleRanges.end(),
                                               [&](const auto& r) { return r.first <= k && k < r.second; });
            if (inArticle) {
                k = doc.end(k) - 1;
                continue;
            }
            const Node& n = doc[k];
            if (n.isText || !(n.tag == "p" || n.tag == "li" || n.tag == "pre" || (n.tag.size() == 2 && n.tag[0] == 'h')))
                continue;
            if (measure.chars[static_cast<size_t>(k)] == 0) continue;
            NodeId container = n.parent;
            std::string where = container != NoNode ? describeElement(doc[container]) : "the page";
            double score = best.choice.scoreOf(container);
            event(k, false,
                  "outside the article (in " + where + (score > 0 ? ", score " + fixed(score) : "") + ")",
                  collapsedText(doc, k, best.filtered.dropped, 400));
            k = doc.end(k) - 1;
        }
    std::stable_sort(events.begin(), events.end(), [](const Event& a, const Event& b) {
        return a.line != b.line ? a.line < b.line : a.order < b.order;
    });
    for (Event& e : events) result.lines.push_back(std::move(e.verdict));

    // Notes: the candidates, and where each field came from.
    for (size_t i = 0; i < best.choice.ranked.size(); ++i) {
        const Candidate& c = best.choice.ranked[i];
        result.notes.push_back("candidate " + std::to_string(i + 1) + ": " + describeElement(doc[c.id]) + " line " +
                               std::to_string(doc[c.id].line) + ", score " + fixed(c.score) + " (content " +
                               fixed(c.contentScore) + ", start " + std::to_string(c.start) + ", link density " +
                               fixed(c.linkDensity) + ")");
    }
    if (best.choice.top != NoNode)
        result.notes.push_back("article: " + describeElement(doc[best.choice.top]) + " line " +
                               std::to_string(doc[best.choice.top].line) + " (" + best.choice.how + "), " +
                               std::to_string(best.choice.roots.size()) + " element" +
                               (best.choice.roots.size() == 1 ? "" : "s") + " with its siblings");
    auto fieldNote = [&](const char* name, const Field& f) {
        result.notes.push_back(std::string(name) + ": " + (f.empty() ? "(none)" : f.source));
    };
    fieldNote("title from", md.title);
    result.notes.push_back(std::string("authors from: ") + (md.authorsSource.empty() ? "(none)" : md.authorsSource));
    fieldNote("published from", md.published);
    fieldNote("source from", md.siteName);
    fieldNote("subtitle from", article.subtitle.empty() ? Field{} : md.description);
    fieldNote("lang from", options.langGiven ? Field{options.lang, "--lang"} : md.lang);
    fieldNote("dir from", md.dir);
    fieldNote("page URL from", md.pageUrl);
    fieldNote("updated from", md.updated);
    for (const std::string& n : md.notes) result.notes.push_back(n);

    article.title = smartenPunctuation(article.title, quotes);
    article.subtitle = smartenPunctuation(article.subtitle, quotes);
    article.source.name = smartenPunctuation(article.source.name, quotes);
    for (Author& a : article.authors) a.name = smartenPunctuation(a.name, quotes);
    if (article.title.empty()) article.title = options.fallbackTitle.empty() ? "Untitled" : options.fallbackTitle;
    replaceControlCharacters(article);  // the loader refuses them: what we write must load
    article.id = slugFromTitle(article.title);
    return result;
}

}  // namespace galley
