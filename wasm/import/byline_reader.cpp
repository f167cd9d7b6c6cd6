// byline_reader.cpp — see byline_reader.h.
#include "byline_reader.h"

#include <algorithm>

#include "folded_text.h"
#include "text_lines.h"
#include "text_util.h"
#include "utf8.h"

namespace galley::importing::scraped {

namespace {

bool isNameParticle(const std::string& w) {
    static const char* const particles[] = {"de", "van", "von", "der", "den", "da", "di", "du", "la", "le", "bin",
                                            "al", "el", "y", "del", "ter", "ten", "dos", "das", "af"};
    std::string l = lowerAscii(w);
    for (const char* p : particles)
        if (l == p) return true;
    return false;
}

bool isCalendarWord(const std::string& w) {
    static const char* const words[] = {"january", "february", "march", "april", "may", "june", "july", "august",
                                        "september", "october", "november", "december", "monday", "tuesday",
                                        "wednesday", "thursday", "friday", "saturday", "sunday", "today",
                                        "yesterday"};
    std::string l = lowerAscii(w);
    for (const char* c : words)
        if (l == c) return true;
    return false;
}

// One person's name as bylines print it: one to five words, each capitalised (or a particle like "van", or an
// initial), with letters, hyphens, apostrophes and periods only.
bool looksLikeName(const std::string& part) {
    std::vector<std::string> words = splitWords(part);
    if (words.empty() || words.size() > 5) return false;
    int real = 0;
    for (const std::string& w : words) {
        if (isNameParticle(w)) continue;
        std::u32string cps = utf8::decode(w);
        if (cps.empty() || !chars::isLetter(cps[0]) || chars::isLower(cps[0])) return false;  // capitalised, or caseless
        for (char32_t c : cps)
            if (!(isWordCharacter(c) || c == '.' || c == '-' || chars::isApostrophe(c)) || chars::isDigit(c))
                return false;
        if (isCalendarWord(w)) return false;
        ++real;
    }
    return real > 0;
}

}  // namespace

bool isRoleWord(const std::string& w) {
    static const char* const roles[] = {"staff", "writer", "reporter", "correspondent", "editor", "contributor",
                                        "columnist", "senior", "associate", "producer", "photographer", "bureau",
                                        "chief", "special", "contributing", "freelance", "intern", "analyst",
                                        "critic", "host", "anchor", "reporters", "writers", "editors", "team",
                                        "desk", "newsroom", "department"};
    std::string l = lowerAscii(foldForMatching(w));
    for (const char* r : roles)
        if (l == r) return true;
    return false;
}

std::optional<std::vector<std::string>> parseAuthorList(std::string text) {
    // Cut at what follows the names: a separator, a bracket, " for The Paper", " at The Paper".
    static const char* const cuts[] = {" | ", " \xE2\x80\xA2 ", " \xC2\xB7 ", " \xE2\x80\x94 ", " \xE2\x80\x93 ",
                                       " - ", " / ", "(", " for ", " at ", " on ", " in ", "|"};
    for (const char* c : cuts) {
        size_t pos = text.find(c);
        if (pos != std::string::npos) text = text.substr(0, pos);
    }
    for (const char* joiner : {" and ", " & ", ";", " AND "}) {
        size_t pos;
        while ((pos = text.find(joiner)) != std::string::npos) text.replace(pos, std::string(joiner).size(), ",");
    }
    std::vector<std::string> names, singles;
    size_t start = 0;
    while (start <= text.size()) {
        size_t comma = text.find(',', start);
        std::string part = trim(text.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
        while (!part.empty() && (part.back() == '.' || part.back() == ':')) {
            // A trailing period after a surname ends the byline; keep initials ("Jr.") whole.
            if (part.size() >= 3 && part[part.size() - 3] == ' ') break;
            part.pop_back();
        }
        if (!part.empty()) {
            std::vector<std::string> words = splitWords(part);
            bool role = std::any_of(words.begin(), words.end(), isRoleWord);
            if (!role) {
                if (!looksLikeName(part)) return std::nullopt;
                (words.size() == 1 ? singles : names).push_back(part);
            }
        }
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    // One-word parts next to full names are agencies ("Jane Doe, Reuters"); alone they may be the author.
    if (names.empty()) names = singles;
    if (names.empty()) return std::nullopt;
    return names;
}

std::optional<Byline> readByline(const Unit& u, bool nextToHeadline) {
    if (u.words == 0 || u.words > 18 || u.chars > 160) return std::nullopt;
    if (u.endsSentence && u.words > 12) return std::nullopt;
    const std::string lower = lowerAscii(u.text);
    static const char* const labels[] = {"by ", "written by ", "words by ", "story by ", "text by ",
                                         "reporting by ", "posted by ", "published by ", "author: ", "authors: ",
                                         "by: ", "written by: ", "words: ", "author ", "byline: ", "interview by ",
                                         "interviewed by ", "reported by ", "as told to "};
    Byline b;
    b.date = u.date;
    std::string rest;
    bool labelled = false;
    for (const char* l : labels)
        if (startsWith(lower, l)) {
            rest = u.text.substr(std::string(l).size());
            labelled = true;
            break;
        }
    // "Posted on June 2, 2024 by Jane Doe": the names come after the date.
    if (!labelled && u.date) {
        std::string after = u.text.substr(u.date->end);
        std::string afterLower = lowerAscii(after);
        size_t by = afterLower.find(" by ");
        std::string before = lowerAscii(u.text.substr(0, u.date->begin));
        std::vector<std::string> beforeWords = splitWords(foldForMatching(before));
        bool labelsOnly = std::all_of(beforeWords.begin(), beforeWords.end(), isDateLabelWord);
        if (by != std::string::npos && labelsOnly) {
            rest = after.substr(by + 4);
            labelled = true;
        }
    }
    if (labelled) {
        if (u.date && u.date->begin >= u.text.size() - rest.size()) {
            size_t restStart = u.text.size() - rest.size();
            rest = rest.substr(0, u.date->begin - restStart);
        }
        auto names = parseAuthorList(rest);
        if (!names) {
            // Blogs print the account name: "Posted by admin on ...", "by jdoe". One lower-case token is still a
            // byline; a generic account name is no author.
            std::vector<std::string> restWords = splitWords(rest);
            static const char* const follow[] = {"on", "in", "at", "|", "-"};
            bool alone = restWords.size() == 1 ||
                         (restWords.size() > 1 && std::any_of(std::begin(follow), std::end(follow),
                                                              [&](const char* f) { return restWords[1] == f; }));
            std::string handle = alone ? restWords[0] : std::string();
            while (!handle.empty() && handle.back() == ',') handle.pop_back();
            bool token = !handle.empty() && handle.size() <= 30 &&
                         std::all_of(handle.begin(), handle.end(), [](char c) {
                             const auto b = static_cast<unsigned char>(c);
                             return (b < 0x80 && (chars::isLower(b) || chars::isDigit(b))) || c == '_' || c == '.' || c == '-';
                         });
            if (!token) return std::nullopt;
            static const char* const generic[] = {"admin", "administrator", "editor", "staff", "webmaster", "root"};
            bool isGeneric = std::any_of(std::begin(generic), std::end(generic), [&](const char* g) { return handle == g; });
            if (!isGeneric) b.authors.push_back(handle);
            return b;
        }
        b.authors = *names;
        return b;
    }
    // Unlabelled: "Jane Doe | June 2, 2024" right under the headline.
    if (nextToHeadline && u.date) {
        std::string before = trim(u.text.substr(0, u.date->begin));
        while (!before.empty() && std::string("|-,\xE2\x80\x94\xE2\x80\x93\xC2\xB7\xE2\x80\xA2 ").find(before.back()) !=
                                      std::string::npos)
            before.pop_back();
        if (before.empty()) return std::nullopt;
        auto names = parseAuthorList(before);
        if (!names) return std::nullopt;
        for (const std::string& n : *names)
            if (splitWords(n).size() < 2) return std::nullopt;
        b.authors = *names;
        return b;
    }
    return std::nullopt;
}

}  // namespace galley::importing::scraped
