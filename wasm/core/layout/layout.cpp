// layout.cpp — see layout.h. Two passes: measure() turns the article into pieces (measured paragraphs, rules,
// image boxes) with their block styles; layout() breaks and places them for one width.
#include "layout.h"

#include "char_class.h"
#include "utf8.h"

#include <stb/stb_truetype.h>  // declarations only: font.cpp compiles stb_truetype

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace galley {

const char* lineRoleName(LineRole r) {
    switch (r) {
        case LineRole::Title: return "title";
        case LineRole::Subtitle: return "subtitle";
        case LineRole::Byline: return "byline";
        case LineRole::Paragraph: return "paragraph";
        case LineRole::Heading: return "heading";
        case LineRole::Quote: return "quote";
        case LineRole::Pullquote: return "pullquote";
        case LineRole::ListItem: return "list";
        case LineRole::Caption: return "caption";
        case LineRole::Attribution: return "attribution";
        case LineRole::Marker: return "marker";
        case LineRole::DropCap: return "dropcap";
    }
    return "?";
}

// Block styles, in ems of the body size. Kept together so the page's rhythm can be read (and tuned) in one place.
namespace style {
constexpr float TitleSize = 1.9f, TitleLineHeight = 1.2f;
constexpr float SubtitleSize = 1.2f, SubtitleLineHeight = 1.4f;
constexpr float BylineSize = 0.8f;
constexpr float HeadingSizes[6] = {1.6f, 1.35f, 1.2f, 1.05f, 1.0f, 1.0f};
constexpr float HeadingLineHeight = 1.25f, HeadingSpaceBefore = 1.4f, HeadingSpaceAfter = 0.4f;
constexpr float ParagraphSpacing = 0.8f;
constexpr float QuoteIndent = 1.5f, QuoteBarX = 0.35f, QuoteBarWidth = 0.15f;
constexpr float PullquoteSize = 1.35f, PullquoteLineHeight = 1.35f;
constexpr float ListIndent = 1.6f, ListItemSpacing = 0.3f, MarkerGap = 0.5f;
constexpr float CaptionSize = 0.85f;
constexpr float HeaderRuleGap = 1.2f;
constexpr float ImageAspect = 9.0f / 16.0f;  // when the bundle gives no size
constexpr float DropCapGap = 0.3f;           // between the initial's ink and the text beside it
constexpr int DropCapMinLines = 2, DropCapMaxLines = 4;
}  // namespace style

struct ArticleLayout::Piece {
    enum Kind : uint8_t { Text, Rule, Image } kind = Text;
    LineRole role = LineRole::Paragraph;
    uint32_t block = UINT32_MAX;
    int level = 0;
    // Text: what to measure, kept so that measuring can wait until the piece is placed (incremental layout sets
    // the first screen without measuring the rest). `source` points into the article; header lines and quote
    // attributions are built here and kept in ownedSource.
    const RichText* source = nullptr;
    RichText ownedSource;
    const RichText& text() const { return source ? *source : ownedSource; }
    TextStyle textStyle;
    bool hyphenate = false;
    bool wantsDropCap = false;     // the first body paragraph, when LayoutParams::dropCap
    bool measured = false;
    uint32_t sourceBytes = 0;      // for progress: how much text this piece is
    // Text longer than two windows is measured and broken a window at a time when placed, never whole (and so not
    // kept measured between layouts); `para` stays empty.
    bool windowed = false;
    size_t textStartByte = 0;      // where the text to set starts in the source (after a drop cap's initial)...
    uint32_t textStartCodePoint = 0;
    MeasuredParagraph para;        // Text, once measured (not windowed)
    MeasuredParagraph marker;      // ListItem: "•" or "3."
    std::string markerText;
    bool hasMarker = false;
    bool ragged = false;           // never justified (titles, headings, captions)
    float indent = 0;              // em of the body size
    float lineHeight = 1.5f;       // multiple of the piece's own size; 0 = the params' body line height
    float spaceBefore = 0;         // em of the body size
    float spaceAfter = 0;
    bool quoteBar = false;         // draw a bar left of the lines (block quotes)
    bool rulesAround = false;      // pull quotes
    float ruleFraction = 1.0f;     // Rule: fraction of the column, centred
    float imageAspect = 0;         // Image: height / width
    float imageWidth = 0;          // Image: intrinsic width in CSS px (0: unknown, fill the column)
    // Drop cap: the initial (opening quotes and one letter or digit), measured at the body size and scaled at layout
    // so that its cap height spans the first dropCapLines lines; the paragraph holds the rest of the text.
    bool hasDropCap = false;
    MeasuredParagraph initial;
    bool initialJoinsWord = false; // the initial's word goes on after it ("T" + "he")
    float initialInkLeft = 0;      // ink box of the initial, in ems of its size, from its pen position
    float initialInkRight = 0;
    std::string src, alt;
};

ArticleLayout::ArticleLayout(const FontSet& fonts, const Article& article)
    : fonts_(fonts), article_(article), text_(std::make_unique<TextInProgress>()) {}
ArticleLayout::~ArticleLayout() = default;

static const char* const MonthNames[12] = {"January", "February", "March", "April", "May", "June", "July",
                                          "August", "September", "October", "November", "December"};

std::string formatDateEnglish(const std::string& iso) {
    if (iso.size() < 10) return iso;
    int year = std::atoi(iso.substr(0, 4).c_str()), month = std::atoi(iso.substr(5, 2).c_str()),
        day = std::atoi(iso.substr(8, 2).c_str());
    if (month < 1 || month > 12) return iso;
    return std::string(MonthNames[month - 1]) + " " + std::to_string(day) + ", " + std::to_string(year);
}

static std::string joinAuthors(const std::vector<Author>& authors) {
    std::string out;
    for (size_t i = 0; i < authors.size(); ++i) {
        if (i > 0) out += i + 1 == authors.size() ? " and " : ", ";
        out += authors[i].name;
    }
    return out;
}

// What the measured boxes may stretch by: a change of either means measuring again.
static MeasureOptions measureOptionsOf(const LayoutParams& params) { return {params.fontExpansion, params.letterSpacing}; }

void ArticleLayout::plan(const LayoutParams& params) {
    pieces_.clear();
    totalBytes_ = 0;
    glyphEstimate_ = 0;
    const float fs = params.fontSize;
    // `text` is either in the article (kept by address) or a temporary (copied into the piece).
    auto addTextFrom = [&](LineRole role, const RichText* inArticle, RichText owned, TextStyle ts, bool hyphenate) -> Piece& {
        Piece piece;
        piece.role = role;
        piece.source = inArticle;
        piece.ownedSource = std::move(owned);
        piece.textStyle = ts;
        piece.hyphenate = hyphenate;
        const std::string& text = piece.text().text;
        piece.sourceBytes = static_cast<uint32_t>(text.size()) + 1;
        totalBytes_ += piece.sourceBytes;
        // Glyphs to come: code points other than spaces (UTF-8 continuation bytes start no code point).
        for (char c : text) glyphEstimate_ += (static_cast<unsigned char>(c) & 0xC0) != 0x80 && c != ' ';
        pieces_.push_back(std::move(piece));
        return pieces_.back();
    };
    auto addText = [&](LineRole role, const RichText& text, TextStyle ts, bool hyphenate) -> Piece& {
        return addTextFrom(role, &text, {}, ts, hyphenate);
    };
    auto addOwnedText = [&](LineRole role, RichText text, TextStyle ts, bool hyphenate) -> Piece& {
        return addTextFrom(role, nullptr, std::move(text), ts, hyphenate);
    };
    auto plain = [](std::string s) { RichText t; t.text = std::move(s); return t; };

    // Header: headline, dek, byline, rule.
    Piece& title = addOwnedText(LineRole::Title, plain(article_.title), {FontStyle::Bold, fs * style::TitleSize, ColorRole::Text}, false);
    title.ragged = true;
    title.lineHeight = style::TitleLineHeight;
    title.spaceAfter = 0.5f;
    if (!article_.subtitle.empty()) {
        Piece& dek = addOwnedText(LineRole::Subtitle, plain(article_.subtitle),
                             {FontStyle::Italic, fs * style::SubtitleSize, ColorRole::Muted}, false);
        dek.ragged = true;
        dek.lineHeight = style::SubtitleLineHeight;
        dek.spaceAfter = 0.5f;
    }
    std::vector<std::string> bylineParts;
    if (!article_.authors.empty()) bylineParts.push_back("By " + joinAuthors(article_.authors));
    if (!article_.source.name.empty()) bylineParts.push_back(article_.source.name);
    if (!article_.published.empty())
        bylineParts.push_back(params.dateText.empty() ? formatDateEnglish(article_.published) : params.dateText);
    if (!bylineParts.empty()) {
        std::string byline;
        for (size_t i = 0; i < bylineParts.size(); ++i) byline += (i ? "  \u00B7  " : "") + bylineParts[i];
        Piece& by = addOwnedText(LineRole::Byline, plain(byline), {FontStyle::Sans, fs * style::BylineSize, ColorRole::Muted}, false);
        by.ragged = true;
    }
    {
        Piece rule;
        rule.kind = Piece::Rule;
        rule.spaceBefore = style::HeaderRuleGap * 0.6f;
        rule.spaceAfter = style::HeaderRuleGap;
        pieces_.push_back(std::move(rule));
    }

    // Body blocks. A drop cap opens the article's first block when that is a paragraph.
    for (uint32_t bi = 0; bi < article_.blocks.size(); ++bi) {
        const Block& b = article_.blocks[bi];
        size_t first = pieces_.size();
        switch (b.type) {
            case BlockType::Paragraph: {
                Piece& p = addText(LineRole::Paragraph, b.text, {FontStyle::Regular, fs, ColorRole::Text}, true);
                p.lineHeight = 0;
                p.spaceAfter = style::ParagraphSpacing;
                p.wantsDropCap = params.dropCap && bi == 0;
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
                    Piece& item = addText(LineRole::ListItem, b.items[i], {FontStyle::Regular, fs, ColorRole::Text}, true);
                    item.indent = style::ListIndent;
                    item.lineHeight = 0;
                    item.spaceAfter = i + 1 == b.items.size() ? style::ParagraphSpacing : style::ListItemSpacing;
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
                pieces_.push_back(std::move(img));
                if (!b.caption.empty()) {
                    Piece& c = addText(LineRole::Caption, b.caption, {FontStyle::Sans, fs * style::CaptionSize, ColorRole::Muted}, false);
                    c.ragged = true;
                    c.spaceAfter = style::ParagraphSpacing;
                }
                break;
            }
            case BlockType::Divider: {
                Piece rule;
                rule.kind = Piece::Rule;
                rule.ruleFraction = 0.2f;
                rule.spaceBefore = 0.4f;
                rule.spaceAfter = style::ParagraphSpacing + 0.4f;
                pieces_.push_back(std::move(rule));
                break;
            }
        }
        for (size_t k = first; k < pieces_.size(); ++k) {
            pieces_[k].block = bi;
            if (pieces_[k].role == LineRole::Heading) pieces_[k].level = std::clamp(b.level, 1, 6);
        }
    }
    measuredFor_ = fs;
    measureOptions_ = measureOptionsOf(params);
    nextPiece_ = pieces_.size();  // nothing laid out for these pieces yet: begin() starts over
    measuredDropCapLines_ = params.dropCap ? std::clamp(params.dropCapLines, style::DropCapMinLines, style::DropCapMaxLines) : 0;
}

namespace {

// Code points of a paragraph's initial: opening quotes, then one letter or digit. 0 when it opens otherwise.
size_t initialLength(const std::string& text) {
    size_t i = 0, count = 0;
    while (i < text.size()) {
        const uint32_t cp = utf8::next(text, i);
        ++count;
        if (chars::isLetterOrDigit(cp)) return count;
        if (!chars::isOpeningQuote(cp)) return 0;
    }
    return 0;
}

// Height of capital H above the baseline, in ems; the ascent's 70% if the face has no H.
float capHeightEm(const FontFace& face) {
    const auto* info = static_cast<const stbtt_fontinfo*>(face.stbFontInfo());
    int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    const int h = face.glyphIndex('H');
    if (h == 0 || !stbtt_GetGlyphBox(info, h, &x0, &y0, &x1, &y1) || y1 <= 0) return face.metrics().ascent * 0.7f;
    return static_cast<float>(y1) / static_cast<float>(face.unitsPerEm());
}

// Horizontal ink extent of a glyph, in ems from its pen position.
void inkExtentEm(const FontFace& face, uint16_t glyph, float& left, float& right) {
    const auto* info = static_cast<const stbtt_fontinfo*>(face.stbFontInfo());
    int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    if (!stbtt_GetGlyphBox(info, glyph, &x0, &y0, &x1, &y1)) x0 = x1 = 0;
    left = static_cast<float>(x0) / static_cast<float>(face.unitsPerEm());
    right = static_cast<float>(x1) / static_cast<float>(face.unitsPerEm());
}

}  // namespace

// Takes the initial off the first body paragraph (a piece about to be measured from `text`): measures the initial and
// moves the piece's text start past it.
void ArticleLayout::splitDropCap(Piece& piece, const RichText& text, float fs) {
    const size_t length = initialLength(text.text);
    if (length == 0) return;
    const size_t cut = utf8::byteOffset(text.text, length);
    RichText initial;
    initial.text = text.text.substr(0, cut);
    piece.initial = measureParagraph(initial, {FontStyle::Regular, fs, ColorRole::Accent}, fonts_);
    if (piece.initial.glyphs.empty()) return;
    piece.textStartByte = cut;
    piece.textStartCodePoint = static_cast<uint32_t>(length);
    piece.initialJoinsWord = cut < text.text.size() && text.text[cut] != ' ';
    const FontFace& face = fonts_.face(FontStyle::Regular);
    float left = 0, right = 0, unused = 0;
    inkExtentEm(face, piece.initial.glyphs.front().glyph, left, unused);
    inkExtentEm(face, piece.initial.glyphs.back().glyph, unused, right);
    piece.initialInkLeft = left;
    piece.initialInkRight = piece.initial.glyphs.back().x / fs + right;
    piece.hasDropCap = true;
}

MeasuredParagraph ArticleLayout::measureText(const Piece& piece, size_t beginByte, size_t endByte,
                                             uint32_t beginCodePoint) const {
    const RichText& source = piece.text();
    RichText slice;
    const bool whole = beginByte == 0 && endByte == source.text.size();
    if (!whole) slice = sliceRichText(source, beginByte, endByte, beginCodePoint);
    const RichText& text = whole ? source : slice;
    std::vector<uint32_t> points;
    const bool hyphenate = piece.hyphenate && hyphenate_;
    if (hyphenate) hyphenate_(text.text, points);
    return measureParagraph(text, piece.textStyle, fonts_, hyphenate ? &points : nullptr, measureOptions_);
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
    if (piece.hasMarker) {
        RichText marker;
        marker.text = piece.markerText;
        piece.marker = measureParagraph(marker, {FontStyle::Regular, fs, ColorRole::Muted}, fonts_);
    }
}

namespace {

// Good book practice: a ladder of three hyphens at the right edge is never worth the spacing it saves.
constexpr int MaxConsecutiveHyphens = 2;

// A window of a long paragraph is broken as if the paragraph ended with it. Its last lines, set for that false end,
// are given back and set again at the start of the next window: an ending changes Knuth-Plass's choices only a few
// lines up (the README's Typesetting section compares windows with whole paragraphs).
constexpr size_t WindowOverlapLines = 4;

// How one paragraph is set: where, how wide, and with which of the breaker's options.
struct ParagraphSetting {
    float x0 = 0, y = 0, width = 0;   // column position of the text and its measure
    bool justify = true;
    Breaking breaking = Breaking::Optimal;
    bool hanging = false;             // hanging punctuation
    bool expansion = false;           // font expansion
    bool letterSpacing = false;       // letter spacing
    float lineHeightPx = 0;
    LineRole role = LineRole::Paragraph;
    uint32_t block = 0;
    int level = 0;
    int narrowLines = 0;              // the first lines are indented by narrowIndent (a drop cap beside them)
    float narrowIndent = 0;
    bool endsParagraph = true;        // false for a window of a long paragraph that more text follows
    int hyphenBreaksBefore = 0;       // a window: hyphen breaks in a row at the end of the lines before it...
    float lookBefore = 0;             // ...and how loose the last of them looked (BreakParams::lookBefore)
};

}  // namespace

// The text piece being set: how, where it started, and how far its windows have come.
struct ArticleLayout::TextInProgress {
    bool open = false;        // the piece's opening (space, marker, drop cap) is placed
    ParagraphSetting setting;
    float top = 0;            // where its lines start
    float minimumHeight = 0;  // a drop cap's lines
    size_t byte = 0;          // windowed: where the next window starts in the source text...
    uint32_t codePoint = 0;
    size_t lines = 0;         // ...how many lines the windows before it placed...
    int hyphenRun = 0;        // ...how many of the last of them, in a row, end at a hyphen break...
    float lookBefore = 0;     // ...and how loose the last one looks
};

// Breaks one measured paragraph (or window of one) and places its lines, appending to the display list. Keeps its
// scratch vectors between paragraphs so that a relayout allocates little beyond the output itself.
class LinePlacer {
public:
    LinePlacer(const FontSet& fonts, DisplayList& out, BreakWorkspace& workspace, std::vector<LineBreak>& breaks)
        : fonts_(fonts), out_(out), workspace_(workspace), breaks_(breaks) {}

    // The next line of the output. Lines left from an earlier layout into the same list are reused with their word
    // vectors and strings, so a relayout allocates almost nothing.
    TextLine& beginLine() {
        if (linesUsed_ == out_.lines.size()) out_.lines.emplace_back();
        TextLine& line = out_.lines[linesUsed_++];
        std::vector<WordBox> words = std::move(line.words);
        line = TextLine{};
        line.words = std::move(words);
        wordsUsed_ = 0;
        return line;
    }
    WordBox& addWord(TextLine& line) {
        if (wordsUsed_ == line.words.size()) line.words.emplace_back();
        return line.words[wordsUsed_++];
    }
    void endLine(TextLine& line) { line.words.resize(wordsUsed_); }
    // Drops lines left over from the earlier layout.
    void finish() { out_.lines.resize(linesUsed_); }
    size_t linesUsed() const { return linesUsed_; }

    // Breaks and places all of `p`; returns the height used.
    float place(const MeasuredParagraph& p, const ParagraphSetting& s) { return placeLines(p, s, breakLines(p, s)); }

    // Chooses the breaks of `p` (kept until the next call); returns the number of lines.
    size_t breakLines(const MeasuredParagraph& p, const ParagraphSetting& s) {
        const float narrowest = s.narrowLines > 0 ? s.width - s.narrowIndent : s.width;
        items_ = &breakItemsFor(p, narrowest, scratchItems_, scratchBoxOfItem_, scratchBoxes_, boxOfItem_, boxes_);
        const std::vector<BreakItem>& items = *items_;
        const bool optimal = s.breaking == Breaking::Optimal;
        breakParams_.lineWidths.assign(static_cast<size_t>(std::max(0, s.narrowLines)), s.width - s.narrowIndent);
        breakParams_.lineWidths.push_back(s.width);
        breakParams_.justify = s.justify;
        // The measured boxes stretch by what the settings allow (ArticleLayout measures with the same flags).
        breakParams_.boxAdjust =
            optimal && s.justify && (s.expansion || s.letterSpacing) ? BoxAdjust::First : BoxAdjust::None;
        breakParams_.hangingPunctuation = optimal && s.hanging;
        breakParams_.maxConsecutiveHyphens = MaxConsecutiveHyphens;
        breakParams_.hyphenBreaksBefore = s.hyphenBreaksBefore;
        breakParams_.lookBefore = s.lookBefore;
        if (optimal) breakOptimal(items, breakParams_, workspace_, breaks_);
        else breaks_ = breakFirstFit(items, breakParams_);
        return breaks_.size();
    }

    // Whether line `line` of the last breakLines() ends at a hyphen break (inserted or after a dash: a flagged penalty).
    bool endsAtHyphenBreak(size_t line) const {
        const BreakItem& end = (*items_)[breaks_[line].item];
        return end.kind == BreakItem::Penalty && end.flagged;
    }

    // How loose line `line` of the last breakLines() looks, as BreakParams::lookBefore wants it.
    float lookOf(size_t line) const {
        const LineBreak& br = breaks_[line];
        return br.ratio + (breakParams_.boxAdjust == BoxAdjust::First ? br.boxRatio : 0.0f);
    }

    // Byte offset in p.text where the line after line `line` of the last breakLines() starts; p.text.size() when no
    // text follows it.
    size_t textAfterLine(const MeasuredParagraph& p, size_t line) const {
        const std::vector<BreakItem>& items = *items_;
        for (size_t k = lineStartAfterBreak(items, breaks_[line].item); k < items.size(); ++k)
            if (items[k].kind == BreakItem::Box) return p.glyphs[(*boxes_)[(*boxOfItem_)[k]].firstGlyph].textBegin;
        return p.text.size();
    }

    // Places the first `count` lines of the last breakLines() (of the same paragraph and setting); returns their
    // height. The last of them ends the paragraph only if it is its last line and s.endsParagraph.
    float placeLines(const MeasuredParagraph& p, const ParagraphSetting& s, size_t count) {
        const std::vector<BreakItem>& items = *items_;
        const std::vector<int32_t>* boxOfItem = boxOfItem_;
        const std::vector<BoxRef>* boxes = boxes_;
        const std::vector<LineBreak>& breaks = breaks_;
        count = std::min(count, breaks.size());

        const VerticalMetrics& vm = fonts_.face(p.style.face).metrics();
        const float size = p.style.size;
        const float halfLeading = (s.lineHeightPx - (vm.ascent + vm.descent) * size) / 2;
        size_t start = 0;
        float top = s.y;
        for (size_t li = 0; li < count; ++li) {
            const LineBreak& br = breaks[li];
            while (start < br.item && items[start].kind != BreakItem::Box) ++start;
            TextLine& line = beginLine();
            line.block = s.block;
            line.role = s.role;
            line.level = s.level;
            line.last = s.endsParagraph && li + 1 == breaks.size();
            line.hangLeft = br.hangLeft;
            line.hangRight = line.last ? 0.0f : br.hangRight;
            line.x = s.x0 + (static_cast<int>(li) < s.narrowLines ? s.narrowIndent : 0.0f) - line.hangLeft;
            line.top = top;
            line.height = s.lineHeightPx;
            line.baseline = top + halfLeading + vm.ascent * size;
            line.fontSize = size;
            line.space = p.space;
            // Justified lines take the breaker's ratios; a last line may shrink (the breaker chose that) but never
            // stretches. Never shrink past the glue's or the letters' limit.
            float ratio = s.justify ? std::max(br.ratio, -1.0f) : 0.0f;
            float boxRatio = s.justify && breakParams_.boxAdjust != BoxAdjust::None ? std::clamp(br.boxRatio, -1.0f, 1.0f) : 0.0f;
            if (line.last) {
                ratio = std::min(ratio, 0.0f);
                boxRatio = std::min(boxRatio, 0.0f);
            }
            // The box ratio applies to both parts of the boxes' stretch: the glyphs' scale and the gaps between them.
            line.scaleX = 1 + boxRatio * p.expansionLimit;
            line.letterSpacing = boxRatio * (boxRatio >= 0 ? p.letterStretch : p.letterShrink);
            const float scale = line.scaleX, letterGap = line.letterSpacing;
            // x runs from the line's ink start (line.x): the hanging glyph, if any, starts there.
            float x = 0;
            bool wordOpen = false;
            int32_t linkRun = -1;
            float linkStart = 0, linkEnd = 0;
            auto closeLink = [&]() {
                if (linkRun < 0) return;
                out_.links.push_back({line.x + linkStart, top, linkEnd - linkStart, s.lineHeightPx,
                                      static_cast<uint32_t>(out_.hrefs.size())});
                out_.hrefs.push_back(p.hrefs[linkRun]);
                linkRun = -1;
            };
            for (size_t k = start; k < br.item; ++k) {
                const BreakItem& it = items[k];
                if (it.kind == BreakItem::Glue) {
                    x += it.width + (ratio >= 0 ? ratio * it.stretch : ratio * it.shrink);
                    wordOpen = false;
                    continue;
                }
                if (it.kind != BreakItem::Box) continue;
                const BoxRef& b = (*boxes)[(*boxOfItem)[k]];
                // = it.width * scale + (glyphCount - 1) * letterGap: where the last glyph ends.
                const float setWidth = it.width + (boxRatio >= 0 ? boxRatio * it.stretch : boxRatio * it.shrink);
                const ShapedGlyph* g = &p.glyphs[b.firstGlyph];
                const float base = g[0].x;
                for (uint32_t gi = 0; gi < b.glyphCount; ++gi) {
                    const float gx = x + (g[gi].x - base) * scale + static_cast<float>(gi) * letterGap;
                    const int32_t link = g[gi].link;
                    const ColorRole color = link >= 0 ? ColorRole::Link : p.style.color;
                    out_.glyphs.push_back({line.x + gx, line.baseline, size, g[gi].glyph, g[gi].face, color, scale});
                    if (link != linkRun) {
                        closeLink();
                        if (link >= 0) { linkRun = link; linkStart = gx; }
                    }
                    if (link >= 0) linkEnd = gx + g[gi].advance * scale;
                }
                const uint32_t textBegin = g[0].textBegin, textEnd = g[b.glyphCount - 1].textEnd();
                if (wordOpen && wordsUsed_ > 0) {
                    WordBox& w = line.words[wordsUsed_ - 1];
                    w.text.append(p.text, textBegin, textEnd - textBegin);
                    w.width = x + setWidth - w.x;
                } else {
                    WordBox& w = addWord(line);
                    w.text.assign(p.text, textBegin, textEnd - textBegin);
                    w.x = x;
                    w.width = setWidth;
                }
                wordOpen = true;
                x += setWidth;
            }
            const BreakItem& end = items[br.item];
            line.endsInWord = end.kind != BreakItem::Glue && !line.last;  // a hyphen, a dash or between glyphs
            if (end.kind == BreakItem::Penalty && end.width > 0 && !line.last) {
                // An inserted hyphen, at its natural width (the breaker measured it so).
                out_.glyphs.push_back({line.x + x, line.baseline, size, p.hyphenGlyph, p.style.face, p.style.color, 1.0f});
                if (wordsUsed_ > 0) {
                    line.words[wordsUsed_ - 1].text += '-';
                    line.words[wordsUsed_ - 1].width += end.width;
                }
                x += end.width;
                line.hyphenated = true;
            }
            closeLink();
            line.width = x;
            endLine(line);
            top += s.lineHeightPx;
            start = lineStartAfterBreak(items, br.item);
        }
        return top - s.y;
    }

private:
    const FontSet& fonts_;
    DisplayList& out_;
    BreakWorkspace& workspace_;
    std::vector<LineBreak>& breaks_;
    size_t linesUsed_ = 0, wordsUsed_ = 0;
    BreakParams breakParams_;
    std::vector<BreakItem> scratchItems_;
    std::vector<int32_t> scratchBoxOfItem_;
    std::vector<BoxRef> scratchBoxes_;
    // The items of the last breakLines(): the paragraph's own, or the scratch ones when it split wide boxes.
    const std::vector<BreakItem>* items_ = nullptr;
    const std::vector<int32_t>* boxOfItem_ = nullptr;
    const std::vector<BoxRef>* boxes_ = nullptr;
};

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
    if (measuredFor_ != params.fontSize || measuredDropCapLines_ != dropCapLines || measureOptions_ != measureOptionsOf(params))
        plan(params);
    params_ = params;
    out_ = &out;
    out.width = std::max(params.width, 1.0f);
    out.height = 0;
    out.glyphs.clear();
    out.rules.clear();
    out.links.clear();
    out.hrefs.clear();
    out.images.clear();
    placer_ = std::make_unique<LinePlacer>(fonts_, out, breakWorkspace_, breaks_);
    // One glyph per code point but spaces, a few more for inserted hyphens and list markers: reserved once rather
    // than grown by doubling, which would briefly hold one and a half times the glyphs.
    out.glyphs.reserve(glyphEstimate_ + glyphEstimate_ / 32 + 64);
    nextPiece_ = 0;
    doneBytes_ = 0;
    y_ = 0;
    text_->open = false;
    if (pieces_.empty()) finish();
}

