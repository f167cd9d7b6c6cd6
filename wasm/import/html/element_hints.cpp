// element_hints.cpp — see element_hints.h. The words are English, as the web's class names mostly are.
#include "element_hints.h"

#include <vector>

namespace galley::importing::html {
namespace {

using scraped::Furniture;

struct WordKind {
    const char* word;
    Furniture kind;
};

// A class or id word that names furniture, whatever else the element says of itself.
const WordKind kFurnitureWords[] = {
    {"share", Furniture::Share}, {"shares", Furniture::Share}, {"sharing", Furniture::Share},
    {"sharebar", Furniture::Share}, {"sharetools", Furniture::Share}, {"addthis", Furniture::Share},
    {"sharethis", Furniture::Share}, {"shareaholic", Furniture::Share},
    {"social", Furniture::Social}, {"socials", Furniture::Social}, {"followus", Furniture::Social},
    {"nav", Furniture::Navigation}, {"navbar", Furniture::Navigation}, {"navigation", Furniture::Navigation},
    {"menu", Furniture::Navigation}, {"menubar", Furniture::Navigation}, {"breadcrumb", Furniture::Navigation},
    {"breadcrumbs", Furniture::Navigation}, {"pagination", Furniture::Navigation}, {"pager", Furniture::Navigation},
    {"skiplink", Furniture::Navigation}, {"masthead", Furniture::Navigation}, {"topbar", Furniture::Navigation},
    {"header", Furniture::Navigation}, {"siteheader", Furniture::Navigation},
    {"related", Furniture::Related}, {"recommended", Furniture::Related}, {"recommendations", Furniture::Related},
    {"recirc", Furniture::Related}, {"recirculation", Furniture::Related}, {"readmore", Furniture::Related},
    {"morestories", Furniture::Related}, {"popular", Furniture::Related}, {"mostpopular", Furniture::Related},
    {"mostread", Furniture::Related}, {"trending", Furniture::Related}, {"outbrain", Furniture::Related},
    {"taboola", Furniture::Related}, {"readnext", Furniture::Related}, {"upnext", Furniture::Related},
    {"alsoread", Furniture::Related}, {"sidebar", Furniture::Related}, {"widget", Furniture::Related},
    {"widgets", Furniture::Related}, {"rail", Furniture::Related},
    {"ad", Furniture::Advertisement}, {"ads", Furniture::Advertisement}, {"adv", Furniture::Advertisement},
    {"advert", Furniture::Advertisement}, {"adverts", Furniture::Advertisement},
    {"advertisement", Furniture::Advertisement}, {"advertising", Furniture::Advertisement},
    {"adslot", Furniture::Advertisement}, {"adunit", Furniture::Advertisement}, {"adsense", Furniture::Advertisement},
    {"dfp", Furniture::Advertisement}, {"sponsor", Furniture::Advertisement},
    {"sponsored", Furniture::Advertisement}, {"promo", Furniture::Advertisement},
    {"promoted", Furniture::Advertisement}, {"promotion", Furniture::Advertisement},
    {"affiliate", Furniture::Advertisement},
    {"newsletter", Furniture::Newsletter}, {"newsletters", Furniture::Newsletter},
    {"subscribe", Furniture::Newsletter}, {"subscription", Furniture::Newsletter}, {"signup", Furniture::Newsletter},
    {"optin", Furniture::Newsletter}, {"mailchimp", Furniture::Newsletter},
    {"cookie", Furniture::Cookie}, {"cookies", Furniture::Cookie}, {"consent", Furniture::Cookie},
    {"gdpr", Furniture::Cookie}, {"cookiebar", Furniture::Cookie},
    {"paywall", Furniture::Paywall}, {"regwall", Furniture::Paywall},
    {"comment", Furniture::Comments}, {"comments", Furniture::Comments}, {"commentlist", Furniture::Comments},
    {"disqus", Furniture::Comments}, {"respond", Furniture::Comments}, {"replies", Furniture::Comments},
    {"discussion", Furniture::Comments},
    {"tags", Furniture::Tags}, {"taglist", Furniture::Tags}, {"topics", Furniture::Tags},
    {"categories", Furniture::Tags}, {"keywords", Furniture::Tags},
    {"footer", Furniture::Footer}, {"sitefooter", Furniture::Footer}, {"colophon", Furniture::Footer},
    {"copyright", Furniture::Footer},
    {"authorbio", Furniture::AuthorBox}, {"authorbox", Furniture::AuthorBox}, {"aboutauthor", Furniture::AuthorBox},
    {"aboutstheauthor", Furniture::AuthorBox},
    {"modal", Furniture::Boilerplate}, {"popup", Furniture::Boilerplate}, {"overlay", Furniture::Boilerplate},
};

// Readability's positive and negative words (weight ±25), as whole words.
const char* const kPositiveWords[] = {"article", "articlebody", "body", "content", "entry", "hentry", "main", "page",
                                      "post", "text", "blog", "story", "storybody", "prose"};
const char* const kNegativeWords[] = {"hidden", "banner", "combx", "comment", "com", "contact", "footer",
                                      "masthead", "media", "meta", "outbrain", "promo", "related", "scroll", "share",
                                      "shoutbox", "sidebar", "skyscraper", "sponsor", "shopping", "tags", "widget"};
const char* const kHiddenWords[] = {"hidden", "hide", "sronly", "visuallyhidden", "screenreadertext", "offscreen",
                                    "dnone"};

std::vector<std::string> wordsOf(const std::string& value) {
    std::vector<std::string> words;
    std::string w;
    for (char c : value) {
        bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (alnum) {
            w.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
        } else if (!w.empty()) {
            words.push_back(w);
            w.clear();
        }
    }
    if (!w.empty()) words.push_back(w);
    // "has-sidebar", "no-comments", "with-ads": the page's state, not what the element is.
    std::vector<std::string> kept;
    for (size_t i = 0; i < words.size(); ++i) {
        if (i > 0 && (words[i - 1] == "has" || words[i - 1] == "with" || words[i - 1] == "no" ||
                      words[i - 1] == "without" || words[i - 1] == "show" || words[i - 1] == "enable" ||
                      words[i - 1] == "for"))
            continue;
        kept.push_back(words[i]);
    }
    // Neighbours joined: "read more" -> "readmore", "sign up" -> "signup", "sr only" -> "sronly".
    const size_t single = kept.size();
    for (size_t i = 0; i + 1 < single; ++i) kept.push_back(kept[i] + kept[i + 1]);
    for (size_t i = 0; i + 2 < single; ++i) kept.push_back(kept[i] + kept[i + 1] + kept[i + 2]);
    return kept;
}

template <size_t N>
bool anyOf(const std::vector<std::string>& words, const char* const (&list)[N]) {
    for (const std::string& w : words)
        for (const char* l : list)
            if (w == l) return true;
    return false;
}

int weightOf(const std::string& value) {
    if (value.empty()) return 0;
    std::vector<std::string> words = wordsOf(value);
    int weight = 0;
    if (anyOf(words, kNegativeWords)) weight -= 25;
    if (anyOf(words, kPositiveWords)) weight += 25;
    return weight;
}

bool isHiddenByStyle(const std::string& style) {
    std::string s;
    for (char c : style)
        if (c != ' ' && c != '\t' && c != '\n') s.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    return s.find("display:none") != std::string::npos || s.find("visibility:hidden") != std::string::npos;
}

}  // namespace

std::string ElementHint::reason() const {
    std::string r = !what.empty() ? what : scraped::furnitureReason(kind);
    if (!evidence.empty()) r += " (" + evidence + ")";
    return r;
}

bool isKnownEmbed(const Node& e) {
    if (e.tag != "iframe") return false;
    std::string src = e.has("data-src") ? e.attribute("data-src") : e.attribute("src");
    for (char& c : src)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    for (const char* host : {"youtube.com/embed/", "youtube-nocookie.com/embed/", "player.vimeo.com/video/",
                             "w.soundcloud.com/player", "open.spotify.com/embed", "platform.twitter.com/embed",
                             "instagram.com/p/", "dailymotion.com/embed", "/embed", "bandcamp.com/embeddedplayer"})
        if (src.find(host) != std::string::npos) return src.rfind("https://", 0) == 0 || src.rfind("//", 0) == 0;
    return false;
}

std::string describeElement(const Node& n) {
    std::string s = "<" + n.tag;
    const std::string& id = n.attribute("id");
    const std::string& cls = n.attribute("class");
    auto clipped = [](const std::string& v) { return v.size() > 40 ? v.substr(0, 40) + "..." : v; };
    if (!id.empty()) s += " id=\"" + clipped(id) + "\"";
    if (!cls.empty()) s += " class=\"" + clipped(cls) + "\"";
    if (n.has("itemprop")) s += " itemprop=\"" + clipped(n.attribute("itemprop")) + "\"";
    return s + ">";
}

ElementHint hintOf(const Node& e) {
    ElementHint h;
    if (e.isText) return h;
    const std::string& tag = e.tag;
    const std::string& role = e.attribute("role");
    h.articleMarkup = tag == "article" || tag == "main" || role == "main" || role == "article" ||
                      e.attribute("itemprop") == "articleBody";
    h.classWeight = weightOf(e.attribute("class")) + weightOf(e.attribute("id"));

    if (e.has("hidden") || e.attribute("aria-hidden") == "true" || isHiddenByStyle(e.attribute("style"))) {
        h.what = "hidden";
        return h;
    }
    // AMP's components: <amp-ad>, <amp-sticky-ad>, <amp-embed> (ad networks), <amp-social-share>, <amp-sidebar>.
    if (tag == "amp-ad" || tag == "amp-sticky-ad" || tag == "amp-embed") h.kind = Furniture::Advertisement;
    if (tag == "amp-social-share") h.kind = Furniture::Share;
    if (tag == "amp-sidebar") h.kind = Furniture::Navigation;
    if (tag == "nav") h.kind = Furniture::Navigation;
    if (tag == "aside") h.kind = Furniture::Related;
    if (tag == "footer") h.kind = Furniture::Footer;
    if (tag == "header") h.kind = Furniture::Navigation;
    if (h.kind != Furniture::None) {
        h.evidence = "<" + tag + ">";
        return h;
    }
    if (tag == "button" || tag == "input" || tag == "select" || tag == "textarea" || tag == "dialog" ||
        tag == "label" || tag == "option") {
        h.what = "form control";
        h.evidence = "<" + tag + ">";
        return h;
    }
    // <video> and <audio> are kept: block mapping makes embed cards of those with a source to link to.
    if ((tag == "iframe" && !isKnownEmbed(e)) || tag == "embed" || tag == "object" || tag == "canvas" ||
        tag == "svg" || tag == "math") {
        h.what = "embedded media, not text";
        h.evidence = "<" + tag + ">";
        return h;
    }
    static const std::pair<const char*, Furniture> roles[] = {
        {"navigation", Furniture::Navigation}, {"menu", Furniture::Navigation}, {"menubar", Furniture::Navigation},
        {"banner", Furniture::Navigation}, {"search", Furniture::Navigation}, {"toolbar", Furniture::Navigation},
        {"contentinfo", Furniture::Footer}, {"complementary", Furniture::Related}, {"dialog", Furniture::Boilerplate},
        {"alert", Furniture::Boilerplate}, {"alertdialog", Furniture::Boilerplate}};
    for (const auto& r : roles)
        if (role == r.first) {
            h.kind = r.second;
            h.evidence = "role=" + role;
            return h;
        }
    for (const char* attribute : {"class", "id"}) {
        const std::string& value = e.attribute(attribute);
        if (value.empty()) continue;
        std::vector<std::string> words = wordsOf(value);
        if (anyOf(words, kHiddenWords)) {
            h.what = "hidden";
            h.evidence = std::string(attribute) + " \"" + value + "\"";
            return h;
        }
        for (const std::string& w : words)
            for (const WordKind& wk : kFurnitureWords)
                if (w == wk.word) {
                    h.kind = wk.kind;
                    h.evidence = std::string(attribute) + " \"" + value + "\"";
                    return h;
                }
    }
    return h;
}

}  // namespace galley::importing::html
