// word_hyphenation.h — which words of running text get Liang hyphenation points, and where.
//
// Policy (TeX's and good book practice): only words of letters; never inside URLs, e-mail addresses or numbers;
// not capitalised words (names, acronyms) unless asked; never a word that already has a hyphen or dash (it breaks
// there already). The Hyphenator scores the words; this file finds them.
#pragma once

#include "hyphenator.h"

#include <cstdint>
#include <string_view>
#include <vector>

namespace galley {

struct HyphenationPolicy {
    bool capitalised = false;   // hyphenate words that start with a capital letter
};

// Appends code point offsets (into `text`) where a hyphen may be inserted.
void findHyphenationPoints(const Hyphenator& hyphenator, std::string_view text, std::vector<uint32_t>& points,
                           const HyphenationPolicy& policy = {});

}  // namespace galley
