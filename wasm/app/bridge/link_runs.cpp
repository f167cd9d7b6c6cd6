// link_runs.cpp — see link_runs.h.
#include "link_runs.h"

#include "layout.h"
#include "table_grid.h"
#include "utf8.h"

#include <algorithm>
#include <string_view>

namespace galley {

namespace {

void appendRun(std::vector<std::pair<std::string, int>>& runs, std::string_view text, int href) {
    if (text.empty()) return;
    if (!runs.empty() && runs.back().second == href) runs.back().first += text;
    else runs.emplace_back(std::string(text), href);
}

}  // namespace

bool LinkRuns::runsFor(const RichText* text, const TextLine& line, std::vector<std::pair<std::string, int>>& runs,
                       std::vector<std::string>& hrefs) {
    if (!selectSource(text) || linkOfCodePoint_.empty()) return false;
    const std::string_view source(rich_->text);
    int previousWordEnd = -1;
    std::vector<std::pair<std::string, int>> out;
    for (size_t wi = 0; wi < line.words.size(); ++wi) {
        const WordBox& word = line.words[wi];
        if (word.sourceBegin >= word.sourceEnd || word.sourceEnd > source.size()) return false;
        const std::string_view w = source.substr(word.sourceBegin, word.sourceEnd - word.sourceBegin);
        const uint32_t startCp = codePointAt(word.sourceBegin);
        if (wi > 0 && !word.joinsPrevious) {
            // The space between words belongs to a link that runs across it.
            const int before = linkAt(startCp - 1, hrefs), after = linkAt(startCp, hrefs);
            appendRun(out, " ", before == after && before == previousWordEnd ? after : -1);
        }
        // Split the word where link marks start or end.
        size_t i = 0, pieceBegin = 0;
        uint32_t cp = startCp;
        int current = linkAt(cp, hrefs);
        while (i < w.size()) {
            const size_t begin = i;
            utf8::next(w, i);
            const int link = linkAt(cp, hrefs);
            if (link != current) {
                appendRun(out, w.substr(pieceBegin, begin - pieceBegin), current);
                pieceBegin = begin;
                current = link;
            }
            ++cp;
        }
        appendRun(out, w.substr(pieceBegin), current);
        previousWordEnd = linkAt(cp - 1, hrefs);
        cursorByte_ = word.sourceEnd;
        cursorCodePoint_ = cp;
    }
    if (std::none_of(out.begin(), out.end(), [](const auto& run) { return run.second >= 0; })) return false;
    runs = std::move(out);
    return true;
}

// The text the lines are set from: counted from its start when it changes.
bool LinkRuns::selectSource(const RichText* source) {
    if (source == rich_) return rich_ != nullptr;
    rich_ = source;
    cursorByte_ = 0;
    cursorCodePoint_ = 0;
    linkOfCodePoint_.clear();
    cachedMark_ = -1;
    if (rich_) {
        const size_t n = utf8::countCodePoints(rich_->text);
        for (size_t m = 0; m < rich_->marks.size(); ++m) {
            const Mark& mark = rich_->marks[m];
            if (mark.kind != MarkKind::Link && mark.kind != MarkKind::Note) continue;
            if (linkOfCodePoint_.empty()) linkOfCodePoint_.assign(n, -1);
            const size_t s = std::min<size_t>(mark.start, n), e = std::min<size_t>(mark.end, n);
            std::fill(linkOfCodePoint_.begin() + static_cast<std::ptrdiff_t>(s),
                      linkOfCodePoint_.begin() + static_cast<std::ptrdiff_t>(std::max(s, e)), static_cast<int32_t>(m));
        }
    }
    return rich_ != nullptr;
}

uint32_t LinkRuns::codePointAt(uint32_t byte) {
    if (byte < cursorByte_) cursorByte_ = cursorCodePoint_ = 0;  // lines of a source come in order: never seen
    const std::string_view between = std::string_view(rich_->text).substr(cursorByte_, byte - cursorByte_);
    cursorCodePoint_ += static_cast<uint32_t>(utf8::countCodePoints(between));
    cursorByte_ = byte;
    return cursorCodePoint_;
}

int LinkRuns::linkAt(uint32_t cp, std::vector<std::string>& hrefs) {
    const int32_t mark = cp < linkOfCodePoint_.size() ? linkOfCodePoint_[cp] : -1;
    if (mark < 0) return -1;
    const std::string href = hrefOf(rich_->marks[static_cast<size_t>(mark)]);
    // hrefs is a new list for each chunk: the cached index holds only while it names the same link.
    if (mark == cachedMark_ && cachedHref_ < static_cast<int>(hrefs.size()) && hrefs[static_cast<size_t>(cachedHref_)] == href)
        return cachedHref_;
    auto it = std::find(hrefs.begin(), hrefs.end(), href);
    if (it == hrefs.end()) it = hrefs.insert(hrefs.end(), href);
    cachedMark_ = mark;
    cachedHref_ = static_cast<int>(it - hrefs.begin());
    return cachedHref_;
}

}  // namespace galley
