// block_mapping.cpp — see block_mapping.h.
#include "block_mapping.h"

#include <algorithm>
#include <cstdlib>

#include "footnotes.h"
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
                                       "fieldset", "nav", "body", "iframe", "video", "audio"};
    return std::find(std::begin(tags), std::end(tags), t) != std::end(tags);
}

class Mapper {
public:
    Mapper(const Document& doc, const std::vector<bool>& dropped, const std::string& pageUrl, const QuoteStyle& quotes,
           const Footnotes& footnotes)
        : doc_(doc), dropped_(dropped), cx_{doc, dropped, pageUrl, &quotes, &footnotes}, footnotes_(footnotes),
          blockLevel_(doc.nodes.size(), false), sink_(&blocks) {
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

    void add(Block b, NodeId source, std::string role) { sink_->push_back({std::move(b), source, std::move(role)}); }

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
            size_t gap = all.text.find("\xE2\x80\xA8\xE2\x80\xA8", begin);
            size_t end = gap == std::string::npos ? all.text.size() : gap;
            Block p;
            p.type = BlockType::Paragraph;
            p.text = sliceRichText(all, begin, end, beginCodePoint);
            if (!p.text.text.empty())
                add(std::move(p), source, "paragraph (text in <" + doc_[parent].tag + ">" +
                                              (gap == std::string::npos && begin == 0 ? ")" : ", between <br><br>)"));
            if (gap == std::string::npos) break;
            size_t next = gap;
            while (all.text.compare(next, 3, "\xE2\x80\xA8") == 0) next += 3;
            if (next >= all.text.size()) break;
            beginCodePoint += static_cast<uint32_t>(utf8::countCodePoints(std::string_view(all.text).substr(begin, next - begin)));
            begin = next;
        }
    }

    void element(NodeId id) {
        const std::string& t = doc_[id].tag;
        if (footnotes_.containers.count(id)) return;  // the notes: the article's notes, not blocks
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
        if (t == "iframe") return embed(id);
        if (t == "video" || t == "audio") return media(id);
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
            for (size_t m : opensAt[i]) {
                handle[m] = into.open(part.marks[m].kind, part.marks[m].href);
                if (!part.marks[m].note.empty()) into.setNote(handle[m], part.marks[m].note);
            }
            if (i < cps.size()) into.clean(utf8::encode(std::u32string(1, cps[i])));
        }
    }

    // Paragraphs of one quotation joined by a newline (laid out as a space).
    static void appendPart(RichTextBuilder& into, const RichText& part) {
        if (!into.empty()) into.lineBreak();
        appendRich(into, part);
    }

    // A list item: its leading phrasing content is its text, the blocks after it its blocks (a nested list, more
    // paragraphs, a quotation...). Below MaxListNesting, deeper lists are flattened into their item's paragraphs:
    // each level of list costs the bundle four levels of JSON nesting, of the 64 the loader reads.
    static constexpr int MaxListNesting = 6;

    ListItem listItem(NodeId li) {
        ListItem item;
        std::vector<MappedBlock> inner;
        std::vector<MappedBlock>* outer = sink_;
        sink_ = &inner;
        ++listDepth_;
        std::vector<NodeId> run;
        bool leading = true;
        for (NodeId c : doc_[li].children) {
            if (dropped(c)) continue;
            const bool block = !doc_[c].isText && blockLevel_[static_cast<size_t>(c)];
            if (!block) {
                run.push_back(c);
                continue;
            }
            if (leading) {
                RichTextBuilder b(cx_.quotes);
                for (NodeId r : run) appendInline(cx_, r, b);
                item.text = b.finish();
                run.clear();
                leading = false;
            }
            inlineRun(run, li);
            run.clear();
            element(c);
        }
        if (leading) {
            RichTextBuilder b(cx_.quotes);
            for (NodeId r : run) appendInline(cx_, r, b);
            item.text = b.finish();
        } else {
            inlineRun(run, li);
        }
        --listDepth_;
        sink_ = outer;
        for (MappedBlock& m : inner) {
            Block& b = m.block;
            if (b.type == BlockType::Heading || b.type == BlockType::Pullquote) b.type = BlockType::Paragraph;
            if (b.type == BlockType::Divider) continue;  // a list item cannot hold one
            if (item.text.empty() && item.blocks.empty() && b.type == BlockType::Paragraph) {
                item.text = std::move(b.text);
                continue;
            }
            item.blocks.push_back(std::move(b));
        }
        return item;
    }

    void listItems(NodeId list, std::vector<ListItem>& items, int& nested) {
        for (NodeId c : doc_[list].children) {
            if (dropped(c) || doc_[c].isText) continue;
            if (doc_[c].tag == "ul" || doc_[c].tag == "ol") {  // a list right inside a list (invalid, common)
                ++nested;
                listItems(c, items, nested);
                continue;
            }
            if (doc_[c].tag != "li") continue;
            ListItem item = listItem(c);
            if (!item.text.empty() || !item.blocks.empty()) items.push_back(std::move(item));
        }
    }

    void list(NodeId id) {
        Block l;
        l.type = BlockType::List;
        l.ordered = doc_[id].tag == "ol";
        int nested = 0;
        if (listDepth_ >= MaxListNesting) {  // too deep to nest: its items as paragraphs of the item above
            for (NodeId k = id + 1, stop = doc_.end(id); k < stop; ++k)
                if (!doc_[k].isText && doc_[k].tag == "li" && !dropped(k)) {
                    RichTextBuilder b(cx_.quotes);
                    for (NodeId c : doc_[k].children)
                        if (doc_[c].isText || (doc_[c].tag != "ul" && doc_[c].tag != "ol")) appendInline(cx_, c, b);
                    if (b.empty()) continue;
                    Block p;
                    p.type = BlockType::Paragraph;
                    p.text = b.finish();
                    add(std::move(p), k, "paragraph (an item of a list nested too deep)");
                }
            return;
        }
        listItems(id, l.items, nested);
        if (l.items.empty()) return;
        std::string role = std::string(l.ordered ? "ordered list" : "list") + " (" + std::to_string(l.items.size()) +
                           " items";
        if (nested) role += ", " + std::to_string(nested) + (nested == 1 ? " list" : " lists") + " right inside a list merged";
        const std::string& start = doc_[id].attribute("start");
        if (l.ordered && !start.empty()) {
            char* end = nullptr;
            long v = std::strtol(start.c_str(), &end, 10);
            if (end && *end == 0 && v >= 0 && v <= 999999999) l.start = static_cast<int>(v);
        }
        if (doc_[id].has("reversed")) role += ", reversed: numbered upwards";
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
        // The credit: an element whose class says so ("credit", "copyright", "photographer"), in the caption or not.
        NodeId credit = NoNode;
        for (NodeId k = id + 1, stop = doc_.end(id); k < stop && credit == NoNode; ++k) {
            if (doc_[k].isText || k == img) continue;
            std::string cls = doc_[k].attribute("class");
            for (char& c : cls)
                if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
            for (const char* word : {"credit", "copyright", "photographer"})
                if (cls.find(word) != std::string::npos) credit = k;
        }
        RichText captionText, creditText;
        if (caption != NoNode) {
            RichTextBuilder b(cx_.quotes);
            for (NodeId c : doc_[caption].children)
                if (c != credit) appendInline(cx_, c, b);
            captionText = b.finish();
        }
        if (credit != NoNode) {
            RichTextBuilder b(cx_.quotes);
            appendChildren(cx_, credit, b);
            creditText = b.finish();
        }
        image(img, id, captionText, creditText);
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

    void image(NodeId img, NodeId source, RichText caption, RichText credit = {}) {
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
        b.credit = std::move(credit);
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

    // The code's language as pages name it in a class: "language-python", "lang-js", "highlight-toml" (Sphinx),
    // "brush: cpp" (SyntaxHighlighter), on the <pre>, its <code> or the box around it.
    std::string codeLanguage(NodeId pre) const {
        std::vector<NodeId> where = {pre};
        NodeId code = doc_.find(pre, "code");
        if (code != NoNode) where.push_back(code);
        for (NodeId a = doc_[pre].parent, n = 0; a != NoNode && n < 2; a = doc_[a].parent, ++n) where.push_back(a);
        for (NodeId w : where) {
            const std::string cls = doc_[w].attribute("class") + " " + doc_[w].attribute("data-lang");
            for (const char* prefix : {"language-", "lang-", "highlight-source-", "highlight-", "brush: "}) {
                size_t at = cls.find(prefix);
                if (at == std::string::npos) continue;
                at += std::string(prefix).size();
                size_t end = cls.find_first_of(" ;\"", at);
                std::string language = cls.substr(at, end == std::string::npos ? std::string::npos : end - at);
                if (!language.empty() && language.size() <= 40) return language;
            }
            const std::string& lang = doc_[w].attribute("data-lang");
            if (!lang.empty() && lang.size() <= 40) return lang;
        }
        return {};
    }

    // A code block: its text as written, tabs and all (the format sets it so).
    void preformatted(NodeId id) {
        std::string text;
        for (NodeId k = id + 1, stop = doc_.end(id); k < stop; ++k) {
            if (dropped(k)) {
                k = doc_.end(k) - 1;
                continue;
            }
            if (doc_[k].isText) text += doc_[k].text;
            else if (doc_[k].tag == "br") text += "\n";
        }
        std::string clean;
        for (char c : text)
            if (c != '\r') clean.push_back(c);
        while (!clean.empty() && (clean.back() == '\n' || clean.back() == ' ')) clean.pop_back();
        if (clean.find_first_not_of(" \t\n") == std::string::npos) return;
        Block code;
        code.type = BlockType::Code;
        code.text.text = clean;
        code.language = codeLanguage(id);
        add(std::move(code), id, code.language.empty() ? "code" : "code (" + code.language + ")");
    }

    // What another site shows in a frame (a video, a post): a card linking to it, never the frame.
    void embed(NodeId id) {
        const Node& n = doc_[id];
        std::string src = resolveUrl(cx_.pageUrl, n.has("data-src") ? n.attribute("data-src") : n.attribute("src"));
        if (src.rfind("//", 0) == 0) src = "https:" + src;
        if (urlScheme(src) != "https" && urlScheme(src) != "http") return;
        Block e;
        e.type = BlockType::Embed;
        e.embedKind = EmbedKind::Other;
        const std::string host = urlOrigin(src);
        // The players' own pages rather than their frames: what a reader can open.
        std::string videoId;
        auto after = [&](const char* marker) {
            size_t at = src.find(marker);
            if (at == std::string::npos) return std::string();
            at += std::string(marker).size();
            size_t end = src.find_first_of("?&#/", at);
            return src.substr(at, end == std::string::npos ? std::string::npos : end - at);
        };
        if (host.find("youtube") != std::string::npos && !(videoId = after("/embed/")).empty()) {
            e.url = "https://www.youtube.com/watch?v=" + videoId;
            e.provider = "YouTube";
            e.embedKind = EmbedKind::Video;
        } else if (host.find("player.vimeo.com") != std::string::npos && !(videoId = after("/video/")).empty()) {
            e.url = "https://vimeo.com/" + videoId;
            e.provider = "Vimeo";
            e.embedKind = EmbedKind::Video;
        } else {
            e.url = src;
            e.provider = host.substr(host.find("//") + 2);
            if (!e.provider.empty() && e.provider.back() == '/') e.provider.pop_back();
        }
        e.title = n.attribute("title");
        for (char& c : e.title)
            if (c == '\n' || c == '\t' || c == '\r') c = ' ';
        if (e.title.find_first_not_of(' ') == std::string::npos) e.title = e.provider.empty() ? "Embedded content" : e.provider;
        add(std::move(e), id, "embed (" + (e.provider.empty() ? std::string("other") : e.provider) + ")");
    }

    // A <video> or <audio> of the page's own: a card linking to its file (its src, or its first <source>'s), with
    // the video's poster. One with no http(s) source has nothing a reader could open, and is left out.
    void media(NodeId id) {
        const Node& n = doc_[id];
        std::string src = n.attribute("src");
        if (src.empty())
            if (NodeId source = doc_.find(id, "source"); source != NoNode) src = doc_[source].attribute("src");
        if (src.find_first_not_of(" \t\n") == std::string::npos) return;   // not the page itself
        src = resolveUrl(cx_.pageUrl, src);
        if (src.rfind("//", 0) == 0) src = "https:" + src;
        if (urlScheme(src) != "https" && urlScheme(src) != "http") return;
        Block e;
        e.type = BlockType::Embed;
        e.embedKind = n.tag == "video" ? EmbedKind::Video : EmbedKind::Audio;
        e.url = src;
        const std::string host = urlOrigin(src);
        e.provider = host.substr(host.find("//") + 2);
        if (!e.provider.empty() && e.provider.back() == '/') e.provider.pop_back();
        if (n.tag == "video") {
            const std::string poster = n.attribute("poster").empty() ? "" : resolveUrl(cx_.pageUrl, n.attribute("poster"));
            if (urlScheme(poster) == "https" || urlScheme(poster) == "http") e.src = poster;
            e.width = std::atoi(n.attribute("width").c_str());
            e.height = std::atoi(n.attribute("height").c_str());
            if (e.width <= 0 || e.height <= 0) e.width = e.height = 0;
        }
        e.title = n.has("title") ? n.attribute("title") : n.attribute("aria-label");
        for (char& c : e.title)
            if (c == '\n' || c == '\t' || c == '\r') c = ' ';
        if (e.title.find_first_not_of(' ') == std::string::npos)
            e.title = n.tag == "video" ? "Video" : "Audio";
        add(std::move(e), id, "embed (" + n.tag + ")");
    }

    static CellAlign alignOf(const Node& cell) {
        std::string a = cell.attribute("align");
        const std::string& style = cell.attribute("style");
        size_t at = style.find("text-align");
        if (at != std::string::npos) {
            size_t colon = style.find(':', at);
            size_t end = style.find(';', at);
            if (colon != std::string::npos) a = style.substr(colon + 1, end == std::string::npos ? std::string::npos : end - colon - 1);
        }
        a.erase(0, a.find_first_not_of(' '));
        a.erase(a.find_last_not_of(' ') + 1);
        if (a == "center") return CellAlign::Center;
        if (a == "right" || a == "end") return CellAlign::End;
        if (a == "left" || a == "start") return CellAlign::Start;
        return CellAlign::Inherit;
    }

    static uint32_t spanOf(const std::string& v) {
        long n = std::strtol(v.c_str(), nullptr, 10);
        return n < 1 ? 1u : static_cast<uint32_t>(std::min<long>(n, MaxTableSpan));
    }

    // A table of data as the model's table: header rows (a <thead>'s, or leading rows of <th> only), a header column
    // (every row opening with a <th>), spans, alignment, the caption. A layout table maps its cells' content.
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
        Block t;
        t.type = BlockType::Table;
        bool headerRowsDone = false, everyRowOpensWithTh = true;
        int rowsWithCells = 0;
        for (NodeId k = id + 1, stop = doc_.end(id); k < stop; ++k) {
            if (dropped(k)) {
                k = doc_.end(k) - 1;
                continue;
            }
            const Node& n = doc_[k];
            if (n.isText) continue;
            if (n.tag == "table") {  // a table inside a cell of data: its text is in that cell
                k = doc_.end(k) - 1;
                continue;
            }
            if (n.tag == "caption") {
                RichTextBuilder b(cx_.quotes);
                appendChildren(cx_, k, b);
                t.caption = b.finish();
                k = doc_.end(k) - 1;
            } else if (n.tag == "tr") {
                std::vector<TableCell> row;
                bool allTh = true, firstTh = false;
                for (NodeId c : n.children) {
                    if (dropped(c) || doc_[c].isText || (doc_[c].tag != "td" && doc_[c].tag != "th")) continue;
                    if (row.size() >= MaxTableColumns) break;
                    TableCell cell;
                    RichTextBuilder b(cx_.quotes);
                    appendChildren(cx_, c, b);
                    cell.text = b.finish();
                    cell.colSpan = spanOf(doc_[c].attribute("colspan"));
                    cell.rowSpan = spanOf(doc_[c].attribute("rowspan"));
                    cell.align = alignOf(doc_[c]);
                    const bool th = doc_[c].tag == "th";
                    if (row.empty()) firstTh = th;
                    allTh = allTh && th;
                    cell.header = th;
                    row.push_back(std::move(cell));
                }
                k = doc_.end(k) - 1;
                if (row.empty()) continue;
                const bool inHead = n.parent != NoNode && doc_[n.parent].tag == "thead";
                if (!headerRowsDone && (inHead || allTh))
                    ++t.headerRows;
                else
                    headerRowsDone = true;
                if (headerRowsDone) everyRowOpensWithTh = everyRowOpensWithTh && firstTh && !allTh;
                ++rowsWithCells;
                t.rows.push_back(std::move(row));
            }
        }
        if (t.rows.empty()) return;
        t.headerColumn = everyRowOpensWithTh && rowsWithCells > static_cast<int>(t.headerRows);
        // What headerRows and headerColumn say needs no per-cell flag.
        for (size_t r = 0; r < t.rows.size(); ++r)
            for (size_t c = 0; c < t.rows[r].size(); ++c)
                if (r < t.headerRows || (c == 0 && t.headerColumn)) t.rows[r][c].header = false;
        add(std::move(t), id, "table (" + std::to_string(t.rows.size()) + " rows)");
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
    const Footnotes& footnotes_;
    std::vector<bool> blockLevel_;
    std::vector<MappedBlock>* sink_;  // where blocks go: the article's, or a list item's while it is mapped
    int listDepth_ = 0;
};

}  // namespace

MappedArticle mapBlocks(const Document& doc, const std::vector<NodeId>& roots, const std::vector<bool>& dropped,
                        const std::string& pageUrl, const QuoteStyle& quotes) {
    MappedArticle out;
    const Footnotes footnotes = findFootnotes(doc, roots);
    Mapper mapper(doc, dropped, pageUrl, quotes, footnotes);
    for (NodeId r : roots)
        if (dropped.empty() || !dropped[static_cast<size_t>(r)]) mapper.root(r);
    out.blocks = std::move(mapper.blocks);
    // The notes' text, without their back-links.
    InlineContext cx{doc, {}, pageUrl, &quotes, &footnotes};
    for (const auto& [id, node] : footnotes.notes) {
        RichTextBuilder b(&quotes);
        appendChildren(cx, node, b);
        Note note;
        note.id = id;
        note.text = b.finish();
        for (Mark& m : note.text.marks)
            if (m.kind == MarkKind::Note) m.kind = MarkKind::Superscript;  // a note cannot refer to a note
        out.notes.push_back(std::move(note));
        out.noteSources.push_back(node);
    }
    out.noteContainers.assign(footnotes.containers.begin(), footnotes.containers.end());
    return out;
}

}  // namespace galley::importing::html
