// inline_content.cpp — see inline_content.h.
#include "inline_content.h"

#include "bundle_loader.h"
#include "url_resolve.h"
#include "utf8.h"

namespace galley::importing::html {
namespace {

bool isDropped(const InlineContext& cx, NodeId id) { return !cx.dropped.empty() && cx.dropped[static_cast<size_t>(id)]; }

void marked(const InlineContext& cx, NodeId id, RichTextBuilder& out, MarkKind kind) {
    size_t m = out.open(kind);
    appendChildren(cx, id, out);
    out.close(m);
}

void emphasis(const InlineContext& cx, NodeId id, RichTextBuilder& out) { marked(cx, id, out, MarkKind::Emphasis); }
void strong(const InlineContext& cx, NodeId id, RichTextBuilder& out) { marked(cx, id, out, MarkKind::Strong); }

// The note a footnote reference names, or "".
std::string noteOf(const InlineContext& cx, NodeId id) {
    const std::string& href = cx.doc[id].attribute("href");
    if (!cx.footnotes || href.size() < 2 || href[0] != '#') return {};
    auto it = cx.footnotes->noteByTarget.find(href.substr(1));
    return it == cx.footnotes->noteByTarget.end() ? std::string() : it->second;
}

void link(const InlineContext& cx, NodeId id, RichTextBuilder& out) {
    const std::string& href = cx.doc[id].attribute("href");
    if (cx.footnotes && href.size() > 1 && href[0] == '#' && cx.footnotes->backTargets.count(href.substr(1)))
        return;  // a note's way back to its reference: the viewer draws its own
    std::string note = noteOf(cx, id);
    if (!note.empty()) {
        size_t m = out.open(MarkKind::Note);
        out.setNote(m, note);
        appendChildren(cx, id, out);
        out.close(m);
        return;
    }
    std::string target = linkTarget(cx, href);
    if (target.empty()) return appendChildren(cx, id, out);
    size_t m = out.open(MarkKind::Link, target);
    appendChildren(cx, id, out);
    out.close(m);
}

// Code: marked, and as written (typography leaves it alone).
void code(const InlineContext& cx, NodeId id, RichTextBuilder& out) {
    out.beginCode();
    marked(cx, id, out, MarkKind::Code);
    out.endCode();
}

void superscript(const InlineContext& cx, NodeId id, RichTextBuilder& out) {
    // A footnote reference's <sup>: the note mark raises it already.
    for (NodeId c : cx.doc[id].children)
        if (!cx.doc[c].isText && cx.doc[c].tag == "a" && !noteOf(cx, c).empty()) return appendChildren(cx, id, out);
    marked(cx, id, out, MarkKind::Superscript);
}
void subscript(const InlineContext& cx, NodeId id, RichTextBuilder& out) { marked(cx, id, out, MarkKind::Subscript); }
void strikethrough(const InlineContext& cx, NodeId id, RichTextBuilder& out) {
    marked(cx, id, out, MarkKind::Strikethrough);
}

void quotation(const InlineContext& cx, NodeId id, RichTextBuilder& out) {
    out.text("\"");  // typography turns it into the language's quotation marks
    appendChildren(cx, id, out);
    out.text("\"");
}

void image(const InlineContext& cx, NodeId id, RichTextBuilder& out) {
    const Node& n = cx.doc[id];
    const std::string& alt = n.attribute("alt");
    const std::string& cls = n.attribute("class");
    bool emoji = cls.find("emoji") != std::string::npos || cls.find("smiley") != std::string::npos;
    bool character = utf8::countCodePoints(alt) <= 2 && !alt.empty() && static_cast<unsigned char>(alt[0]) >= 0x80;
    if (emoji || character) out.text(alt);
}

bool isBlockElement(const std::string& t) {
    static const char* const tags[] = {"p", "div", "section", "article", "li", "ul", "ol", "blockquote", "h1", "h2",
                                       "h3", "h4", "h5", "h6", "table", "tr", "td", "th", "figure", "figcaption",
                                       "pre", "dl", "dt", "dd", "header", "footer", "main", "aside", "address", "hr",
                                       "details", "summary"};
    for (const char* b : tags)
        if (t == b) return true;
    return false;
}

}  // namespace

std::string linkTarget(const InlineContext& cx, const std::string& href) {
    if (href.empty() || href == "#") return {};
    std::string absolute = resolveUrl(cx.pageUrl, href);
    if (!isAllowedLinkHref(absolute)) return {};
    if (absolute.find_first_of(" <>\"") != std::string::npos) return {};
    return absolute;
}

void appendChildren(const InlineContext& cx, NodeId id, RichTextBuilder& out) {
    for (NodeId c : cx.doc[id].children) appendInline(cx, c, out);
}

void appendInline(const InlineContext& cx, NodeId id, RichTextBuilder& out) {
    if (isDropped(cx, id)) return;
    const Node& n = cx.doc[id];
    if (n.isText) return out.text(n.text);
    const std::string& t = n.tag;
    if (t == "br") return out.hardBreak();
    if (t == "em" || t == "i" || t == "cite" || t == "dfn" || t == "var") return emphasis(cx, id, out);
    if (t == "strong" || t == "b") return strong(cx, id, out);
    if (t == "a") return link(cx, id, out);
    if (t == "code" || t == "kbd" || t == "samp" || t == "tt") return code(cx, id, out);
    if (t == "sup") return superscript(cx, id, out);
    if (t == "sub") return subscript(cx, id, out);
    if (t == "s" || t == "del" || t == "strike") return strikethrough(cx, id, out);
    if (t == "q") return quotation(cx, id, out);
    if (t == "img") return image(cx, id, out);
    if (t == "wbr") return;
    if (isBlockElement(t)) {
        out.space();
        appendChildren(cx, id, out);
        out.space();
        return;
    }
    appendChildren(cx, id, out);  // span, small, mark, abbr, time, font, u, ins, label...
}

}  // namespace galley::importing::html
