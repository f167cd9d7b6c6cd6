// typography.h — typographic clean-up of imported text.
//
// The clean-up only replaces punctuation: straight quotes become curly ones (apostrophes included), "--" and
// "---" become dashes, "..." becomes an ellipsis, and a hyphen with a space on each side (used as a dash) becomes
// a spaced en dash. Letters and digits are never touched, so no word changes. Runs that look like URLs or e-mail
// addresses are left exactly as written.
//
// Because "..." and "--" shrink, code point offsets move: the RichText overload and the offset map keep inline
// marks on the same characters.
//
// Not here: hyphenation, spacing (thin spaces, non-breaking spaces), language-specific quote styles (the rules are
// English ones), whitespace normalisation.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model.h"
#include "utf8.h"

namespace galley {

// One definition of UTF-8 (utf8.h): whole-string conversions and counting, as the clean-up uses them.
using utf8::countCodePoints;
inline std::u32string decodeUtf8(std::string_view text) { return utf8::decode(text); }
inline std::string encodeUtf8(std::u32string_view text) { return utf8::encode(text); }

// The clean-up on code points. When `offsetMap` is given it receives text.size() + 1 entries: the output offset
// where each input code point ended up (the last entry is the output length). Code points flagged in `verbatim`
// (same length as `text`, optional) are copied unchanged: code spans, for instance.
std::u32string smartenPunctuation(std::u32string_view text, std::vector<uint32_t>* offsetMap = nullptr,
                                  const std::vector<bool>* verbatim = nullptr);

std::string smartenPunctuation(std::string_view text);

// Cleans `text.text` and moves its marks along; a mark whose text vanished is removed.
void smartenPunctuation(RichText& text);

}  // namespace galley
