// word_hyphenation.h — which words of running text get Liang hyphenation points, and where.
//
// Policy (TeX's and good book practice): only words of letters; never inside URLs, e-mail addresses or numbers;
// capitalised words (names, acronyms) only as a last resort, unless asked (or the language capitalises its nouns);
// never a word that already has a hyphen or dash (it breaks there already). The Hyphenator scores the words; this file finds them.
#pragma once

#include "hyphenator.h"

#include <cstdint>
#include <string_view>
#include <vector>

namespace galley {

struct HyphenationPolicy {
    bool capitalised = false;   // hyphenate words that start with a capital letter as any other
};

// Appends code point offsets (into `text`) where a hyphen may be inserted. Points in capitalised words the policy
// does not hyphenate go to `lastResort` when it is given (a line breaks there only when nothing else sets it
// tolerably: measureParagraph's CapitalisedHyphenationPenalty), and nowhere otherwise.
void findHyphenationPoints(const Hyphenator& hyphenator, std::string_view text, std::vector<uint32_t>& points,
                           const HyphenationPolicy& policy = {}, std::vector<uint32_t>* lastResort = nullptr);

}  // namespace galley
