// spelling_variety.h — whether English text is spelled the British (and Commonwealth) way or the American way,
// counted over a list of common pairs (colour/color, centre/center, organise/organize, analyse/analyze,
// travelled/traveled, defence/defense, catalogue/catalog...) and a few one-sided words (programme, licence, tyre,
// aluminium/aluminum), with their usual inflections. Weak evidence of a country (date_convention.h gives the
// strong ones): a British site runs American wire copy, a quotation keeps its spelling, and "-ize" is also
// Oxford's. Pairs whose American side is common in British English too (program, license, judgment, gray) are left
// out, and so are names spelt one way everywhere (Australia's Labor Party).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "numeric_date_order.h"

namespace galley::importing {

struct SpellingTally {
    int british = 0, american = 0;
    std::map<std::string, int> britishWords, americanWords;  // lower case, as written
    std::string firstBritish, firstAmerican;                 // where the first of each was seen ("line 14")
};

// Adds the words of `text` (found at `where`) to `tally`.
void tallySpellings(std::string_view text, const std::string& where, SpellingTally& tally);

// A Spelling clue when one side clearly outnumbers the other: at least two words, and three times the other side.
std::optional<OrderClue> spellingClue(const SpellingTally& tally);

}  // namespace galley::importing
