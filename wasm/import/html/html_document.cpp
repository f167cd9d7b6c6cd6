// html_document.cpp — see html_document.h. The only file that includes gumbo.h.
#include "html_document.h"

#include <gumbo.h>

#include <algorithm>

namespace galley::importing::html {
namespace {

const std::string kEmpty;

char lowerAscii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool startsWithNoCase(std::string_view s, size_t at, std::string_view prefix) {
    if (s.size() - at < prefix.size()) return false;
    for (size_t i = 0; i < prefix.size(); ++i)
        if (lowerAscii(s[at + i]) != prefix[i]) return false;
    return true;
}

bool isOneOf(std::string_view name, std::initializer_list<std::string_view> names) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

// How deep the page's tags nest, counted on the bytes before parsing: start tags less end tags, leaving out void
// elements and those whose end tag may be omitted (an unclosed <p> or <li> is closed by the next, so it never nests).
// Returns the line where MaxTagNesting is passed, or 0.
int lineWhereNestingPasses(std::string_view s) {
    int depth = 0, line = 1;
    size_t i = 0;
    auto skipTo = [&](std::string_view what) {
        size_t at = s.find(what, i);
        size_t stop = at == std::string_view::npos ? s.size() : at + what.size();
        line += static_cast<int>(std::count(s.begin() + static_cast<long>(i), s.begin() + static_cast<long>(stop), '\n'));
        i = stop;
    };
    while (i < s.size()) {
        char c = s[i];
        if (c == '\n') ++line;
        if (c != '<') {
            ++i;
            continue;
        }
        if (s.compare(i, 4, "<!--") == 0) {
            skipTo("-->");
            continue;
        }
        if (i + 1 < s.size() && (s[i + 1] == '!' || s[i + 1] == '?')) {
            skipTo(">");
            continue;
        }
        bool closing = i + 1 < s.size() && s[i + 1] == '/';
        size_t n = i + (closing ? 2 : 1);
        std::string name;
        while (n < s.size() && name.size() < 16 &&
               ((s[n] >= 'a' && s[n] <= 'z') || (s[n] >= 'A' && s[n] <= 'Z') || (s[n] >= '0' && s[n] <= '9') ||
                s[n] == '-'))
            name.push_back(lowerAscii(s[n++]));
        if (name.empty()) {
            ++i;
            continue;
        }
        size_t close = s.find('>', n);
        bool selfClosing = close != std::string_view::npos && close > n && s[close - 1] == '/';
        i = n;
        if (closing) {
            if (depth > 0) --depth;
            continue;
        }
        if (isOneOf(name, {"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
                           "noscript"})) {
            // Raw text: no tags inside until its end tag.
            size_t k = i;
            for (;;) {
                k = s.find("</", k);
                if (k == std::string_view::npos || startsWithNoCase(s, k + 2, name)) break;
                k += 2;
            }
            size_t stop = k == std::string_view::npos ? s.size() : k;
            line += static_cast<int>(std::count(s.begin() + static_cast<long>(i), s.begin() + static_cast<long>(stop), '\n'));
            i = stop;
            continue;
        }
        if (selfClosing ||
            isOneOf(name, {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
                           "source", "track", "wbr", "keygen", "p", "li", "dt", "dd", "tr", "td", "th", "option",
                           "optgroup", "thead", "tbody", "tfoot", "rb", "rt", "rtc", "rp", "colgroup", "caption",
                           "html", "head", "body"}))
            continue;
        if (++depth > MaxTagNesting) return line;
    }
    return 0;
}

std::string tagName(const GumboElement& e) {
    if (e.tag != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(e.tag);
    GumboStringPiece piece = e.original_tag;
    gumbo_tag_from_original_text(&piece);  // "<my-widget a=b>" -> "my-widget"
    std::string name(piece.data ? piece.data : "", piece.data ? piece.length : 0);
    size_t stop = name.find_first_of(" \t\n\r\f/>");
    if (stop != std::string::npos) name.resize(stop);
    for (char& c : name) c = lowerAscii(c);
    return name;
}

bool isJsonLd(const GumboElement& e) {
    GumboAttribute* type = gumbo_get_attribute(&e.attributes, "type");
    if (!type) return false;
    std::string v = type->value;
    for (char& c : v) c = lowerAscii(c);
    return v.find("ld+json") != std::string::npos;
}

}  // namespace

const std::string& Node::attribute(std::string_view name) const {
    for (const auto& a : attributes)
        if (a.first == name) return a.second;
    return kEmpty;
}

bool Node::has(std::string_view name) const {
    return std::any_of(attributes.begin(), attributes.end(), [&](const auto& a) { return a.first == name; });
}

NodeId Document::end(NodeId id) const {
    const int depth = nodes[static_cast<size_t>(id)].depth;
    NodeId k = id + 1;
    while (k < static_cast<NodeId>(nodes.size()) && nodes[static_cast<size_t>(k)].depth > depth) ++k;
    return k;
}

bool Document::contains(NodeId ancestor, NodeId id) const {
    for (NodeId k = id; k != NoNode; k = nodes[static_cast<size_t>(k)].parent)
        if (k == ancestor) return true;
    return false;
}

NodeId Document::find(NodeId from, std::string_view tag) const {
    if (from == NoNode) return NoNode;
    for (NodeId k = from, stop = end(from); k < stop; ++k)
        if (!nodes[static_cast<size_t>(k)].isText && nodes[static_cast<size_t>(k)].tag == tag) return k;
    return NoNode;
}

std::vector<NodeId> Document::all(NodeId from, std::string_view tag) const {
    std::vector<NodeId> found;
    if (from == NoNode) return found;
    for (NodeId k = from + 1, stop = end(from); k < stop; ++k) {
        const Node& n = nodes[static_cast<size_t>(k)];
        if (!n.isText && (tag.empty() || n.tag == tag)) found.push_back(k);
    }
    return found;
}

ParseOutcome parseDocument(std::string_view utf8) {
    ParseOutcome out;
    if (int line = lineWhereNestingPasses(utf8)) {
        out.refused = "tags nest deeper than " + std::to_string(MaxTagNesting) + " levels (line " +
                      std::to_string(line) + ")";
        return out;
    }
    GumboOptions options = kGumboDefaultOptions;
    options.max_errors = 0;  // parse errors are not reported, so not kept
    GumboOutput* parsed = gumbo_parse_with_options(&options, utf8.data(), utf8.size());
    if (!parsed) {
        out.refused = "the HTML parser gave no tree";
        return out;
    }
    Document& doc = out.document;
    struct Pending {
        const GumboNode* node;
        NodeId parent;
        int depth;
    };
    std::vector<Pending> stack{{parsed->root, NoNode, 0}};
    while (!stack.empty()) {
        Pending p = stack.back();
        stack.pop_back();
        const GumboNode* g = p.node;
        if (g->type == GUMBO_NODE_TEXT || g->type == GUMBO_NODE_WHITESPACE || g->type == GUMBO_NODE_CDATA) {
            if (p.parent == NoNode) continue;
            Node n;
            n.isText = true;
            n.text = g->v.text.text;
            n.line = static_cast<int>(g->v.text.start_pos.line);
            n.parent = p.parent;
            n.depth = p.depth;
            doc.nodes[static_cast<size_t>(p.parent)].children.push_back(static_cast<NodeId>(doc.nodes.size()));
            doc.nodes.push_back(std::move(n));
            continue;
        }
        if (g->type != GUMBO_NODE_ELEMENT && g->type != GUMBO_NODE_TEMPLATE) continue;  // comments, the document
        const GumboElement& e = g->v.element;
        if (e.tag == GUMBO_TAG_SCRIPT) {
            if (isJsonLd(e))
                for (unsigned k = 0; k < e.children.length; ++k) {
                    const GumboNode* c = static_cast<const GumboNode*>(e.children.data[k]);
                    if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_WHITESPACE) doc.jsonLd.push_back(c->v.text.text);
                }
            continue;
        }
        if (e.tag == GUMBO_TAG_STYLE || e.tag == GUMBO_TAG_TEMPLATE || e.tag == GUMBO_TAG_NOSCRIPT ||
            g->type == GUMBO_NODE_TEMPLATE)
            continue;
        if (e.tag_namespace != GUMBO_NAMESPACE_HTML && e.tag != GUMBO_TAG_SVG && e.tag != GUMBO_TAG_MATH) continue;
        NodeId self = p.parent;
        int childDepth = p.depth;
        if (p.depth <= MaxTreeDepth || p.parent == NoNode) {  // deeper: its content goes to the element above
            Node n;
            n.tag = tagName(e);
            n.line = static_cast<int>(e.start_pos.line);
            n.parent = p.parent;
            n.depth = p.depth;
            for (unsigned k = 0; k < e.attributes.length; ++k) {
                const GumboAttribute* a = static_cast<const GumboAttribute*>(e.attributes.data[k]);
                n.attributes.emplace_back(a->name, a->value);
            }
            self = static_cast<NodeId>(doc.nodes.size());
            if (p.parent != NoNode) doc.nodes[static_cast<size_t>(p.parent)].children.push_back(self);
            if (e.tag == GUMBO_TAG_HTML && doc.html == NoNode) doc.html = self;
            if (e.tag == GUMBO_TAG_HEAD && doc.head == NoNode) doc.head = self;
            if (e.tag == GUMBO_TAG_BODY && doc.body == NoNode) doc.body = self;
            doc.nodes.push_back(std::move(n));
            childDepth = p.depth + 1;
        }
        if (e.tag == GUMBO_TAG_SVG || e.tag == GUMBO_TAG_MATH) continue;  // drawings and formulas: no prose
        for (unsigned k = e.children.length; k-- > 0;)
            stack.push_back({static_cast<const GumboNode*>(e.children.data[k]), self, childDepth});
    }
    gumbo_destroy_output(&options, parsed);
    return out;
}

}  // namespace galley::importing::html
