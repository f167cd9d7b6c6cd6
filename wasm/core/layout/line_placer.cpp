// line_placer.cpp — see line_placer.h.
#include "line_placer.h"

#include <algorithm>
#include <cmath>

namespace galley {

size_t LinePlacer::breakLines(const MeasuredParagraph& p, const ParagraphSetting& s) {
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

size_t LinePlacer::lineStart(size_t line) const {
    const std::vector<BreakItem>& items = *items_;
    const size_t end = breaks_[line].item;
    size_t start = line == 0 ? 0 : lineStartAfterBreak(items, breaks_[line - 1].item);
    while (start < end && items[start].kind != BreakItem::Box) ++start;
    return start;
}

bool LinePlacer::stretchesSpacesPast(double limit, size_t count, bool endsParagraph) const {
    if (!breakParams_.justify) return false;
    const std::vector<BreakItem>& items = *items_;
    count = std::min(count, breaks_.size());
    for (size_t li = 0; li < count; ++li) {
        if (endsParagraph && li + 1 == breaks_.size()) break;  // the last line: placeLines never stretches it
        const double ratio = breaks_[li].ratio;
        // A word space stretches by SpaceStretch of its width, no glue by more: a line under this is within the
        // limit without adding up its glue (most lines, which keeps this check out of relayout's time).
        if (ratio * SpaceStretch <= limit - 1) continue;
        double natural = 0, set = 0;
        for (size_t k = lineStart(li), end = breaks_[li].item; k < end; ++k) {
            const BreakItem& it = items[k];
            if (it.kind != BreakItem::Glue || it.width <= 0) continue;
            natural += it.width;
            set += it.width + ratio * it.stretch;
        }
        if (natural > 0 && set > limit * natural) return true;
    }
    return false;
}

size_t LinePlacer::textAfterLine(const MeasuredParagraph& p, size_t line) const {
    const std::vector<BreakItem>& items = *items_;
    for (size_t k = lineStartAfterBreak(items, breaks_[line].item); k < items.size(); ++k)
        if (items[k].kind == BreakItem::Box) return p.glyphs[(*boxes_)[(*boxOfItem_)[k]].firstGlyph].textBegin;
    return p.text.size();
}

namespace {

// A strikethrough rule over the struck glyphs of a line, one rule for a run of them and the spaces between.
class StrikeRun {
public:
    StrikeRun(DisplayList& out, const TextLine& line, float size) : out_(out), line_(line), size_(size) {}
    void glyph(bool struck, float x0, float x1, ColorRole color) {
        if (!struck) return close();
        if (!open_) { open_ = true; x0_ = x0; color_ = color; }
        x1_ = std::max(x1_, x1);
    }
    void close() {
        if (!open_) return;
        const float thickness = std::max(1.0f, StrikeThickness * size_);
        out_.rules.push_back({line_.x + x0_, line_.baseline - StrikeRise * size_ - thickness / 2, x1_ - x0_, thickness,
                              color_ == ColorRole::Link ? ColorRole::Link : ColorRole::Text});
        open_ = false;
        x1_ = 0;
    }

private:
    DisplayList& out_;
    const TextLine& line_;
    float size_;
    bool open_ = false;
    float x0_ = 0, x1_ = 0;
    ColorRole color_ = ColorRole::Text;
};

}  // namespace

float LinePlacer::placeLines(const MeasuredParagraph& p, const ParagraphSetting& s, size_t count) {
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
        const size_t firstGlyph = out_.glyphs.size(), firstLink = out_.links.size();
        line.block = s.block;
        line.role = s.role;
        line.level = s.level;
        line.item = s.item;
        line.source = s.source;
        line.face = p.style.face;
        line.color = p.style.color;
        line.rightToLeft = p.rightToLeft();
        line.last = s.endsParagraph && li + 1 == breaks.size();
        // The breaker's start and end are in reading order: the right and left of a right-to-left line.
        const float hangEnd = line.last ? 0.0f : br.hangEnd;
        line.hangLeft = line.rightToLeft ? hangEnd : br.hangStart;
        line.hangRight = line.rightToLeft ? br.hangStart : hangEnd;
        const float indent = static_cast<int>(li) < s.narrowLines ? s.narrowIndent : 0.0f;
        line.x = s.x0 + (s.narrowAtRight ? 0.0f : indent) - line.hangLeft;
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
        if (!p.levels.empty()) {
            line.width = placeReorderedLine(p, s, line, start, br, ratio, boxRatio, s.width - indent);
            line.endsInWord = (items[br.item].kind != BreakItem::Glue || items[br.item].width == 0) && !line.last;
            line.hyphenated = items[br.item].kind == BreakItem::Penalty && items[br.item].width > 0 && !line.last;
            alignRagged(line, s, s.width - indent, firstGlyph, firstLink);
            endLine(line);
            top += s.lineHeightPx;
            start = lineStartAfterBreak(items, br.item);
            continue;
        }
        // A code line that goes on from the one before (no forced break, a line end, between them).
        line.continues = s.markContinuations && li > 0 && !(items[breaks[li - 1].item].kind == BreakItem::Penalty &&
                                                            items[breaks[li - 1].item].penalty <= PenaltyForced);
        // x runs from the line's ink start (line.x): the hanging glyph, if any, starts there.
        float x = 0;
        bool wordOpen = false;
        StrikeRun strike(out_, line, size);
        int32_t linkRun = -1;
        float linkStart = 0, linkEnd = 0;
        auto closeLink = [&]() {
            if (linkRun < 0) return;
            out_.links.push_back({line.x + linkStart, top, linkEnd - linkStart, s.lineHeightPx,
                                  static_cast<uint32_t>(out_.hrefs.size())});
            out_.hrefs.push_back(p.hrefs[linkRun]);
            linkRun = -1;
        };
        bool noSpace = false;  // the glue before the next word has no width (no space in the text)
        for (size_t k = start; k < br.item; ++k) {
            const BreakItem& it = items[k];
            if (it.kind == BreakItem::Glue) {
                x += it.width + (ratio >= 0 ? ratio * it.stretch : ratio * it.shrink);
                wordOpen = false;
                noSpace = it.width == 0;
                continue;
            }
            if (it.kind != BreakItem::Box) continue;
            const BoxRef& b = (*boxes)[(*boxOfItem)[k]];
            // = it.width * scale + (glyphCount - 1) * letterGap: where the last glyph ends.
            const float setWidth = it.width + (boxRatio >= 0 ? boxRatio * it.stretch : boxRatio * it.shrink);
            if (b.glyphCount == 0) {  // a code line's indentation
                x += setWidth;
                wordOpen = false;
                continue;
            }
            const ShapedGlyph* g = &p.glyphs[b.firstGlyph];
            // Letter spacing widens the gaps between clusters (a base and its marks move together), and not at all
            // in a box of a joining script.
            const float boxGap = b.letterSpaced ? letterGap : 0.0f;
            uint32_t gap = 0;
            uint32_t textBegin = g[0].textBegin, textEnd = g[0].textEnd();
            for (uint32_t gi = 0; gi < b.glyphCount; ++gi) {
                if (gi > 0 && g[gi].textBegin != g[gi - 1].textBegin) ++gap;
                const float gx = x + (g[gi].x - b.x0) * scale + static_cast<float>(gap) * boxGap;
                const int32_t link = g[gi].link;
                const ColorRole color = link >= 0 ? ColorRole::Link : p.style.color;
                const float glyphSize = p.isSmall(b.firstGlyph + gi) ? size * SmallGlyphScale : size;
                out_.glyphs.push_back({line.x + gx, line.baseline - g[gi].yOffset(), glyphSize, g[gi].glyph, g[gi].face(),
                                       color, scale, g[gi].slice()});
                strike.glyph(p.isStruck(g[gi].textBegin), gx, gx + g[gi].advance * scale, color);
                out_.missingGlyphs += g[gi].glyph == 0;
                if (link != linkRun) {
                    closeLink();
                    if (link >= 0) { linkRun = link; linkStart = gx; }
                }
                if (link >= 0) linkEnd = gx + g[gi].advance * scale;
                textBegin = std::min(textBegin, g[gi].textBegin);  // right-to-left runs: clusters run backwards
                textEnd = std::max(textEnd, g[gi].textEnd());
            }
            if (wordOpen && wordsUsed_ > 0) {
                WordBox& w = line.words[wordsUsed_ - 1];
                w.text.append(p.text, textBegin, textEnd - textBegin);
                w.width = x + setWidth - w.x;
                w.sourceEnd = s.sourceByte + textEnd;
            } else {
                WordBox& w = addWord(line);
                w.text.assign(p.text, textBegin, textEnd - textBegin);
                w.x = x;
                w.width = setWidth;
                w.sourceBegin = s.sourceByte + textBegin;
                w.sourceEnd = s.sourceByte + textEnd;
                w.joinsPrevious = noSpace && wordsUsed_ > 1;
            }
            wordOpen = true;
            x += setWidth;
            if (recordRuns_)
                addRuns(g, static_cast<uint32_t>(out_.glyphs.size() - b.glyphCount), b.glyphCount, s.sourceByte);
        }
        const BreakItem& end = items[br.item];
        // A hyphen, a dash, between glyphs, or between characters of a script without spaces (glue of no width).
        line.endsInWord = (end.kind != BreakItem::Glue || end.width == 0) && !line.last;
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
        strike.close();
        line.width = x;
        alignRagged(line, s, s.width - indent, firstGlyph, firstLink);
        endLine(line);
        top += s.lineHeightPx;
        start = lineStartAfterBreak(items, br.item);
    }
    return top - s.y;
}

void LinePlacer::alignRagged(TextLine& line, const ParagraphSetting& s, float measure, size_t firstGlyph,
                             size_t firstLink) {
    if (s.justify || s.startSpaceFraction <= 0) return;
    const float free = measure - line.width;
    if (free <= 0) return;
    // A right-to-left line is set from the right (placeReorderedLine): its free space lies at its left.
    const float dx = (line.rightToLeft ? -1.0f : 1.0f) * s.startSpaceFraction * free;
    line.x += dx;
    for (size_t g = firstGlyph; g < out_.glyphs.size(); ++g) out_.glyphs[g].x += dx;
    for (size_t l = firstLink; l < out_.links.size(); ++l) out_.links[l].x += dx;
}

float LinePlacer::placeReorderedLine(const MeasuredParagraph& p, const ParagraphSetting& s, TextLine& line,
                                     size_t start, const LineBreak& br, float ratio, float boxRatio, float measure) {
    const std::vector<BreakItem>& items = *items_;
    const std::vector<int32_t>& boxOfItem = *boxOfItem_;
    const std::vector<BoxRef>& boxes = *boxes_;
    const float scale = line.scaleX, letterGap = line.letterSpacing, size = p.style.size;
    auto levelAt = [&](uint32_t byte) -> uint8_t { return byte < p.levels.size() ? p.levels[byte] : p.baseLevel; };
    auto firstByteOf = [&](const BoxRef& b) {
        uint32_t first = UINT32_MAX;
        for (uint32_t gi = 0; gi < b.glyphCount; ++gi) first = std::min(first, p.glyphs[b.firstGlyph + gi].textBegin);
        return first;
    };

    // Segments in logical order.
    segments_.clear();
    for (size_t k = start; k < br.item; ++k) {
        const BreakItem& it = items[k];
        if (it.kind == BreakItem::Glue) {
            Segment sp;
            sp.kind = Segment::Space;
            sp.item = k;
            sp.width = it.width + (ratio >= 0 ? ratio * it.stretch : ratio * it.shrink);
            sp.level = p.baseLevel;
            for (size_t n = k + 1; n < br.item; ++n) {  // the space's own level: the byte before the next box
                if (items[n].kind != BreakItem::Box) continue;
                const uint32_t next = firstByteOf(boxes[boxOfItem[n]]);
                if (next > 0) sp.level = levelAt(next - 1);
                break;
            }
            segments_.push_back(sp);
            continue;
        }
        if (it.kind != BreakItem::Box) continue;
        const BoxRef& b = boxes[boxOfItem[k]];
        const float boxGap = b.letterSpaced ? letterGap : 0.0f;
        const float setWidth = it.width + (boxRatio >= 0 ? boxRatio * it.stretch : boxRatio * it.shrink);
        const size_t firstSegment = segments_.size();
        float pen = b.x0, used = 0;
        for (uint32_t gi = 0; gi < b.glyphCount;) {
            Segment g;
            g.item = k;
            g.firstGlyph = b.firstGlyph + gi;
            g.level = levelAt(p.glyphs[g.firstGlyph].textBegin);
            g.pen0 = pen;
            if (gi > 0 && p.glyphs[g.firstGlyph].textBegin != p.glyphs[g.firstGlyph - 1].textBegin) g.lead = boxGap;
            float advances = 0;
            uint32_t gaps = 0;
            for (; gi < b.glyphCount && levelAt(p.glyphs[b.firstGlyph + gi].textBegin) == g.level; ++gi) {
                const ShapedGlyph& glyph = p.glyphs[b.firstGlyph + gi];
                if (g.glyphCount > 0 && glyph.textBegin != p.glyphs[b.firstGlyph + gi - 1].textBegin) ++gaps;
                advances += glyph.advance;
                ++g.glyphCount;
            }
            pen += advances;
            g.width = g.lead + advances * scale + static_cast<float>(gaps) * boxGap;
            used += g.width;
            segments_.push_back(g);
        }
        // What the box's set width holds beyond its glyphs (the letter gap before a hyphenation point) goes after
        // its logically last part.
        if (segments_.size() > firstSegment) segments_.back().width += std::max(0.0f, setWidth - used);
    }
    const BreakItem& end = items[br.item];
    if (end.kind == BreakItem::Penalty && end.width > 0 && !line.last) {
        Segment h;
        h.kind = Segment::Hyphen;
        h.item = br.item;
        h.width = end.width;
        h.level = segments_.empty() ? p.baseLevel : segments_.back().level;
        segments_.push_back(h);
    }

    // Rule L2: from the highest level down to the lowest odd one, reverse every run at that level or higher.
    order_.resize(segments_.size());
    for (size_t i = 0; i < order_.size(); ++i) order_[i] = i;
    uint8_t highest = 0, lowestOdd = 255;
    for (const Segment& g : segments_) {
        highest = std::max(highest, g.level);
        if (g.level & 1) lowestOdd = std::min(lowestOdd, g.level);
    }
    for (int level = highest; level >= lowestOdd && level > 0; --level) {
        for (size_t i = 0; i < order_.size();) {
            if (segments_[order_[i]].level < level) { ++i; continue; }
            size_t j = i;
            while (j < order_.size() && segments_[order_[j]].level >= level) ++j;
            std::reverse(order_.begin() + static_cast<std::ptrdiff_t>(i), order_.begin() + static_cast<std::ptrdiff_t>(j));
            i = j;
        }
    }

    // A right-to-left paragraph's lines start at the right: a line narrower than the measure (and what hangs out of
    // it on both sides) moves right, its right hang past the measure's right edge.
    float width = 0;
    for (const Segment& g : segments_) width += g.width;
    const float hungMeasure = measure + line.hangLeft + line.hangRight;
    if (p.rightToLeft() && width < hungMeasure) line.x += hungMeasure - width;

    // Place from the left.
    float x = 0;
    StrikeRun strike(out_, line, size);
    int32_t linkRun = -1;
    float linkStart = 0, linkEnd = 0;
    auto closeLink = [&]() {
        if (linkRun < 0) return;
        out_.links.push_back({line.x + linkStart, line.top, linkEnd - linkStart, line.height,
                              static_cast<uint32_t>(out_.hrefs.size())});
        out_.hrefs.push_back(p.hrefs[linkRun]);
        linkRun = -1;
    };
    for (size_t i : order_) {
        Segment& g = segments_[i];
        g.x = x;
        g.placedGlyph = static_cast<uint32_t>(out_.glyphs.size());
        if (g.kind == Segment::Glyphs) {
            const BoxRef& b = boxes[boxOfItem[g.item]];
            const float boxGap = b.letterSpaced ? letterGap : 0.0f;
            uint32_t gaps = 0;
            for (uint32_t j = 0; j < g.glyphCount; ++j) {
                const ShapedGlyph& glyph = p.glyphs[g.firstGlyph + j];
                if (j > 0 && glyph.textBegin != p.glyphs[g.firstGlyph + j - 1].textBegin) ++gaps;
                const float gx = x + g.lead + (glyph.x - g.pen0) * scale + static_cast<float>(gaps) * boxGap;
                const ColorRole color = glyph.link >= 0 ? ColorRole::Link : p.style.color;
                const float glyphSize = p.isSmall(g.firstGlyph + j) ? size * SmallGlyphScale : size;
                out_.glyphs.push_back({line.x + gx, line.baseline - glyph.yOffset(), glyphSize, glyph.glyph, glyph.face(),
                                       color, scale, glyph.slice()});
                strike.glyph(p.isStruck(glyph.textBegin), gx, gx + glyph.advance * scale, color);
                out_.missingGlyphs += glyph.glyph == 0;
                if (glyph.link != linkRun) {
                    closeLink();
                    if (glyph.link >= 0) { linkRun = glyph.link; linkStart = gx; }
                }
                if (glyph.link >= 0) linkEnd = gx + glyph.advance * scale;
            }
        } else {
            closeLink();
            if (g.kind == Segment::Hyphen)
                out_.glyphs.push_back({line.x + x, line.baseline, size, p.hyphenGlyph, p.style.face, p.style.color, 1.0f});
        }
        x += g.width;
    }
    closeLink();
    strike.close();

    // Words in reading (logical) order. A word whose parts were placed apart (Latin "Watch," in a Hebrew line: its
    // comma goes with the Hebrew, left of the Latin run) is a WordBox per piece placed side by side, each after the
    // first joining the one before (no space between them in the text), so that every box is where its text was
    // drawn. Boxes with no space between them (a word split at a hyphenation point) are one word where they touch,
    // as on a left-to-right line.
    auto touches = [](float left, float right, float x, float width) {
        constexpr float Epsilon = 1e-3f;
        return std::fabs(x - right) < Epsilon || std::fabs(x + width - left) < Epsilon;
    };
    bool wordOpen = false, noSpace = false;
    for (size_t i = 0; i < segments_.size();) {
        const Segment& g = segments_[i];
        if (g.kind == Segment::Space) { wordOpen = false; noSpace = items[g.item].width == 0; ++i; continue; }
        if (g.kind == Segment::Hyphen) {
            if (wordsUsed_ > 0) {
                WordBox& w = line.words[wordsUsed_ - 1];
                w.text += '-';
                const float left = std::min(w.x, g.x), right = std::max(w.x + w.width, g.x + g.width);
                w.x = left;
                w.width = right - left;
            }
            ++i;
            continue;
        }
        // The segments of this box, in pieces placed side by side.
        size_t j = i;
        while (j < segments_.size() && segments_[j].kind == Segment::Glyphs && segments_[j].item == g.item) ++j;
        for (size_t a = i; a < j;) {
            float left = segments_[a].x, right = segments_[a].x + segments_[a].width;
            size_t b = a + 1;
            for (; b < j && touches(left, right, segments_[b].x, segments_[b].width); ++b) {
                left = std::min(left, segments_[b].x);
                right = std::max(right, segments_[b].x + segments_[b].width);
            }
            uint32_t textBegin = UINT32_MAX, textEnd = 0;
            for (size_t k = a; k < b; ++k) {
                const Segment& part = segments_[k];
                for (uint32_t n = 0; n < part.glyphCount; ++n) {
                    textBegin = std::min(textBegin, p.glyphs[part.firstGlyph + n].textBegin);
                    textEnd = std::max(textEnd, p.glyphs[part.firstGlyph + n].textEnd());
                }
            }
            WordBox* open = wordOpen && wordsUsed_ > 0 ? &line.words[wordsUsed_ - 1] : nullptr;
            if (open && touches(open->x, open->x + open->width, left, right - left)) {
                open->text.append(p.text, textBegin, textEnd - textBegin);
                const float l = std::min(open->x, left), r = std::max(open->x + open->width, right);
                open->x = l;
                open->width = r - l;
                open->sourceEnd = s.sourceByte + textEnd;
            } else {
                WordBox& w = addWord(line);
                w.text.assign(p.text, textBegin, textEnd - textBegin);
                w.x = left;
                w.width = right - left;
                w.sourceBegin = s.sourceByte + textBegin;
                w.sourceEnd = s.sourceByte + textEnd;
                w.joinsPrevious = (open != nullptr || noSpace) && wordsUsed_ > 1;
            }
            wordOpen = true;
            if (recordRuns_) {
                const size_t firstRun = out_.runs.size();
                for (size_t k = a; k < b; ++k)
                    addRuns(&p.glyphs[segments_[k].firstGlyph], segments_[k].placedGlyph, segments_[k].glyphCount,
                            s.sourceByte, (segments_[k].level & 1) != 0);
                std::sort(out_.runs.begin() + static_cast<std::ptrdiff_t>(firstRun), out_.runs.end(),
                          [](const WordRun& x, const WordRun& y) { return x.textBegin < y.textBegin; });
            }
            a = b;
        }
        i = j;
    }
    return x;
}

void LinePlacer::addRuns(const ShapedGlyph* shaped, uint32_t first, uint32_t count, uint32_t sourceByte,
                         bool rightToLeft) {
    for (uint32_t k = 0; k < count;) {
        WordRun run;
        run.line = static_cast<uint32_t>(linesUsed_ - 1);
        run.word = static_cast<uint32_t>(wordsUsed_ - 1);
        run.firstGlyph = first + k;
        run.textBegin = UINT32_MAX;
        run.rightToLeft = rightToLeft;
        const FaceSlot slot = shaped[k].slot;
        for (; k < count && shaped[k].slot == slot; ++k) {
            run.textBegin = std::min(run.textBegin, sourceByte + shaped[k].textBegin);
            run.textEnd = std::max(run.textEnd, sourceByte + shaped[k].textEnd());
            ++run.glyphCount;
        }
        // A word split at a hyphenation point continues the run its last box ended.
        WordRun* last = out_.runs.empty() ? nullptr : &out_.runs.back();
        if (last && last->line == run.line && last->word == run.word && last->textEnd == run.textBegin &&
            last->rightToLeft == run.rightToLeft && !run.rightToLeft &&
            last->firstGlyph + last->glyphCount == run.firstGlyph &&
            out_.glyphs[last->firstGlyph].style == out_.glyphs[run.firstGlyph].style &&
            out_.glyphs[last->firstGlyph].slice == out_.glyphs[run.firstGlyph].slice) {
            last->textEnd = run.textEnd;
            last->glyphCount += run.glyphCount;
            continue;
        }
        out_.runs.push_back(run);
    }
}

}  // namespace galley
