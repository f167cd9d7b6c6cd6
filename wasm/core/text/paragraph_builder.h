// paragraph_builder.h — collect and measure: rich text → styled, shaped glyphs → Knuth-Plass items.
//
// Each word (text between breaking spaces) is itemised into runs of one face slice and one script (a code point takes
// the first slice that has it; marks, joiners and variation selectors stay with their base) and each run is shaped by
// HarfBuzz (shaper.h): ligatures, kerning, marks. Boxes are cut from the shaped word at break opportunities that fall
// on a cluster boundary (a hyphenation point inside a ligature is not one).
//
// Measuring (fonts, kerning, mark styles) is done once per paragraph and font size; the items it yields do not depend
// on the line width, so a width change re-runs only the line breaker. The exception is a box wider than the line
// (a long URL, a 1 MB "word"): buildBreakItems splits such boxes between glyphs so the paragraph still sets.
//
// Break opportunities: spaces (glue), and after hyphens and dashes inside words (flagged penalties).
// Hyphenation points (Liang) are added by the caller through `hyphenPoints`, as code point offsets in the text.
//
// Micro-typography is measured here too, and the breaker decides whether to use it (BreakParams): every box may
// expand or condense by FontExpansionLimit of its width (pdfTeX's font expansion) and widen or narrow each gap
// between its glyphs by LetterSpacingMax/Min of a space (InDesign's justification letter spacing), both as the box's
// stretch and shrink; and it carries how far its first and last glyphs may hang into the margins (hanging
// punctuation, pdfTeX's character protrusion).
#pragma once

#include "font.h"
#include "line_breaker.h"
#include "model.h"
#include "text_style.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

