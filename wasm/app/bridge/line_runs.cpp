// line_runs.cpp — see line_runs.h.
#include "line_runs.h"

#include "utf8.h"

#include <algorithm>
#include <string_view>
#include <utility>

namespace galley {

namespace {

uint8_t runMarkOf(MarkKind kind) {
    switch (kind) {
        case MarkKind::Code: return RunCode;
        case MarkKind::Superscript: return RunSuperscript;
        case MarkKind::Subscript: return RunSubscript;
        case MarkKind::Strikethrough: return RunStrikethrough;
        case MarkKind::Note: return RunNoteReference;
        case MarkKind::Emphasis: return RunEmphasis;
        case MarkKind::Strong: return RunStrong;
        case MarkKind::Link: return 0;
    }
    return 0;
}

constexpr std::pair<uint8_t, const char*> RunMarkNames[] = {
    {RunStrong, "strong"}, {RunEmphasis, "em"}, {RunStrikethrough, "s"}, {RunCode, "code"},
    {RunSuperscript, "sup"}, {RunSubscript, "sub"}, {RunNoteReference, "noteref"}};

void appendRun(std::vector<LineRun>& runs, std::string_view text, int href, uint8_t marks) {
    if (text.empty()) return;
    if (!runs.empty() && runs.back().href == href && runs.back().marks == marks) runs.back().text += text;
    else runs.push_back({std::string(text), href, marks});
}

}  // namespace

std::string runMarkNames(uint8_t marks) {
    std::string out;
    for (const auto& [bit, name] : RunMarkNames) {
        if (!(marks & bit)) continue;
        if (!out.empty()) out += ' ';
        out += name;
    }
    return out;
}

bool LineRuns::runsFor(const RichText* text, const TextLine& line, std::vector<LineRun>& runs,
                       std::vector<std::string>& hrefs) {
    if (!selectSource(text) || (linkOfCodePoint_.empty() && marksOfCodePoint_.empty())) return false;
    const std::string_view source(rich_->text);
    int previousLink = -1;
    uint8_t previousMarks = 0;
    std::vector<LineRun> out;
    for (size_t wi = 0; wi < line.words.size(); ++wi) {
        const WordBox& word = line.words[wi];
        if (word.sourceBegin >= word.sourceEnd || word.sourceEnd > source.size()) return false;
        const std::string_view w = source.substr(word.sourceBegin, word.sourceEnd - word.sourceBegin);
        const uint32_t startCp = codePointAt(word.sourceBegin);
        if (wi > 0 && !word.joinsPrevious) {
            // The space between words belongs to a link or mark that runs across it.
            const int before = linkAt(startCp - 1, hrefs), after = linkAt(startCp, hrefs);
            const uint8_t across = marksAt(startCp - 1) & marksAt(startCp) & previousMarks;
            appendRun(out, " ", before == after && before == previousLink ? after : -1, across);
        }
        // Split the word where links and marks start or end.
        size_t i = 0, pieceBegin = 0;
        uint32_t cp = startCp;
        int current = linkAt(cp, hrefs);
        uint8_t currentMarks = marksAt(cp);
        while (i < w.size()) {
            const size_t begin = i;
            utf8::next(w, i);
            const int link = linkAt(cp, hrefs);
            const uint8_t marks = marksAt(cp);
            if (link != current || marks != currentMarks) {
                appendRun(out, w.substr(pieceBegin, begin - pieceBegin), current, currentMarks);
                pieceBegin = begin;
                current = link;
                currentMarks = marks;
            }
            ++cp;
        }
        appendRun(out, w.substr(pieceBegin), current, currentMarks);
        previousLink = linkAt(cp - 1, hrefs);
        previousMarks = marksAt(cp - 1);
        cursorByte_ = word.sourceEnd;
        cursorCodePoint_ = cp;
    }
    if (std::none_of(out.begin(), out.end(), [](const LineRun& run) { return run.href >= 0 || run.marks; })) return false;
    runs = std::move(out);
    return true;
}

// The text the lines are set from: counted from its start when it changes.
bool LineRuns::selectSource(const RichText* source) {
    if (source == rich_) return rich_ != nullptr;
    rich_ = source;
    cursorByte_ = 0;
    cursorCodePoint_ = 0;
    linkOfCodePoint_.clear();
    marksOfCodePoint_.clear();
    cachedMark_ = -1;
    if (rich_) {
        const size_t n = utf8::countCodePoints(rich_->text);
        for (size_t m = 0; m < rich_->marks.size(); ++m) {
            const Mark& mark = rich_->marks[m];
            const auto s = static_cast<std::ptrdiff_t>(std::min<size_t>(mark.start, n));
            const auto e = std::max(s, static_cast<std::ptrdiff_t>(std::min<size_t>(mark.end, n)));
            if (mark.kind == MarkKind::Link || mark.kind == MarkKind::Note) {
                if (linkOfCodePoint_.empty()) linkOfCodePoint_.assign(n, -1);
                std::fill(linkOfCodePoint_.begin() + s, linkOfCodePoint_.begin() + e, static_cast<int32_t>(m));
            }
            if (const uint8_t bit = runMarkOf(mark.kind)) {
                if (marksOfCodePoint_.empty()) marksOfCodePoint_.assign(n, 0);
                for (auto k = s; k < e; ++k) marksOfCodePoint_[static_cast<size_t>(k)] |= bit;
            }
        }
    }
    return rich_ != nullptr;
}

uint32_t LineRuns::codePointAt(uint32_t byte) {
    if (byte < cursorByte_) cursorByte_ = cursorCodePoint_ = 0;  // lines of a source come in order: never seen
    const std::string_view between = std::string_view(rich_->text).substr(cursorByte_, byte - cursorByte_);
    cursorCodePoint_ += static_cast<uint32_t>(utf8::countCodePoints(between));
    cursorByte_ = byte;
    return cursorCodePoint_;
}

int LineRuns::linkAt(uint32_t cp, std::vector<std::string>& hrefs) {
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
