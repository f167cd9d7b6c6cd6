// text_measure.cpp — see text_measure.h.
#include "text_measure.h"

#include "utf8.h"

namespace galley::importing::html {
namespace {

bool isHtmlSpace(uint32_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

bool isComma(uint32_t c) {
    return c == ',' || c == 0x060C || c == 0xFE50 || c == 0xFE10 || c == 0xFE11 || c == 0x2E41 || c == 0x2E34 ||
           c == 0x2E32 || c == 0xFF0C || c == 0x3001;
}

bool isDropped(const std::vector<bool>& dropped, NodeId id) {
    return !dropped.empty() && dropped[static_cast<size_t>(id)];
}

}  // namespace

TextMeasure measureText(const Document& doc, const std::vector<bool>& dropped) {
    const size_t n = doc.nodes.size();
    TextMeasure m;
    m.chars.assign(n, 0);
    m.linkChars.assign(n, 0);
    m.commas.assign(n, 0);
    m.proseChars.assign(n, 0);
    m.proseParagraphs.assign(n, 0);
    for (size_t k = n; k-- > 0;) {
        const Node& node = doc.nodes[k];
        if (isDropped(dropped, static_cast<NodeId>(k))) continue;
        if (node.isText) {
            bool space = false;
            size_t i = 0;
            while (i < node.text.size()) {
                uint32_t c = utf8::next(node.text, i);
                if (isHtmlSpace(c)) {
                    if (!space) ++m.chars[k];
                    space = true;
                    continue;
                }
                space = false;
                ++m.chars[k];
                if (isComma(c)) ++m.commas[k];
            }
        } else if (node.tag == "a" && node.has("href")) {
            m.linkChars[k] = node.attribute("href").rfind('#', 0) == 0 ? 0.3 * m.chars[k] : m.chars[k];
        } else if (node.tag == "p" && m.chars[k] >= 80 && m.linkDensity(static_cast<NodeId>(k)) < 0.5) {
            m.proseChars[k] = m.chars[k];
            m.proseParagraphs[k] = 1;
        }
        if (node.parent != NoNode) {
            const size_t p = static_cast<size_t>(node.parent);
            m.chars[p] += m.chars[k];
            m.linkChars[p] += m.linkChars[k];
            m.commas[p] += m.commas[k];
            m.proseChars[p] += m.proseChars[k];
            m.proseParagraphs[p] += m.proseParagraphs[k];
        }
    }
    return m;
}

std::string collapsedText(const Document& doc, NodeId id, const std::vector<bool>& dropped, size_t limit) {
    std::string out;
    bool space = false;
    for (NodeId k = id, stop = doc.end(id); k < stop && out.size() < limit; ++k) {
        if (isDropped(dropped, k)) {
            k = doc.end(k) - 1;
            continue;
        }
        const Node& node = doc[k];
        if (!node.isText) {
            static const char* const spaced[] = {"br", "p", "div", "li", "td", "th", "tr", "h1", "h2", "h3", "h4",
                                                 "h5", "h6", "ul", "ol", "form", "button", "section", "article",
                                                 "header", "footer", "nav", "aside", "blockquote", "figure",
                                                 "figcaption", "table", "dt", "dd", "pre", "img"};
            for (const char* t : spaced)
                if (node.tag == t) space = true;
            continue;
        }
        size_t i = 0;
        while (i < node.text.size() && out.size() < limit) {
            size_t at = i;
            uint32_t c = utf8::next(node.text, i);
            if (isHtmlSpace(c)) {
                space = true;
                continue;
            }
            if (space && !out.empty()) out.push_back(' ');
            space = false;
            out.append(node.text, at, i - at);
        }
    }
    return out;
}

}  // namespace galley::importing::html
