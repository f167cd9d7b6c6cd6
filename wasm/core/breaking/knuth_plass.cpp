// knuth_plass.cpp — breakOptimal: Knuth and Plass's total-fit line breaking ("Breaking Paragraphs into Lines",
// Software—Practice and Experience 11, 1981), with TeX's refinements (fitness classes, flagged and final-hyphen
// demerits, rising tolerance, an emergency pass) plus a ragged-right cost and a widow-word cost, and pdfTeX's two
// micro-typographic extensions: font expansion (boxes that stretch and shrink, used before the glue) and hanging
// punctuation (a line may be longer by what its first and last glyphs hang into the margins).
//
// Not here: measuring text, building the item list, first fit (line_breaker.cpp), placing glyphs.
//
// Shape of the search: one sweep over the items. Every legal breakpoint is tried against the "active" breakpoints
// (earlier breaks from which a line could still reach this one); the best way to arrive here in each fitness class
// becomes a new active breakpoint. Active breakpoints whose line would now be overfull are dropped. Line widths,
// stretch and shrink come from prefix sums, so each try is a few subtractions; nodes live in one pool vector and
// point at their predecessor by index, and the active list is double-buffered, so the sweep itself does not allocate
// once the vectors have grown.
#include "line_breaker.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

namespace galley {

namespace {

constexpr double Infinity = std::numeric_limits<double>::infinity();

// TeX caps badness at 10000 ("infinitely bad"); ours goes higher so that the emergency pass still prefers a ratio of
// 5 to a ratio of 50. A line with no stretch at all (ratio +inf) gets this.
constexpr double MaxBadness = 1e8;
// When no set of lines fits within the tolerance, the second pass allows this much more before the emergency pass.
constexpr double SecondPassToleranceScale = 2.0;
// Ragged text first tries lines that leave at most this fraction of the width empty (a line emptier than that costs
// more than most whole paragraphs); if no such set of lines exists, the emergency pass allows any.
constexpr double RaggedFirstPassMaxSlack = 0.5;
// The last line "holds a single short word" when it has no interword glue between its boxes (one word, or one
// fragment after a hyphen, or words tied by non-breaking spaces) and its boxes span at most this fraction of it.
constexpr double WidowMaxWidthFraction = 0.25;
// Lines that cannot stretch report this instead of +inf; their glue has no stretch, so the value does not matter.
constexpr float LargestReportedRatio = 1000.0f;
// Prefix-sum subtraction leaves rounding noise; a line this close to its width counts as exact.
constexpr double WidthEpsilon = 1e-6;
// BoxAdjust::First: a line whose slack the boxes take entirely has glue ratio 0, but letters expanded or condensed by
// their whole limit are not free either: badness = this * boxRatio^2. Small, so that expansion is preferred to
// visibly uneven spaces (a glue ratio of 0.3 already costs 2.7), yet lines at natural width win ties.
constexpr double ExpansionBadness = 2.0;

// The emergency pass may exceed BreakParams::maxConsecutiveHyphens rather than overflow a line (text of dash-joined
// pieces may have no other way to set), at this cost per extra line: ten times the dearest line, (linePenalty +
// MaxBadness)^2, so however loose the other lines get, a longer run is chosen only where nothing else fits.
constexpr double ExcessHyphenRunDemerits = 1e17;

// TeX's fitness classes, ordered so that classes more than 1 apart are "very different".
enum Fitness : uint8_t { Tight = 0, Decent = 1, Loose = 2, VeryLoose = 3, FitnessCount = 4 };
// Arrivals at a breakpoint are kept per fitness class, and apart for breaks that end the longest run of hyphenated
// lines allowed (BreakParams::maxConsecutiveHyphens): those cannot be followed by another hyphen, so a dearer arrival
// that can must survive beside them.
constexpr int SlotCount = 2 * FitnessCount;
// TeX's class boundaries, in badness: 12 is a ratio of about 0.5, 99 a ratio of about 1.
constexpr double DecentMaxBadness = 12.0;
constexpr double LooseMaxBadness = 99.0;

// The class of a justified line that looks this loose (>0) or tight (<0): its adjustment ratio, with the boxes' added
// when they stretch first.
Fitness fitnessOf(double look) {
    const double badness = std::min(MaxBadness, 100.0 * std::fabs(look * look * look));
    if (look < 0) return badness > DecentMaxBadness ? Tight : Decent;
    if (badness > LooseMaxBadness) return VeryLoose;
    return badness > DecentMaxBadness ? Loose : Decent;
}

constexpr uint32_t NoItem = std::numeric_limits<uint32_t>::max();

// Sums over items [0, i). Infinite stretch (the finishing glue's "fil") is counted apart, because inf - inf is NaN.
struct Totals {
    double width = 0;
    double stretch = 0;       // glue
    double shrink = 0;        // glue
    double boxStretch = 0;    // font expansion
    double boxShrink = 0;
    uint32_t infiniteStretch = 0;
};

// A chosen break. Nodes stay in the pool (to walk back from the end); the active list holds the indices of those
// from which a line may still start.
// 48 bytes: a paragraph of a million glyph breaks (a 1 MB "word") makes millions of them.
struct Node {
    double demerits = 0;      // total demerits of the best way here
    uint32_t startItem = 0;   // first item of the line that starts after this break (breaks discard the glue and
                              // penalties after them); the totals before it are totals_[startItem]
    uint32_t line = 0;        // index of that line, clamped to the first index from which all widths are equal
    uint32_t item = NoItem;   // where the line ends; NoItem for the paragraph start
    uint32_t parent = 0;
    float ratio = 0;          // of the line ending here, as reported
    float boxRatio = 0;       // of the line ending here
    float hangEnd = 0;        // of the line ending here
    float hangStart = 0;      // of the line starting after this break
    uint8_t fitness = Decent; // of the line ending at this break
    bool flagged = false;     // this break is a hyphen
    uint8_t hyphenRun = 0;    // hyphenated lines in a row ending here
};
static_assert(sizeof(Node) <= 48, "Node grew: the pool holds one per feasible break and fitness class");

}  // namespace

// The breaker's vectors, kept between calls so that breaking many paragraphs allocates only while they grow.
struct BreakWorkspace::Buffers {
    std::vector<Totals> totals;
    std::vector<double> lineWidths;
    std::vector<Node> pool;
    std::vector<uint32_t> active, next;
    std::vector<uint32_t> remap;  // pool compaction: old index -> new index
};

namespace {

class OptimalBreaker {
public:
    OptimalBreaker(const std::vector<BreakItem>& items, const BreakParams& params, BreakWorkspace::Buffers& buffers,
                   size_t compactionMinimum)
        : items_(items), params_(params), totals_(buffers.totals), lineWidths_(buffers.lineWidths),
          boxAdjust_(params.boxAdjust), pool_(buffers.pool), active_(buffers.active), next_(buffers.next),
          remap_(buffers.remap), compactionMinimum_(std::max<size_t>(compactionMinimum, 16)) {
        const size_t n = items.size();
        totals_.resize(n + 1);
        Totals running;
        for (size_t i = 0; i < n; ++i) {
            totals_[i] = running;
            const BreakItem& item = items[i];
            if (item.kind == BreakItem::Penalty) continue;
            running.width += item.width;
            if (item.kind == BreakItem::Box) {  // font expansion is always finite
                if (std::isfinite(item.stretch)) running.boxStretch += item.stretch;
                if (std::isfinite(item.shrink)) running.boxShrink += item.shrink;
                continue;
            }
            if (std::isinf(item.stretch) && item.stretch > 0) ++running.infiniteStretch;
            else if (std::isfinite(item.stretch)) running.stretch += item.stretch;
            if (std::isfinite(item.shrink)) running.shrink += item.shrink;  // TeX too refuses infinite shrink
        }
        totals_[n] = running;
        hanging_ = params.hangingPunctuation;
        maxHyphenRun_ = std::max(0, params.maxConsecutiveHyphens);

        lineWidths_.clear();
        for (float w : params.lineWidths) lineWidths_.push_back(w);
        if (lineWidths_.empty()) lineWidths_.push_back(0);
        easyLine_ = static_cast<uint32_t>(lineWidths_.size() - 1);

        // For the widow rule: the last box, and the last interword glue before it.
        lastBox_ = NoItem;
        lastWordGap_ = NoItem;
        for (size_t i = n; i-- > 0;) {
            if (lastBox_ == NoItem) {
                if (items[i].kind == BreakItem::Box) lastBox_ = static_cast<uint32_t>(i);
            } else if (isWordGap(i)) {
                lastWordGap_ = static_cast<uint32_t>(i);
                break;
            }
        }

        // The active list is in order of position. With one line width, and nothing of negative width or stretch,
        // a line from a later break is never less loose than one from an earlier break.
        loosenessIsMonotone_ = lineWidths_.size() == 1;
        for (const BreakItem& item : items)
            if (item.width < 0 || item.stretch < 0 || item.shrink < 0) loosenessIsMonotone_ = false;

        pool_.reserve(std::min(n / 2 + 16, compactionMinimum_));
        active_.reserve(64);
        next_.reserve(64);
    }

