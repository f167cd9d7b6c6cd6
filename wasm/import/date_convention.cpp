// date_convention.cpp — see date_convention.h.
#include "date_convention.h"

#include <vector>

#include "text_util.h"

namespace galley::importing {
namespace {

bool isOneOf(const std::string& s, std::initializer_list<const char*> list) {
    for (const char* l : list)
        if (s == l) return true;
    return false;
}

// Two-letter codes (domain or region, lower case) of the countries that write the month first: the US with its
// territories, the Philippines, Palau, the Marshall Islands, Micronesia; and the year-first countries, where the month
// comes before the day once the year is dropped.
bool monthFirstCountry(const std::string& cc) {
    return isOneOf(cc, {"us", "um", "as", "gu", "mp", "pr", "vi", "ph", "pw", "mh", "fm", "cn", "jp", "kr", "tw",
                        "hu"});
}

// Country-code domains sold to anyone and used for what their letters spell (.co company, .io, .tv, .fm radio,
// .me, .ai...): they say nothing about a country.
bool genericCountryDomain(const std::string& tld) {
    return isOneOf(tld, {"co", "io", "tv", "fm", "me", "ai", "ly", "to", "gg", "cc", "ws", "am", "la", "nu", "tk",
                         "ml", "ga", "cf", "gq", "sh", "so", "vc", "ms", "cx", "st", "sx", "gl", "im"});
}

std::string countryName(const std::string& cc) {
    struct Name { const char* code; const char* name; };
    static const Name names[] = {{"uk", "the UK"}, {"gb", "the UK"}, {"us", "the US"}, {"au", "Australia"},
                                 {"nz", "New Zealand"}, {"ie", "Ireland"}, {"in", "India"}, {"za", "South Africa"},
                                 {"ca", "Canada"}, {"ph", "the Philippines"}, {"de", "Germany"}, {"fr", "France"},
                                 {"cn", "China"}, {"jp", "Japan"}, {"kr", "Korea"}, {"tw", "Taiwan"},
                                 {"hu", "Hungary"}, {"sg", "Singapore"}, {"ng", "Nigeria"}, {"ke", "Kenya"},
                                 {"pk", "Pakistan"}, {"es", "Spain"}, {"mx", "Mexico"}, {"br", "Brazil"}};
    for (const Name& n : names)
        if (cc == n.code) return n.name;
    return "." + cc;
}

std::string hostOf(const std::string& url) {
    std::string h = lowerAscii(trim(url));
    size_t scheme = h.find("://");
    if (scheme != std::string::npos) h = h.substr(scheme + 3);
    size_t end = h.find_first_of("/?#");
    if (end != std::string::npos) h = h.substr(0, end);
    size_t at = h.rfind('@');
    if (at != std::string::npos) h = h.substr(at + 1);
    size_t colon = h.find(':');
    if (colon != std::string::npos) h = h.substr(0, colon);
    while (!h.empty() && h.back() == '.') h.pop_back();
    for (char c : h)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.')) return {};
    return h.find('.') == std::string::npos ? std::string() : h;
}

}  // namespace

std::string primaryLanguage(const std::string& tag) {
    std::string t = lowerAscii(trim(tag));
    size_t dash = t.find_first_of("-_");
    return dash == std::string::npos ? t : t.substr(0, dash);
}

std::optional<OrderClue> domainClue(const std::string& url, const std::string& where) {
    const std::string host = hostOf(url);
    if (host.empty()) return std::nullopt;
    const std::string tld = host.substr(host.rfind('.') + 1);
    const std::string said = "the publication's address, " + host + " (" + where + "), ";
    if (isOneOf(tld, {"gov", "mil", "edu"}))
        return OrderClue{OrderEvidenceKind::Domain, NumericOrder::MonthFirst, said + "is in the US's ." + tld};
    if (tld.size() != 2 || genericCountryDomain(tld) || tld == "ca") return std::nullopt;
    const NumericOrder order = monthFirstCountry(tld) ? NumericOrder::MonthFirst : NumericOrder::DayFirst;
    return OrderClue{OrderEvidenceKind::Domain, order,
                     said + "is in ." + tld + " (" + countryName(tld) + " writes " +
                         (order == NumericOrder::DayFirst ? "the day first)" : "the month first)")};
}

std::string webAddressIn(const std::string& text) {
    for (const std::string& word : splitWords(text)) {
        std::string w = lowerAscii(word);
        while (!w.empty() && std::string("()[]<>,;:.!?\"'").find(w.back()) != std::string::npos) w.pop_back();
        while (!w.empty() && std::string("()[]<>\"'").find(w.front()) != std::string::npos) w.erase(0, 1);
        if (startsWith(w, "http://") || startsWith(w, "https://") || startsWith(w, "www.")) {
            if (!hostOf(w).empty()) return w;
            continue;
        }
        const std::string host = hostOf(w);
        if (host.empty() || w.find('/') != std::string::npos) continue;
        const size_t last = host.rfind('.');
        const size_t second = last == std::string::npos || last == 0 ? std::string::npos : host.rfind('.', last - 1);
        if (second == std::string::npos || host.size() - last - 1 != 2) continue;
        const std::string level = host.substr(second + 1, last - second - 1);
        if (second > 0 && isOneOf(level, {"co", "com", "org", "net", "gov", "ac", "edu", "govt", "nic"})) return w;
    }
    return {};
}

std::optional<OrderClue> languageRegionClue(const std::string& tag, const std::string& where, bool byUser) {
    std::string t = lowerAscii(trim(tag));
    for (char& c : t)
        if (c == '_') c = '-';
    std::vector<std::string> parts;
    size_t start = 0;
    while (start <= t.size()) {
        size_t dash = t.find('-', start);
        parts.push_back(t.substr(start, dash == std::string::npos ? std::string::npos : dash - start));
        if (dash == std::string::npos) break;
        start = dash + 1;
    }
    std::string region;
    for (size_t i = 1; i < parts.size() && region.empty(); ++i) {
        const std::string& p = parts[i];
        bool letters = p.size() == 2 && isAsciiLetter(static_cast<unsigned char>(p[0])) &&
                       isAsciiLetter(static_cast<unsigned char>(p[1]));
        bool digits = p.size() == 3 && p.find_first_not_of("0123456789") == std::string::npos;
        if (letters || digits) region = p;
    }
    if (region.empty()) return std::nullopt;
    const std::string language = parts[0];
    if (region == "ca" && language == "en") return std::nullopt;
    const NumericOrder order = region.size() == 2 && monthFirstCountry(region) ? NumericOrder::MonthFirst
                                                                                : NumericOrder::DayFirst;
    const std::string said = "the declared language, " + tag + " (" + where + "), is of a region that writes " +
                             (order == NumericOrder::DayFirst ? "the day first" : "the month first");
    if (language == "en" && region == "us" && !byUser)
        return OrderClue{OrderEvidenceKind::DeclaredUsEnglish, order,
                         said + " (weak: publishing systems declare en-US by default)"};
    return OrderClue{OrderEvidenceKind::LanguageRegion, order, said};
}

std::optional<OrderClue> publicationNameClue(const std::string& name, const std::string& where) {
    struct Place { const char* words; bool dayFirst; };
    static const Place places[] = {
        {"britain", true},   {"british", true},      {"uk", true},          {"england", true},
        {"scotland", true},  {"scottish", true},     {"scotsman", true},    {"wales", true},
        {"welsh", true},     {"ireland", true},      {"irish", true},       {"london", true},
        {"londoner", true},  {"manchester", true},   {"birmingham", true},  {"edinburgh", true},
        {"glasgow", true},   {"belfast", true},      {"dublin", true},      {"australia", true},
        {"australian", true}, {"sydney", true},      {"melbourne", true},   {"brisbane", true},
        {"adelaide", true},  {"new zealand", true},  {"auckland", true},    {"india", true},
        {"delhi", true},     {"mumbai", true},       {"hindustan", true},   {"pakistan", true},
        {"karachi", true},   {"nigeria", true},      {"kenya", true},       {"nairobi", true},
        {"south africa", true}, {"johannesburg", true}, {"cape town", true}, {"singapore", true},
        {"malaysia", true},  {"hong kong", true},    {"jamaica", true},     {"ghana", true},
        {"america", false},  {"american", false},    {"usa", false},        {"us", false},
        {"new york", false}, {"washington", false},  {"chicago", false},    {"los angeles", false},
        {"boston", false},   {"philadelphia", false}, {"san francisco", false}, {"texas", false},
        {"texan", false},    {"california", false},  {"florida", false},    {"seattle", false},
        {"atlanta", false},  {"houston", false},     {"denver", false},     {"philippines", false},
        {"philippine", false}, {"manila", false},
    };
    // Words of the name, lower case, joined by single spaces ("U.S." becomes "us").
    std::string folded = " ";
    for (char c : name) {
        unsigned char u = static_cast<unsigned char>(c);
        if (isAsciiLetter(u))
            folded.push_back(static_cast<char>(c | 0x20));
        else if (c != '.' && folded.back() != ' ')
            folded.push_back(' ');
    }
    if (folded.back() != ' ') folded.push_back(' ');
    for (const Place& p : places)
        if (folded.find(" " + std::string(p.words) + " ") != std::string::npos) {
            // "US" only as written in capitals: "us" is also a word.
            if (std::string(p.words) == "us" && name.find("US") == std::string::npos &&
                name.find("U.S.") == std::string::npos)
                continue;
            return OrderClue{OrderEvidenceKind::PublicationName,
                             p.dayFirst ? NumericOrder::DayFirst : NumericOrder::MonthFirst,
                             "the publication's name, \"" + name + "\" (" + where + "), names a place that writes " +
                                 (p.dayFirst ? "the day first" : "the month first")};
        }
    return std::nullopt;
}

}  // namespace galley::importing
