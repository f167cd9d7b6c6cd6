// text_header.cpp — see text_header.h.
#include "text_header.h"

#include <algorithm>

#include "byline_reader.h"
#include "text_util.h"
#include "typography.h"

namespace galley::importing::scraped {

namespace {

// A dek (standfirst) reads as a sentence: it ends with a period, or it is long and mostly lower case.
bool looksLikeDek(const Unit& u) {
    return (!u.text.empty() && u.text.back() == '.') || u.words >= 14 || (u.words >= 10 && u.lowerRatio >= 0.6);
}

// Headline shape: several words, no sentence period, starts with a capital. Coarse steps on purpose: equal
// scores fall back to the earlier line, which is what separates a headline from the dek under it.
int headlineScore(const Unit& u) {
    if (u.furniture.kind != Furniture::None || u.dateOnly || u.listItem || u.separated) return -10;
    int s = 0;
    if (u.words >= 3) s += 2;
    if (u.words >= 4 && u.words <= 22) s += 1;
    if (u.chars >= 15 && u.chars <= 180) s += 1;
    if (!u.text.empty() && u.text.back() != '.') s += 1;
    if (u.startsUpper) s += 1;
    if (u.words > 30) s -= 3;
    if (u.words <= 2) s -= 2;
    if (u.date && u.words <= 12) s -= 4;  // a byline or dateline, not a headline
    return s;
}

// A line that can carry header information: it has words and is neither furniture nor a bare label.
bool isSubstantive(const Unit& u) {
    return u.words > 0 && u.furniture.kind == Furniture::None && !u.dateLabel && u.publicationLabel.empty();
}

// "Daniel Ferreira" alone on a line: an unlabelled byline when it sits under the headline.
bool isBareName(const Unit& u) {
    if (u.words < 2 || u.words > 4 || u.chars > 40 || u.endsSentence || u.date) return false;
    auto names = parseAuthorList(u.text);
    return names && names->size() == 1 && splitWords((*names)[0]).size() >= 2;
}

}  // namespace

bool isSectionWord(const std::string& folded) {
    static const char* const sections[] = {
        "news", "opinion", "world", "politics", "business", "sport", "sports", "culture", "technology", "tech",
        "science", "health", "lifestyle", "entertainment", "travel", "food", "arts", "books", "local", "national",
        "international", "economy", "markets", "analysis", "features", "feature", "environment", "climate",
        "education", "religion", "style", "video", "podcasts", "home", "blog", "life", "magazine", "money",
        "exclusive", "breaking", "breaking news", "live", "review", "reviews", "interview", "essay", "column",
        "church", "ministry", "society", "asia", "europe", "africa", "americas", "us", "uk"};
    for (const char* s : sections)
        if (folded == s) return true;
    return false;
}

Header pickHeader(std::vector<Unit>& units) {
    Header h;
    const size_t n = units.size();
    size_t firstProse = n;
    for (size_t i = 0; i < n; ++i)
        if (isProse(units[i])) {
            firstProse = i;
            break;
        }

    // The byline: the first labelled one before (or just inside) the first run of prose.
    for (size_t i = 0; i < n && i < firstProse + 4; ++i) {
        if (auto b = readByline(units[i], false)) {
            h.byline = i;
            h.authors = b->authors;
            break;
        }
    }

    // What the header hangs from: the byline, else a date line just above the story, else the story itself.
    // "Just above" counts substantive lines only: share bars and reading times do not push it away.
    size_t anchor = firstProse;
    if (h.byline) {
        anchor = *h.byline;
    } else {
        int seen = 0;
        for (size_t i = firstProse; i-- > 0 && seen < 4;) {
            if (units[i].dateOnly) {
                anchor = i;
                break;
            }
            if (isSubstantive(units[i])) ++seen;
        }
    }

    // The headline: the best-shaped of the six substantive lines above the anchor.
    std::vector<size_t> window;
    for (size_t i = std::min(anchor, n); i-- > 0 && window.size() < 6;)
        if (isSubstantive(units[i]) && !units[i].dateOnly) window.insert(window.begin(), i);
    std::optional<size_t> best;
    int bestScore = 3;
    for (size_t i : window) {
        int s = headlineScore(units[i]);
        // Headlines sit right above the byline or story, at most a dek away; a tagline or menu further up is
        // shaped the same but has other lines of text in between. Short labels, names and dates do not count.
        int between = 0;
        for (size_t k = i + 1; k < anchor; ++k) {
            const Unit& b = units[k];
            if (isSubstantive(b) && !b.dateOnly && b.words >= 4 && !isBareName(b)) ++between;
        }
        if (between <= 2) s += 1;
        if (i == 0 && units[i].words <= 4) s -= 2;                  // masthead position
        if (units[i].occurrences > 1 && units[i].words <= 4) s -= 2;  // repeated brand or menu
        if (isSectionWord(units[i].folded)) s -= 5;
        // On a tie the earlier line wins only when the later one reads like a dek (a sentence, or long); otherwise
        // the later line is the headline and the earlier one a masthead, menu or tagline.
        if (s > bestScore || (s == bestScore && best && !looksLikeDek(units[i]))) bestScore = s, best = i;
    }
    h.headline = best;

    // Unlabelled bylines under the headline: "Jane Doe | June 2, 2024", or a bare name before the story.
    if (!h.byline && best) {
        int seen = 0;
        for (size_t i = *best + 1; i < n && i < firstProse && seen < 4; ++i) {
            if (!isSubstantive(units[i])) continue;
            ++seen;
            std::optional<Byline> b = readByline(units[i], true);
            if (!b && isBareName(units[i])) b = Byline{*parseAuthorList(units[i].text), std::nullopt};
            if (b) {
                h.byline = i;
                h.authors = b->authors;
                break;
            }
        }
    }

    // The dek: the first line of text between headline and byline (or the date line under the headline).
    size_t headerLimit = h.byline ? *h.byline : anchor;
    if (h.headline) {
        for (size_t i = *h.headline + 1; i < headerLimit && i < n; ++i) {
            const Unit& u = units[i];
            if (!isSubstantive(u) || u.dateOnly || u.words < 4) continue;
            if (!h.byline && !(anchor < n && units[anchor].dateOnly)) break;
            h.dek = i;
            break;
        }
    }

    // The publication date: score every date in the header area; the byline's own beats a date line next to it,
    // which beats one further away; the page's own date above the headline comes last.
    size_t scanFrom = h.headline ? (*h.headline >= 4 ? *h.headline - 4 : 0) : 0;
    size_t scanTo = std::min(n, std::max({firstProse, headerLimit + 3, h.byline ? *h.byline + 4 : 0}));
    int bestDate = -100;
    for (size_t i = scanFrom; i < scanTo; ++i) {
        const Unit& u = units[i];
        if (!u.date) continue;
        bool onByline = h.byline && i == *h.byline;
        if (!onByline && !u.dateOnly) continue;
        int s = 0;
        if (onByline) s += 6;
        if (h.byline && !onByline) s += 4 - int(std::min<size_t>(3, i > *h.byline ? i - *h.byline : *h.byline - i));
        if (h.headline && i > *h.headline) s += 3;
        if (u.date->hasTime) s += 1;
        if (u.updatedDate) s -= 3;
        if (s > bestDate) bestDate = s, h.dateUnit = i, h.published = u.date->iso, h.publishedDate = u.date;
    }

    size_t end = 0;
    for (std::optional<size_t> part : {h.headline, h.dek, h.byline, h.dateUnit})
        if (part) end = std::max(end, *part + 1);
    // Date lines directly under the header belong to it too.
    while (end < n && end > 0 && units[end].dateOnly) ++end;
    h.end = end;
    return h;
}

void applyHeader(std::vector<Unit>& units, const Header& header, Article& article) {
    if (header.headline) {
        article.title = units[*header.headline].text;
        decide(units[*header.headline], true, "title");
    }
    if (header.dek) {
        article.subtitle = units[*header.dek].text;
        decide(units[*header.dek], true, "subtitle");
    }
    for (const std::string& name : header.authors) article.authors.push_back({smartenPunctuation(name), "", ""});
    article.published = header.published;
    if (header.byline) {
        std::string names;
        for (const std::string& a : header.authors) names += (names.empty() ? "" : "; ") + a;
        bool withDate = header.dateUnit && *header.dateUnit == *header.byline;
        decide(units[*header.byline], true,
               (names.empty() ? std::string("byline (no named author)") : "byline: " + names) +
                   (withDate ? ", published " + header.published : std::string()));
    }
    if (header.dateUnit && !units[*header.dateUnit].decided)
        decide(units[*header.dateUnit], true, "published " + header.published);
    // Lines that repeat the headline (the page's <title>, a breadcrumb) are not content anywhere.
    if (header.headline) {
        const std::string& hf = units[*header.headline].folded;
        for (Unit& u : units)
            if (!u.decided && !hf.empty() && startsWith(u.folded, hf) && u.words <= units[*header.headline].words + 8)
                decide(u, false, "repeats the headline (page title)");
    }
    for (size_t i = 0; i < header.end && i < units.size(); ++i) {
        Unit& u = units[i];
        if (u.decided) continue;
        std::string reason;
        if (u.dateOnly)
            reason = header.headline && i < *header.headline ? "page date, not the article's" : "another date line";
        else if (u.words == 0)
            reason = "no words (separator or count)";
        else if (u.dateLabel)
            reason = "date label";
        else if (!u.publicationLabel.empty())
            reason = "publication label";
        else if (u.furniture.kind != Furniture::None)
            reason = furnitureReason(u.furniture.kind);
        else if (header.headline && i > *header.headline)
            reason = "between headline and byline";
        else if (u.separated || (isShortFragment(u) && u.words <= 3))
            reason = "before the headline: navigation or section label";
        else
            reason = "before the headline";
        decide(u, false, reason);
    }
}

std::optional<DateMatch> datelineDate(const std::vector<Block>& blocks) {
    auto dash = [](const std::string& x, bool atEnd) {
        for (const char* d : {"\xE2\x80\x94", "\xE2\x80\x93", "--", "-"}) {
            std::string_view dv(d);
            if (atEnd ? endsWith(x, dv) : startsWith(x, dv)) return true;
        }
        return false;
    };
    for (const Block& b : blocks) {
        if (b.type != BlockType::Paragraph) continue;
        const std::string& t = b.text.text;
        std::optional<DateMatch> m = findDateTime(t);
        if (!m || m->begin > 60) return std::nullopt;
        std::string before = trim(t.substr(0, m->begin));
        std::string after = trim(t.substr(m->end));
        bool opened = before.empty() || dash(before, true) || endsWith(before, ",");
        if (opened && dash(after, false) && splitWords(before).size() <= 6) return m;
        return std::nullopt;
    }
    return std::nullopt;
}

}  // namespace galley::importing::scraped