    // One sweep. A feasible line has an adjustment ratio of at most `tolerance` (justified) or leaves at most that
    // fraction of the width empty (ragged). With `emergency`, any line that is not overfull is feasible, and the last
    // active break survives an overfull line (a box wider than the line then sits alone), so the sweep always
    // reaches the end. False when no feasible set of lines exists.
    bool run(double tolerance, bool emergency, std::vector<LineBreak>& out) {
        const size_t n = items_.size();
        const bool unlimited = std::isinf(tolerance);  // inf * 0 stretch would be NaN
        pool_.clear();
        active_.clear();
        pool_.push_back(Node{});  // the paragraph start: line 0 begins at item 0
        compactAt_ = compactionMinimum_;
        pool_[0].hangStart = hangStartAt(0);
        pool_[0].flagged = params_.hyphenBreaksBefore > 0;
        pool_[0].fitness = params_.justify ? fitnessOf(params_.lookBefore) : Decent;
        pool_[0].hyphenRun = static_cast<uint8_t>(std::clamp(params_.hyphenBreaksBefore, 0, 255));
        active_.push_back(0);

        for (size_t b = 0; b < n; ++b) {
            const BreakItem& item = items_[b];
            const bool final = b + 1 == n;
            if (!final && !isLegalBreak(b)) continue;
            const bool isPenalty = item.kind == BreakItem::Penalty;
            const bool beforeBox = item.kind == BreakItem::Box && !final;  // a breakBefore box (isLegalBreak)
            const double penalty = isPenalty || beforeBox ? item.penalty : 0.0;
            const bool flagged = isPenalty && item.flagged;
            const bool forced = final || penalty <= PenaltyForced;
            // A final box belongs to the last line; a glue or penalty break does not (a penalty adds its width).
            const uint32_t lineEnd = static_cast<uint32_t>(final && item.kind == BreakItem::Box ? n : b);
            const Totals& end = totals_[lineEnd];
            // What the line ending here may hang into the margin at its end comes off its natural width.
            hangEndHere_ = hangEndAt(b, final);
            const double endWidth = end.width + (isPenalty ? item.width : 0.0) - hangEndHere_;
            beginBreakpoint();

            uint32_t group = NoItem;
            double lineWidth = 0;
            for (size_t k = 0; k < active_.size(); ++k) {
                const uint32_t index = active_[k];
                if (pool_[index].line != group) {
                    // Lines of different widths are compared only among themselves (TeX does the same).
                    if (haveCandidates_) flushCandidates(b, group, flagged);  // may grow the pool
                    group = pool_[index].line;
                    lineWidth = lineWidths_[std::min<size_t>(group, lineWidths_.size() - 1)];
                }
                const Node& a = pool_[index];
                if (a.startItem > lineEnd) {  // b lies in the glue and penalties discarded after a
                    next_.push_back(index);
                    continue;
                }

                const Totals& start = totals_[a.startItem];
                const double natural = endWidth - start.width - a.hangStart;
                double ratio = 0, boxRatio = 0;
                bool overfull = false;
                bool tooLoose = false;
                // For skipping later starts: they may hang less on the left, so judge them without a's hang.
                bool laterTooLoose = false;
                if (params_.justify) {
                    if (natural < lineWidth - WidthEpsilon) {
                        if (end.infiniteStretch == start.infiniteStretch) {
                            double glue = end.stretch - start.stretch;
                            const double boxes = boxAdjust_ == BoxAdjust::None ? 0.0 : end.boxStretch - start.boxStretch;
                            double rest = lineWidth - natural;
                            if (boxAdjust_ == BoxAdjust::First) {
                                boxRatio = boxes > 0 ? std::min(1.0, rest / boxes) : 0.0;
                                rest = std::max(0.0, rest - boxes);
                            } else {
                                glue += boxes;
                            }
                            // Most tries are lines still far too short: decide that without dividing.
                            tooLoose = !unlimited && !(rest <= tolerance * glue);
                            laterTooLoose = tooLoose && !(rest - a.hangStart <= tolerance * glue);
                            if (!tooLoose) ratio = rest <= WidthEpsilon ? 0.0 : glue > 0 ? rest / glue : Infinity;
                            if (boxAdjust_ == BoxAdjust::LikeGlue) boxRatio = ratio;
                        }
                    } else if (natural > lineWidth + WidthEpsilon) {
                        double glue = end.shrink - start.shrink;
                        const double boxes = boxAdjust_ == BoxAdjust::None ? 0.0 : end.boxShrink - start.boxShrink;
                        double rest = natural - lineWidth;
                        if (boxAdjust_ == BoxAdjust::First) {
                            boxRatio = boxes > 0 ? -std::min(1.0, rest / boxes) : 0.0;
                            rest = std::max(0.0, rest - boxes);
                        } else {
                            glue += boxes;
                        }
                        overfull = rest > glue + WidthEpsilon;
                        if (!overfull) ratio = rest <= WidthEpsilon ? 0.0 : -std::min(1.0, rest / glue);
                        if (boxAdjust_ == BoxAdjust::LikeGlue) boxRatio = ratio;
                    }
                } else {
                    overfull = natural > lineWidth + WidthEpsilon;
                    // A ragged line ending at a forced break (the last line) is free, however short.
                    tooLoose = !unlimited && !overfull && !forced && lineWidth - natural > tolerance * lineWidth;
                    laterTooLoose = tooLoose && lineWidth - natural - a.hangStart > tolerance * lineWidth;
                }

                if (overfull) {
                    const bool lastHope = emergency && k + 1 == active_.size() && next_.empty() && !haveCandidates_;
                    if (!lastHope) continue;  // drop a: its lines only get longer
                    // TeX's "artificial demerits": the overfull line is accepted at no extra cost.
                    const bool squeeze = params_.justify;
                    record(index, squeeze ? Tight : Decent, squeeze ? -1.0f : 0.0f,
                           squeeze && boxAdjust_ != BoxAdjust::None ? -1.0f : 0.0f, a.demerits);
                    continue;
                }
                if (!forced) next_.push_back(index);
                if (tooLoose) {
                    // Breaks after a start later and make even looser lines: when that holds, skip them all.
                    if (loosenessIsMonotone_ && laterTooLoose) {
                        if (!forced) next_.insert(next_.end(), active_.begin() + k + 1, active_.end());
                        break;
                    }
                    continue;
                }

                const int hyphenRun = flagged ? a.hyphenRun + 1 : 0;
                // Too many hyphens in a row: never in the normal passes, at a price in the emergency pass.
                const bool hyphenRunTooLong = maxHyphenRun_ > 0 && hyphenRun > maxHyphenRun_;
                if (hyphenRunTooLong && !emergency) continue;

                double badness = 0;
                uint8_t fitness = Decent;
                if (params_.justify) {
                    badness = std::min(MaxBadness, 100.0 * std::fabs(ratio * ratio * ratio));
                    // Fitness judges how the line looks as a whole: with expansion first, letters at their limit
                    // and spaces a little wide look looser than either alone.
                    double look = ratio;
                    if (boxAdjust_ == BoxAdjust::First) {
                        badness = std::min(MaxBadness, badness + ExpansionBadness * boxRatio * boxRatio);
                        look = ratio + boxRatio;
                    }
                    fitness = fitnessOf(look);
                } else if (!forced && lineWidth > 0) {
                    const double slack = (lineWidth - std::min(natural, lineWidth)) / lineWidth;
                    badness = params_.raggedBadnessScale * slack * slack;
                }

                double demerits = params_.linePenalty + badness;
                demerits *= demerits;
                if (penalty > 0) demerits += penalty * penalty;
                else if (penalty < 0 && !forced) demerits -= penalty * penalty;
                if (flagged && a.flagged) demerits += params_.flaggedDemerits;
                if (hyphenRunTooLong) demerits += ExcessHyphenRunDemerits;
                if (std::abs(int(fitness) - int(a.fitness)) > 1) demerits += params_.fitnessDemerits;
                if (final) {
                    if (a.flagged) demerits += params_.lastLineHyphenDemerits;
                    if (isWidowLine(a, lineWidth)) demerits += params_.widowWordDemerits;
                }
                float reported = 0, reportedBoxes = 0;
                if (params_.justify) {
                    reported = static_cast<float>(std::min<double>(ratio, LargestReportedRatio));
                    reportedBoxes = static_cast<float>(std::min<double>(boxRatio, LargestReportedRatio));
                }
                const int slot = fitness + (maxHyphenRun_ > 0 && hyphenRun >= maxHyphenRun_ ? FitnessCount : 0);
                record(index, slot, reported, reportedBoxes, a.demerits + demerits);
            }
            if (haveCandidates_) flushCandidates(b, group, flagged);
            std::swap(active_, next_);
            if (active_.empty()) return false;  // no feasible way past b at this tolerance
            if (pool_.size() >= compactAt_) compactPool();
        }

        // After the final break only breaks at the end are active, unless the list lacks its finishing sequence and
        // ends in discardable items; then the best earlier break ends the text and the last item closes it.
        const uint32_t lastItem = static_cast<uint32_t>(n - 1);
        uint32_t best = active_[0];
        for (uint32_t index : active_) {
            const Node& candidate = pool_[index];
            const bool atEnd = candidate.item == lastItem, bestAtEnd = pool_[best].item == lastItem;
            if ((atEnd && !bestAtEnd) || (atEnd == bestAtEnd && candidate.demerits < pool_[best].demerits)) best = index;
        }
        out.clear();
        if (pool_[best].item != lastItem) out.push_back({lastItem, 0, 0, pool_[best].hangStart, 0});
        for (uint32_t node = best; node != 0; node = pool_[node].parent) {
            const Node& here = pool_[node];
            out.push_back({here.item, here.ratio, here.boxRatio, pool_[here.parent].hangStart, here.hangEnd});
        }
        std::reverse(out.begin(), out.end());
        return true;
    }

private:
    bool isWordGap(size_t i) const {
        return items_[i].kind == BreakItem::Glue && i > 0 && items_[i - 1].kind == BreakItem::Box;
    }

