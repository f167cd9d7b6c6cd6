// markdown_events.cpp — see markdown_events.h. md4c calls back as it walks the document: a stack of the blocks open
// (each collecting the model blocks it will hold), and the inline content of the one leaf block open (paragraph,
// heading, table cell, tight list item) as an InlineText, finished into rich text when the leaf closes.
#include "markdown_events.h"

#include <md4c.h>

#include <algorithm>
#include <optional>

#include "bundle_loader.h"
#include "markdown_html.h"
#include "text_util.h"

namespace galley::importing::markdown {

namespace {

// A list nested deeper than this keeps its items' text as paragraphs of the last list that may hold them: the
// bundle loader refuses JSON nested deeper than 64 levels, and each level of list takes four.
constexpr int MaxListDepth = 6;

struct Range {
    size_t first = NoSourceByte, last = NoSourceByte;
    void add(size_t begin, size_t end) {  // [begin, end)
        if (end <= begin) return;
        first = first == NoSourceByte ? begin : std::min(first, begin);
        last = last == NoSourceByte ? end - 1 : std::max(last, end - 1);
    }
    void add(const Range& r) {
        if (r.first != NoSourceByte) add(r.first, r.last + 1);
    }
};

// A model block being built, with where it came from.
struct Built {
    Block block;
    std::string role;
    Range range;
    bool dropped = false;
    InlineText inlineSource;  // Paragraph: its text before finishing (a quote's attribution is cut from it)
};

struct Container {
    MD_BLOCKTYPE type = MD_BLOCK_DOC;
    std::vector<Built> children;
    Range range;
    Block block;            // UL/OL: the list (its items); TABLE: the table; H: level; CODE: language
    std::string verbatim;   // CODE, HTML: the text as written
    bool tableHead = false; // TABLE: inside THEAD
};

struct OpenSpan {
    MD_SPANTYPE type;
    uint32_t start;
    std::string href;
    bool keep = true;
};

struct PendingImage {
    std::string src, title;
    uint32_t altStart = 0, altEnd = 0;
    size_t sourceByte = NoSourceByte;
};

std::string attributeText(const MD_ATTRIBUTE& a) {
    std::string out;
    if (!a.text) return out;
    for (unsigned k = 0; a.substr_offsets[k] < a.size; ++k) {
        const std::string_view part(a.text + a.substr_offsets[k], a.substr_offsets[k + 1] - a.substr_offsets[k]);
        if (a.substr_types[k] == MD_TEXT_NULLCHAR) out += "\xEF\xBF\xBD";
        else if (a.substr_types[k] == MD_TEXT_ENTITY) out += decodeCharacterReference(part).value_or(std::string(part));
        else out += part;
    }
    return out;
}

CellAlign cellAlign(MD_ALIGN a) {
    switch (a) {
        case MD_ALIGN_LEFT: return CellAlign::Start;
        case MD_ALIGN_CENTER: return CellAlign::Center;
        case MD_ALIGN_RIGHT: return CellAlign::End;
        default: return CellAlign::Inherit;
    }
}

void appendTextsOf(const Block& b, std::vector<RichText>& out) {
    switch (b.type) {
        case BlockType::List:
            for (const ListItem& item : b.items) {
                if (!item.text.empty()) out.push_back(item.text);
                for (const Block& inner : item.blocks) appendTextsOf(inner, out);
            }
            break;
        case BlockType::Table:
            for (const auto& row : b.rows) {
                std::string line;
                for (const TableCell& cell : row)
                    if (!cell.text.empty()) line += (line.empty() ? "" : " \xC2\xB7 ") + cell.text.text;
                if (!line.empty()) out.push_back({line, {}});
            }
            break;
        case BlockType::Code: {
            RichText code = b.text;
            code.marks.push_back({MarkKind::Code, 0, static_cast<uint32_t>(countCodePoints(code.text)), "", ""});
            out.push_back(std::move(code));
            break;
        }
        case BlockType::Image:
            if (!b.alt.empty()) out.push_back({b.alt, {}});
            if (!b.caption.empty()) out.push_back(b.caption);
            break;
        default:
            if (!b.text.empty()) out.push_back(b.text);
            if (!b.attribution.empty()) out.push_back(b.attribution);
    }
}

class EventMapper {
public:
    EventMapper(std::string_view markdown, const QuoteStyle& quotes, FootnoteNumbers& footnotes)
        : doc_(markdown), quotes_(quotes), footnotes_(footnotes) {}

