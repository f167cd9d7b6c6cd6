// block_mapping.cpp — see block_mapping.h.
#include "block_mapping.h"

#include <algorithm>

#include "furniture_filter.h"
#include "inline_content.h"
#include "url_resolve.h"
#include "utf8.h"

namespace galley::importing::html {
namespace {

bool isHeadingTag(const std::string& t) { return t.size() == 2 && t[0] == 'h' && t[1] >= '1' && t[1] <= '6'; }

bool isBlockTag(const std::string& t) {
    static const char* const tags[] = {"p", "div", "section", "article", "li", "ul", "ol", "blockquote", "h1", "h2",
                                       "h3", "h4", "h5", "h6", "table", "figure", "figcaption", "pre", "dl", "dt",
                                       "dd", "header", "footer", "main", "aside", "address", "hr", "details",
                                       "summary", "picture", "center", "tbody", "tr", "td", "th", "caption", "form",
                                       "fieldset", "nav", "body"};
    return std::find(std::begin(tags), std::end(tags), t) != std::end(tags);
}

class Mapper {
public:
    Mapper(const Document& doc, const std::vector<bool>& dropped, const std::string& pageUrl, const QuoteStyle& quotes)
        : doc_(doc), dropped_(dropped), cx_{doc, dropped, pageUrl, &quotes}, blockLevel_(doc.nodes.size(), false) {
        // An element is block-level when its tag is, or when it holds one (an <a> around a <div>).
        for (size_t k = doc.nodes.size(); k-- > 0;) {
            const Node& n = doc.nodes[k];
            if (n.isText) continue;
            if (isBlockTag(n.tag) || ((n.tag == "img" || n.tag == "amp-img") && n.parent != NoNode && !hasText(n.parent)))
                blockLevel_[k] = true;
            if (blockLevel_[k] && n.parent != NoNode) blockLevel_[static_cast<size_t>(n.parent)] = true;
        }
    }

    void root(NodeId id) {
        if (blockLevel_[static_cast<size_t>(id)])
            element(id);
        else
            inlineRun({id}, id);
    }

    std::vector<MappedBlock> blocks;

private:
    bool dropped(NodeId id) const { return !dropped_.empty() && dropped_[static_cast<size_t>(id)]; }

    bool hasText(NodeId id) const {
        for (NodeId c : doc_[id].children)
            if (doc_[c].isText && doc_[c].text.find_first_not_of(" \t\r\n\f") != std::string::npos) return true;
        return false;
    }

    void add(Block b, NodeId source, std::string role) { blocks.push_back({std::move(b), source, std::move(role)}); }

    // Children in order: runs of phrasing content become paragraphs, block elements map by their kind.
    void container(NodeId id) {
        std::vector<NodeId> run;
        for (NodeId c : doc_[id].children) {
            if (dropped(c)) continue;
            if (!doc_[c].isText && blockLevel_[static_cast<size_t>(c)]) {
                inlineRun(run, id);
                run.clear();
                element(c);
            } else {
                run.push_back(c);
            }
        }
        inlineRun(run, id);
    }

    void inlineRun(const std::vector<NodeId>& run, NodeId parent) {
        RichTextBuilder b(cx_.quotes);
        for (NodeId c : run) appendInline(cx_, c, b);
        if (b.empty()) return;
        const RichText all = b.finish();
        NodeId source = parent;
        for (NodeId c : run)
            if (!collapsedText(doc_, c, dropped_, 8).empty()) {
                source = c;
                break;
            }
        // Text written with <br><br> between its paragraphs (older pages, forums) is as many paragraphs.
        size_t begin = 0;
        uint32_t beginCodePoint = 0;
        while (begin < all.text.size()) {
            size_t gap = all.text.find("\n\n", begin);
            size_t end = gap == std::string::npos ? all.text.size() : gap;
            Block p;
            p.type = BlockType::Paragraph;
            p.text = sliceRichText(all, begin, end, beginCodePoint);
            while (!p.text.text.empty() && p.text.text.back() == '\n') p.text = sliceRichText(p.text, 0, p.text.text.size() - 1, 0);
            if (!p.text.text.empty())
                add(std::move(p), source, "paragraph (text in <" + doc_[parent].tag + ">" +
                                              (gap == std::string::npos && begin == 0 ? ")" : ", between <br><br>)"));
            if (gap == std::string::npos) break;
            size_t next = all.text.find_first_not_of('\n', gap);
            if (next == std::string::npos) break;
            beginCodePoint += static_cast<uint32_t>(utf8::countCodePoints(std::string_view(all.text).substr(begin, next - begin)));
            begin = next;
        }
    }

