// page_metadata.cpp — see page_metadata.h.
#include "page_metadata.h"

#include <algorithm>
#include <map>

#include "bundle_loader.h"
#include "byline_reader.h"
#include "date_order_evidence.h"
#include "date_parse.h"
#include "element_hints.h"
#include "folded_text.h"
#include "import_text.h"
#include "json_ld.h"
#include "text_measure.h"
#include "text_util.h"
#include "url_resolve.h"
#include "utf8.h"

namespace galley::importing::html {
namespace {

using scraped::foldForMatching;

std::string lower(std::string s) { return lowerAscii(std::move(s)); }

std::string collapse(const std::string& s) {
    std::string out;
    bool space = false;
    for (char c : s) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
            space = !out.empty();
            continue;
        }
        if (space) out.push_back(' ');
        space = false;
        out.push_back(c);
    }
    return out;
}

struct MetaTags {
    std::map<std::string, std::vector<std::string>> values;  // key lower-case: "og:title", "author"
    const std::string* first(std::initializer_list<const char*> keys, std::string* which) const {
        for (const char* k : keys) {
            auto it = values.find(k);
            if (it != values.end())
                for (const std::string& v : it->second)
                    if (!v.empty()) {
                        if (which) *which = k;
                        return &v;
                    }
        }
        return nullptr;
    }
};

MetaTags readMetaTags(const Document& doc) {
    MetaTags tags;
    for (const Node& n : doc.nodes) {
        if (n.isText || n.tag != "meta" || !n.has("content")) continue;
        for (const char* attr : {"property", "name", "itemprop", "http-equiv"}) {
            const std::string& key = n.attribute(attr);
            if (!key.empty()) tags.values[lower(key)].push_back(collapse(n.attribute("content")));
        }
    }
    return tags;
}

bool isUrl(const std::string& s) { return urlScheme(s) == "http" || urlScheme(s) == "https"; }

// "By", and the word bylines use for it in other languages: German, Dutch, French, Spanish, Portuguese, Italian,
// the Scandinavian languages.
const char* const kByWords[] = {"By ", "by ", "BY ", "Von ", "von ", "Door ", "door ", "Par ", "par ", "Por ", "por ",
                                "Di ", "Av ", "Af "};

std::string withoutBy(std::string name) {
    name = collapse(name);
    for (const char* by : kByWords)
        if (name.rfind(by, 0) == 0) {
            name = name.substr(std::string(by).size());
            break;
        }
    return trim(name);
}

// The names a byline line gives: "By Jane Doe | June 2, 2024" (import_text's reading, English), or "Von Katrin
// Vogelsang" in another language (the names alone); `published` receives the date the English reading finds.
std::optional<std::vector<std::string>> bylineNames(const std::string& text, std::optional<DateMatch>* published) {
    if (auto names = readBylineLine(text, published)) return names;
    for (const char* by : kByWords)
        if (text.rfind(by, 0) == 0 && by[0] != 'b' && by[0] != 'B') return scraped::parseAuthorList(withoutBy(text));
    return std::nullopt;
}

void addAuthors(std::vector<std::string>& into, const std::string& raw) {
    std::string name = withoutBy(raw);
    if (name.empty() || isUrl(name) || name.size() > 200) return;
    std::optional<std::vector<std::string>> names = scraped::parseAuthorList(name);
    std::vector<std::string> list = names && !names->empty() ? *names : std::vector<std::string>{name};
    for (const std::string& n : list)
        if (std::find(into.begin(), into.end(), n) == into.end()) into.push_back(n);
}

std::string languageTag(std::string v) {
    v = trim(v);
    std::replace(v.begin(), v.end(), '_', '-');
    size_t comma = v.find(',');  // "Content-Language: de, en"
    if (comma != std::string::npos) v = trim(v.substr(0, comma));
    return isLanguageTag(v) ? v : std::string();
}