    ParsedMarkdown run() {
        MD_PARSER parser{};
        parser.flags = MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_PERMISSIVEAUTOLINKS;
        parser.enter_block = [](MD_BLOCKTYPE t, void* d, void* self) { return static_cast<EventMapper*>(self)->enterBlock(t, d); };
        parser.leave_block = [](MD_BLOCKTYPE t, void* d, void* self) { return static_cast<EventMapper*>(self)->leaveBlock(t, d); };
        parser.enter_span = [](MD_SPANTYPE t, void* d, void* self) { return static_cast<EventMapper*>(self)->enterSpan(t, d); };
        parser.leave_span = [](MD_SPANTYPE t, void* d, void* self) { return static_cast<EventMapper*>(self)->leaveSpan(t, d); };
        parser.text = [](MD_TEXTTYPE t, const MD_CHAR* s, MD_SIZE n, void* self) {
            return static_cast<EventMapper*>(self)->text(t, s, n);
        };
        stack_.clear();
        md_parse(doc_.data(), static_cast<MD_SIZE>(doc_.size()), &parser, this);
        // md4c closes every block it opens; the document's container holds the result.
        ParsedMarkdown out;
        out.remarks = std::move(remarks_);
        for (Built& b : result_) {
            SourcedBlock s;
            s.block = std::move(b.block);
            s.role = std::move(b.role);
            s.firstByte = b.range.first;
            s.lastByte = b.range.last;
            s.dropped = b.dropped;
            out.blocks.push_back(std::move(s));
        }
        return out;
    }

private:
    std::string_view doc_;
    const QuoteStyle& quotes_;
    FootnoteNumbers& footnotes_;
    std::vector<Container> stack_;
    std::vector<Built> result_;
    std::vector<Remark> remarks_;

    bool inlineOpen_ = false;
    InlineText inline_;
    std::vector<OpenSpan> spans_;
    std::vector<std::pair<MarkKind, uint32_t>> htmlMarks_;  // <sup>, <sub> open
    std::vector<PendingImage> images_;
    size_t lastByte_ = NoSourceByte;  // the last input byte md4c pointed at: where a remark is

    std::optional<size_t> byteOf(const char* p) const {
        if (p < doc_.data() || p >= doc_.data() + doc_.size()) return std::nullopt;
        return static_cast<size_t>(p - doc_.data());
    }

    // Where a link's or image's destination is written in the text itself ("(url)", "<url>"), not in a link reference
    // definition elsewhere, which is no line of this block's.
    std::optional<size_t> inlineDestinationByte(const MD_ATTRIBUTE& a) const {
        std::optional<size_t> b = a.text ? byteOf(a.text) : std::nullopt;
        if (!b || *b == 0) return std::nullopt;
        size_t k = *b;
        while (k > 0 && (doc_[k - 1] == ' ' || doc_[k - 1] == '<')) --k;
        if (k == 0 || doc_[k - 1] != '(') return std::nullopt;
        return b;
    }

    void remark(size_t byte, std::string text) {
        for (const Remark& r : remarks_)
            if (r.sourceByte == byte && r.text == text) return;
        remarks_.push_back({byte, std::move(text)});
    }

    void noteSource(const char* p, size_t size) {
        if (std::optional<size_t> b = byteOf(p)) {
            stack_.back().range.add(*b, *b + size);
            lastByte_ = *b;
        }
    }

