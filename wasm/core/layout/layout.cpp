// layout.cpp — see layout.h. Planning (plan.cpp) turns the article into pieces; this file measures each piece when it
// is first placed and places pieces in order: rules and images here, text through its opening (space, marker, drop
// cap: drop_cap.cpp), its lines (line_placer, or a window at a time: windows.cpp) and its closing (quote bar, rules).
#include "layout.h"

#include "block_style.h"
#include "layout_quality.h"
#include "piece.h"
#include "shaper.h"
#include "utf8.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace galley {

ArticleLayout::ArticleLayout(const FontSet& fonts, const Article& article)
    : fonts_(fonts), article_(article), text_(std::make_unique<TextInProgress>()) {}
ArticleLayout::~ArticleLayout() = default;

MeasuredParagraph ArticleLayout::measureText(const Piece& piece, size_t beginByte, size_t endByte,
                                             uint32_t beginCodePoint) const {
    const RichText& source = piece.text();
    RichText slice;
    const bool whole = beginByte == 0 && endByte == source.text.size();
    if (!whole) slice = sliceRichText(source, beginByte, endByte, beginCodePoint);
    const RichText& text = whole ? source : slice;
    std::vector<uint32_t> points, lastResort;
    const bool hyphenate = piece.hyphenate && hyphenate_;
    if (hyphenate) hyphenate_(text.text, points, lastResort);
    if (!shapingCache_) shapingCache_ = std::make_unique<ShapingCache>();
    return measureParagraph(text, piece.textStyle, fonts_, hyphenate ? &points : nullptr, measureOptions_,
                            hyphenate ? &lastResort : nullptr, shapingCache_.get());
}

void ArticleLayout::measurePiece(Piece& piece, float fs) {
    piece.measured = true;
    if (piece.kind != Piece::Text) return;
    const RichText& text = piece.text();
    piece.windowed = text.text.size() > 2 * windowBytes;
    piece.textStartByte = 0;
    piece.textStartCodePoint = 0;
    if (piece.wantsDropCap) splitDropCap(piece, text, fs);
    if (!piece.windowed) piece.para = measureText(piece, piece.textStartByte, text.text.size(), piece.textStartCodePoint);
    auto plain = [](const char* s) { RichText t; t.text = s; return t; };
    if (piece.hasMarker)
        piece.marker = std::make_shared<const MeasuredParagraph>(
            measureParagraph(plain(piece.markerText.c_str()), {FontStyle::Regular, fs, ColorRole::Muted}, fonts_));
}

DisplayList ArticleLayout::layout(const LayoutParams& params) {
    DisplayList out;
    layout(params, out);
    return out;
}

void ArticleLayout::layout(const LayoutParams& params, DisplayList& out) {
    begin(params, out);
    advance([] { return true; });
}

void ArticleLayout::begin(const LayoutParams& params, DisplayList& out) {
    const int dropCapLines = params.dropCap ? std::clamp(params.dropCapLines, style::DropCapMinLines, style::DropCapMaxLines) : 0;
    if (measuredFor_ != params.fontSize || measuredDropCapLines_ != dropCapLines ||
        measureOptions_ != measureOptionsOf(params, article_.lang, thai_, cjkTiers_))
        plan(params);
    params_ = params;
    out_ = &out;
    justifying_ = params.align != Align::Left;
    passes_ = 0;
    startOver();
}

void ArticleLayout::startOver() {
    DisplayList& out = *out_;
    ++passes_;
    out.width = std::max(params_.width, 1.0f);
    out.height = 0;
    out.glyphs.clear();
    out.rules.clear();
    out.links.clear();
    out.hrefs.clear();
    out.images.clear();
    out.tables.clear();
    out.runs.clear();
    out.missingGlyphs = 0;
    out.justified = justifying_;
    placer_ = std::make_unique<LinePlacer>(fonts_, out, breakWorkspace_, breaks_);
    placer_->recordRuns(params_.recordRuns);
    // One glyph per code point but spaces, a few more for inserted hyphens and list markers: reserved once rather
    // than grown by doubling, which would briefly hold one and a half times the glyphs.
    out.glyphs.reserve(glyphEstimate_ + glyphEstimate_ / 32 + 64);
    nextPiece_ = 0;
    doneBytes_ = 0;
    y_ = 0;
    text_->open = false;
    if (pieces_.empty()) finish();
}