    void element(NodeId id) {
        const std::string& t = doc_[id].tag;
        if (t == "p" || t == "address" || t == "summary") return paragraph(id);
        if (isHeadingTag(t)) return heading(id);
        if (t == "blockquote") return quote(id);
        if (t == "ul" || t == "ol") return list(id);
        if (t == "figure") return figure(id);
        if (t == "img" || t == "picture" || t == "amp-img") return image(id, id, {});
        if (t == "hr") return divider(id);
        if (t == "pre") return preformatted(id);
        if (t == "table") return table(id);
        if (t == "dl") return definitions(id);
        container(id);
    }

    void paragraph(NodeId id) {
        // A paragraph that holds only an image (or a link around one) is that image.
        if (blockLevel_[static_cast<size_t>(id)] && !hasText(id)) {
            NodeId img = doc_.find(id, "img");
            if (img != NoNode && collapsedText(doc_, id, dropped_, 8).empty()) return image(img, id, {});
            return container(id);
        }
        RichTextBuilder b(cx_.quotes);
        appendChildren(cx_, id, b);
        if (b.empty()) return;
        Block p;
        p.type = BlockType::Paragraph;
        p.text = b.finish();
        add(std::move(p), id, "paragraph");
    }

    void heading(NodeId id) {
        RichTextBuilder b(cx_.quotes);
        appendChildren(cx_, id, b);
        if (b.empty()) return;
        Block h;
        h.type = BlockType::Heading;
        h.level = doc_[id].tag[1] - '0';
        h.text = b.finish();
        add(std::move(h), id, "heading " + std::to_string(h.level));
    }

    void quote(NodeId id) {
        Block q;
        q.type = BlockType::Quote;
        RichTextBuilder text(cx_.quotes), attribution(cx_.quotes);
        std::vector<NodeId> run;
        auto flush = [&] {
            RichTextBuilder part(cx_.quotes);
            for (NodeId c : run) appendInline(cx_, c, part);
            run.clear();
            if (part.empty()) return;
            appendPart(text, part.finish());
        };
        for (NodeId c : doc_[id].children) {
            if (dropped(c)) continue;
            const Node& n = doc_[c];
            if (!n.isText && (n.tag == "footer" || (n.tag == "cite" && blockLevel_[static_cast<size_t>(c)]))) {
                flush();
                appendChildren(cx_, c, attribution);
            } else if (!n.isText && blockLevel_[static_cast<size_t>(c)]) {
                flush();
                RichTextBuilder part(cx_.quotes);
                appendInline(cx_, c, part);
                if (!part.empty()) appendPart(text, part.finish());
            } else {
                run.push_back(c);
            }
        }
        flush();
        q.text = text.finish();
        q.attribution = attribution.finish();
        // A last line "— Name" is the attribution.
        size_t nl = q.text.text.rfind('\n');
        if (q.attribution.empty() && nl != std::string::npos) {
            std::string last = q.text.text.substr(nl + 1);
            for (const char* dash : {"\xE2\x80\x94", "\xE2\x80\x93", "-"})
                if (last.rfind(dash, 0) == 0 && utf8::countCodePoints(last) < 80) {
                    std::string name = last.substr(std::string(dash).size());
                    name.erase(0, name.find_first_not_of(' '));
                    q.attribution.text = name;
                    q.text = sliceRichText(q.text, 0, nl, 0);
                    break;
                }
        }
        for (const char* dash : {"\xE2\x80\x94", "\xE2\x80\x93", "-"})
            if (q.attribution.text.rfind(dash, 0) == 0) {
                std::string name = q.attribution.text.substr(std::string(dash).size());
                name.erase(0, name.find_first_not_of(' '));
                q.attribution = RichText{name, {}};
                break;
            }
        if (q.text.empty()) return;
        add(std::move(q), id, "quote");
    }

