// json_ld.cpp — see json_ld.h. nlohmann::json without exceptions (JSON_NOEXCEPTION, as the loader): a failed parse
// gives a discarded value.
#include "json_ld.h"

#include <map>
#include <nlohmann/json.hpp>

namespace galley::importing::html {
namespace {

using nlohmann::json;

constexpr size_t MaxScriptBytes = 1u << 20;
constexpr int MaxDepth = 64;

bool nestsTooDeep(const std::string& s) {
    int depth = 0;
    bool inString = false;
    for (size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (inString) {
            if (c == '\\') ++i;
            else if (c == '"') inString = false;
            continue;
        }
        if (c == '"') inString = true;
        else if (c == '{' || c == '[') {
            if (++depth > MaxDepth) return true;
        } else if (c == '}' || c == ']') {
            --depth;
        }
    }
    return false;
}

bool isArticleType(const std::string& t) {
    static const char* const types[] = {"Article", "NewsArticle", "BlogPosting", "Report", "ScholarlyArticle",
                                        "TechArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
                                        "ReportageNewsArticle", "ReviewNewsArticle", "BackgroundNewsArticle",
                                        "AskPublicEditorArticle", "LiveBlogPosting", "SocialMediaPosting",
                                        "SatiricalArticle", "AdvertiserContentArticle", "MedicalScholarlyArticle",
                                        "DiscussionForumPosting", "Review"};
    std::string bare = t;
    size_t slash = bare.find_last_of("/:");
    if (slash != std::string::npos) bare = bare.substr(slash + 1);  // "http://schema.org/NewsArticle"
    for (const char* a : types)
        if (bare == a) return true;
    return false;
}

std::string articleType(const json& o) {
    auto it = o.find("@type");
    if (it == o.end()) return {};
    if (it->is_string() && isArticleType(it->get<std::string>())) return it->get<std::string>();
    if (it->is_array())
        for (const json& t : *it)
            if (t.is_string() && isArticleType(t.get<std::string>())) return t.get<std::string>();
    return {};
}

std::string stringOf(const json& o, const char* key) {
    auto it = o.find(key);
    if (it == o.end()) return {};
    if (it->is_string()) return it->get<std::string>();
    if (it->is_array() && !it->empty() && it->front().is_string()) return it->front().get<std::string>();
    if (it->is_object()) {
        auto v = it->find("@value");
        if (v != it->end() && v->is_string()) return v->get<std::string>();
    }
    return {};
}

class Graph {
public:
    void collect(const json& v, int depth) {
        if (depth > MaxDepth) return;
        if (v.is_array()) {
            for (const json& e : v) collect(e, depth + 1);
        } else if (v.is_object()) {
            objects.push_back(&v);
            std::string id = stringOf(v, "@id");
            if (!id.empty() && !byId.count(id)) byId[id] = &v;
            auto g = v.find("@graph");
            if (g != v.end()) collect(*g, depth + 1);
            auto main = v.find("mainEntity");
            if (main != v.end()) collect(*main, depth + 1);
        }
    }
    // An object, or the object a reference names.
    const json* resolve(const json& v) const {
        if (!v.is_object()) return nullptr;
        if (v.size() == 1 && v.contains("@id")) {
            auto it = byId.find(stringOf(v, "@id"));
            return it == byId.end() ? nullptr : it->second;
        }
        return &v;
    }
    std::vector<const json*> objects;
    std::map<std::string, const json*> byId;
};

void addNames(const Graph& g, const json& v, std::vector<std::string>& names, int depth) {
    if (depth > 4) return;
    if (v.is_string()) {
        names.push_back(v.get<std::string>());
    } else if (v.is_array()) {
        for (const json& e : v) addNames(g, e, names, depth + 1);
    } else if (const json* o = g.resolve(v)) {
        std::string name = stringOf(*o, "name");
        if (name.empty()) {
            std::string given = stringOf(*o, "givenName"), family = stringOf(*o, "familyName");
            name = given + (given.empty() || family.empty() ? "" : " ") + family;
        }
        if (!name.empty()) names.push_back(name);
    }
}

}  // namespace

std::optional<JsonLdArticle> readJsonLd(const std::vector<std::string>& scripts, std::vector<std::string>& notes) {
    std::vector<json> parsed;
    for (size_t k = 0; k < scripts.size(); ++k) {
        std::string s = scripts[k];
        // Some pages wrap the JSON in an HTML comment or CDATA markers.
        for (const char* wrapper : {"<!--", "-->", "<![CDATA[", "]]>"}) {
            size_t at = s.find(wrapper);
            if (at != std::string::npos) s.replace(at, std::string(wrapper).size(), "");
        }
        const std::string which = "JSON-LD script " + std::to_string(k + 1);
        if (s.size() > MaxScriptBytes) {
            notes.push_back(which + " skipped: over 1 MiB");
            continue;
        }
        if (nestsTooDeep(s)) {
            notes.push_back(which + " skipped: nests deeper than 64 levels");
            continue;
        }
        json v = json::parse(s, nullptr, false, true);
        if (v.is_discarded()) {
            notes.push_back(which + " skipped: not valid JSON");
            continue;
        }
        parsed.push_back(std::move(v));
    }
    Graph g;
    for (const json& v : parsed) g.collect(v, 0);
    const json* article = nullptr;
    for (const json* o : g.objects) {
        if (articleType(*o).empty()) continue;
        if (!article || (stringOf(*article, "headline").empty() && !stringOf(*o, "headline").empty())) article = o;
        if (!stringOf(*article, "headline").empty()) break;
    }
    if (!article) {
        if (!scripts.empty()) notes.push_back("JSON-LD: no Article, NewsArticle or BlogPosting object");
        return std::nullopt;
    }
    const json& a = *article;
    JsonLdArticle out;
    out.type = articleType(a);
    out.headline = stringOf(a, "headline");
    if (out.headline.empty()) out.headline = stringOf(a, "name");
    out.description = stringOf(a, "description");
    out.datePublished = stringOf(a, "datePublished");
    if (out.datePublished.empty()) out.datePublished = stringOf(a, "dateCreated");
    out.dateModified = stringOf(a, "dateModified");
    out.inLanguage = stringOf(a, "inLanguage");
    out.url = stringOf(a, "url");
    if (auto au = a.find("author"); au != a.end()) addNames(g, *au, out.authors, 0);
    if (out.authors.empty())
        if (auto cr = a.find("creator"); cr != a.end()) addNames(g, *cr, out.authors, 0);
    if (auto pub = a.find("publisher"); pub != a.end()) {
        const json* p = pub->is_array() && !pub->empty() ? g.resolve(pub->front()) : g.resolve(*pub);
        if (p) {
            out.publisher = stringOf(*p, "name");
            out.publisherUrl = stringOf(*p, "url");
        } else if (pub->is_string()) {
            out.publisher = pub->get<std::string>();
        }
    }
    return out;
}

}  // namespace galley::importing::html
