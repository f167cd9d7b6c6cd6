// hyphen_language.h — which hyphenation pattern file serves an article's language.
//
// Maps a BCP 47 tag ("en-US", "de", "pt-BR") to the names of LibreOffice/Hunspell pattern files as Debian's hyphen-*
// packages install them (hyph_en_US.dic, hyph_de_DE.dic, hyph_fr.dic, ...), most specific first. The caller tries
// them in order in its pattern directory (the CLI: GALLEY_HYPHEN_DIR; the viewer: dist/hyphen).
//
// Not here: parsing patterns (hyphenator.h), deciding which words to hyphenate (word_hyphenation.h).
#pragma once

#include "hyphenator.h"
#include "word_hyphenation.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace galley {

// The language Galley assumes when an article names none.
constexpr const char* DefaultHyphenationLanguage = "en-US";

// File names to try, most specific first: "de-CH" → {hyph_de_CH.dic, hyph_de.dic, hyph_de_DE.dic}; "en" →
// {hyph_en_US.dic, hyph_en.dic}. Empty or malformed tags fall back to DefaultHyphenationLanguage.
std::vector<std::string> hyphenationFileNames(std::string_view languageTag);

// Which words a language hyphenates: German (and Luxembourgish) capitalise every noun, so capitalised words there
// are words like any other; elsewhere they are names and acronyms.
HyphenationPolicy hyphenationPolicyFor(std::string_view languageTag);

// The first of those files in `directory` that reads and parses (minimums as the file says); nullopt if none does.
// For the CLI and tests, natively or under Node with its file system.
std::optional<Hyphenator> loadHyphenatorFor(std::string_view languageTag, const std::string& directory);

}  // namespace galley
