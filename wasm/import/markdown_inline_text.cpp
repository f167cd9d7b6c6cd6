// markdown_inline_text.cpp — see markdown_inline_text.h.
#include "markdown_inline_text.h"

#include <algorithm>

#include "char_class.h"

namespace galley::importing::markdown {

void InlineText::append(std::u32string_view s, uint8_t flag, size_t sourceByte) {
    text.append(s);
    flags.insert(flags.end(), s.size(), flag);
    sourceBytes.insert(sourceBytes.end(), s.size(), sourceByte);
}

void InlineText::replace(uint32_t begin, uint32_t end, std::u32string_view with) {
    const uint8_t flag = begin < flags.size() ? flags[begin] : 0;
    const size_t source = begin < sourceBytes.size() ? sourceBytes[begin] : NoSourceByte;
    const long delta = static_cast<long>(with.size()) - static_cast<long>(end - begin);
    text.replace(begin, end - begin, with);
    flags.erase(flags.begin() + begin, flags.begin() + end);
    flags.insert(flags.begin() + begin, with.size(), flag);
    sourceBytes.erase(sourceBytes.begin() + begin, sourceBytes.begin() + end);
    sourceBytes.insert(sourceBytes.begin() + begin, with.size(), source);
    const auto moved = [&](uint32_t offset) {
        if (offset <= begin) return offset;
        if (offset < end) return static_cast<uint32_t>(begin + with.size());
        return static_cast<uint32_t>(static_cast<long>(offset) + delta);
    };
    for (Mark& m : marks) {
        m.start = moved(m.start);
        m.end = moved(m.end);
    }
    marks.erase(std::remove_if(marks.begin(), marks.end(), [](const Mark& m) { return m.end <= m.start; }),
                marks.end());
}

InlineText InlineText::slice(uint32_t begin, uint32_t end) const {
    InlineText out;
    out.text = text.substr(begin, end - begin);
    out.flags.assign(flags.begin() + begin, flags.begin() + end);
    out.sourceBytes.assign(sourceBytes.begin() + begin, sourceBytes.begin() + end);
    for (Mark m : marks) {
        if (m.end <= begin || m.start >= end) continue;
        m.start = std::max(m.start, begin) - begin;
        m.end = std::min(m.end, end) - begin;
        out.marks.push_back(std::move(m));
    }
    return out;
}

size_t InlineText::sourceByteNear(uint32_t at) const {
    for (size_t k = at; k < sourceBytes.size(); ++k)
        if (sourceBytes[k] != NoSourceByte) return sourceBytes[k];
    for (size_t k = std::min<size_t>(at, sourceBytes.size()); k-- > 0;)
        if (sourceBytes[k] != NoSourceByte) return sourceBytes[k];
    return NoSourceByte;
}

bool InlineText::blank() const {
    return std::all_of(text.begin(), text.end(), [](char32_t c) { return chars::isSpace(c) || c == HardLineBreak; });
}

RichText finish(const InlineText& in, const QuoteStyle& quotes) {
    // Soft breaks become spaces, and a run of spaces outside code one space, as a browser shows it (a tag or comment
    // left out between two spaces leaves both). `kept[k]`: the offset code point k of the input has in `text`.
    std::u32string text;
    std::vector<uint8_t> flags;
    std::vector<uint32_t> kept(in.text.size() + 1);
    for (size_t k = 0; k < in.text.size(); ++k) {
        kept[k] = static_cast<uint32_t>(text.size());
        const bool code = in.flags[k] & InlineText::Code;
        const char32_t c = (in.flags[k] & InlineText::SoftBreak) ? U' ' : in.text[k];
        if (c == U' ' && !code && !text.empty() && text.back() == U' ' && !(flags.back() & InlineText::Code)) continue;
        text.push_back(c);
        flags.push_back(in.flags[k]);
    }
    kept[in.text.size()] = static_cast<uint32_t>(text.size());
    // Trim the ends (a hard break there ends nothing), moving the marks with the text.
    const auto trimmable = [](char32_t c) { return chars::isSpace(c) || c == HardLineBreak; };
    size_t lead = 0;
    while (lead < text.size() && trimmable(text[lead]) && !(flags[lead] & InlineText::Code)) ++lead;
    size_t tail = text.size();
    while (tail > lead && trimmable(text[tail - 1]) && !(flags[tail - 1] & InlineText::Code)) --tail;
    const std::u32string trimmed = text.substr(lead, tail - lead);
    std::vector<bool> verbatim(trimmed.size());
    for (size_t k = 0; k < trimmed.size(); ++k) verbatim[k] = flags[lead + k] & InlineText::Code;

    std::vector<uint32_t> map;
    const std::u32string clean = smartenPunctuation(trimmed, &map, &verbatim, quotes);
    RichText rt;
    rt.text = utf8::encode(clean);
    for (Mark m : in.marks) {
        const auto clip = [&](uint32_t offset) {
            return map[std::clamp<long>(static_cast<long>(kept[offset]) - static_cast<long>(lead), 0,
                                        static_cast<long>(trimmed.size()))];
        };
        m.start = clip(m.start);
        m.end = clip(m.end);
        if (m.end > m.start) rt.marks.push_back(std::move(m));
    }
    std::stable_sort(rt.marks.begin(), rt.marks.end(), [](const Mark& a, const Mark& b) {
        return a.start != b.start ? a.start < b.start : a.end > b.end;
    });
    return rt;
}

}  // namespace galley::importing::markdown
