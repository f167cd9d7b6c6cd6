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

void link(const InlineContext& cx, NodeId id, RichTextBuilder& out) {
    std::string target = linkTarget(cx, cx.doc[id].attribute("href"));
    if (target.empty()) return appendChildren(cx, id, out);
    size_t m = out.open(MarkKind::Link, target);
    appendChildren(cx, id, out);
    out.close(m);
}

// Until the model has a code mark: the text as it is (typography leaves it alone).
void code(const InlineContext& cx, NodeId id, RichTextBuilder& out) {
    out.beginCode();
    appendChildren(cx, id, out);
    out.endCode();
}
// Until the model has superscript and subscript marks: the text ("x2", a footnote's "1").
void superscript(const InlineContext& cx, NodeId id, RichTextBuilder& out) { appendChildren(cx, id, out); }
void subscript(const InlineContext& cx, NodeId id, RichTextBuilder& out) { appendChildren(cx, id, out); }
// Until the model has a strikethrough mark: the struck text is kept (it is part of what the page says).
void strikethrough(const InlineContext& cx, NodeId id, RichTextBuilder& out) { appendChildren(cx, id, out); }

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
    if (t == "br") return out.lineBreak();
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