bool ArticleLayout::advance(const std::function<bool()>& more) {
    if (!out_ || nextPiece_ >= pieces_.size()) return true;
    while (nextPiece_ < pieces_.size()) {
        // Whole blocks at a time, but for a windowed paragraph, which may stop between windows.
        const uint32_t block = pieces_[nextPiece_].block;
        while (nextPiece_ < pieces_.size() && pieces_[nextPiece_].block == block) {
            if (!placePiece(pieces_[nextPiece_], more)) return false;  // between windows (out_->height is set)
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

bool ArticleLayout::placePiece(Piece& piece, const std::function<bool()>& more) {
    if (!text_->open) {
        if (!piece.measured) measurePiece(piece, params_.fontSize);
        if (piece.kind != Piece::Text) {
            placeFigure(piece);
            return true;
        }
        openText(piece);
        text_->open = true;
    }
    if (piece.windowed) {
        if (!setWindows(piece, more)) return false;
    } else {
        y_ = text_->top + placer_->place(piece.para, text_->setting);
    }
    closeText(piece);
    text_->open = false;
    return true;
}

float ArticleLayout::indentOf(const Piece& piece) const {
    return std::min(piece.indent * params_.fontSize, out_->width * 0.3f);
}

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
    const int dropCapLines = measuredDropCapLines_;
    float& y = y_;
    y += piece.spaceBefore * em;
    const float x0 = indentOf(piece), w = width - x0;
    const TextStyle& style = piece.textStyle;
    float lineHeightPx = (piece.lineHeight > 0 ? piece.lineHeight : params.lineHeight) * style.size;
    bool justify = params.align == Align::Justify && !piece.ragged;
    if (piece.rulesAround) {
        out.rules.push_back({0, y, width, 2.0f, ColorRole::Accent});
        y += 0.5f * em;
    }
    const VerticalMetrics& vm = fonts_.face(style.face).metrics();
    const float size = style.size;
    // The first line's baseline, as the placer computes it.
    const float firstBaseline = y + (lineHeightPx - (vm.ascent + vm.descent) * size) / 2 + vm.ascent * size;
    if (piece.hasMarker) {
        // Marker right-aligned in the indent, on the first line's baseline; its line comes before the item's.
        const MeasuredParagraph& m = piece.marker;
        float mw = m.boxes.empty() ? 0 : m.boxes[0].width;
        float mx = x0 - style::MarkerGap * em - mw;
        TextLine& markerLine = placer.beginLine();
        markerLine.block = piece.block;
        markerLine.role = LineRole::Marker;
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
        for (const ShapedGlyph& g : m.glyphs)
            out.glyphs.push_back({mx + g.x, firstBaseline, m.style.size, g.glyph, g.face, ColorRole::Muted, 1.0f});
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
    text_->minimumHeight = 0;
    if (piece.hasDropCap) {
        // The initial's cap height runs from the first line's cap height to the baseline of line N.
        const int lines = dropCapLines;
        const float capEm = capHeightEm(fonts_.face(FontStyle::Regular));
        const float capSize = ((lines - 1) * lineHeightPx + capEm * size) / capEm;
        const float scale = capSize / piece.initial.style.size;
        const float baseline = firstBaseline + (lines - 1) * lineHeightPx;
        const float penX = x0 - piece.initialInkLeft * capSize;  // ink flush with the column's edge
        const float inkWidth = (piece.initialInkRight - piece.initialInkLeft) * capSize;
        TextLine& capLine = placer.beginLine();
        capLine.block = piece.block;
        capLine.role = LineRole::DropCap;
        capLine.endsInWord = piece.initialJoinsWord;
        capLine.x = x0;
        capLine.top = y;
        capLine.height = lines * lineHeightPx;
        capLine.baseline = baseline;
        capLine.fontSize = capSize;
        capLine.width = inkWidth;
        WordBox& word = placer.addWord(capLine);
        word.text = piece.initial.text;
        word.x = 0;
        word.width = inkWidth;
        placer.endLine(capLine);
        for (const ShapedGlyph& g : piece.initial.glyphs)
            out.glyphs.push_back({penX + g.x * scale, baseline, capSize, g.glyph, g.face, ColorRole::Accent, 1.0f});
        setting.narrowLines = lines;
        setting.narrowIndent = std::min(inkWidth + style::DropCapGap * em, w * 0.5f);
        text_->minimumHeight = lines * lineHeightPx;
    }
    text_->top = y;
    text_->byte = piece.textStartByte;
    text_->codePoint = piece.textStartCodePoint;
    text_->lines = 0;
    text_->hyphenRun = 0;
    text_->lookBefore = 0;
}

// Sets a windowed piece a window at a time from where it stopped; false when more() stopped it between windows. A
// window that does not keep some lines beyond those it gives back is measured again, twice as long.
bool ArticleLayout::setWindows(const Piece& piece, const std::function<bool()>& more) {
    const std::string& text = piece.text().text;
    LinePlacer& placer = *placer_;
    while (text_->byte < text.size()) {
        for (size_t span = windowBytes;; span *= 2) {
            size_t end = text.size() - text_->byte <= span ? text.size() : text_->byte + span;
            while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;  // code points
            const bool last = end == text.size();
            const MeasuredParagraph para = measureText(piece, text_->byte, end, text_->codePoint);
            ParagraphSetting s = text_->setting;
            s.y = y_;
            s.narrowLines = std::max(0, text_->setting.narrowLines - static_cast<int>(text_->lines));
            s.endsParagraph = last;
            s.hyphenBreaksBefore = text_->hyphenRun;
            s.lookBefore = text_->lookBefore;
            const size_t lines = placer.breakLines(para, s);
            if (!last && lines <= WindowOverlapLines + static_cast<size_t>(s.narrowLines)) continue;
            // The window's last lines were set as a paragraph's end (and the last one may end inside a word where the
            // window was cut): they are given back, and the next window starts where they did.
            const size_t keep = last ? lines : lines - WindowOverlapLines;
            const size_t next = last ? para.text.size() : placer.textAfterLine(para, keep - 1);
            if (next == 0) continue;  // kept lines without text (never seen): a window must move on
            y_ += placer.placeLines(para, s, keep);
            text_->lines += keep;
            for (size_t li = 0; li < keep; ++li)
                text_->hyphenRun = placer.endsAtHyphenBreak(li) ? text_->hyphenRun + 1 : 0;
            if (keep > 0) text_->lookBefore = placer.lookOf(keep - 1);
            text_->codePoint += static_cast<uint32_t>(utf8::countCodePoints(std::string_view(para.text).substr(0, next)));
            text_->byte += next;
            if (last) text_->byte = text.size();
            break;
        }
        out_->height = std::ceil(y_);  // what more() may ask about
        if (text_->byte < text.size() && !more()) return false;
    }
    return true;
}

void ArticleLayout::closeText(const Piece& piece) {
    DisplayList& out = *out_;
    const float width = out.width, em = params_.fontSize;
    y_ = text_->top + std::max(y_ - text_->top, text_->minimumHeight);
    if (piece.quoteBar)
        out.rules.push_back({style::QuoteBarX * em, text_->top, style::QuoteBarWidth * em, y_ - text_->top, ColorRole::Rule});
    if (piece.rulesAround) {
        y_ += 0.4f * em;
        out.rules.push_back({0, y_, width, 2.0f, ColorRole::Accent});
        y_ += 2.0f;
    }
    y_ += piece.spaceAfter * em;
}

RichText attributionAsSet(const Block& block) {
    RichText at = block.attribution;
    if (block.type != BlockType::Quote) return at;
    at.text = "\u2014 " + at.text;  // two code points: the marks move by two
    for (Mark& m : at.marks) { m.start += 2; m.end += 2; }
    return at;
}

// Mirrors plan(): the base face of each kind of text, and what its marks derive from it.
uint32_t facesUsed(const Article& article) {
    uint32_t used = 0;
    auto add = [&used](FontStyle s) { used |= 1u << static_cast<int>(s); };
    auto addText = [&](const RichText& text, FontStyle base) {
        if (text.text.empty()) return;
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
    };
    add(FontStyle::Bold);  // title
    add(FontStyle::Sans);  // byline
    if (!article.subtitle.empty()) add(FontStyle::Italic);
    for (const Block& b : article.blocks) {
        switch (b.type) {
            case BlockType::Paragraph: addText(b.text, FontStyle::Regular); break;
            case BlockType::Heading: addText(b.text, FontStyle::Bold); break;
            case BlockType::Quote:
            case BlockType::Pullquote:
                addText(b.text, FontStyle::Italic);
                addText(b.attribution, FontStyle::Sans);
                break;
            case BlockType::List:
                for (const RichText& item : b.items) addText(item, FontStyle::Regular);
                break;
            case BlockType::Image: addText(b.caption, FontStyle::Sans); break;
            case BlockType::Divider: break;
        }
    }
    add(FontStyle::Regular);  // always: the fallback of every face
    return used;
}

}  // namespace galley