    int listDepth() const {
        return static_cast<int>(std::count_if(stack_.begin(), stack_.end(), [](const Container& c) {
            return c.type == MD_BLOCK_UL || c.type == MD_BLOCK_OL;
        }));
    }

    // --- blocks -----------------------------------------------------------------------------------------------------

    int enterBlock(MD_BLOCKTYPE type, void* detail) {
        if (inlineOpen_ && !stack_.empty() && stack_.back().type == MD_BLOCK_LI) closeItemText();
        Container c;
        c.type = type;
        switch (type) {
            case MD_BLOCK_UL:
                c.block.type = BlockType::List;
                break;
            case MD_BLOCK_OL: {
                const auto* d = static_cast<MD_BLOCK_OL_DETAIL*>(detail);
                c.block.type = BlockType::List;
                c.block.ordered = true;
                c.block.start = static_cast<int>(std::min<unsigned>(d->start, 999999999));
                break;
            }
            case MD_BLOCK_H:
                c.block.level = static_cast<int>(static_cast<MD_BLOCK_H_DETAIL*>(detail)->level);
                break;
            case MD_BLOCK_CODE: {
                const auto* d = static_cast<MD_BLOCK_CODE_DETAIL*>(detail);
                c.block.language = attributeText(d->lang);
                if (d->info.text) noteSource(d->info.text, d->info.size);
                break;
            }
            case MD_BLOCK_TABLE:
                c.block.type = BlockType::Table;
                break;
            case MD_BLOCK_THEAD:
                tableContainer().tableHead = true;
                break;
            case MD_BLOCK_TBODY:
                tableContainer().tableHead = false;
                break;
            case MD_BLOCK_TR:
                tableContainer().block.rows.emplace_back();
                break;
            case MD_BLOCK_TH:
            case MD_BLOCK_TD: {
                Container& table = tableContainer();
                if (table.block.rows.size() == 1)
                    table.block.columnAlign.push_back(cellAlign(static_cast<MD_BLOCK_TD_DETAIL*>(detail)->align));
                break;
            }
            default:
                break;
        }
        stack_.push_back(std::move(c));
        if (type == MD_BLOCK_P || type == MD_BLOCK_H || type == MD_BLOCK_TH || type == MD_BLOCK_TD) openInline();
        return 0;
    }

    Container& tableContainer() {
        for (size_t k = stack_.size(); k-- > 0;)
            if (stack_[k].type == MD_BLOCK_TABLE) return stack_[k];
        return stack_.back();  // md4c never gives a table part outside a table
    }

    // Adds a finished block to the block that holds it.
    void addToParent(Built b) {
        if (stack_.empty()) {
            result_.push_back(std::move(b));
            return;
        }
        stack_.back().range.add(b.range);
        stack_.back().children.push_back(std::move(b));
    }