    bool isLegalBreak(size_t i) const {
        const BreakItem& item = items_[i];
        if (item.kind == BreakItem::Glue) return isWordGap(i);
        if (item.kind == BreakItem::Box) return item.breakBefore && item.penalty < PenaltyForbidden && i > 0;
        return item.kind == BreakItem::Penalty && item.penalty < PenaltyForbidden;
    }

    // Hanging punctuation: what the first box from `start` on may hang at the line's start, and what a line ending at
    // `b` may hang at its end (an inserted hyphen's own hang, else the box before the break: a word, or a word ending in a dash).
    float hangStartAt(size_t start) const {
        if (!hanging_) return 0;
        for (size_t j = start; j < items_.size(); ++j) {
            if (items_[j].kind == BreakItem::Box) return items_[j].hangStart;
            if (items_[j].kind == BreakItem::Penalty && items_[j].penalty <= PenaltyForced) break;
        }
        return 0;
    }
    float hangEndAt(size_t b, bool final) const {
        if (!hanging_ || final) return 0;  // the last line is not filled: nothing to gain
        const BreakItem& item = items_[b];
        if (item.kind == BreakItem::Penalty && item.width > 0) return item.hangEnd;
        return b > 0 && items_[b - 1].kind == BreakItem::Box ? items_[b - 1].hangEnd : 0.0f;
    }

