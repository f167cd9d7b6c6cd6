// json_ld.h — the article a page describes in schema.org JSON-LD (<script type="application/ld+json">): the first
// object typed Article, NewsArticle, BlogPosting or another kind of article, found at the top level, in an array or
// in an "@graph", with references ({"@id": ...}) to other objects of the page's graphs resolved.
//
// author may be a string, an object with a name, or an array of either; publisher an object or a reference. A
// script that is not JSON (or nests deeper than 64 levels, or is over 1 MiB) is skipped with a note.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace galley::importing::html {

struct JsonLdArticle {
    std::string type;  // "NewsArticle"
    std::string headline, description, datePublished, dateModified, inLanguage, url;
    std::vector<std::string> authors;
    std::string publisher, publisherUrl;
};

// `notes` receives one line per script skipped and why.
std::optional<JsonLdArticle> readJsonLd(const std::vector<std::string>& scripts, std::vector<std::string>& notes);

}  // namespace galley::importing::html
