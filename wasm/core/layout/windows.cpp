// windows.cpp — long paragraphs (over two windows of text, ArticleLayout::windowBytes) set a window at a time, so
// that no one of them holds the viewer for long and memory stays that of one window.
#include "piece.h"

#include "utf8.h"

#include <algorithm>
#include <cmath>

namespace galley {

// A window of a long paragraph is broken as if the paragraph ended with it. Its last lines, set for that false end,
// are given back and set again at the start of the next window: an ending changes Knuth-Plass's choices only a few
// lines up (the README's Typesetting section compares windows with whole paragraphs).
constexpr size_t WindowOverlapLines = 5;

// Sets a windowed piece a window at a time from where it stopped; false when more() stopped it between windows. A
// window that does not keep some lines beyond those it gives back is measured again, twice as long.
ArticleLayout::Placed ArticleLayout::setWindows(const Piece& piece, const std::function<bool()>& more) {
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
            s.sourceByte = static_cast<uint32_t>(text_->byte);
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
            if (tooLooseToJustify(s, keep)) return Placed::StartedOver;  // the lines given back are judged next time
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
        if (text_->byte < text.size() && !more()) return Placed::Stopped;
    }
    return Placed::Whole;
}

}  // namespace galley