bool isBylineElement(const Node& n) {
    if (n.attribute("rel") == "author" || n.attribute("itemprop") == "author") return true;
    for (const char* attr : {"class", "id"}) {
        std::string v = lower(n.attribute(attr));
        if (v.empty()) continue;
        for (const char* box : {"bio", "box", "about", "avatar", "image", "photo"})
            if (v.find(box) != std::string::npos) return false;
        for (const char* word : {"byline", "by-line", "author", "writer", "contributor", "autor", "auteur"})
            if (v.find(word) != std::string::npos) return true;
    }
    return false;
}

bool isDekElement(const Node& n) {
    if (n.tag != "p" && n.tag != "div" && n.tag != "h2" && n.tag != "span") return false;
    for (const char* attr : {"class", "id"}) {
        std::vector<std::string> words;
        std::string w;
        for (char c : lower(n.attribute(attr)) + " ") {
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                w.push_back(c);
            } else if (!w.empty()) {
                words.push_back(w);
                w.clear();
            }
        }
        for (const std::string& word : words)
            for (const char* dek : {"standfirst", "dek", "deck", "subtitle", "subheadline", "strapline", "lede",
                                    "sapo", "chapo", "teaser-text", "summary"})
                if (word == dek) return true;
    }
    return false;
}

bool isBlockish(const std::string& t) {
    return t == "p" || t == "div" || t == "span" || t == "li" || t == "address" || t == "section" || t == "header";
}

// "Hugh Carrow · 30 June 2022", "Published: 5 March 2024": with the date and the authors' names taken out, nothing
// is left but separators and the words that label a date or a byline.
bool onlyHeaderWords(const std::string& text, const std::string& timeText, const std::vector<std::string>& authors) {
    std::string rest = " " + foldForMatching(text) + " ";
    auto cut = [&](const std::string& what) {
        const std::string f = foldForMatching(what);
        if (f.empty()) return;
        size_t at = rest.find(" " + f + " ");
        if (at != std::string::npos) rest.replace(at, f.size() + 2, " ");
    };
    cut(timeText);
    for (const std::string& a : authors) cut(a);
    for (const std::string& w : splitWords(rest))
        if (w != "by" && w != "published" && w != "posted" && w != "on" && w != "updated" && w != "last" &&
            w != "date" && w != "written")
            return false;
    return true;
}

}  // namespace

std::string bundleDate(const std::string& raw, const DateOrderEvidence& evidence, std::string* explanation) {
    return bundleDate(raw, [&](const DateMatch& m, std::string* why) { return readDate(m, evidence, why); },
                      explanation);
}

std::string bundleDate(const std::string& raw, const std::function<std::string(const DateMatch&, std::string*)>& read,
                       std::string* explanation) {
    std::string v = trim(collapse(raw));
    if (v.empty()) return {};
    if (v.size() >= 16 && v[10] == ' ' && v[4] == '-' && v[7] == '-') v[10] = 'T';
    // "+0000" -> "+00:00"
    if (v.size() > 5) {
        size_t sign = v.size() - 5;
        if ((v[sign] == '+' || v[sign] == '-') && v.find('T') != std::string::npos &&
            std::all_of(v.begin() + static_cast<long>(sign) + 1, v.end(), [](char c) { return c >= '0' && c <= '9'; }))
            v.insert(sign + 3, ":");
    }
    if (isIso8601(v)) return v;
    std::optional<DateMatch> found = matchWholeDateTime(v);
    if (!found) {
        found = findDateTime(v);
        if (found && found->begin != 0) found.reset();
    }
    if (!found || !isIso8601(found->iso)) return {};
    return read(*found, explanation);
}

