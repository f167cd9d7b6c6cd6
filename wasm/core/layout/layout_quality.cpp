// layout_quality.cpp — see layout_quality.h.
#include "layout_quality.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace galley {

namespace {

// Geometry may be off by float rounding; this much past the measure is not an overflow.
constexpr float OverflowTolerance = 0.01f;

bool isWhiteSpaceByte(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

}  // namespace

LayoutQuality measureLayoutQuality(const DisplayList& dl, LineRole role) {
    LayoutQuality q;
    double deviationSum = 0, fillSum = 0, fillSquares = 0;
    size_t hyphenated = 0;
    int run = 0;
    q.minSpaceRatio = INFINITY;
    for (const TextLine& line : dl.lines) {
        if (line.role != role) continue;
        ++q.lines;
        run = line.hyphenated ? run + 1 : 0;
        q.longestHyphenRun = std::max(q.longestHyphenRun, run);
        if (line.hyphenated) ++hyphenated;
        const float inkLeft = line.x + line.hangLeft, inkRight = line.x + line.width - line.hangRight;
        if (inkLeft < -OverflowTolerance || inkRight > dl.width + OverflowTolerance) ++q.overflowingLines;
        if (line.last || line.words.size() < 2 || line.space <= 0) continue;
        double gaps = 0;
        for (size_t i = 1; i < line.words.size(); ++i)
            gaps += line.words[i].x - (line.words[i - 1].x + line.words[i - 1].width);
        const double ratio = gaps / static_cast<double>(line.words.size() - 1) / line.space;
        const double fill = inkRight / dl.width;
        ++q.spacedLines;
        deviationSum += std::fabs(ratio - 1);
        q.maxSpaceRatio = std::max(q.maxSpaceRatio, ratio);
        q.minSpaceRatio = std::min(q.minSpaceRatio, ratio);
        fillSum += fill;
        fillSquares += fill * fill;
    }
    if (q.spacedLines > 0) {
        const double n = static_cast<double>(q.spacedLines);
        q.meanSpaceDeviation = deviationSum / n;
        q.meanFill = fillSum / n;
        q.fillDeviation = std::sqrt(std::max(0.0, fillSquares / n - q.meanFill * q.meanFill));
    } else {
        q.minSpaceRatio = 0;
    }
    if (q.lines > 0) q.hyphenatedFraction = static_cast<double>(hyphenated) / static_cast<double>(q.lines);
    return q;
}

bool keepsEveryWord(const Article& article, const DisplayList& dl) {
    std::vector<std::string> laid(article.blocks.size());
    for (const TextLine& line : dl.lines) {
        if (line.block >= article.blocks.size() || line.role == LineRole::Marker) continue;
        if (article.blocks[line.block].type != BlockType::Paragraph) continue;
        std::string& text = laid[line.block];
        for (size_t i = 0; i < line.words.size(); ++i) {
            const std::string& w = line.words[i].text;
            const bool insertedHyphen = line.hyphenated && i + 1 == line.words.size();
            text.append(w, 0, insertedHyphen && !w.empty() ? w.size() - 1 : w.size());
        }
    }
    for (size_t b = 0; b < article.blocks.size(); ++b) {
        if (article.blocks[b].type != BlockType::Paragraph) continue;
        std::string source;
        for (char c : article.blocks[b].text.text)
            if (!isWhiteSpaceByte(c)) source += c;
        if (source != laid[b]) return false;
    }
    return true;
}

bool justifiedReadsWell(const LayoutQuality& q) {
    return q.meanSpaceDeviation <= JustifyMaxMeanDeviation && q.maxSpaceRatio <= JustifyMaxSpaceRatio;
}

}  // namespace galley
