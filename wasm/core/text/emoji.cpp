// emoji.cpp — see emoji.h.
#include "emoji.h"

#include <algorithm>

namespace galley {

namespace {

struct CodePointRange { uint32_t first, last; };
#include "emoji_properties.inc"

template <size_t N>
bool inRanges(const CodePointRange (&ranges)[N], uint32_t cp) {
    const CodePointRange* end = ranges + N;
    const CodePointRange* r = std::upper_bound(ranges, end, cp, [](uint32_t v, const CodePointRange& x) { return v < x.first; });
    return r != ranges && cp <= (r - 1)->last;
}

constexpr uint32_t ZeroWidthJoiner = 0x200D, Text = 0xFE0E, Emoji = 0xFE0F, Keycap = 0x20E3;
constexpr bool isKeycapBase(uint32_t cp) { return (cp >= '0' && cp <= '9') || cp == '#' || cp == '*'; }
constexpr bool isTag(uint32_t cp) { return cp >= 0xE0020 && cp <= 0xE007E; }
constexpr uint32_t CancelTag = 0xE007F;

struct Element {
    size_t end = 0;        // one past its last code point; 0: no element starts here
    bool emoji = false;    // shown as emoji
};

// The element at cps[i].
Element elementAt(const uint32_t* cps, size_t i, size_t n) {
    const uint32_t c = cps[i];
    if (isRegionalIndicator(c)) return {i + 1 < n && isRegionalIndicator(cps[i + 1]) ? i + 2 : i + 1, true};
    if (isKeycapBase(c)) {
        size_t j = i + 1;
        if (j < n && cps[j] == Emoji) ++j;
        return j < n && cps[j] == Keycap ? Element{j + 1, true} : Element{};
    }
    if (!isEmoji(c)) return {};
    size_t j = i + 1;
    if (j < n && cps[j] == Text) return {j + 1, false};
    bool emoji = isEmojiPresentation(c);
    if (j < n && cps[j] == Emoji) ++j, emoji = true;
    else if (j < n && isEmojiModifier(cps[j])) ++j, emoji = true;
    if (j < n && isTag(cps[j])) {
        while (j < n && isTag(cps[j])) ++j;
        if (j < n && cps[j] == CancelTag) ++j;
        emoji = true;
    }
    return {j, emoji};
}

}  // namespace

bool isEmoji(uint32_t cp) { return inRanges(EmojiRanges, cp); }

bool isEmojiPresentation(uint32_t cp) { return inRanges(EmojiPresentationRanges, cp); }

size_t emojiSequenceLength(const uint32_t* cps, size_t n) {
    if (n == 0 || !mayStartEmoji(cps[0])) return 0;
    Element e = elementAt(cps, 0, n);
    if (e.end == 0) return 0;
    size_t end = e.end;
    bool emoji = e.emoji;
    // A ZWJ between two pictographic elements joins them (regional indicators do not join).
    while (end + 1 < n && cps[end] == ZeroWidthJoiner && !isRegionalIndicator(cps[end + 1])) {
        const Element next = elementAt(cps, end + 1, n);
        if (next.end == 0 || cps[next.end - 1] == Text) break;  // text presentation (VS15) ends it
        end = next.end;
        emoji = true;
    }
    return emoji ? end : 0;
}

void emojiParts(const uint32_t* cps, size_t length, std::vector<EmojiPart>& out) {
    out.clear();
    if (length == 0) return;
    const FontSlice whole = sliceHolding(cps, length);
    if (whole != FontSlice::Count) {
        out.push_back({static_cast<uint32_t>(length), whole});
        return;
    }
    for (size_t i = 0; i < length;) {
        const Element e = elementAt(cps, i, length);
        size_t end = e.end > i ? e.end : i + 1;
        if (end < length && cps[end] == ZeroWidthJoiner) ++end;
        FontSlice slice = sliceHolding(cps + i, end - i);
        if (slice == FontSlice::Count) slice = sliceOf(cps[i], {});  // by range: an emoji part is no CJK text
        out.push_back({static_cast<uint32_t>(end - i), slice});
        i = end;
    }
}

}  // namespace galley