    // The line starting after `a` and running to the end: one word (no interword glue) and short.
    bool isWidowLine(const Node& a, double lineWidth) const {
        if (lastBox_ == NoItem || a.startItem > lastBox_) return false;  // no box on the line at all
        if (lastWordGap_ != NoItem && a.startItem <= lastWordGap_) return false;
        const double content = totals_[lastBox_ + 1].width - totals_[a.startItem].width;
        return content <= WidowMaxWidthFraction * lineWidth;
    }

    void beginBreakpoint() {
        next_.clear();
        haveCandidates_ = false;
        startItemKnown_ = false;
        for (int c = 0; c < SlotCount; ++c) bestDemerits_[c] = Infinity;
    }

    void record(uint32_t from, int slot, float ratio, float boxRatio, double demerits) {
        if (demerits < bestDemerits_[slot]) {
            bestDemerits_[slot] = demerits;
            bestParent_[slot] = from;
            bestRatio_[slot] = ratio;
            bestBoxRatio_[slot] = boxRatio;
        }
        haveCandidates_ = true;
    }

    // Makes breaks at b active for the best arrival in each slot, skipping classes so much worse than the best that
    // the fitness demerits they might save could never make up the difference, and arrivals that end a full run of
    // hyphens when one of the same fitness that does not is no dearer.
    void flushCandidates(size_t b, uint32_t group, bool flagged) {
        const double slack = params_.justify ? params_.fitnessDemerits : 0.0;
        double leastOpen = Infinity, least = Infinity;
        for (int c = 0; c < FitnessCount; ++c) leastOpen = std::min(leastOpen, bestDemerits_[c]);
        for (int c = 0; c < SlotCount; ++c) least = std::min(least, bestDemerits_[c]);
        if (!startItemKnown_) {
            startItemAfterBreak_ = startAfter(b);
            hangStartAfterBreak_ = hangStartAt(startItemAfterBreak_);
            startItemKnown_ = true;
        }
        for (int c = 0; c < SlotCount; ++c) {
            const bool runFull = c >= FitnessCount;
            const double limit = (runFull ? least : leastOpen) + slack;
            if (!std::isfinite(bestDemerits_[c]) || !(bestDemerits_[c] <= limit)) continue;  // empty slot, or too dear
            if (runFull && bestDemerits_[c] >= bestDemerits_[c - FitnessCount]) continue;
            Node created;
            created.demerits = bestDemerits_[c];
            created.startItem = startItemAfterBreak_;
            created.line = std::min(group + 1, easyLine_);
            created.fitness = static_cast<uint8_t>(c % FitnessCount);
            created.flagged = flagged;
            created.hyphenRun = static_cast<uint8_t>(flagged ? std::min(pool_[bestParent_[c]].hyphenRun + 1, 255) : 0);
            created.item = static_cast<uint32_t>(b);
            created.parent = bestParent_[c];
            created.ratio = bestRatio_[c];
            created.boxRatio = bestBoxRatio_[c];
            created.hangEnd = hangEndHere_;
            created.hangStart = hangStartAfterBreak_;
            next_.push_back(static_cast<uint32_t>(pool_.size()));
            pool_.push_back(created);
            bestDemerits_[c] = Infinity;
        }
        haveCandidates_ = false;
    }

