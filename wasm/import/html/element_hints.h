// element_hints.h — what an element's markup says it is, before its text is read: its tag (<nav>, <aside>), ARIA
// role, hidden state, and the words of its class and id ("share-bar", "related-posts", "article-body").
//
// Class and id are split into words at punctuation ("post__share-tools" -> post, share, tools), each word compared
// whole, and neighbours joined ("read-more" -> readmore), so "ad" is never found in "header" or "shadow" (a
// substring match, as Readability's regular expressions do, finds it). A word after "has", "with", "no" or "for"
// ("has-sidebar", "no-comments", "grid-for-nav") describes the page, not the element, and is not counted.
#pragma once

#include <string>

#include "html_document.h"
#include "page_furniture.h"

namespace galley::importing::html {

struct ElementHint {
    // Furniture the markup names: a kind (Share, Comments, ...) with `evidence` ("class \"share-bar\"", "<nav>",
    // "role=navigation"); `what` names markup that is not text at all ("hidden", "form control", "embedded media").
    scraped::Furniture kind = scraped::Furniture::None;
    std::string what;
    std::string evidence;
    // Readability's class weight: +25 for a positive word in the class (article, body, content, entry, main, page,
    // post, text, story...), -25 for a negative one (comment, footer, sidebar, share, promo...), and the same for the id.
    int classWeight = 0;
    // <article>, <main>, role=main or role=article, itemprop=articleBody: markup that says "the story is here".
    bool articleMarkup = false;

    bool isFurniture() const { return kind != scraped::Furniture::None || !what.empty(); }
    std::string reason() const;  // "share prompt (class \"share-bar\")"
};

ElementHint hintOf(const Node& element);

// A frame from a site whose videos, recordings or posts articles embed (YouTube, Vimeo, SoundCloud, Spotify, X,
// Instagram, Mastodon...): kept as an embed block, not counted as an ad by the conditional cleaning.
bool isKnownEmbed(const Node& element);

// "<div id=\"main\" class=\"story\">": an element named as --explain shows it.
std::string describeElement(const Node& element);

}  // namespace galley::importing::html