std::string titleWithoutSiteName(const std::string& rawTitle, const std::string& site,
                                 const std::vector<std::string>& h1s, std::string* suffix) {
    const std::string title = collapse(rawTitle);
    const std::string folded = foldForMatching(title);
    for (const std::string& h : h1s)
        if (foldForMatching(h) == folded) return title;
    static const char* const separators[] = {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " \xC2\xB7 ", " :: ",
                                             " // ", " \xC2\xBB ", " \xC2\xAB ", " \xE2\x80\xA2 ", " ~ ", " / "};
    const std::string siteKey = foldForMatching(site);
    if (!siteKey.empty()) {
        for (const char* sep : separators) {
            size_t at = title.rfind(sep);
            if (at != std::string::npos && foldForMatching(title.substr(at + std::string(sep).size())) == siteKey) {
                if (suffix) *suffix = title.substr(at + std::string(sep).size());
                return trim(title.substr(0, at));
            }
            at = title.find(sep);
            if (at != std::string::npos && foldForMatching(title.substr(0, at)) == siteKey) {
                if (suffix) *suffix = title.substr(0, at);
                return trim(title.substr(at + std::string(sep).size()));
            }
        }
    }
    // No site name to compare: a short last part after the last separator is the site's.
    size_t best = std::string::npos, bestLength = 0;
    for (const char* sep : separators) {
        size_t at = title.rfind(sep);
        if (at != std::string::npos && (best == std::string::npos || at > best)) {
            best = at;
            bestLength = std::string(sep).size();
        }
    }
    if (best == std::string::npos) return title;
    std::string head = trim(title.substr(0, best)), tail = trim(title.substr(best + bestLength));
    if (splitWords(tail).size() <= 4 && splitWords(head).size() >= 2) {
        // The <h1> may name the head alone: then it surely is the headline.
        if (suffix) *suffix = tail;
        return head;
    }
    return title;
}

namespace {

// The page's evidence for reading its numeric dates: the text of its body by line, its dates in <meta> and datetime
// attributes, its address, declared language (or --lang) and site name: the metadata read before the dates.
DateOrderEvidence pageEvidence(const Document& doc, const MetaTags& meta, const PageMetadata& md,
                               const std::string& userLang) {
    std::vector<EvidenceText> texts;
    const NodeId body = doc.body != NoNode ? doc.body : doc.html;
    if (body != NoNode)
        for (NodeId k = body + 1, stop = doc.end(body); k < stop; ++k) {
            const Node& n = doc[k];
            if (n.isText) {
                std::string t = collapse(n.text);
                if (!t.empty()) texts.push_back({std::move(t), "line " + std::to_string(n.line)});
            } else if (n.tag == "time" && n.has("datetime")) {
                texts.push_back({n.attribute("datetime"), "<time datetime> (line " + std::to_string(n.line) + ")"});
            }
        }
    for (const char* k : {"article:published_time", "og:published_time", "article:modified_time", "og:updated_time",
                          "datepublished", "datemodified", "date", "dc.date", "dcterms.date", "dcterms.modified"})
        if (const std::string* v = meta.first({k}, nullptr)) texts.push_back({*v, std::string("<meta ") + k + ">"});
    importing::PublicationHints hints;
    hints.url = !md.pageUrl.empty() ? md.pageUrl.value : md.siteUrl.value;
    hints.urlWhere = !md.pageUrl.empty() ? md.pageUrl.source : md.siteUrl.source;
    hints.declaredLang = !userLang.empty() ? userLang : md.lang.value;
    hints.langWhere = !userLang.empty() ? "--lang" : md.lang.source;
    hints.langByUser = !userLang.empty();
    hints.language = hints.declaredLang;
    hints.name = md.siteName.value;
    hints.nameWhere = md.siteName.source;
    return importing::gatherDateOrderEvidence(texts, hints);
}

}  // namespace

