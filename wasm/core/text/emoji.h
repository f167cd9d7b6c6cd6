// emoji.h — emoji sequences (Unicode's UTS #51): which code points make one emoji, whether it is shown as emoji or
// as text, and which face slice sets it.
//
// Why here: HarfBuzz ligates a ZWJ sequence (👨‍👩‍👧), a flag (two regional indicators), a keycap (1️⃣), a skin tone
// (👋🏽) or a tag sequence into one glyph only if the whole sequence is in one run of the emoji face; itemising face by
// face and code point by code point would put the digit of a keycap in the text face (Noto Serif has digits) and cut
// the sequence. So itemising (paragraph_builder.cpp) and the slices the page fetches (facesUsed) both take whole
// sequences from here. Emoji presentation wins by VS16 (U+FE0F) or by default (Emoji_Presentation); VS15 (U+FE0E),
// and a default-text emoji alone (©, ™, ❤ without VS16), stay text: set from a text face if one has them.
// The properties come from Unicode's emoji-data.txt at build time (cmake/emoji.cmake).
#pragma once

#include "font.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace galley {

bool isEmoji(uint32_t codePoint);               // Emoji=Yes
bool isEmojiPresentation(uint32_t codePoint);   // Emoji_Presentation=Yes: shown as emoji without a selector
constexpr bool isRegionalIndicator(uint32_t cp) { return cp >= 0x1F1E6 && cp <= 0x1F1FF; }
constexpr bool isEmojiModifier(uint32_t cp) { return cp >= 0x1F3FB && cp <= 0x1F3FF; }  // the five skin tones
// Could start an emoji sequence (a cheap test before emojiSequenceLength): '#', '*', digits, © and ®, and U+203C up.
constexpr bool mayStartEmoji(uint32_t cp) {
    return cp >= 0x203C || (cp >= '0' && cp <= '9') || cp == '#' || cp == '*' || cp == 0xA9 || cp == 0xAE;
}

// The length of the emoji sequence shown as emoji that starts at cps[0] (at most n code points), 0 if none does:
// an element (a pair of regional indicators; a keycap base, VS16 optional, U+20E3; an emoji with VS16, a skin tone or
// tags after it) and further elements after each ZWJ. An element in text presentation ends it (VS15, or a default-text
// emoji without VS16, alone).
size_t emojiSequenceLength(const uint32_t* cps, size_t n);

// An emoji sequence cut into the parts set from one face slice each: the whole sequence when a slice's Unicode ranges
// hold all its code points (the first such slice: the build keeps the sequence's glyph in that slice only), else
// each element of a ZWJ sequence by itself, the ZWJ after it included (shown as separate emoji, as browsers show
// a sequence no font has). A part no slice holds takes the first slice holding its first code point.
struct EmojiPart {
    uint32_t length = 0;
    FontSlice slice{};
};
void emojiParts(const uint32_t* cps, size_t length, std::vector<EmojiPart>& out);

}  // namespace galley
