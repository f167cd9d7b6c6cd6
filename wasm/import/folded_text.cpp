// folded_text.cpp — see folded_text.h.
#include "folded_text.h"

#include <algorithm>
#include <vector>

#include "text_util.h"
#include "utf8.h"

namespace galley::importing::scraped {

std::string foldForMatching(std::string_view text) {
    std::u32string cps = utf8::decode(text);
    std::u32string out;
    for (char32_t c : cps) {
        c = chars::toLower(c);
        if (isWordCharacter(c)) {
            out.push_back(c);
        } else if (!out.empty() && out.back() != ' ') {
            out.push_back(' ');
        }
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return utf8::encode(out);
}

bool containsPhrase(const std::string& folded, std::string_view phrase) {
    size_t pos = 0;
    while ((pos = folded.find(phrase, pos)) != std::string::npos) {
        bool startOk = pos == 0 || folded[pos - 1] == ' ';
        size_t end = pos + phrase.size();
        bool endOk = end == folded.size() || folded[end] == ' ';
        if (startOk && endOk) return true;
        ++pos;
    }
    return false;
}

bool startsWithPhrase(const std::string& folded, std::string_view phrase) {
    return startsWith(folded, phrase) && (folded.size() == phrase.size() || folded[phrase.size()] == ' ');
}

std::string withoutCounts(const std::string& folded) {
    std::vector<std::string> words = splitWords(folded);
    auto isNumber = [](const std::string& w) {
        return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) { return chars::isDigit(static_cast<unsigned char>(c)); });
    };
    while (!words.empty() && isNumber(words.front())) words.erase(words.begin());
    while (!words.empty() && isNumber(words.back())) words.pop_back();
    std::string out;
    for (const std::string& w : words) out += (out.empty() ? "" : " ") + w;
    return out;
}

}  // namespace galley::importing::scraped
