// markdown_blocks.cpp — see markdown_blocks.h.
#include "markdown_blocks.h"

#include <algorithm>
#include <optional>

#include "bundle_loader.h"
#include "markdown_lines.h"
#include "text_util.h"
#include "typography.h"
#include "utf8.h"

namespace galley::importing::markdown {

namespace {

class BlockParser {
public:
    BlockParser(const std::vector<std::string>& lines, size_t firstLine, LinkRefs& refs, const QuoteStyle& quotes)
        : lines_(lines), first_(firstLine), refs_(refs), quotes_(quotes) {}

    std::vector<SourcedBlock> run(std::vector<std::string>& roles) {
        roles_ = &roles;
        // Link definitions first: a reference may be used before it is defined.
        for (size_t i = first_; i < lines_.size(); ++i) {
            LinkRefs probe;
            if (readLinkDefinition(lines_[i], probe)) definitionLines_.push_back(i);
        }
        for (size_t i : definitionLines_) readLinkDefinition(lines_[i], refs_);

        size_t i = first_;
        while (i < lines_.size()) i = step(i);
        closeParagraph();
        closeList();
        closeQuote();
        return std::move(blocks_);
    }

private:
    const std::vector<std::string>& lines_;
    size_t first_;
    LinkRefs& refs_;
    const QuoteStyle& quotes_;
    std::vector<std::string>* roles_ = nullptr;
    std::vector<size_t> definitionLines_;
    std::vector<SourcedBlock> blocks_;

    std::vector<size_t> paragraph_;  // open paragraph's lines

    struct OpenList {
        bool open = false;
        bool ordered = false;
        char bullet = 0;
        size_t contentIndent = 0;
        bool blankSeen = false;
        std::vector<std::pair<std::string, std::vector<size_t>>> items;  // text, lines
    } list_;

    std::vector<std::pair<std::string, size_t>> quote_;  // stripped text, line

    void setRole(size_t line, const std::string& role) { (*roles_)[line] = role; }

    bool isDefinitionLine(size_t i) const {
        return std::find(definitionLines_.begin(), definitionLines_.end(), i) != definitionLines_.end();
    }

    // Starts of blocks that end a paragraph or a lazy continuation.
    bool startsBlock(const std::string& line) const {
        int level;
        std::string text, fence;
        ListMarker m;
        std::string t = trim(line);
        return readAtxHeading(line, level, text) || isThematicBreak(line) || readFence(line, fence) ||
               (!t.empty() && t[0] == '>' && leadingSpaces(line) <= 3) || (readListMarker(line, m) && m.indent <= 3);
    }

    void addBlock(Block b, std::vector<size_t> lines, const std::string& role) {
        for (size_t l : lines) setRole(l, role);
        blocks_.push_back({std::move(b), std::move(lines), role});
    }