    // Rich text already built, appended with its marks (offsets stay in code points).
    static void appendRich(RichTextBuilder& into, const RichText& part) {
        std::u32string cps = utf8::decode(part.text);
        std::vector<std::vector<size_t>> opensAt(cps.size() + 1), closesAt(cps.size() + 1);
        for (size_t m = 0; m < part.marks.size(); ++m) {
            opensAt[std::min<size_t>(part.marks[m].start, cps.size())].push_back(m);
            closesAt[std::min<size_t>(part.marks[m].end, cps.size())].push_back(m);
        }
        std::vector<size_t> handle(part.marks.size());
        for (size_t i = 0; i <= cps.size(); ++i) {
            for (size_t m : closesAt[i]) into.close(handle[m]);
            for (size_t m : opensAt[i]) handle[m] = into.open(part.marks[m].kind, part.marks[m].href);
            if (i < cps.size()) into.clean(utf8::encode(std::u32string(1, cps[i])));
        }
    }

    // Paragraphs of one quotation joined by a newline (laid out as a space).
    static void appendPart(RichTextBuilder& into, const RichText& part) {
        if (!into.empty()) into.lineBreak();
        appendRich(into, part);
    }

    // Every item's text; a nested list's items follow their parent's (the model's lists have one level).
    void listItems(NodeId list, std::vector<RichText>& items, int& nested, int depth) {
        for (NodeId c : doc_[list].children) {
            if (dropped(c) || doc_[c].isText) continue;
            if (doc_[c].tag == "ul" || doc_[c].tag == "ol") {  // a list right inside a list (invalid, common)
                ++nested;
                listItems(c, items, nested, depth + 1);
                continue;
            }
            if (doc_[c].tag != "li") continue;
            RichTextBuilder b(cx_.quotes);
            std::vector<NodeId> sublists;
            itemContent(c, b, sublists);
            if (!b.empty()) items.push_back(b.finish());
            for (NodeId s : sublists) {
                ++nested;
                listItems(s, items, nested, depth + 1);
            }
        }
    }

    void itemContent(NodeId id, RichTextBuilder& b, std::vector<NodeId>& sublists) {
        for (NodeId c : doc_[id].children) {
            if (dropped(c)) continue;
            const Node& n = doc_[c];
            if (!n.isText && (n.tag == "ul" || n.tag == "ol")) {
                sublists.push_back(c);
            } else if (!n.isText && blockLevel_[static_cast<size_t>(c)] && n.tag != "li") {
                b.space();
                itemContent(c, b, sublists);
                b.space();
            } else {
                appendInline(cx_, c, b);
            }
        }
    }

    void list(NodeId id) {
        Block l;
        l.type = BlockType::List;
        l.ordered = doc_[id].tag == "ol";
        int nested = 0;
        listItems(id, l.items, nested, 0);
        if (l.items.empty()) return;
        std::string role = std::string(l.ordered ? "ordered list" : "list") + " (" + std::to_string(l.items.size()) +
                           " items";
        if (nested) role += ", " + std::to_string(nested) + (nested == 1 ? " nested list" : " nested lists") + " flattened";
        const std::string& start = doc_[id].attribute("start");
        if (l.ordered && !start.empty() && start != "1") role += ", start " + start + " not kept yet";
        add(std::move(l), id, role + ")");
    }