    // Drops the nodes that no active break descends from. Parents precede their children in the pool, so one pass in
    // order renumbers them; the paragraph start stays at 0.
    void compactPool() {
        constexpr uint32_t Dead = NoItem;
        remap_.assign(pool_.size(), Dead);
        for (uint32_t index : active_)
            for (uint32_t node = index; remap_[node] == Dead; node = pool_[node].parent) {
                remap_[node] = 0;  // live; numbered below
                if (node == 0) break;
            }
        uint32_t live = 0;
        for (uint32_t node = 0; node < pool_.size(); ++node) {
            if (remap_[node] == Dead) continue;
            remap_[node] = live;
            Node moved = pool_[node];
            moved.parent = node == 0 ? 0 : remap_[moved.parent];
            pool_[live++] = moved;
        }
        pool_.resize(live);
        for (uint32_t& index : active_) index = remap_[index];
        compactAt_ = std::max(compactionMinimum_, 2 * static_cast<size_t>(live));
    }

    // The line after a break starts at the next box (or forced break): glue and penalties at a break vanish. After a
    // break before a box, at that box.
    uint32_t startAfter(size_t b) const {
        if (items_[b].kind == BreakItem::Box) return static_cast<uint32_t>(b);  // a break before this box
        size_t j = b + 1;
        for (; j < items_.size(); ++j) {
            const BreakItem& item = items_[j];
            if (item.kind == BreakItem::Box) break;
            if (item.kind == BreakItem::Penalty && item.penalty <= PenaltyForced) break;
        }
        return static_cast<uint32_t>(j);
    }

