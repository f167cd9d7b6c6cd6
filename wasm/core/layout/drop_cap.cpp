// drop_cap.cpp — the initial that opens a paragraph set with LayoutParams::dropCap: which code points it takes
// (opening quotes and one letter or digit), how it is measured, and where it is drawn: scaled so that its cap height
// runs from the first line's cap height down to the baseline of line N, its ink flush with the column's edge where
// the lines start (the right in a right-to-left paragraph), with the first N lines narrowed beside it.
#include "piece.h"

#include "block_style.h"
#include "char_class.h"
#include "shaper.h"
#include "utf8.h"

#include <algorithm>

namespace galley {

namespace {

// Code points of a paragraph's initial: opening quotes, then one letter or digit with the marks on it (Hebrew
// points). 0 when it opens otherwise, or with a letter of a joining script (isCursiveScript): an Arabic, Syriac or
// N'Ko letter joins the next, a Devanagari one hangs from the word's headline with it, and an initial set apart
// would cut that join (an Arabic letter would take the isolated form it never has inside its word).
size_t initialLength(const std::string& text, uint32_t& letter) {
    size_t i = 0, count = 0;
    while (i < text.size()) {
        const uint32_t cp = utf8::next(text, i);
        ++count;
        if (chars::isLetterOrDigit(cp)) {
            letter = cp;
            if (isCursiveScript(scriptOf(cp))) return 0;
            while (i < text.size()) {
                size_t next = i;
                if (!extendsCluster(utf8::next(text, next))) break;
                i = next;
                ++count;
            }
            return count;
        }
        if (!chars::isOpeningQuote(cp)) return 0;
    }
    return 0;
}

// The ink of a measured glyph, left and right, in em units from its pen position: in the face that holds it (a
// Hebrew letter is in a slice of its own).
void inkOf(const FontSet& fonts, const ShapedGlyph& g, float& left, float& right) {
    const FontFace* face = fonts.face(slotStyle(g.slot), slotSlice(g.slot));
    (face ? *face : fonts.face(slotStyle(g.slot))).inkExtent(g.glyph, left, right);
}

// How tall the letters of the initial's script stand, in ems: Hebrew letters by he (flat-topped, neither ascender
// nor descender) in their face, lower than a Latin capital; the others by the body face's capital H.
constexpr uint32_t ScriptHebrew = 0x48656272u;  // 'Hebr'
constexpr uint32_t HebrewReferenceLetter = 0x05D4;

float letterHeightOf(const FontSet& fonts, uint32_t letter) {
    const FontFace& body = fonts.face(FontStyle::Regular);
    if (scriptOf(letter) != ScriptHebrew) return body.capHeight();
    const FontFace* face = fonts.face(FontStyle::Regular, sliceOf(letter, {}));
    return (face ? *face : body).letterHeight(HebrewReferenceLetter);
}

}  // namespace

// Takes the initial off the first body paragraph (a piece about to be measured from `text`): measures the initial and
// moves the piece's text start past it.
void ArticleLayout::splitDropCap(Piece& piece, const RichText& text, float fs) {
    uint32_t letter = 0;
    const size_t length = initialLength(text.text, letter);
    if (length == 0) return;
    const size_t cut = utf8::byteOffset(text.text, length);
    RichText initial;
    initial.text = text.text.substr(0, cut);
    // In the paragraph's direction: a quote before a Hebrew letter goes to its right. Its glyphs are then left to
    // right, as ever.
    piece.initial = measureParagraph(initial, {FontStyle::Regular, fs, ColorRole::Accent, piece.textStyle.direction},
                                     fonts_);
    if (piece.initial.glyphs.empty()) return;
    piece.textStartByte = cut;
    piece.textStartCodePoint = static_cast<uint32_t>(length);
    piece.initialJoinsWord = cut < text.text.size() && text.text[cut] != ' ';
    float left = 0, right = 0, unused = 0;
    inkOf(fonts_, piece.initial.glyphs.front(), left, unused);
    inkOf(fonts_, piece.initial.glyphs.back(), unused, right);
    piece.initialInkLeft = left;
    piece.initialInkRight = piece.initial.glyphs.back().x / fs + right;
    piece.initialLetterHeight = letterHeightOf(fonts_, letter);
    piece.hasDropCap = true;
}


void ArticleLayout::placeDropCap(const Piece& piece, float x0, float y, float firstBaseline, float lineHeightPx) {
    DisplayList& out = *out_;
    LinePlacer& placer = *placer_;
    ParagraphSetting& setting = text_->setting;
    const float em = params_.fontSize, size = piece.textStyle.size, w = setting.width;
    // The initial's cap height (the height of its script's letters) runs from the first line's to the baseline of
    // line N.
    const int lines = measuredDropCapLines_;
    const float capEm = piece.initialLetterHeight;
    const float capSize = ((lines - 1) * lineHeightPx + capEm * size) / capEm;
    const float scale = capSize / piece.initial.style.size;
    const float baseline = firstBaseline + (lines - 1) * lineHeightPx;
    const float inkWidth = (piece.initialInkRight - piece.initialInkLeft) * capSize;
    // Ink flush with the column's edge where the lines start: the left, or the right of a right-to-left paragraph
    // (as its indent, marker and quote bar: layout.cpp).
    const bool atRight = piece.textStyle.direction == WritingDirection::RightToLeft;
    const float inkX = atRight ? x0 + w - inkWidth : x0;
    const float penX = inkX - piece.initialInkLeft * capSize;
    TextLine& capLine = placer.beginLine();
    capLine.block = piece.block;
    capLine.role = LineRole::DropCap;
    capLine.face = piece.initial.style.face;
    capLine.color = piece.initial.style.color;
    capLine.rightToLeft = atRight;
    capLine.endsInWord = piece.initialJoinsWord;
    capLine.x = inkX;
    capLine.top = y;
    capLine.height = lines * lineHeightPx;
    capLine.baseline = baseline;
    capLine.fontSize = capSize;
    capLine.width = inkWidth;
    WordBox& word = placer.addWord(capLine);
    word.text = piece.initial.text;
    word.x = 0;
    word.width = inkWidth;
    word.sourceEnd = static_cast<uint32_t>(piece.textStartByte);
    placer.endLine(capLine);
    for (const ShapedGlyph& g : piece.initial.glyphs) {
        out.glyphs.push_back({penX + g.x * scale, baseline - g.yOffset() * scale, capSize, g.glyph, g.face(), ColorRole::Accent, 1.0f,
                              g.slice()});
        out.missingGlyphs += g.glyph == 0;
    }
    setting.narrowLines = lines;
    setting.narrowAtRight = atRight;
    setting.narrowIndent = std::min(inkWidth + style::DropCapGap * em, w * 0.5f);
    text_->minimumHeight = lines * lineHeightPx;
}

}  // namespace galley