    void figure(NodeId id) {
        NodeId img = NoNode, caption = NoNode;
        bool other = false;
        for (NodeId k = id + 1, stop = doc_.end(id); k < stop; ++k) {
            if (dropped(k)) {
                k = doc_.end(k) - 1;
                continue;
            }
            const Node& n = doc_[k];
            if (n.isText) continue;
            if ((n.tag == "img" || n.tag == "amp-img") && img == NoNode) img = k;
            if (n.tag == "figcaption" && caption == NoNode) caption = k;
            if (n.tag == "blockquote" || n.tag == "pre" || n.tag == "table" || n.tag == "ul" || n.tag == "ol")
                other = true;
        }
        if (img == NoNode || other) return container(id);
        RichText captionText;
        if (caption != NoNode) {
            RichTextBuilder b(cx_.quotes);
            appendChildren(cx_, caption, b);
            captionText = b.finish();
        }
        image(img, id, captionText);
    }

    std::string imageSource(const Node& img) const {
        for (const char* a : {"data-src", "data-lazy-src", "data-original", "data-srcset", "srcset", "src"}) {
            std::string v = img.attribute(a);
            if (std::string(a).find("srcset") != std::string::npos) {
                v = v.substr(0, v.find(','));
                v = v.substr(0, v.find_last_of(' ') == std::string::npos ? v.size() : v.find(' ', v.find_first_not_of(' ')));
            }
            if (std::string(a) == "src" || (!v.empty() && v.rfind("data:", 0) != 0)) {
                if (!v.empty()) return v;
            }
        }
        return {};
    }

    void image(NodeId img, NodeId source, RichText caption) {
        if (doc_[img].tag == "picture" || doc_[img].tag == "amp-img") {
            // <amp-img> holds a fallback <img> without JavaScript, or is the image itself.
            NodeId inner = doc_.find(img, "img");
            if (inner != NoNode || doc_[img].tag == "picture") img = inner;
            if (img == NoNode) return;
        }
        const Node& n = doc_[img];
        Block b;
        b.type = BlockType::Image;
        b.alt = n.attribute("alt");
        b.caption = std::move(caption);
        std::string src = imageSource(n);
        for (char& c : b.alt)
            if (c == '\n' || c == '\t' || c == '\r') c = ' ';
        auto size = [&](const char* a) {
            const std::string& v = n.attribute(a);
            long x = 0;
            for (char c : v) {
                if (c < '0' || c > '9') break;
                x = x * 10 + (c - '0');
                if (x > 100000) return 0;
            }
            return static_cast<int>(x);
        };
        b.width = size("width");
        b.height = size("height");
        if (src.empty() || src.rfind("data:", 0) == 0) {
            if (!b.caption.empty()) {
                Block p;
                p.type = BlockType::Paragraph;
                p.text = b.caption;
                add(std::move(p), source, "paragraph (caption of an image without a source)");
            }
            return;
        }
        // Relative sources stay as written (beside the bundle, as a saved page's files are); others made absolute.
        b.src = src.find(':') == std::string::npos && src.rfind("/", 0) != 0 ? src : resolveUrl(cx_.pageUrl, src);
        add(std::move(b), source, "image");
    }

    void divider(NodeId id) {
        Block d;
        d.type = BlockType::Divider;
        add(std::move(d), id, "divider");
    }

    // Until the model has a code block: a paragraph per line, blank lines left out, every character kept.
    void preformatted(NodeId id) {
        RichTextBuilder b(cx_.quotes);
        for (NodeId k = id + 1, stop = doc_.end(id); k < stop; ++k) {
            if (dropped(k)) {
                k = doc_.end(k) - 1;
                continue;
            }
            if (doc_[k].isText) b.verbatim(doc_[k].text);
            else if (doc_[k].tag == "br") b.verbatim("\n");
        }
        RichText all = b.finish();
        std::string& s = all.text;
        size_t start = 0;
        int lines = 0;
        while (start <= s.size()) {
            size_t nl = s.find('\n', start);
            std::string line = s.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
            while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.pop_back();
            if (line.find_first_not_of(" \t") != std::string::npos) {
                Block p;
                p.type = BlockType::Paragraph;
                p.text.text = line;
                add(std::move(p), id, "paragraph (line " + std::to_string(++lines) + " of preformatted text)");
            }
            if (nl == std::string::npos) break;
            start = nl + 1;
        }
    }

