// content_scoring.cpp — see content_scoring.h.
#include "content_scoring.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "element_hints.h"
#include "import_text.h"
#include "text_lines.h"

namespace galley::importing::html {
namespace {

bool isBlockTag(const std::string& t) {
    static const char* const tags[] = {"address", "article", "aside", "blockquote", "dd", "div", "dl", "dt",
                                       "fieldset", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
                                       "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table",
                                       "ul", "figcaption", "details", "tr", "td", "th", "tbody"};
    return std::find(std::begin(tags), std::end(tags), t) != std::end(tags);
}

int tagStart(const std::string& t) {
    if (t == "div") return 5;
    if (t == "pre" || t == "td" || t == "blockquote") return 3;
    if (t == "address" || t == "ol" || t == "ul" || t == "dl" || t == "dd" || t == "dt" || t == "li" || t == "form")
        return -3;
    if ((t.size() == 2 && t[0] == 'h' && t[1] >= '1' && t[1] <= '6') || t == "th") return -5;
    return 0;
}

bool isDropped(const std::vector<bool>& dropped, NodeId id) { return !dropped.empty() && dropped[static_cast<size_t>(id)]; }

// A <div> (or <section>, <article>) that holds text of its own and no block: Readability reads it as a paragraph.
bool isTextDiv(const Document& doc, NodeId id, const std::vector<bool>& dropped) {
    const Node& n = doc[id];
    if (n.tag != "div" && n.tag != "section" && n.tag != "article") return false;
    bool text = false;
    for (NodeId c : n.children) {
        if (isDropped(dropped, c)) continue;
        const Node& child = doc[c];
        if (child.isText) {
            text = text || child.text.find_first_not_of(" \t\r\n\f") != std::string::npos;
        } else if (isBlockTag(child.tag)) {
            return false;
        }
    }
    return text;
}

std::string number(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

}  // namespace

double ArticleChoice::scoreOf(NodeId id) const {
    for (const Candidate& c : scored)
        if (c.id == id) return c.score;
    return 0;
}

ArticleChoice scoreContent(const Document& doc, const std::vector<bool>& dropped, const TextMeasure& m) {
    ArticleChoice choice;
    const NodeId body = doc.body != NoNode ? doc.body : doc.html;
    if (body == NoNode) return choice;

    // Article markup counts only when the page has one of its kind (a list of teasers has many <article>s).
    std::map<std::string, int> markupCount;
    for (NodeId k = body, stop = doc.end(body); k < stop; ++k)
        if (!doc[k].isText && !isDropped(dropped, k) && hintOf(doc[k]).articleMarkup)
            ++markupCount[doc[k].tag + "/" + doc[k].attribute("itemprop") + "/" + doc[k].attribute("role")];

    std::map<NodeId, Candidate> candidates;
    auto candidate = [&](NodeId id) -> Candidate& {
        auto it = candidates.find(id);
        if (it != candidates.end()) return it->second;
        const Node& n = doc[id];
        ElementHint hint = hintOf(n);
        Candidate c;
        c.id = id;
        c.start = tagStart(n.tag) + hint.classWeight;
        if (hint.articleMarkup && markupCount[n.tag + "/" + n.attribute("itemprop") + "/" + n.attribute("role")] == 1)
            c.start += 25;
        c.contentScore = c.start;
        return candidates.emplace(id, c).first->second;
    };

    for (NodeId k = body, stop = doc.end(body); k < stop; ++k) {
        if (isDropped(dropped, k)) {
            k = doc.end(k) - 1;
            continue;
        }
        const Node& n = doc[k];
        if (n.isText) continue;
        if (!(n.tag == "p" || n.tag == "pre" || n.tag == "td" || isTextDiv(doc, k, dropped))) continue;
        const uint32_t length = m.chars[static_cast<size_t>(k)];
        if (length < 25) continue;
        const double score = 1.0 + m.commas[static_cast<size_t>(k)] + std::min<double>(std::floor(length / 100.0), 3.0);
        NodeId a = n.parent;
        for (int level = 0; level < 5 && a != NoNode && a != doc.html; ++level, a = doc[a].parent) {
            Candidate& c = candidate(a);
            c.contentScore += level == 0 ? score : level == 1 ? score / 2 : score / (level * 3);
        }
    }
    for (auto& [id, c] : candidates) {
        c.linkDensity = m.linkDensity(id);
        c.score = c.contentScore * (1 - c.linkDensity);
        choice.scored.push_back(c);
    }
    std::vector<Candidate> ranked = choice.scored;
    std::sort(ranked.begin(), ranked.end(), [](const Candidate& a, const Candidate& b) {
        return a.score != b.score ? a.score > b.score : a.id < b.id;
    });
    choice.ranked.assign(ranked.begin(), ranked.begin() + static_cast<long>(std::min<size_t>(5, ranked.size())));

    if (ranked.empty()) {
        choice.top = body;
        choice.roots = {body};
        choice.how = "no paragraph scored: the whole body";
        return choice;
    }
    NodeId top = ranked[0].id;
    choice.how = "best score";
    // Runners-up within 75% of the best: an ancestor holding three of them is the article's container.
    std::vector<NodeId> close;
    for (size_t i = 1; i < ranked.size() && i < 5; ++i)
        if (ranked[i].score >= 0.75 * ranked[0].score) close.push_back(ranked[i].id);
    if (close.size() >= 3) {
        for (NodeId a = doc[top].parent; a != NoNode && a != body && a != doc.html; a = doc[a].parent) {
            int holds = static_cast<int>(std::count_if(close.begin(), close.end(), [&](NodeId c) { return doc.contains(a, c); }));
            if (holds >= 3) {
                top = a;
                choice.how = "ancestor of " + std::to_string(holds) + " runners-up";
                break;
            }
        }
    }
    // An ancestor scoring better than the top (the top was one part of it).
    double last = choice.scoreOf(top);
    const double floor = last / 3;
    for (NodeId a = doc[top].parent; a != NoNode && a != body && a != doc.html; a = doc[a].parent) {
        double s = choice.scoreOf(a);
        if (s == 0) continue;
        if (s < floor) break;
        if (s > last) {
            top = a;
            choice.how += ", then its better-scoring ancestor";
            break;
        }
        last = s;
    }
    // Out of wrappers that hold nothing else.
    while (doc[top].parent != NoNode && doc[top].parent != body && doc[top].parent != doc.html) {
        const Node& parent = doc[doc[top].parent];
        int elements = 0;
        bool text = false;
        for (NodeId c : parent.children) {
            if (isDropped(dropped, c)) continue;
            if (doc[c].isText)
                text = text || doc[c].text.find_first_not_of(" \t\r\n\f") != std::string::npos;
            else
                ++elements;
        }
        if (elements != 1 || text) break;
        top = doc[top].parent;
    }
    choice.top = top;

    // Siblings.
    const double topScore = std::max(choice.scoreOf(top), ranked[0].score);
    const double threshold = std::max(10.0, topScore * 0.2);
    const NodeId parent = doc[top].parent;
    if (parent == NoNode || top == body) {  // the body's sibling is the <head>
        choice.roots = {top};
        return choice;
    }
    const std::string& topClass = doc[top].attribute("class");
    for (NodeId s : doc[parent].children) {
        if (s == top) {
            choice.roots.push_back(s);
            continue;
        }
        if (isDropped(dropped, s) || doc[s].isText) continue;
        const Node& sibling = doc[s];
        SiblingVerdict v;
        v.id = s;
        double bonus = !topClass.empty() && sibling.attribute("class") == topClass ? topScore * 0.2 : 0;
        // What its paragraphs earned, without its start: a sibling <article> holding a teaser, or a box whose class
        // says "content", joins by its text or not at all.
        double score = 0;
        for (const Candidate& c : choice.scored)
            if (c.id == s) score = (c.contentScore - c.start) * (1 - c.linkDensity);
        const uint32_t length = m.chars[static_cast<size_t>(s)];
        const double density = m.linkDensity(s);
        if (score > 0 && score + bonus >= threshold) {
            v.kept = true;
            v.why = "score " + number(score) + (bonus > 0 ? " + same-class bonus " + number(bonus) : "") +
                    " >= threshold " + number(threshold);
        } else if (sibling.tag == "p" && length > 80 && density < 0.25) {
            v.kept = true;
            v.why = "paragraph of prose (" + std::to_string(length) + " code points, link density " +
                    number(density) + ")";
        } else if (sibling.tag == "p" && length > 0 && density == 0 &&
                   scraped::endsLikeSentence(collapsedText(doc, s, dropped))) {
            v.kept = true;
            v.why = "short sentence without links";
        } else {
            if (length == 0) continue;  // nothing to say about an empty sibling
            v.why = score > 0 ? "score " + number(score) + " < threshold " + number(threshold)
                              : "not a candidate (" + std::to_string(length) + " code points, link density " +
                                    number(density) + ")";
        }
        if (v.kept) choice.roots.push_back(s);
        v.why = describeElement(sibling) + ": " + v.why;
        choice.siblings.push_back(std::move(v));
    }
    return choice;
}

}  // namespace galley::importing::html