    int leaveBlock(MD_BLOCKTYPE type, void*) {
        if (type == MD_BLOCK_LI && inlineOpen_) closeItemText();
        Container c = std::move(stack_.back());
        stack_.pop_back();
        switch (type) {
            case MD_BLOCK_DOC:
                result_ = std::move(c.children);
                return 0;
            case MD_BLOCK_P:
                for (Built& b : paragraphBlocks(c.range)) addToParent(std::move(b));
                return 0;
            case MD_BLOCK_H: {
                Built b;
                b.block.type = BlockType::Heading;
                b.block.level = c.block.level;
                b.block.text = closeInline();
                b.role = "heading";
                b.range = c.range;
                if (b.block.text.empty()) return 0;
                addToParent(std::move(b));
                return 0;
            }
            case MD_BLOCK_CODE: {
                Built b;
                b.block.type = BlockType::Code;
                b.block.language = c.block.language;
                b.block.text.text = c.verbatim;
                if (!b.block.text.text.empty() && b.block.text.text.back() == '\n') b.block.text.text.pop_back();
                b.role = "code";
                b.range = c.range;
                if (b.block.text.text.empty()) return 0;  // nothing written in it: its fences say "code fence"
                addToParent(std::move(b));
                return 0;
            }
            case MD_BLOCK_HTML:
                addToParent(htmlBlock(c));
                return 0;
            case MD_BLOCK_HR: {
                Built b;
                b.block.type = BlockType::Divider;
                b.role = "divider";
                addToParent(std::move(b));
                return 0;
            }
            case MD_BLOCK_TH:
            case MD_BLOCK_TD: {
                TableCell cell;
                cell.text = closeInline();
                Container& table = tableContainer();
                table.range.add(c.range);
                table.block.rows.back().push_back(std::move(cell));
                return 0;
            }
            case MD_BLOCK_TR: {
                Container& table = tableContainer();
                if (table.tableHead) ++table.block.headerRows;
                return 0;
            }
            case MD_BLOCK_THEAD:
            case MD_BLOCK_TBODY:
                return 0;
            case MD_BLOCK_TABLE: {
                Built b;
                b.block = std::move(c.block);
                if (std::all_of(b.block.columnAlign.begin(), b.block.columnAlign.end(),
                                [](CellAlign a) { return a == CellAlign::Inherit; }))
                    b.block.columnAlign.clear();
                b.role = "table";
                b.range = c.range;
                addToParent(std::move(b));
                return 0;
            }
            case MD_BLOCK_LI:
                addItem(std::move(c));
                return 0;
            case MD_BLOCK_UL:
            case MD_BLOCK_OL: {
                Built b;
                b.block = std::move(c.block);
                b.role = b.block.ordered ? "numbered list item" : "list item";
                b.range = c.range;
                if (!stack_.empty() && stack_.back().type == MD_BLOCK_LI && listDepth() >= MaxListDepth) {
                    // Too deep for a bundle: the items' text joins the item above as paragraphs.
                    remark(c.range.first, "list nested deeper than " + std::to_string(MaxListDepth) +
                                              " levels: its items kept as paragraphs of the item above");
                    std::vector<RichText> texts;
                    appendTextsOf(b.block, texts);
                    for (RichText& t : texts) {
                        Built p;
                        p.block.type = BlockType::Paragraph;
                        p.block.text = std::move(t);
                        p.range = c.range;
                        addToParent(std::move(p));
                    }
                    return 0;
                }
                addToParent(std::move(b));
                return 0;
            }
            case MD_BLOCK_QUOTE:
                for (Built& b : quoteBlocks(std::move(c))) addToParent(std::move(b));
                return 0;
        }
        return 0;
    }

    // A list item: its first paragraph is its text, what follows its blocks (a bundle allows no heading or divider
    // there: a heading's text becomes a paragraph, a divider goes).
    void addItem(Container c) {
        ListItem item;
        c.children.erase(std::remove_if(c.children.begin(), c.children.end(), [](const Built& b) { return b.dropped; }),
                         c.children.end());
        size_t k = 0;
        if (!c.children.empty() && c.children[0].block.type == BlockType::Paragraph) item.text = c.children[k++].block.text;
        for (; k < c.children.size(); ++k) {
            Block& b = c.children[k].block;
            if (b.type == BlockType::Heading) {
                remark(c.children[k].range.first, "heading inside a list item: kept as a paragraph");
                b.type = BlockType::Paragraph;
                b.level = 0;
            } else if (b.type == BlockType::Divider) {
                remark(c.range.first, "thematic break inside a list item: left out (a bundle has none there)");
                continue;
            }
            item.blocks.push_back(std::move(b));
        }
        Container& list = stack_.back();
        list.range.add(c.range);
        list.block.items.push_back(std::move(item));
    }