PageMetadata readMetadata(const Document& doc, const std::string& baseUrl, const std::string& userLang) {
    PageMetadata md;
    const MetaTags meta = readMetaTags(doc);
    std::optional<JsonLdArticle> ld = readJsonLd(doc.jsonLd, md.notes);
    const std::string ldName = ld ? "JSON-LD " + ld->type + " " : "";
    std::string key;
    auto fromMeta = [&](Field& f, std::initializer_list<const char*> keys) {
        if (!f.empty()) return;
        if (const std::string* v = meta.first(keys, &key)) f = {*v, "<meta " + key + ">"};
    };
    const NodeId body = doc.body != NoNode ? doc.body : doc.html;

    // The page's URL.
    if (isUrl(baseUrl)) md.pageUrl = {baseUrl, "--base-url"};
    if (md.pageUrl.empty())
        for (NodeId k : doc.all(doc.html, "link")) {
            std::vector<std::string> rels = splitWords(lower(doc[k].attribute("rel")));
            if (std::find(rels.begin(), rels.end(), "canonical") == rels.end()) continue;
            std::string href = doc[k].attribute("href");
            const std::string* og = meta.first({"og:url"}, nullptr);
            if (!isUrl(href) && og) href = resolveUrl(*og, href);
            if (isUrl(href)) md.pageUrl = {href, "<link rel=canonical>"};
            break;
        }
    fromMeta(md.pageUrl, {"og:url"});
    if (md.pageUrl.empty() && ld && isUrl(ld->url)) md.pageUrl = {ld->url, ldName + "url"};
    if (!isUrl(md.pageUrl.value)) md.pageUrl = {};

    // The site.
    if (ld && !ld->publisher.empty()) md.siteName = {collapse(ld->publisher), ldName + "publisher.name"};
    fromMeta(md.siteName, {"og:site_name", "application-name", "publisher", "twitter:site"});
    if (md.siteName.source == "<meta twitter:site>") md.siteName = {};  // "@handle", not a name
    if (ld && isUrl(ld->publisherUrl)) md.siteUrl = {ld->publisherUrl, ldName + "publisher.url"};
    if (md.siteUrl.empty() && !md.pageUrl.empty()) md.siteUrl = {urlOrigin(md.pageUrl.value), "the page's origin"};

    // The title.
    std::vector<std::string> h1s;
    for (NodeId k : doc.all(body, "h1")) {
        std::string t = collapsedText(doc, k, {}, 600);
        if (!t.empty()) h1s.push_back(t);
        if (h1s.size() == 3) break;
    }
    std::string cut;
    if (ld && !ld->headline.empty()) md.title = {collapse(ld->headline), ldName + "headline"};
    fromMeta(md.title, {"og:title", "twitter:title", "dc.title", "citation_title"});
    if (md.title.empty()) {
        NodeId t = doc.find(doc.head != NoNode ? doc.head : doc.html, "title");
        if (t != NoNode) md.title = {collapsedText(doc, t, {}, 1000), "<title>"};
    }
    if (!md.title.empty() && md.title.source.rfind("JSON-LD", 0) != 0) {
        std::string trimmed = titleWithoutSiteName(md.title.value, md.siteName.value, h1s, &cut);
        if (trimmed != md.title.value) {
            md.title.value = trimmed;
            md.title.source += ", without the site's name";
            md.titleSuffix = cut;
        }
    }
    if (md.title.empty() && !h1s.empty()) md.title = {h1s[0], "<h1>"};
    if (md.siteName.empty() && !md.titleSuffix.empty()) md.siteName = {md.titleSuffix, "<title>'s last part"};
    if (md.siteName.empty()) {
        NodeId t = doc.find(doc.head != NoNode ? doc.head : doc.html, "title");
        if (t != NoNode) {
            std::string suffix;
            titleWithoutSiteName(collapsedText(doc, t, {}, 1000), "", {}, &suffix);
            if (!suffix.empty()) md.siteName = {suffix, "<title>'s last part"};
        }
    }

    // Description.
    if (ld && !ld->description.empty()) md.description = {collapse(ld->description), ldName + "description"};
    fromMeta(md.description, {"og:description", "description", "twitter:description", "dc.description"});

    // The dek printed under the headline: a short element whose class or id calls it one, before the story's text.
    if (body != NoNode) {
        int looked = 0;
        for (NodeId k = body + 1, stop = doc.end(body); k < stop && looked < 40; ++k) {
            const Node& n = doc[k];
            if (n.isText) continue;
            if (n.tag == "p") ++looked;
            if (!isDekElement(n)) continue;
            std::string text = collapsedText(doc, k, {}, 600);
            if (text.empty() || utf8::countCodePoints(text) > 300) continue;
            if (md.description.empty()) md.description = {text, "dek element " + describeElement(n)};
            if (foldForMatching(text) == foldForMatching(md.description.value)) md.headerNodes.push_back(k);
            break;
        }
    }

    // Authors, and the byline element whichever source names them.
    if (ld && !ld->authors.empty()) {
        for (const std::string& a : ld->authors) addAuthors(md.authors, a);
        if (!md.authors.empty()) md.authorsSource = ldName + "author";
    }
    if (md.authors.empty())
        for (const char* k : {"author", "article:author", "parsely-author", "sailthru.author", "dc.creator",
                              "citation_author", "byl"}) {
            auto it = meta.values.find(k);
            if (it == meta.values.end()) continue;
            for (const std::string& v : it->second) addAuthors(md.authors, v);
            if (!md.authors.empty()) {
                md.authorsSource = std::string("<meta ") + k + ">";
                break;
            }
        }
    std::optional<DateMatch> bylineDate;
    if (body != NoNode) {
        for (NodeId k = body + 1, stop = doc.end(body); k < stop; ++k) {
            const Node& n = doc[k];
            if (n.isText || !isBylineElement(n)) continue;
            std::string text = collapsedText(doc, k, {}, 400);
            if (text.empty() || text.size() > 150) continue;
            std::optional<DateMatch> published;
            std::optional<std::vector<std::string>> names = bylineNames(text, &published);
            if (!names) {
                NodeId name = NoNode;
                for (NodeId d = k + 1, e = doc.end(k); d < e; ++d)
                    if (doc[d].attribute("itemprop") == "name") name = d;
                std::string who = name != NoNode ? collapsedText(doc, name, {}, 200) : text;
                names = scraped::parseAuthorList(withoutBy(who));
            }
            if (!names || names->empty()) continue;
            md.headerNodes.push_back(k);
            if (md.authors.empty()) {
                md.authors = *names;
                md.authorsSource = "byline element " + describeElement(n);
            }
            bylineDate = published;
            break;
        }
        // A byline only in the text: a short "By ..." block near the top.
        int looked = 0;
        for (NodeId k = body + 1, stop = doc.end(body); k < stop && md.headerNodes.empty() && looked < 60; ++k) {
            const Node& n = doc[k];
            if (n.isText || !(n.tag == "p" || n.tag == "div" || n.tag == "span")) continue;
            std::string text = collapsedText(doc, k, {}, 400);
            if (text.empty()) continue;
            ++looked;
            if (text.size() > 150) continue;
            std::optional<DateMatch> published;
            std::optional<std::vector<std::string>> names = bylineNames(text, &published);
            if (!names || names->empty()) continue;
            md.headerNodes.push_back(k);
            if (md.authors.empty()) {
                md.authors = *names;
                md.authorsSource = "byline in the text (line " + std::to_string(n.line) + ")";
            }
            bylineDate = published;
        }
    }
    if (md.authors.size() > 1 && !md.siteName.empty()) {
        const std::string site = foldForMatching(md.siteName.value);
        md.authors.erase(std::remove_if(md.authors.begin(), md.authors.end(),
                                        [&](const std::string& a) { return foldForMatching(a) == site; }),
                         md.authors.end());
    }

    // Language and direction.
    if (doc.html != NoNode) {
        std::string lang = languageTag(doc[doc.html].attribute("lang"));
        if (!lang.empty()) md.lang = {lang, "<html lang>"};
        if (md.lang.empty()) {
            lang = languageTag(doc[doc.html].attribute("xml:lang"));
            if (!lang.empty()) md.lang = {lang, "<html xml:lang>"};
        }
        const std::string dir = lower(doc[doc.html].attribute("dir"));
        if (dir == "ltr" || dir == "rtl" || dir == "auto") md.dir = {dir, "<html dir>"};
    }
    if (body != NoNode && doc[body].tag == "body") {
        std::string lang = languageTag(doc[body].attribute("lang"));
        if (md.lang.empty() && !lang.empty()) md.lang = {lang, "<body lang>"};
        const std::string dir = lower(doc[body].attribute("dir"));
        if (md.dir.empty() && (dir == "ltr" || dir == "rtl" || dir == "auto")) md.dir = {dir, "<body dir>"};
    }
    if (md.lang.empty())
        if (const std::string* v = meta.first({"content-language", "og:locale", "language", "dc.language"}, &key)) {
            std::string lang = languageTag(*v);
            if (!lang.empty()) md.lang = {lang, "<meta " + key + ">"};
        }
    if (md.lang.empty() && ld && !languageTag(ld->inLanguage).empty())
        md.lang = {languageTag(ld->inLanguage), ldName + "inLanguage"};
    // Dates. A numeric one that reads both ways is read with the page's evidence, gathered when one needs it.
    std::optional<DateOrderEvidence> evidence;
    auto readIso = [&](const DateMatch& m, std::string* explanation) {
        if (!m.eitherWay) return m.iso;
        if (!evidence) evidence = pageEvidence(doc, meta, md, userLang);
        return readDate(m, *evidence, explanation);
    };
    auto setDate = [&](Field& f, const std::string& raw, const std::string& source) {
        if (!f.empty() || raw.empty()) return;
        std::string explanation;
        std::string d = bundleDate(raw, readIso, &explanation);
        if (d.empty()) {
            md.notes.push_back(source + ": \"" + raw + "\" is not a date the bundle can hold");
        } else {
            f = {d, source};
            if (!explanation.empty()) md.notes.push_back(explanation + " [" + source + "]");
        }
    };
    if (ld) setDate(md.published, ld->datePublished, ldName + "datePublished");
    if (ld) setDate(md.updated, ld->dateModified, ldName + "dateModified");
    for (const char* k : {"article:published_time", "og:published_time", "datepublished", "pubdate", "publish-date",
                          "publish_date", "date", "dc.date", "dc.date.issued", "dcterms.date", "dcterms.created",
                          "sailthru.date", "parsely-pub-date", "citation_publication_date", "citation_date"})
        if (md.published.empty())
            if (const std::string* v = meta.first({k}, nullptr)) setDate(md.published, *v, std::string("<meta ") + k + ">");
    for (const char* k : {"article:modified_time", "og:updated_time", "datemodified", "dcterms.modified"})
        if (md.updated.empty())
            if (const std::string* v = meta.first({k}, nullptr)) setDate(md.updated, *v, std::string("<meta ") + k + ">");
    if (body != NoNode) {
        std::vector<NodeId> times = doc.all(body, "time");
        NodeId chosen = NoNode;
        for (NodeId t : times)
            if (doc[t].attribute("itemprop") == "datePublished" || doc[t].has("pubdate")) {
                chosen = t;
                break;
            }
        if (chosen == NoNode)
            for (NodeId t : times)
                if (doc[t].has("datetime") && doc[t].attribute("itemprop") != "dateModified") {
                    chosen = t;
                    break;
                }
        if (chosen != NoNode) {
            const std::string& dt = doc[chosen].attribute("datetime");
            std::string raw = dt.empty() ? collapsedText(doc, chosen, {}, 200) : dt;
            setDate(md.published, raw, "<time" + std::string(dt.empty() ? "" : " datetime") + "> (line " +
                                           std::to_string(doc[chosen].line) + ")");
            // The date's own line is page furniture once read; a sentence that holds a <time> is not.
            const std::string timeText = collapsedText(doc, chosen, {}, 200);
            NodeId line = chosen;
            while (doc[line].parent != NoNode && doc[line].parent != body &&
                   collapsedText(doc, doc[line].parent, {}, 400) == timeText)
                line = doc[line].parent;
            const NodeId parent = doc[line].parent;
            std::string around = parent != NoNode ? collapsedText(doc, parent, {}, 400) : std::string();
            const bool inSentence = parent != NoNode && (doc[parent].tag == "p" || doc[parent].tag == "span" ||
                                                         doc[parent].tag == "li");
            if (parent != NoNode && parent != body && isBlockish(doc[parent].tag) && around.size() <= 120 &&
                (!parseDateTime(around).empty() || readBylineLine(around) ||
                 onlyHeaderWords(around, timeText, md.authors)))
                md.headerNodes.push_back(parent);  // "Published 5 March 2024", "By Jane Doe, 5 March 2024"
            else if (!inSentence)
                md.headerNodes.push_back(line);
        }
    }
    if (md.published.empty() && bylineDate) {
        std::string explanation;
        md.published = {readIso(*bylineDate, &explanation), "the byline's date"};
        if (!explanation.empty()) md.notes.push_back(explanation + " [the byline's date]");
    }

    return md;
}

}  // namespace galley::importing::html
