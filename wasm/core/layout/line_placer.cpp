// line_placer.cpp — see line_placer.h.
#include "line_placer.h"

#include <algorithm>

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

size_t LinePlacer::textAfterLine(const MeasuredParagraph& p, size_t line) const {
    const std::vector<BreakItem>& items = *items_;
    for (size_t k = lineStartAfterBreak(items, breaks_[line].item); k < items.size(); ++k)
        if (items[k].kind == BreakItem::Box) return p.glyphs[(*boxes_)[(*boxOfItem_)[k]].firstGlyph].textBegin;
    return p.text.size();
}

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
        line.block = s.block;
        line.role = s.role;
        line.level = s.level;
        line.item = s.item;
        line.face = p.style.face;
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
                out_.glyphs.push_back({line.x + gx, line.baseline - g[gi].yOffset(), size, g[gi].glyph, g[gi].face(),
                                       color, scale, g[gi].slice()});
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

}  // namespace galley