namespace galley {

class ThaiDictionary;
class ShapingCache;

// Penalties for breaks that are not spaces (TeX's \exhyphenpenalty and \hyphenpenalty).
constexpr float ExplicitHyphenPenalty = 50.0f;
constexpr float HyphenationPenalty = 30.0f;  // below TeX's 50: expansion and hanging already even out most lines
// A capitalised word (a name: "Chun-ying") breaks only as a last resort: with demerits (1 + badness)^2 + penalty^2,
// a break here is worth it only where the line would otherwise set its spaces at about 1.8 times their width or more
// (badness 100 r^3 of about 600 at r = 0.8 of the stretch).
constexpr float CapitalisedHyphenationPenalty = 600.0f;
// Glue of an inter-word space, as fractions of its width (TeX's defaults for Computer Modern: 1/2 and 1/3).
constexpr float SpaceStretch = 0.5f;
constexpr float SpaceShrink = 0.25f;
// Other break opportunities inside a run without spaces (UAX #14: after a slash, before an em dash), taken at a
// hyphen's cost so that a line rather breaks at a space.
constexpr float InnerBreakPenalty = ExplicitHyphenPenalty;
// Between the characters of scripts written without spaces (Han, kana, Thai words), where UAX #14 allows a break: a
// glue of no width that stretches by this fraction of a word space's width, so that a justified line of Chinese
// spreads its characters evenly (the CSS text-justify: inter-character of CJK typesetting), and never shrinks.
constexpr float InterCharacterStretch = 0.25f;

// Font expansion: boxes stretch and shrink by this fraction of their width (pdfTeX's usual \pdfadjustspacing limit
// of 20 thousandths: beyond it letter shapes visibly distort).
constexpr float FontExpansionLimit = 0.02f;

// Letter spacing as a justification resource, as InDesign's justification settings have it (letter spacing
// minimum/desired/maximum, in percent of a space per gap between letters; its usual book settings are about
// -2% / 0 / +5%): each gap between two glyphs of a box may widen by up to LetterSpacingMax of the paragraph's space
// and narrow by up to LetterSpacingMin of it. At 18 px Noto Serif a space is 4.7 px, so that is at most 0.23 px
// wider (13 thousandths of an em) or 0.09 px narrower per gap: below what a reader sees as tracking, yet over a
// line's 60-80 letter gaps it gives the justification 14-19 px that the spaces need not take. A box that ends at a
// hyphenation point counts the gap after its last glyph too (the gap before the word's next box, or before the
// inserted hyphen), so a word is spaced evenly wherever it may break; the gap after an explicit hyphen or dash inside
// a word ("four-year") is not spaced, since a line may end there with nothing after it.
constexpr float LetterSpacingMax = 0.05f;
constexpr float LetterSpacingMin = 0.02f;

// Which adjustable widths measured boxes carry as stretch and shrink (the breaker uses them before the spaces).
struct MeasureOptions {
    bool fontExpansion = true;
    bool letterSpacing = true;
    std::string language;   // BCP 47, the article's: shaping's `locl` forms, UAX #14's tailoring
    const ThaiDictionary* thai = nullptr;  // Thai words broken by libthai's dictionary; null: Thai runs do not break
    const CjkTiers* cjkTiers = nullptr;    // which slice holds a CJK character; null: the last slice of its face
    bool operator==(const MeasureOptions& o) const {
        return fontExpansion == o.fontExpansion && letterSpacing == o.letterSpacing && language == o.language &&
               thai == o.thai && cjkTiers == o.cjkTiers;
    }
    bool operator!=(const MeasureOptions& o) const { return !(*this == o); }
};

// Hanging punctuation: the fraction of a glyph's advance that hangs into the margin at a line's start when it starts
// the line, or at its end when it ends it (the left and right margins of a left-to-right line, the right and left of a
// right-to-left one). Periods, commas and hyphens hang fully (they are light and low, so a full hang gives an optically
// straight edge); quotes most of the way; colons, semicolons and dashes partly. 0: does not hang.
float hangStartFraction(uint32_t codePoint);
float hangEndFraction(uint32_t codePoint);

// 20 bytes: a measured article holds one per character (a 100,000-word article, about 600,000), kept for relayout.
// Glyphs of a box are in visual order (left to right). A glyph's pen position is where the one before it (in the
// box) ended: its box's x0 plus the advances before it; x is where it is drawn, the pen plus HarfBuzz's x offset.
struct ShapedGlyph {
    float x = 0;            // from the start of its box, CSS px: pen position plus x offset
    float advance = 0;      // CSS px the pen moves on, kerning included
    uint32_t textBegin = 0; // byte offset in the paragraph text of the cluster this glyph was shaped from...
    uint16_t glyph = 0;     // glyph id in the face of `slot`
    int16_t link = -1;      // index into MeasuredParagraph::hrefs (MaxLinksPerParagraph at most)
    // 32 bits for three: the emoji and CJK slices take face slots past one byte (CJK's small frequency slices, 400 of
    // them, past nine bits).
    int32_t yOffset16 : 12; // raised by this many 16ths of a CSS px (marks stacked by the font), within ±128 px
    uint32_t slot : 12;     // faceSlot(style, slice): the face and the slice of it that holds the glyph
    uint32_t textLength : 8;  // ...and the cluster's length in bytes (a ligature's several code points; 255 at most)
    ShapedGlyph() : yOffset16(0), slot(0), textLength(0) {}
    uint32_t textEnd() const { return textBegin + textLength; }
    FontStyle face() const { return slotStyle(slot); }
    FontSlice slice() const { return slotSlice(slot); }
    float yOffset() const { return static_cast<float>(yOffset16) / 16.0f; }
};
static_assert(sizeof(ShapedGlyph) <= 20, "ShapedGlyph grew: it is per character of the article");
constexpr int MaxLinksPerParagraph = 32767;  // later links in a paragraph are set as plain text

// A box: an unbreakable run of glyphs (a word, or the part of one between break opportunities).
struct BoxRef {
    uint32_t firstGlyph = 0;
    uint32_t glyphCount : 31;
    // Letter spacing may widen its gaps (false for joining scripts: Arabic, Devanagari's headline).
    uint32_t letterSpaced : 1;
    float width = 0;
    float x0 = 0;           // pen position of its first glyph in the glyphs' x (0 but for a split box's pieces)
    BoxRef(uint32_t first = 0, uint32_t count = 0, float w = 0, float x = 0, bool spaced = true)
        : firstGlyph(first), glyphCount(count), letterSpaced(spaced ? 1 : 0), width(w), x0(x) {}
};
static_assert(sizeof(BoxRef) == 16, "BoxRef: one per word of the article");

struct MeasuredParagraph {
    std::string text;                       // the paragraph's text (UTF-8)
    TextStyle style;
    float space = 0;                        // natural inter-word space, CSS px
    float hyphenWidth = 0;                  // width of an inserted hyphen, CSS px
    uint16_t hyphenGlyph = 0;
    std::vector<ShapedGlyph> glyphs;
    std::vector<std::string> hrefs;
    // The width-independent item list: boxes (with boxOfItem[i] >= 0), glue and penalties, finishing sequence included.
    std::vector<BreakItem> items;
    std::vector<int32_t> boxOfItem;
    std::vector<BoxRef> boxes;
    float widestBox = 0;
    uint32_t missingGlyphs = 0;             // code points no loaded face has: set as .notdef (glyph 0)
    // Bidi (bidi.h): the embedding level of each byte of the text, or empty when every byte is at level 0 (a
    // left-to-right paragraph without right-to-left text: nothing to reorder). baseLevel 1: a right-to-left paragraph.
    std::vector<uint8_t> levels;
    uint8_t baseLevel = 0;
    bool rightToLeft() const { return (baseLevel & 1) != 0; }
    // What a box's stretch and shrink are made of, for the layout to apply a box ratio r in [-1, 1]: glyphs scale by
    // 1 + r * expansionLimit and every gap between a box's glyphs changes by r * letterStretch (r > 0) or
    // r * letterShrink (r < 0) px. A box of n glyphs and width w stretches by expansionLimit * w + (n - 1) *
    // letterStretch, or n * letterStretch when it ends at a hyphenation point (the gap after its last glyph).
    float expansionLimit = 0;
    float letterStretch = 0, letterShrink = 0;
    // Glyphs set small (SmallGlyphScale of the size, raised or lowered already): superscripts and subscripts the face
    // has no superior or inferior forms for. Indices into `glyphs`, ascending; empty in most paragraphs.
    std::vector<uint32_t> smallGlyphs;
    // Text struck through (strikethrough marks): byte ranges [first, second) of `text`, ascending, apart.
    std::vector<std::pair<uint32_t, uint32_t>> struck;
    bool isSmall(uint32_t glyph) const {
        return !smallGlyphs.empty() && std::binary_search(smallGlyphs.begin(), smallGlyphs.end(), glyph);
    }
    bool isStruck(uint32_t byte) const;
};

// Superscripts and subscripts: the face's own superior and inferior forms (OpenType `sups`, `subs`: figures, signs,
// a few letters), else the glyph at SmallGlyphScale raised by SuperscriptRise or lowered by SubscriptDrop of the em,
// as a browser sets <sup> and <sub> (its 'smaller' is about 0.83, which looks heavy; 0.7 is nearer a font's own
// superiors).
constexpr float SmallGlyphScale = 0.7f;
constexpr float SuperscriptRise = 0.34f;
constexpr float SubscriptDrop = 0.14f;
// Where a strikethrough rule goes, above the baseline, and how thick it is, in ems: through the middle of the
// lower case (Noto's x-height is about 0.54 em).
constexpr float StrikeRise = 0.27f;
constexpr float StrikeThickness = 0.055f;

// The face a run is set in: `base` with emphasis (italic, or upright inside italic) and strong (bold) applied.
FontStyle styledFace(FontStyle base, bool emphasis, bool strong);

// `hyphenPoints` take HyphenationPenalty, `lastResortPoints` CapitalisedHyphenationPenalty (code point offsets).
// `cache` (may be null) keeps shaped runs across the paragraphs of one layout.
MeasuredParagraph measureParagraph(const RichText& text, const TextStyle& style, const FontSet& fonts,
                                   const std::vector<uint32_t>* hyphenPoints = nullptr,
                                   const MeasureOptions& options = MeasureOptions(),
                                   const std::vector<uint32_t>* lastResortPoints = nullptr,
                                   ShapingCache* cache = nullptr);

// The items for a line of the given width: the measured items, with boxes wider than `width` split between glyphs.
// Returns the measured items themselves when nothing needs splitting (the common case: no copy).
const std::vector<BreakItem>& breakItemsFor(const MeasuredParagraph& p, float width, std::vector<BreakItem>& scratchItems,
                                            std::vector<int32_t>& scratchBoxOfItem, std::vector<BoxRef>& scratchBoxes,
                                            const std::vector<int32_t>*& boxOfItem, const std::vector<BoxRef>*& boxes);

}  // namespace galley