    size_t step(size_t i) {
        const std::string& line = lines_[i];
        std::string t = trim(line);

        if (isDefinitionLine(i) && paragraph_.empty()) {
            closeList();
            closeQuote();
            setRole(i, "-link definition");
            return i + 1;
        }
        if (t.empty()) {
            closeParagraph();
            closeQuote();
            if (list_.open) list_.blankSeen = true;
            setRole(i, "-blank");
            return i + 1;
        }
        if (list_.open) {
            if (std::optional<size_t> next = continueList(i)) return *next;
        }
        if (!quote_.empty()) {
            if (leadingSpaces(line) <= 3 && t[0] == '>') {
                quote_.push_back({stripQuoteMarker(line), i});
                return i + 1;
            }
            if (!startsBlock(line) && !trim(quote_.back().first).empty()) {
                quote_.push_back({t, i});  // lazy continuation of the quoted paragraph
                return i + 1;
            }
            closeQuote();
        }

        std::string fence;
        if (readFence(line, fence)) {
            closeParagraph();
            return readCodeBlock(i, fence);
        }
        int level = 0;
        std::string headingText;
        if (readAtxHeading(line, level, headingText)) {
            closeParagraph();
            Block h;
            h.type = BlockType::Heading;
            h.level = level;
            h.text = parseInlines(refs_, quotes_, utf8::decode(headingText), nullptr);
            addBlock(std::move(h), {i}, "heading");
            return i + 1;
        }
        if (!paragraph_.empty() && isSetextUnderline(line, level)) {
            std::string text;
            for (size_t l : paragraph_) text += (text.empty() ? "" : "\n") + trim(lines_[l]);
            std::vector<size_t> src = paragraph_;
            src.push_back(i);
            paragraph_.clear();
            Block h;
            h.type = BlockType::Heading;
            h.level = level;
            h.text = parseInlines(refs_, quotes_, utf8::decode(text), nullptr);
            addBlock(std::move(h), src, "heading");
            return i + 1;
        }
        if (isThematicBreak(line)) {
            closeParagraph();
            Block d;
            d.type = BlockType::Divider;
            addBlock(std::move(d), {i}, "divider");
            return i + 1;
        }
        if (leadingSpaces(line) <= 3 && t[0] == '>') {
            closeParagraph();
            quote_.push_back({stripQuoteMarker(line), i});
            return i + 1;
        }
        ListMarker marker;
        if (readListMarker(line, marker) && marker.indent <= 3) {
            closeParagraph();
            openList(marker, i);
            return i + 1;
        }
        if (leadingSpaces(line) >= 4 && paragraph_.empty()) return readIndentedCode(i);
        if (startsWith(t, "<!--")) {
            closeParagraph();
            size_t j = i;
            while (j < lines_.size() && lines_[j].find("-->") == std::string::npos) setRole(j++, "-HTML comment");
            if (j < lines_.size()) setRole(j++, "-HTML comment");
            return j;
        }
        if (paragraph_.empty() && t.find('|') != std::string::npos && i + 1 < lines_.size() &&
            isTableSeparator(lines_[i + 1]))
            return readTable(i);
        paragraph_.push_back(i);
        return i + 1;
    }

    static std::string stripQuoteMarker(const std::string& line) {
        size_t i = leadingSpaces(line);
        if (i < line.size() && line[i] == '>') ++i;
        if (i < line.size() && line[i] == ' ') ++i;
        return line.substr(i);
    }

    size_t readCodeBlock(size_t i, const std::string& fence) {
        std::vector<size_t> src{i};
        std::string code;
        size_t j = i + 1;
        for (; j < lines_.size(); ++j) {
            std::string t = trim(lines_[j]);
            src.push_back(j);
            if (startsWith(t, fence) && t.find_first_not_of(fence[0]) == std::string::npos) {
                ++j;
                break;
            }
            code += (code.empty() ? "" : "\n") + lines_[j];
        }
        addCode(code, src);
        return j;
    }

    size_t readIndentedCode(size_t i) {
        std::vector<size_t> src;
        std::string code;
        size_t j = i;
        while (j < lines_.size() && (leadingSpaces(lines_[j]) >= 4 || trim(lines_[j]).empty())) {
            if (trim(lines_[j]).empty()) {
                size_t k = j;
                while (k < lines_.size() && trim(lines_[k]).empty()) ++k;
                if (k >= lines_.size() || leadingSpaces(lines_[k]) < 4) break;
            }
            src.push_back(j);
            code += (code.empty() ? "" : "\n") + (lines_[j].size() >= 4 ? lines_[j].substr(4) : std::string());
            ++j;
        }
        addCode(code, src);
        return j;
    }

    // Code keeps its text exactly (no inline parsing, no typography): the model has no code block, so it becomes
    // a paragraph whose line breaks are newlines.
    void addCode(const std::string& code, const std::vector<size_t>& src) {
        if (code.empty()) {
            for (size_t l : src) setRole(l, "-empty code block");
            return;
        }
        Block p;
        p.type = BlockType::Paragraph;
        p.text.text = code;
        addBlock(std::move(p), src, "code (as a plain paragraph)");
    }

