// page_metadata.h — the article's fields from what the page says about itself, each from the first source that has
// it, and which source that was (for --explain):
//   1. schema.org JSON-LD (json_ld.h): headline, author names, datePublished, dateModified, publisher, description;
//   2. OpenGraph and <meta>: og:title, og:site_name, article:published_time, article:modified_time, author,
//      description, og:locale...;
//   3. the page itself: <title> without the site's name ("Headline | Site", "Headline - Site": the part that is the
//      site's name by og:site_name or the publisher, else a short last part), the <h1>; the byline element (rel=author,
//      itemprop=author, a class or id word byline, author or writer) or a "By ..." line; <time datetime>
//      (itemprop=datePublished or pubdate first); lang and dir from <html> (else <body>, Content-Language, og:locale).
// Dates are kept only in the bundle's ISO 8601 forms (date_parse reads the others pages write); a numeric date that
// reads both ways ("04/03/2025") is read with the page's evidence (numeric_date_order.h): its text, its dates in
// <meta> and datetime attributes, its address, declared language and site name.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "html_document.h"
#include "numeric_date_order.h"

namespace galley::importing::html {

struct Field {
    std::string value;
    std::string source;  // "JSON-LD NewsArticle headline", "<meta property=og:site_name>", "<title>", ...
    bool empty() const { return value.empty(); }
};

struct PageMetadata {
    Field title, description, published, updated, siteName, siteUrl, lang, dir, pageUrl;
    std::vector<std::string> authors;
    std::string authorsSource;
    std::string titleSuffix;           // what was cut off <title> ("The Daily Post"), when it was
    std::vector<NodeId> headerNodes;   // byline and date elements: page furniture once read
    std::vector<std::string> notes;    // JSON-LD scripts skipped, dates that could not be read
};

// `baseUrl`: the page's URL if the caller knows it (--base-url); it wins over the page's own. `userLang`: the language
// the user gave (--lang), or "": evidence for the order of numeric dates, over the page's own declaration.
PageMetadata readMetadata(const Document& doc, const std::string& baseUrl, const std::string& userLang = {});

// "Headline | Site" -> "Headline" when `site` names the site, or, without it, when the last part is short (up to
// four words) and the rest is not (two words or more); `suffix` receives the part cut off. A title whose whole text
// is the page's <h1> is kept whole (the separator belongs to the headline).
std::string titleWithoutSiteName(const std::string& title, const std::string& site, const std::vector<std::string>& h1s,
                                 std::string* suffix);

// A date as the bundle format writes it (ISO 8601, offset with a colon), from what pages put in datetime attributes
// and meta tags ("2024-03-05T10:00:00+0000", "2024-03-05 10:00", "March 5, 2024"), or "". A numeric date that
// reads both ways is read with `evidence`; `explanation` (when given) receives the --explain line for it.
std::string bundleDate(const std::string& value, const DateOrderEvidence& evidence = {},
                       std::string* explanation = nullptr);
// The same with the reading of a date left to `read` (readMetadata gathers the page's evidence only when a date
// needs it).
std::string bundleDate(const std::string& value, const std::function<std::string(const DateMatch&, std::string*)>& read,
                       std::string* explanation);

}  // namespace galley::importing::html