bool ArticleLayout::tooLooseToJustify(const ParagraphSetting& s, size_t count) {
    if (params_.align != Align::Auto || !s.justify || !placer_->stretchesSpacesPast(JustifyMaxSpaceRatio, count, s.endsParagraph))
        return false;
    // The whole column goes ragged (mixed alignment looks broken): the pieces placed so far, justified, are set again
    // from the first. The lines broken justified are not kept: ragged lines break elsewhere.
    justifying_ = false;
    startOver();
    return true;
}

bool ArticleLayout::advance(const std::function<bool()>& more) {
    if (!out_ || nextPiece_ >= pieces_.size()) return true;
    while (nextPiece_ < pieces_.size()) {
        // Whole blocks at a time, but for a windowed paragraph, which may stop between windows.
        const uint32_t block = pieces_[nextPiece_].block;
        while (nextPiece_ < pieces_.size() && pieces_[nextPiece_].block == block) {
            const Placed placed = placePiece(pieces_[nextPiece_], more);
            if (placed == Placed::Stopped) return false;  // between windows (out_->height is set)
            if (placed == Placed::StartedOver) break;     // from the first piece, ragged
            doneBytes_ += pieces_[nextPiece_].sourceBytes;
            ++nextPiece_;
        }
        out_->height = std::ceil(y_);
        if (nextPiece_ < pieces_.size() && !more()) return false;
    }
    finish();
    return true;
}

void ArticleLayout::finish() {
    placer_->finish();
    out_->height = std::ceil(y_);
    nextPiece_ = pieces_.size();
    // Every piece is measured now and a relayout at another width measures nothing again, so the shaped runs can go
    // (a long article's heap: `galley bench browser`). Windowed paragraphs measure their windows at every layout:
    // they keep it.
    bool windowed = false;
    for (const Piece& piece : pieces_) windowed |= piece.windowed;
    if (!windowed) shapingCache_.reset();
}

bool ArticleLayout::done() const { return out_ == nullptr || nextPiece_ >= pieces_.size(); }

uint32_t ArticleLayout::blocksDone() const {
    if (done()) return static_cast<uint32_t>(article_.blocks.size());
    const uint32_t block = pieces_[nextPiece_].block;
    return block == UINT32_MAX ? 0 : block;  // the header is not a block
}

size_t ArticleLayout::linesDone() const {
    if (!out_) return 0;
    return done() ? out_->lines.size() : placer_->linesUsed();
}

float ArticleLayout::progress() const {
    if (done() || totalBytes_ == 0) return 1.0f;
    const uint64_t inPiece = text_->open && pieces_[nextPiece_].windowed ? text_->byte : 0;
    return static_cast<float>(static_cast<double>(doneBytes_ + inPiece) / static_cast<double>(totalBytes_));
}

ArticleLayout::Placed ArticleLayout::placePiece(Piece& piece, const std::function<bool()>& more) {
    if (piece.role == LineRole::TableCell) return Placed::Whole;  // placed with its table
    if (piece.kind == Piece::Table) {
        placeTable(static_cast<size_t>(&piece - pieces_.data()));
        return Placed::Whole;
    }
    if (!text_->open) {
        if (!piece.measured) measurePiece(piece, params_.fontSize);
        if (piece.kind != Piece::Text) {
            placeFigure(piece);
            return Placed::Whole;
        }
        openText(piece);
        text_->open = true;
    }
    if (piece.windowed) {
        const Placed placed = setWindows(piece, more);
        if (placed != Placed::Whole) return placed;
    } else {
        const size_t lines = placer_->breakLines(piece.para, text_->setting);
        if (tooLooseToJustify(text_->setting, lines)) return Placed::StartedOver;
        y_ = text_->top + placer_->placeLines(piece.para, text_->setting, lines);
    }
    closeText(piece);
    text_->open = false;
    return Placed::Whole;
}

float ArticleLayout::indentPx(float ems) const { return std::min(ems * params_.fontSize, out_->width * 0.3f); }
float ArticleLayout::indentOf(const Piece& piece) const { return indentPx(piece.indent); }

