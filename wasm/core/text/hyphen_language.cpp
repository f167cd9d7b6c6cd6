// hyphen_language.cpp — see hyphen_language.h.
#include "hyphen_language.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <iterator>

namespace galley {

namespace {

bool isAlpha(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); });
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string upper(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

// The region Debian's files use for a language given without one (hyph_en_US.dic serves plain "en").
std::string defaultRegion(const std::string& language) {
    if (language == "en") return "US";
    if (language == "pt") return "PT";
    if (language == "sv") return "SE";
    if (language == "da") return "DK";
    if (language == "nb" || language == "nn") return "NO";
    if (language == "uk") return "UA";
    if (language == "el") return "GR";
    if (language == "cs") return "CZ";
    if (language == "sr") return "RS";
    if (language == "sl") return "SI";
    if (language == "ca") return "ES";
    return upper(language);  // de → DE, fr → FR, it → IT, es → ES, nl → NL, pl → PL, ru → RU, ...
}

}  // namespace

std::vector<std::string> hyphenationFileNames(std::string_view tag) {
    // BCP 47: language[-script][-region][-...]; either separator.
    std::vector<std::string_view> parts;
    size_t start = 0;
    for (size_t i = 0; i <= tag.size(); ++i) {
        if (i == tag.size() || tag[i] == '-' || tag[i] == '_') {
            parts.push_back(tag.substr(start, i - start));
            start = i + 1;
        }
    }
    if (parts.empty() || !isAlpha(parts[0]) || parts[0].size() < 2 || parts[0].size() > 3)
        return hyphenationFileNames(DefaultHyphenationLanguage);
    std::string language = lower(parts[0]);
    if (language == "no" || language == "nn") language = "nb";  // Debian's Nynorsk file is the Bokmål one
    std::string region;
    bool latin = false;  // a Latn script subtag: Serbian written in Latin letters has a file of its own
    for (size_t i = 1; i < parts.size(); ++i) {
        if (parts[i].size() == 4 && lower(parts[i]) == "latn") latin = true;
        if (parts[i].size() == 2 && isAlpha(parts[i])) { region = upper(parts[i]); break; }
    }

    std::vector<std::string> names;
    auto add = [&](const std::string& name) {
        if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
    };
    const std::string fallbackRegion = defaultRegion(language);
    if (latin && language == "sr") add("hyph_sr-Latn_" + (region.empty() ? fallbackRegion : region) + ".dic");
    if (!region.empty()) add("hyph_" + language + "_" + region + ".dic");
    if (language == "en") add("hyph_en_" + fallbackRegion + ".dic");  // en-CA, en-AU...: Debian ships US and GB
    add("hyph_" + language + ".dic");
    add("hyph_" + language + "_" + fallbackRegion + ".dic");
    return names;
}

HyphenationPolicy hyphenationPolicyFor(std::string_view tag) {
    HyphenationPolicy policy;
    const std::string language = lower(tag.substr(0, tag.find_first_of("-_")));
    policy.capitalised = language == "de" || language == "lb";  // nouns are capitalised: they hyphenate like any word
    return policy;
}

std::optional<Hyphenator> loadHyphenatorFor(std::string_view languageTag, const std::string& directory) {
    for (const std::string& name : hyphenationFileNames(languageTag)) {
        std::ifstream in(directory + "/" + name, std::ios::binary);
        if (!in) continue;
        const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        if (auto hyphenator = Hyphenator::fromDic(text)) return hyphenator;
    }
    return std::nullopt;
}

}  // namespace galley
