// import_text.cpp — see import_text.h for the stages. The rules lean on structure first (where a line sits
// relative to the headline and byline, its length, whether it ends like a sentence, whether it repeats, whether it
// belongs to a run of short lines) and use the furniture vocabulary only to name what structure already suggests or
// to catch notices that look like prose (cookie and newsletter banners).
#include "import_text.h"

#include <algorithm>

#include "body_picker.h"
#include "bundle_writer.h"
#include "byline_reader.h"
#include "date_convention.h"
#include "date_order_evidence.h"
#include "numeric_date_order.h"
#include "publication_name.h"
#include "text_header.h"
#include "text_lines.h"
#include "typography.h"

namespace galley {
namespace {

using namespace importing;
using namespace importing::scraped;

void smartenBlocks(std::vector<Block>& blocks, const QuoteStyle& quotes) {
    for (Block& b : blocks) {
        smartenPunctuation(b.text, quotes);
        for (ListItem& item : b.items) smartenPunctuation(item.text, quotes);
        smartenPunctuation(b.caption, quotes);
        smartenPunctuation(b.attribution, quotes);
    }
}

// Stage 5: typography on every text the article carries, a title whatever happens, the id.
void cleanUp(Article& article, const ImportOptions& options) {
    if (article.title.empty()) article.title = options.fallbackTitle.empty() ? "Untitled" : options.fallbackTitle;
    const QuoteStyle quotes = quoteStyleFor(article.lang);
    article.title = smartenPunctuation(article.title, quotes);
    article.subtitle = smartenPunctuation(article.subtitle, quotes);
    article.source.name = smartenPunctuation(article.source.name, quotes);
    smartenBlocks(article.blocks, quotes);
    replaceControlCharacters(article);  // the loader refuses them: what we write must load
    article.id = slugFromTitle(article.title);
}

// One verdict per input line: its unit's, marked "(continued)" on the later lines of a joined unit.
std::vector<LineVerdict> verdictsFor(const std::vector<SourceLine>& lines, const std::vector<Unit>& units) {
    std::vector<const Unit*> owner(lines.size(), nullptr);
    std::vector<bool> continued(lines.size(), false);
    for (const Unit& u : units)
        for (size_t k = 0; k < u.sources.size(); ++k) {
            owner[u.sources[k]] = &u;
            continued[u.sources[k]] = k > 0;
        }
    std::vector<LineVerdict> verdicts;
    for (size_t i = 0; i < lines.size(); ++i) {
        LineVerdict v;
        v.lineNumber = lines[i].number;
        v.text = lines[i].raw;
        if (!owner[i]) {
            v.role = "blank";
        } else {
            v.kept = owner[i]->kept;
            v.role = owner[i]->role.empty() ? "unclassified" : owner[i]->role;
            if (continued[i]) v.role += " (continued)";
        }
        verdicts.push_back(std::move(v));
    }
    return verdicts;
}

// The page's evidence for reading its numeric dates: every line; --base-url, else a web address in the masthead or
// footer; --lang (when given); the publication's name (and the masthead line it came from).
DateOrderEvidence pageEvidence(const std::vector<SourceLine>& lines, const std::vector<Unit>& units,
                               const std::vector<size_t>& mastheads, const Article& article,
                               const ImportOptions& options) {
    std::vector<EvidenceText> texts;
    for (const SourceLine& l : lines)
        if (!l.text.empty()) texts.push_back({l.text, "line " + std::to_string(l.number)});
    PublicationHints hints;
    hints.url = options.baseUrl;
    hints.urlWhere = "--base-url";
    for (size_t i = 0; i < units.size() && hints.url.empty(); ++i) {
        const bool masthead = std::find(mastheads.begin(), mastheads.end(), i) != mastheads.end();
        if (!masthead && units[i].furniture.kind != Furniture::Footer) continue;
        hints.url = webAddressIn(units[i].text);
        hints.urlWhere = std::string(masthead ? "the masthead" : "the footer") + ", line " +
                         std::to_string(lines[units[i].sources[0]].number);
    }
    if (options.langGiven) hints.declaredLang = options.lang, hints.langWhere = "--lang", hints.langByUser = true;
    hints.language = article.lang;
    hints.name = article.source.name;
    hints.nameWhere = !mastheads.empty() && mastheads[0] < units.size() && !units[mastheads[0]].sources.empty()
                          ? "line " + std::to_string(lines[units[mastheads[0]].sources[0]].number)
                          : "found on the page";
    return gatherDateOrderEvidence(texts, hints);
}

}  // namespace

std::optional<std::vector<std::string>> readBylineLine(std::string_view line, std::optional<DateMatch>* published) {
    std::vector<SourceLine> lines = splitSourceLines(line);
    std::vector<Unit> units = describeUnits(lines);
    if (units.size() != 1) return std::nullopt;
    std::optional<Byline> b = readByline(units[0], false);
    if (!b) return std::nullopt;
    if (published) *published = b->date;
    for (std::string& a : b->authors) a = smartenPunctuation(a);
    return b->authors;
}

ImportResult importScrapedText(std::string_view text, const ImportOptions& options) {
    ImportResult result;
    Article& article = result.article;
    article.lang = options.lang.empty() ? "en-US" : options.lang;

    std::vector<SourceLine> lines = splitSourceLines(text);   // 1. split lines
    std::vector<Unit> units = describeUnits(lines);            // 2. describe them
    Header header = pickHeader(units);                         // 3. header
    applyHeader(units, header, article);
    BodyLayout body = pickBody(units, header.end);             // 4. body
    article.blocks = std::move(body.blocks);
    std::optional<DateMatch> published = header.publishedDate;
    if (!published) published = datelineDate(article.blocks);
    std::vector<size_t> mastheads;                             // 3b. the publication, once the footer is known
    article.source.name = pickSourceName(units, header, body.end, article.title, mastheads);
    applySourceName(units, mastheads, article);
    if (published && !published->eitherWay) article.published = published->iso;
    if (published && published->eitherWay) {                  // 5. the date, read with the page's evidence
        std::string explanation;
        article.published = readDate(*published, pageEvidence(lines, units, mastheads, article, options), &explanation);
        if (!explanation.empty()) result.notes.push_back(explanation);
        if (header.dateUnit && article.published != header.published) {
            std::string& role = units[*header.dateUnit].role;
            size_t at = role.rfind(header.published);
            if (at != std::string::npos) role.replace(at, header.published.size(), article.published);
        }
    }
    cleanUp(article, options);                                 // 5. clean up
    result.lines = verdictsFor(lines, units);
    return result;
}

}  // namespace galley
