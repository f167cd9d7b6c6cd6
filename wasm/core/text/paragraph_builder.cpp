// paragraph_builder.cpp — see paragraph_builder.h.
#include "paragraph_builder.h"

#include "char_class.h"
#include "utf8.h"

#include <algorithm>

namespace galley {

namespace {

bool isDashBreak(uint32_t cp) { return cp == '-' || cp == 0x2010 || cp == 0x2013 || cp == 0x2014; }

FontStyle styledImpl(FontStyle base, bool emphasis, bool strong) {
    bool italic = base == FontStyle::Italic || base == FontStyle::BoldItalic;
    bool bold = base == FontStyle::Bold || base == FontStyle::BoldItalic || base == FontStyle::SansBold;
    bool sans = base == FontStyle::Sans || base == FontStyle::SansBold;
    if (emphasis) italic = !italic;  // emphasis inside italic text sets upright, as in print
    if (strong) bold = true;
    if (sans) return bold ? FontStyle::SansBold : FontStyle::Sans;  // no sans italic shipped
    if (bold) return italic ? FontStyle::BoldItalic : FontStyle::Bold;
    return italic ? FontStyle::Italic : FontStyle::Regular;
}

// Hang fractions, named so the table reads as a style decision.
constexpr float HangFull = 1.0f;        // . , - ‐ (soft and hard hyphens)
constexpr float HangDoubleQuote = 0.7f; // “ ” " „ « »: most of the way; a full hang looks like a hole
constexpr float HangSingleQuote = 0.5f; // ‘ ’ ' (also apostrophes ending a word)
constexpr float HangColon = 0.5f;       // : ;
constexpr float HangEnDash = 0.3f;      // – (wide: a full hang would leave a visible notch)
constexpr float HangEmDash = 0.2f;      // —
constexpr float HangExclamation = 0.2f; // ! ?

}  // namespace

float hangLeftFraction(uint32_t cp) {
    switch (cp) {
        case 0x201C: case 0x201E: case '"': case 0xAB: case 0xBB: return HangDoubleQuote;
        case 0x2018: case '\'': return HangSingleQuote;
        default: return 0;
    }
}

float hangRightFraction(uint32_t cp) {
    switch (cp) {
        case '.': case ',': case '-': case 0x2010: case 0x2011: case 0xAD: return HangFull;
        case 0x201D: case '"': case 0xAB: case 0xBB: return HangDoubleQuote;
        case 0x2019: case '\'': return HangSingleQuote;
        case ':': case ';': return HangColon;
        case 0x2013: return HangEnDash;
        case 0x2014: return HangEmDash;
        case '!': case '?': return HangExclamation;
        default: return 0;
    }
}

FontStyle styledFace(FontStyle base, bool emphasis, bool strong) { return styledImpl(base, emphasis, strong); }

MeasuredParagraph measureParagraph(const RichText& rich, const TextStyle& style, const FontSet& fonts,
                                   const std::vector<uint32_t>* hyphenPoints, const MeasureOptions& options,
                                   const std::vector<uint32_t>* lastResortPoints) {
    MeasuredParagraph p;
    p.text = rich.text;
    p.style = style;
    const std::string& text = p.text;
    const FontFace& base = fonts.face(style.face);
    p.space = base.advance(base.glyphIndex(' ')) * style.size;
    p.hyphenGlyph = static_cast<uint16_t>(base.glyphIndex('-'));
    p.hyphenWidth = base.advance(p.hyphenGlyph) * style.size;
    p.expansionLimit = options.fontExpansion ? FontExpansionLimit : 0.0f;
    if (options.letterSpacing) {
        p.letterStretch = LetterSpacingMax * p.space;
        p.letterShrink = LetterSpacingMin * p.space;
    }

    // Per-code-point mark state from difference arrays: O(text + marks) however marks nest.
    size_t n = utf8::countCodePoints(text);
    p.glyphs.reserve(n);
    std::vector<int> emphasisDelta(n + 1, 0), strongDelta(n + 1, 0);
    std::vector<int32_t> linkAt(n, -1);
    for (const Mark& m : rich.marks) {
        uint32_t s = std::min<uint32_t>(m.start, n), e = std::min<uint32_t>(m.end, n);
        if (s >= e) continue;
        if (m.kind == MarkKind::Emphasis) { emphasisDelta[s]++; emphasisDelta[e]--; }
        else if (m.kind == MarkKind::Strong) { strongDelta[s]++; strongDelta[e]--; }
        else if (p.hrefs.size() < static_cast<size_t>(MaxLinksPerParagraph)) {
            int32_t id = static_cast<int32_t>(p.hrefs.size());
            p.hrefs.push_back(m.href);
            std::fill(linkAt.begin() + s, linkAt.begin() + e, id);
        }
    }
    // Hyphenation points in order, each with its penalty (a point in both lists takes the lower).
    std::vector<std::pair<uint32_t, float>> hyphenAt;
    if (hyphenPoints) for (uint32_t at : *hyphenPoints) hyphenAt.emplace_back(at, HyphenationPenalty);
    if (lastResortPoints) for (uint32_t at : *lastResortPoints) hyphenAt.emplace_back(at, CapitalisedHyphenationPenalty);
    std::sort(hyphenAt.begin(), hyphenAt.end());
    size_t nextHyphen = 0;

    int emphasis = 0, strong = 0;
    size_t i = 0;
    uint32_t cpIndex = 0;
    bool inBox = false, pendingSpace = false;
    BoxRef box;
    int prevGlyph = -1;
    FontStyle prevFace = FontStyle::Regular;
    FontSlice prevSlice = FontSlice{};

    // Hangs use the glyph's own advance (no kerning): what hangs is the glyph, not the space kerning gives it.
    uint32_t boxFirstCp = 0, lastCp = 0;
    float boxFirstAdvance = 0, lastAdvance = 0;
    // The box being closed ends at a hyphenation point: its last glyph has a letter gap after it, like every other
    // glyph of the word but its last. The layout needs no flag: it places what follows the box (the word's next box,
    // or the inserted hyphen) where the box's set width ends.
    bool gapAfterBox = false;
    auto closeBox = [&]() {
        if (!inBox) return;
        if (box.glyphCount > 0) {
            const ShapedGlyph& last = p.glyphs[box.firstGlyph + box.glyphCount - 1];
            box.width = last.x + last.advance;
            p.widestBox = std::max(p.widestBox, box.width);
            p.boxOfItem.push_back(static_cast<int32_t>(p.boxes.size()));
            BreakItem item = BreakItem::box(box.width);
            const float gaps = static_cast<float>(box.glyphCount - (gapAfterBox ? 0 : 1));
            item.stretch = p.expansionLimit * box.width + gaps * p.letterStretch;
            item.shrink = p.expansionLimit * box.width + gaps * p.letterShrink;
            item.hangLeft = hangLeftFraction(boxFirstCp) * boxFirstAdvance;
            item.hangRight = hangRightFraction(lastCp) * lastAdvance;
            p.items.push_back(item);
            p.boxes.push_back(box);
        }
        inBox = false;
        prevGlyph = -1;
    };
    auto addPenalty = [&](float width, float penalty, bool flagged) {
        p.items.push_back(BreakItem::pen(width, penalty, flagged));
        p.boxOfItem.push_back(-1);
    };

    while (i < text.size()) {
        size_t begin = i;
        uint32_t cp = utf8::next(text, i);
        emphasis += emphasisDelta[cpIndex];
        strong += strongDelta[cpIndex];
        int32_t link = linkAt[cpIndex];
        uint32_t thisIndex = cpIndex++;

        if (chars::isBreakingSpace(cp)) {
            closeBox();
            pendingSpace = !p.items.empty();
            continue;
        }
        // A Liang hyphenation point before this code point, inside a word.
        while (nextHyphen < hyphenAt.size() && hyphenAt[nextHyphen].first < thisIndex) ++nextHyphen;
        bool hyphenHere = nextHyphen < hyphenAt.size() && hyphenAt[nextHyphen].first == thisIndex && inBox;
        if (hyphenHere) {
            gapAfterBox = true;
            closeBox();
            gapAfterBox = false;
            addPenalty(p.hyphenWidth, hyphenAt[nextHyphen].second, true);
            p.items.back().hangRight = hangRightFraction('-') * p.hyphenWidth;
        }
        if (pendingSpace) {
            p.items.push_back(BreakItem::glue(p.space, p.space * SpaceStretch, p.space * SpaceShrink));
            p.boxOfItem.push_back(-1);
            pendingSpace = false;
        }
        if (!inBox) {
            box = BoxRef{static_cast<uint32_t>(p.glyphs.size()), 0, 0};
            inBox = true;
            prevGlyph = -1;
        }
        FontStyle faceStyle = styledImpl(style.face, emphasis > 0, strong > 0);
        const uint32_t drawn = cp == 0xA0 ? ' ' : cp;
        // The first slice that has the code point; .notdef of the first when none does.
        FontSlice slice = FontSlice{};
        const FontFace* face = &fonts.face(faceStyle);
        int glyph = face->glyphIndex(drawn);
        if (glyph == 0) {
            const FontSlice other = sliceOf(drawn);
            const FontFace* sliceFace = fonts.face(faceStyle, other);
            const int sliceGlyph = sliceFace ? sliceFace->glyphIndex(drawn) : 0;
            if (sliceGlyph != 0) {
                slice = other;
                face = sliceFace;
                glyph = sliceGlyph;
            } else {
                ++p.missingGlyphs;
            }
        }
        ShapedGlyph g;
        float x = 0;
        if (box.glyphCount > 0) {
            ShapedGlyph& prev = p.glyphs.back();
            if (prevGlyph >= 0 && prevFace == faceStyle && prevSlice == slice)
                prev.advance += face->kerning(prevGlyph, glyph) * style.size;
            x = prev.x + prev.advance;
        }
        g.x = x;
        g.advance = face->advance(glyph) * style.size;
        if (box.glyphCount == 0) {
            boxFirstCp = cp;
            boxFirstAdvance = g.advance;
        }
        lastCp = cp;
        lastAdvance = g.advance;
        g.glyph = static_cast<uint16_t>(glyph);
        g.face = faceStyle;
        g.slice = slice;
        g.link = static_cast<int16_t>(link);
        g.textBegin = static_cast<uint32_t>(begin);
        g.textLength = static_cast<uint8_t>(i - begin);
        p.glyphs.push_back(g);
        box.glyphCount++;
        prevGlyph = glyph;
        prevFace = faceStyle;
        prevSlice = slice;

        // Break after a hyphen or dash that sits between two non-space characters ("four-year-old", "1990–2000").
        if (isDashBreak(cp) && i < text.size() && box.glyphCount > 1) {
            size_t peek = i;
            uint32_t nextCp = utf8::next(text, peek);
            if (!chars::isSpace(nextCp) && !isDashBreak(nextCp)) {
                closeBox();
                addPenalty(0, ExplicitHyphenPenalty, true);
            }
        }
    }
    closeBox();
    // Finishing sequence: no break before the fill, infinite fill, forced break.
    p.items.push_back(BreakItem::pen(0, PenaltyForbidden, false));
    p.boxOfItem.push_back(-1);
    p.items.push_back(BreakItem::glue(0, 1e6f, 0));
    p.boxOfItem.push_back(-1);
    p.items.push_back(BreakItem::pen(0, PenaltyForced, false));
    p.boxOfItem.push_back(-1);
    return p;
}

const std::vector<BreakItem>& breakItemsFor(const MeasuredParagraph& p, float width, std::vector<BreakItem>& items,
                                            std::vector<int32_t>& boxOfItem, std::vector<BoxRef>& boxes,
                                            const std::vector<int32_t>*& outBoxOfItem,
                                            const std::vector<BoxRef>*& outBoxes) {
    if (p.widestBox <= width) {
        outBoxOfItem = &p.boxOfItem;
        outBoxes = &p.boxes;
        return p.items;
    }
    // Emergency: split over-wide boxes between glyphs, with a high penalty so ordinary breaks win where they exist.
    constexpr float GlyphBreakPenalty = 1000.0f;
    items.clear();
    boxOfItem.clear();
    boxes.clear();
    size_t count = p.items.size(), boxCount = p.boxes.size();  // reserved once: a 1 MB word makes a million items
    for (const BoxRef& b : p.boxes)
        if (b.width > width) count += b.glyphCount, boxCount += b.glyphCount;
    items.reserve(count);
    boxOfItem.reserve(count);
    boxes.reserve(boxCount);
    for (size_t k = 0; k < p.items.size(); ++k) {
        int32_t b = p.boxOfItem[k];
        if (b < 0 || p.boxes[b].width <= width) {
            items.push_back(p.items[k]);
            boxOfItem.push_back(b < 0 ? -1 : static_cast<int32_t>(boxes.size()));
            if (b >= 0) boxes.push_back(p.boxes[b]);
            continue;
        }
        const BoxRef& whole = p.boxes[b];
        for (uint32_t gi = 0; gi < whole.glyphCount; ++gi) {
            const ShapedGlyph& g = p.glyphs[whole.firstGlyph + gi];
            BoxRef piece{whole.firstGlyph + gi, 1, g.advance};
            BreakItem item = BreakItem::box(piece.width);
            item.breakBefore = gi > 0;
            item.penalty = GlyphBreakPenalty;
            // One glyph: no letter gaps. No hangs: a URL split is no punctuation.
            item.stretch = item.shrink = p.expansionLimit * piece.width;
            items.push_back(item);
            boxOfItem.push_back(static_cast<int32_t>(boxes.size()));
            boxes.push_back(piece);
        }
    }
    outBoxOfItem = &boxOfItem;
    outBoxes = &boxes;
    return items;
}

}  // namespace galley
