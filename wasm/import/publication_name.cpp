// publication_name.cpp — see publication_name.h.
#include "publication_name.h"

#include <algorithm>
#include <map>
#include <set>

#include "folded_text.h"
#include "text_util.h"
#include "utf8.h"

namespace galley::importing::scraped {

namespace {

size_t levenshtein(const std::string& a, const std::string& b) {
    std::vector<size_t> row(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= b.size(); ++j) {
            size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diag = up;
        }
    }
    return row[b.size()];
}

struct NameCandidate {
    std::string display;
    std::string key;    // folded, without a leading "the"
    int origin = 0;     // 0 standalone line, 1 masthead, 2 page-title suffix or label, 3 copyright line
    bool needsSupport = false;  // a footer line, or a masthead inside a menu: only counts if something agrees
};

std::string nameKey(const std::string& name) {
    std::string f = foldForMatching(name);
    if (startsWith(f, "the ")) f = f.substr(4);
    return f;
}

// "Copyright © 2018 The China Christian Daily , INC. All Rights Reserved." -> "The China Christian Daily".
std::string nameFromCopyright(const std::string& line) {
    std::string lower = lowerAscii(line);
    size_t cut = lower.find("all rights reserved");
    std::string s = cut == std::string::npos ? line : line.substr(0, cut);
    std::vector<std::string> words = splitWords(s);
    std::vector<std::string> kept;
    for (const std::string& w : words) {
        std::string f = foldForMatching(w);
        bool year = f.size() >= 4 && std::all_of(f.begin(), f.end(), [](char c) {
                        return chars::isDigit(static_cast<unsigned char>(c)) || c == ' ';
                    });
        if (f == "copyright" || f == "c" || f.empty() || year || w == "\xC2\xA9") continue;
        kept.push_back(w);
    }
    std::string name;
    for (const std::string& w : kept) name += (name.empty() ? "" : " ") + w;
    // Legal suffixes name the company, not the publication.
    static const char* const suffixes[] = {"inc", "llc", "ltd", "limited", "plc", "corp", "corporation", "co",
                                           "gmbh", "pty"};
    for (bool again = true; again;) {
        again = false;
        while (!name.empty() && (name.back() == '.' || name.back() == ',' || name.back() == ' ')) name.pop_back();
        std::vector<std::string> ws = splitWords(name);
        if (ws.size() > 1)
            for (const char* suffix : suffixes)
                if (foldForMatching(ws.back()) == suffix) {
                    name = name.substr(0, name.size() - ws.back().size());
                    again = true;
                    break;
                }
    }
    if (splitWords(name).size() > 8) return {};
    return name;
}

bool looksLikeBrand(const Unit& u) {
    return u.words >= 1 && u.words <= 6 && u.chars <= 60 && !u.endsSentence && u.startsUpper && !u.dateOnly &&
           u.furniture.kind == Furniture::None && !u.listItem && !isSectionWord(u.folded) && !u.separated;
}

bool sameName(const std::string& a, const std::string& b) {
    const std::string ka = nameKey(a), kb = nameKey(b);
    return levenshtein(ka, kb) <= std::max<size_t>(1, std::min(ka.size(), kb.size()) / 8);
}

}  // namespace

