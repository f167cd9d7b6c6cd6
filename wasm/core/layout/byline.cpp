// byline.cpp — see byline.h.
#include "byline.h"

#include <cstdlib>
#include <vector>

namespace galley {

static const char* const MonthNames[12] = {"January", "February", "March", "April", "May", "June", "July",
                                          "August", "September", "October", "November", "December"};

std::string formatDateEnglish(const std::string& iso) {
    if (iso.size() < 10) return iso;
    int year = std::atoi(iso.substr(0, 4).c_str()), month = std::atoi(iso.substr(5, 2).c_str()),
        day = std::atoi(iso.substr(8, 2).c_str());
    if (month < 1 || month > 12) return iso;
    return std::string(MonthNames[month - 1]) + " " + std::to_string(day) + ", " + std::to_string(year);
}

static std::string joinAuthors(const std::vector<Author>& authors) {
    std::string out;
    for (size_t i = 0; i < authors.size(); ++i) {
        if (i > 0) out += i + 1 == authors.size() ? " and " : ", ";
        out += authors[i].name;
    }
    return out;
}

std::string bylineText(const Article& article, const std::string& dateText) {
    std::vector<std::string> parts;
    if (!article.authors.empty()) parts.push_back("By " + joinAuthors(article.authors));
    if (!article.source.name.empty()) parts.push_back(article.source.name);
    if (!article.published.empty()) parts.push_back(dateText.empty() ? formatDateEnglish(article.published) : dateText);
    std::string byline;
    for (size_t i = 0; i < parts.size(); ++i) byline += (i ? "  \u00B7  " : "") + parts[i];
    return byline;
}

}  // namespace galley
