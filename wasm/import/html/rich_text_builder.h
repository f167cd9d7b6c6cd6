// rich_text_builder.h — rich text built from an element's content as a browser lays it out: runs of HTML white
// space (space, tab, newline, form feed, carriage return) become one space, none at the start or the end, none
// after a line break (<br> is the format's hard line break, U+2028); no-break spaces are kept. Marks are opened and closed around the content they cover and
// come out in code points ([start, end)); a mark that covers nothing is left out. With a quote style, finish()
// applies the typographic clean-up (typography.h) to all but code and preformatted text, which stay as written.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model.h"
#include "typography.h"

namespace galley::importing::html {

class RichTextBuilder {
public:
    explicit RichTextBuilder(const QuoteStyle* quotes = nullptr) : quotes_(quotes) {}
    void text(std::string_view raw);          // white space collapsed
    void verbatim(std::string_view raw);      // as written (inside <pre>), never smartened
    void beginCode() { ++code_; }             // text until endCode() is code: never smartened
    void endCode() { --code_; }
    void clean(std::string_view cleanedText); // text that was smartened already (a finished part): kept as it is
    void space();                             // a boundary that reads as a space (between block contents)
    void lineBreak();                         // between the paragraphs of one quotation: a newline (laid out as a space)
    void hardBreak();                         // <br>: U+2028, the format's hard line break
    size_t open(MarkKind kind, std::string href = {});
    void close(size_t mark);
    void setNote(size_t mark, std::string note) { marks_[mark].note = std::move(note); }
    bool empty() const { return length_ == 0; }
    RichText finish();

private:
    void emit(uint32_t c, bool verbatim);
    void breakLine(uint32_t c);
    bool afterBreak_ = false;  // the last code point ends a line: no space after it
    const QuoteStyle* quotes_;
    int code_ = 0;
    std::vector<bool> verbatim_;  // per code point of text_
    std::string text_;
    uint32_t length_ = 0;
    bool pendingSpace_ = false;
    std::vector<Mark> marks_;
    std::vector<bool> open_;
};

}  // namespace galley::importing::html