    size_t readTable(size_t i) {
        Block list;
        list.type = BlockType::List;
        std::vector<size_t> src;
        size_t j = i;
        for (; j < lines_.size(); ++j) {
            std::string t = trim(lines_[j]);
            if (t.empty() || t.find('|') == std::string::npos) break;
            src.push_back(j);
            if (j == i + 1) continue;  // the separator row
            std::string row;
            for (const std::string& cell : tableCells(lines_[j]))
                if (!cell.empty()) row += (row.empty() ? "" : " \xC2\xB7 ") + cell;
            if (!row.empty()) list.items.push_back({parseInlines(refs_, quotes_, utf8::decode(row), nullptr), {}});
        }
        addBlock(std::move(list), src, "table row (as a list item)");
        return j;
    }

    void openList(const ListMarker& m, size_t line) {
        if (list_.open && (list_.ordered != m.ordered || list_.bullet != m.bullet)) closeList();
        if (!list_.open) {
            list_ = OpenList{};
            list_.open = true;
            list_.ordered = m.ordered;
            list_.bullet = m.bullet;
        }
        list_.contentIndent = m.contentIndent;
        list_.blankSeen = false;
        list_.items.push_back({m.content, {line}});
    }

    // Returns the next line index when the line belongs to the open list.
    std::optional<size_t> continueList(size_t i) {
        const std::string& line = lines_[i];
        size_t indent = leadingSpaces(line);
        ListMarker m;
        if (indent >= list_.contentIndent) {
            std::string inner = line.substr(list_.contentIndent);
            if (readListMarker(inner, m)) {
                // A nested list: the model's lists are flat, so its items join this list.
                list_.items.push_back({m.content, {i}});
                list_.blankSeen = false;
                return i + 1;
            }
            auto& item = list_.items.back();
            item.first += "\n" + trim(line);
            item.second.push_back(i);
            list_.blankSeen = false;
            return i + 1;
        }
        if (readListMarker(line, m) && m.indent <= 3) {
            if (m.ordered == list_.ordered && m.bullet == list_.bullet) {
                list_.items.push_back({m.content, {i}});
                list_.contentIndent = m.contentIndent;
                list_.blankSeen = false;
                return i + 1;
            }
            closeList();
            return std::nullopt;
        }
        if (!list_.blankSeen && !startsBlock(line)) {
            auto& item = list_.items.back();
            item.first += "\n" + trim(line);
            item.second.push_back(i);
            return i + 1;
        }
        closeList();
        return std::nullopt;
    }

    void closeList() {
        if (!list_.open) return;
        Block b;
        b.type = BlockType::List;
        b.ordered = list_.ordered;
        std::vector<size_t> src;
        for (auto& [text, lines] : list_.items) {
            b.items.push_back({parseInlines(refs_, quotes_, utf8::decode(text), nullptr), {}});
            src.insert(src.end(), lines.begin(), lines.end());
        }
        addBlock(std::move(b), src, list_.ordered ? "numbered list item" : "list item");
        list_ = OpenList{};
    }

