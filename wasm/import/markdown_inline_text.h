// markdown_inline_text.h — the inline content of one Markdown block as md4c's events build it up: code points, each
// with what the later steps must know of it (set in code: typography keeps out; written escaped: "\[^1]" is no
// footnote reference; a soft line break: a space in the end, but the line a quote's attribution starts on; the input
// byte it came from: the line --explain names), and the marks over them.
//
// finish() turns it into the model's RichText: soft breaks become spaces, the ends are trimmed, and the typographic
// clean-up (typography.h) runs outside code with the marks carried through it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model.h"
#include "typography.h"

namespace galley::importing::markdown {

inline constexpr size_t NoSourceByte = static_cast<size_t>(-1);

struct InlineText {
    enum Flag : uint8_t { Code = 1, Escaped = 2, SoftBreak = 4 };

    std::u32string text;
    std::vector<uint8_t> flags;       // per code point
    std::vector<size_t> sourceBytes;  // per code point: offset in the parsed input, or NoSourceByte
    std::vector<Mark> marks;          // code point offsets into `text`

    uint32_t size() const { return static_cast<uint32_t>(text.size()); }
    void append(std::u32string_view s, uint8_t flag, size_t sourceByte);
    void append(std::string_view utf8, uint8_t flag, size_t sourceByte) { append(utf8::decode(utf8), flag, sourceByte); }
    // Code points [begin, end) become `with` (flagged like the first code point replaced); marks that end inside
    // the range end with the replacement, marks after it move.
    void replace(uint32_t begin, uint32_t end, std::u32string_view with);
    // Code points [begin, end) with the marks over them, clipped.
    InlineText slice(uint32_t begin, uint32_t end) const;
    // The first source byte known at or after code point `at` (before it when none): where a remark points.
    size_t sourceByteNear(uint32_t at) const;
    bool blank() const;  // nothing but white space
};

RichText finish(const InlineText& inline_, const QuoteStyle& quotes);

}  // namespace galley::importing::markdown
