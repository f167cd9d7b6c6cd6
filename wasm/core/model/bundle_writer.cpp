// bundle_writer.cpp — see bundle_writer.h. Builds an nlohmann::ordered_json tree (ordered so keys keep the
// documented order) and dumps it with the replacing error handler, which is what keeps dump() from throwing on
// bad UTF-8.
#include "bundle_writer.h"

#include <nlohmann/json.hpp>

namespace galley {
namespace {

using Json = nlohmann::ordered_json;

const char* jsonMarkType(MarkKind k) {
    switch (k) {
        case MarkKind::Emphasis: return "emphasis";
        case MarkKind::Strong: return "strong";
        case MarkKind::Link: return "link";
    }
    return "emphasis";
}

Json marksJson(const std::vector<Mark>& marks) {
    Json out = Json::array();
    for (const Mark& m : marks) {
        Json j;
        j["type"] = jsonMarkType(m.kind);
        j["start"] = m.start;
        j["end"] = m.end;
        if (m.kind == MarkKind::Link) j["href"] = m.href;
        out.push_back(std::move(j));
    }
    return out;
}

// List items, captions and attributions: a string, or {text, marks} when there are marks.
Json richTextJson(const RichText& rt) {
    if (rt.marks.empty()) return Json(rt.text);
    Json j;
    j["text"] = rt.text;
    j["marks"] = marksJson(rt.marks);
    return j;
}

void addTextAndMarks(Json& j, const RichText& rt) {
    j["text"] = rt.text;
    if (!rt.marks.empty()) j["marks"] = marksJson(rt.marks);
}

Json blockJson(const Block& b) {
    Json j;
    j["type"] = blockTypeName(b.type);
    if (b.dir != WritingDirection::Inherit) j["dir"] = writingDirectionName(b.dir);
    switch (b.type) {
        case BlockType::Paragraph:
            addTextAndMarks(j, b.text);
            break;
        case BlockType::Heading:
            j["level"] = b.level;
            addTextAndMarks(j, b.text);
            if (!b.anchor.empty()) j["id"] = b.anchor;
            break;
        case BlockType::Quote:
        case BlockType::Pullquote:
            addTextAndMarks(j, b.text);
            if (!b.attribution.empty()) j["attribution"] = richTextJson(b.attribution);
            break;
        case BlockType::List: {
            j["ordered"] = b.ordered;
            Json items = Json::array();
            for (const RichText& item : b.items) items.push_back(richTextJson(item));
            j["items"] = std::move(items);
            break;
        }
        case BlockType::Image:
            j["src"] = b.src;
            j["alt"] = b.alt;
            if (b.width > 0 && b.height > 0) {
                j["width"] = b.width;
                j["height"] = b.height;
            }
            if (!b.caption.empty()) j["caption"] = richTextJson(b.caption);
            break;
        case BlockType::Divider:
            break;
    }
    return j;
}

Json articleJson(const Article& a) {
    Json j;
    j["id"] = a.id;
    j["lang"] = a.lang;
    if (a.dir != WritingDirection::Inherit) j["dir"] = writingDirectionName(a.dir);
    j["title"] = a.title;
    if (!a.subtitle.empty()) j["subtitle"] = a.subtitle;
    Json authors = Json::array();
    for (const Author& au : a.authors) {
        Json aj;
        aj["name"] = au.name;
        if (!au.url.empty()) aj["url"] = au.url;
        authors.push_back(std::move(aj));
    }
    j["authors"] = std::move(authors);
    if (!a.published.empty()) j["published"] = a.published;
    if (!a.source.name.empty()) {
        Json s;
        s["name"] = a.source.name;
        if (!a.source.url.empty()) s["url"] = a.source.url;
        j["source"] = std::move(s);
    }
    Json blocks = Json::array();
    for (const Block& b : a.blocks) blocks.push_back(blockJson(b));
    j["blocks"] = std::move(blocks);
    return j;
}

}  // namespace

std::string writeBundleJson(const Bundle& bundle, int indent) {
    Json root;
    root["galley"] = bundle.version;
    Json articles = Json::array();
    for (const Article& a : bundle.articles) articles.push_back(articleJson(a));
    root["articles"] = std::move(articles);
    std::string text = root.dump(indent, ' ', false, Json::error_handler_t::replace);
    text.push_back('\n');
    return text;
}

std::string slugFromTitle(const std::string& title) {
    // Words are runs of ASCII letters and digits; apostrophes inside words are dropped ("China's" -> "chinas")
    // rather than splitting the word.
    std::vector<std::string> words;
    std::string word;
    for (size_t i = 0; i < title.size(); ++i) {
        char c = title[i];
        bool apostrophe = c == '\'' || title.compare(i, 3, "\xE2\x80\x99") == 0;
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            word.push_back(c);
        } else if (c >= 'A' && c <= 'Z') {
            word.push_back(static_cast<char>(c - 'A' + 'a'));
        } else if (apostrophe && !word.empty()) {
            if (c != '\'') i += 2;
        } else if (!word.empty()) {
            words.push_back(word);
            word.clear();
        }
    }
    if (!word.empty()) words.push_back(word);
    const size_t limit = 30;
    std::string slug;
    for (const std::string& w : words) {
        size_t grown = slug.size() + (slug.empty() ? 0 : 1) + w.size();
        if (grown > limit) {
            if (slug.empty()) slug = w.substr(0, limit);
            break;
        }
        if (!slug.empty()) slug.push_back('-');
        slug += w;
    }
    return slug.empty() ? "article" : slug;
}

}  // namespace galley
