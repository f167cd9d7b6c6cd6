// furniture_filter.cpp — see furniture_filter.h.
#include "furniture_filter.h"

#include <algorithm>
#include <cstdio>

#include "element_hints.h"
#include "text_lines.h"

namespace galley::importing::html {
namespace {

bool isDropped(const Filtered& f, NodeId id) { return f.dropped[static_cast<size_t>(id)]; }

bool isHeadingTag(const std::string& t) { return t.size() == 2 && t[0] == 'h' && t[1] >= '1' && t[1] <= '6'; }

// Blocks whose whole text is read as one line of furniture: short leaves of the page's structure.
bool isTextLeaf(const Document& doc, NodeId id) {
    const Node& n = doc[id];
    if (n.tag == "p" || isHeadingTag(n.tag) || n.tag == "li") return true;
    if (n.tag != "div" && n.tag != "section") return false;
    for (NodeId c : n.children)
        if (!doc[c].isText && (doc[c].tag == "div" || doc[c].tag == "p" || doc[c].tag == "ul" || doc[c].tag == "ol" ||
                               doc[c].tag == "section" || isHeadingTag(doc[c].tag) || doc[c].tag == "table"))
            return false;
    return true;
}

std::string fixed(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    return buf;
}

bool hasAncestor(const Document& doc, NodeId id, const char* tag) {
    for (NodeId a = doc[id].parent; a != NoNode; a = doc[a].parent)
        if (doc[a].tag == tag) return true;
    return false;
}

}  // namespace

void Filtered::drop(NodeId id, std::string reason) {
    dropped[static_cast<size_t>(id)] = true;
    drops.push_back({id, std::move(reason)});
}

std::string furnitureText(const std::string& text) {
    if (text.empty() || text.size() > 600) return {};
    std::vector<scraped::SourceLine> lines = scraped::splitSourceLines(text);
    std::vector<scraped::Unit> units = scraped::describeUnits(lines);
    if (units.size() != 1 || units[0].furniture.kind == scraped::Furniture::None) return {};
    return scraped::furnitureReason(units[0].furniture.kind);
}

Filtered dropFurniture(const Document& doc, bool byMarkup) {
    Filtered f;
    f.dropped.assign(doc.nodes.size(), false);
    const NodeId body = doc.body != NoNode ? doc.body : doc.html;
    if (body == NoNode) return f;
    const TextMeasure m = measureText(doc, {});
    const uint32_t pageProse = m.proseChars[static_cast<size_t>(body)];
    for (NodeId k = body + 1, stop = doc.end(body); k < stop; ++k) {
        const Node& n = doc[k];
        if (n.isText) continue;
        ElementHint hint = hintOf(n);
        bool markupOnly = hint.kind != scraped::Furniture::None && !hint.evidence.empty() &&
                          hint.evidence.rfind("<", 0) != 0;  // by class, id or role rather than by tag
        // A quotation's or a figure's own <footer> or <header> holds its attribution or caption.
        const bool ownPart = (n.tag == "footer" || n.tag == "header") &&
                             (hasAncestor(doc, k, "blockquote") || hasAncestor(doc, k, "figure"));
        if (hint.isFurniture() && !hint.articleMarkup && !ownPart && (byMarkup || !markupOnly)) {
            const size_t i = static_cast<size_t>(k);
            const bool holdsTheStory = m.proseParagraphs[i] >= 3 && m.proseChars[i] * 2 >= pageProse;
            if (holdsTheStory && hint.kind != scraped::Furniture::Comments) {
                f.pardons.push_back({k, hint.reason() + ", kept: it holds " + std::to_string(m.proseChars[i]) +
                                            " of the page's " + std::to_string(pageProse) + " code points of prose"});
            } else {
                f.drop(k, hint.reason());
                k = doc.end(k) - 1;
                continue;
            }
        }
        if (isTextLeaf(doc, k) && m.chars[static_cast<size_t>(k)] <= 200) {
            std::string reason = furnitureText(collapsedText(doc, k, f.dropped, 600));
            if (!reason.empty()) {
                f.drop(k, reason + " (its text)");
                k = doc.end(k) - 1;
            }
        }
    }
    return f;
}

bool isDataTable(const Document& doc, NodeId table) {
    const Node& t = doc[table];
    if (t.attribute("role") == "presentation" || t.attribute("datatable") == "0") return false;
    if (!t.attribute("summary").empty()) return true;
    int rows = 0, columns = 0, cells = 0;
    for (NodeId k = table + 1, stop = doc.end(table); k < stop; ++k) {
        const Node& n = doc[k];
        if (n.isText) continue;
        if (n.tag == "table") return false;  // a table inside: layout
        if (n.tag == "caption" || n.tag == "th" || n.tag == "thead" || n.tag == "tfoot" || n.tag == "colgroup" ||
            n.tag == "col")
            return true;
        if (n.tag == "tr") {
            ++rows;
            int inRow = 0;
            for (NodeId c : n.children)
                if (!doc[c].isText && doc[c].tag == "td") ++inRow;
            columns = std::max(columns, inRow);
            cells += inRow;
        }
    }
    if (rows >= 10 || columns > 4) return true;
    return cells > 10;
}

void cleanConditionally(const Document& doc, const ArticleChoice& choice, Filtered& f) {
    const TextMeasure m = measureText(doc, f.dropped);
    uint32_t articleProse = 0;
    for (NodeId r : choice.roots) articleProse += m.proseChars[static_cast<size_t>(r)];
    for (NodeId root : choice.roots) {
        for (NodeId k = root + 1, stop = doc.end(root); k < stop; ++k) {
            if (isDropped(f, k)) {
                k = doc.end(k) - 1;
                continue;
            }
            const Node& n = doc[k];
            if (n.isText) continue;
            if (n.tag == "pre" || n.tag == "code" || n.tag == "figure") {  // kept whole
                k = doc.end(k) - 1;
                continue;
            }
            if (n.tag == "table" && isDataTable(doc, k)) {
                k = doc.end(k) - 1;
                continue;
            }
            // Readability's kinds, and the cells of a layout table (a column of menu links beside the story).
            if (!(n.tag == "form" || n.tag == "fieldset" || n.tag == "table" || n.tag == "ul" || n.tag == "ol" ||
                  n.tag == "div" || n.tag == "section" || n.tag == "td"))
                continue;
            const size_t i = static_cast<size_t>(k);
            if (m.proseChars[i] * 2 > articleProse && articleProse > 0) continue;  // the story's own container
            const ElementHint hint = hintOf(n);
            const double score = choice.scoreOf(k);
            std::string why;
            const bool isList = n.tag == "ul" || n.tag == "ol";
            const uint32_t length = m.chars[i];
            const double density = m.linkDensity(k);
            if (hint.classWeight + score < 0) {
                why = "class weight " + std::to_string(hint.classWeight) + " and score below 0";
            } else if (m.commas[i] < 10) {
                int p = 0, img = 0, li = 0, input = 0, embeds = 0, headings = 0, items = 0, linkItems = 0;
                for (NodeId d = k + 1, end = doc.end(k); d < end; ++d) {
                    if (isDropped(f, d)) {
                        d = doc.end(d) - 1;
                        continue;
                    }
                    const Node& x = doc[d];
                    if (x.isText) continue;
                    if (x.tag == "p") ++p;
                    if (x.tag == "img") ++img;
                    if (x.tag == "li") ++li;
                    if (x.tag == "input") ++input;
                    if ((x.tag == "iframe" && !isKnownEmbed(x)) || x.tag == "embed" || x.tag == "object" ||
                        x.tag == "video")
                        ++embeds;
                    if (isHeadingTag(x.tag)) ++headings;
                    if (x.tag == "li" && x.parent == k) {
                        ++items;
                        if (m.chars[static_cast<size_t>(d)] > 0 && m.linkDensity(d) > 0.9) ++linkItems;
                    }
                }
                if (img > 1 && p * 2 < img && !hasAncestor(doc, k, "figure"))
                    why = std::to_string(img) + " images and " + std::to_string(p) + " paragraphs";
                else if (!isList && li > p + 3 && density > 0.3)
                    why = "a block of " + std::to_string(li) + " list items of links";
                else if (input > p / 3)
                    why = "form inputs (" + std::to_string(input) + ")";
                else if (!isList && length < 25 && (img == 0 || img > 2) && headings == 0 &&
                         !hasAncestor(doc, k, "figure"))
                    why = "almost no text (" + std::to_string(length) + " code points)";
                else if (!isList && hint.classWeight < 25 && density > 0.2 && length < 2000)
                    why = "link density " + fixed(density) + " > 0.2";
                else if (hint.classWeight >= 25 && density > 0.5)
                    why = "link density " + fixed(density) + " > 0.5";
                else if ((embeds == 1 && length < 75) || embeds > 1)
                    why = "embedded media";
                else if (isList && items >= 2 && linkItems == items)
                    why = "list of links (" + std::to_string(items) + " items, each a link)";
            }
            if (!why.empty()) {
                f.drop(k, "cleaned: " + why);
                k = doc.end(k) - 1;
            }
        }
    }
}

}  // namespace galley::importing::html
