// plan.cpp — blocks to pieces: the article's header (title, dek, byline, rule) and each block as the pieces it is set
// in (a paragraph, a heading, a quote and its attribution, list items, an image and its caption, a rule), each with
// its block style from the style table. Nothing is measured here: pieces are measured when first placed.
#include "block_style.h"
#include "byline.h"
#include "emoji.h"
#include "piece.h"
#include "utf8.h"

#include <algorithm>
#include <bitset>
#include <cmath>
#include <functional>
#include <map>

namespace galley {

namespace {

// The host of an http(s) URL, without "www.": where an embed's card says it is from.
std::string embedHost(const std::string& url) {
    size_t at = url.find("://");
    at = at == std::string::npos ? 0 : at + 3;
    const size_t end = url.find_first_of("/?#", at);
    std::string host = url.substr(at, end == std::string::npos ? std::string::npos : end - at);
    if (const size_t user = host.rfind('@'); user != std::string::npos) host.erase(0, user + 1);
    if (host.compare(0, 4, "www.") == 0) host.erase(0, 4);
    return host;
}

// Each note's label: the text of its first reference, in reading order (blocks, list items' blocks, then notes).
std::vector<std::string> noteLabels(const Article& article) {
    std::map<std::string, std::string> first;
    std::function<void(const RichText&)> scan = [&](const RichText& t) {
        for (const Mark& m : t.marks) {
            if (m.kind != MarkKind::Note || first.count(m.note)) continue;
            size_t b = 0, cp = 0;
            while (b < t.text.size() && cp < m.start) { utf8::next(t.text, b); ++cp; }
            size_t e = b;
            while (e < t.text.size() && cp < m.end) { utf8::next(t.text, e); ++cp; }
            first[m.note] = t.text.substr(b, e - b);
        }
    };
    std::function<void(const std::vector<Block>&)> blocks = [&](const std::vector<Block>& bs) {
        for (const Block& b : bs) {
            for (const RichText* t : {&b.text, &b.attribution, &b.caption, &b.credit}) scan(*t);
            for (const ListItem& it : b.items) {
                scan(it.text);
                blocks(it.blocks);
            }
            for (const auto& row : b.rows)
                for (const TableCell& c : row) scan(c.text);
        }
    };
    blocks(article.blocks);
    for (const Note& n : article.notes) scan(n.text);
    std::vector<std::string> labels;
    for (const Note& n : article.notes) labels.push_back(first.count(n.id) ? first[n.id] : std::string());
    return labels;
}

}  // namespace

std::vector<ArticleLayout::Piece> ArticleLayout::planPieces(const Article& article, const LayoutParams& params) {
    std::vector<Piece> pieces;
    const float fs = params.fontSize;
    // The direction of the paragraphs being planned: the header's, then each block's (bundle `dir`, or the language's).
    WritingDirection direction = paragraphDirection(article, nullptr);
    // `text` is either in the article (kept by address) or a temporary (copied into the piece).
    auto addTextFrom = [&](LineRole role, const RichText* inArticle, RichText owned, TextStyle ts, bool hyphenate) -> Piece& {
        Piece piece;
        ts.direction = direction;
        piece.role = role;
        piece.source = inArticle;
        piece.ownedSource = std::move(owned);
        piece.textStyle = ts;
        piece.hyphenate = hyphenate;
        piece.sourceBytes = static_cast<uint32_t>(piece.text().text.size()) + 1;
        pieces.push_back(std::move(piece));
        return pieces.back();
    };
    auto addText = [&](LineRole role, const RichText& text, TextStyle ts, bool hyphenate) -> Piece& {
        return addTextFrom(role, &text, {}, ts, hyphenate);
    };
    auto addOwnedText = [&](LineRole role, RichText text, TextStyle ts, bool hyphenate) -> Piece& {
        return addTextFrom(role, nullptr, std::move(text), ts, hyphenate);
    };
    auto plain = [](std::string s) { RichText t; t.text = std::move(s); return t; };

    // Header: headline, dek, byline, rule.
    Piece& title = addOwnedText(LineRole::Title, plain(article.title), {FontStyle::Bold, fs * style::TitleSize, ColorRole::Text}, false);
    title.ragged = true;
    title.lineHeight = style::TitleLineHeight;
    title.spaceAfter = 0.5f;
    if (!article.subtitle.empty()) {
        Piece& dek = addOwnedText(LineRole::Subtitle, plain(article.subtitle),
                             {FontStyle::Italic, fs * style::SubtitleSize, ColorRole::Muted}, false);
        dek.ragged = true;
        dek.lineHeight = style::SubtitleLineHeight;
        dek.spaceAfter = 0.5f;
    }
    const std::string byline = bylineText(article);
    if (!byline.empty()) {
        Piece& by = addOwnedText(LineRole::Byline, plain(byline), {FontStyle::Sans, fs * style::BylineSize, ColorRole::Muted}, false);
        by.ragged = true;
    }
    {
        Piece rule;
        rule.kind = Piece::Rule;
        rule.spaceBefore = style::HeaderRuleGap * 0.6f;
        rule.spaceAfter = style::HeaderRuleGap;
        pieces.push_back(std::move(rule));
    }

    // Body blocks, and the blocks list items hold (at `indent`, em of the body size, `depth` lists deep). A drop cap
    // opens the article's first block when that is a paragraph. Pieces keep their top-level block's index.
    std::function<void(const Block&, uint32_t, float, int)> planBlock;
    auto addParagraph = [&](LineRole role, const RichText& text, float indent) -> Piece& {
        Piece& p = addText(role, text, {FontStyle::Regular, fs, ColorRole::Text}, true);
        p.lineHeight = 0;
        p.indent = indent;
        p.spaceAfter = style::ParagraphSpacing;
        return p;
    };
    auto addCaption = [&](const RichText& text, LineRole role, float size, float indent) -> Piece& {
        Piece& c = addText(role, text, {FontStyle::Sans, fs * size, ColorRole::Muted}, false);
        c.ragged = true;
        c.indent = indent;
        c.spaceAfter = style::ParagraphSpacing;
        return c;
    };
    auto addImage = [&](const std::string& src, const std::string& alt, int width, int height, float indent) -> Piece& {
        Piece img;
        img.kind = Piece::Image;
        img.src = src;
        img.alt = alt;
        img.indent = indent;
        // The bundle's intrinsic size when it gives one (bounded: a 1x10000 strip must not take the page).
        img.imageAspect = width > 0 && height > 0
                              ? std::clamp(static_cast<float>(height) / static_cast<float>(width), 0.05f, 3.0f)
                              : style::ImageAspect;
        img.imageWidth = static_cast<float>(width);
        img.spaceAfter = style::ParagraphSpacing;
        pieces.push_back(std::move(img));
        return pieces.back();
    };
    planBlock = [&](const Block& b, uint32_t bi, float indent, int depth) {
        direction = paragraphDirection(article, &b);
        switch (b.type) {
            case BlockType::Paragraph: {
                Piece& p = addParagraph(LineRole::Paragraph, b.text, indent);
                p.wantsDropCap = params.dropCap && bi == 0 && depth == 0;  // if its initial may have one (drop_cap.cpp)
                break;
            }
            case BlockType::Heading: {
                int level = std::clamp(b.level, 1, 6);
                Piece& h = addText(LineRole::Heading, b.text,
                                   {FontStyle::Bold, fs * style::HeadingSizes[level - 1], ColorRole::Text}, false);
                h.level = level;
                h.ragged = true;
                h.lineHeight = style::HeadingLineHeight;
                h.spaceBefore = style::HeadingSpaceBefore - style::ParagraphSpacing;
                h.spaceAfter = style::HeadingSpaceAfter;
                break;
            }
            case BlockType::Quote: {
                Piece& q = addText(LineRole::Quote, b.text, {FontStyle::Italic, fs, ColorRole::Text}, true);
                q.indent = indent + style::QuoteIndent;
                q.lineHeight = 0;
                q.quoteBar = true;
                q.spaceAfter = b.attribution.empty() ? style::ParagraphSpacing : 0.2f;
                if (!b.attribution.empty()) {
                    Piece& a = addOwnedText(LineRole::Attribution, attributionAsSet(b), {FontStyle::Sans, fs * style::CaptionSize, ColorRole::Muted}, false);
                    a.indent = indent + style::QuoteIndent;
                    a.ragged = true;
                    a.spaceAfter = style::ParagraphSpacing;
                }
                break;
            }
            case BlockType::Pullquote: {
                Piece& q = addText(LineRole::Pullquote, b.text, {FontStyle::Italic, fs * style::PullquoteSize, ColorRole::Accent}, false);
                q.ragged = true;
                q.lineHeight = style::PullquoteLineHeight;
                q.rulesAround = true;
                q.spaceBefore = 0.6f;
                q.spaceAfter = b.attribution.empty() ? style::ParagraphSpacing + 0.6f : 0.3f;
                if (!b.attribution.empty()) {
                    Piece& a = addText(LineRole::Attribution, b.attribution, {FontStyle::Sans, fs * style::CaptionSize, ColorRole::Muted}, false);
                    a.ragged = true;
                    a.spaceAfter = style::ParagraphSpacing + 0.6f;
                }
                break;
            }
            case BlockType::List: {
                const float itemIndent = indent + style::ListIndent;
                for (size_t i = 0; i < b.items.size(); ++i) {
                    const ListItem& it = b.items[i];
                    const bool last = i + 1 == b.items.size();
                    const size_t firstOfItem = pieces.size();
                    Piece& item = addText(LineRole::ListItem, it.text, {FontStyle::Regular, fs, ColorRole::Text}, true);
                    item.indent = itemIndent;
                    item.lineHeight = 0;
                    item.level = depth;
                    item.spaceAfter = last && it.blocks.empty() ? style::ParagraphSpacing : style::ListItemSpacing;
                    item.item = static_cast<uint32_t>(i);
                    if (b.ordered) item.number = static_cast<long long>(b.start) + static_cast<long long>(i);
                    item.markerText = item.number ? std::to_string(*item.number) + "." : std::string(depth % 2 ? "\u2013" : "\u2022");
                    item.hasMarker = true;
                    for (const Block& inner : it.blocks) {
                        const size_t firstOfBlock = pieces.size();
                        planBlock(inner, bi, itemIndent, depth + 1);
                        // The item's own blocks are at its depth (a nested list's items set theirs).
                        if (inner.type != BlockType::List)
                            for (size_t k = firstOfBlock; k < pieces.size(); ++k) pieces[k].level = depth;
                    }
                    if (pieces.size() > firstOfItem + 1) {
                        // The item's blocks: between them a list item's spacing, after the last item a paragraph's.
                        pieces.back().spaceAfter = last ? style::ParagraphSpacing : style::ListItemSpacing;
                        if (it.text.empty()) {
                            // No first paragraph: the marker goes on the first block's first line.
                            Piece& empty = pieces[firstOfItem];
                            Piece& first = pieces[firstOfItem + 1];
                            if (first.kind == Piece::Text && !first.hasMarker) {
                                first.hasMarker = true;
                                first.markerText = empty.markerText;
                                first.number = empty.number;
                                first.item = empty.item;
                                if (first.indent > itemIndent) first.markerIndent = itemIndent;
                                else first.indent = itemIndent;
                                pieces.erase(pieces.begin() + static_cast<std::ptrdiff_t>(firstOfItem));
                            }
                        }
                    }
                    direction = paragraphDirection(article, &b);
                }
                break;
            }
            case BlockType::Image: {
                Piece& img = addImage(b.src, b.alt, b.width, b.height, indent);
                if (!b.caption.empty() || !b.credit.empty()) img.spaceAfter = 0.4f;
                if (!b.caption.empty()) {
                    Piece& c = addCaption(b.caption, LineRole::Caption, style::CaptionSize, indent);
                    if (!b.credit.empty()) c.spaceAfter = 0.15f;
                }
                if (!b.credit.empty()) addCaption(b.credit, LineRole::Credit, style::CreditSize, indent);
                break;
            }
            case BlockType::Table: {
                // The caption above (a table's title is read before it, and stays in view when it scrolls).
                if (!b.caption.empty()) {
                    Piece& c = addText(LineRole::Caption, b.caption, {FontStyle::Sans, fs * style::CaptionSize, ColorRole::Muted}, false);
                    c.ragged = true;
                    c.spaceAfter = style::TableCaptionSpaceAfter;
                }
                Piece table;
                table.kind = Piece::Table;
                table.table = tableGrid(b);
                table.textStyle.direction = direction;  // a right-to-left table's first column is at the right
                table.spaceAfter = style::ParagraphSpacing;
                pieces.push_back(std::move(table));
                // Cells are not hyphenated: a column is as narrow as its longest word (numbers and names never break).
                for (const GridCell& cell : pieces.back().table.cells) {
                    Piece& p = addText(LineRole::TableCell, b.rows[cell.row][cell.indexInRow].text,
                                       {cell.header ? FontStyle::Bold : FontStyle::Regular, fs * style::TableSize, ColorRole::Text}, false);
                    p.item = tableCellItem(cell.row, cell.indexInRow);
                    p.ragged = true;
                    p.lineHeight = style::TableLineHeight;
                }
                break;
            }
            case BlockType::Divider: {
                Piece rule;
                rule.kind = Piece::Rule;
                rule.ruleFraction = 0.2f;
                rule.spaceBefore = 0.4f;
                rule.spaceAfter = style::ParagraphSpacing + 0.4f;
                pieces.push_back(std::move(rule));
                break;
            }
            case BlockType::Code: {
                // Code reads left to right whatever the article's direction (as browsers set <pre dir=auto> of it).
                direction = WritingDirection::LeftToRight;
                TextStyle ts{FontStyle::Mono, fs * style::CodeSize, ColorRole::Text};
                ts.preformatted = true;
                Piece& c = addText(LineRole::Code, b.text, ts, false);
                c.ragged = true;
                c.indent = indent + style::CodeIndent;
                c.lineHeight = style::CodeLineHeight;
                c.quoteBar = true;
                c.spaceAfter = style::ParagraphSpacing;
                break;
            }
            case BlockType::Embed: {
                // A card: the poster, the title (a link to the embed's page), where it is from, the caption.
                if (!b.src.empty()) addImage(b.src, b.title, b.width, b.height, indent).spaceAfter = 0.4f;
                RichText title = plain(b.title);
                Mark link;
                link.kind = MarkKind::Link;
                link.start = 0;
                link.end = static_cast<uint32_t>(utf8::countCodePoints(title.text));
                link.href = b.url;
                title.marks.push_back(std::move(link));
                Piece& t = addOwnedText(LineRole::Embed, std::move(title), {FontStyle::SansBold, fs * style::EmbedTitleSize, ColorRole::Text}, false);
                t.ragged = true;
                t.indent = indent;
                t.lineHeight = style::HeadingLineHeight;
                t.spaceAfter = 0.15f;
                std::string from = embedHost(b.url);
                if (!b.provider.empty() && b.provider != from) from = b.provider + "  \u00B7  " + from;
                Piece& f = addCaption({}, LineRole::Embed, style::CaptionSize, indent);
                f.source = nullptr;
                f.ownedSource = plain(from);
                f.sourceBytes = static_cast<uint32_t>(from.size()) + 1;
                if (!b.caption.empty()) {
                    f.spaceAfter = 0.3f;
                    addCaption(b.caption, LineRole::Caption, style::CaptionSize, indent);
                }
                break;
            }
        }
    };
    for (uint32_t bi = 0; bi < article.blocks.size(); ++bi) {
        const Block& b = article.blocks[bi];
        size_t first = pieces.size();
        planBlock(b, bi, 0.0f, 0);
        for (size_t k = first; k < pieces.size(); ++k) {
            pieces[k].block = bi;
            if (pieces[k].role == LineRole::Heading) pieces[k].level = std::clamp(b.level, 1, 6);
        }
    }

    // Notes, after the last block: a short rule, then each opening with its label (its first reference's text),
    // which links back to the reference (noteAsSet). Their block index is the article's block count (there is no block of them).
    if (!article.notes.empty()) {
        direction = paragraphDirection(article, nullptr);
        const uint32_t notesBlock = static_cast<uint32_t>(article.blocks.size());
        Piece rule;
        rule.kind = Piece::Rule;
        rule.ruleFraction = style::NotesRuleFraction;
        rule.spaceBefore = 0.6f;
        rule.spaceAfter = style::ParagraphSpacing;
        rule.block = notesBlock;
        pieces.push_back(std::move(rule));
        const std::vector<std::string> labels = noteLabels(article);
        for (size_t i = 0; i < article.notes.size(); ++i) {
            Piece& n = addOwnedText(LineRole::Note, noteAsSet(article.notes[i], labels[i]),
                                    {FontStyle::Regular, fs * style::NoteSize, ColorRole::Text}, true);
            n.lineHeight = 0;
            n.item = static_cast<uint32_t>(i);
            n.block = notesBlock;
            n.spaceAfter = i + 1 == article.notes.size() ? style::ParagraphSpacing : style::ListItemSpacing;
        }
    }
    return pieces;
}

void ArticleLayout::plan(const LayoutParams& params) {
    pieces_ = planPieces(article_, params);
    totalBytes_ = 0;
    glyphEstimate_ = 0;
    for (const Piece& piece : pieces_) {
        totalBytes_ += piece.sourceBytes;
        // Glyphs to come: code points other than spaces (UTF-8 continuation bytes start no code point).
        if (piece.kind == Piece::Text)
            for (char c : piece.text().text) glyphEstimate_ += (static_cast<unsigned char>(c) & 0xC0) != 0x80 && c != ' ';
    }
    measuredFor_ = params.fontSize;
    measureOptions_ = measureOptionsOf(params, article_.lang, thai_, cjkTiers_);
    nextPiece_ = pieces_.size();  // nothing laid out for these pieces yet: begin() starts over
    measuredDropCapLines_ = params.dropCap ? std::clamp(params.dropCapLines, style::DropCapMinLines, style::DropCapMaxLines) : 0;
}

// The faces of the planned pieces and what their marks derive from them, in the slices their text needs.
FaceSlots ArticleLayout::facesUsed(const Article& article, const CjkTiers* cjkTiers, bool* needsCjkTiers,
                                   const FirstScreen* screen) {
    FaceSlots used;
    used.add(FontStyle::Regular, FontSlice{});  // always: the fallback of every face
    std::bitset<FontSliceCount> slices;  // of the piece at hand
    auto add = [&](FontStyle s) {
        for (int k = 0; k < FontSliceCount; ++k)
            if (slices[static_cast<size_t>(k)]) used.add(s, static_cast<FontSlice>(k));
    };
    std::vector<uint32_t> cps;
    std::vector<EmojiPart> parts;
    float top = 0;  // a lower bound of the piece's top (FirstScreen)
    for (const Piece& piece : planPieces(article, screen ? screen->params : LayoutParams{})) {
        if (screen && top >= screen->height) break;
        const RichText& text = piece.text();
        if (piece.kind != Piece::Text || text.text.empty()) continue;
        slices.reset();
        cps.clear();
        for (size_t i = 0; i < text.text.size();) cps.push_back(utf8::next(text.text, i));
        // An emoji sequence needs the slice that holds it whole (emoji.h), not those of its code points.
        size_t cjk = 0;  // code points set from Noto CJK
        for (size_t i = 0; i < cps.size();) {
            const size_t emoji = emojiSequenceLength(cps.data() + i, cps.size() - i);
            if (emoji == 0) {
                const FontSlice slice = sliceOf(cps[i++], article.lang, cjkTiers, needsCjkTiers);
                slices.set(static_cast<size_t>(slice));
                cjk += sliceCjkFace(slice) != CjkFace::Count;
                continue;
            }
            emojiParts(cps.data() + i, emoji, parts);
            for (const EmojiPart& part : parts) slices.set(static_cast<size_t>(part.slice));
            i += emoji;
        }
        if (screen && piece.role != LineRole::TableCell) {  // cells stand side by side: their rows are not counted
            // Lines hold at most the column (and what hangs past it: an em at most).
            const float em = piece.textStyle.size, column = screen->params.width + em;
            top += std::max(1.0f, std::ceil(0.5f * em * static_cast<float>(cjk) / column - 1e-3f)) * em;
        }
        const FontStyle base = piece.textStyle.face;
        add(FontStyle::Regular);  // list markers and drop caps are set in it
        add(base);
        for (const Mark& m : text.marks) {
            if (m.kind == MarkKind::Emphasis) add(styledFace(base, true, false));
            if (m.kind == MarkKind::Strong) add(styledFace(base, false, true));
            if (m.kind == MarkKind::Code) add(FontStyle::Mono);
        }
        // Emphasis and strong over the same text: both applied.
        for (const Mark& e : text.marks) {
            if (e.kind != MarkKind::Emphasis) continue;
            for (const Mark& s : text.marks)
                if (s.kind == MarkKind::Strong && s.start < e.end && e.start < s.end) add(styledFace(base, true, true));
        }
    }
    return used;
}

FaceSlots facesUsed(const Article& article, const CjkTiers* cjkTiers, bool* needsCjkTiers, const FirstScreen* screen) {
    return ArticleLayout::facesUsed(article, cjkTiers, needsCjkTiers, screen);
}

}  // namespace galley