    void closeQuote() {
        if (quote_.empty()) return;
        std::vector<std::pair<std::string, size_t>> lines = std::move(quote_);
        quote_.clear();
        // Attribution: a last line that starts with a dash ("— Mark Twain", "-- Mark Twain").
        RichText attribution;
        std::optional<size_t> attributionLine;
        for (size_t k = lines.size(); k-- > 0;) {
            std::string t = trim(lines[k].first);
            if (t.empty()) continue;
            for (const char* dash : {"\xE2\x80\x94", "\xE2\x80\x95", "\xE2\x80\x93", "--", "-", "~"}) {
                if (startsWith(t, dash) && k > 0) {
                    std::string who = trim(t.substr(std::string(dash).size()));
                    if (!who.empty() && who[0] != '-') {
                        attribution = parseInlines(refs_, quotes_, utf8::decode(who), nullptr);
                        attributionLine = lines[k].second;
                        lines.erase(lines.begin() + static_cast<long>(k));
                    }
                    break;
                }
            }
            break;
        }
        // One quote block per paragraph inside the quote.
        std::vector<std::pair<std::string, std::vector<size_t>>> paragraphs(1);
        for (auto& [text, line] : lines) {
            std::string t = trim(text);
            if (t.empty()) {
                setRole(line, "-blank (inside quote)");
                if (!paragraphs.back().second.empty()) paragraphs.emplace_back();
                continue;
            }
            if (t[0] == '>') t = trim(stripQuoteMarker(t));  // nested quote: flattened
            paragraphs.back().first += (paragraphs.back().first.empty() ? "" : "\n") + t;
            paragraphs.back().second.push_back(line);
        }
        if (paragraphs.back().second.empty()) paragraphs.pop_back();
        for (size_t k = 0; k < paragraphs.size(); ++k) {
            Block q;
            q.type = BlockType::Quote;
            q.text = parseInlines(refs_, quotes_, utf8::decode(paragraphs[k].first), nullptr);
            std::vector<size_t> src = paragraphs[k].second;
            if (k + 1 == paragraphs.size() && attributionLine) {
                q.attribution = attribution;
                setRole(*attributionLine, "quote attribution");
            }
            addBlock(std::move(q), src, "quote");
        }
        if (paragraphs.empty() && attributionLine) setRole(*attributionLine, "-quote attribution without a quote");
    }

    void closeParagraph() {
        if (paragraph_.empty()) return;
        std::vector<size_t> src = std::move(paragraph_);
        paragraph_.clear();
        std::string text;
        for (size_t l : src) text += (text.empty() ? "" : "\n") + trim(lines_[l]);
        std::vector<InlineImage> images;
        RichText rt = parseInlines(refs_, quotes_, utf8::decode(text), &images);

        // An image alone on its first line, with text under it: the text is the caption.
        if (!images.empty() && src.size() > 1) {
            std::string firstLine = trim(lines_[src[0]]);
            std::vector<InlineImage> firstImages;
            RichText firstText = parseInlines(refs_, quotes_, utf8::decode(firstLine), &firstImages);
            if (firstText.empty() && firstImages.size() == 1 && isRelativeReference(firstImages[0].src)) {
                std::string rest;
                for (size_t k = 1; k < src.size(); ++k) rest += (rest.empty() ? "" : "\n") + trim(lines_[src[k]]);
                Block img = imageBlock(firstImages[0]);
                img.caption = parseInlines(refs_, quotes_, utf8::decode(rest), nullptr);
                setRole(src[0], "image");
                addBlock(std::move(img), std::vector<size_t>(src.begin() + 1, src.end()), "image caption");
                return;
            }
        }
        const bool hasText = !rt.empty();
        if (hasText) addBlock(paragraphBlock(std::move(rt)), src, "paragraph");
        // Images inside a paragraph follow it as image blocks (the model has no inline images). A bundle holds only
        // images beside it (the viewer fetches them like the bundle), so one from another site is left out.
        size_t kept = 0;
        for (const InlineImage& image : images) {
            if (!isRelativeReference(image.src)) continue;
            addBlock(imageBlock(image), src, hasText ? "paragraph + image" : "image");
            ++kept;
        }
        if (!hasText && kept == 0)
            for (size_t l : src)
                setRole(l, images.empty() ? "-no text after removing markup" : "-image not beside the bundle (absolute URL)");
    }

    static Block paragraphBlock(RichText rt) {
        Block p;
        p.type = BlockType::Paragraph;
        p.text = std::move(rt);
        return p;
    }

    Block imageBlock(const InlineImage& image) const {
        Block b;
        b.type = BlockType::Image;
        b.src = image.src;
        b.alt = smartenPunctuation(image.alt, quotes_);
        if (!image.title.empty()) b.caption.text = smartenPunctuation(image.title, quotes_);
        return b;
    }
};

}  // namespace

std::vector<SourcedBlock> parseBlocks(const std::vector<std::string>& lines, size_t firstLine, LinkRefs& refs,
                                      std::vector<std::string>& roles, const QuoteStyle& quotes) {
    BlockParser parser(lines, firstLine, refs, quotes);
    return parser.run(roles);
}

}  // namespace galley::importing::markdown
