// link_runs.cpp — see link_runs.h.
#include "link_runs.h"

#include "layout.h"
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

bool LinkRuns::runsFor(const Article& article, const TextLine& line, const std::vector<std::string>& words,
                       std::vector<std::pair<std::string, int>>& runs, std::vector<std::string>& hrefs) {
    if (!selectSource(article, line) || linkOfCodePoint_.empty()) return false;
    int previousWordEnd = -1;
    std::vector<std::pair<std::string, int>> out;
    for (size_t wi = 0; wi < words.size(); ++wi) {
        const std::string& word = words[wi];
        const size_t at = rich_->text.find(word, cursorByte_);
        if (word.empty() || at == std::string::npos) return false;
        const uint32_t startCp = cursorCodePoint_ + static_cast<uint32_t>(utf8::countCodePoints(
            std::string_view(rich_->text).substr(cursorByte_, at - cursorByte_)));
        if (wi > 0) {
            // The space between words belongs to a link that runs across it.
            const int before = linkAt(startCp - 1, hrefs), after = linkAt(startCp, hrefs);
            appendRun(out, " ", before == after && before == previousWordEnd ? after : -1);
        }
        // Split the word where link marks start or end.
        size_t i = 0, pieceBegin = 0;
        uint32_t cp = startCp;
        const std::string_view w(word);
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
        cursorByte_ = at + word.size();
        cursorCodePoint_ = cp;
    }
    if (std::none_of(out.begin(), out.end(), [](const auto& run) { return run.second >= 0; })) return false;
    runs = std::move(out);
    return true;
}

// Which source text the line is set from; keeps the cursor while lines follow on in the same source.
bool LinkRuns::selectSource(const Article& article, const TextLine& line) {
    if (line.block == UINT32_MAX || line.block >= article.blocks.size()) return false;
    const Block& b = article.blocks[line.block];
    int kind = -1;
    switch (line.role) {
        case LineRole::Paragraph: case LineRole::Heading: case LineRole::Quote: case LineRole::Pullquote:
        case LineRole::DropCap: kind = 0; break;
        case LineRole::Caption: kind = 1; break;
        case LineRole::Attribution: kind = 2; break;
        case LineRole::ListItem: kind = 3 + static_cast<int>(listItem_); break;
        default: return false;
    }
    if (line.block != block_) {
        block_ = line.block;
        listItem_ = 0;
        kind_ = -1;
        if (kind >= 3) kind = 3;
    }
    if (kind != kind_ || rich_ == nullptr) {
        kind_ = kind;
        cursorByte_ = 0;
        cursorCodePoint_ = 0;
        if (kind == 0) rich_ = &b.text;
        else if (kind == 1) rich_ = &b.caption;
        else if (kind == 2) {
            attribution_ = attributionAsSet(b);
            rich_ = &attribution_;
        } else rich_ = static_cast<size_t>(kind - 3) < b.items.size() ? &b.items[kind - 3] : nullptr;
        linkOfCodePoint_.clear();
        cachedMark_ = -1;
        if (rich_) {
            const size_t n = utf8::countCodePoints(rich_->text);
            for (size_t m = 0; m < rich_->marks.size(); ++m) {
                const Mark& mark = rich_->marks[m];
                if (mark.kind != MarkKind::Link) continue;
                if (linkOfCodePoint_.empty()) linkOfCodePoint_.assign(n, -1);
                const size_t s = std::min<size_t>(mark.start, n), e = std::min<size_t>(mark.end, n);
                std::fill(linkOfCodePoint_.begin() + static_cast<std::ptrdiff_t>(s),
                          linkOfCodePoint_.begin() + static_cast<std::ptrdiff_t>(std::max(s, e)), static_cast<int32_t>(m));
            }
        }
    }
    if (line.role == LineRole::ListItem && line.last) ++listItem_;  // the next list line starts the next item
    return rich_ != nullptr;
}

int LinkRuns::linkAt(uint32_t cp, std::vector<std::string>& hrefs) {
    const int32_t mark = cp < linkOfCodePoint_.size() ? linkOfCodePoint_[cp] : -1;
    if (mark < 0) return -1;
    const std::string& href = rich_->marks[static_cast<size_t>(mark)].href;
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
