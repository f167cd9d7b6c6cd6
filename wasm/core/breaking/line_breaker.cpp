// line_breaker.cpp — first fit (breakFirstFit). Knuth-Plass lives in knuth_plass.cpp.
#include "line_breaker.h"

namespace galley {

namespace {

// Adjustment ratio of the line items[from..to] (to = the break item) set in `width`. Boxes stretch only in the plain
// item model (BoxAdjust::LikeGlue); first fit, like a browser, neither expands fonts first nor hangs punctuation.
float adjustmentRatio(const std::vector<BreakItem>& items, size_t from, size_t to, float width, bool justify,
                      bool boxesStretch) {
    float natural = 0, stretch = 0, shrink = 0;
    for (size_t k = from; k < to; ++k) {
        if (items[k].kind == BreakItem::Penalty) continue;
        natural += items[k].width;
        if (items[k].kind == BreakItem::Box && !boxesStretch) continue;
        stretch += items[k].stretch;
        shrink += items[k].shrink;
    }
    if (items[to].kind == BreakItem::Penalty) natural += items[to].width;
    if (!justify) return 0;
    if (natural < width) return stretch > 0 ? (width - natural) / stretch : 0;
    if (natural > width) return shrink > 0 ? (width - natural) / shrink : -1e9f;
    return 0;
}

size_t skipDiscardable(const std::vector<BreakItem>& items, size_t k) {
    while (k < items.size() && items[k].kind != BreakItem::Box &&
           !(items[k].kind == BreakItem::Penalty && items[k].penalty <= PenaltyForced))
        ++k;
    return k;
}

}  // namespace

std::vector<LineBreak> breakFirstFit(const std::vector<BreakItem>& items, const BreakParams& params) {
    std::vector<LineBreak> breaks;
    const size_t n = items.size();
    size_t start = skipDiscardable(items, 0);
    size_t line = 0;
    float width = 0;
    size_t candidate = n;  // last legal break on this line that fits; n = none yet
    auto emit = [&](size_t at) {
        float w = params.widthAt(line);
        const bool boxesStretch = params.boxAdjust == BoxAdjust::LikeGlue;
        const float ratio = adjustmentRatio(items, start, at, w, params.justify, boxesStretch);
        breaks.push_back({at, ratio, boxesStretch ? ratio : 0.0f, 0, 0});
        ++line;
        start = skipDiscardable(items, lineStartAfterBreak(items, at));
        width = 0;
        candidate = n;
    };
    for (size_t k = start; k < n; ++k) {
        const BreakItem& it = items[k];
        bool legal = it.kind == BreakItem::Glue ? (k > start && items[k - 1].kind == BreakItem::Box)
                   : it.kind == BreakItem::Penalty ? it.penalty < PenaltyForbidden
                   : it.breakBefore && k > start && it.penalty < PenaltyForbidden;
        if (legal) {
            float lineWidth = width + (it.kind == BreakItem::Penalty ? it.width : 0);
            if (lineWidth <= params.widthAt(line) + 1e-3f || candidate == n) {
                bool forced = it.kind == BreakItem::Penalty && it.penalty <= PenaltyForced;
                bool overfull = lineWidth > params.widthAt(line) + 1e-3f;
                if (forced || overfull) {
                    emit(k);
                    k = start - 1;  // the loop's ++k lands on the next line's first item
                    continue;
                }
                candidate = k;
            } else {
                emit(candidate);
                k = start - 1;
                continue;
            }
        }
        if (it.kind != BreakItem::Penalty) width += it.width;
    }
    return breaks;
}

}  // namespace galley