void ArticleLayout::placeFigure(const Piece& piece) {
    DisplayList& out = *out_;
    const float width = out.width, em = params_.fontSize;
    y_ += piece.spaceBefore * em;
    if (piece.kind == Piece::Rule) {
        float rw = width * piece.ruleFraction;
        out.rules.push_back({(width - rw) / 2, y_, rw, 1.0f, ColorRole::Rule});
        y_ += 1.0f + piece.spaceAfter * em;
        return;
    }
    // An image: never upscaled past the intrinsic width; a narrower image is centred.
    const float x0 = indentOf(piece), w = width - x0;
    float iw = piece.imageWidth > 0 ? std::min(w, piece.imageWidth) : w;
    float h = std::round(iw * piece.imageAspect);
    out.images.push_back({x0 + std::floor((w - iw) / 2), y_, iw, h, piece.block, piece.src, piece.alt});
    y_ += h + piece.spaceAfter * em;
}

void ArticleLayout::openText(const Piece& piece) {
    const LayoutParams& params = params_;
    DisplayList& out = *out_;
    LinePlacer& placer = *placer_;
    const float width = out.width;
    const float em = params.fontSize;
    float& y = y_;
    y += piece.spaceBefore * em;
    // A right-to-left paragraph is indented from the right, its marker and quote bar on that side.
    const bool rtl = piece.textStyle.direction == WritingDirection::RightToLeft;
    const float indent = indentOf(piece), x0 = rtl ? 0.0f : indent, w = width - indent;
    const TextStyle& style = piece.textStyle;
    float lineHeightPx = (piece.lineHeight > 0 ? piece.lineHeight : params.lineHeight) * style.size;
    bool justify = justifying_ && !piece.ragged;
    if (piece.rulesAround) {
        out.rules.push_back({0, y, width, 2.0f, ColorRole::Accent});
        y += 0.5f * em;
    }
    const VerticalMetrics& vm = fonts_.face(style.face).metrics();
    const float size = style.size;
    // The first line's baseline, as the placer computes it.
    const float firstBaseline = y + (lineHeightPx - (vm.ascent + vm.descent) * size) / 2 + vm.ascent * size;
    if (piece.hasMarker && piece.marker) {
        // Marker right-aligned in the indent, on the first line's baseline; its line comes before the item's.
        const MeasuredParagraph& m = *piece.marker;
        float mw = m.boxes.empty() ? 0 : m.boxes[0].width;
        const float edge = piece.markerIndent >= 0 ? indentPx(piece.markerIndent) : indent;
        float mx = rtl ? width - edge + style::MarkerGap * em : edge - style::MarkerGap * em - mw;
        TextLine& markerLine = placer.beginLine();
        markerLine.block = piece.block;
        markerLine.role = LineRole::Marker;
        markerLine.item = piece.item;
        markerLine.level = piece.level;
        markerLine.number = piece.number;
        markerLine.face = m.style.face;
        markerLine.color = m.style.color;
        markerLine.last = true;
        markerLine.x = mx;
        markerLine.top = y;
        markerLine.height = lineHeightPx;
        markerLine.baseline = firstBaseline;
        markerLine.fontSize = m.style.size;
        markerLine.width = mw;
        WordBox& word = placer.addWord(markerLine);
        word.text = m.text;
        word.x = 0;
        word.width = mw;
        placer.endLine(markerLine);
        for (const ShapedGlyph& g : m.glyphs) {
            out.glyphs.push_back({mx + g.x, firstBaseline - g.yOffset(), m.style.size, g.glyph, g.face(), ColorRole::Muted, 1.0f,
                                  g.slice()});
            out.missingGlyphs += g.glyph == 0;
        }
    }
    ParagraphSetting& setting = text_->setting;
    setting = ParagraphSetting{};
    setting.x0 = x0;
    setting.y = y;
    setting.width = w;
    setting.justify = justify;
    setting.breaking = params.breaking;
    setting.hanging = params.hangingPunctuation;
    setting.expansion = params.fontExpansion;
    setting.letterSpacing = params.letterSpacing;
    setting.lineHeightPx = lineHeightPx;
    setting.role = piece.role;
    setting.block = piece.block;
    setting.level = piece.level;
    setting.item = piece.item;
    setting.source = static_cast<uint32_t>(&piece - pieces_.data());
    setting.markContinuations = piece.role == LineRole::Code;
    setting.sourceByte = static_cast<uint32_t>(piece.textStartByte);
    text_->minimumHeight = 0;
    if (piece.hasDropCap) placeDropCap(piece, x0, y, firstBaseline, lineHeightPx);
    text_->top = y;
    text_->firstLine = placer.linesUsed();
    text_->byte = piece.textStartByte;
    text_->codePoint = piece.textStartCodePoint;
    text_->lines = 0;
    text_->hyphenRun = 0;
    text_->lookBefore = 0;
}