    // Until the model has a table block: a data table as a list of its rows.
    void table(NodeId id) {
        if (!isDataTable(doc_, id)) {
            for (NodeId k = id + 1, stop = doc_.end(id); k < stop; ++k) {
                if (dropped(k)) {
                    k = doc_.end(k) - 1;
                    continue;
                }
                if (!doc_[k].isText && (doc_[k].tag == "td" || doc_[k].tag == "th")) {
                    container(k);
                    k = doc_.end(k) - 1;
                }
            }
            return;
        }
        Block rows;
        rows.type = BlockType::List;
        for (NodeId k = id + 1, stop = doc_.end(id); k < stop; ++k) {
            if (dropped(k)) {
                k = doc_.end(k) - 1;
                continue;
            }
            const Node& n = doc_[k];
            if (n.isText) continue;
            if (n.tag == "caption") {
                RichTextBuilder b(cx_.quotes);
                appendChildren(cx_, k, b);
                if (!b.empty()) {
                    Block p;
                    p.type = BlockType::Paragraph;
                    p.text = b.finish();
                    add(std::move(p), k, "paragraph (table caption)");
                }
                k = doc_.end(k) - 1;
            } else if (n.tag == "tr") {
                RichTextBuilder b(cx_.quotes);
                bool first = true;
                for (NodeId c : n.children) {
                    if (dropped(c) || doc_[c].isText || (doc_[c].tag != "td" && doc_[c].tag != "th")) continue;
                    RichTextBuilder cell(cx_.quotes);
                    appendChildren(cx_, c, cell);
                    if (cell.empty()) continue;
                    if (!first) b.text(" \xC2\xB7 ");
                    first = false;
                    appendRich(b, cell.finish());
                }
                if (!b.empty()) rows.items.push_back(b.finish());
                k = doc_.end(k) - 1;
            }
        }
        if (rows.items.empty()) return;
        add(std::move(rows), id, "list (a table of " + std::to_string(rows.items.size()) + " rows, one item a row)");
    }

    void definitions(NodeId id) {
        for (NodeId c : doc_[id].children) {
            if (dropped(c) || doc_[c].isText) continue;
            const std::string& t = doc_[c].tag;
            if (t != "dt" && t != "dd") {
                element(c);
                continue;
            }
            RichTextBuilder b(cx_.quotes);
            size_t m = t == "dt" ? b.open(MarkKind::Strong) : 0;
            appendChildren(cx_, c, b);
            if (t == "dt") b.close(m);
            if (b.empty()) continue;
            Block p;
            p.type = BlockType::Paragraph;
            p.text = b.finish();
            add(std::move(p), c, t == "dt" ? "paragraph (term)" : "paragraph (definition)");
        }
    }

    const Document& doc_;
    const std::vector<bool>& dropped_;
    InlineContext cx_;
    std::vector<bool> blockLevel_;
};

}  // namespace

std::vector<MappedBlock> mapBlocks(const Document& doc, const std::vector<NodeId>& roots,
                                   const std::vector<bool>& dropped, const std::string& pageUrl,
                                   const QuoteStyle& quotes) {
    Mapper mapper(doc, dropped, pageUrl, quotes);
    for (NodeId r : roots)
        if (dropped.empty() || !dropped[static_cast<size_t>(r)]) mapper.root(r);
    return std::move(mapper.blocks);
}

}  // namespace galley::importing::html