    const std::vector<BreakItem>& items_;
    const BreakParams& params_;
    std::vector<Totals>& totals_;
    std::vector<double>& lineWidths_;
    uint32_t easyLine_ = 0;
    uint32_t lastBox_ = NoItem;
    uint32_t lastWordGap_ = NoItem;
    bool loosenessIsMonotone_ = false;
    BoxAdjust boxAdjust_ = BoxAdjust::LikeGlue;
    bool hanging_ = false;
    int maxHyphenRun_ = 0;
    float hangEndHere_ = 0;        // of a line ending at the breakpoint being tried

    std::vector<Node>& pool_;
    // Indices into pool_, sorted by line group (TeX keeps its active list so too). With a single line width there is
    // one group and new breaks are appended, so the list is also in position order.
    std::vector<uint32_t>& active_;
    std::vector<uint32_t>& next_;
    std::vector<uint32_t>& remap_;
    size_t compactionMinimum_;
    size_t compactAt_ = 0;

    // Best arrival at the current breakpoint per fitness class, within the current line-width group.
    double bestDemerits_[SlotCount] = {};
    uint32_t bestParent_[SlotCount] = {};
    float bestRatio_[SlotCount] = {};
    float bestBoxRatio_[SlotCount] = {};
    bool haveCandidates_ = false;
    bool startItemKnown_ = false;
    uint32_t startItemAfterBreak_ = 0;
    float hangStartAfterBreak_ = 0;
};

}  // namespace

BreakWorkspace::BreakWorkspace() : buffers_(new Buffers) {}
BreakWorkspace::~BreakWorkspace() = default;

void breakOptimal(const std::vector<BreakItem>& items, const BreakParams& params, BreakWorkspace& workspace,
                  std::vector<LineBreak>& result) {
    result.clear();
    if (items.empty()) return;
    if (items.size() >= NoItem) {  // beyond any paragraph; keep the indices honest rather than fail oddly
        result.push_back({items.size() - 1, 0});
        return;
    }
    OptimalBreaker breaker(items, params, workspace.buffers(), workspace.poolCompactionMinimum);
    if (params.justify) {
        const double tolerance = std::max(0.0f, params.tolerance);
        if (breaker.run(tolerance, false, result)) return;
        if (breaker.run(tolerance * SecondPassToleranceScale, false, result)) return;
    } else {
        if (breaker.run(RaggedFirstPassMaxSlack, false, result)) return;
    }
    if (breaker.run(Infinity, true, result)) return;
    result.assign(1, LineBreak{items.size() - 1, 0});  // unreachable: the emergency sweep always finishes
}

std::vector<LineBreak> breakOptimal(const std::vector<BreakItem>& items, const BreakParams& params) {
    BreakWorkspace workspace;
    std::vector<LineBreak> result;
    breakOptimal(items, params, workspace, result);
    return result;
}

}  // namespace galley