    Built htmlBlock(const Container& c) {
        Built b;
        b.range = c.range;
        const std::string text = htmlTextContent(c.verbatim);
        if (text.empty()) {
            b.dropped = true;
            b.role = trim(c.verbatim).rfind("<!--", 0) == 0 ? "HTML comment" : "HTML without text";
            return b;
        }
        InlineText t;
        t.append(text, 0, c.range.first);
        b.block.type = BlockType::Paragraph;
        b.block.text = finishInline(t);
        b.role = "paragraph";
        remark(c.range.first, "HTML block: its tags left out, its text kept as a paragraph");
        return b;
    }

    // The blocks of a quote: the model's quotes hold text, so each block inside becomes a quote of its text (images
    // stay images). A last line starting with a dash is the attribution ("-- Mark Twain"), as is a short one-item list
    // after the text that is no sentence ("- Mark Twain", which CommonMark reads as a list).
    std::vector<Built> quoteBlocks(Container c) {
        RichText attribution;
        if (c.children.size() >= 2) {
            Built& last = c.children.back();
            const Block& lb = last.block;
            const std::string& who = lb.type == BlockType::List && lb.items.size() == 1 ? lb.items[0].text.text : "";
            const bool sentence = !who.empty() && std::string_view(".:;!?").find(who.back()) != std::string_view::npos;
            if (lb.type == BlockType::List && !lb.ordered && lb.items.size() == 1 && lb.items[0].blocks.empty() &&
                !who.empty() && !sentence && countCodePoints(who) <= 60) {
                attribution = lb.items[0].text;
                c.children.pop_back();
            }
        }
        if (attribution.empty() && !c.children.empty() && c.children.back().block.type == BlockType::Paragraph) {
            bool whole = false;
            attribution = cutAttribution(c.children.back(), c.children.size() >= 2, whole);
            if (whole) c.children.pop_back();
        }
        std::vector<Built> out;
        for (Built& child : c.children) {
            if (child.dropped) continue;
            if (child.block.type == BlockType::Image || child.block.type == BlockType::Quote) {
                out.push_back(std::move(child));
                continue;
            }
            if (child.block.type == BlockType::Divider) continue;
            std::vector<RichText> texts;
            appendTextsOf(child.block, texts);
            for (RichText& t : texts) {
                Built q;
                q.block.type = BlockType::Quote;
                q.block.text = std::move(t);
                q.role = "quote";
                q.range = child.range;
                out.push_back(std::move(q));
            }
        }
        if (!attribution.empty()) {
            for (size_t k = out.size(); k-- > 0;)
                if (out[k].block.type == BlockType::Quote) {
                    out[k].block.attribution = std::move(attribution);
                    break;
                }
        }
        if (!out.empty()) out.front().range.add(c.range);
        return out;
    }

    // "…text\n-- Someone": the attribution, cut from the paragraph (whose text is finished again without it). When
    // `mayBeWhole`, the paragraph may be the attribution alone (`whole` says it was).
    RichText cutAttribution(Built& paragraph, bool mayBeWhole, bool& whole) {
        const InlineText& t = paragraph.inlineSource;
        uint32_t lineStart = t.size();
        while (lineStart > 0 && !(t.flags[lineStart - 1] & InlineText::SoftBreak)) --lineStart;
        if (lineStart == 0 && !mayBeWhole) return {};
        std::u32string_view line(t.text);
        line = line.substr(lineStart);
        for (std::u32string_view dash : {U"\u2014", U"\u2015", U"\u2013", U"--", U"-", U"~"}) {
            if (line.substr(0, dash.size()) != dash) continue;
            InlineText who = t.slice(static_cast<uint32_t>(lineStart + dash.size()), t.size());
            if (who.blank() || who.text.find_first_not_of(U" ") == std::u32string::npos ||
                who.text[who.text.find_first_not_of(U" ")] == U'-')
                return {};
            whole = lineStart == 0;
            if (!whole) paragraph.block.text = finishInline(t.slice(0, lineStart - 1));
            return finishInline(who);
        }
        return {};
    }