void ArticleLayout::closeText(const Piece& piece) {
    DisplayList& out = *out_;
    const float width = out.width, em = params_.fontSize;
    y_ = text_->top + std::max(y_ - text_->top, text_->minimumHeight);
    if (piece.role == LineRole::Code) {
        // The continuation mark before each wrapped line of code, in the indent (it is not text: not in the line), in
        // the code's face and size. Measured at the first wrapped line, for the few blocks that have one: kept in
        // every piece, it cost a 100,455-word article 2.3 MB of heap.
        std::optional<MeasuredParagraph> mark;
        for (size_t l = text_->firstLine; l < placer_->linesUsed(); ++l) {
            TextLine& line = out.lines[l];
            if (!line.continues) continue;
            if (!mark) {
                RichText text;
                text.text = style::ContinuationMark;
                mark = measureParagraph(text, {FontStyle::Mono, piece.textStyle.size, ColorRole::Muted}, fonts_);
            }
            const MeasuredParagraph& m = *mark;
            if (m.boxes.empty()) break;
            const float mw = m.boxes[0].width;
            const float mx = line.x + line.hangLeft - style::MarkerGap * em * 0.5f - mw;
            line.continuationX = mx - line.x;
            for (const ShapedGlyph& g : m.glyphs)
                out.glyphs.push_back({mx + g.x, line.baseline - g.yOffset(), m.style.size, g.glyph, g.face(),
                                      ColorRole::Muted, 1.0f, g.slice()});
        }
    }
    if (piece.quoteBar) {
        const bool rtl = piece.textStyle.direction == WritingDirection::RightToLeft;
        // Left of the text by as much as a quote's (QuoteIndent - QuoteBarX), wherever the piece's indent puts it.
        const float inset = std::max(0.0f, indentOf(piece) - (style::QuoteIndent - style::QuoteBarX) * em);
        const float barX = rtl ? width - inset - style::QuoteBarWidth * em : inset;
        out.rules.push_back({barX, text_->top, style::QuoteBarWidth * em, y_ - text_->top, ColorRole::Rule});
    }
    if (piece.rulesAround) {
        y_ += 0.4f * em;
        out.rules.push_back({0, y_, width, 2.0f, ColorRole::Accent});
        y_ += 2.0f;
    }
    y_ += piece.spaceAfter * em;
}

const RichText* ArticleLayout::sourceText(uint32_t source) const {
    return source < pieces_.size() && pieces_[source].kind == Piece::Text ? &pieces_[source].text() : nullptr;
}

std::string noteReferenceAnchor(const std::string& noteId) { return "ref:" + noteId; }

RichText noteAsSet(const Note& note, const std::string& label) {
    if (label.empty()) return note.text;
    RichText out;
    out.text = label + "\u00A0" + note.text.text;
    const uint32_t shift = static_cast<uint32_t>(utf8::countCodePoints(label)) + 1;
    Mark back;
    back.kind = MarkKind::Link;
    back.start = 0;
    back.end = shift - 1;
    back.href = "#" + noteReferenceAnchor(note.id);
    out.marks.push_back(std::move(back));
    for (Mark m : note.text.marks) {
        m.start += shift;
        m.end += shift;
        out.marks.push_back(std::move(m));
    }
    return out;
}

RichText attributionAsSet(const Block& block) {
    RichText at = block.attribution;
    if (block.type != BlockType::Quote) return at;
    at.text = "\u2014 " + at.text;  // two code points: the marks move by two
    for (Mark& m : at.marks) { m.start += 2; m.end += 2; }
    return at;
}

}  // namespace galley
