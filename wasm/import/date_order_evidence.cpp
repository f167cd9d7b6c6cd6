// date_order_evidence.cpp — see date_order_evidence.h.
#include "date_order_evidence.h"

#include "date_convention.h"
#include "spelling_variety.h"

namespace galley::importing {

DateOrderEvidence gatherDateOrderEvidence(const std::vector<EvidenceText>& texts, const PublicationHints& hints) {
    DateOrderEvidence evidence;
    evidence.language = primaryLanguage(!hints.declaredLang.empty() ? hints.declaredLang : hints.language);
    // The spelling counts in English only (and when the language is not known: the word list is English).
    const bool english = evidence.language.empty() || evidence.language == "en";
    SpellingTally spelling;
    for (const EvidenceText& t : texts) {
        for (DateMatch& m : findAllDates(t.text)) {
            std::string written = t.text.substr(m.begin, m.end - m.begin);
            evidence.dates.push_back({std::move(m), std::move(written), t.where});
        }
        if (english) tallySpellings(t.text, t.where, spelling);
    }
    if (!hints.url.empty())
        if (auto c = domainClue(hints.url, hints.urlWhere)) evidence.clues.push_back(*c);
    if (!hints.declaredLang.empty())
        if (auto c = languageRegionClue(hints.declaredLang, hints.langWhere, hints.langByUser))
            evidence.clues.push_back(*c);
    if (!hints.name.empty())
        if (auto c = publicationNameClue(hints.name, hints.nameWhere)) evidence.clues.push_back(*c);
    if (english)
        if (auto c = spellingClue(spelling)) evidence.clues.push_back(*c);
    return evidence;
}

}  // namespace galley::importing