    // --- inline content -----------------------------------------------------------------------------------------

    void openInline() {
        inlineOpen_ = true;
        inline_ = InlineText{};
        spans_.clear();
        htmlMarks_.clear();
        images_.clear();
    }

    RichText finishInline(InlineText t) {
        std::vector<std::pair<uint32_t, std::string>> missing;
        resolveFootnoteReferences(t, footnotes_, missing);
        for (const auto& [at, label] : missing)
            remark(t.sourceByteNear(at), "footnote reference [^" + label + "] has no definition: kept as text");
        return finish(t, quotes_);
    }

    // Closes the inline content (marks still open end here) and returns it finished.
    RichText closeInline() {
        closeOpenMarks();
        inlineOpen_ = false;
        return finishInline(std::move(inline_));
    }

    void closeOpenMarks() {
        for (const auto& [kind, start] : htmlMarks_)
            if (inline_.size() > start) inline_.marks.push_back({kind, start, inline_.size(), "", ""});
        htmlMarks_.clear();
    }

    // A tight list item's text, which md4c gives without a paragraph around it.
    void ensureInline() {
        if (!inlineOpen_ && !stack_.empty() && stack_.back().type == MD_BLOCK_LI) openInline();
    }

    void closeItemText() {
        for (Built& b : paragraphBlocks(Range{})) addToParent(std::move(b));
    }

    // A paragraph ends: a paragraph, or image blocks when it holds images alone (or an image over its caption).
    std::vector<Built> paragraphBlocks(const Range& range) {
        closeOpenMarks();
        inlineOpen_ = false;
        InlineText t = std::move(inline_);
        std::vector<PendingImage> images = std::move(images_);
        std::vector<Built> out;
        const auto paragraph = [&](const InlineText& text) {
            Built b;
            b.block.type = BlockType::Paragraph;
            b.inlineSource = text;
            b.block.text = finishInline(text);
            b.role = "paragraph";
            b.range = range;
            return b;
        };
        const auto imageBlock = [&](const PendingImage& image, const InlineText& caption) {
            Built b;
            b.block.type = BlockType::Image;
            b.block.src = image.src;
            b.block.alt = finish(t.slice(image.altStart, image.altEnd), quotes_).text;
            b.block.caption = caption.text.empty() ? RichText{smartenPunctuation(image.title, quotes_), {}}
                                                   : finishInline(caption);
            b.role = "image";
            b.range = range;
            b.range.add(image.sourceByte, image.sourceByte + 1);
            return b;
        };
        const auto usable = [&](const PendingImage& image) {
            if (isImageSource(image.src)) return true;
            remark(image.sourceByte, "image \"" + image.src + "\" is neither beside the bundle nor https: " +
                                         (image.altEnd > image.altStart ? "kept as its alt text" : "left out (no alt text)"));
            return false;
        };
        // Images alone (white space between them): image blocks.
        bool alone = !images.empty();
        uint32_t at = 0;
        for (const PendingImage& image : images) {
            alone = alone && t.slice(at, image.altStart).blank();
            at = image.altEnd;
        }
        alone = alone && t.slice(at, t.size()).blank();
        if (alone) {
            for (const PendingImage& image : images) {
                if (usable(image)) out.push_back(imageBlock(image, {}));
                else if (image.altEnd > image.altStart) out.push_back(paragraph(t.slice(image.altStart, image.altEnd)));
            }
            return out;
        }
        // An image on the paragraph's first line, text under it: the text is its caption.
        if (!alone && !images.empty() && t.slice(0, images[0].altStart).blank()) {
            uint32_t lineEnd = images[0].altEnd;
            while (lineEnd < t.size() && !(t.flags[lineEnd] & InlineText::SoftBreak)) ++lineEnd;
            const bool captionBelow = lineEnd < t.size() && t.slice(images[0].altEnd, lineEnd).blank() &&
                                      images.size() == 1 && isImageSource(images[0].src);
            if (captionBelow) {
                out.push_back(imageBlock(images[0], t.slice(lineEnd + 1, t.size())));
                return out;
            }
        }
        if (!images.empty() && !alone)
            remark(images[0].sourceByte, "image inside text: kept as its alt text (a bundle's images are blocks)");
        Built b = paragraph(t);
        if (b.block.text.empty()) {
            if (!images.empty()) return out;  // images without alt text nor a usable source: said above
            if (!t.text.empty() || range.first != NoSourceByte) {
                b.dropped = true;
                b.role = "no text after removing markup";
                out.push_back(std::move(b));
            }
            return out;
        }
        out.push_back(std::move(b));
        return out;
    }

