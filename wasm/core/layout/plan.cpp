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

namespace galley {

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

    // Body blocks. A drop cap opens the article's first block when that is a paragraph.
    for (uint32_t bi = 0; bi < article.blocks.size(); ++bi) {
        const Block& b = article.blocks[bi];
        direction = paragraphDirection(article, &b);
        size_t first = pieces.size();
        switch (b.type) {
            case BlockType::Paragraph: {
                Piece& p = addText(LineRole::Paragraph, b.text, {FontStyle::Regular, fs, ColorRole::Text}, true);
                p.lineHeight = 0;
                p.spaceAfter = style::ParagraphSpacing;
                p.wantsDropCap = params.dropCap && bi == 0;  // if its initial may have one (drop_cap.cpp)
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
                q.indent = style::QuoteIndent;
                q.lineHeight = 0;
                q.quoteBar = true;
                q.spaceAfter = b.attribution.empty() ? style::ParagraphSpacing : 0.2f;
                if (!b.attribution.empty()) {
                    Piece& a = addOwnedText(LineRole::Attribution, attributionAsSet(b), {FontStyle::Sans, fs * style::CaptionSize, ColorRole::Muted}, false);
                    a.indent = style::QuoteIndent;
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
                for (size_t i = 0; i < b.items.size(); ++i) {
                    Piece& item = addText(LineRole::ListItem, b.items[i].text, {FontStyle::Regular, fs, ColorRole::Text}, true);
                    item.indent = style::ListIndent;
                    item.lineHeight = 0;
                    item.spaceAfter = i + 1 == b.items.size() ? style::ParagraphSpacing : style::ListItemSpacing;
                    item.item = static_cast<uint32_t>(i);
                    item.markerText = b.ordered ? std::to_string(i + 1) + "." : "\u2022";
                    item.hasMarker = true;
                }
                break;
            }
            case BlockType::Image: {
                Piece img;
                img.kind = Piece::Image;
                img.src = b.src;
                img.alt = b.alt;
                // The bundle's intrinsic size when it gives one (bounded: a 1x10000 strip must not take the page).
                img.imageAspect = b.width > 0 && b.height > 0
                                      ? std::clamp(static_cast<float>(b.height) / static_cast<float>(b.width), 0.05f, 3.0f)
                                      : style::ImageAspect;
                img.imageWidth = static_cast<float>(b.width);
                img.spaceAfter = b.caption.empty() ? style::ParagraphSpacing : 0.4f;
                pieces.push_back(std::move(img));
                if (!b.caption.empty()) {
                    Piece& c = addText(LineRole::Caption, b.caption, {FontStyle::Sans, fs * style::CaptionSize, ColorRole::Muted}, false);
                    c.ragged = true;
                    c.spaceAfter = style::ParagraphSpacing;
                }
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
        }
        for (size_t k = first; k < pieces.size(); ++k) {
            pieces[k].block = bi;
            if (pieces[k].role == LineRole::Heading) pieces[k].level = std::clamp(b.level, 1, 6);
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