std::string pickSourceName(std::vector<Unit>& units, const Header& h, size_t bodyEnd, std::string headlineText,
                           std::vector<size_t>& mastheads) {
    std::vector<NameCandidate> candidates;
    const size_t n = units.size();
    size_t headline = h.headline ? *h.headline : 0;
    // Masthead: the first line of the page shaped like a name, past any cookie banner or "skip" link, cut
    // at a separator ("The Plain Dispatch -- Weekly Edition").
    int looked = 0;
    for (size_t i = 0; i < headline && looked < 3; ++i) {
        if (units[i].furniture.kind != Furniture::None || units[i].dateOnly || units[i].words == 0) continue;
        ++looked;
        std::string name = units[i].text;
        for (const char* sep : {" -- ", " | ", " - ", " \xE2\x80\x94 ", " \xE2\x80\x93 ", ": "}) {
            size_t pos = name.find(sep);
            if (pos != std::string::npos && pos > 0) name = name.substr(0, pos);
        }
        Unit shape = units[i];
        shape.words = static_cast<int>(splitWords(name).size());
        shape.chars = utf8::countCodePoints(name);
        if (looksLikeBrand(shape)) {
            candidates.push_back({name, nameKey(name), 1, units[i].menuRun >= 4});
            mastheads.push_back(i);
            break;
        }
    }
    std::string headlineFolded = foldForMatching(headlineText);
    int footerCandidates = 0;
    for (size_t i = 0; i < n; ++i) {
        const Unit& u = units[i];
        // Page title: "<headline> | Publication".
        if (h.headline && i != *h.headline && !headlineFolded.empty() && startsWith(u.folded, headlineFolded) &&
            u.folded.size() > headlineFolded.size()) {
            std::string tail = u.text;
            for (const char* sep : {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: "}) {
                size_t pos = tail.rfind(sep);
                if (pos != std::string::npos) {
                    std::string name = trim(tail.substr(pos + std::string(sep).size()));
                    if (!name.empty()) candidates.push_back({name, nameKey(name), 2, false});
                    break;
                }
            }
        }
        if (u.furniture.kind == Furniture::Footer && (u.text.find("\xC2\xA9") != std::string::npos ||
                                                      startsWithPhrase(u.folded, "copyright"))) {
            std::string name = nameFromCopyright(u.text);
            if (!name.empty()) candidates.push_back({name, nameKey(name), 3, false});
        }
        if (!u.publicationLabel.empty()) {
            candidates.push_back({u.publicationLabel, nameKey(u.publicationLabel), 2, false});
        }
        // Standalone brand lines in the footer (a bounded number: a page can end in thousands of link lines).
        if (i >= bodyEnd && looksLikeBrand(u) && footerCandidates++ < 40)
            candidates.push_back({u.text, nameKey(u.text), 0, true});
    }
    if (candidates.empty()) return {};

    // Group spellings that nearly agree ("Chiristian" / "Christian"); the group with most support wins, and
    // within it the spelling seen most often. Footer fragments (and mastheads that sit in a menu) alone never make a
    // name: they need another line to agree with.
    std::vector<int> group(candidates.size(), -1);
    int groups = 0;
    for (size_t a = 0; a < candidates.size(); ++a) {
        if (group[a] >= 0) continue;
        group[a] = groups;
        for (size_t b = a + 1; b < candidates.size(); ++b) {
            if (group[b] >= 0) continue;
            const std::string &ka = candidates[a].key, &kb = candidates[b].key;
            size_t tolerance = std::max<size_t>(1, std::min(ka.size(), kb.size()) / 8);
            if (ka == kb || levenshtein(ka, kb) <= tolerance) group[b] = groups;
        }
        ++groups;
    }
    int bestGroup = -1, bestVotes = 0;
    for (int g = 0; g < groups; ++g) {
        int votes = 0;
        bool anchored = false;
        std::set<int> origins;
        for (size_t c = 0; c < candidates.size(); ++c)
            if (group[c] == g) {
                ++votes;
                anchored = anchored || !candidates[c].needsSupport;
                origins.insert(candidates[c].origin);
            }
        // Weak candidates count only when two different places on the page agree (a masthead in the menu and a
        // footer line), never footer lines among themselves.
        if (!anchored && origins.size() < 2) continue;
        // Ties go to the masthead's group, then the page title, then the copyright line.
        int origin = 9;
        for (size_t c = 0; c < candidates.size(); ++c)
            if (group[c] == g) origin = std::min(origin, candidates[c].origin == 0 ? 9 : candidates[c].origin);
        int score = votes * 10 - origin;
        if (score > bestVotes) bestVotes = score, bestGroup = g;
    }
    if (bestGroup < 0) return {};
    std::map<std::string, int> keyVotes;
    for (size_t c = 0; c < candidates.size(); ++c)
        if (group[c] == bestGroup) ++keyVotes[candidates[c].key];
    std::string bestKey;
    int most = 0;
    for (size_t c = 0; c < candidates.size(); ++c)
        if (group[c] == bestGroup && keyVotes[candidates[c].key] > most)
            most = keyVotes[candidates[c].key], bestKey = candidates[c].key;
    // Spelling: a standalone line or masthead prints the name itself, a copyright line prints the company; a
    // spelling in capitals only is styling, so any other spelling of the same name is preferred to it.
    auto rank = [](const NameCandidate& c) {
        std::u32string cps = utf8::decode(c.display);
        bool shouting = std::none_of(cps.begin(), cps.end(), chars::isLower);
        return (shouting ? 10 : 0) + (c.origin == 0 ? -1 : c.origin);
    };
    const NameCandidate* chosen = nullptr;
    for (const NameCandidate& c : candidates)
        if (c.key == bestKey && (!chosen || rank(c) < rank(*chosen))) chosen = &c;
    return chosen ? chosen->display : std::string();
}

void applySourceName(std::vector<Unit>& units, const std::vector<size_t>& mastheads, Article& article) {
    if (article.source.name.empty()) return;
    auto isSource = [&](const Author& a) { return sameName(a.name, article.source.name); };
    article.authors.erase(std::remove_if(article.authors.begin(), article.authors.end(), isSource),
                          article.authors.end());
    for (size_t m : mastheads)
        if (!units[m].kept && sameName(units[m].text.substr(0, std::min(units[m].text.size(), article.source.name.size() + 4)),
                                       article.source.name))
            units[m].role = "masthead (publication name: " + article.source.name + ")";
}

}  // namespace galley::importing::scraped
