// rich_text_builder.cpp — see rich_text_builder.h.
#include "rich_text_builder.h"

#include <algorithm>

#include "utf8.h"

namespace galley::importing::html {
namespace {

bool isHtmlSpace(uint32_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

}  // namespace

void RichTextBuilder::emit(uint32_t c, bool verbatim) {
    if (pendingSpace_ && length_ > 0 && !afterBreak_) {
        text_.push_back(' ');
        verbatim_.push_back(false);
        ++length_;
    }
    pendingSpace_ = false;
    afterBreak_ = false;
    utf8::append(text_, c);
    verbatim_.push_back(verbatim);
    ++length_;
}

void RichTextBuilder::breakLine(uint32_t c) {
    if (length_ == 0) return;
    pendingSpace_ = false;
    utf8::append(text_, c);
    verbatim_.push_back(false);
    ++length_;
    afterBreak_ = true;
}

void RichTextBuilder::text(std::string_view raw) {
    size_t i = 0;
    while (i < raw.size()) {
        uint32_t c = utf8::next(raw, i);
        if (isHtmlSpace(c))
            pendingSpace_ = true;
        else
            emit(c, code_ > 0);
    }
}

void RichTextBuilder::verbatim(std::string_view raw) {
    size_t i = 0;
    while (i < raw.size()) {
        uint32_t c = utf8::next(raw, i);
        if (c == '\r') continue;
        if (c == '\n') {
            pendingSpace_ = false;
            text_.push_back('\n');
            verbatim_.push_back(true);
            ++length_;
            afterBreak_ = true;
            continue;
        }
        emit(c, true);
    }
}

void RichTextBuilder::clean(std::string_view cleanedText) {
    size_t i = 0;
    while (i < cleanedText.size()) {
        uint32_t c = utf8::next(cleanedText, i);
        if (c == '\n' || c == HardLineBreak) {
            breakLine(c);
            continue;
        }
        emit(c, true);
    }
}

void RichTextBuilder::space() { pendingSpace_ = true; }

void RichTextBuilder::lineBreak() { breakLine('\n'); }
void RichTextBuilder::hardBreak() { breakLine(HardLineBreak); }

size_t RichTextBuilder::open(MarkKind kind, std::string href) {
    Mark m;
    m.kind = kind;
    m.start = length_ + (pendingSpace_ && length_ > 0 && !afterBreak_ ? 1 : 0);
    m.href = std::move(href);
    marks_.push_back(std::move(m));
    open_.push_back(true);
    return marks_.size() - 1;
}

void RichTextBuilder::close(size_t mark) {
    marks_[mark].end = length_;
    open_[mark] = false;
}

RichText RichTextBuilder::finish() {
    // Trailing breaks and spaces go (a <br> at the end of a paragraph draws nothing).
    for (;;) {
        if (!text_.empty() && (text_.back() == '\n' || text_.back() == ' ')) {
            text_.pop_back();
        } else if (text_.size() >= 3 && text_.compare(text_.size() - 3, 3, "\xE2\x80\xA8") == 0) {
            text_.resize(text_.size() - 3);
        } else {
            break;
        }
        verbatim_.pop_back();
        --length_;
    }
    RichText out;
    out.text = std::move(text_);
    for (size_t k = 0; k < marks_.size(); ++k) {
        Mark m = marks_[k];
        if (open_[k]) m.end = length_;
        if (m.end > length_) m.end = length_;
        if (m.start < m.end) out.marks.push_back(std::move(m));
    }
    if (quotes_) {
        std::u32string cps = utf8::decode(out.text);
        std::vector<uint32_t> map;
        std::u32string cleaned = smartenPunctuation(cps, &map, &verbatim_, *quotes_);
        out.text = utf8::encode(cleaned);
        std::vector<Mark> kept;
        for (Mark m : out.marks) {
            m.start = map[std::min<size_t>(m.start, cps.size())];
            m.end = map[std::min<size_t>(m.end, cps.size())];
            if (m.start < m.end) kept.push_back(std::move(m));
        }
        out.marks = std::move(kept);
    }
    const QuoteStyle* quotes = quotes_;
    *this = RichTextBuilder(quotes);
    return out;
}

}  // namespace galley::importing::html
