// date_order_evidence.h — gathering what a document says about the order of its numeric dates
// (numeric_date_order.h): every date written in its text, with where; the spelling of its English; the clues of
// the publication's address, declared language and name (date_convention.h). Each importer passes its document's
// pieces of text with their places (scraped text and Markdown: lines; HTML: text nodes, meta values and datetime
// attributes) and what it knows of the publication.
#pragma once

#include <string>
#include <vector>

#include "numeric_date_order.h"

namespace galley::importing {

struct EvidenceText {
    std::string text;
    std::string where;  // "line 12", "<meta article:published_time>"
};

struct PublicationHints {
    std::string url, urlWhere;    // the publication's (or page's) address, and where it came from ("--base-url")
    std::string declaredLang, langWhere;  // a language tag the page or the user declared (not a default)
    bool langByUser = false;      // --lang
    std::string name, nameWhere;  // the publication's name
    std::string language;         // the document's language tag, default or not: the convention's (kind 9)
};

DateOrderEvidence gatherDateOrderEvidence(const std::vector<EvidenceText>& texts, const PublicationHints& hints);

}  // namespace galley::importing