    int enterSpan(MD_SPANTYPE type, void* detail) {
        ensureInline();
        OpenSpan span{type, inline_.size(), "", true};
        if (type == MD_SPAN_A) {
            const auto* d = static_cast<MD_SPAN_A_DETAIL*>(detail);
            span.href = attributeText(d->href);
            size_t byte = lastByte_;
            if (std::optional<size_t> b = inlineDestinationByte(d->href)) {
                byte = *b;
                stack_.back().range.add(*b, *b + d->href.size);
            }
            span.keep = isAllowedLinkHref(span.href);
            if (!span.keep)
                remark(byte, "link to \"" + span.href + "\" (not http, https or mailto): its text kept, not the link");
        } else if (type == MD_SPAN_IMG) {
            const auto* d = static_cast<MD_SPAN_IMG_DETAIL*>(detail);
            PendingImage image;
            image.src = attributeText(d->src);
            image.title = attributeText(d->title);
            image.altStart = inline_.size();
            image.sourceByte = lastByte_;
            if (std::optional<size_t> b = inlineDestinationByte(d->src)) {
                image.sourceByte = *b;
                stack_.back().range.add(*b, *b + d->src.size);
            }
            images_.push_back(std::move(image));
        }
        spans_.push_back(std::move(span));
        return 0;
    }

    int leaveSpan(MD_SPANTYPE type, void*) {
        if (spans_.empty()) return 0;
        OpenSpan span = std::move(spans_.back());
        spans_.pop_back();
        const uint32_t end = inline_.size();
        std::optional<MarkKind> kind;
        switch (type) {
            case MD_SPAN_EM: kind = MarkKind::Emphasis; break;
            case MD_SPAN_STRONG: kind = MarkKind::Strong; break;
            case MD_SPAN_A: if (span.keep) kind = MarkKind::Link; break;
            case MD_SPAN_CODE: kind = MarkKind::Code; break;
            case MD_SPAN_DEL: kind = MarkKind::Strikethrough; break;
            case MD_SPAN_IMG:
                for (size_t k = images_.size(); k-- > 0;)
                    if (images_[k].altStart == span.start) {
                        images_[k].altEnd = end;
                        break;
                    }
                break;
            default: break;
        }
        if (kind && end > span.start) inline_.marks.push_back({*kind, span.start, end, span.href, ""});
        return 0;
    }

    bool inTableCell() const {
        return !stack_.empty() && (stack_.back().type == MD_BLOCK_TD || stack_.back().type == MD_BLOCK_TH);
    }

