// markdown_front_matter.cpp — see markdown_front_matter.h.
#include "markdown_front_matter.h"

#include "bundle_loader.h"
#include "date_parse.h"
#include "text_util.h"

namespace galley::importing::markdown {

namespace {

std::string unquote(std::string v) {
    v = trim(v);
    if (v.size() >= 2 && ((v.front() == '"' && v.back() == '"') || (v.front() == '\'' && v.back() == '\'')))
        v = v.substr(1, v.size() - 2);
    return v;
}

std::vector<std::string> splitNames(const std::string& value) {
    std::string v = value;
    if (v.size() >= 2 && v.front() == '[' && v.back() == ']') v = v.substr(1, v.size() - 2);
    for (const char* joiner : {" and ", " & ", ";"}) {
        size_t pos;
        while ((pos = v.find(joiner)) != std::string::npos) v.replace(pos, std::string(joiner).size(), ",");
    }
    std::vector<std::string> names;
    size_t start = 0;
    while (start <= v.size()) {
        size_t comma = v.find(',', start);
        std::string part = unquote(v.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
        if (!part.empty()) names.push_back(part);
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    return names;
}

}  // namespace

FrontMatter readFrontMatter(const std::vector<std::string>& lines) {
    FrontMatter fm;
    if (lines.empty() || trim(lines[0]) != "---") return fm;
    size_t end = 0;
    for (size_t j = 1; j < lines.size() && j < 300; ++j) {
        std::string t = trim(lines[j]);
        if (t == "---" || t == "...") {
            end = j;
            break;
        }
    }
    if (end == 0) return fm;
    fm.lines = end + 1;
    std::string currentKey;
    std::string subtitleFrom;  // which key gave the subtitle: "subtitle" beats "description"
    for (size_t j = 1; j < end; ++j) {
        const std::string& raw = lines[j];
        std::string t = trim(raw);
        if (t.empty() || t[0] == '#') continue;
        bool indented = !raw.empty() && (raw[0] == ' ' || raw[0] == '\t');
        if (t[0] == '-' && (t.size() == 1 || t[1] == ' ')) {
            std::string item = unquote(t.substr(1));
            if (startsWith(item, "name:")) item = unquote(item.substr(5));
            if (currentKey == "author" || currentKey == "authors") fm.authors.push_back(item);
            continue;
        }
        size_t colon = t.find(':');
        if (colon == std::string::npos) continue;
        std::string key = lowerAscii(trim(t.substr(0, colon)));
        std::string value = trim(t.substr(colon + 1));
        if (indented && (currentKey == "author" || currentKey == "authors")) {
            if (key == "name") fm.authors.push_back(unquote(value));
            continue;
        }
        currentKey = key;
        if (value.empty()) continue;
        if (key == "title") {
            fm.title = unquote(value);
        } else if (key == "subtitle" || key == "dek" || key == "standfirst" || key == "description" ||
                   key == "summary" || key == "excerpt") {
            bool stronger = subtitleFrom.empty() || key == "subtitle" || key == "dek" ||
                            (key == "standfirst" && subtitleFrom != "subtitle" && subtitleFrom != "dek");
            if (stronger) fm.subtitle = unquote(value), subtitleFrom = key;
        } else if (key == "author" || key == "authors" || key == "by" || key == "byline" || key == "creator") {
            for (const std::string& n : splitNames(value)) fm.authors.push_back(n);
        } else if (key == "date" || key == "published" || key == "pubdate" || key == "publishdate" ||
                   key == "published_at" || key == "date_published" || key == "publish_date") {
            if (std::optional<DateMatch> m = matchWholeDateTime(unquote(value))) {
                fm.published = m->iso;
                fm.publishedDate = std::move(m);
            }
        } else if (key == "source" || key == "publication" || key == "site" || key == "site_name" ||
                   key == "publisher") {
            fm.source = unquote(value);
        } else if (key == "source_url" || key == "canonical_url" || key == "url") {
            std::string url = unquote(value);
            if (isAllowedLinkHref(url) && !startsWith(lowerAscii(url), "mailto:")) fm.sourceUrl = url;
        }
    }
    return fm;
}

}  // namespace galley::importing::markdown
