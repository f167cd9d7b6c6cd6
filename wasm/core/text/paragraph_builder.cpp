// paragraph_builder.cpp — see paragraph_builder.h.
#include "paragraph_builder.h"

#include "bidi.h"
#include "char_class.h"
#include "emoji.h"
#include "line_breaks.h"
#include "shaper.h"
#include "utf8.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace galley {

namespace {

bool isDashBreak(uint32_t cp) { return cp == '-' || cp == 0x2010 || cp == 0x2013 || cp == 0x2014; }

FontStyle styledImpl(FontStyle base, bool emphasis, bool strong) {
    if (base == FontStyle::Mono) return base;  // code: no italic or bold monospace shipped
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
constexpr float HangFull = 1.0f;        // . , - ‐ (soft and hard hyphens), Arabic ، and ۔, Hebrew maqaf ־
constexpr float HangDoubleQuote = 0.7f; // “ ” " „ « »: most of the way; a full hang looks like a hole
constexpr float HangSingleQuote = 0.5f; // ‘ ’ ' (also apostrophes ending a word)
constexpr float HangColon = 0.5f;       // : ; Arabic ؛, Hebrew sof pasuq ׃
constexpr float HangEnDash = 0.3f;      // – (wide: a full hang would leave a visible notch)
constexpr float HangEmDash = 0.2f;      // —
constexpr float HangExclamation = 0.2f; // ! ? Arabic ؟

}  // namespace

float hangStartFraction(uint32_t cp) {
    switch (cp) {
        case 0x201C: case 0x201E: case '"': case 0xAB: case 0xBB: return HangDoubleQuote;
        case 0x2018: case '\'': return HangSingleQuote;
        default: return 0;
    }
}

float hangEndFraction(uint32_t cp) {
    switch (cp) {
        case '.': case ',': case '-': case 0x2010: case 0x2011: case 0xAD: return HangFull;
        case 0x060C: case 0x06D4: case 0x05BE: return HangFull;  // Arabic comma, Arabic (Urdu) full stop, maqaf
        case 0x201D: case '"': case 0xAB: case 0xBB: return HangDoubleQuote;
        case 0x2019: case '\'': return HangSingleQuote;
        case ':': case ';': case 0x061B: case 0x05C3: return HangColon;  // and Arabic semicolon, sof pasuq
        case 0x2013: return HangEnDash;
        case 0x2014: return HangEmDash;
        case '!': case '?': case 0x061F: return HangExclamation;  // and Arabic question mark
        default: return 0;
    }
}

FontStyle styledFace(FontStyle base, bool emphasis, bool strong) { return styledImpl(base, emphasis, strong); }

bool MeasuredParagraph::isStruck(uint32_t byte) const {
    if (struck.empty()) return false;
    auto it = std::upper_bound(struck.begin(), struck.end(), byte,
                               [](uint32_t b, const std::pair<uint32_t, uint32_t>& r) { return b < r.first; });
    return it != struck.begin() && byte < std::prev(it)->second;
}

namespace {

// One code point of the paragraph, with what the marks make of it.
struct CodePointInfo {
    uint32_t cp = 0;
    uint32_t byte = 0;
    FontStyle style = FontStyle::Regular;
    TextPosition position = TextPosition::Normal;
    int32_t link = -1;
};

// A place inside a word where a line may end.
struct InnerBreak {
    enum Kind : uint8_t { Hyphenation, Dash, Other, InterCharacter };
    uint32_t byte = 0;
    Kind kind = Other;
    float penalty = 0;
    bool hyphenation() const { return kind == Hyphenation; }
};

// A run to shape: code points [first, last) of a word in one face slot, one script and one bidi level.
struct Run {
    uint32_t first = 0, last = 0;
    FaceSlot slot = 0;
    uint8_t level = 0;
    uint32_t script = ScriptCommon;
    TextPosition position = TextPosition::Normal;
};

// A shaped glyph of the word being measured, before it is cut into boxes.
struct WordGlyph {
    ShapedRunGlyph g;
    uint32_t clusterEnd = 0;  // byte where its cluster ends
    FaceSlot slot = 0;
    bool rightToLeft = false;
    bool cursive = false;
    TextPosition position = TextPosition::Normal;  // set small, raised or lowered (no superior or inferior form)
};

const FontFace& faceOfSlot(const FontSet& fonts, FaceSlot slot) {
    const FontStyle style = slotStyle(slot);
    const FontFace* f = fonts.face(style, slotSlice(slot));
    return f ? *f : fonts.face(style);
}

bool isScript(uint32_t script) {
    return script != ScriptCommon && script != ScriptInherited && script != ScriptUnknown;
}

// Code points that may make a paragraph need bidi: right-to-left letters and the explicit controls (RLM, ALM, RLE,
// RLO, RLI). Without any, a left-to-right paragraph is all at level 0.
bool mayNeedBidi(uint32_t cp) {
    return (cp >= 0x0590 && cp <= 0x08FF) || (cp >= 0xFB1D && cp <= 0xFDFF) || (cp >= 0xFE70 && cp <= 0xFEFF) ||
           (cp >= 0x10800 && cp <= 0x10FFF) || (cp >= 0x1E800 && cp <= 0x1EFFF) || cp == 0x200F || cp == 0x061C ||
           cp == 0x202B || cp == 0x202E || cp == 0x2067;
}

// Scripts written without spaces between words: their inner breaks are inter-character glue.
bool isSpacelessScript(uint32_t script) {
    switch (script) {
        case 0x48616E69u: /* Hani */ case 0x48697261u: /* Hira */ case 0x4B616E61u: /* Kana */
        case 0x426F706Fu: /* Bopo */ case 0x54686169u: /* Thai */ case 0x4C616F6Fu: /* Laoo */
        case 0x4B686D72u: /* Khmr */ case 0x4D796D72u: /* Mymr */ case 0x59696969u: /* Yiii */
            return true;
        default:
            return false;
    }
}

// Spaces of a fixed width (thin, hair, punctuation, figure, the em quads, ideographic): a line may break at them,
// but they are not word spaces and do not stretch or shrink.
bool isFixedWidthSpace(uint32_t cp) { return (cp >= 0x2000 && cp <= 0x200A) || cp == 0x205F || cp == 0x3000; }

}  // namespace

MeasuredParagraph measureParagraph(const RichText& rich, const TextStyle& style, const FontSet& fonts,
                                   const std::vector<uint32_t>* hyphenPoints, const MeasureOptions& options,
                                   const std::vector<uint32_t>* lastResortPoints, ShapingCache* cache) {
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
    const size_t n = utf8::countCodePoints(text);
    p.glyphs.reserve(n);
    std::vector<CodePointInfo> cps(n);
    {
        enum { Emphasis, Strong, Code, Super, Sub, Strike, Kinds };
        std::vector<std::array<int, Kinds>> delta(n + 1, std::array<int, Kinds>{});
        std::vector<int32_t> linkAt(n, -1);
        for (const Mark& m : rich.marks) {
            uint32_t s = std::min<uint32_t>(m.start, n), e = std::min<uint32_t>(m.end, n);
            if (s >= e) continue;
            int kind = -1;
            switch (m.kind) {
                case MarkKind::Emphasis: kind = Emphasis; break;
                case MarkKind::Strong: kind = Strong; break;
                case MarkKind::Code: kind = Code; break;
                case MarkKind::Superscript: case MarkKind::Note: kind = Super; break;
                case MarkKind::Subscript: kind = Sub; break;
                case MarkKind::Strikethrough: kind = Strike; break;
                case MarkKind::Link: break;
            }
            if (kind >= 0) { delta[s][kind]++; delta[e][kind]--; }
            // A note reference links to its note (layout sets the notes with anchors: noteAnchor).
            if ((m.kind == MarkKind::Link || m.kind == MarkKind::Note) &&
                p.hrefs.size() < static_cast<size_t>(MaxLinksPerParagraph)) {
                int32_t id = static_cast<int32_t>(p.hrefs.size());
                p.hrefs.push_back(m.kind == MarkKind::Link ? m.href : "#" + m.note);
                std::fill(linkAt.begin() + s, linkAt.begin() + e, id);
            }
        }
        std::array<int, Kinds> open{};
        size_t i = 0;
        for (size_t k = 0; k < n; ++k) {
            for (int j = 0; j < Kinds; ++j) open[j] += delta[k][j];
            cps[k].byte = static_cast<uint32_t>(i);
            cps[k].cp = utf8::next(text, i);
            cps[k].style = open[Code] > 0 ? FontStyle::Mono : styledImpl(style.face, open[Emphasis] > 0, open[Strong] > 0);
            cps[k].position = open[Super] > 0 ? TextPosition::Superscript
                              : open[Sub] > 0 ? TextPosition::Subscript : TextPosition::Normal;
            cps[k].link = linkAt[k];
            if (open[Strike] > 0) {
                if (!p.struck.empty() && p.struck.back().second == cps[k].byte) p.struck.back().second = static_cast<uint32_t>(i);
                else p.struck.emplace_back(cps[k].byte, static_cast<uint32_t>(i));
            }
        }
    }
    auto byteOf = [&](size_t k) { return k < n ? cps[k].byte : static_cast<uint32_t>(text.size()); };

    // Bidi levels, only where they can be other than 0.
    bool bidi = style.direction != WritingDirection::LeftToRight;
    for (size_t k = 0; k < n && !bidi; ++k) bidi = mayNeedBidi(cps[k].cp);
    if (bidi) {
        const BidiDirection d = style.direction == WritingDirection::RightToLeft ? BidiDirection::RightToLeft
                              : style.direction == WritingDirection::Auto        ? BidiDirection::Auto
                                                                                 : BidiDirection::LeftToRight;
        const BidiParagraph levels = resolveBidi(text, d);
        p.baseLevel = levels.baseLevel();
        bool any = p.baseLevel != 0;
        p.levels.resize(text.size());
        for (size_t b = 0; b < text.size(); ++b) any |= (p.levels[b] = levels.level(b)) != 0;
        if (!any) p.levels.clear();
    }
    auto levelOf = [&](size_t k) -> uint8_t { return p.levels.empty() ? 0 : p.levels[cps[k].byte]; };
    // Where UAX #14 lets a line end (with the language's tailoring; Thai by its dictionary).
    const std::vector<BreakOpportunity> opportunities = lineBreaks(text, options.language, options.thai);
    // The code point holding byte b, searched for among code points [from, to) (a word's: a few steps).
    auto codePointAt = [&](uint32_t b, size_t from, size_t to) {
        auto it = std::upper_bound(cps.begin() + static_cast<std::ptrdiff_t>(from),
                                   cps.begin() + static_cast<std::ptrdiff_t>(to), b,
                                   [](uint32_t v, const CodePointInfo& c) { return v < c.byte; });
        return static_cast<size_t>(it == cps.begin() ? 0 : (it - cps.begin()) - 1);
    };

    // Hyphenation points in order, each with its penalty (a point in both lists takes the lower).
    std::vector<std::pair<uint32_t, float>> hyphenAt;
    if (hyphenPoints) for (uint32_t at : *hyphenPoints) hyphenAt.emplace_back(at, HyphenationPenalty);
    if (lastResortPoints) for (uint32_t at : *lastResortPoints) hyphenAt.emplace_back(at, CapitalisedHyphenationPenalty);
    std::sort(hyphenAt.begin(), hyphenAt.end());
    size_t nextHyphen = 0;

    Shaper shaper;
    std::vector<ShapedRunGlyph> shaped;
    std::vector<uint32_t> clusters;
    std::vector<Run> runs;
    std::vector<WordGlyph> word, reordered;
    std::vector<size_t> runStarts;
    std::vector<InnerBreak> inner;
    std::vector<uint32_t> wordCodePoints;
    std::vector<EmojiPart> emojiPartsOf;
    constexpr FaceSlot NoSlot = 0xFFFF;
    std::vector<FaceSlot> emojiSlot;  // per code point of the word: the slot of its emoji sequence, or NoSlot

    auto addPenalty = [&](float width, float penalty, bool flagged) {
        p.items.push_back(BreakItem::pen(width, penalty, flagged));
        p.boxOfItem.push_back(-1);
    };

    // Itemises, shapes and cuts into boxes the word of code points [a, b): no breaking space inside.
    auto measureWord = [&](size_t a, size_t b) {
        // Where the word may break inside: UAX #14's opportunities (after a hyphen or a dash, at a soft hyphen, after a
        // zero-width space, between Han characters or Thai words...) and the hyphenation points. A dash or soft
        // hyphen wins over a hyphenation point at the same place.
        inner.clear();
        for (size_t k = a + 1; k < b; ++k) {
            if (opportunities[cps[k].byte] == BreakOpportunity::None) continue;
            const uint32_t before = cps[k - 1].cp;
            if (before == 0xAD) {
                inner.push_back({cps[k].byte, InnerBreak::Hyphenation, HyphenationPenalty});
            } else if (isDashBreak(before) || before == 0x2012 || before == 0x058A || before == 0x05BE) {
                inner.push_back({cps[k].byte, InnerBreak::Dash, ExplicitHyphenPenalty});
            } else if (isSpacelessScript(scriptOf(before)) || isSpacelessScript(scriptOf(cps[k].cp)) ||
                       before >= 0x3000 || cps[k].cp >= 0x3000) {
                inner.push_back({cps[k].byte, InnerBreak::InterCharacter, 0.0f});
            } else if (before != 0x200B) {
                inner.push_back({cps[k].byte, InnerBreak::Other, InnerBreakPenalty});
            } else {
                inner.push_back({cps[k].byte, InnerBreak::Other, 0.0f});  // a zero-width space: a break, free
            }
        }
        const size_t fromUax14 = inner.size();
        while (nextHyphen < hyphenAt.size() && hyphenAt[nextHyphen].first <= a) ++nextHyphen;
        for (; nextHyphen < hyphenAt.size() && hyphenAt[nextHyphen].first < b; ++nextHyphen) {
            const uint32_t at = byteOf(hyphenAt[nextHyphen].first);
            bool taken = false;
            for (size_t i = 0; i < fromUax14 && !taken; ++i) taken = inner[i].byte == at;
            if (!taken && (inner.size() == fromUax14 || inner.back().byte != at))
                inner.push_back({at, InnerBreak::Hyphenation, hyphenAt[nextHyphen].second});
        }
        std::sort(inner.begin(), inner.end(), [](const InnerBreak& x, const InnerBreak& y) { return x.byte < y.byte; });

        // Emoji sequences shown as emoji (emoji.h), whole, in the emoji slice that holds them, if that face has their
        // first code point: so that HarfBuzz ligates them (a keycap's digit, too, which the text face has).
        emojiSlot.assign(b - a, NoSlot);
        wordCodePoints.clear();
        for (size_t k = a; k < b;) {
            if (!mayStartEmoji(cps[k].cp)) { ++k; continue; }
            if (wordCodePoints.empty())
                for (size_t j = a; j < b; ++j) wordCodePoints.push_back(cps[j].cp);
            const uint32_t* at = wordCodePoints.data() + (k - a);
            const size_t length = emojiSequenceLength(at, b - k);
            if (length == 0) { ++k; continue; }
            emojiParts(at, length, emojiPartsOf);
            for (const EmojiPart& part : emojiPartsOf) {
                const FontFace* f = fonts.face(cps[k].style, part.slice);
                if (f && f->hasGlyph(cps[k].cp))
                    for (size_t j = k; j < k + part.length; ++j) emojiSlot[j - a] = faceSlot(cps[j].style, part.slice);
                k += part.length;
            }
        }

        // Itemise: an emoji sequence in its slice; otherwise the first slice of the style's face that has the code
        // point; a mark, joiner or variation selector stays with its base if that face has it. A new run where the
        // face or the script changes (Common and Inherited code points take the script around them).
        runs.clear();
        for (size_t k = a; k < b; ++k) {
            const uint32_t cp = cps[k].cp;
            const FontStyle st = cps[k].style;
            FaceSlot slot = faceSlot(st, FontSlice{});
            const Run* prev = runs.empty() ? nullptr : &runs.back();
            if (emojiSlot[k - a] != NoSlot) {
                slot = emojiSlot[k - a];
            } else if (prev && extendsCluster(cp) && slotStyle(prev->slot) == st &&
                (faceOfSlot(fonts, prev->slot).hasGlyph(cp) || cp == 0x200C || cp == 0x200D || cp >= 0xFE00)) {
                slot = prev->slot;
            } else if (!fonts.face(st).hasGlyph(cp)) {
                const FontSlice other = sliceOf(cp, options.language, options.cjkTiers);
                const FontFace* f = fonts.face(st, other);
                if (f && f->hasGlyph(cp)) slot = faceSlot(st, other);
                else if (prev && slotStyle(prev->slot) == st) slot = prev->slot;  // missing: .notdef, in the run
            }
            const uint32_t script = scriptOf(cp);
            const uint8_t level = levelOf(k);
            if (prev && prev->slot == slot && prev->level == level && prev->position == cps[k].position &&
                (!isScript(script) || !isScript(prev->script) || script == prev->script)) {
                runs.back().last = static_cast<uint32_t>(k + 1);
                if (!isScript(prev->script) && isScript(script)) runs.back().script = script;
                continue;
            }
            runs.push_back({static_cast<uint32_t>(k), static_cast<uint32_t>(k + 1), slot, level, script, cps[k].position});
        }

        // Shape each run; its glyphs in visual order, clusters as byte offsets into the paragraph.
        word.clear();
        runStarts.clear();
        for (const Run& r : runs) {
            runStarts.push_back(word.size());
            const bool rtl = (r.level & 1) != 0;
            TextRun tr;
            tr.text = text;
            tr.begin = byteOf(r.first);
            tr.end = byteOf(r.last);
            tr.direction = rtl ? TextDirection::RightToLeft : TextDirection::LeftToRight;
            tr.script = isScript(r.script) ? r.script : 0;
            tr.position = r.position;
            // A CJK face is its language's already: shaped in its own forms, never another language's `locl` (the
            // viewer's HarfBuzz reads only a tag's first subtag, so zh-Hant would be ZHS there; its slices have none).
            if (sliceCjkFace(slotSlice(r.slot)) == CjkFace::Count) tr.language = options.language;
            shaped.clear();
            if (cache) {
                for (ShapedRunGlyph g : cache->shape(shaper, faceOfSlot(fonts, r.slot), r.slot, tr)) {
                    g.cluster += tr.begin;
                    shaped.push_back(g);
                }
            } else {
                shaper.shape(faceOfSlot(fonts, r.slot), tr, shaped);
            }
            clusters.clear();
            for (const ShapedRunGlyph& g : shaped) clusters.push_back(g.cluster);
            std::sort(clusters.begin(), clusters.end());
            clusters.erase(std::unique(clusters.begin(), clusters.end()), clusters.end());
            const bool cursive = isCursiveScript(r.script);
            const FontFace& runFace = faceOfSlot(fonts, r.slot);
            for (const ShapedRunGlyph& g : shaped) {
                auto next = std::upper_bound(clusters.begin(), clusters.end(), g.cluster);
                WordGlyph w;
                w.g = g;
                w.clusterEnd = next == clusters.end() ? tr.end : *next;
                w.slot = r.slot;
                w.rightToLeft = rtl;
                w.cursive = cursive;
                // A superscript or subscript the face has no form for: its own glyph, small (the face's forms differ).
                if (r.position != TextPosition::Normal) {
                    const uint32_t cp = cps[codePointAt(g.cluster, r.first, r.last)].cp;
                    w.position = static_cast<uint32_t>(runFace.glyphIndex(cp)) == g.glyph ? r.position : TextPosition::Normal;
                }
                word.push_back(w);
                p.missingGlyphs += g.glyph == 0;
            }
        }

        // Consecutive right-to-left runs of one level (an Arabic word and the quotation marks of another face around
        // it) are drawn right to left too: their glyphs go in reverse run order, so that a level's glyphs are in
        // visual order within the word (the line reorders levels: line_placer).
        runStarts.push_back(word.size());
        for (size_t r = 0; r < runs.size();) {
            size_t e = r + 1;
            while (e < runs.size() && runs[e].level == runs[r].level) ++e;
            if ((runs[r].level & 1) && e - r > 1) {
                reordered.clear();
                for (size_t k = e; k-- > r;)
                    reordered.insert(reordered.end(), word.begin() + static_cast<std::ptrdiff_t>(runStarts[k]),
                                     word.begin() + static_cast<std::ptrdiff_t>(runStarts[k + 1]));
                std::copy(reordered.begin(), reordered.end(), word.begin() + static_cast<std::ptrdiff_t>(runStarts[r]));
            }
            r = e;
        }

        // What a box hangs into the margin when it starts (ends) a line: its logically first (last) code point's
        // glyph, if hangable and at the paragraph's level. UAX #9's rule L2 then puts that glyph at the line's start
        // (end), the outermost of its cluster: the left (right) edge of a left-to-right line, the right (left) edge of
        // a right-to-left one. At a deeper level (an English name ending a line of Arabic) the edge holds another
        // glyph of its run: no hang. Hangs use the glyph's own advance (no kerning): what hangs is the glyph, not the
        // space kerning gives.
        auto edgeHang = [&](const BoxRef& box, bool atStart) -> float {
            const ShapedGlyph* g = &p.glyphs[box.firstGlyph];
            uint32_t byte = atStart ? UINT32_MAX : 0;
            for (uint32_t gi = 0; gi < box.glyphCount; ++gi)
                byte = atStart ? std::min(byte, g[gi].textBegin) : std::max(byte, g[gi].textEnd() - 1);
            const uint8_t level = p.levels.empty() ? 0 : p.levels[byte];
            if (level != p.baseLevel) return 0;
            const uint32_t cp = cps[codePointAt(byte, a, b)].cp;
            const float fraction = atStart ? hangStartFraction(cp) : hangEndFraction(cp);
            if (fraction == 0) return 0;
            // Box glyphs run left to right: the outermost glyph of a left-to-right cluster at the start is its first,
            // of a right-to-left one its last; at the end the other way round.
            const bool outermostIsLast = atStart == ((level & 1) != 0);
            const ShapedGlyph* edge = nullptr;
            for (uint32_t gi = 0; gi < box.glyphCount; ++gi)
                if (g[gi].textBegin <= byte && byte < g[gi].textEnd() && (outermostIsLast || !edge)) edge = &g[gi];
            return fraction * faceOfSlot(fonts, edge->slot).advance(edge->glyph) * style.size;
        };

        // Cut into boxes at the inner breaks that fall on a cluster boundary of left-to-right text.
        size_t nextInner = 0;
        BoxRef box{static_cast<uint32_t>(p.glyphs.size()), 0, 0};
        float pen = 0;
        uint32_t gaps = 0;
        auto closeBox = [&](bool gapAfter) {
            if (box.glyphCount == 0) return;
            box.width = pen;
            p.widestBox = std::max(p.widestBox, box.width);
            p.boxOfItem.push_back(static_cast<int32_t>(p.boxes.size()));
            BreakItem item = BreakItem::box(box.width);
            const float letterGaps = box.letterSpaced ? static_cast<float>(gaps + (gapAfter ? 1 : 0)) : 0.0f;
            item.stretch = p.expansionLimit * box.width + letterGaps * p.letterStretch;
            item.shrink = p.expansionLimit * box.width + letterGaps * p.letterShrink;
            item.hangStart = edgeHang(box, true);
            item.hangEnd = edgeHang(box, false);
            p.items.push_back(item);
            p.boxes.push_back(box);
            box = BoxRef{static_cast<uint32_t>(p.glyphs.size()), 0, 0};
            pen = 0;
            gaps = 0;
        };
        for (size_t gi = 0; gi < word.size(); ++gi) {
            const WordGlyph& w = word[gi];
            if (!w.rightToLeft) {
                while (nextInner < inner.size() && inner[nextInner].byte < w.g.cluster) ++nextInner;  // in a ligature
                if (nextInner < inner.size() && inner[nextInner].byte == w.g.cluster && box.glyphCount > 0 &&
                    word[gi - 1].g.cluster != w.g.cluster) {
                    const InnerBreak& br = inner[nextInner++];
                    closeBox(br.hyphenation());
                    if (br.kind == InnerBreak::InterCharacter) {
                        p.items.push_back(BreakItem::glue(0, p.space * InterCharacterStretch, 0));
                        p.boxOfItem.push_back(-1);
                    } else if (br.hyphenation()) {
                        addPenalty(p.hyphenWidth, br.penalty, true);
                        // The inserted hyphen takes the level of the text before it: at the line's end only at the
                        // paragraph's (never in a right-to-left paragraph: these breaks are in left-to-right text).
                        if (levelOf(codePointAt(p.glyphs.back().textBegin, a, b)) == p.baseLevel)
                            p.items.back().hangEnd = hangEndFraction('-') * p.hyphenWidth;
                    } else {
                        addPenalty(0, br.penalty, br.kind == InnerBreak::Dash);
                    }
                }
            }
            if (box.glyphCount > 0 && p.glyphs.back().textBegin != w.g.cluster) ++gaps;
            if (w.cursive) box.letterSpaced = 0;
            ShapedGlyph g;
            const float scale = w.position == TextPosition::Normal ? 1.0f : SmallGlyphScale;
            const float rise = w.position == TextPosition::Superscript ? SuperscriptRise
                               : w.position == TextPosition::Subscript ? -SubscriptDrop : 0.0f;
            if (scale != 1.0f) p.smallGlyphs.push_back(static_cast<uint32_t>(p.glyphs.size()));
            g.x = pen + w.g.xOffset * style.size * scale;
            g.advance = w.g.advance * style.size * scale;
            const float y = std::round((w.g.yOffset * scale + rise) * style.size * 16.0f);
            g.yOffset16 = static_cast<int32_t>(std::clamp(y, -2047.0f, 2047.0f));
            g.glyph = static_cast<uint16_t>(w.g.glyph);
            g.slot = w.slot;
            g.textBegin = w.g.cluster;
            g.textLength = static_cast<uint8_t>(std::min<uint32_t>(w.clusterEnd - w.g.cluster, 255));
            g.link = static_cast<int16_t>(cps[codePointAt(w.g.cluster, a, b)].link);
            p.glyphs.push_back(g);
            box.glyphCount++;
            pen += g.advance;
        }
        closeBox(false);
    };

    // A hard line break (U+2028; a newline in code): the line ends there, unstretched, as the paragraph's last does.
    auto addLineEnd = [&]() {
        addPenalty(0, PenaltyForbidden, false);
        p.items.push_back(BreakItem::glue(0, 1e6f, 0));
        p.boxOfItem.push_back(-1);
        addPenalty(0, PenaltyForced, false);
    };
    // Code (TextStyle::preformatted): each space and tab its own rigid glue, a newline a line end, and a line's
    // indentation a box of no glyphs (glue would be dropped at the start of a line).
    if (style.preformatted) {
        uint32_t column = 0;  // code points since the line's start, for tab stops
        for (size_t k = 0; k < n;) {
            const uint32_t cp = cps[k].cp;
            if (cp == '\n' || cp == HardLineBreak) {
                addLineEnd();
                column = 0;
                ++k;
                continue;
            }
            if (cp == ' ' || cp == '\t') {
                const bool indentation = column == 0;
                float width = 0;
                size_t j = k;
                for (; j < n && (cps[j].cp == ' ' || cps[j].cp == '\t'); ++j) {
                    const uint32_t columns = cps[j].cp == '\t' ? CodeTabColumns - column % CodeTabColumns : 1;
                    width += static_cast<float>(columns) * p.space;
                    column += columns;
                }
                const bool blankLine = j == n || cps[j].cp == '\n' || cps[j].cp == HardLineBreak;
                if (indentation && !blankLine) {
                    p.boxOfItem.push_back(static_cast<int32_t>(p.boxes.size()));
                    p.items.push_back(BreakItem::box(width));
                    p.boxes.push_back(BoxRef{static_cast<uint32_t>(p.glyphs.size()), 0, width});
                } else if (!indentation) {
                    p.items.push_back(BreakItem::glue(width, 0, 0));
                    p.boxOfItem.push_back(-1);
                }
                k = j;
                continue;
            }
            const size_t a = k;
            while (k < n && cps[k].cp != ' ' && cps[k].cp != '\t' && cps[k].cp != '\n' && cps[k].cp != HardLineBreak) ++k;
            measureWord(a, k);
            column += static_cast<uint32_t>(k - a);
        }
    }
    // Spaces: a run of breaking spaces is one glue, a word space's unless it holds only fixed-width spaces (then as
    // wide as the widest of them, and rigid).
    bool pendingSpace = false, pendingWordSpace = false;
    float pendingFixed = 0;
    for (size_t k = style.preformatted ? n : 0; k < n;) {
        if (cps[k].cp == HardLineBreak) {
            addLineEnd();
            pendingSpace = pendingWordSpace = false;
            pendingFixed = 0;
            ++k;
            continue;
        }
        if (chars::isBreakingSpace(cps[k].cp)) {
            if (!p.items.empty()) {
                pendingSpace = true;
                if (isFixedWidthSpace(cps[k].cp)) {
                    const FontFace& f = fonts.face(cps[k].style);
                    const int g = f.glyphIndex(cps[k].cp);
                    pendingFixed = std::max(pendingFixed, (g ? f.advance(g) : 0.25f) * style.size);
                } else {
                    pendingWordSpace = true;
                }
            }
            ++k;
            continue;
        }
        const size_t a = k;
        while (k < n && !chars::isBreakingSpace(cps[k].cp) && cps[k].cp != HardLineBreak) ++k;
        if (pendingSpace) {
            if (pendingWordSpace) p.items.push_back(BreakItem::glue(p.space, p.space * SpaceStretch, p.space * SpaceShrink));
            else p.items.push_back(BreakItem::glue(pendingFixed, 0, 0));
            p.boxOfItem.push_back(-1);
            pendingSpace = pendingWordSpace = false;
            pendingFixed = 0;
        }
        measureWord(a, k);
    }
    // Finishing sequence: no break before the fill, infinite fill, forced break.
    p.items.push_back(BreakItem::pen(0, PenaltyForbidden, false));
    p.boxOfItem.push_back(-1);
    p.items.push_back(BreakItem::glue(0, 1e6f, 0));
    p.boxOfItem.push_back(-1);
    p.items.push_back(BreakItem::pen(0, PenaltyForced, false));
    p.boxOfItem.push_back(-1);
    // A paragraph is kept measured for as long as its article is shown (a new width only breaks lines again): its
    // vectors grown by doubling would keep a third of their memory unused, some 4 MB in a 100,000-word article.
    p.glyphs.shrink_to_fit();
    p.items.shrink_to_fit();
    p.boxOfItem.shrink_to_fit();
    p.boxes.shrink_to_fit();
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
    // Emergency: split over-wide boxes between clusters (a mark stays with its base), with a high penalty so
    // ordinary breaks win where they exist.
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
        float pen = whole.x0;
        for (uint32_t gi = 0; gi < whole.glyphCount;) {
            BoxRef piece{whole.firstGlyph + gi, 0, 0, pen, whole.letterSpaced != 0};
            const uint32_t cluster = p.glyphs[whole.firstGlyph + gi].textBegin;
            while (gi < whole.glyphCount && p.glyphs[whole.firstGlyph + gi].textBegin == cluster) {
                piece.width += p.glyphs[whole.firstGlyph + gi].advance;
                ++piece.glyphCount;
                ++gi;
            }
            pen += piece.width;
            BreakItem item = BreakItem::box(piece.width);
            item.breakBefore = piece.firstGlyph > whole.firstGlyph;
            item.penalty = GlyphBreakPenalty;
            // One cluster: no letter gaps. No hangs: a URL split is no punctuation.
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