    int text(MD_TEXTTYPE type, const MD_CHAR* s, MD_SIZE size) {
        const std::string_view chunk(s, size);
        Container& top = stack_.back();
        const std::optional<size_t> byte = byteOf(s);
        if (top.type == MD_BLOCK_CODE || top.type == MD_BLOCK_HTML) {
            if (type == MD_TEXT_NULLCHAR) top.verbatim += "\xEF\xBF\xBD";
            else top.verbatim += chunk;
            if (byte && chunk != "\n") noteSource(s, size);
            return 0;
        }
        ensureInline();
        if (!inlineOpen_) return 0;  // md4c gives text only inside leaf blocks
        if (byte) noteSource(s, size);
        const size_t at = byte.value_or(lastByte_);
        switch (type) {
            case MD_TEXT_NORMAL: {
                // A backslash before it in the input: "\[^1]" is no footnote reference.
                const bool escaped = byte && *byte > 0 && doc_[*byte - 1] == '\\';
                const size_t first = inline_.size();
                inline_.append(chunk, 0, at);
                if (escaped && inline_.size() > first) inline_.flags[first] |= InlineText::Escaped;
                break;
            }
            case MD_TEXT_NULLCHAR: inline_.append(U"\uFFFD", 0, at); break;
            case MD_TEXT_BR: inline_.append(std::u32string(1, HardLineBreak), 0, at); break;
            case MD_TEXT_SOFTBR: inline_.append(U"\n", InlineText::SoftBreak, at); break;
            case MD_TEXT_ENTITY: inline_.append(decodeCharacterReference(chunk).value_or(std::string(chunk)), 0, at); break;
            case MD_TEXT_CODE: {
                std::string code(chunk);
                std::replace(code.begin(), code.end(), '\n', ' ');
                // GitHub's tables: "\|" is a pipe, in code too (md4c leaves the backslash there).
                if (inTableCell())
                    for (size_t p = code.find("\\|"); p != std::string::npos; p = code.find("\\|", p + 1)) code.erase(p, 1);
                inline_.append(code, InlineText::Code, at);
                break;
            }
            case MD_TEXT_HTML: inlineHtml(chunk, at); break;
            default: inline_.append(chunk, 0, at); break;
        }
        return 0;
    }

    void inlineHtml(std::string_view html, size_t at) {
        const HtmlTag tag = readHtmlTag(html);
        const bool sup = tag.name == "sup", sub = tag.name == "sub";
        if ((sup || sub) && tag.kind == HtmlTag::Kind::Open) {
            htmlMarks_.push_back({sup ? MarkKind::Superscript : MarkKind::Subscript, inline_.size()});
            return;
        }
        if ((sup || sub) && tag.kind == HtmlTag::Kind::Close) {
            const MarkKind kind = sup ? MarkKind::Superscript : MarkKind::Subscript;
            for (size_t k = htmlMarks_.size(); k-- > 0;)
                if (htmlMarks_[k].first == kind) {
                    if (inline_.size() > htmlMarks_[k].second)
                        inline_.marks.push_back({kind, htmlMarks_[k].second, inline_.size(), "", ""});
                    htmlMarks_.erase(htmlMarks_.begin() + static_cast<long>(k));
                    break;
                }
            return;
        }
        if (tag.name == "br" && tag.kind != HtmlTag::Kind::Close) {
            inline_.append(std::u32string(1, HardLineBreak), 0, at);
            return;
        }
        if (tag.kind == HtmlTag::Kind::Comment) {
            const std::string inside = htmlTextContent(std::string(html.substr(4, html.size() >= 7 ? html.size() - 7 : 0)));
            remark(at, "HTML comment left out" + (inside.empty() ? std::string() : ": \"" + inside + "\""));
            return;
        }
        if (tag.kind == HtmlTag::Kind::Other) {
            inline_.append(html, 0, at);  // not a tag after all: its text as written
            return;
        }
        remark(at, "HTML tag <" + std::string(tag.kind == HtmlTag::Kind::Close ? "/" : "") + tag.name +
                       "> left out, the text around it kept");
    }
};

}  // namespace

std::vector<RichText> textsOf(const Block& block) {
    std::vector<RichText> out;
    appendTextsOf(block, out);
    return out;
}

ParsedMarkdown parseMarkdownBlocks(std::string_view markdown, const QuoteStyle& quotes, FootnoteNumbers& footnotes) {
    EventMapper mapper(markdown, quotes, footnotes);
    return mapper.run();
}

}  // namespace galley::importing::markdown
