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
// Quotation marks are the article's language's (quoteStyleFor): “English” and ‘inner’, „German“ and ‚inner‘,
// « French » with narrow no-break spaces inside and before ; : ! ?, «Russian» and „inner“, 「Japanese」 and so on.
// Only straight quotes are turned; curly ones the text already has are its own.
//
// Not here: hyphenation, other spacing, whitespace normalisation.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model.h"
#include "utf8.h"

namespace galley {

// How a language writes quotations: the outer pair, the inner pair, and French spacing (U+202F inside guillemets
// and before ; : ! ?).
struct QuoteStyle {
    char32_t openDouble = U'\u201C', closeDouble = U'\u201D', openSingle = U'\u2018', closeSingle = U'\u2019';
    bool frenchSpacing = false;
};
// The style of a BCP 47 tag's language ("de-CH" has guillemets, "pt-BR" English quotes); English when unknown.
QuoteStyle quoteStyleFor(std::string_view lang);

// One definition of UTF-8 (utf8.h): whole-string conversions and counting, as the clean-up uses them.
using utf8::countCodePoints;
inline std::u32string decodeUtf8(std::string_view text) { return utf8::decode(text); }
inline std::string encodeUtf8(std::u32string_view text) { return utf8::encode(text); }

// The clean-up on code points. When `offsetMap` is given it receives text.size() + 1 entries: the output offset
// where each input code point ended up (the last entry is the output length). Code points flagged in `verbatim`
// (same length as `text`, optional) are copied unchanged: code spans, for instance.
std::u32string smartenPunctuation(std::u32string_view text, std::vector<uint32_t>* offsetMap = nullptr,
                                  const std::vector<bool>* verbatim = nullptr, const QuoteStyle& quotes = {});

std::string smartenPunctuation(std::string_view text, const QuoteStyle& quotes = {});

// Cleans `text.text` and moves its marks along; a mark whose text vanished is removed.
void smartenPunctuation(RichText& text, const QuoteStyle& quotes = {});

}  // namespace galley
